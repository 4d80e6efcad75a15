import { useId } from 'react';
import type { AllianceDirection } from '../../gql/graphql';
import { formatDay, formatShortDay } from './time';
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

const SERIES = [
  { key: 'overall', name: 'Overall', className: 'cl-series--overall' },
  { key: 'bond', name: 'Bond: safe and listened to', className: 'cl-series--bond' },
  { key: 'goals', name: 'Goals: time on what matters', className: 'cl-series--goals' },
  { key: 'approach', name: 'Approach: the way of working', className: 'cl-series--approach' },
] as const;

/**
 * The alliance over time: four lines (overall drawn strongest), told in words for screen readers and
 * given as a table for anyone who prefers the numbers.
 */
export function AllianceChart({ trend, direction, clientName }: { trend: Point[]; direction: AllianceDirection | null | undefined; clientName: string }) {
  const titleId = useId();
  if (trend.length === 0) return <p>{clientName} has not checked in yet. Their check-ins will show here as a chart.</p>;
  const width = 640;
  const height = 220;
  const left = 34;
  const right = 30;
  const top = 12;
  const bottom = 30;
  const x = (index: number) => (trend.length === 1 ? (left + width - right) / 2 : left + (index * (width - left - right)) / (trend.length - 1));
  const y = (value: number) => top + ((10 - value) * (height - top - bottom)) / 10;
  const labelEvery = Math.max(1, Math.ceil(trend.length / 8));
  const summary = `${allianceSummary(trend, direction)}. ${trend.length} check-in${trend.length === 1 ? '' : 's'} from ${formatDay(trend[0]!.at)} to ${formatDay(trend[trend.length - 1]!.at)}.`;

  return (
    <figure className="cl-chart">
      <svg role="img" aria-labelledby={titleId} viewBox={`0 0 ${width} ${height}`} className="cl-chart__svg" preserveAspectRatio="xMidYMid meet">
        <title id={titleId}>{summary}</title>
        {[0, 5, 10].map((value) => (
          <g key={value}>
            <line x1={left} x2={width - right} y1={y(value)} y2={y(value)} className={value === 5 ? 'cl-chart__midline' : 'cl-chart__grid'} />
            <text x={left - 8} y={y(value) + 4} textAnchor="end" className="cl-chart__label">
              {value}
            </text>
          </g>
        ))}
        {trend.map((point, index) =>
          index % labelEvery === 0 || index === trend.length - 1 ? (
            <text key={point.at} x={x(index)} y={height - 8} textAnchor="middle" className="cl-chart__label">
              {formatShortDay(point.at)}
            </text>
          ) : null,
        )}
        {[...SERIES].reverse().map((series) => (
          <g key={series.key} className={series.className}>
            {trend.length > 1 && <polyline points={trend.map((point, index) => `${x(index)},${y(point[series.key])}`).join(' ')} className="cl-series__line" />}
            {trend.map((point, index) => (
              <circle key={point.at} cx={x(index)} cy={y(point[series.key])} r={series.key === 'overall' ? 4 : 2.5} className="cl-series__dot" />
            ))}
          </g>
        ))}
      </svg>
      <figcaption>
        <ul className="cl-legend">
          {SERIES.map((series) => (
            <li key={series.key} className={series.className}>
              <svg aria-hidden="true" width="28" height="10" className="cl-legend__swatch">
                <line x1="1" x2="27" y1="5" y2="5" className="cl-series__line" />
              </svg>
              {series.name}
            </li>
          ))}
        </ul>
        <details className="cl-details">
          <summary>Show the check-ins as a table</summary>
          <table className="cl-table">
            <caption className="visually-hidden">{clientName}'s check-in scores, 0 to 10, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                {SERIES.map((series) => (
                  <th scope="col" key={series.key}>
                    {series.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {trend.map((point) => (
                <tr key={point.at}>
                  <th scope="row">{formatDay(point.at)}</th>
                  {SERIES.map((series) => (
                    <td key={series.key}>{point[series.key]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
