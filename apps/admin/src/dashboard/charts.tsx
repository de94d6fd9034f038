import type { ReactNode } from 'react';
import { ScrollBox } from '../admin/forms';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** Colours of the series, each at least 4.5:1 against white (text-grade, so labels in the legend read too). */
export const SERIES = { primary: '#00507a', secondary: '#a34f00', tertiary: '#6b3fa0' } as const;

/**
 * A chart and the table of its data, always together: the chart is a picture for sighted readers
 * (aria-hidden and out of the tab order: no keyboard layer), the table is what screen readers and the printed
 * report use.
 */
export function ChartFigure({ title, description, chart, table, testId }: { title: string; description: string; chart: ReactNode; table: ReactNode; testId: string }) {
  return (
    <figure className="chart-figure" data-testid={testId}>
      <figcaption>
        <h3>{title}</h3>
        <p className="hint">{description}</p>
      </figcaption>
      <div className="chart" aria-hidden="true">
        {chart}
      </div>
      {table}
    </figure>
  );
}

/** A row of chart data: the generated GraphQL types are plain objects. */
type Row = Record<string, unknown>;

export interface BarSeries {
  key: string;
  name: string;
  colour: string;
}

export function Bars({ data, x, series, stacked = false }: { data: readonly Row[]; x: string; series: readonly BarSeries[]; stacked?: boolean }) {
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart accessibilityLayer={false} data={[...data]} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#c8ced3" />
        <XAxis dataKey={x} tick={{ fill: '#1b1b1b', fontSize: 12 }} />
        <YAxis allowDecimals={false} tick={{ fill: '#1b1b1b', fontSize: 12 }} />
        <Tooltip />
        {series.length > 1 && <Legend />}
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.colour} stackId={stacked ? 'all' : undefined} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export function Trend({ data, x, y, name }: { data: readonly Row[]; x: string; y: string; name: string }) {
  return (
    <ResponsiveContainer width="100%" height={220}>
      <LineChart accessibilityLayer={false} data={[...data]} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#c8ced3" />
        <XAxis dataKey={x} tick={{ fill: '#1b1b1b', fontSize: 12 }} />
        <YAxis tick={{ fill: '#1b1b1b', fontSize: 12 }} />
        <Tooltip />
        <Line type="monotone" dataKey={y} name={name} stroke={SERIES.primary} strokeWidth={2} dot isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}

/** A plain data table with a caption; numbers right-aligned. */
export function DataTable({ caption, headers, rows, testId, format = String }: { caption: string; headers: readonly string[]; rows: readonly (readonly (string | number)[])[]; testId?: string; format?: (n: number) => string }) {
  return (
    <ScrollBox label={caption}>
      <table className="data-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={j} className={typeof cell === 'number' ? 'num' : undefined}>
                    {typeof cell === 'number' ? format(cell) : cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
