import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { PageArgs } from '../../../common/pagination';
import { SessionModalityEnum } from '../session.model';
import type { SessionModality } from '@attune/domain';

@InputType()
export class ScheduleSessionInput {
  @Field(() => ID)
  clientId: string;

  @Field({ description: 'ISO 8601 with offset, e.g. 2026-12-01T15:00:00Z.' })
  startsAt: string;

  @Field()
  endsAt: string;

  @Field(() => SessionModalityEnum)
  modality: SessionModality;

  @Field(() => String, { nullable: true })
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
}
