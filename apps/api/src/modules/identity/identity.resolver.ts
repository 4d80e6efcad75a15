import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { MFA_REQUIRED_ROLES } from '@attune/domain';
import { ClosedToTokens, Public, RequireScope } from '../../common/auth/scope.decorator';
import type { RequestContext, Viewer } from '../../common/auth/viewer';
import { forbidden, notFound, unauthenticated } from '../../common/errors';
import { User } from '../users/user.model';
import { AccountService } from './account.service';
import { ApiTokensService } from './api-tokens.service';
import { IdentityService } from './identity.service';
import {
  AcceptInvitationInput,
  AccountSettings,
  CreateApiTokenInput,
  CreatedApiToken,
  InviteUserInput,
  MfaEnrollment,
  SignInInput,
  SignInPayload,
  UpdatePreferencesInput,
} from './identity.models';
import { PreferencesService } from './preferences.service';
import { PasswordChecksService } from './password-checks.service';
import { AuthSessionsService } from './auth-sessions.service';

const RECENT_PASSWORD = 'The password, when the last sign-in was more than ten minutes ago (otherwise FORBIDDEN with reason RECENT_SIGN_IN_REQUIRED).';
const NEW_PASSWORD = 'The new password: 12 to 256 characters, and not a common one or one close to your name or email.';

/** Cookies belong to people in the portal: a bearer request may neither read nor set them. */
function cookieRequest(ctx: RequestContext) {
  if (ctx.bearer) throw forbidden('This operation is for the portal, not for API tokens.');
  return ctx;
}

function requireViewer(ctx: RequestContext): Viewer {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer;
}

@Resolver()
export class IdentityResolver {
  constructor(
    private readonly identity: IdentityService,
    private readonly account: AccountService,
    private readonly apiTokens: ApiTokensService,
    private readonly sessions: AuthSessionsService,
    private readonly passwords: PasswordChecksService,
    private readonly preferences: PreferencesService,
  ) {}

  @Public('account:read')
  @Query(() => User, { nullable: true, description: 'The signed-in person; null when anonymous or still signing in.' })
  async me(@Context() ctx: RequestContext) {
    if (!ctx.viewer) return null;
    // Everything User shows comes with the sign-in lookup: asked on every page load, it costs no statement.
    const { userId: id, email, displayName, role, preferences } = ctx.viewer;
    return { id, email, displayName, role, ...preferences };
  }

  @RequireScope('account:read')
  @Query(() => AccountSettings, { description: 'Your own security settings: the second factor, where you are signed in, and your API tokens.' })
  async accountSettings(@Context() ctx: RequestContext): Promise<AccountSettings> {
    const viewer = requireViewer(ctx);
    const [mfaEnabled, sessions, apiTokens] = await Promise.all([
      this.account.mfaEnabled(viewer.userId),
      this.sessions.listActive(viewer.userId),
      this.apiTokens.list(viewer.userId),
    ]);
    return {
      mfaEnabled,
      mfaRequired: MFA_REQUIRED_ROLES.includes(viewer.role),
      sessions: sessions.map((session) => ({ ...session, current: session.id === viewer.sessionId })),
      apiTokens,
    };
  }

  @Public()
  @Mutation(() => SignInPayload, { description: 'Checks email and password and sets an HttpOnly session cookie.' })
  signIn(@Args('input', { description: 'Your email address and password.' }) input: SignInInput, @Context() ctx: RequestContext) {
    cookieRequest(ctx);
    return this.identity.signIn(input, ctx.req, ctx.res);
  }

