import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { ScheduleSessionDocument, type SessionModality } from '../../gql/graphql';
import { FieldError, describedBy } from '../clinical-common/FieldError';
import { readClinicalProblem } from '../clinical-common/problems';
import { formatSessionTime } from '../clinical-common/time';
import { MODALITY_WORDS } from '../clinical-common/words';
import { SessionTimeFields, readTimes, timeProblemsFrom, type TimeProblems, type TimeValues } from './SessionTimeFields';

const MODALITIES: SessionModality[] = ['VIDEO', 'IN_PERSON', 'PHONE'];
const EMPTY: TimeValues = { date: '', time: '', minutes: 50 };

/** Scheduling a session with a client in your care. A double-booking comes back as a kind CONFLICT message. */
export function ScheduleSessionForm({ clientId, clientName, onScheduled }: { clientId: string; clientName: string; onScheduled: () => Promise<unknown> }) {
  const id = useId();
  const [times, setTimes] = useState<TimeValues>(EMPTY);
  const [modality, setModality] = useState<SessionModality>('VIDEO');
  const [joinDetails, setJoinDetails] = useState('');
  const [problems, setProblems] = useState<TimeProblems & { joinDetails?: string; message?: string }>({});
  const [status, setStatus] = useState('');
  const [schedule, { loading }] = useMutation(ScheduleSessionDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setStatus('');
    const read = readTimes(times);
    if (!('startsAt' in read)) {
      setProblems(read);
      return;
    }
    setProblems({});
    try {
      const result = await schedule({
        variables: { input: { clientId, startsAt: read.startsAt, endsAt: read.endsAt, modality, joinDetails: joinDetails.trim() === '' ? null : joinDetails.trim() } },
      });
      await onScheduled();
      const session = result.data?.scheduleSession;
      setTimes(EMPTY);
      setJoinDetails('');
      setStatus(session ? `Scheduled: ${formatSessionTime(session.startsAt, session.endsAt)}.` : 'Scheduled.');
    } catch (error) {
      const found = readClinicalProblem(error);
      const fieldProblems = { ...timeProblemsFrom(found.fields), ...(found.fields.joinDetails ? { joinDetails: found.fields.joinDetails } : {}) };
      setProblems(Object.keys(fieldProblems).length > 0 ? fieldProblems : { message: found.message });
    }
  }

  return (
    <form className="cl-form cl-form--grid card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="cl-span">
        Schedule a session with {clientName}
      </h3>
      <SessionTimeFields idPrefix={id} values={times} onChange={setTimes} problems={problems} />
      <fieldset className="cl-fieldset cl-span">
        <legend>How you will meet</legend>
        <div className="cl-choices">
          {MODALITIES.map((value) => (
            <label key={value} className="cl-choice">
              <input type="radio" name={`${id}-modality`} value={value} checked={modality === value} onChange={() => setModality(value)} />
              {MODALITY_WORDS[value]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="cl-field cl-span">
        <label htmlFor={`${id}-join`}>Where to go or how to join (optional)</label>
        <p id={`${id}-join-hint`} className="cl-field__hint">
          {clientName} will see this with the session: an address, a video link, or who calls whom.
        </p>
        <textarea
          id={`${id}-join`}
          rows={2}
          maxLength={500}
          value={joinDetails}
          onChange={(event) => setJoinDetails(event.target.value)}
          aria-invalid={problems.joinDetails ? true : undefined}
          aria-describedby={describedBy(`${id}-join-hint`, problems.joinDetails && `${id}-join-error`)}
        />
        <FieldError id={`${id}-join-error`} message={problems.joinDetails} />
      </div>
      {problems.message && (
        <p role="alert" className="notice notice--problem cl-span">
          {problems.message}
        </p>
      )}
      <div className="cl-actions cl-span">
        <button type="submit" className="button" disabled={loading}>
          {loading ? 'Scheduling…' : 'Schedule session'}
        </button>
        <p role="status" className="cl-status">
          {status}
        </p>
      </div>
    </form>
  );
}
