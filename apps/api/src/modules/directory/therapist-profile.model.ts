import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination';
import { OpenToTokens } from '../../common/auth/scope.decorator';

@OpenToTokens()
@ObjectType({ description: "A therapist's public profile, in their own words." })
export class TherapistProfile {
  @Field(() => ID, { description: 'Identifies the profile; pass it as `therapistProfileId` to ask for a first conversation with this therapist.' })
  id: string;

  @Field({ description: 'The readable part of the profile address: /therapists/<slug>.' })
  slug: string;

  @Field({ description: 'The public address of the profile.' })
  url: string;

  @Field({ description: 'Their name, as the public sees it.' })
  displayName: string;

  @Field(() => String, { nullable: true, description: 'Like she/her or they/them; null when not given.' })
  pronouns: string | null;

  @Field(() => String, { nullable: true, description: 'Qualifications and registrations, as the public should read them; null when not given.' })
  credentials: string | null;

  @Field({ description: 'How they work, in their own words (plain text; blank lines separate paragraphs).' })
  approach: string;

  @Field(() => [String], { description: 'What they work with, like "Grief and loss" (at most 12).' })
  specialties: string[];

  @Field({ description: 'True when they are taking on new clients.' })
  acceptingNewClients: boolean;

  @Field({ description: 'Whether the profile is in the public directory.' })
  published: boolean;

  @Field(() => Int, { description: 'Send this back when saving, so two editors cannot overwrite each other.' })
  version: number;

  @Field({ description: 'When the profile was last saved.' })
  updatedAt: Date;
}

export const TherapistProfileConnection = Connection(TherapistProfile, 'TherapistProfile');

@InputType({ description: "A therapist's public profile. It appears in the directory only when `published` is true." })
export class SaveTherapistProfileInput {
  @Field(() => ID, { nullable: true, description: 'Admins: whose profile. Therapists leave it out to save their own.' })
  therapistId?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version you loaded; a stale one is refused with CONFLICT. Leave out for a new profile.' })
  version?: number | null;

  @Field({ description: 'The name to show, up to 100 characters.' })
  displayName: string;

  @Field(() => String, { nullable: true, description: 'Like she/her, they/them.' })
  pronouns?: string | null;

  @Field(() => String, { nullable: true, description: 'Qualifications and registrations, as the public should read them.' })
  credentials?: string | null;

  @Field({ description: 'How you work, in your own words: plain text, blank lines between paragraphs, up to 4,000 characters.' })
  approach: string;

  @Field(() => [String], { nullable: true, description: 'At most 12, like "Grief and loss".' })
  specialties?: string[] | null;

  @Field({ description: 'True when you are taking on new clients.' })
  acceptingNewClients: boolean;

  @Field({ description: 'True to show the profile in the public directory.' })
  published: boolean;
}
