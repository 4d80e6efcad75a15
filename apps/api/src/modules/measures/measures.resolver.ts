import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ReadScope, RequireScope } from '../../common/auth/scope.decorator';
import type { RequestContext } from '../../common/auth/viewer';
import { Person } from '../users/user.model';
import { PeopleService } from '../users/people.service';
import {
  ClientMeasureSchedule,
  DueMeasure,
  MeasureAnswersInput,
  MeasureDefinition,
  MeasureResponseConnection,
  MeasureResponsesArgs,
  MeasureSubmission,
  SafetyFlag,
  SafetyFlagConnection,
  SafetyFlagsArgs,
  SetMeasureScheduleInput,
} from './measure.model';
import { MeasuresService } from './measures.service';

@Resolver()
export class MeasuresResolver {
  constructor(private readonly measures: MeasuresService) {}

  @RequireScope('measures:read')
  @Query(() => [MeasureDefinition], { description: 'The PHQ-9 and GAD-7 as their authors wrote them: questions, answers, severity bands.' })
  measureDefinitions() {
    return this.measures.definitions();
  }

  @RequireScope('measures:read')
  @Query(() => [DueMeasure], { description: 'Clients: the measures your therapist asked for that are due now, with your kept drafts. Empty for everyone else.' })
  dueMeasures(@Context() ctx: RequestContext) {
    return this.measures.due(ctx.viewer!);
  }

  @RequireScope('measures:read')
  @Query(() => [ClientMeasureSchedule], { description: "How often each measure is asked of a client: a client's own, or (therapists) a client in their care." })
  measureSchedules(@Args('clientId', { type: () => ID, nullable: true, description: 'Therapists: a client in their care. Clients always see their own.' }) clientId: string | null, @Context() ctx: RequestContext) {
    return this.measures.schedules(ctx.viewer!, clientId);
  }

  @RequireScope('measures:read')
  @Query(() => MeasureResponseConnection, { description: "Completed measures, newest first: a client's own, or (therapists) those filled in while the client was in their care. Never admins." })
  measureResponses(@Args() args: MeasureResponsesArgs, @Context() ctx: RequestContext) {
    return this.measures.responses(ctx.viewer!, args);
  }

  @RequireScope('measures:read')
  @Query(() => SafetyFlagConnection, { description: 'Therapists: answers that signalled risk, newest first, for clients in your care; only those waiting unless asked.' })
  safetyFlags(@Args() args: SafetyFlagsArgs, @Context() ctx: RequestContext) {
    return this.measures.safetyFlags(ctx.viewer!, args);
  }

  @RequireScope('measures:write')
  @Mutation(() => ClientMeasureSchedule, { description: 'Therapists: set how often a client in your care is asked to fill in a measure.' })
  setMeasureSchedule(@Args('input', { description: 'The client, the measure and how often.' }) input: SetMeasureScheduleInput, @Context() ctx: RequestContext) {
    return this.measures.setSchedule(ctx.viewer!, input);
  }

  @RequireScope('measures:write')
  @Mutation(() => Boolean, { description: 'Clients: keep a partly filled-in measure to come back to. Always true.' })
  saveMeasureDraft(@Args('input', { description: 'The measure and the answers so far.' }) input: MeasureAnswersInput, @Context() ctx: RequestContext) {
    return this.measures.saveDraft(ctx.viewer!, input);
  }

  @RequireScope('measures:write')
  @Mutation(() => MeasureSubmission, {
    description: 'Clients: submit a measure your therapist asked for, every question answered. An answer that signals risk tells your therapist at once and returns the crisis resources.',
  })
  submitMeasure(@Args('input', { description: 'The measure and an answer to every question.' }) input: MeasureAnswersInput, @Context() ctx: RequestContext) {
    return this.measures.submit(ctx.viewer!, input);
  }

  @RequireScope('measures:write')
  @Mutation(() => SafetyFlag, { description: 'Therapists: say what you did about a safety flag. It then leaves the top of your caseload.' })
  acknowledgeSafetyFlag(
    @Args('id', { type: () => ID, description: 'The flag, from safetyFlags.' }) id: string,
    @Args('note', { description: 'What you did, for the record (3–4,000 characters). Only you see it.' }) note: string,
    @Context() ctx: RequestContext,
  ) {
    return this.measures.acknowledgeSafetyFlag(ctx.viewer!, id, note);
  }
}

@Resolver(() => SafetyFlag)
export class SafetyFlagResolver {
  constructor(private readonly people: PeopleService) {}

  @ReadScope('measures:read')
  @ResolveField(() => Person, { description: 'The client whose answer raised it.' })
  client(@Parent() flag: { clientId: string }, @Context() ctx: RequestContext) {
    return this.people.load(ctx, flag.clientId);
  }
}
