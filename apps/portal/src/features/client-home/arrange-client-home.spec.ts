import { describe, expect, it } from 'vitest';
import type { ClientHomePageQuery, ClientSessionFieldsFragment } from './client-home.generated';
import type { OwnReflectionFieldsFragment } from '../reflections/reflections.generated';
import { arrangeClientHome, CHECK_IN_INVITATION_DAYS, clientHomeTimes, excerpt } from './arrange-client-home';

const OPENED = Date.parse('2026-12-02T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let ids = 0;
/** A 50-minute session starting `startsIn` ms from when the page opened (negative: in the past). */
function session(startsIn: number, changes: Partial<ClientSessionFieldsFragment> = {}): ClientSessionFieldsFragment {
  const startsAt = OPENED + startsIn;
  return {
    id: `session-${++ids}`,
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(startsAt + 50 * 60_000).toISOString(),
    status: 'SCHEDULED',
    modality: 'VIDEO',
    joinDetails: null,
    agenda: null,
    cancelReason: null,
    therapist: { id: 'therapist-1', displayName: 'Dr Ada Obi' },
    checkIn: null,
    ...changes,
  };
}

function reflection(responses: number): OwnReflectionFieldsFragment {
  const id = `reflection-${++ids}`;
  return {
    id,
    body: 'words',
    mood: null,
    shared: responses > 0,
    sharedAt: null,
    createdAt: new Date(OPENED - DAY).toISOString(),
    responses: Array.from({ length: responses }, (_, index) => ({ id: `${id}-response-${index}`, body: 'Thank you', createdAt: new Date(OPENED).toISOString(), author: { id: 'therapist-1', displayName: 'Dr. Priya Raman' } })),
  };
}

/** What the API answers: upcoming from six hours before the page opened, past up to then, oldest first. */
function answer({ upcoming = [], past = [], reflections = [] }: { upcoming?: ClientSessionFieldsFragment[]; past?: ClientSessionFieldsFragment[]; reflections?: OwnReflectionFieldsFragment[] }): ClientHomePageQuery {
  const connection = <T>(nodes: T[]) => ({ edges: nodes.map((node) => ({ node })) });
  return {
    client: { id: 'client-1', therapist: null },
    upcoming: connection(upcoming),
    past: connection(past),
    practicePrompts: [],
    reflections: connection(reflections),
    dueMeasures: [],
  } as ClientHomePageQuery;
}

describe('the sessions on a client’s home', () => {
  it('asks for upcoming sessions from six hours back, so one under way is still found', () => {
    expect(clientHomeTimes(OPENED)).toEqual({ at: OPENED, now: '2026-12-02T12:00:00.000Z', recent: '2026-12-02T06:00:00.000Z', yearAgo: '2025-12-02T12:00:00.000Z' });
  });

  it('shows the session under way as the next one, not as past, though both lists hold it', () => {
    const underWay = session(-20 * 60_000);
    const later = session(7 * DAY);
    const home = arrangeClientHome(answer({ upcoming: [underWay, later], past: [underWay] }), OPENED);
    expect(home.next).toBe(underWay);
    expect(home.laterUpcoming).toEqual([later]);
    expect(home.past).toEqual([]);
  });

  it('lets a session that ended this morning go from upcoming to past', () => {
    const thisMorning = session(-3 * HOUR, { status: 'COMPLETED' });
    const home = arrangeClientHome(answer({ upcoming: [thisMorning], past: [thisMorning] }), OPENED);
    expect(home.next).toBeNull();
    expect(home.past).toEqual([thisMorning]);
  });

  it('skips a cancelled session for the next one, and lists it later with the calendar counting only what is scheduled', () => {
    const cancelled = session(DAY, { status: 'CANCELLED', cancelReason: 'Therapist unwell' });
    const scheduled = session(8 * DAY);
    const home = arrangeClientHome(answer({ upcoming: [cancelled, scheduled] }), OPENED);
    expect(home.next).toBe(scheduled);
    expect(home.laterUpcoming).toEqual([cancelled]);
    expect(home.scheduled).toEqual([scheduled]);
  });

  it('has no next session when nothing is booked', () => {
    const home = arrangeClientHome(answer({}), OPENED);
    expect(home).toMatchObject({ next: null, laterUpcoming: [], scheduled: [], past: [], invitations: [], acknowledged: null, responses: [] });
  });
});

describe('invitations to check in', () => {
  it('invites for sessions that took place in the last thirty days and have no check-in yet, newest first', () => {
    const justInside = session(-(CHECK_IN_INVITATION_DAYS * DAY) + HOUR, { status: 'COMPLETED' });
    const tooOld = session(-(CHECK_IN_INVITATION_DAYS * DAY) - HOUR, { status: 'COMPLETED' });
    const lastWeek = session(-7 * DAY, { status: 'COMPLETED' });
    const checkedIn = session(-14 * DAY, { status: 'COMPLETED', checkIn: { id: 'c1', createdAt: new Date(OPENED - 13 * DAY).toISOString(), acknowledgedAt: null, acknowledgement: null } });
    const missed = session(-3 * DAY, { status: 'NO_SHOW' });
    const home = arrangeClientHome(answer({ past: [tooOld, justInside, checkedIn, lastWeek, missed] }), OPENED);
    expect(home.invitations).toEqual([lastWeek, justInside]);
    expect(home.past.map((item) => item.id)).toEqual([missed, lastWeek, checkedIn, justInside, tooOld].map((item) => item.id));
  });

  it('shows the therapist’s reply to the latest check-in only, and only once they have replied', () => {
    const checkIn = (acknowledgedAt: string | null) => ({ id: `c-${++ids}`, createdAt: new Date(OPENED - 20 * DAY).toISOString(), acknowledgedAt, acknowledgement: acknowledgedAt && 'Thank you for telling me.' });
    const olderReplied = session(-21 * DAY, { status: 'COMPLETED', checkIn: checkIn(new Date(OPENED - 19 * DAY).toISOString()) });
    const latestWaiting = session(-7 * DAY, { status: 'COMPLETED', checkIn: checkIn(null) });
    expect(arrangeClientHome(answer({ past: [olderReplied, latestWaiting] }), OPENED).acknowledged).toBeNull();
    expect(arrangeClientHome(answer({ past: [olderReplied] }), OPENED).acknowledged).toBe(olderReplied);
  });
});

describe('responses to reflections', () => {
  it('shows the five newest reflections the therapist responded to', () => {
    const reflections = [reflection(0), ...Array.from({ length: 6 }, () => reflection(1)), reflection(2)];
    const home = arrangeClientHome(answer({ reflections }), OPENED);
    expect(home.responses).toEqual(reflections.slice(1, 6));
  });

  it('quotes the start of a long reflection, without a space before the ellipsis', () => {
    expect(excerpt('short')).toBe('short');
    expect(excerpt(`${'a'.repeat(239)} tail`)).toBe(`${'a'.repeat(239)}…`);
  });
});
