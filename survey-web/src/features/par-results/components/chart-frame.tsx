/** A labelled chart: caption, the SVG (role img, named by the caption and a summary) and its figures as a table to open. */
import { useId, type ReactNode } from 'react';
import { useT } from '@/lib/i18n';

export function ChartFrame({
  title,
  summary,
  testId,
  children,
  table,
}: {
  title: string;
  summary: string;
  testId: string;
  children: (labelledBy: string) => ReactNode;
  table: ReactNode;
}) {
  const t = useT();
  const id = useId();
  return (
    <figure className="par-chart" data-testid={testId}>
      <figcaption id={`${id}-t`}>{title}</figcaption>
      {children(`${id}-t ${id}-s`)}
      <p id={`${id}-s`} className="admin-muted">
        {summary}
      </p>
      <details>
        <summary>{t('Xem số liệu của biểu đồ', 'Show the chart’s figures')}</summary>
        <div className="admin-scroll">{table}</div>
      </details>
    </figure>
  );
}

/** Horizontal gridlines/ticks of a 0–max axis along x. */
export function XAxis({
  x,
  top,
  bottom,
  ticks,
  fmt,
  label,
  width,
}: {
  x: (v: number) => number;
  top: number;
  bottom: number;
  ticks: number[];
  fmt: (v: number) => string;
  label: string;
  width: number;
}) {
  return (
    <g>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={x(v)} y1={top} x2={x(v)} y2={bottom} stroke="#ddd" />
          <text x={x(v)} y={bottom + 16} fontSize="12" textAnchor="middle" fill="#333">
            {fmt(v)}
          </text>
        </g>
      ))}
      <text x={width / 2} y={bottom + 36} fontSize="13" textAnchor="middle" fill="#111">
        {label}
      </text>
    </g>
  );
}