  @Public()
  @Mutation(() => User, { description: 'Completes sign-in with a 6-digit authenticator code or a recovery code.' })
  verifyMfa(@Args('code', { description: 'The 6-digit code from your authenticator app, or one of your recovery codes (each works once).' }) code: string, @Context() ctx: RequestContext) {
    cookieRequest(ctx);
    return this.identity.verifyMfa(ctx.pending, code, ctx.req, ctx.res);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Ends this session everywhere it is used.' })
  signOut(@Context() ctx: RequestContext) {
    cookieRequest(ctx);
    return this.identity.signOut(ctx.viewer?.sessionId ?? ctx.pending?.sessionId ?? null, ctx.viewer, ctx.res);
  }

  @Public()
  @Mutation(() => MfaEnrollment, {
    description:
      'Starts setting up an authenticator app. Signed in: needs a recent sign-in or the password, and, to replace an app already in use, a code from it. Not needed while signing in for the first time.',
  })
  startMfaEnrollment(
    @Args('password', { type: () => String, nullable: true, description: `${RECENT_PASSWORD} Not needed while signing in for the first time.` }) password: string | null,
    @Args('code', { type: () => String, nullable: true, description: 'A code from the authenticator in use now; needed to replace it.' }) code: string | null,
    @Context() ctx: RequestContext,
  ) {
    cookieRequest(ctx);
    return this.account.startMfaEnrollment(ctx.viewer, ctx.pending, password, code);
  }

  @Public()
  @Mutation(() => [String], { description: 'Turns the second factor on and returns ten one-time recovery codes, shown only now. Ends every other session.' })
  confirmMfaEnrollment(@Args('code', { description: 'The current 6-digit code from the authenticator app you are setting up.' }) code: string, @Context() ctx: RequestContext) {
    cookieRequest(ctx);
    return this.account.confirmMfaEnrollment(ctx.viewer, ctx.pending, code, ctx.req, ctx.res);
  }

  @ClosedToTokens()
  @Mutation(() => Boolean, { description: 'Clients only: turns the second factor off. Ends every other session and every API token.' })
  disableMfa(@Args('password', { description: 'Your current password.' }) password: string, @Args('code', { description: 'The current 6-digit code from your authenticator app.' }) code: string, @Context() ctx: RequestContext) {
    return this.account.disableMfa(requireViewer(cookieRequest(ctx)), password, code);
  }

  @ClosedToTokens()
  @Mutation(() => [String], { description: 'Replaces the recovery codes; the old ones stop working.' })
  regenerateRecoveryCodes(@Args('password', { description: 'Your current password.' }) password: string, @Context() ctx: RequestContext) {
    return this.account.regenerateRecoveryCodes(requireViewer(cookieRequest(ctx)), password);
  }

  @ClosedToTokens()
  @Mutation(() => Boolean, { description: 'Changes the password and ends every other session and every API token.' })
  changePassword(@Args('currentPassword', { description: 'Your password now.' }) currentPassword: string, @Args('newPassword', { description: NEW_PASSWORD }) newPassword: string, @Context() ctx: RequestContext) {
    return this.account.changePassword(requireViewer(cookieRequest(ctx)), currentPassword, newPassword);
  }

  @ClosedToTokens()
  @Mutation(() => Boolean, { description: 'Ends one of your sessions (for example on a lost phone). Needs a recent sign-in or the password.' })
  async endSession(@Args('id', { type: () => ID, description: 'One of your sign-in sessions, from `accountSettings.sessions`.' }) id: string, @Args('password', { type: () => String, nullable: true, description: RECENT_PASSWORD }) password: string | null, @Context() ctx: RequestContext) {
    const viewer = requireViewer(cookieRequest(ctx));
    await this.passwords.requireRecentSignIn(viewer, password);
    const mine = (await this.sessions.listActive(viewer.userId)).some((session) => session.id === id);
    if (!mine) throw notFound('That session');
    await this.sessions.revoke(id);
    return true;
  }

  @ClosedToTokens()
  @Mutation(() => Boolean, { description: 'Ends every session but this one. Needs a recent sign-in or the password.' })
  async endOtherSessions(@Args('password', { type: () => String, nullable: true, description: RECENT_PASSWORD }) password: string | null, @Context() ctx: RequestContext) {
    const viewer = requireViewer(cookieRequest(ctx));
    await this.passwords.requireRecentSignIn(viewer, password);
    await this.sessions.revokeAllForUser(viewer.userId, viewer.sessionId);
    return true;
  }

  @ClosedToTokens()
  @Mutation(() => Boolean, { description: 'Sends a single-use invitation link. Admins invite anyone; therapists invite clients into their care.' })
  inviteUser(@Args('input', { description: 'Who to invite, and as what.' }) input: InviteUserInput, @Context() ctx: RequestContext) {
    return this.account.invite(requireViewer(cookieRequest(ctx)), input);
  }

  @Public()
  @Mutation(() => SignInPayload, { description: 'Accepts an invitation: sets the password and signs in.' })
  acceptInvitation(@Args('input', { description: 'The token from the invitation link, and your password.' }) input: AcceptInvitationInput, @Context() ctx: RequestContext) {
    cookieRequest(ctx);
    return this.account.acceptInvitation({ token: input.token, displayName: input.displayName }, input.password, ctx.req, ctx.res);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Emails a reset link if the account exists. Always answers true.' })
  requestPasswordReset(@Args('email', { description: 'The email address of the account. The answer is the same whether or not an account uses it.' }) email: string) {
    return this.account.requestPasswordReset(email);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Sets a new password from a reset link and ends every session. Does not sign in.' })
  resetPassword(@Args('token', { description: 'The token from the reset link (after `#token=`). It works once, for 30 minutes.' }) token: string, @Args('newPassword', { description: NEW_PASSWORD }) newPassword: string) {
    return this.account.resetPassword(token, newPassword);
  }

  @ClosedToTokens()
  @Mutation(() => CreatedApiToken, {
    description: 'Creates a personal API token. Only from the portal (tokens cannot create tokens), after a recent sign-in or with the password.',
  })
  async createApiToken(@Args('input', { description: 'The token’s name, scopes and lifetime.' }) input: CreateApiTokenInput, @Args('password', { type: () => String, nullable: true, description: RECENT_PASSWORD }) password: string | null, @Context() ctx: RequestContext) {
    const viewer = requireViewer(cookieRequest(ctx));
    await this.passwords.requireRecentSignIn(viewer, password);
    return this.apiTokens.create(viewer, input);
  }

  @RequireScope('account:write')
  @Mutation(() => User, {
    description:
      'Changes your own time zone and reminder settings (anyone signed in: clients, therapists, admins) and returns you with them. Fields left out stay as they are.',
  })
  updatePreferences(@Args('input', { description: 'The settings to change.' }) input: UpdatePreferencesInput, @Context() ctx: RequestContext) {
    return this.preferences.update(requireViewer(ctx), input);
  }

  @RequireScope('account:write')
  @Mutation(() => Boolean, { description: 'Revokes one of your API tokens at once.' })
  revokeApiToken(@Args('id', { type: () => ID, description: 'One of your API tokens, from `accountSettings.apiTokens`.' }) id: string, @Context() ctx: RequestContext) {
    return this.apiTokens.revoke(requireViewer(ctx), id);
  }
}
