import { MAX_SESSION_MINUTES } from '@attune/domain';
import { useId } from 'react';
import { useFormContext } from 'react-hook-form';
import { z } from 'zod';
import { Field, type Problem, type ReasonWords } from '../../app/form-kit';
import { viewerTimeZone, zoneLabel } from '../../app/time-zone';
import { formatSessionTime, localToIso } from '../clinical-common/time';

export const LENGTHS = [30, 45, 50, 60, 75, 90, 120].filter((minutes) => minutes <= MAX_SESSION_MINUTES);

/** Date, start time and length as the form holds them, with what the browser can check before asking the API. */
export const sessionTimesSchema = z
  .object({
    date: z.string().min(1, { message: 'Please choose a date.' }),
    time: z.string().min(1, { message: 'Please choose a start time.' }),
    minutes: z.number(),
  })
  .superRefine((value, ctx) => {
    if (value.date && value.time && !localToIso(value.date, value.time)) ctx.addIssue({ code: 'custom', path: ['date'], message: 'Please give a real date, like 2026-12-10.' });
  });
export type TimeValues = z.infer<typeof sessionTimesSchema>;

/** The checked inputs as UTC times, read in the therapist's own time zone. */
export function toTimes(values: TimeValues) {
  const startsAt = localToIso(values.date, values.time)!;
  return { startsAt, endsAt: new Date(Date.parse(startsAt) + values.minutes * 60_000).toISOString() };
}

/** The API names startsAt and endsAt; the form shows those problems next to the start time and the length. */
export function withTimeFields(problem: Problem): Problem {
  const { startsAt, endsAt, ...fields } = problem.fields;
  return { ...problem, fields: { ...fields, ...(startsAt ? { time: startsAt } : {}), ...(endsAt ? { minutes: endsAt } : {}) } };
}

/** A double-booking, with the clashing session said in the reader's own time zone. */
export const SCHEDULING_WORDS: ReasonWords = {
  SESSION_OVERLAP: ({ clashesWith, startsAt, endsAt }) =>
    `${clashesWith === 'CLIENT' ? 'This client already has' : 'You already have'} a session on ${formatSessionTime(String(startsAt), String(endsAt))}. Please choose another time.`,
};

/** Date, start time and length, read in the therapist's own time zone (which the form names); inside a FormProvider. */
export function SessionTimeFields() {
  const zoneId = useId();
  const {
    register,
    formState: { errors },
  } = useFormContext<TimeValues>();
  return (
    <>
      <p id={zoneId} className="field__hint cl-span">
        Times are in your time zone ({zoneLabel(viewerTimeZone())}). Your client sees them in theirs.
      </p>
      <Field label="Date" problem={errors.date?.message}>
        {(control) => <input {...control} type="date" {...register('date')} />}
      </Field>
      <Field label="Start time" problem={errors.time?.message} alsoDescribedBy={zoneId}>
        {(control) => <input {...control} type="time" step={300} {...register('time')} />}
      </Field>
      <Field label="Length" problem={errors.minutes?.message}>
        {(control) => (
          <select {...control} {...register('minutes', { valueAsNumber: true })}>
            {LENGTHS.map((minutes) => (
              <option key={minutes} value={minutes}>
                {minutes} minutes
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
