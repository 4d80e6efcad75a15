import { z } from 'zod';
import { personText } from '../common/common.schema.js';
import { PASSWORD_MAX_LENGTH } from './sign-in.schema.js';

// Sign-in's rules live in their own light module; here they join the rest of identity.
export { emailSchema, PASSWORD_MAX_LENGTH, signInSchema, totpCodeSchema, type SignIn } from './sign-in.schema.js';

export const ROLES = ['CLIENT', 'THERAPIST', 'ADMIN'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Where a sign-in session stands. ACTIVE: fully signed in. MFA_PENDING: password checked, code not yet. MFA_ENROLLMENT: must set up a second factor first. */
export const AUTH_SESSION_STAGES = ['ACTIVE', 'MFA_PENDING', 'MFA_ENROLLMENT'] as const;
export type AuthSessionStage = (typeof AUTH_SESSION_STAGES)[number];

/** Roles that must sign in with a second factor. */
export const MFA_REQUIRED_ROLES: readonly Role[] = ['THERAPIST', 'ADMIN'];

export const PASSWORD_MIN_LENGTH = 12;

export const displayNameSchema = personText('Name', 1, 100);

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `Please use at least ${PASSWORD_MIN_LENGTH} characters. A few ordinary words together work well.` })
  .max(PASSWORD_MAX_LENGTH, { message: `A password can be at most ${PASSWORD_MAX_LENGTH} characters.` });

/**
 * `notes` (therapists' private session notes and addenda) is never implied by another area. `fhir` is the
 * read-only FHIR R4 interface (`/fhir/R4`): a client's record for other health systems, never with notes.
 */
export const API_SCOPE_AREAS = ['account', 'caseload', 'sessions', 'reflections', 'checkins', 'measures', 'notes', 'content', 'fhir'] as const;
export type ApiScopeArea = (typeof API_SCOPE_AREAS)[number];
/** Areas with a `:read` scope only: nothing can be changed through them. */
export const READ_ONLY_SCOPE_AREAS = ['fhir'] as const satisfies readonly ApiScopeArea[];
type ReadOnlyArea = (typeof READ_ONLY_SCOPE_AREAS)[number];
/** The areas whose scopes mean something for a role: a client has no caseload or notes; an admin reads no clinical areas. */
export const API_SCOPE_AREAS_BY_ROLE = {
  CLIENT: ['account', 'sessions', 'reflections', 'checkins', 'measures', 'content'],
  THERAPIST: API_SCOPE_AREAS,
  ADMIN: ['account', 'content'],
} as const satisfies Record<Role, readonly ApiScopeArea[]>;
export const isReadOnlyScopeArea = (area: ApiScopeArea): area is ReadOnlyArea => (READ_ONLY_SCOPE_AREAS as readonly ApiScopeArea[]).includes(area);
export type ApiScope = `${ApiScopeArea}:read` | `${Exclude<ApiScopeArea, ReadOnlyArea>}:write`;
export const API_SCOPES: readonly ApiScope[] = API_SCOPE_AREAS.flatMap((area): ApiScope[] =>
  isReadOnlyScopeArea(area) ? [`${area}:read`] : [`${area}:read`, `${area}:write`],
);
export const apiScopeSchema = z.enum(API_SCOPES as unknown as [string, ...string[]]);

/** Every API token expires: 90 days unless asked otherwise, a year at most. */
export const API_TOKEN_DEFAULT_DAYS = 90;
export const API_TOKEN_MAX_DAYS = 365;

export const createApiTokenSchema = z.object({
  name: personText('Token name', 1, 100),
  scopes: z.array(apiScopeSchema).min(1, { message: 'Choose at least one scope.' }).max(API_SCOPES.length),
  expiresInDays: z
    .number()
    .int({ message: 'Please choose a whole number of days.' })
    .min(1, { message: `A token can last from 1 to ${API_TOKEN_MAX_DAYS} days.` })
    .max(API_TOKEN_MAX_DAYS, { message: `A token can last from 1 to ${API_TOKEN_MAX_DAYS} days.` })
    .nullish()
    // Left out (or null, as older clients sent for "never"): the default. No token lasts for ever.
    .transform((days) => days ?? API_TOKEN_DEFAULT_DAYS),
});
export type CreateApiToken = z.infer<typeof createApiTokenSchema>;
