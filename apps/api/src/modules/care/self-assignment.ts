import type { EntityManager } from 'typeorm';
import type { CareRelationshipsRepository, InvitedTherapistAccount } from './care-relationships.repository';

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

export type OwnTherapistAccount = InvitedTherapistAccount;

/** The active therapist accounts this admin invited and that look like the admin's own, with their current clients. */
export async function ownTherapistAccounts(care: CareRelationshipsRepository, admin: Account & { id: string }, manager?: EntityManager): Promise<OwnTherapistAccount[]> {
  const rows = await care.therapistAccountsInvitedBy(admin.id, manager);
  return rows.filter((row) => looksLikeSamePerson(admin, row));
}

/** True when `therapistId` is one of the admin's own therapist accounts (see looksLikeSamePerson). */
export async function isOwnTherapistAccount(care: CareRelationshipsRepository, adminId: string, therapistId: string, manager?: EntityManager) {
  const admin = await care.adminAccount(adminId, manager);
  if (!admin) return false;
  return (await ownTherapistAccounts(care, admin, manager)).some((account) => account.id === therapistId);
}
