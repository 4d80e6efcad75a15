import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, PageArgs } from '../../common/pagination';
import { RoleEnum } from '../users/user.model';
import type { Role } from '@attune/domain';
import { ClosedToTokens } from '../../common/auth/scope.decorator';

@ClosedToTokens()
@ObjectType({ description: 'A person in the practice, as admins manage them (no clinical data).' })
export class PracticeMember {
  @Field(() => ID, { description: 'Identifies the person.' })
  id: string;

  @Field({ description: 'Their name.' })
  displayName: string;

  @Field({ description: 'The email address they sign in with.' })
  email: string;

  @Field(() => RoleEnum, { description: 'What they do in the practice.' })
  role: Role;

  @Field(() => String, { nullable: true, description: "For clients: their current therapist's name." })
  therapistName: string | null;

  @Field(() => ID, { nullable: true, description: 'For clients: their current therapist’s id; null when no active therapist cares for them.' })
  therapistId: string | null;

  @Field({ description: 'True when an admin has ended this person’s access; they cannot sign in.' })
  deactivated: boolean;

  @Field({ description: 'For active clients: true when no active therapist cares for them (none yet, or theirs was deactivated).' })
  needsTherapist: boolean;
}

@ClosedToTokens()
@ObjectType({ description: "A therapist account of the signed-in admin's own (invited by them, with their name or email), with clients in its care." })
export class ClinicalAccessAccount {
  @Field(() => ID, { description: 'Identifies the therapist account.' })
  id: string;

  @Field({ description: 'The therapist account’s name.' })
  displayName: string;

  @Field({ description: 'The therapist account’s email address.' })
  email: string;

  @Field(() => Int, { description: 'Clients in this account’s care now.' })
  activeClients: number;
}

export const PracticeMemberConnection = Connection(PracticeMember, 'PracticeMember');

@ArgsType()
export class PracticeMembersArgs extends PageArgs {
  @Field(() => RoleEnum, { nullable: true, description: 'Only people with this role.' })
  role?: Role | null;

  @Field(() => String, { nullable: true, description: 'Part of a name or email.' })
  search?: string | null;
}
