/**
 * The PAR Index table in the published order and layout: groups I–IV (each group row carries the
 * group's means), its units by rank, then the overall mean. Every figure explains itself; a unit
 * that lacks an input is listed in its group with what it lacks, never scored with a zero.
 */
import type { ParTableBody } from '@hailong/contracts';
import { fmtInt, fmtPct, useT } from '@/lib/i18n';
import type { MethodFacts } from '../api/par-api';
import { Figure } from './figure';
import { bandColour, bandLabel, GROUP_ORDER, groupLabel, missingLabel, n2, roman } from './par-words';

type Unit = ParTableBody['units'][number];
type Group = ParTableBody['groups'][number];
type Incomplete = ParTableBody['incomplete'][number];

/** Staff sub-criteria nobody answered, where the API names them. */
const subCriteria = (u: Incomplete): string => {
  const list = (u as { missingSubCriteria?: string[] }).missingSubCriteria ?? [];
  return list.length > 0 ? ` (${list.join(', ')})` : '';
};

export interface TableGroup {
  group: string;
  summary: Group | undefined;
  units: Unit[];
  incomplete: Incomplete[];
}

/** Groups in print order: those with scored units as the table gives them, then groups with only incomplete units. */
export function tableGroups(body: ParTableBody): TableGroup[] {
  const order = [...body.groups.map((g) => g.group), ...GROUP_ORDER.filter((g) => !body.groups.some((x) => x.group === g))];
  return order
    .map((group) => ({
      group,
      summary: body.groups.find((g) => g.group === group),
      units: body.units.filter((u) => u.group === group).sort((a, b) => a.rankInGroup - b.rankInGroup),
      incomplete: body.incomplete.filter((u) => u.group === group),
    }))
    .filter((g) => g.units.length > 0 || g.incomplete.length > 0);
}

function bandRule(method: MethodFacts | null, band: number): string | null {
  const rules = method?.bands ?? [];
  const i = rules.findIndex((r) => r.band === band);
  const rule = rules[i];
  if (!rule) return null;
  const above = rules[i - 1];
  const low = `${rule.inclusive ? '≥' : '>'} ${n2(rule.min)} %`;
  return above ? `${low}, ${above.inclusive ? '<' : '≤'} ${n2(above.min)} %` : low;
}

