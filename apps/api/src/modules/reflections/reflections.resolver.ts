import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ReadScope, RequireScope } from '../../common/auth/scope.decorator';
import type { RequestContext } from '../../common/auth/viewer';
import { Policy } from '../../common/policy/policy';
import { loaderFor } from '../../common/loaders';
import { CarePolicy } from '../care/care-policy.service';
import { PeopleService } from '../users/people.service';
import { Person } from '../users/user.model';
import type { ReflectionEntity, ReflectionResponseEntity } from './reflection.entity';
import {
  PracticePrompt,
  Reflection,
  ReflectionConnection,
  ReflectionDraft,
  ReflectionResponse,
  ReflectionsArgs,
  SetPracticePromptInput,
  WriteReflectionInput,
} from './reflection.model';
import { ReflectionsService } from './reflections.service';

@Resolver(() => Reflection)
export class ReflectionsResolver {
  constructor(
    private readonly reflections: ReflectionsService,
    private readonly care: CarePolicy,
    private readonly people: PeopleService,
  ) {}

  @RequireScope('reflections:read')
  @Query(() => ReflectionConnection, { name: 'reflections', description: "Newest first: a client's own, or those shared with a therapist by clients in their care." })
  listReflections(@Args() args: ReflectionsArgs, @Context() ctx: RequestContext) {
    return this.reflections.list(ctx.viewer!, args);
  }

  @RequireScope('reflections:read')
  @Query(() => Reflection, { description: 'One reflection, if you may see it. A therapist opening it marks it read.' })
  reflection(@Args('id', { type: () => ID, description: 'The reflection’s id.' }) id: string, @Context() ctx: RequestContext) {
    return this.reflections.get(ctx.viewer!, id);
  }

  @RequireScope('reflections:read')
  @Query(() => ReflectionDraft, { nullable: true, description: 'Clients: the reflection you were writing, if any.' })
  reflectionDraft(@Context() ctx: RequestContext) {
    return this.reflections.draft(ctx.viewer!);
  }

  @RequireScope('reflections:read')
  @Query(() => [PracticePrompt], { description: 'Current practice prompts, newest first (at most 20): a client’s own, or (therapists) those you set for a client in your care.' })
  practicePrompts(@Args('clientId', { type: () => ID, nullable: true, description: 'Therapists: a client in your care (needed). Clients always see their own.' }) clientId: string | null, @Context() ctx: RequestContext) {
    return this.reflections.prompts(ctx.viewer!, clientId);
  }

  @ResolveField(() => String, { description: 'The text: the client, and their therapist while it is shared.' })
  async body(@Parent() reflection: ReflectionEntity, @Context() ctx: RequestContext) {
    return (await this.care.canSeeReflection(ctx.viewer!, reflection)) ? reflection.body : '';
  }

  @ResolveField(() => Boolean)
  shared(@Parent() reflection: ReflectionEntity) {
    return reflection.sharedWithId !== null;
  }

  @ResolveField(() => Person, { description: 'The client who wrote it.' })
  client(@Parent() reflection: ReflectionEntity, @Context() ctx: RequestContext) {
    return this.people.load(ctx, reflection.clientId);
  }

  @ResolveField(() => [ReflectionResponse], { description: "The therapist's responses. They stay with the client even after sharing stops." })
  async responses(@Parent() reflection: ReflectionEntity, @Context() ctx: RequestContext): Promise<ReflectionResponseEntity[]> {
    const viewer = ctx.viewer!;
    if (!(await this.care.canSeeReflection(viewer, reflection))) return [];
    const responses = (await loaderFor(ctx, 'reflection-responses', (ids) => this.reflections.responsesByReflection(ids)).load(reflection.id)) ?? [];
    // A therapist reads only their own: responses from an earlier care relationship stay with it.
    return Policy.holdCare(viewer) ? responses.filter((response) => response.therapistId === viewer.userId) : responses;
  }

  @RequireScope('reflections:write')
  @Mutation(() => Reflection, { description: 'Clients: write a reflection. Private unless `share` is true.' })
  writeReflection(@Args('input', { description: 'What you wrote, your mood, and whether to share it now.' }) input: WriteReflectionInput, @Context() ctx: RequestContext) {
    return this.reflections.write(ctx.viewer!, input);
  }

  @RequireScope('reflections:write')
  @Mutation(() => Reflection, { description: 'Clients: share a reflection with your therapist.' })
  shareReflection(@Args('id', { type: () => ID, description: 'One of your reflections. You need a therapist to share with (otherwise CONFLICT, and it stays private).' }) id: string, @Context() ctx: RequestContext) {
    return this.reflections.share(ctx.viewer!, id);
  }

  @RequireScope('reflections:write')
  @Mutation(() => Reflection, { description: 'Clients: stop sharing a reflection. Your therapist can no longer see it.' })
  unshareReflection(@Args('id', { type: () => ID, description: 'One of your reflections.' }) id: string, @Context() ctx: RequestContext) {
    return this.reflections.unshare(ctx.viewer!, id);
  }

  @RequireScope('reflections:write')
  @Mutation(() => Reflection, { description: "The client's therapist: respond to a reflection shared with you." })
  respondToReflection(@Args('id', { type: () => ID, description: 'A reflection a client in your care shared with you.' }) id: string, @Args('body', { description: 'Your response, up to 5,000 characters. The client keeps it, even if they stop sharing the reflection.' }) body: string, @Context() ctx: RequestContext) {
    return this.reflections.respond(ctx.viewer!, id, body);
  }

  @RequireScope('reflections:write')
  @Mutation(() => ReflectionDraft, { description: 'Clients: save the reflection you are writing, so nothing is lost.' })
  saveReflectionDraft(
    @Args('body', { description: 'Everything written so far, up to 10,000 characters; it replaces the saved draft.' }) body: string,
    @Args('mood', { type: () => Int, nullable: true, description: 'The mood chosen so far, 1 (very low) to 5 (very good); null for none.' }) mood: number | null,
    @Context() ctx: RequestContext,
  ) {
    return this.reflections.saveDraft(ctx.viewer!, { body, mood });
  }

  @RequireScope('reflections:write')
  @Mutation(() => PracticePrompt, { description: 'Therapists: set something for a client to practise between sessions.' })
  setPracticePrompt(@Args('input', { description: 'The client and what to practise.' }) input: SetPracticePromptInput, @Context() ctx: RequestContext) {
    return this.reflections.setPrompt(ctx.viewer!, input);
  }

  @RequireScope('reflections:write')
  @Mutation(() => Boolean, { description: 'Therapists: retire a practice prompt.' })
  archivePracticePrompt(@Args('id', { type: () => ID, description: 'A prompt you set for a client in your care.' }) id: string, @Context() ctx: RequestContext) {
    return this.reflections.archivePrompt(ctx.viewer!, id);
  }
}

@Resolver(() => ReflectionResponse)
export class ReflectionResponseResolver {
  constructor(private readonly people: PeopleService) {}

  // The response is read only where its reflection was: naming who wrote it needs the same scope.
  @ReadScope('reflections:read')
  @ResolveField(() => Person, { description: 'The therapist who wrote it, by name: after a hand-over, a client can still tell who responded.' })
  author(@Parent() response: ReflectionResponseEntity, @Context() ctx: RequestContext) {
    return this.people.load(ctx, response.therapistId);
  }
}
