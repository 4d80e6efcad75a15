import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { FLAG_KINDS, GAD7, LONG_GAP_DAYS, NOT_IMPROVING_AFTER_WEEKS, PHQ9, type FlagKind, type MeasureKind } from '@attune/domain';
import { Connection, PageArgs } from '../../common/pagination';
import { UpdatedSinceField } from '../../common/updated-since';
import { CheckIn } from '../checkins/check-in.model';
import { MeasureKindEnum } from '../measures/measure.model';
import { Session } from '../sessions/session.model';
import { Person } from '../users/user.model';
import { ReadScope } from '../../common/auth/scope.decorator';

export const FlagKindEnum = Object.fromEntries(FLAG_KINDS.map((kind) => [kind, kind])) as { [K in FlagKind]: K };
registerEnumType(FlagKindEnum, {
  name: 'FlagKind',
  description: 'What a caseload flag is about.',
  valuesMap: {
    ALLIANCE: { description: 'The latest check-in needs attention (low or falling scores) and has not been acknowledged.' },
    COMMENT_WAITING: { description: 'A check-in comment is waiting for the therapist to read it.' },
    MISSED_SESSIONS: { description: 'The last two sessions were cancelled or missed.' },
    NO_UPCOMING_SESSION: { description: 'Nothing is booked.' },
    LONG_GAP: { description: `It has been more than ${LONG_GAP_DAYS} days since the last session (or since care began).` },
    GONE_QUIET: { description: 'The client used to share reflections and has shared none in the last 30 days.' },
    SYMPTOMS_WORSENING: {
      description: `A measure’s latest total in this care relationship is above its first by at least the reliable-change amount (PHQ-9: ${PHQ9.reliableChange}, GAD-7: ${GAD7.reliableChange}). \`Flag.measure\` says which.`,
    },
    NOT_IMPROVING: {
      description: `A measure’s totals in this care relationship span at least ${NOT_IMPROVING_AFTER_WEEKS} weeks, started above the minimal band, and the latest has not fallen from the first by the reliable-change amount. \`Flag.measure\` says which.`,
    },
  },
});

export enum CaseloadSort {
  NAME = 'NAME',
  NEXT_SESSION = 'NEXT_SESSION',
  LAST_SESSION = 'LAST_SESSION',
  ATTENTION = 'ATTENTION',
}
registerEnumType(CaseloadSort, {
  name: 'CaseloadSort',
  description: 'The order of the caseload.',
  valuesMap: {
    NAME: { description: 'By the client’s name.' },
    NEXT_SESSION: { description: 'Soonest next session first.' },
    LAST_SESSION: { description: 'By when you last met.' },
    ATTENTION: { description: 'Clients with the most flags first.' },
  },
});

export enum CaseloadFilter {
  ALL = 'ALL',
  FLAGGED = 'FLAGGED',
  NO_UPCOMING_SESSION = 'NO_UPCOMING_SESSION',
  UNREAD_REFLECTIONS = 'UNREAD_REFLECTIONS',
}
registerEnumType(CaseloadFilter, {
  name: 'CaseloadFilter',
  description: 'Which clients of the caseload to list.',
  valuesMap: {
    ALL: { description: 'Every client in an active care relationship.' },
    FLAGGED: { description: 'Clients with at least one flag.' },
    NO_UPCOMING_SESSION: { description: 'Clients with nothing booked.' },
    UNREAD_REFLECTIONS: { description: 'Clients with shared reflections the therapist has not read.' },
  },
});

export enum AllianceDirection {
  UP = 'UP',
  DOWN = 'DOWN',
  STEADY = 'STEADY',
}
registerEnumType(AllianceDirection, {
  name: 'AllianceDirection',
  description: 'Which way the client’s check-in scores are moving (null with fewer than two check-ins).',
  valuesMap: {
    UP: { description: 'The latest overall score is at least one point above the average of the three before it.' },
    DOWN: { description: 'The latest overall score is at least one point below the average of the three before it.' },
    STEADY: { description: 'Within a point of that average.' },
  },
});

@ReadScope('caseload:read')
@ObjectType({ description: 'A flag on a relationship, with its reason in words.' })
export class Flag {
  @Field(() => FlagKindEnum, { description: 'What the flag is about.' })
  kind: FlagKind;

  @Field({ description: 'Why it is raised, in words for the therapist, like "It has been 25 days since you last met."' })
  reason: string;

  @Field(() => ID, { nullable: true, description: 'The check-in to acknowledge; acknowledging closes the flag.' })
  checkInId: string | null;

