import { ArgsType, Field, ID, ObjectType } from '@nestjs/graphql';
import GraphQLJSON from '../../common/json.scalar';
import { Connection, PageArgs } from '../../common/pagination';
import { ClosedToTokens } from '../../common/auth/scope.decorator';

@ClosedToTokens()
@ObjectType({ description: 'One entry of the audit trail: metadata only, never clinical text.' })
export class AuditEvent {
  @Field(() => ID)
  id: string;

  @Field()
  occurredAt: Date;

  @Field(() => ID, { nullable: true })
  actorId: string | null;

  @Field(() => String, { nullable: true })
  actorRole: string | null;

  @Field(() => ID, { nullable: true, description: 'Set when the actor used an API token.' })
  viaTokenId: string | null;

  @Field()
  action: string;

  @Field(() => String, { nullable: true })
  targetType: string | null;

  @Field(() => String, { nullable: true })
  targetId: string | null;

  @Field(() => ID, { nullable: true, description: 'Whose record was touched.' })
  subjectUserId: string | null;

  @Field(() => String, { nullable: true })
  ip: string | null;

  @Field(() => String, { nullable: true })
  requestId: string | null;

  @Field(() => GraphQLJSON)
  metadata: Record<string, unknown>;
}

export const AuditEventConnection = Connection(AuditEvent, 'AuditEvent');

@ArgsType()
export class AuditEventsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Entries where this person acted or whose record was touched.' })
  userId?: string | null;

  @Field(() => Date, { nullable: true })
  from?: Date | null;

  @Field(() => Date, { nullable: true })
  to?: Date | null;
}
