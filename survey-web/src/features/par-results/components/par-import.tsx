/** Import of the appraised self-assessment scores of a year: template, check (dry run), import. */
import type { SelfAssessmentImportResult } from '@hailong/contracts';
import { FileImport } from '@/components/file-import/file-import';
import { fmtInt, pairName, useT } from '@/lib/i18n';
import { importSelfAssessments, templateUrl } from '../api/par-api';
import { n2 } from './par-words';

const COLUMNS: Record<string, [string, string]> = {
  unit_code: ['Mã đơn vị', 'Unit code'],
  self_assessment: ['Điểm tự đánh giá', 'Self-assessment'],
  max_points: ['Điểm chuẩn sau hạ chuẩn', 'Adjusted maximum'],
  staff_survey_points: ['Điểm khảo sát CBCCVC', 'Staff-survey points'],
  csv: ['Tệp CSV', 'CSV file'],
  xlsx: ['Tệp Excel', 'Excel file'],
};
const columnName = (f: string) => pairName(COLUMNS, f);

export function ParImport({ year, onImported }: { year: number; onImported: () => void }) {
  const t = useT();
  return (
    <FileImport<SelfAssessmentImportResult>
      id="par-import-title"
      title={t(`Nhập điểm tự đánh giá năm ${year}`, `Import the ${year} self-assessment scores`)}
      fileLabel={t('Chọn tệp điểm tự đánh giá (.csv, .xlsx)', 'Choose the self-assessment file (.csv, .xlsx)')}
      run={(file, dryRun) => importSelfAssessments(year, file, dryRun)}
      count={(r) => r.imported}
      columnName={columnName}
      checkLabel={t('Kiểm tra (chạy thử)', 'Check (dry run)')}
      importLabel={t('Nhập điểm', 'Import scores')}
      done={(r) => t(`Đã nhập điểm của ${fmtInt(r.imported)} đơn vị.`, `Scores of ${fmtInt(r.imported)} units imported.`)}
      onImported={onImported}
      preview={(r) => (
        <div className="admin-scroll">
          <table className="admin-table" data-testid="par-import-preview">
            <caption>{t('Sẽ nhập', 'To be imported')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Đơn vị', 'Unit')}</th>
                <th scope="col">{t('Điểm tự đánh giá', 'Self-assessment')}</th>
                <th scope="col">{t('Điểm chuẩn sau hạ chuẩn', 'Adjusted maximum')}</th>
                <th scope="col">{t('Khảo sát CBCCVC', 'Staff survey')}</th>
                <th scope="col">{t('Ghi chú', 'Note')}</th>
              </tr>
            </thead>
            <tbody>
              {r.units.map((u) => (
                <tr key={u.unitCode}>
                  <th scope="row">
                    {u.unitName} <small>({u.unitCode})</small>
                  </th>
                  <td>{n2(u.selfAssessment)}</td>
                  <td>{n2(u.maxPoints)}</td>
                  <td>{u.staffSurveyPoints === null ? t('tính từ khảo sát', 'from the survey') : n2(u.staffSurveyPoints)}</td>
                  <td>{u.replaces ? t('thay điểm đã nhập', 'replaces stored scores') : t('mới', 'new')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    >
      <p>
        {t(
          'Mỗi dòng một đơn vị: mã đơn vị, điểm tự đánh giá đã thẩm định, điểm chuẩn sau hạ chuẩn, và (nếu có) điểm khảo sát CBCCVC — để trống thì điểm này được tính từ đợt khảo sát CBCCVC. Dòng chưa điền điểm được bỏ qua; tệp có lỗi sẽ không được nhập dòng nào.',
          'One row per unit: unit code, appraised self-assessment, adjusted maximum and (optionally) staff-survey points — left empty, they come from the staff survey. Rows without figures are skipped; a file with errors imports nothing.',
        )}
      </p>
      <p>
        {t('Tải tệp mẫu (đủ các đơn vị của năm):', 'Download the template (every unit of the year):')}{' '}
        <a href={templateUrl(year, 'xlsx')} download>
          Excel (.xlsx)
        </a>{' '}
        ·{' '}
        <a href={templateUrl(year, 'csv')} download>
          CSV
        </a>
      </p>
    </FileImport>
  );
}
