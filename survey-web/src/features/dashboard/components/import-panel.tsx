import type { ImportResult } from '@hailong/contracts';
import { FileImport } from '@/components/file-import/file-import';
import { fmtInt, useT } from '@/lib/i18n';
import { importRespondents } from '../api/admin-api';

const people = (r: ImportResult) => r.byUnit.reduce((s, u) => s + u.count, 0);

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
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('Đơn vị', 'Unit')}</th>
                <th scope="col">{t('Số người', 'People')}</th>
              </tr>
            </thead>
            <tbody>
              {r.byUnit.map((u) => (
                <tr key={u.key}>
                  <td>
                    {u.key} {u.name}
                  </td>
                  <td>{fmtInt(u.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    >
      <p>
        {t('Tệp CSV hoặc Excel (.xlsx) có các cột', 'A CSV or Excel (.xlsx) file with the columns')}{' '}
        <code>full_name, email, unit_code, respondent_group</code> (T1–T6), {t('có thể thêm', 'optionally')} <code>phone</code>.{' '}
        {t('Tệp lỗi sẽ không được nhập dòng nào.', 'A file with errors imports no row at all.')}
      </p>
    </FileImport>
  );
}
