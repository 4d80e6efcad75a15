import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { PageArgs } from '../../../common/pagination';
import { UpdatedSinceField } from '../../../common/updated-since';
import { SessionModalityEnum } from '../session.model';
import type { SessionModality } from '@attune/domain';

@InputType({ description: 'A session to book with a client in your care.' })
export class ScheduleSessionInput {
  @Field(() => ID, { description: 'The client: one in an active care relationship with you, whose account is open.' })
  clientId: string;

  @Field({ description: 'ISO 8601 with offset, e.g. 2026-12-01T15:00:00Z.' })
  startsAt: string;

  @Field({ description: 'ISO 8601 with offset, after `startsAt` and at most 240 minutes later.' })
  endsAt: string;

  @Field(() => SessionModalityEnum, { description: 'How it will take place.' })
  modality: SessionModality;

  @Field(() => String, { nullable: true, description: 'Where to go or how to join (an address, a video link, a phone number), up to 500 characters. The client and you can read it.' })
  joinDetails?: string | null;
}

@ArgsType()
export class SessionsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "Therapists: one client's sessions. Clients always see their own." })
  clientId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Sessions starting at or after this time.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Sessions starting before this time.' })
  to?: Date | null;

  @UpdatedSinceField(
    'A session changes when it is scheduled, moved, cancelled (also by a client closing their account), completed or marked missed, and when its agenda is set. A private note or a check-in does not change it: they are read elsewhere (`Session.note`, `checkIns`).',
  )
  updatedSince?: Date | null;
}
