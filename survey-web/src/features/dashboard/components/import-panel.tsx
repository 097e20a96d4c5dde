import type { ImportResult, RowError } from '@hailong/contracts';
import { useState } from 'react';
import { ApiError } from '@/lib/api-client';
import { errorMessage } from '@/lib/i18n';
import { importRespondents } from '../api/admin-api';

/** Respondent import: pick a CSV/XLSX file, preview (dry run) per unit and group, then import. */
export function ImportPanel({ campaignId, onImported }: { campaignId: string; onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [errors, setErrors] = useState<RowError[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setErrors([]);
    setMessage(null);
    try {
      const r = await importRespondents(campaignId, file, dryRun);
      if (dryRun) setPreview(r);
      else {
        setPreview(null);
        setMessage(`Đã nhập ${r.imported} người trả lời.`);
        onImported();
      }
    } catch (err) {
      if (err instanceof ApiError && Array.isArray(err.details)) setErrors(err.details as RowError[]);
      setMessage(errorMessage(err));
    }
  };

  return (
    <section className="admin-card">
      <h2>Nhập danh sách người trả lời</h2>
      <p>Tệp CSV hoặc Excel (.xlsx) có các cột <code>full_name, email, unit_code, respondent_group</code> (T1–T6), có thể thêm <code>phone</code>. Tệp lỗi sẽ không được nhập dòng nào.</p>
      <input type="file" accept=".csv,.xlsx,text/csv" aria-label="Chọn tệp danh sách" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setPreview(null); }} />
      <div className="admin-actions">
        <button type="button" disabled={!file} onClick={() => void run(true)}>Xem trước</button>
        <button type="button" className="admin-primary" disabled={!preview} onClick={() => void run(false)}>Nhập {preview ? `(${preview.byUnit.reduce((s, u) => s + u.count, 0)} người)` : ''}</button>
      </div>
      {message ? <p role="status">{message}</p> : null}
      {errors.length > 0 ? (
        <table className="admin-table"><thead><tr><th>Dòng</th><th>Cột</th><th>Lỗi</th></tr></thead>
          <tbody>{errors.map((e, i) => <tr key={i} className="admin-below"><td>{e.row}</td><td>{e.field}</td><td>{e.message}</td></tr>)}</tbody></table>
      ) : null}
      {preview ? (
        <div className="admin-preview">
          <table className="admin-table"><thead><tr><th>Nhóm</th><th>Số người</th></tr></thead>
            <tbody>{preview.byGroup.map((g) => <tr key={g.key}><td>{g.key}</td><td>{g.count}</td></tr>)}</tbody></table>
          <table className="admin-table"><thead><tr><th>Đơn vị</th><th>Số người</th></tr></thead>
            <tbody>{preview.byUnit.map((u) => <tr key={u.key}><td>{u.key} {u.name}</td><td>{u.count}</td></tr>)}</tbody></table>
        </div>
      ) : null}
    </section>
  );
}
