import { MEASURE_KINDS, MEASURE_SCHEDULES } from '@attune/domain';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OpenToTokens, ReadScope } from '../../common/auth/scope.decorator';
import { Connection, PageArgs } from '../../common/pagination';

export const MeasureKindEnum = Object.fromEntries(MEASURE_KINDS.map((kind) => [kind, kind])) as { [K in (typeof MEASURE_KINDS)[number]]: K };
registerEnumType(MeasureKindEnum, {
  name: 'MeasureKind',
  description: 'The outcome measures Attune offers.',
  valuesMap: { PHQ9: { description: 'The PHQ-9 (depression), 9 questions, totals 0–27.' }, GAD7: { description: 'The GAD-7 (anxiety), 7 questions, totals 0–21.' } },
});

export const MeasureScheduleEnum = Object.fromEntries(MEASURE_SCHEDULES.map((schedule) => [schedule, schedule])) as { [K in (typeof MEASURE_SCHEDULES)[number]]: K };
registerEnumType(MeasureScheduleEnum, {
  name: 'MeasureSchedule',
  description: 'How often a client is asked to fill in a measure.',
  valuesMap: {
    OFF: { description: 'Not asked.' },
    BEFORE_EVERY_SESSION: { description: 'Before every session: due from three days ahead until filled in.' },
    EVERY_2_WEEKS: { description: 'Due when the last one was filled in 14 days ago or more.' },
    EVERY_4_WEEKS: { description: 'Due when the last one was filled in 28 days ago or more.' },
  },
});

@OpenToTokens()
@ObjectType({ description: 'One question of a measure, in the instrument’s own words.' })
export class MeasureItem {
  @Field(() => Int, { description: 'Its number on the form, from 1.' })
  number: number;

  @Field({ description: 'The question, unchanged from the instrument.' })
  text: string;
}

@OpenToTokens()
@ObjectType({ description: 'One of the answers every question offers, with its score.' })
export class MeasureAnswerOption {
  @Field(() => Int, { description: 'The score this answer adds, 0–3.' })
  score: number;

  @Field({ description: 'The answer, in the instrument’s own words.' })
  label: string;
}

@OpenToTokens()
@ObjectType({ description: 'A severity band of a measure’s total, with the instrument’s own name for it.' })
export class SeverityBand {
  @Field({ description: 'MINIMAL, MILD, MODERATE, MODERATELY_SEVERE (PHQ-9 only) or SEVERE.' })
  code: string;

  @Field({ description: 'The band’s name, for people.' })
  label: string;

  @Field(() => Int, { description: 'The lowest total in the band.' })
  min: number;

  @Field(() => Int, { description: 'The highest total in the band.' })
  max: number;
}

@OpenToTokens()
@ObjectType({ description: 'A measure as its authors wrote it: the questions, the answers, the bands. Public: the instruments are free to use.' })
export class MeasureDefinition {
  @Field(() => MeasureKindEnum, { description: 'Which measure this is.' })
  kind: string;

  @Field({ description: 'Its short name, e.g. "PHQ-9".' })
  name: string;

  @Field({ description: 'Its full name.' })
  title: string;

  @Field({ description: 'The sentence every question follows.' })
  stem: string;

  @Field(() => [MeasureItem], { description: 'The questions, in order.' })
  items: MeasureItem[];

  @Field(() => [MeasureAnswerOption], { description: 'The answers every question offers, in order.' })
  options: MeasureAnswerOption[];

  @Field(() => [SeverityBand], { description: 'The bands of the total, lowest first.' })
  bands: SeverityBand[];

  @Field(() => Int, { description: 'The change of the total, up or down, larger than measurement error (reliable change).' })
  reliableChange: number;

  @Field({ description: 'The authors’ notice, to show with the form.' })
  copyright: string;
}

@ReadScope('measures:read')
@ObjectType({ description: 'A completed measure. The client sees their own; their therapist sees those filled in while the client was in their care.' })
export class MeasureResponse {
  @Field(() => ID, { description: 'The response’s id.' })
  id: string;

  @Field(() => MeasureKindEnum, { description: 'Which measure was filled in.' })
  kind: string;

  @Field(() => [Int], { description: 'The score of each answer, 0–3, in the order of the questions.' })
  answers: number[];

  @Field(() => Int, { description: 'The sum of the answers.' })
  total: number;

