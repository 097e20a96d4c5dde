import type { UnitEventError, UnitEventsResult } from '@hailong/contracts';
import { useState } from 'react';
import { ApiError, errorText } from '@/lib/api-client';
import { importEvents } from '../api/units-api';

const EVENT_NAMES: Record<string, string> = { rename: 'đổi tên', merge: 'hợp nhất', split: 'chia tách', transfer: 'chuyển', dissolve: 'giải thể' };

/** Pick a reorganisation file (CSV or XLSX), check it (dry run: every bad cell listed), then apply it all at once. */
export function EventsImport({ onImported }: { onImported: (result: UnitEventsResult) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<UnitEventsResult | null>(null);
  const [errors, setErrors] = useState<UnitEventError[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setMessage(null);
    setErrors([]);
    try {
      const r = await importEvents(file, dryRun);
      setPreview(dryRun ? r : null);
      setMessage(dryRun
        ? `Tệp hợp lệ: ${r.applied} sự kiện, ${r.created.length} đơn vị mới. Chưa có thay đổi nào được lưu. (Valid: ${r.applied} events; nothing saved yet.)`
        : `Đã áp dụng ${r.applied} sự kiện. (${r.applied} events applied.)`);
      if (!dryRun) onImported(r);
    } catch (err) {
      setPreview(null);
      if (err instanceof ApiError && Array.isArray(err.details)) setErrors(err.details as UnitEventError[]);
      setMessage(`${errorText(err)} — không có thay đổi nào được lưu.`);
    }
  };

  return (
    <section className="admin-card" aria-labelledby="units-import-title">
      <h2 id="units-import-title">Nhập sắp xếp đơn vị <span lang="en">Import a reorganisation</span></h2>
      <p>
        Cột: <code>event,from_codes,to_codes,name,group,effective_date,basis</code> (và <code>province</code> nếu cần). Sự kiện: rename (đổi tên), merge (hợp nhất),
        split (chia tách), transfer (chuyển cấp trên), dissolve (giải thể); nhiều mã cách nhau bằng dấu <code>;</code>. Tệp có lỗi sẽ không được áp dụng dòng nào.
      </p>
      <label>
        Tệp sự kiện (.csv, .xlsx){' '}
        <input type="file" accept=".csv,.xlsx" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setPreview(null); setErrors([]); setMessage(null); }} />
      </label>
      <div className="admin-actions">
        <button type="button" disabled={!file} onClick={() => void run(true)}>Kiểm tra (chạy thử)</button>
        <button type="button" className="admin-primary" disabled={!preview} onClick={() => void run(false)}>Áp dụng</button>
      </div>
      {message ? <p role="status" data-testid="units-import-status">{message}</p> : null}
      {preview ? (
        <ul className="units-preview">
          {preview.events.map((e) => <li key={e.row}>Dòng {e.row}: {EVENT_NAMES[e.event] ?? e.event} {e.fromCodes.join(', ')}{e.toCodes.length > 0 ? ` → ${e.toCodes.join(', ')}` : ''} từ {e.effectiveDate} ({e.basis})</li>)}
        </ul>
      ) : null}
      {errors.length > 0 ? (
        <table className="admin-table" data-testid="units-import-errors">
          <caption>Các lỗi trong tệp</caption>
          <thead><tr><th scope="col">Dòng</th><th scope="col">Cột</th><th scope="col">Lỗi</th></tr></thead>
          <tbody>{errors.map((e, i) => <tr key={i} className="admin-below"><td>{e.row}</td><td>{e.column}</td><td>{e.message} <small lang="en">({e.messageEn})</small></td></tr>)}</tbody>
        </table>
      ) : null}
    </section>
  );
}
