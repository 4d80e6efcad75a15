import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Connection, PageArgs } from '../../common/pagination';
import { ReadScope } from '../../common/auth/scope.decorator';
import { UpdatedSinceField } from '../../common/updated-since';

@ReadScope('reflections:read')
@ObjectType({ description: "A client's reflection between sessions. Private unless the client shares it with their therapist." })
export class Reflection {
  @Field(() => ID)
  id: string;

  @Field()
  body: string;

  @Field(() => Int, { nullable: true, description: 'How the client felt, 1 (very low) to 5 (very good).' })
  mood: number | null;

  @Field({ description: 'True while shared with the therapist.' })
  shared: boolean;

  @Field(() => Date, { nullable: true })
  sharedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the therapist first read it (while shared).' })
  readByTherapistAt: Date | null;

  @Field()
  createdAt: Date;
}

@ReadScope('reflections:read')
@ObjectType({ description: "A therapist's response to a shared reflection." })
export class ReflectionResponse {
  @Field(() => ID)
  id: string;

  @Field()
  body: string;

  @Field()
  createdAt: Date;
}

@ReadScope('reflections:read')
@ObjectType({ description: 'The reflection being written, saved as the client types.' })
export class ReflectionDraft {
  @Field()
  body: string;

  @Field(() => Int, { nullable: true })
  mood: number | null;

  @Field()
  updatedAt: Date;
}

@ReadScope('reflections:read')
@ObjectType({ description: 'Something to practise between sessions, set by the therapist.' })
export class PracticePrompt {
  @Field(() => ID)
  id: string;

  @Field()
  body: string;

  @Field()
  createdAt: Date;
}

export const ReflectionConnection = Connection(Reflection, 'Reflection');

@InputType()
export class WriteReflectionInput {
  @Field()
  body: string;

  @Field(() => Int, { nullable: true })
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

@InputType()
export class SetPracticePromptInput {
  @Field(() => ID)
  clientId: string;

  @Field()
  body: string;
}
