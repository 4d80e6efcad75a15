import type { EntityManager } from 'typeorm';

interface Account {
  email: string;
  displayName: string;
}

/** jo+clinic@practice.example → jo: the person part of an address, without a +tag. */
const localPart = (email: string) => email.toLowerCase().split('@')[0]!.split('+')[0]!;
const normalName = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/**
 * Each account has one role, so an admin who also practises holds a therapist account of their own. We
 * recognise it by what the admin controls: an account the admin invited, carrying the admin's name or the
 * same email local part. An admin may only reach clinical records through such an account, and the
 * practice should see when they do.
 */
export function looksLikeSamePerson(admin: Account, therapist: Account) {
  return normalName(admin.displayName) === normalName(therapist.displayName) || localPart(admin.email) === localPart(therapist.email);
}

export interface OwnTherapistAccount {
  id: string;
  email: string;
  displayName: string;
  activeClients: number;
}

/** The active therapist accounts this admin invited and that look like the admin's own, with their current clients. */
export async function ownTherapistAccounts(manager: EntityManager, admin: Account & { id: string }): Promise<OwnTherapistAccount[]> {
  const rows = await manager.query<{ id: string; email: string; displayName: string; activeClients: number }[]>(
    `SELECT u.id, u.email, u.display_name AS "displayName",
            (SELECT count(*)::int FROM care_relationships c WHERE c.therapist_id = u.id AND c.ended_at IS NULL) AS "activeClients"
       FROM users u
      WHERE u.role = 'THERAPIST' AND u.deactivated_at IS NULL
        AND EXISTS (SELECT 1 FROM account_tokens t
                     WHERE t.purpose = 'INVITATION' AND t.email = u.email AND t.created_by = $1 AND t.used_at IS NOT NULL)
      ORDER BY u.display_name, u.id`,
    [admin.id],
  );
  return rows.filter((row) => looksLikeSamePerson(admin, row));
}

/** True when `therapistId` is one of the admin's own therapist accounts (see looksLikeSamePerson). */
export async function isOwnTherapistAccount(manager: EntityManager, adminId: string, therapistId: string) {
  const admin = await manager.query<{ id: string; email: string; displayName: string }[]>(
    `SELECT id, email, display_name AS "displayName" FROM users WHERE id = $1 AND role = 'ADMIN'`,
    [adminId],
  );
  if (!admin[0]) return false;
  return (await ownTherapistAccounts(manager, admin[0])).some((account) => account.id === therapistId);
}
