/**
 * The charts a manager reads at a glance (inline SVG, no chart library): the index of every unit
 * sorted within its group and coloured by band, band × group counts, SIPAS % against staff-survey
 * points, and the change from the previous year. Each has its figures as a table too.
 */
import type { ParTableBody } from '@hailong/contracts';
import { fmtInt, fmtNum, useT } from '@/lib/i18n';
import { ChartFrame, XAxis } from './chart-frame';
import { bandColour, bandLabel, groupLabel, n2 } from './par-words';
import { tableGroups } from './par-table';

const W = 720;
const LABEL = 270;
const RIGHT = 56;
const ROW = 20;
const pctTicks = [0, 25, 50, 75, 100];
const shortName = (s: string) => (s.length > 38 ? `${s.slice(0, 37)}…` : s);

export function IndexByUnitChart({ body }: { body: ParTableBody }) {
  const t = useT();
  const groups = tableGroups(body).filter((g) => g.units.length > 0);
  const rows: ({ kind: 'group'; label: string } | { kind: 'unit'; u: ParTableBody['units'][number] })[] = groups.flatMap((g) => [
    { kind: 'group' as const, label: groupLabel(g.group) },
    ...g.units.map((u) => ({ kind: 'unit' as const, u })),
  ]);
  const top = 8;
  const bottom = top + rows.length * ROW;
  const x = (v: number) => LABEL + (v / 100) * (W - LABEL - RIGHT);
  return (
    <ChartFrame
      testId="par-chart-index"
      title={t(
        'Chỉ số CCHC theo đơn vị, xếp trong từng nhóm, màu theo xếp loại',
        'PAR Index by unit, sorted within each group, coloured by band',
      )}
      summary={t(
        `${fmtInt(body.units.length)} đơn vị; thanh dài hơn là chỉ số cao hơn.`,
        `${fmtInt(body.units.length)} units; a longer bar is a higher index.`,
      )}
      table={
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('Đơn vị', 'Unit')}</th>
              <th scope="col">{t('Nhóm đơn vị', 'Group')}</th>
              <th scope="col">{t('Chỉ số (%)', 'Index (%)')}</th>
              <th scope="col">{t('Xếp loại', 'Band')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.flatMap((g) =>
              g.units.map((u) => (
                <tr key={u.unitCode}>
                  <td>{u.unitName}</td>
                  <td>{groupLabel(g.group)}</td>
                  <td>{n2(u.indexPercent)}</td>
                  <td>{bandLabel(u.band)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      }
    >
      {(labelledBy) => (
        <svg viewBox={`0 0 ${W} ${bottom + 44}`} role="img" aria-labelledby={labelledBy} className="par-svg">
          <XAxis
            x={x}
            top={top}
            bottom={bottom}
            ticks={pctTicks}
            fmt={(v) => fmtNum(v, 0)}
            label={t('Chỉ số CCHC (%)', 'PAR Index (%)')}
            width={W}
          />
          {rows.map((r, i) => {
            const y = top + i * ROW;
            if (r.kind === 'group')
              return (
                <text key={`g${i}`} x={4} y={y + 14} fontSize="13" fontWeight="700" fill="#111">
                  {r.label}
                </text>
              );
            return (
              <g key={r.u.unitCode} data-unit={r.u.unitCode}>
                <text x={LABEL - 6} y={y + 14} fontSize="12" textAnchor="end" fill="#111">
                  {shortName(r.u.unitName)}
                </text>
                <rect
                  x={x(0)}
                  y={y + 3}
                  width={Math.max(0, x(r.u.indexPercent) - x(0))}
                  height={ROW - 6}
                  fill={bandColour(r.u.band)}
                >
                  <title>{`${r.u.unitName}: ${n2(r.u.indexPercent)} % · ${bandLabel(r.u.band)}`}</title>
                </rect>
                <text x={x(r.u.indexPercent) + 4} y={y + 14} fontSize="12" fill="#111">
                  {n2(r.u.indexPercent)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </ChartFrame>
  );
}

export function BandLegend({ bands }: { bands: number[] }) {
  return (
    <ul className="par-legend">
      {bands.map((b) => (
        <li key={b}>
          <span className="par-swatch" style={{ background: bandColour(b) }} aria-hidden="true" />
          {bandLabel(b)}
        </li>
      ))}
    </ul>
  );
}

export function BandGroupChart({ body }: { body: ParTableBody }) {
  const t = useT();
  const bands = [...new Set(body.groups.flatMap((g) => Object.keys(g.bandCounts).map(Number)))].sort((a, b) => a - b);
  const max = Math.max(1, ...body.groups.map((g) => g.units));
  const H = 34;
  const bottom = 8 + body.groups.length * H;
  const x = (v: number) => LABEL + (v / max) * (W - LABEL - RIGHT);
  const ticks = Array.from(new Set([0, Math.round(max / 2), max]));
  return (
    <ChartFrame
      testId="par-chart-bands"
      title={t('Số đơn vị theo xếp loại trong từng nhóm', 'Units per band in each group')}
      summary={body.groups
        .map(
          (g) =>
            `${groupLabel(g.group)}: ${bands
              .filter((b) => (g.bandCounts[String(b)] ?? 0) > 0)
              .map((b) => `${bandLabel(b)} ${g.bandCounts[String(b)]}`)
              .join(', ')}`,
        )
        .join('; ')}
      table={
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('Nhóm đơn vị', 'Group')}</th>
              {bands.map((b) => (
                <th scope="col" key={b}>
                  {bandLabel(b)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {body.groups.map((g) => (
              <tr key={g.group}>
                <th scope="row">{groupLabel(g.group)}</th>
                {bands.map((b) => (
                  <td key={b}>{fmtInt(g.bandCounts[String(b)] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {(labelledBy) => (
        <>
          <svg viewBox={`0 0 ${W} ${bottom + 44}`} role="img" aria-labelledby={labelledBy} className="par-svg">
            <XAxis x={x} top={8} bottom={bottom} ticks={ticks} fmt={fmtInt} label={t('Số đơn vị', 'Units')} width={W} />
            {body.groups.map((g, i) => {
              const y = 8 + i * H;
              let from = 0;
              return (
                <g key={g.group}>
                  <text x={LABEL - 6} y={y + 21} fontSize="13" textAnchor="end" fill="#111">
                    {groupLabel(g.group)}
                  </text>
                  {bands.map((b) => {
                    const n = g.bandCounts[String(b)] ?? 0;
                    if (n === 0) return null;
                    const x0 = x(from);
                    from += n;
                    return (
                      <g key={b}>
                        <rect x={x0} y={y + 4} width={x(from) - x0} height={H - 8} fill={bandColour(b)} stroke="#fff">
                          <title>{`${groupLabel(g.group)} · ${bandLabel(b)}: ${n}`}</title>
                        </rect>
                        <text x={(x0 + x(from)) / 2} y={y + 22} fontSize="12" textAnchor="middle" fill="#fff">
                          {n}
                        </text>
                      </g>
                    );
                  })}
                </g>
              );
            })}
          </svg>
          <BandLegend bands={bands} />
        </>
      )}
    </ChartFrame>
  );
}

export function SipasStaffScatter({ body }: { body: ParTableBody }) {
  const t = useT();
  const H = 320;
  const L = 64;
  const B = 48;
  const maxX = Math.max(1, ...body.units.map((u) => u.staffSurveyPoints));
  const niceX = Math.ceil(maxX / 5) * 5;
  const minY = Math.max(0, Math.floor(Math.min(100, ...body.units.map((u) => u.sipasPercent)) / 10) * 10 - 10);
  const x = (v: number) => L + (v / niceX) * (W - L - 24);
  const y = (v: number) => H - B - ((v - minY) / (100 - minY)) * (H - B - 12);
  const xt = [0, niceX / 2, niceX];
  const yt = [minY, (minY + 100) / 2, 100];
  const bands = [...new Set(body.units.map((u) => u.band))].sort((a, b) => a - b);
  return (
    <ChartFrame
      testId="par-chart-scatter"
      title={t('Chỉ số SIPAS so với điểm khảo sát CBCCVC', 'SIPAS % against staff-survey points')}
      summary={t('Mỗi chấm là một đơn vị, màu theo xếp loại.', 'Each dot is a unit, coloured by band.')}
      table={
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('Đơn vị', 'Unit')}</th>
              <th scope="col">{t('Khảo sát CBCCVC', 'Staff survey')}</th>
              <th scope="col">{t('SIPAS (%)', 'SIPAS (%)')}</th>
              <th scope="col">{t('Xếp loại', 'Band')}</th>
            </tr>
          </thead>
          <tbody>
            {body.units.map((u) => (
              <tr key={u.unitCode}>
                <td>{u.unitName}</td>
                <td>{n2(u.staffSurveyPoints)}</td>
                <td>{n2(u.sipasPercent)}</td>
                <td>{bandLabel(u.band)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {(labelledBy) => (
        <>
          <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={labelledBy} className="par-svg">
            {yt.map((v) => (
              <g key={`y${v}`}>
                <line x1={L} y1={y(v)} x2={W - 24} y2={y(v)} stroke="#ddd" />
                <text x={L - 6} y={y(v) + 4} fontSize="12" textAnchor="end" fill="#333">
                  {fmtNum(v, 0)}
                </text>
              </g>
            ))}
            {xt.map((v) => (
              <g key={`x${v}`}>
                <line x1={x(v)} y1={12} x2={x(v)} y2={H - B} stroke="#ddd" />
                <text x={x(v)} y={H - B + 16} fontSize="12" textAnchor="middle" fill="#333">
                  {fmtNum(v, v % 1 ? 1 : 0)}
                </text>
              </g>
            ))}
            <line x1={L} y1={H - B} x2={W - 24} y2={H - B} stroke="#555" />
            <line x1={L} y1={12} x2={L} y2={H - B} stroke="#555" />
            <text x={(L + W) / 2} y={H - 8} fontSize="13" textAnchor="middle" fill="#111">
              {t('Điểm khảo sát CBCCVC', 'Staff-survey points')}
            </text>
            <text
              x={14}
              y={(H - B) / 2}
              fontSize="13"
              textAnchor="middle"
              fill="#111"
              transform={`rotate(-90 14 ${(H - B) / 2})`}
            >
              {t('Chỉ số SIPAS (%)', 'SIPAS (%)')}
            </text>
            {body.units.map((u) => (
              <circle
                key={u.unitCode}
                cx={x(u.staffSurveyPoints)}
                cy={y(u.sipasPercent)}
                r="6"
                fill={bandColour(u.band)}
                stroke="#fff"
                strokeWidth="1.5"
                data-unit={u.unitCode}
              >
                <title>{`${u.unitName}: ${t('CBCCVC', 'staff')} ${n2(u.staffSurveyPoints)}, SIPAS ${n2(u.sipasPercent)} %`}</title>
              </circle>
            ))}
          </svg>
          <BandLegend bands={bands} />
        </>
      )}
    </ChartFrame>
  );
}

export function ChangeChart({ body, previous }: { body: ParTableBody; previous: ParTableBody }) {
  const t = useT();
  const before = new Map(previous.units.map((u) => [u.unitCode, u.indexPercent]));
  const rows = body.units
    .filter((u) => before.has(u.unitCode))
    .map((u) => ({ u, change: u.indexPercent - (before.get(u.unitCode) ?? 0) }))
    .sort((a, b) => b.change - a.change);
  if (rows.length === 0) return null;
  const span = Math.max(1, ...rows.map((r) => Math.abs(r.change)));
  const lim = Math.ceil(span / 5) * 5;
  const bottom = 8 + rows.length * ROW;
  const x = (v: number) => LABEL + ((v + lim) / (2 * lim)) * (W - LABEL - RIGHT);
  const signed = (v: number) => `${v > 0 ? '+' : ''}${n2(v)}`;
  return (
    <ChartFrame
      testId="par-chart-change"
      title={t(
        `Thay đổi chỉ số so với năm ${previous.year} (điểm %)`,
        `Change of the index since ${previous.year} (percentage points)`,
      )}
      summary={t(
        `${fmtInt(rows.length)} đơn vị có kết quả cả hai năm; ${fmtInt(rows.filter((r) => r.change > 0).length)} đơn vị tăng.`,
        `${fmtInt(rows.length)} units have results in both years; ${fmtInt(rows.filter((r) => r.change > 0).length)} went up.`,
      )}
      table={
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('Đơn vị', 'Unit')}</th>
              <th scope="col">{previous.year}</th>
              <th scope="col">{body.year}</th>
              <th scope="col">{t('Thay đổi', 'Change')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ u, change }) => (
              <tr key={u.unitCode}>
                <td>{u.unitName}</td>
                <td>{n2(before.get(u.unitCode) ?? 0)}</td>
                <td>{n2(u.indexPercent)}</td>
                <td>{signed(change)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {(labelledBy) => (
        <svg viewBox={`0 0 ${W} ${bottom + 44}`} role="img" aria-labelledby={labelledBy} className="par-svg">
          <XAxis
            x={x}
            top={8}
            bottom={bottom}
            ticks={[-lim, 0, lim]}
            fmt={(v) => signed(v).replace(/[,.]00$/, '')}
            label={t('Thay đổi (điểm %)', 'Change (percentage points)')}
            width={W}
          />
          {rows.map(({ u, change }, i) => {
            const y = 8 + i * ROW;
            const x0 = Math.min(x(0), x(change));
            return (
              <g key={u.unitCode}>
                <text x={LABEL - 6} y={y + 14} fontSize="12" textAnchor="end" fill="#111">
                  {shortName(u.unitName)}
                </text>
                <rect
                  x={x0}
                  y={y + 3}
                  width={Math.abs(x(change) - x(0))}
                  height={ROW - 6}
                  fill={change >= 0 ? '#2e7d32' : '#a4001d'}
                >
                  <title>{`${u.unitName}: ${signed(change)}`}</title>
                </rect>
                <text
                  x={change >= 0 ? x(change) + 4 : x(change) - 4}
                  y={y + 14}
                  fontSize="12"
                  textAnchor={change >= 0 ? 'start' : 'end'}
                  fill="#111"
                >
                  {signed(change)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </ChartFrame>
  );
}
