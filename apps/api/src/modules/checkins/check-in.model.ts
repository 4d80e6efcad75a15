import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Connection, PageArgs } from '../../common/pagination';
import { ReadScope } from '../../common/auth/scope.decorator';
import { UpdatedSinceField } from '../../common/updated-since';

@ReadScope('checkins:read', 'caseload:read')
@ObjectType({ description: "A client's alliance check-in for one completed session: four scores from 0 to 10 and an optional comment." })
export class CheckIn {
  @Field(() => ID, { description: 'Identifies the check-in.' })
  id: string;

  @Field(() => ID, { description: 'The completed session it is about.' })
  sessionId: string;

  @Field(() => Int, { description: "How safe and listened to did you feel today? 0 (not at all) to 10 (completely)." })
  bond: number;

  @Field(() => Int, { description: "Did we spend our time on what matters to you? 0 (not at all) to 10 (entirely)." })
  goals: number;

  @Field(() => Int, { description: "Did the way we worked today suit you? 0 (not at all) to 10 (very well)." })
  approach: number;

  @Field(() => Int, { description: "Taking everything together, how was today's session for you? 0 (not right for me) to 10 (just right)." })
  overall: number;

  @ReadScope('checkins:read')
  @Field(() => String, { nullable: true, description: 'What the client wrote for their therapist. Stays with the relationship it was written in.' })
  comment: string | null;

  @Field(() => [String], { description: 'Why this check-in needs the therapist’s attention, in words; empty when it does not.' })
  concernReasons: string[];

  @Field(() => Date, { nullable: true, description: 'When the therapist acknowledged it (the repair loop).' })
  acknowledgedAt: Date | null;

  @Field({ description: 'When the client checked in.' })
  createdAt: Date;
}

export const CheckInConnection = Connection(CheckIn, 'CheckIn');

@InputType({ description: 'Your check-in for one completed session of your own: four scores, each a whole number from 0 to 10, and an optional comment. Your therapist will see your answers.' })
export class SubmitCheckInInput {
  @Field(() => ID, { description: 'A completed session of your own that you have not checked in for yet.' })
  sessionId: string;

  @Field(() => Int, { description: "How safe and listened to did you feel today? 0 (not at all) to 10 (completely)." })
  bond: number;

  @Field(() => Int, { description: "Did we spend our time on what matters to you? 0 (not at all) to 10 (entirely)." })
  goals: number;

  @Field(() => Int, { description: "Did the way we worked today suit you? 0 (not at all) to 10 (very well)." })
  approach: number;

  @Field(() => Int, { description: "Taking everything together, how was today's session for you? 0 (not right for me) to 10 (just right)." })
  overall: number;

  @Field(() => String, { nullable: true, description: 'Anything you would like your therapist to know (optional, up to 2,000 characters).' })
  comment?: string | null;
}

@ArgsType()
export class CheckInsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "Therapists: a client in their care. Clients always see their own." })
  clientId?: string | null;

  @UpdatedSinceField('A check-in changes when it is submitted and when the therapist acknowledges it.')
  updatedSince?: Date | null;
}
