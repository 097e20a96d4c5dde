import type { ResponseRates } from '@hailong/contracts';

/** Cumulative response rate per day as an inline SVG line, with the target as a dashed line. */
export function DailyCurve({ days, target }: { days: ResponseRates['byDay']; target: number }) {
  if (days.length === 0) return <p>Chưa có dữ liệu theo ngày.</p>;
  const w = 640;
  const h = 220;
  const pad = 32;
  const x = (i: number) => pad + (days.length === 1 ? (w - 2 * pad) / 2 : (i * (w - 2 * pad)) / (days.length - 1));
  const y = (rate: number) => h - pad - (rate / 100) * (h - 2 * pad);
  const points = days.map((d, i) => `${x(i)},${y(d.cumulativeRate)}`).join(' ');
  return (
    <svg className="admin-curve" viewBox={`0 0 ${w} ${h}`} role="img" aria-label="Tỷ lệ phản hồi cộng dồn theo ngày">
      <line x1={pad} y1={y(0)} x2={w - pad} y2={y(0)} stroke="#888" />
      <line x1={pad} y1={y(100)} x2={w - pad} y2={y(100)} stroke="#ddd" />
      <line x1={pad} y1={y(target)} x2={w - pad} y2={y(target)} stroke="#b00020" strokeDasharray="6 4" />
      <text x={4} y={y(target) - 4} fontSize="12" fill="#b00020">{target}%</text>
      <polyline points={points} fill="none" stroke="#0b4f8a" strokeWidth="3" />
      {days.map((d, i) => (
        <g key={d.date}>
          <circle cx={x(i)} cy={y(d.cumulativeRate)} r="4" fill="#0b4f8a"><title>{`${d.date}: ${d.cumulativeRate}% (${d.completed} phiếu)`}</title></circle>
          <text x={x(i)} y={h - 8} fontSize="11" textAnchor="middle">{d.date.slice(5)}</text>
        </g>
      ))}
    </svg>
  );
}