function UnitRow({
  u,
  year,
  sipasCampaignId,
  groupSize,
  method,
}: {
  u: Unit;
  year: number;
  sipasCampaignId: string | null;
  groupSize: number;
  method: MethodFacts | null;
}) {
  const t = useT();
  const sipasMax = method?.sipasMax[u.group];
  const rule = bandRule(method, u.band);
  return (
    <tr data-unit={u.unitCode}>
      <td>{u.rankInGroup}</td>
      <th scope="row">
        {u.unitName} <small>({u.unitCode})</small>
      </th>
      <td>
        <Figure
          value={n2(u.maxPoints)}
          why={t(
            'Điểm chuẩn tối đa sau hạ chuẩn của đơn vị, nhập từ tệp điểm tự đánh giá.',
            'The unit’s maximum after adjustment, imported with the self-assessment file.',
          )}
        />
      </td>
      <td>
        <Figure
          value={n2(u.selfAssessment)}
          why={t(
            `Điểm tự đánh giá đã thẩm định năm ${year}, nhập từ tệp điểm tự đánh giá.`,
            `Appraised self-assessment for ${year}, imported from the self-assessment file.`,
          )}
        />
      </td>
      <td>
        <Figure
          value={n2(u.staffSurveyPoints)}
          why={
            u.staffSource === 'imported'
              ? t(
                  'Điểm khảo sát CBCCVC nhập cùng tệp điểm tự đánh giá.',
                  'Staff-survey points imported with the self-assessment file.',
                )
              : t(
                  `Tính từ các phiếu hợp lệ của đợt khảo sát CBCCVC năm ${year}.`,
                  `Computed from the valid forms of the ${year} staff survey.`,
                )
          }
        />
      </td>
      <td>
        <Figure
          value={n2(u.sipasPercent)}
          why={
            <>
              {t(
                `Chỉ số hài lòng SIPAS (%) từ các phiếu hợp lệ của đợt khảo sát SIPAS năm ${year}.`,
                `SIPAS satisfaction (%) from the valid forms of the ${year} SIPAS campaign.`,
              )}
              {sipasCampaignId ? (
                <>
                  {' '}
                  <a href={`/admin/campaigns/${sipasCampaignId}/results`}>{t('Xem kết quả SIPAS', 'See the SIPAS results')}</a>
                </>
              ) : null}
            </>
          }
        />
      </td>
      <td>
        <Figure
          value={n2(u.sipasPoints)}
          why={
            sipasMax === undefined
              ? t(
                  `= SIPAS % × điểm tối đa phần SIPAS của nhóm ÷ 100 (SIPAS ${n2(u.sipasPercent)} %).`,
                  `= SIPAS % × the group’s SIPAS maximum ÷ 100 (SIPAS ${n2(u.sipasPercent)} %).`,
                )
              : t(
                  `= SIPAS % × điểm tối đa SIPAS của nhóm ÷ 100 = ${n2(u.sipasPercent)} × ${n2(sipasMax)} ÷ 100 = ${n2(u.sipasPoints)}.`,
                  `= SIPAS % × the group’s SIPAS maximum ÷ 100 = ${n2(u.sipasPercent)} × ${n2(sipasMax)} ÷ 100 = ${n2(u.sipasPoints)}.`,
                )
          }
        />
      </td>
      <td>
        <Figure
          value={n2(u.totalPoints)}
          why={t(
            `= tự đánh giá + khảo sát CBCCVC + điểm SIPAS = ${n2(u.selfAssessment)} + ${n2(u.staffSurveyPoints)} + ${n2(u.sipasPoints)} = ${n2(u.totalPoints)}.`,
            `= self-assessment + staff survey + SIPAS points = ${n2(u.selfAssessment)} + ${n2(u.staffSurveyPoints)} + ${n2(u.sipasPoints)} = ${n2(u.totalPoints)}.`,
          )}
        />
      </td>
      <td>
        <Figure
          value={n2(u.indexPercent)}
          why={t(
            `= tổng điểm ÷ điểm chuẩn tối đa × 100 = ${n2(u.totalPoints)} ÷ ${n2(u.maxPoints)} × 100 = ${fmtPct(u.indexPercent)}.`,
            `= total ÷ maximum × 100 = ${n2(u.totalPoints)} ÷ ${n2(u.maxPoints)} × 100 = ${fmtPct(u.indexPercent)}.`,
          )}
        />
      </td>
      <td>
        <Figure
          className="par-band"
          value={
            <>
              <span className="par-swatch" style={{ background: bandColour(u.band) }} aria-hidden="true" />
              {bandLabel(u.band)}
            </>
          }
          why={
            <>
              {t(
                `Chỉ số ${fmtPct(u.indexPercent)} xếp ${bandLabel(u.band)}`,
                `Index ${fmtPct(u.indexPercent)} falls in ${bandLabel(u.band)}`,
              )}
              {rule ? ` (${rule})` : ''}.{' '}
              {t(
                `Thứ ${u.rankInGroup} trong ${fmtInt(groupSize)} đơn vị của nhóm.`,
                `Rank ${u.rankInGroup} of ${fmtInt(groupSize)} units in the group.`,
              )}
            </>
          }
        />
      </td>
    </tr>
  );
}

function GroupRow({ g, index }: { g: TableGroup; index: number }) {
  const t = useT();
  const s = g.summary;
  const mean = (v: number, vi: string, en: string) => (
    <Figure
      value={n2(v)}
      why={t(
        `Bình quân ${vi} của ${fmtInt(s?.units ?? 0)} đơn vị có đủ dữ liệu trong nhóm.`,
        `Mean ${en} of the group’s ${fmtInt(s?.units ?? 0)} units with complete data.`,
      )}
    />
  );
  return (
    <tr className="par-group" data-group={g.group}>
      <td>{roman(index)}</td>
      <th scope="rowgroup">
        {groupLabel(g.group)}
        {s ? <small> · {t('bình quân nhóm', 'group mean')}</small> : null}
      </th>
      {s ? (
        <>
          <td>{mean(s.meanMaxPoints, 'điểm chuẩn tối đa', 'maximum')}</td>
          <td>{mean(s.meanSelfAssessment, 'điểm tự đánh giá', 'self-assessment')}</td>
          <td>{mean(s.meanStaffSurveyPoints, 'điểm khảo sát CBCCVC', 'staff-survey points')}</td>
          <td>{mean(s.meanSipasPercent, 'SIPAS %', 'SIPAS %')}</td>
          <td>{mean(s.meanSipasPoints, 'điểm SIPAS', 'SIPAS points')}</td>
          <td>{mean(s.meanTotalPoints, 'tổng điểm', 'total')}</td>
          <td>{mean(s.meanIndexPercent, 'chỉ số', 'index')}</td>
          <td />
        </>
      ) : (
        <td colSpan={8}>{t('Chưa có đơn vị nào đủ dữ liệu', 'No unit with complete data yet')}</td>
      )}
    </tr>
  );
}

