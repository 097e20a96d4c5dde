import type { ImportResult } from '@hailong/contracts';
import { FileImport } from '@/components/file-import/file-import';
import { fmtInt, useT } from '@/lib/i18n';
import { importRespondents } from '../api/admin-api';

const people = (r: ImportResult) => r.byUnit.reduce((s, u) => s + u.count, 0);

/** People per own unit beside the answer sets per rated unit (a delegate counts once per unit rated). */
function RatedUnitsTable({ r }: { r: ImportResult }) {
  const t = useT();
  const people = new Map(r.byUnit.map((u) => [u.key, u.count]));
  const sets = new Map(r.byRatedUnit.map((u) => [u.key, u]));
  const codes = [...new Set([...people.keys(), ...sets.keys()])].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const nameOf = (c: string) => sets.get(c)?.name ?? r.byUnit.find((u) => u.key === c)?.name ?? '';
  return (
    <table className="admin-table">
      <thead>
        <tr>
          <th scope="col">{t('Đơn vị', 'Unit')}</th>
          <th scope="col">{t('Số người (đơn vị của mình)', 'People (own unit)')}</th>
          <th scope="col">{t('Số phiếu đánh giá đơn vị', 'Answer sets rating the unit')}</th>
        </tr>
      </thead>
      <tbody>
        {codes.map((c) => (
          <tr key={c}>
            <td>
              {c} {nameOf(c)}
            </td>
            <td>{fmtInt(people.get(c) ?? 0)}</td>
            <td>{fmtInt(sets.get(c)?.count ?? 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Who rates units other than their own, with those units in answering order. */
function MultiUnitList({ r }: { r: ImportResult }) {
  const t = useT();
  if (r.multiUnitCount === 0)
    return <p>{t('Không có ai đánh giá đơn vị khác đơn vị của mình.', 'Nobody rates a unit other than their own.')}</p>;
  return (
    <table className="admin-table">
      <caption>
        {t(
          `${fmtInt(r.multiUnitCount)} người đánh giá nhiều đơn vị (mỗi đơn vị một phiếu)`,
          `${fmtInt(r.multiUnitCount)} people rate several units (one answer set per unit)`,
        )}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('Dòng', 'Row')}</th>
          <th scope="col">{t('Họ và tên', 'Name')}</th>
          <th scope="col">{t('Đơn vị được đánh giá', 'Units rated')}</th>
        </tr>
      </thead>
      <tbody>
        {r.multiUnit.map((m) => (
          <tr key={m.row}>
            <td>{fmtInt(m.row)}</td>
            <td>{m.fullName}</td>
            <td>{m.ratedUnits.join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Respondent import: pick a CSV/XLSX file, preview (dry run) per unit and group, then import. */
export function ImportPanel({ campaignId, onImported }: { campaignId: string; onImported: () => void }) {
  const t = useT();
  return (
    <FileImport<ImportResult>
      id="respondent-import-title"
      title={t('Nhập danh sách người trả lời', 'Import respondents')}
      fileLabel={t('Chọn tệp danh sách', 'Choose the list file')}
      run={(file, dryRun) => importRespondents(campaignId, file, dryRun)}
      count={(r) => (r.dryRun ? people(r) : r.imported)}
      importLabel={t('Nhập', 'Import')}
      done={(r) => t(`Đã nhập ${fmtInt(r.imported)} người trả lời.`, `${fmtInt(r.imported)} respondents imported.`)}
      onImported={onImported}
      preview={(r) => (
        <div className="admin-preview">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('Nhóm', 'Group')}</th>
                <th scope="col">{t('Số người', 'People')}</th>
              </tr>
            </thead>
            <tbody>
              {r.byGroup.map((g) => (
                <tr key={g.key}>
                  <td>{g.key}</td>
                  <td>{fmtInt(g.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <RatedUnitsTable r={r} />
          <MultiUnitList r={r} />
        </div>
      )}
    >
      <p>
        {t('Tệp CSV hoặc Excel (.xlsx) có các cột', 'A CSV or Excel (.xlsx) file with the columns')}{' '}
        <code>full_name, email, unit_code, respondent_group</code> (T1–T6), {t('có thể thêm', 'optionally')} <code>phone</code>{' '}
        {t('và', 'and')} <code>rated_units</code>{' '}
        {t(
          '(các mã đơn vị được đánh giá, cách nhau bởi dấu ";" hoặc ","; để trống: đơn vị của người trả lời; chỉ nhóm T1 đánh giá nhiều đơn vị).',
          '(the codes of the units rated, separated by ";" or ","; empty: the respondent’s own unit; only T1 rates several units).',
        )}{' '}
        {t('Tệp lỗi sẽ không được nhập dòng nào.', 'A file with errors imports no row at all.')}
      </p>
    </FileImport>
  );
}