  @Field(() => MeasureKindEnum, { nullable: true, description: 'The measure a SYMPTOMS_WORSENING or NOT_IMPROVING flag is about; null for the other kinds.' })
  measure: MeasureKind | null;
}

@ReadScope('caseload:read')
@ObjectType({ description: 'One check-in on the alliance chart.' })
export class AlliancePoint {
  @Field({ description: 'When the client checked in.' })
  at: Date;

  @Field(() => Int, { description: 'Feeling safe and heard, 0 to 10 (`CheckIn.bond`).' })
  bond: number;

  @Field(() => Int, { description: 'Time on what matters, 0 to 10 (`CheckIn.goals`).' })
  goals: number;

  @Field(() => Int, { description: 'The way of working, 0 to 10 (`CheckIn.approach`).' })
  approach: number;

  @Field(() => Int, { description: 'The session overall, 0 to 10 (`CheckIn.overall`).' })
  overall: number;
}

@ReadScope('caseload:read')
@ObjectType({ description: 'How the working alliance is going, from the client’s check-ins.' })
export class Alliance {
  @Field(() => CheckIn, { nullable: true, description: 'The newest check-in in this care relationship; null when there is none yet.' })
  latest: unknown;

  @Field(() => [AlliancePoint], { description: 'The most recent check-ins in this care relationship, oldest first, for a chart: up to 8 on the caseload, up to 50 on `client`.' })
  trend: AlliancePoint[];

  @Field(() => AllianceDirection, { nullable: true, description: 'The newest "overall" against the ones before; null with fewer than two.' })
  direction: AllianceDirection | null;
}

@ReadScope('caseload:read')
@ObjectType({ description: 'A client in the therapist’s care, at a glance.' })
export class CaseloadEntry {
  @Field(() => Person, { description: 'The client.' })
  client: Person;

  @Field({ description: 'When this care relationship began.' })
  since: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When the client closed their account: they can no longer sign in or be scheduled. Their record is kept for the retention period.',
  })
  accountClosedAt: Date | null;

  @Field(() => Session, { nullable: true, description: 'The client’s soonest upcoming scheduled session; null when nothing is booked.' })
  nextSession: unknown;

  @Field(() => Session, { nullable: true, description: 'The last session you met (completed).' })
  lastSession: unknown;

  @Field(() => Int, { nullable: true, description: 'Whole days since the last session you met.' })
  daysSinceLastSession: number | null;

  @Field(() => Int, { description: 'How many reflections the client has shared with you that you have not opened yet.' })
  unreadSharedReflections: number;

  @Field(() => Alliance, { description: 'How the working alliance is going, from the client’s check-ins in this care relationship.' })
  alliance: Alliance;

  @Field(() => [Flag], { description: 'What may need your attention, each with its reason; empty when nothing does, and always empty once the client has closed their account.' })
  flags: Flag[];
}

export const CaseloadConnection = Connection(CaseloadEntry, 'Caseload');

@ArgsType()
export class CaseloadArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Part of a client’s name or email.' })
  search?: string | null;

  @Field(() => CaseloadSort, { nullable: true, defaultValue: CaseloadSort.NAME, description: 'The order; by name when left out. Ties go by name.' })
  sort?: CaseloadSort;

  @Field(() => CaseloadFilter, { nullable: true, defaultValue: CaseloadFilter.ALL, description: 'Which clients to list; all of them when left out.' })
  filter?: CaseloadFilter;

  @UpdatedSinceField(
    'A client is listed when something their row is made of changed: the care relationship began, they closed their account, one of their sessions changed (scheduled, moved, cancelled, completed, missed, agenda), a check-in with you was submitted or acknowledged, a measure was filled in while in your care, or a reflection shared with you was shared, read, responded to or taken back. Private reflections never count. What only the passing of time changes (`daysSinceLastSession`, flags for time without a session) does not list a client; a client whose care ended leaves the caseload without being listed.',
  )
  updatedSince?: Date | null;
}

@ReadScope('caseload:read')
@ObjectType({ description: 'A client’s record as their therapist (or the client) sees it.' })
export class Client {
  @Field(() => ID, { description: 'Identifies the client.' })
  id: string;

  @Field({ description: 'The client’s name.' })
  displayName: string;

  @Field({ description: 'The email address the client signs in with.' })
  email: string;

  @Field(() => Person, { nullable: true, description: 'Their current therapist.' })
  therapist: Person | null;

  @Field(() => CaseloadEntry, { nullable: true, description: 'The relationship at a glance (therapists).' })
  relationship: CaseloadEntry | null;
}
