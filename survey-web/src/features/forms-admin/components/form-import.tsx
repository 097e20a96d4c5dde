import type { FormImportResult, PlanError } from '@hailong/contracts';
import { useState } from 'react';
import { SheetErrors } from '@/components/file-import/sheet-errors';
import { ApiError } from '@/lib/api-client';
import { errorMessage, fmtInt, tr } from '@/lib/i18n';
import { importForm } from '../api/forms-api';

const ACTIONS: Record<NonNullable<FormImportResult['action']>, [string, string]> = {
  created: ['sẽ được tạo mới', 'would be created'],
  replaced: ['sẽ thay thế phiên bản đã lưu (chưa có người trả lời)', 'would replace the stored version (not answered yet)'],
  unchanged: ['giống hệt phiên bản đã lưu: không có gì thay đổi', 'is the same as the stored version: nothing changes'],
};
const DONE: Record<NonNullable<FormImportResult['action']>, [string, string]> = {
  created: ['Đã nhập phiếu', 'Form imported'],
  replaced: ['Đã thay thế phiếu', 'Form replaced'],
  unchanged: ['Phiếu không thay đổi', 'Form unchanged'],
};

/** Pick an .xlsx form workbook, check it (dry run), then import it all at once. */
export function FormImport({ onImported }: { onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<FormImportResult | null>(null);
  const [errors, setErrors] = useState<PlanError[]>([]);
  const [errorsTotal, setErrorsTotal] = useState<number | undefined>(undefined);
  const [message, setMessage] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setMessage(null);
    setFailed(false);
    try {
      const r = await importForm(file, dryRun);
      setErrors(r.errors);
      setErrorsTotal(undefined);
      setPreview(dryRun && r.ok ? r : null);
      const f = r.form;
      const what = f ? `${f.code} v${f.version} (${tr(f.title.vi, f.title.en)})` : '';
      if (!r.ok || !r.action) {
        setFailed(true);
        setMessage(
          tr(
            `Tệp có ${fmtInt(r.errors.length)} lỗi, chưa thể nhập. Chưa có gì được lưu.`,
            `The file has ${fmtInt(r.errors.length)} errors and cannot be imported yet. Nothing is saved.`,
          ),
        );
      } else if (dryRun) {
        const [vi, en] = ACTIONS[r.action];
        setMessage(
          tr(
            `Tệp hợp lệ: phiếu ${what} ${vi}, ${fmtInt(f?.sections ?? 0)} phần, ${fmtInt(f?.questions ?? 0)} câu hỏi. Chưa có gì được lưu.`,
            `Valid file: form ${what} ${en}, ${fmtInt(f?.sections ?? 0)} sections, ${fmtInt(f?.questions ?? 0)} questions. Nothing is saved yet.`,
          ),
        );
      } else {
        const [vi, en] = DONE[r.action];
        setMessage(tr(`${vi}: ${what}.`, `${en}: ${what}.`));
        setFile(null);
        onImported();
      }
    } catch (err) {
      setPreview(null);
      setFailed(true);
      if (err instanceof ApiError && Array.isArray(err.details)) {
        setErrors(err.details as PlanError[]);
        setErrorsTotal(err.detailsTotal);
      } else setErrors([]);
      const hint =
        err instanceof ApiError && err.code === 'FORM_IN_USE'
          ? tr(
              ' Hãy tăng số phiên bản (trang settings, cột version) rồi nhập lại.',
              ' Raise the version (sheet settings, column version) and import again.',
            )
          : '';
      setMessage(`${errorMessage(err)}${hint} ${tr('Không có gì được lưu.', 'Nothing was saved.')}`);
    }
    setBusy(false);
  };

  return (
    <section className="admin-card" aria-labelledby="form-import-title">
      <h2 id="form-import-title">{tr('Nhập phiếu từ Excel', 'Import a form from Excel')}</h2>
      <p>
        {tr(
          'Kiểm tra trước (chạy thử) để xem phiếu sẽ được tạo hay các ô bị lỗi; tệp có lỗi sẽ không được nhập. Tối đa 2 MB.',
          'Check first (dry run) to see what would be created or which cells are wrong; a file with errors is not imported. At most 2 MB.',
        )}
      </p>
      <input
        type="file"
        accept=".xlsx"
        aria-label={tr('Chọn tệp phiếu (.xlsx)', 'Choose the form workbook (.xlsx)')}
        onChange={(e) => {
          setFile(e.target.files?.[0] ?? null);
          setPreview(null);
          setErrors([]);
          setMessage(null);
        }}
      />
      <div className="admin-actions">
        <button type="button" disabled={!file || busy} onClick={() => void run(true)}>
          {tr('Kiểm tra (chạy thử)', 'Check (dry run)')}
        </button>
        <button type="button" className="admin-primary" disabled={!preview || busy} onClick={() => void run(false)}>
          {tr('Nhập phiếu', 'Import the form')}
        </button>
      </div>
      {busy ? (
        <p className="loading" role="status">
          {tr('Đang xử lý tệp…', 'Processing the file…')}
        </p>
      ) : null}
      {message && !busy ? <p role={failed ? 'alert' : 'status'}>{message}</p> : null}
      <SheetErrors errors={errors} total={errorsTotal} />
    </section>
  );
}
