import type { Role } from '@attune/domain';
import type { Viewer } from '../auth/viewer';
import { forbidden } from '../errors';

/**
 * Who may do what, decided in one place. Role rules are plain functions here; rules that depend on a
 * care relationship ask CarePolicy (modules/care), which reads relationships in a batch.
 */
export const Policy = {
  /** Managing people and content is for admins. */
  manageUsers: (viewer: Viewer) => viewer.role === 'ADMIN',
  manageContent: (viewer: Viewer) => viewer.role === 'ADMIN',
  readAudit: (viewer: Viewer) => viewer.role === 'ADMIN',
  /** Admins run the practice; they never read notes, reflections or check-ins. */
  readClinical: (viewer: Viewer) => viewer.role === 'CLIENT' || viewer.role === 'THERAPIST',
} as const;

export function requireRole(viewer: Viewer, ...roles: Role[]) {
  if (!roles.includes(viewer.role)) throw forbidden();
}

export function assertPolicy(allowed: boolean, message?: string) {
  if (!allowed) throw forbidden(message);
}
