import type { PlanError, PlanImportResult } from '@hailong/contracts';
import { useState } from 'react';
import { SheetErrors } from '@/components/file-import/sheet-errors';
import { ApiError } from '@/lib/api-client';
import { errorMessage, tr } from '@/lib/i18n';
import { importPlan, templateUrl } from '../api/plan-api';

/** Pick an .xlsx plan, check it (dry run: every bad cell listed), then import it all at once. */
export function PlanImport({ campaignId, margin, onImported }: { campaignId: string; margin: number; onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<PlanImportResult | null>(null);
  const [errors, setErrors] = useState<PlanError[]>([]);
  const [errorsTotal, setErrorsTotal] = useState<number | undefined>(undefined);
  const [message, setMessage] = useState<string | null>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setMessage(null);
    try {
      const r = await importPlan(campaignId, file, dryRun, margin);
      setErrors(r.errors);
      setErrorsTotal(r.errorsTotal);
      setPreview(dryRun ? r : null);
      if (dryRun)
        setMessage(
          r.ok
            ? tr(
                `Tệp hợp lệ: ${r.units} đơn vị, tổng ${r.total} phiếu.`,
                `Valid file: ${r.units} units, ${r.total} forms in all.`,
              )
            : tr(
                `Tệp có ${r.errorsTotal} lỗi, chưa thể nhập.`,
                `The file has ${r.errorsTotal} errors and cannot be imported yet.`,
              ),
        );
      else {
        setMessage(
          tr(
            `Đã nhập kế hoạch: ${r.units} đơn vị, tổng ${r.total} phiếu.`,
            `Plan imported: ${r.units} units, ${r.total} forms in all.`,
          ),
        );
        onImported();
      }
    } catch (err) {
      if (err instanceof ApiError && Array.isArray(err.details)) {
        setErrors(err.details as PlanError[]);
        setErrorsTotal(err.detailsTotal);
      }
      setMessage(errorMessage(err));
    }
  };

  return (
    <section className="admin-card" aria-labelledby="plan-import-title">
      <h2 id="plan-import-title">{tr('Nhập kế hoạch từ Excel', 'Import the plan from Excel')}</h2>
      <p>
        {tr(
          'Trang “Chỉ tiêu”: mã đơn vị và chỉ tiêu phiếu (hoặc số hồ sơ/năm N). Trang “Địa bàn” (không bắt buộc): mã huyện, xã, ấp, chỉ tiêu (mặc định 27). Nhập lại sẽ thay thế kế hoạch; tệp có lỗi sẽ không được nhập dòng nào.',
          'Sheet “Chỉ tiêu”: unit code and target forms (or dossiers per year N). Sheet “Địa bàn” (optional): district, commune and hamlet codes, quota (27 by default). Importing again replaces the plan; a file with errors imports no row.',
        )}
      </p>
      <p>
        <a href={templateUrl} download>
          {tr('Tải tệp mẫu (.xlsx)', 'Download the template (.xlsx)')}
        </a>
      </p>
      <input
        type="file"
        accept=".xlsx"
        aria-label={tr('Chọn tệp kế hoạch (.xlsx)', 'Choose the plan file (.xlsx)')}
        onChange={(e) => {
          setFile(e.target.files?.[0] ?? null);
          setPreview(null);
          setErrors([]);
        }}
      />
      <div className="admin-actions">
        <button type="button" disabled={!file} onClick={() => void run(true)}>
          {tr('Kiểm tra (chạy thử)', 'Check (dry run)')}
        </button>
        <button type="button" className="admin-primary" disabled={!preview?.ok} onClick={() => void run(false)}>
          {tr('Nhập kế hoạch', 'Import the plan')}
        </button>
      </div>
      {message ? <p role="status">{message}</p> : null}
      <SheetErrors errors={errors} total={errorsTotal} />
    </section>
  );
}
