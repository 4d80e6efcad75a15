import { MAX_SESSION_MINUTES } from '@attune/domain';
import { FieldError, describedBy } from '../clinical-common/FieldError';
import { localToIso, viewerTimeZone } from '../clinical-common/time';

export const LENGTHS = [30, 45, 50, 60, 75, 90, 120].filter((minutes) => minutes <= MAX_SESSION_MINUTES);

export interface TimeValues {
  date: string;
  time: string;
  minutes: number;
}

export type TimeProblems = Partial<Record<'date' | 'time' | 'minutes', string>>;

/** Date, start time and length, read in the therapist's own time zone (which the form names). */
export function SessionTimeFields({ idPrefix, values, onChange, problems }: { idPrefix: string; values: TimeValues; onChange: (values: TimeValues) => void; problems: TimeProblems }) {
  const zoneId = `${idPrefix}-zone`;
  return (
    <>
      <p id={zoneId} className="cl-field__hint cl-span">
        Times are in your time zone ({viewerTimeZone().replace(/_/g, ' ')}). Your client sees them in theirs.
      </p>
      <div className="cl-field">
        <label htmlFor={`${idPrefix}-date`}>Date</label>
        <input
          id={`${idPrefix}-date`}
          type="date"
          value={values.date}
          onChange={(event) => onChange({ ...values, date: event.target.value })}
          aria-invalid={problems.date ? true : undefined}
          aria-describedby={describedBy(problems.date && `${idPrefix}-date-error`)}
        />
        <FieldError id={`${idPrefix}-date-error`} message={problems.date} />
      </div>
      <div className="cl-field">
        <label htmlFor={`${idPrefix}-time`}>Start time</label>
        <input
          id={`${idPrefix}-time`}
          type="time"
          step={300}
          value={values.time}
          onChange={(event) => onChange({ ...values, time: event.target.value })}
          aria-invalid={problems.time ? true : undefined}
          aria-describedby={describedBy(zoneId, problems.time && `${idPrefix}-time-error`)}
        />
        <FieldError id={`${idPrefix}-time-error`} message={problems.time} />
      </div>
      <div className="cl-field">
        <label htmlFor={`${idPrefix}-length`}>Length</label>
        <select
          id={`${idPrefix}-length`}
          value={values.minutes}
          onChange={(event) => onChange({ ...values, minutes: Number(event.target.value) })}
          aria-invalid={problems.minutes ? true : undefined}
          aria-describedby={describedBy(problems.minutes && `${idPrefix}-length-error`)}
        >
          {LENGTHS.map((minutes) => (
            <option key={minutes} value={minutes}>
              {minutes} minutes
            </option>
          ))}
        </select>
        <FieldError id={`${idPrefix}-length-error`} message={problems.minutes} />
      </div>
    </>
  );
}

/** Checks what the browser can check before asking the API, and turns the inputs into UTC times. */
export function readTimes(values: TimeValues): { startsAt: string; endsAt: string } | TimeProblems {
  const problems: TimeProblems = {};
  if (!values.date) problems.date = 'Please choose a date.';
  if (!values.time) problems.time = 'Please choose a start time.';
  if (problems.date || problems.time) return problems;
  const startsAt = localToIso(values.date, values.time);
  if (!startsAt) return { date: 'Please give a real date, like 2026-12-10.' };
  return { startsAt, endsAt: new Date(Date.parse(startsAt) + values.minutes * 60_000).toISOString() };
}

/** The API names startsAt and endsAt; the form shows those problems next to the start time and the length. */
export function timeProblemsFrom(fields: Record<string, string>): TimeProblems {
  const problems: TimeProblems = {};
  if (fields.startsAt) problems.time = fields.startsAt;
  if (fields.endsAt) problems.minutes = fields.endsAt;
  return problems;
}
