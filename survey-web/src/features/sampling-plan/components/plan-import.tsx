import type { PlanError, PlanImportResult } from '@hailong/contracts';
import { useState } from 'react';
import { ApiError } from '@/lib/api-client';
import { errorMessage, tr } from '@/lib/i18n';
import { importPlan, templateUrl } from '../api/plan-api';

/** Pick an .xlsx plan, check it (dry run: every bad cell listed), then import it all at once. */
export function PlanImport({ campaignId, margin, onImported }: { campaignId: string; margin: number; onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<PlanImportResult | null>(null);
  const [errors, setErrors] = useState<PlanError[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setMessage(null);
    try {
      const r = await importPlan(campaignId, file, dryRun, margin);
      setErrors(r.errors);
      setPreview(dryRun ? r : null);
      if (dryRun) setMessage(r.ok ? `Tệp hợp lệ: ${r.units} đơn vị, tổng ${r.total} phiếu.` : `Tệp có ${r.errors.length} lỗi, chưa thể nhập.`);
      else {
        setMessage(`Đã nhập kế hoạch: ${r.units} đơn vị, tổng ${r.total} phiếu.`);
        onImported();
      }
    } catch (err) {
      if (err instanceof ApiError && Array.isArray(err.details)) setErrors(err.details as PlanError[]);
      setMessage(errorMessage(err));
    }
  };

  return (
    <section className="admin-card" aria-labelledby="plan-import-title">
      <h2 id="plan-import-title">Nhập kế hoạch từ Excel</h2>
      <p>Trang <strong>Chỉ tiêu</strong>: mã đơn vị và chỉ tiêu phiếu (hoặc số hồ sơ/năm N). Trang <strong>Địa bàn</strong> (không bắt buộc): mã huyện, xã, ấp, chỉ tiêu (mặc định 27). Nhập lại sẽ thay thế kế hoạch; tệp có lỗi sẽ không được nhập dòng nào.</p>
      <p><a href={templateUrl} download>Tải tệp mẫu (.xlsx)</a></p>
      <input type="file" accept=".xlsx" aria-label="Chọn tệp kế hoạch (.xlsx)" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setPreview(null); setErrors([]); }} />
      <div className="admin-actions">
        <button type="button" disabled={!file} onClick={() => void run(true)}>Kiểm tra (chạy thử)</button>
        <button type="button" className="admin-primary" disabled={!preview?.ok} onClick={() => void run(false)}>Nhập kế hoạch</button>
      </div>
      {message ? <p role="status">{message}</p> : null}
      {errors.length > 0 ? (
        <table className="admin-table">
          <caption>Các lỗi trong tệp</caption>
          <thead><tr><th>Trang</th><th>Dòng</th><th>Cột</th><th>Lỗi</th></tr></thead>
          <tbody>{errors.map((e, i) => <tr key={i} className="admin-below"><td>{e.sheet}</td><td>{e.row}</td><td>{e.column}</td><td>{tr(e.message, e.messageEn)}</td></tr>)}</tbody>
        </table>
      ) : null}
    </section>
  );
}