  @Field(() => SeverityBand, { description: 'The band the total falls in.' })
  band: SeverityBand;

  @Field({ description: 'True when an answer signals risk (PHQ-9 question 9 above "Not at all"): the therapist was told at once.' })
  safetyConcern: boolean;

  @Field({ description: 'When it was submitted.' })
  completedAt: Date;
}

export const MeasureResponseConnection = Connection(MeasureResponse, 'MeasureResponse');

@ReadScope('measures:read')
@ObjectType({ description: 'A measure the client has to fill in now, with what they have answered so far.' })
export class DueMeasure {
  @Field(() => MeasureKindEnum, { description: 'Which measure is due.' })
  kind: string;

  @Field(() => MeasureDefinition, { description: 'Its questions and answers, to show the form.' })
  definition: MeasureDefinition;

  @Field(() => [Int], { nullable: 'items', description: 'The kept draft: one entry per question, null where not answered yet.' })
  draftAnswers: (number | null)[];
}

@ReadScope('measures:read')
@ObjectType({ description: 'How often one client is asked to fill in one measure.' })
export class ClientMeasureSchedule {
  @Field(() => ID, { description: 'The client asked.' })
  clientId: string;

  @Field(() => MeasureKindEnum, { description: 'Which measure.' })
  kind: string;

  @Field(() => MeasureScheduleEnum, { description: 'How often it is asked.' })
  schedule: string;

  @Field(() => Date, { nullable: true, description: 'When the therapist last set it; null when it was never set (OFF).' })
  setAt: Date | null;
}

@ReadScope('measures:read')
@ObjectType({ description: 'What the client sees right after submitting a measure.' })
export class MeasureSubmission {
  @Field(() => MeasureResponse, { description: 'What was kept, with its total and band.' })
  response: MeasureResponse;

  @Field({ description: 'True when an answer signals risk: show the practice’s crisis resources now. The therapist has been told.' })
  safetyConcern: boolean;

  @Field(() => String, { nullable: true, description: 'The practice’s crisis resources (sanitized HTML) when safetyConcern is true; null otherwise.' })
  crisisHtml: string | null;
}

@ReadScope('measures:read')
@ObjectType({ description: 'An answer that signalled risk, waiting for (or acknowledged by) the client’s therapist.' })
export class SafetyFlag {
  @Field(() => ID, { description: 'The flag’s id, to acknowledge it.' })
  id: string;

  @Field(() => ID, { description: 'The client whose answer raised it.' })
  clientId: string;

  @Field(() => ID, { description: 'The measure response that raised it.' })
  responseId: string;

  @Field(() => MeasureKindEnum, { description: 'Which measure the answer was on.' })
  measure: string;

  @Field({ description: 'When it was raised.' })
  raisedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the therapist acknowledged it; null while it waits.' })
  acknowledgedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'What the therapist did, in their words. Only the therapist sees it.' })
  acknowledgementNote: string | null;
}

export const SafetyFlagConnection = Connection(SafetyFlag, 'SafetyFlag');

@InputType({ description: 'A therapist sets how often a client in their care is asked to fill in a measure.' })
export class SetMeasureScheduleInput {
  @Field(() => ID, { description: 'A client in your care.' })
  clientId: string;

  @Field(() => MeasureKindEnum, { description: 'Which measure.' })
  kind: string;

  @Field(() => MeasureScheduleEnum, { description: 'How often to ask; OFF stops asking.' })
  schedule: string;
}

@InputType({ description: 'Answers to a measure: one score 0–3 per question, in order.' })
export class MeasureAnswersInput {
  @Field(() => MeasureKindEnum, { description: 'Which measure the answers are for.' })
  kind: string;

  @Field(() => [Int], { nullable: 'items', description: 'One entry per question; null for a question not answered yet (drafts only).' })
  answers: (number | null)[];
}

@ArgsType()
export class MeasureResponsesArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Therapists: a client in their care. Clients always see their own.' })
  clientId?: string | null;

  @Field(() => MeasureKindEnum, { nullable: true, description: 'Only this measure; both when left out.' })
  kind?: string | null;
}

@ArgsType()
export class SafetyFlagsArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: 'Also flags already acknowledged; only waiting ones when left out.' })
  includeAcknowledged?: boolean | null;
}
