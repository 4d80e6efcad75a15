import { expect, test } from '@playwright/test';
import { checkPage } from '../../fixtures/a11y';
import { ask, signInAs } from '../../fixtures/clinical-sign-in';
import { ClientRecordPage } from '../../pages/ClientRecordPage';

// The therapist's browser is in New York: what they type is New York time, and the API keeps UTC.
const ZONE = 'America/New_York';
test.use({ timezoneId: ZONE });
test.describe.configure({ timeout: 120_000 });

/** "2026-12-16" and "14:00" for an instant, as a clock in `ZONE` shows it. */
function inZone(iso: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

async function clientId(page: import('@playwright/test').Page, name: string) {
  const { caseload } = await ask<{ caseload: { edges: { node: { client: { id: string } } }[] } }>(page, 'query ($q: String) { caseload(search: $q) { edges { node { client { id } } } } }', { q: name });
  return caseload.edges[0]!.node.client.id;
}

test('a therapist schedules in their own time zone, hears kindly about a double-booking, moves and cancels a session', async ({ page }) => {
  await signInAs(page, 'therapist@attune.test');
  const elenaId = await clientId(page, 'Elena Petrova');
  const record = new ClientRecordPage(page);
  await record.open(elenaId);

  const form = page.getByRole('form', { name: 'Schedule a session with Elena Petrova' });
  await expect(form).toContainText('Times are in your time zone (America/New York).');
  await form.getByRole('button', { name: 'Schedule session' }).click();
  // Each problem is next to its field and read with it; the first field with one takes focus.
  await expect(form.getByLabel('Date')).toHaveAccessibleDescription('Please choose a date.');
  await expect(form.getByLabel('Start time')).toHaveAccessibleDescription(/^Please choose a start time\./);
  await expect(form.getByLabel('Date')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Date')).toBeFocused();

  const day = inZone(new Date(Date.now() + 20 * 86_400_000).toISOString()).date;
  await form.getByLabel('Date').fill(day);
  await form.getByLabel('Start time').fill('14:00');
  await form.getByLabel('Length').selectOption('50');
  await form.getByRole('radio', { name: 'In person' }).check();
  await form.getByLabel('Where to go or how to join (optional)').fill('Room 3, second floor');
  await form.getByRole('button', { name: 'Schedule session' }).click();
  await expect(form.getByRole('status')).toContainText('2:00 – 2:50 PM');

  // The API holds the instant in UTC; in New York it is the time the therapist typed.
  const { sessions } = await ask<{ sessions: { edges: { node: { id: string; startsAt: string; endsAt: string; status: string } }[] } }>(
    page,
    'query ($id: ID!, $from: DateTime!) { sessions(clientId: $id, from: $from) { edges { node { id startsAt endsAt status } } } }',
    { id: elenaId, from: new Date().toISOString() },
  );
  const booked = sessions.edges.map((edge) => edge.node).find((session) => session.status === 'SCHEDULED')!;
  expect(booked.startsAt.endsWith('Z')).toBe(true);
  expect(inZone(booked.startsAt)).toEqual({ date: day, time: '14:00' });
  expect(Date.parse(booked.endsAt) - Date.parse(booked.startsAt)).toBe(50 * 60_000);

  const upcoming = record.session(/2:00 – 2:50 PM/);
  await expect(upcoming).toContainText('Scheduled');
  await expect(upcoming).toContainText('In person');
  await expect(upcoming).toContainText('Room 3, second floor');

  // The same time again is a double-booking: the message says so in New York time, next to the button.
  await form.getByLabel('Date').fill(day);
  await form.getByLabel('Start time').fill('14:30');
  await form.getByRole('button', { name: 'Schedule session' }).click();
  const conflict = form.getByRole('alert');
  await expect(conflict).toContainText('You already have a session on');
  await expect(conflict).toContainText('2:00 – 2:50 PM. Please choose another time.');
  await expect(conflict).toContainText('Please choose another time.');
  await expect(conflict).not.toContainText(':00.000Z');
  await checkPage(page, 'clinical-therapist-schedule-conflict');

  // Moving it keeps the length; the session says when it is now.
  await upcoming.getByRole('button', { name: /^Reschedule/ }).click();
  const move = upcoming.getByRole('form', { name: /^Move the session on/ });
  await expect(move.getByLabel('Date')).toHaveValue(day);
  await expect(move.getByLabel('Start time')).toHaveValue('14:00');
  await move.getByLabel('Start time').fill('15:30');
  await move.getByRole('button', { name: 'Move session' }).click();
  await expect(record.sessions().getByRole('status').filter({ hasText: 'The session is moved to' })).toContainText('3:30 – 4:20 PM');
  const moved = record.session(/3:30 – 4:20 PM/);
  await expect(moved.getByRole('heading', { level: 4 })).toBeFocused();

  // Cancelling asks for a reason the client will read.
  await moved.getByRole('button', { name: /^Cancel session/ }).click();
  const cancel = moved.getByRole('form', { name: /^Cancel the session on/ });
  await cancel.getByRole('button', { name: 'Cancel this session' }).click();
  await expect(cancel.getByLabel('Reason for cancelling')).toHaveAccessibleDescription(/Please give a reason\. Elena Petrova will see it\./);
  await expect(cancel.getByLabel('Reason for cancelling')).toBeFocused();
  await cancel.getByLabel('Reason for cancelling').fill('I am unwell this week. I will offer you another time.');
  await cancel.getByRole('button', { name: 'Cancel this session' }).click();
  await expect(record.sessions().getByRole('status').filter({ hasText: 'The session is cancelled.' })).toBeVisible();
  await expect(moved).toContainText('Cancelled');
  await expect(moved).toContainText('Reason for cancelling: I am unwell this week.');
  await expect(moved.getByRole('button')).toHaveCount(0);
});

test('a private note is written, signed and locked, then added to with dated addenda; the client never sees it', async ({ page }) => {
  await signInAs(page, 'therapist@attune.test');
  const mayaId = await clientId(page, 'Maya Singh');
  const record = new ClientRecordPage(page);
  await record.open(mayaId);
  const held = record.sessions().getByRole('listitem').filter({ hasText: 'Took place' }).first();
  await held.getByRole('button', { name: /^Open private note/ }).click();
  const note = held.getByRole('region', { name: 'Private note' });
  await expect(note).toContainText('Only you can see this note.');

  await note.getByRole('button', { name: 'Save note' }).click();
  await expect(note.getByLabel('Private note')).toHaveAccessibleDescription(/The note is empty\. Write something first\./);
  await note.getByLabel('Private note').fill('Maya spoke about her new job. Agreed to look at sleep next time.');
  await note.getByRole('button', { name: 'Save note' }).click();
  await expect(note.getByRole('status')).toHaveText('Note saved. Only you can see it.');
  await note.getByRole('button', { name: 'Sign and lock note' }).click();
  await expect(note).toContainText('The note is locked.');
  await expect(note.getByLabel('Private note')).toHaveCount(0);
  await expect(note.getByText('Maya spoke about her new job.')).toBeVisible();

  await note.getByLabel('Add a dated addendum').fill('Correction: the new job starts next month, not this one.');
  await note.getByRole('button', { name: 'Add addendum' }).click();
  await expect(note.getByRole('status')).toHaveText('Addendum added.');
  await expect(note.getByRole('list', { name: 'Addenda' })).toContainText('Correction: the new job starts next month');
  await expect(note.getByRole('list', { name: 'Addenda' })).toContainText(/Addendum, \w+day/);
  await checkPage(page, 'clinical-therapist-session-note');

  // The client's own view of the same session carries no note.
  const { sessions } = await ask<{ sessions: { edges: { node: { id: string; status: string } }[] } }>(page, 'query ($id: ID!) { sessions(clientId: $id) { edges { node { id status } } } }', { id: mayaId });
  const sessionId = sessions.edges.find((edge) => edge.node.status === 'COMPLETED')!.node.id;
  await signInAs(page, 'client14@attune.test');
  const asClient = await ask<{ session: { note: unknown } }>(page, 'query ($id: ID!) { session(id: $id) { note { body } } }', { id: sessionId });
  expect(asClient.session.note).toBeNull();
});
