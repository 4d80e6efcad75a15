import type { AllianceDirection, FlagKind, SessionModality, SessionStatus } from '../../gql/types';

export const MODALITY_WORDS: Record<SessionModality, string> = { IN_PERSON: 'In person', VIDEO: 'Video', PHONE: 'Phone' };

export const STATUS_WORDS: Record<SessionStatus, string> = { SCHEDULED: 'Scheduled', COMPLETED: 'Took place', CANCELLED: 'Cancelled', NO_SHOW: 'Missed' };

/** Reflection mood, 1 to 5, in words first: numbers alone say little about a day. */
export const MOOD_WORDS: Record<number, string> = { 1: 'Very low', 2: 'Low', 3: 'Okay', 4: 'Good', 5: 'Very good' };

export const DIRECTION_WORDS: Record<AllianceDirection, string> = { UP: 'rising', DOWN: 'falling', STEADY: 'steady' };

export const FLAG_WORDS: Record<FlagKind, string> = {
  ALLIANCE: 'Check-in',
  COMMENT_WAITING: 'Comment',
  MISSED_SESSIONS: 'Missed sessions',
  NO_UPCOMING_SESSION: 'Nothing scheduled',
  LONG_GAP: 'Long gap',
  GONE_QUIET: 'Gone quiet',
  SYMPTOMS_WORSENING: 'Measures',
  NOT_IMPROVING: 'Measures',
};
