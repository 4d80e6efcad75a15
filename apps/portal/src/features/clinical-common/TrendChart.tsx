import { useId, type ReactNode } from 'react';
import { formatDay, formatShortDay } from './time';

/** One line of the chart: a value per point, drawn in its own colour and dash (`className`). */
export interface TrendSeries<P> {
  key: string;
  name: string;
  className: string;
  value: (point: P) => number;
  /** Drawn last and with larger dots: the line that matters most. */
  strong?: boolean;
}

/** A shaded stretch of the scale with its name (a measure's severity band), from `min` up to `max`. */
export interface TrendBand {
  min: number;
  max: number;
  label: string;
  className: string;
}

/** A column of the table that stands beside the chart; the date comes first by itself. */
export interface TrendColumn<P> {
  header: string;
  cell: (point: P) => ReactNode;
}

interface TrendChartProps<P extends { at: string }> {
  points: P[];
  /** The top of the scale; the bottom is 0. */
  max: number;
  /** Values to label on the scale; `midline` draws one of them dashed. */
  ticks: number[];
  midline?: number;
  series: TrendSeries<P>[];
  bands?: TrendBand[];
  /** The chart told in words: its accessible name. */
  summary: string;
  /** The series named under the chart (worth it with more than one line). */
  legend?: boolean;
  table: { toggle: string; caption: string; columns: TrendColumn<P>[] };
}

/**
 * Scores over time as an SVG line chart with a name that tells it in words, and the same numbers as a
 * table for anyone who prefers them. The alliance and the outcome measures both draw with it.
 */
export function TrendChart<P extends { at: string }>({ points, max, ticks, midline, series, bands = [], summary, legend = false, table }: TrendChartProps<P>) {
  const titleId = useId();
  const width = 640;
  const height = 220;
  const left = 34;
  const right = bands.length > 0 ? 130 : 30;
  const top = 12;
  const bottom = 30;
  const x = (index: number) => (points.length === 1 ? (left + width - right) / 2 : left + (index * (width - left - right)) / (points.length - 1));
  const y = (value: number) => top + ((max - value) * (height - top - bottom)) / max;
  const labelEvery = Math.max(1, Math.ceil(points.length / 8));
  // The strongest line last, so it sits on top.
  const drawOrder = [...series].sort((a, b) => Number(Boolean(a.strong)) - Number(Boolean(b.strong)));

  return (
    <figure className="cl-chart">
      <svg role="img" aria-labelledby={titleId} viewBox={`0 0 ${width} ${height}`} className="cl-chart__svg" preserveAspectRatio="xMidYMid meet">
        <title id={titleId}>{summary}</title>
        {bands.map((band) => {
          // A band of whole numbers covers its top number too: it reaches to where the next band begins.
          const upper = Math.min(band.max + 1, max);
          return (
            <g key={band.label} className={band.className}>
              <rect x={left} width={width - left - right} y={y(upper)} height={y(band.min) - y(upper)} className="cl-band__area" />
              <text x={width - right + 8} y={(y(upper) + y(band.min)) / 2 + 4} className="cl-chart__label cl-band__label">
                {band.label}
              </text>
            </g>
          );
        })}
        {ticks.map((value) => (
          <g key={value}>
            <line x1={left} x2={width - right} y1={y(value)} y2={y(value)} className={value === midline ? 'cl-chart__midline' : 'cl-chart__grid'} />
            <text x={left - 8} y={y(value) + 4} textAnchor="end" className="cl-chart__label">
              {value}
            </text>
          </g>
        ))}
        {points.map((point, index) =>
          index % labelEvery === 0 || index === points.length - 1 ? (
            <text key={point.at} x={x(index)} y={height - 8} textAnchor="middle" className="cl-chart__label">
              {formatShortDay(point.at)}
            </text>
          ) : null,
        )}
        {drawOrder.map((line) => (
          <g key={line.key} className={line.className}>
            {points.length > 1 && <polyline points={points.map((point, index) => `${x(index)},${y(line.value(point))}`).join(' ')} className="cl-series__line" />}
            {points.map((point, index) => (
              <circle key={point.at} cx={x(index)} cy={y(line.value(point))} r={line.strong ? 4 : 2.5} className="cl-series__dot" />
            ))}
          </g>
        ))}
      </svg>
      <figcaption>
        {legend && (
          <ul className="cl-legend">
            {series.map((line) => (
              <li key={line.key} className={line.className}>
                <svg aria-hidden="true" width="28" height="10" className="cl-legend__swatch">
                  <line x1="1" x2="27" y1="5" y2="5" className="cl-series__line" />
                </svg>
                {line.name}
              </li>
            ))}
          </ul>
        )}
        <details className="cl-details">
          <summary>{table.toggle}</summary>
          <table className="cl-table">
            <caption className="visually-hidden">{table.caption}</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                {table.columns.map((column) => (
                  <th scope="col" key={column.header}>
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.at}>
                  <th scope="row">{formatDay(point.at)}</th>
                  {table.columns.map((column) => (
                    <td key={column.header}>{column.cell(point)}</td>
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
