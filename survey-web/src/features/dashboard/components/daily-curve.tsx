/**
 * A cumulative curve by day as inline SVG: labelled axes (days, and the figure with its unit),
 * gridlines, and the target as a dashed line. No chart library.
 */
import { fmtInt, useT } from '@/lib/i18n';
import { isoToVnDay } from './vn-date';

export interface CurvePoint {
  date: string;
  value: number;
  title: string;
}

interface Props {
  points: CurvePoint[];
  target: number | null;
  max: number;
  yLabel: string;
  label: string;
  /** Formats an axis tick (e.g. `50 %`). */
  tick: (v: number) => string;
}

const W = 680;
const H = 260;
const L = 64;
const R = 16;
const T = 16;
const B = 52;

export function DailyCurve({ points, target, max, yLabel, label, tick }: Props) {
  const t = useT();
  if (points.length === 0) return <p>{t('Chưa có dữ liệu theo ngày.', 'No data by day yet.')}</p>;
  const top = Math.max(max, target ?? 0, ...points.map((p) => p.value), 1);
  const x = (i: number) => L + (points.length === 1 ? (W - L - R) / 2 : (i * (W - L - R)) / (points.length - 1));
  const y = (v: number) => H - B - (v / top) * (H - B - T);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * top);
  const every = Math.ceil(points.length / 8);
  return (
    <svg className="admin-curve" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={L} y1={y(v)} x2={W - R} y2={y(v)} stroke="#ddd" />
          <text x={L - 6} y={y(v) + 4} fontSize="12" textAnchor="end" fill="#333">
            {tick(v)}
          </text>
        </g>
      ))}
      <line x1={L} y1={y(0)} x2={W - R} y2={y(0)} stroke="#555" />
      <line x1={L} y1={T} x2={L} y2={y(0)} stroke="#555" />
      {target !== null ? (
        <g>
          <line x1={L} y1={y(target)} x2={W - R} y2={y(target)} stroke="#b00020" strokeDasharray="6 4" strokeWidth="2" />
          <text x={W - R} y={y(target) - 6} fontSize="12" textAnchor="end" fill="#b00020">
            {t('Mục tiêu', 'Target')} {tick(target)}
          </text>
        </g>
      ) : null}
      <polyline points={points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')} fill="none" stroke="#0b4f8a" strokeWidth="3" />
      {points.map((p, i) => (
        <g key={p.date}>
          <circle cx={x(i)} cy={y(p.value)} r="4" fill="#0b4f8a">
            <title>{p.title}</title>
          </circle>
          {i % every === 0 || i === points.length - 1 ? (
            <text x={x(i)} y={H - B + 18} fontSize="12" textAnchor="middle" fill="#333">
              {isoToVnDay(`${p.date}T12:00:00+07:00`).slice(0, 5)}
            </text>
          ) : null}
        </g>
      ))}
      <text x={(L + W - R) / 2} y={H - 8} fontSize="13" textAnchor="middle" fill="#111">
        {t('Ngày (ngày/tháng)', 'Day (day/month)')}
      </text>
      <text
        x={14}
        y={(T + H - B) / 2}
        fontSize="13"
        textAnchor="middle"
        fill="#111"
        transform={`rotate(-90 14 ${(T + H - B) / 2})`}
      >
        {yLabel}
      </text>
    </svg>
  );
}

export const countTick = (v: number) => fmtInt(Math.round(v));
