import type { Role } from '@attune/domain';
import type { Viewer } from '../auth/viewer';
import { forbidden } from '../errors';

/**
 * Who may do what, decided in one place. Role rules are plain functions here; rules that depend on a
 * care relationship ask CarePolicy (modules/care), which reads relationships in a batch and gives the
 * same rules as SQL conditions for lists.
 */
export const Policy = {
  /** Managing people and content is for admins. */
  manageUsers: (viewer: Viewer) => viewer.role === 'ADMIN',
  manageContent: (viewer: Viewer) => viewer.role === 'ADMIN',
  readAudit: (viewer: Viewer) => viewer.role === 'ADMIN',
  /** Admins run the practice; they never read notes, reflections or check-ins. */
  readClinical: (viewer: Viewer) => viewer.role === 'CLIENT' || viewer.role === 'THERAPIST',
  /** Clients write reflections and drafts, check in and set agendas: about themselves only. */
  writeAsClient: (viewer: Viewer) => viewer.role === 'CLIENT',
  /** Exporting one's data and closing one's account are a client's; staff accounts belong to the practice (an admin deactivates them). */
  ownClientAccount: (viewer: Viewer) => viewer.role === 'CLIENT',
  /** Therapists hold care: schedule sessions, write notes, respond, set practice prompts. */
  holdCare: (viewer: Viewer) => viewer.role === 'THERAPIST',
  /** The therapist who holds this session (its notes and changes are theirs). */
  holdsSession: (viewer: Viewer, session: { therapistId: string }) => viewer.role === 'THERAPIST' && session.therapistId === viewer.userId,
} as const;

export function requireRole(viewer: Viewer, ...roles: Role[]) {
  if (!roles.includes(viewer.role)) throw forbidden();
}

export function assertPolicy(allowed: boolean, message?: string) {
  if (!allowed) throw forbidden(message);
}
