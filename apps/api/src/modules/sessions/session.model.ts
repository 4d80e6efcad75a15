import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SESSION_MODALITIES, SESSION_STATUSES, type SessionModality, type SessionStatus } from '@attune/domain';
import { Connection } from '../../common/pagination';
import { ReadScope } from '../../common/auth/scope.decorator';

export const SessionModalityEnum = Object.fromEntries(SESSION_MODALITIES.map((m) => [m, m])) as { [K in SessionModality]: K };
registerEnumType(SessionModalityEnum, {
  name: 'SessionModality',
  description: 'How the session takes place.',
  valuesMap: { IN_PERSON: { description: 'In the practice.' }, PHONE: { description: 'By phone.' }, VIDEO: { description: 'By video call.' } },
});
export const SessionStatusEnum = Object.fromEntries(SESSION_STATUSES.map((s) => [s, s])) as { [K in SessionStatus]: K };
registerEnumType(SessionStatusEnum, {
  name: 'SessionStatus',
  description: 'Where a session stands.',
  valuesMap: {
    SCHEDULED: { description: 'Booked and still to come (or not yet marked).' },
    COMPLETED: { description: 'It took place.' },
    CANCELLED: { description: 'Called off beforehand; `cancelReason` may say why.' },
    NO_SHOW: { description: 'The client did not come.' },
  },
});

@ReadScope('sessions:read', 'caseload:read')
@ObjectType({ description: 'A therapy session. Times are UTC; show them in the viewer’s own time zone.' })
export class Session {
  @Field(() => ID, { description: 'Identifies the session.' })
  id: string;

  @Field({ description: 'When it starts.' })
  startsAt: Date;

  @Field({ description: 'When it ends.' })
  endsAt: Date;

  @Field(() => SessionModalityEnum, { description: 'How it takes place.' })
  modality: SessionModality;

  @Field(() => SessionStatusEnum, { description: 'Where it stands: scheduled, completed, cancelled or missed.' })
  status: SessionStatus;

  @ReadScope('sessions:read')
  @Field(() => String, { nullable: true, description: 'Where to go or how to join.' })
  joinDetails: string | null;

  @ReadScope('sessions:read')
  @Field(() => String, { nullable: true, description: 'Why it was cancelled, in the words of whoever cancelled it. Stays with the relationship it was written in.' })
  cancelReason: string | null;
}

@ReadScope('notes:read')
@ObjectType({ description: "The therapist's private note on a session: only its author can read it." })
export class SessionNote {
  @Field(() => ID, { description: 'Identifies the note.' })
  id: string;

  @Field({ description: 'The note, as the therapist wrote it.' })
  body: string;

  @Field(() => Date, { nullable: true, description: 'Once signed, the note is locked; changes are dated addenda.' })
  signedAt: Date | null;

  @Field({ description: 'When the note was last written.' })
  updatedAt: Date;

  @Field(() => [NoteAddendum], { description: 'What the therapist added after signing, oldest first.' })
  addenda: NoteAddendum[];
}

@ReadScope('notes:read')
@ObjectType({ description: 'A dated addition to a signed note.' })
export class NoteAddendum {
  @Field(() => ID, { description: 'Identifies the addendum.' })
  id: string;

  @Field({ description: 'What was added.' })
  body: string;

  @Field({ description: 'When it was added.' })
  createdAt: Date;
}

export const SessionConnection = Connection(Session, 'Session');
