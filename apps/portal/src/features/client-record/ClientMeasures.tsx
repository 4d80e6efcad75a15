import { useMutation } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { MEASURE_KINDS, MEASURE_SCHEDULES, MEASURES, measureScheduleSchema, type MeasureKind, type MeasureSchedule } from '@attune/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { applyProblem, Field, FormProblem, readProblem, SubmitRow, type FormProblemState } from '../../app/form-kit';
import { SetMeasureScheduleDocument, type ClientPageQuery } from './client-record.generated';
import { formatDay } from '../clinical-common/time';
import { TrendChart, type TrendSeries } from '../clinical-common/TrendChart';

type Response = ClientPageQuery['measureResponses']['edges'][number]['node'];

/** What each schedule means, in the words the select shows. */
export const SCHEDULE_WORDS: Record<MeasureSchedule, string> = {
  OFF: 'Off',
  BEFORE_EVERY_SESSION: 'Before every session',
  EVERY_2_WEEKS: 'Every 2 weeks',
  EVERY_4_WEEKS: 'Every 4 weeks',
};

/** What the client is told will happen, said back to the therapist once a schedule is saved. */
function savedWords(kind: MeasureKind, schedule: MeasureSchedule, clientName: string) {
  const name = MEASURES[kind].name;
  switch (schedule) {
    case 'OFF':
      return `Saved. ${clientName} won't be asked to fill in the ${name}.`;
    case 'BEFORE_EVERY_SESSION':
      return `Saved. ${clientName} will be asked to fill in the ${name} in the three days before each session.`;
    default:
      return `Saved. ${clientName} will be asked to fill in the ${name} ${SCHEDULE_WORDS[schedule].toLowerCase()}.`;
  }
}

const scheduleForm = z.object({ schedule: measureScheduleSchema });

/**
 * The outcome measures in this relationship: how often each is asked, and each one's totals over time as a
 * chart over its severity bands, with a table of the same numbers.
 */
export function ClientMeasures({
  clientId,
  clientName,
  schedules,
  responses,
  more,
  accountClosed,
}: {
  clientId: string;
  clientName: string;
  schedules: ClientPageQuery['measureSchedules'];
  /** Newest first, as the API gives them. */
  responses: Response[];
  /** More responses than the page holds: the chart shows the latest. */
  more: boolean;
  accountClosed: boolean;
}) {
  return (
    <>
      {!accountClosed && (
        <div className="cl-measure-schedules">
          {MEASURE_KINDS.map((kind) => (
            <ScheduleForm
              key={kind}
              clientId={clientId}
              clientName={clientName}
              kind={kind}
              saved={(schedules.find((row) => row.kind === kind)?.schedule as MeasureSchedule | undefined) ?? 'OFF'}
            />
          ))}
        </div>
      )}
      {MEASURE_KINDS.map((kind) => {
        const scores = responses.filter((response) => response.kind === kind).reverse();
        return scores.length === 0 ? null : <MeasureChart key={kind} kind={kind} scores={scores} clientName={clientName} more={more} />;
      })}
      {responses.length === 0 && <p>{clientName} has not filled in a measure in your care yet. Their totals will show here as a chart.</p>}
    </>
  );
}

function ScheduleForm({ clientId, clientName, kind, saved }: { clientId: string; clientName: string; kind: MeasureKind; saved: MeasureSchedule }) {
  const definition = MEASURES[kind];
  const form = useForm({ resolver: zodResolver(scheduleForm), defaultValues: { schedule: saved } });
  const [problem, setProblem] = useState<FormProblemState>(null);
  const [status, setStatus] = useState('');
  const [setSchedule, setting] = useMutation(SetMeasureScheduleDocument);

  const submit = form.handleSubmit(async ({ schedule }) => {
    setStatus('');
    setProblem(null);
    try {
      const { data } = await setSchedule({ variables: { input: { clientId, kind, schedule } } });
      const now = (data?.setMeasureSchedule.schedule ?? schedule) as MeasureSchedule;
      form.reset({ schedule: now });
      setStatus(savedWords(kind, now, clientName));
    } catch (error) {
      setProblem(applyProblem(form, readProblem(error), ['schedule']));
    }
  });

  return (
    <form className="cl-form cl-measure-schedule" onSubmit={(event) => void submit(event)} noValidate>
      <Field label={`How often to ask for the ${definition.name}`} hint={definition.title} problem={form.formState.errors.schedule?.message}>
        {(control) => (
          <select {...control} {...form.register('schedule')}>
            {MEASURE_SCHEDULES.map((schedule) => (
              <option key={schedule} value={schedule}>
                {SCHEDULE_WORDS[schedule]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormProblem problem={problem} />
      <SubmitRow label={`Save the ${definition.name} schedule`} busyLabel="Saving…" busy={setting.loading} status={status} small />
    </form>
  );
}

const TOTAL: TrendSeries<Point>[] = [{ key: 'total', name: 'Total', className: 'cl-series--overall', value: (point) => point.total, strong: true }];

interface Point {
  at: string;
  total: number;
  band: string;
}

function MeasureChart({ kind, scores, clientName, more }: { kind: MeasureKind; scores: Response[]; clientName: string; more: boolean }) {
  const definition = MEASURES[kind];
  const points: Point[] = scores.map((score) => ({ at: score.completedAt, total: score.total, band: score.band.label }));
  const latest = points[points.length - 1]!;
  const summary =
    `${definition.name} totals, oldest first: ${points.map((point) => point.total).join(', ')}. ` +
    `The latest, ${latest.total} of ${definition.maxScore}, is in the ${latest.band.toLowerCase()} band. ` +
    `${points.length} ${points.length === 1 ? 'score' : 'scores'} from ${formatDay(points[0]!.at)} to ${formatDay(latest.at)}.`;
  return (
    <div className="cl-measure">
      <h3>{definition.name}</h3>
      <p className="meta">
        {definition.title}. Totals 0 to {definition.maxScore}; higher means more symptoms.
        {more && ' Showing the latest 100.'}
      </p>
      <TrendChart
        points={points}
        max={definition.maxScore}
        ticks={[...definition.bands.map((band) => band.min), definition.maxScore]}
        series={TOTAL}
        bands={definition.bands.map((band, index) => ({ min: band.min, max: band.max, label: band.label, className: `cl-band cl-band--${index}` }))}
        summary={summary}
        table={{
          toggle: `Show the ${definition.name} totals as a table`,
          caption: `${clientName}'s ${definition.name} totals, 0 to ${definition.maxScore}, oldest first, with their bands`,
          columns: [
            { header: 'Total', cell: (point) => point.total },
            { header: 'Band', cell: (point) => point.band },
          ],
        }}
      />
    </div>
  );
}
