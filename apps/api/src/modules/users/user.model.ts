import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ROLES, type Role } from '@attune/domain';
import { OpenToTokens } from '../../common/auth/scope.decorator';

export const RoleEnum = Object.fromEntries(ROLES.map((role) => [role, role])) as { [K in Role]: K };
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'What a person does in the practice.',
  valuesMap: {
    CLIENT: { description: 'Someone in therapy with the practice.' },
    THERAPIST: { description: 'Someone who sees clients.' },
    ADMIN: { description: 'Someone who manages people and content; admins do not read clinical records.' },
  },
});

@OpenToTokens()
@ObjectType({ description: 'A person who signs in to Attune.' })
export class User {
  @Field(() => ID, { description: 'Identifies the person.' })
  id: string;

  @Field({ description: 'The email address they sign in with.' })
  email: string;

  @Field({ description: 'The name Attune shows for them.' })
  displayName: string;

  @Field(() => RoleEnum, { description: 'What they do in the practice.' })
  role: Role;

  @Field(() => String, {
    nullable: true,
    description:
      'The IANA time zone they chose (for example `Europe/London`), in which the portal, their emails and their calendar file show times; null until they choose, when the portal uses their device’s zone.',
  })
  timeZone: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'How many minutes before a session its reminder email goes (60, 180, 1440 or 2880; 1440, a day, unless they chose); null when they turned session reminders off.',
  })
  sessionReminderMinutes: number | null;

  @Field({ description: 'Whether an email tells them when an outcome measure is due.' })
  measureReminders: boolean;
}

@OpenToTokens()
@ObjectType({ description: "What the public may know of a person: the name they write under." })
export class PublicAuthor {
  @Field({ description: 'The name they write under.' })
  displayName: string;
}

@OpenToTokens()
@ObjectType({ description: 'Someone in a care relationship, as the other person sees them.' })
export class Person {
  @Field(() => ID, { description: 'Identifies the person.' })
  id: string;

  @Field({ description: 'Their name, as Attune shows it.' })
  displayName: string;
}
