import type { AllianceDirection } from '../../gql/types';
import { formatDay } from './time';
import { TrendChart, type TrendSeries } from './TrendChart';
import { DIRECTION_WORDS } from './words';

interface Point {
  at: string;
  bond: number;
  goals: number;
  approach: number;
  overall: number;
}

/** "Overall: 7, 8, 8, 9, 5 — falling": the words a sparkline stands for. */
export function allianceSummary(trend: Point[], direction: AllianceDirection | null | undefined) {
  if (trend.length === 0) return 'No check-ins yet';
  const values = trend.map((point) => point.overall).join(', ');
  return `Overall: ${values}${direction ? ` — ${DIRECTION_WORDS[direction]}` : ''}`;
}

const spread = (count: number, index: number, width: number, pad: number) => (count === 1 ? width / 2 : pad + (index * (width - 2 * pad)) / (count - 1));

/** A small line of "overall" scores for the caseload; its name carries the numbers and the direction in words. */
export function AllianceSparkline({ trend, direction }: { trend: Point[]; direction: AllianceDirection | null | undefined }) {
  const summary = allianceSummary(trend, direction);
  if (trend.length === 0) return <span className="meta cl-nowrap">No check-ins yet</span>;
  const width = 96;
  const height = 28;
  const y = (value: number) => 3 + ((10 - value) * (height - 6)) / 10;
  const points = trend.map((point, index) => [spread(trend.length, index, width, 4), y(point.overall)] as const);
  const latest = trend[trend.length - 1]!;
  return (
    <span className="cl-spark">
      <svg role="img" aria-label={summary} viewBox={`0 0 ${width} ${height}`} width={width} height={height} className="cl-spark__svg">
        <line x1="0" x2={width} y1={y(5)} y2={y(5)} className="cl-chart__midline" />
        {points.length > 1 && <polyline points={points.map(([px, py]) => `${px},${py}`).join(' ')} className="cl-spark__line" />}
        {points.map(([px, py], index) => (
          <circle key={index} cx={px} cy={py} r={index === points.length - 1 ? 3 : 2} className="cl-spark__dot" />
        ))}
      </svg>
      <span aria-hidden="true" className="cl-spark__text">
        {latest.overall}
        {direction ? `, ${DIRECTION_WORDS[direction]}` : ''}
      </span>
    </span>
  );
}

const SERIES: TrendSeries<Point>[] = [
  { key: 'overall', name: 'Overall', className: 'cl-series--overall', value: (point) => point.overall, strong: true },
  { key: 'bond', name: 'Bond: safe and listened to', className: 'cl-series--bond', value: (point) => point.bond },
  { key: 'goals', name: 'Goals: time on what matters', className: 'cl-series--goals', value: (point) => point.goals },
  { key: 'approach', name: 'Approach: the way of working', className: 'cl-series--approach', value: (point) => point.approach },
];

/**
 * The alliance over time: four lines (overall drawn strongest), told in words for screen readers and
 * given as a table for anyone who prefers the numbers.
 */
export function AllianceChart({ trend, direction, clientName }: { trend: Point[]; direction: AllianceDirection | null | undefined; clientName: string }) {
  if (trend.length === 0) return <p>{clientName} has not checked in yet. Their check-ins will show here as a chart.</p>;
  const summary = `${allianceSummary(trend, direction)}. ${trend.length} check-in${trend.length === 1 ? '' : 's'} from ${formatDay(trend[0]!.at)} to ${formatDay(trend[trend.length - 1]!.at)}.`;
  return (
    <TrendChart
      points={trend}
      max={10}
      ticks={[0, 5, 10]}
      midline={5}
      series={SERIES}
      summary={summary}
      legend
      table={{
        toggle: 'Show the check-ins as a table',
        caption: `${clientName}'s check-in scores, 0 to 10, oldest first`,
        columns: SERIES.map((series) => ({ header: series.name, cell: series.value })),
      }}
    />
  );
}
