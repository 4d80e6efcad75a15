import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Connection, PageArgs } from '../../common/pagination';
import { ReadScope } from '../../common/auth/scope.decorator';
import { UpdatedSinceField } from '../../common/updated-since';

@ReadScope('reflections:read')
@ObjectType({ description: "A client's reflection between sessions. Private unless the client shares it with their therapist." })
export class Reflection {
  @Field(() => ID, { description: 'Identifies the reflection.' })
  id: string;

  @Field({ description: 'What the client wrote. Only the client and, while it is shared with them, their therapist read it; anyone else gets an empty string.' })
  body: string;

  @Field(() => Int, { nullable: true, description: 'How the client felt, 1 (very low) to 5 (very good).' })
  mood: number | null;

  @Field({ description: 'True while shared with the therapist.' })
  shared: boolean;

  @Field(() => Date, { nullable: true, description: 'When it was shared with the therapist; null while it is private.' })
  sharedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the therapist first read it (while shared).' })
  readByTherapistAt: Date | null;

  @Field({ description: 'When the client wrote it.' })
  createdAt: Date;
}

@ReadScope('reflections:read')
@ObjectType({ description: "A therapist's response to a shared reflection." })
export class ReflectionResponse {
  @Field(() => ID, { description: 'Identifies the response.' })
  id: string;

  @Field({ description: 'What the therapist wrote. The client reads it, and so does the therapist who wrote it; it stays with the client even if they stop sharing.' })
  body: string;

  @Field({ description: 'When they wrote it.' })
  createdAt: Date;
}

@ReadScope('reflections:read')
@ObjectType({ description: 'The reflection being written, saved as the client types.' })
export class ReflectionDraft {
  @Field({ description: 'The words so far (may be empty). Only the client reads the draft.' })
  body: string;

  @Field(() => Int, { nullable: true, description: 'The mood chosen so far, 1 (very low) to 5 (very good); null when none is chosen.' })
  mood: number | null;

  @Field({ description: 'When it was last saved.' })
  updatedAt: Date;
}

@ReadScope('reflections:read')
@ObjectType({ description: 'Something to practise between sessions, set by the therapist.' })
export class PracticePrompt {
  @Field(() => ID, { description: 'Identifies the prompt.' })
  id: string;

  @Field({ description: 'What to practise, in the therapist’s words. The client and the therapist who set it read it.' })
  body: string;

  @Field({ description: 'When the therapist set it.' })
  createdAt: Date;
}

export const ReflectionConnection = Connection(Reflection, 'Reflection');

@InputType({ description: 'A new reflection, in your own words. Only you can see it unless you share it with your therapist.' })
export class WriteReflectionInput {
  @Field({ description: 'What you would like to write, up to 10,000 characters.' })
  body: string;

  @Field(() => Int, { nullable: true, description: 'How you feel, 1 (very low) to 5 (very good); optional.' })
  mood?: number | null;

  @Field({ nullable: true, defaultValue: false, description: 'Share with your therapist now. Private when left out.' })
  share?: boolean;
}

@ArgsType()
export class ReflectionsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "Therapists: one client's shared reflections. Clients always see their own." })
  clientId?: string | null;

  @UpdatedSinceField(
    'A reflection changes when it is written, shared or taken back, opened by the therapist (read), and when the therapist responds to it. One taken back no longer shows to the therapist at all.',
  )
  updatedSince?: Date | null;
}

@InputType({ description: 'Something for a client to practise between sessions.' })
export class SetPracticePromptInput {
  @Field(() => ID, { description: 'A client in your care whose account is open.' })
  clientId: string;

  @Field({ description: 'What to practise, up to 1,000 characters. The client and you can read it.' })
  body: string;
}
