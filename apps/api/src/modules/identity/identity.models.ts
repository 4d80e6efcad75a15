import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { User } from '../users/user.model';
import { ClosedToTokens, ReadScope } from '../../common/auth/scope.decorator';

@ClosedToTokens()
@ObjectType({ description: 'The result of a password check. `user` is set once sign-in is complete.' })
export class SignInPayload {
  @Field(() => User, { nullable: true })
  user: User | null;

  @Field({ description: 'True when the next step is `verifyMfa` with a code from the authenticator app.' })
  mfaRequired: boolean;

  @Field({ description: 'True when the account must set up a second factor (`startMfaEnrollment`) before anything else.' })
  mfaEnrollmentRequired: boolean;
}

@ClosedToTokens()
@ObjectType({ description: 'A new authenticator secret, to scan or type into an app; confirm it with `confirmMfaEnrollment`.' })
export class MfaEnrollment {
  @Field()
  secret: string;

  @Field()
  otpauthUri: string;

  @Field({ description: 'The otpauth URI as a QR code image (data: URL).' })
  qrCodeDataUrl: string;
}

@ReadScope('account:read')
@ObjectType({ description: 'A place where this account is signed in.' })
export class AuthSession {
  @Field(() => ID)
  id: string;

  @Field()
  createdAt: Date;

  @Field()
  lastSeenAt: Date;

  @Field(() => String, { nullable: true })
  userAgent: string | null;

  @Field({ description: 'True for the session making this request.' })
  current: boolean;
}

@ReadScope('account:read')
@ObjectType({ description: 'A personal API token. The secret itself is shown only once, when it is created.' })
export class ApiToken {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => [String])
  scopes: string[];

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;
}

@ClosedToTokens()
@ObjectType()
export class CreatedApiToken {
  @Field({ description: 'Send as `Authorization: Bearer <token>`. Shown once: store it safely.' })
  token: string;

  @Field(() => ApiToken)
  apiToken: ApiToken;
}

@ReadScope('account:read')
@ObjectType({ description: "The signed-in person's own security settings." })
export class AccountSettings {
  @Field()
  mfaEnabled: boolean;

  @Field({ description: 'Therapists and admins must keep a second factor.' })
  mfaRequired: boolean;

  @Field(() => [AuthSession])
  sessions: AuthSession[];

  @Field(() => [ApiToken])
  apiTokens: ApiToken[];
}

@ClosedToTokens()
@ObjectType({ description: 'An email kept in the development outbox (no SMTP server configured).' })
export class OutboxEmail {
  @Field(() => ID)
  id: string;

  @Field()
  to: string;

  @Field()
  subject: string;

  @Field()
  text: string;

  @Field()
  createdAt: Date;
}

@InputType()
export class SignInInput {
  @Field()
  email: string;

  @Field()
  password: string;
}

@InputType()
export class InviteUserInput {
  @Field()
  email: string;

  @Field()
  displayName: string;

  @Field(() => String, { description: 'CLIENT, THERAPIST or ADMIN. Therapists may invite clients only.' })
  role: string;
}

@InputType()
export class AcceptInvitationInput {
  @Field({ description: 'The token from the invitation link.' })
  token: string;

  @Field()
  password: string;

  @Field(() => String, { nullable: true, description: 'The name to show; the invitation suggests one.' })
  displayName?: string | null;
}

@InputType()
export class CreateApiTokenInput {
  @Field()
  name: string;

  @Field(() => [String], { description: 'Scopes as `<area>:read` or `<area>:write`; areas: account, caseload, sessions, reflections, checkins, content.' })
  scopes: string[];

  @Field(() => Int, { nullable: true, description: 'Days until the token stops working (1–365); 90 when left out or null.' })
  expiresInDays?: number | null;
}