/**
 * A unit left out of the table, with what it lacks. Staff points from fewer than minCell responses
 * (issue 14) show "< 5" in their own column: withheld, not missing.
 */
function IncompleteRow({ u, minCell }: { u: Incomplete; minCell: number }) {
  const t = useT();
  const withheld = u.missing.includes('staff_too_few_responses');
  const reasons = (
    <>
      <strong>{t('Chưa tính được:', 'Not scored:')}</strong> {u.missing.map(missingLabel).join('; ')}
      {subCriteria(u)}
    </>
  );
  return (
    <tr data-unit={u.unitCode} className="par-missing">
      <td>—</td>
      <th scope="row">
        {u.unitName} <small>({u.unitCode})</small>
      </th>
      {withheld ? (
        <>
          <td colSpan={2} />
          <td data-col="staff">
            <Figure
              value={`< ${minCell}`}
              why={t(
                `Ít hơn ${minCell} phiếu khảo sát CBCCVC về đơn vị này: điểm không công bố để không lộ câu trả lời của từng người; tổng điểm và xếp loại cũng không công bố.`,
                `Fewer than ${minCell} staff responses about this unit: the points are withheld so that no one's answers show; so are the total and the band.`,
              )}
            />
          </td>
          <td colSpan={5}>{reasons}</td>
        </>
      ) : (
        <td colSpan={8}>{reasons}</td>
      )}
    </tr>
  );
}

export function ParTable({ body, method }: { body: ParTableBody; method: MethodFacts | null }) {
  const t = useT();
  const groups = tableGroups(body);
  return (
    <div className="admin-scroll">
      <table className="admin-table par-table" data-testid="par-table">
        <caption>{t(`Kết quả Chỉ số CCHC năm ${body.year}`, `PAR Index ${body.year}`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('Hạng', 'Rank')}</th>
            <th scope="col">{t('Đơn vị', 'Unit')}</th>
            <th scope="col">{t('Điểm chuẩn tối đa', 'Adjusted max')}</th>
            <th scope="col">{t('Điểm tự đánh giá', 'Self-assessment')}</th>
            <th scope="col">{t('Khảo sát CBCCVC', 'Staff survey')}</th>
            <th scope="col">{t('Chỉ số SIPAS (%)', 'SIPAS (%)')}</th>
            <th scope="col">{t('Điểm SIPAS', 'SIPAS points')}</th>
            <th scope="col">{t('Tổng điểm', 'Total')}</th>
            <th scope="col">{t('Chỉ số CCHC (%)', 'Index (%)')}</th>
            <th scope="col">{t('Xếp loại', 'Band')}</th>
          </tr>
        </thead>
        {groups.map((g, i) => (
          <tbody key={g.group}>
            <GroupRow g={g} index={i} />
            {g.units.map((u) => (
              <UnitRow
                key={u.unitCode}
                u={u}
                year={body.year}
                sipasCampaignId={body.sipasCampaignId}
                groupSize={g.units.length}
                method={method}
              />
            ))}
            {g.incomplete.map((u) => (
              <IncompleteRow key={u.unitCode} u={u} minCell={body.minCell} />
            ))}
          </tbody>
        ))}
        {body.overall.meanIndexPercent !== null ? (
          <tfoot>
            <tr className="par-overall">
              <td />
              <th scope="row">{t('Bình quân chung', 'Overall mean')}</th>
              <td colSpan={6} />
              <td>
                <Figure
                  value={n2(body.overall.meanIndexPercent)}
                  why={t(
                    `Bình quân chỉ số của ${fmtInt(body.overall.units)} đơn vị có đủ dữ liệu.`,
                    `Mean index of the ${fmtInt(body.overall.units)} units with complete data.`,
                  )}
                />
              </td>
              <td />
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
