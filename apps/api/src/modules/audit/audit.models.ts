import { ArgsType, Field, ID, ObjectType } from '@nestjs/graphql';
import GraphQLJSON from '../../common/json.scalar';
import { Connection, PageArgs } from '../../common/pagination';
import { ClosedToTokens } from '../../common/auth/scope.decorator';

@ClosedToTokens()
@ObjectType({ description: 'One entry of the audit trail: metadata only, never clinical text.' })
export class AuditEvent {
  @Field(() => ID, { description: 'The entry’s number: a later entry has a higher one.' })
  id: string;

  @Field({ description: 'When it happened.' })
  occurredAt: Date;

  @Field(() => ID, { nullable: true, description: 'Who did it; null when nobody was signed in (a sign-in attempt, a reset link).' })
  actorId: string | null;

  @Field(() => String, { nullable: true, description: 'Their role at the time: CLIENT, THERAPIST or ADMIN; null when there is no actor.' })
  actorRole: string | null;

  @Field(() => ID, { nullable: true, description: 'Set when the actor used an API token.' })
  viaTokenId: string | null;

  @Field({ description: 'What happened, like `session.read` or `account.deactivated`.' })
  action: string;

  @Field(() => String, { nullable: true, description: 'What kind of record it touched, like `session` or `user`; null when none.' })
  targetType: string | null;

  @Field(() => String, { nullable: true, description: 'The id of the record it touched; null when none.' })
  targetId: string | null;

  @Field(() => ID, { nullable: true, description: 'Whose record was touched.' })
  subjectUserId: string | null;

  @Field(() => String, { nullable: true, description: 'The network address the request came from, when known.' })
  ip: string | null;

  @Field(() => String, { nullable: true, description: 'The server’s id for the request, as in its logs and error references (`extensions.requestId`).' })
  requestId: string | null;

  @Field(() => GraphQLJSON, { description: 'Ids, counts and flags about what happened, never clinical text, like `{ "tokensRevoked": 2 }`.' })
  metadata: Record<string, unknown>;
}

export const AuditEventConnection = Connection(AuditEvent, 'AuditEvent');

@ArgsType()
export class AuditEventsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Entries where this person acted or whose record was touched.' })
  userId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Entries at or after this time.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Entries before this time.' })
  to?: Date | null;
}
