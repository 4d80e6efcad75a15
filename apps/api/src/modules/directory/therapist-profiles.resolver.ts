import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Public, RequireScope } from '../../common/auth/scope.decorator';
import type { RequestContext } from '../../common/auth/viewer';
import { unauthenticated } from '../../common/errors';
import { PageArgs } from '../../common/pagination';
import { SaveTherapistProfileInput, TherapistProfile, TherapistProfileConnection } from './therapist-profile.model';
import { TherapistProfilesService } from './therapist-profiles.service';

@Resolver(() => TherapistProfile)
export class TherapistProfilesResolver {
  constructor(private readonly profiles: TherapistProfilesService) {}

  @Public()
  @Query(() => TherapistProfileConnection, { description: 'The public directory: published therapist profiles, by name.' })
  therapists(@Args() page: PageArgs, @Args('acceptingNewClients', { nullable: true, type: () => Boolean, description: 'True: only therapists taking on new clients. False or left out: everyone.' }) accepting: boolean | null) {
    return this.profiles.listPublished({ ...page, acceptingNewClients: accepting });
  }

  @Public()
  @Query(() => TherapistProfile, { nullable: true, description: 'One published therapist profile by its slug; null when there is none.' })
  therapist(@Args('slug', { description: 'The part of the profile address after /therapists/.' }) slug: string) {
    return this.profiles.findPublishedBySlug(slug);
  }

  @RequireScope('content:read')
  @Query(() => TherapistProfile, { nullable: true, description: 'Therapists: your own public profile, published or not; null until you write one.' })
  myTherapistProfile(@Context() ctx: RequestContext) {
    if (!ctx.viewer) throw unauthenticated();
    return this.profiles.mine(ctx.viewer);
  }

  @RequireScope('content:write')
  @Mutation(() => TherapistProfile, { description: 'Saves a therapist’s public profile: your own, or (admins) any therapist’s.' })
  saveTherapistProfile(@Args('input', { description: 'The whole profile, as it should read.' }) input: SaveTherapistProfileInput, @Context() ctx: RequestContext) {
    if (!ctx.viewer) throw unauthenticated();
    return this.profiles.save(ctx.viewer, input);
  }
}
