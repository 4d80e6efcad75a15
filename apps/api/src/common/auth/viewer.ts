import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import type { ApiScope, AuthSessionStage, Role } from '@attune/domain';

/** The person's own settings, read with their sign-in (see `updatePreferences`). */
export interface Preferences {
  /** The IANA zone they chose; null until they choose (the portal then uses the device's). */
  timeZone: string | null;
  /** Minutes before a session its reminder goes; null when they turned session reminders off. */
  sessionReminderMinutes: number | null;
  measureReminders: boolean;
}

/** Who is asking. `scopes` is null for a person in the portal, and the token's scopes for an API token. */
export interface Viewer {
  userId: string;
  role: Role;
  displayName: string;
  email: string;
  sessionId: string | null;
  tokenId: string | null;
  scopes: ReadonlySet<ApiScope> | null;
  preferences: Preferences;
}

/** A session that has passed the password but not yet the second factor: good for nothing else. */
export interface PendingSignIn {
  sessionId: string;
  userId: string;
  stage: Exclude<AuthSessionStage, 'ACTIVE'>;
}

export interface RequestContext {
  req: Request;
  res: Response;
  requestId: string;
  viewer: Viewer | null;
  pending: PendingSignIn | null;
  /** True when the caller authenticated with a bearer token: cookies are neither read nor set. */
  bearer: boolean;
}
