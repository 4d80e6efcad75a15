import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@apollo/client/react';
import { SESSION_REMINDER_CHOICES, timeZoneSchema, type Role } from '@attune/domain';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { applyProblem, Field, FormProblem, type FormProblemState, LoadProblem, readProblem, SubmitRow } from '../../app/form-kit';
import { deviceTimeZone, zoneLabel } from '../../app/time-zone';
import { PreferencesSectionDocument, UpdatePreferencesDocument } from './account.generated';

const REMINDER_WORDS: Record<(typeof SESSION_REMINDER_CHOICES)[number], string> = { 60: '1 hour before', 180: '3 hours before', 1440: '24 hours before', 2880: '2 days before' };

const schema = z.object({
  timeZone: timeZoneSchema,
  sessionReminder: z.enum(['off', ...SESSION_REMINDER_CHOICES.map(String)] as [string, ...string[]]),
  measureReminders: z.boolean(),
});
type Values = z.infer<typeof schema>;

/** Every zone this browser knows, with the device's and the chosen one surely among them (some lists leave out UTC). */
function zonesHere(...also: (string | null | undefined)[]) {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...known, ...also.filter((zone): zone is string => Boolean(zone))])].sort();
}

/** "Time and reminders": the zone every time is shown in, and which reminder emails to send. */
export function PreferencesSection({ role }: { role: Role }) {
  const { data, error } = useQuery(PreferencesSectionDocument);
  const me = data?.me;
  return (
    <section className="card section" aria-labelledby="preferences-heading">
      <h2 id="preferences-heading">Time and reminders</h2>
      {error && !me && (
        <LoadProblem error={error} what="these settings" />
      )}
      {me && <PreferencesForm role={role} saved={me} />}
    </section>
  );
}

function PreferencesForm({ role, saved }: { role: Role; saved: { timeZone?: string | null; sessionReminderMinutes?: number | null; measureReminders: boolean } }) {
  const [update] = useMutation(UpdatePreferencesDocument);
  const [problem, setProblem] = useState<FormProblemState>(null);
  const [status, setStatus] = useState('');
  const device = deviceTimeZone();
  const zones = useMemo(() => zonesHere(device, saved.timeZone), [device, saved.timeZone]);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      timeZone: saved.timeZone ?? device,
      sessionReminder: saved.sessionReminderMinutes === null || saved.sessionReminderMinutes === undefined ? 'off' : String(saved.sessionReminderMinutes),
      measureReminders: saved.measureReminders,
    },
  });
  const { errors, isSubmitting } = form.formState;
  // Reminder emails go to clients; staff choose only their zone.
  const client = role === 'CLIENT';

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(null);
    setStatus('');
    try {
      await update({
        variables: {
          input: {
            timeZone: values.timeZone,
            ...(client ? { sessionReminderMinutes: values.sessionReminder === 'off' ? null : Number(values.sessionReminder), measureReminders: values.measureReminders } : {}),
          },
        },
      });
      form.reset(values);
      setStatus(`Saved. Times in Attune are now shown in ${zoneLabel(values.timeZone)} time.`);
    } catch (caught) {
      setProblem(applyProblem(form, readProblem(caught), ['timeZone']));
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} className="form">
      <FormProblem problem={problem} />
      <Field
        label="Your time zone"
        hint={
          saved.timeZone
            ? 'Session times in Attune, your emails and your calendar file are shown in this zone.'
            : 'Until you choose, Attune shows times in this device’s zone. Your choice is used here, in your emails and in your calendar file.'
        }
        problem={errors.timeZone?.message}
      >
        {(control) => (
          <select {...control} {...form.register('timeZone')}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zoneLabel(zone)}
                {zone === device ? ' (this device)' : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      {client && (
        <>
          <Field label="Session reminder email" hint="A short email before each session, so it doesn't slip your mind." problem={errors.sessionReminder?.message}>
            {(control) => (
              <select {...control} {...form.register('sessionReminder')}>
                <option value="off">Off: no reminder emails</option>
                {SESSION_REMINDER_CHOICES.map((minutes) => (
                  <option key={minutes} value={String(minutes)}>
                    {REMINDER_WORDS[minutes]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field check label="Email me when my therapist asks me to fill in a questionnaire" problem={errors.measureReminders?.message}>
            {(control) => <input {...control} type="checkbox" {...form.register('measureReminders')} />}
          </Field>
        </>
      )}
      <SubmitRow label="Save these settings" busyLabel="Saving…" busy={isSubmitting} status={status} />
    </form>
  );
}
