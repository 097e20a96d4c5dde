/**
 * /admin/forms — questionnaires as data (docs/0022): the stored form versions, each downloadable as
 * an XLSForm-style workbook, the shipped 2024 form as a template, and importing a workbook (dry run
 * first: what would be created, or every bad cell by sheet, row and column; then all or nothing).
 */
import type { FormList } from '@hailong/contracts';
import { useCallback, useEffect, useState } from 'react';
import { AdminShell } from '@/components/admin-shell/admin-shell';
import { errorMessage, fmtInt, tr } from '@/lib/i18n';
import { listForms, TEMPLATE_2024, workbookUrl } from '../api/forms-api';
import { FormImport } from './form-import';
import '@/app/admin.css';

const KINDS: Record<string, [string, string]> = {
  sipas_counter: ['SIPAS tại quầy / hộ gia đình', 'SIPAS at the counter / household'],
  sipas_online: ['SIPAS trực tuyến', 'SIPAS online'],
  sipas_quick: ['SIPAS nhanh (máy tại quầy)', 'SIPAS quick (kiosk)'],
  staff: ['Khảo sát công chức', 'Staff survey'],
};
const kindText = (kind: string) => {
  const k = KINDS[kind];
  return k ? tr(k[0], k[1]) : kind;
};

export default function FormsPage() {
  return (
    <AdminShell>
      <Forms />
    </AdminShell>
  );
}

function Forms() {
  const [list, setList] = useState<FormList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setList(await listForms());
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- an asynchronous load: its state changes come after the await
    void load();
  }, [load]);

  return (
    <main className="page admin">
      <h1>{tr('Phiếu khảo sát', 'Questionnaires')}</h1>
      <p>
        {tr(
          'Mỗi phiếu là một tệp Excel theo quy ước XLSForm (trang survey, choices, settings, scoring). Phiếu đã có người trả lời không sửa được: hãy nhập thành phiên bản mới.',
          'Each form is an Excel workbook in the XLSForm convention (sheets survey, choices, settings, scoring). A form that has responses cannot change: import it as a new version.',
        )}
      </p>
      <p>
        <a href={workbookUrl(TEMPLATE_2024.code, TEMPLATE_2024.version)} download>
          {tr('Tải mẫu phiếu SIPAS 2024 (.xlsx)', 'Download the SIPAS 2024 template (.xlsx)')}
        </a>
      </p>
      <FormImport onImported={() => void load()} />
      <section className="admin-card" aria-labelledby="forms-list-title">
        <h2 id="forms-list-title">{tr('Các phiếu đã lưu', 'Stored forms')}</h2>
        {error ? (
          <p role="alert">
            {error}{' '}
            <button type="button" onClick={() => void load()}>
              {tr('Thử lại', 'Retry')}
            </button>
          </p>
        ) : null}
        {!list && !error ? (
          <p className="loading" role="status">
            {tr('Đang tải…', 'Loading…')}
          </p>
        ) : null}
        {list && list.forms.length === 0 ? <p>{tr('Chưa có phiếu nào.', 'No form is stored yet.')}</p> : null}
        {list && list.forms.length > 0 ? (
          <div className="admin-scroll">
            <table className="admin-table" aria-labelledby="forms-list-title">
              <thead>
                <tr>
                  <th scope="col">{tr('Mã phiếu', 'Form code')}</th>
                  <th scope="col">{tr('Phiên bản', 'Version')}</th>
                  <th scope="col">{tr('Loại', 'Kind')}</th>
                  <th scope="col">{tr('Tên phiếu', 'Title')}</th>
                  <th scope="col">{tr('Số câu hỏi', 'Questions')}</th>
                  <th scope="col">{tr('Trạng thái', 'State')}</th>
                  <th scope="col">{tr('Tải về', 'Download')}</th>
                </tr>
              </thead>
              <tbody>
                {list.forms.map((f) => (
                  <tr key={`${f.code}-${f.version}`} data-form={`${f.code} v${f.version}`}>
                    <th scope="row">{f.code}</th>
                    <td>{f.version}</td>
                    <td>{kindText(f.kind)}</td>
                    <td>{tr(f.title.vi, f.title.en)}</td>
                    <td>{fmtInt(f.questions)}</td>
                    <td>
                      {f.inUse
                        ? tr('Đã có người trả lời: không sửa được', 'Answered: cannot change')
                        : tr('Chưa có người trả lời', 'Not answered yet')}
                    </td>
                    <td>
                      <a href={workbookUrl(f.code, f.version)} download>
                        {tr(`Tải ${f.code} v${f.version} (.xlsx)`, `Download ${f.code} v${f.version} (.xlsx)`)}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </main>
  );
}
