import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { User } from '../users/user.model';
import { ClosedToTokens, ReadScope } from '../../common/auth/scope.decorator';

@ClosedToTokens()
@ObjectType({ description: 'The result of a password check. `user` is set once sign-in is complete.' })
export class SignInPayload {
  @Field(() => User, { nullable: true, description: 'The signed-in person once sign-in is complete; null while a second factor is still to come (`mfaRequired`, `mfaEnrollmentRequired`).' })
  user: User | null;

  @Field({ description: 'True when the next step is `verifyMfa` with a code from the authenticator app.' })
  mfaRequired: boolean;

  @Field({ description: 'True when the account must set up a second factor (`startMfaEnrollment`) before anything else.' })
  mfaEnrollmentRequired: boolean;
}

@ClosedToTokens()
@ObjectType({ description: 'A new authenticator secret, to scan or type into an app; confirm it with `confirmMfaEnrollment`.' })
export class MfaEnrollment {
  @Field({ description: 'The new secret in base32, for typing into an authenticator app by hand. Anyone who has it can make codes: keep it private.' })
  secret: string;

  @Field({ description: 'The same secret as an otpauth:// link (issuer Attune, labelled with your email), as authenticator apps read it.' })
  otpauthUri: string;

  @Field({ description: 'The otpauth URI as a QR code image (data: URL).' })
  qrCodeDataUrl: string;
}

@ReadScope('account:read')
@ObjectType({ description: 'A place where this account is signed in.' })
export class AuthSession {
  @Field(() => ID, { description: 'Identifies this sign-in session, for `endSession`. It is not the secret the cookie carries.' })
  id: string;

  @Field({ description: 'When this sign-in began.' })
  createdAt: Date;

  @Field({ description: 'When this session last made a request (noted at most once a minute).' })
  lastSeenAt: Date;

  @Field(() => String, { nullable: true, description: 'The browser or program, as it described itself (its User-Agent header); null when it sent none.' })
  userAgent: string | null;

  @Field({ description: 'True for the session making this request.' })
  current: boolean;
}

@ReadScope('account:read')
@ObjectType({ description: 'A personal API token. The secret itself is shown only once, when it is created.' })
export class ApiToken {
  @Field(() => ID, { description: 'Identifies the token, for `revokeApiToken`. It is not the secret.' })
  id: string;

  @Field({ description: 'The name its owner gave it, to recognise it by.' })
  name: string;

  @Field(() => [String], { description: 'What it may do, as `<area>:read` and `<area>:write` scopes: it acts as its owner, narrowed to these.' })
  scopes: string[];

  @Field({ description: 'When it was created.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it stops working. Null only for a token made before every token had to expire: it works until revoked.' })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When a request last used it (noted at most once a minute); null if it has never been used.' })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was revoked: by its owner, or with a password change or reset, a change to the second factor, or deactivation. Null while it is not revoked.' })
  revokedAt: Date | null;
}

@ClosedToTokens()
@ObjectType({ description: 'A token just created: its secret, shown this once, and its details.' })
export class CreatedApiToken {
  @Field({ description: 'Send as `Authorization: Bearer <token>`. Shown once: store it safely.' })
  token: string;

  @Field(() => ApiToken, { description: 'Its details, as `accountSettings.apiTokens` lists them.' })
  apiToken: ApiToken;
}

@ReadScope('account:read')
@ObjectType({ description: "The signed-in person's own security settings." })
export class AccountSettings {
  @Field({ description: 'True when a second factor (an authenticator app) is on for this account.' })
  mfaEnabled: boolean;

  @Field({ description: 'Therapists and admins must keep a second factor.' })
  mfaRequired: boolean;

  @Field(() => [AuthSession], { description: 'Where you are signed in: sign-in sessions not yet ended or past their 12-hour limit, most recently active first (at most 100).' })
  sessions: AuthSession[];

  @Field(() => [ApiToken], { description: 'Your API tokens, newest first (at most 100), revoked and expired ones included: see `revokedAt` and `expiresAt`.' })
  apiTokens: ApiToken[];
}

@ClosedToTokens()
@ObjectType({ description: 'An email kept in the development outbox (no SMTP server configured).' })
export class OutboxEmail {
  @Field(() => ID, { description: 'Identifies the email.' })
  id: string;

  @Field({ description: 'The address it was sent to.' })
  to: string;

  @Field({ description: 'Its subject line.' })
  subject: string;

  @Field({ description: 'Its plain-text body, links included.' })
  text: string;

  @Field({ description: 'When it was sent.' })
  createdAt: Date;
}

@InputType({ description: 'An email address and a password, to sign in.' })
export class SignInInput {
  @Field({ description: 'The email address of the account. Letter case and spaces around it do not matter.' })
  email: string;

  @Field({ description: 'The account’s password.' })
  password: string;
}

@InputType({ description: 'Who to invite. The invitation link goes to their email and works once, for 7 days.' })
export class InviteUserInput {
  @Field({ description: 'Where to send the invitation. If an account already uses this address, that person is told so instead, and no second account is made; the answer is the same either way.' })
  email: string;

  @Field({ description: 'The name to suggest for them (1 to 100 characters); they may change it when they accept.' })
  displayName: string;

  @Field(() => String, { description: 'CLIENT, THERAPIST or ADMIN. Therapists may invite clients only.' })
  role: string;
}

@InputType({ description: 'Accepting an invitation: the token from its link and a password of your own.' })
export class AcceptInvitationInput {
  @Field({ description: 'The token from the invitation link.' })
  token: string;

  @Field({ description: 'The password to sign in with from now on: 12 to 256 characters, and not a common one or one close to your name or email.' })
  password: string;

  @Field(() => String, { nullable: true, description: 'The name to show; the invitation suggests one.' })
  displayName?: string | null;
}

@InputType({ description: 'A new personal API token: its name, its scopes and how long it lasts.' })
export class CreateApiTokenInput {
  @Field({ description: 'A name to recognise it by, like "Weekly report" (1 to 100 characters).' })
  name: string;

  @Field(() => [String], { description: 'At least one scope, each `<area>:read` or `<area>:write`; areas: account, caseload, sessions, reflections, checkins, measures, notes, content, and fhir (`fhir:read` only: the read-only FHIR R4 routes under /fhir/R4). `notes` (private session notes) is never implied by another area.' })
  scopes: string[];

  @Field(() => Int, { nullable: true, description: 'Days until the token stops working (1–365); 90 when left out or null.' })
  expiresInDays?: number | null;
}

@InputType({
  description:
    'A change to your own time zone and reminder settings. A field left out stays as it is; `null` means “my device’s zone” for `timeZone` and “no reminders” for `sessionReminderMinutes`.',
})
export class UpdatePreferencesInput {
  @Field(() => String, {
    nullable: true,
    description: 'An IANA time zone such as `Europe/London` or `America/New_York`, or null to follow your device. An unknown zone is BAD_USER_INPUT with reason TIME_ZONE_UNKNOWN.',
  })
  timeZone?: string | null;

  @Field(() => Int, { nullable: true, description: 'Minutes before a session for its reminder email: 60, 180, 1440 or 2880; null for no session reminders.' })
  sessionReminderMinutes?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether to be emailed when an outcome measure is due. Null is the same as leaving it out.' })
  measureReminders?: boolean | null;
}
