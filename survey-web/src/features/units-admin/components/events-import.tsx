import type { UnitEventError, UnitEventsResult } from '@hailong/contracts';
import { useState } from 'react';
import { SheetErrors } from '@/components/file-import/sheet-errors';
import { ApiError } from '@/lib/api-client';
import { errorMessage, tr } from '@/lib/i18n';
import { eventName } from './event-names';
import { importEvents } from '../api/units-api';

/** Pick a reorganisation file (CSV or XLSX), check it (dry run: every bad cell listed), then apply it all at once. */
export function EventsImport({ onImported }: { onImported: (result: UnitEventsResult) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<UnitEventsResult | null>(null);
  const [errors, setErrors] = useState<UnitEventError[]>([]);
  const [errorsTotal, setErrorsTotal] = useState<number | undefined>(undefined);
  const [message, setMessage] = useState<string | null>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setMessage(null);
    setErrors([]);
    setErrorsTotal(undefined);
    try {
      const r = await importEvents(file, dryRun);
      setPreview(dryRun ? r : null);
      setMessage(
        dryRun
          ? tr(
              `Tệp hợp lệ: ${r.applied} sự kiện, ${r.created.length} đơn vị mới. Chưa có thay đổi nào được lưu.`,
              `Valid: ${r.applied} events, ${r.created.length} new units. Nothing saved yet.`,
            )
          : tr(`Đã áp dụng ${r.applied} sự kiện.`, `${r.applied} events applied.`),
      );
      if (!dryRun) onImported(r);
    } catch (err) {
      setPreview(null);
      if (err instanceof ApiError && Array.isArray(err.details)) {
        setErrors(err.details as UnitEventError[]);
        setErrorsTotal(err.detailsTotal);
      }
      setMessage(`${errorMessage(err)} — ${tr('không có thay đổi nào được lưu.', 'nothing was saved.')}`);
    }
  };

  return (
    <section className="admin-card" aria-labelledby="units-import-title">
      <h2 id="units-import-title">{tr('Nhập sắp xếp đơn vị', 'Import a reorganisation')}</h2>
      <p>
        {tr('Cột', 'Columns')}: <code>event,from_codes,to_codes,name,group,effective_date,basis</code>{' '}
        {tr(
          '(và province nếu cần). Sự kiện: rename (đổi tên), merge (hợp nhất), split (chia tách), transfer (chuyển cấp trên), dissolve (giải thể); nhiều mã cách nhau bằng dấu “;”. Tệp có lỗi sẽ không được áp dụng dòng nào.',
          '(and province when needed). Events: rename, merge, split, transfer (new parent), dissolve; several codes separated by “;”. A file with errors applies no row at all.',
        )}
      </p>
      <label>
        {tr('Tệp sự kiện (.csv, .xlsx)', 'Events file (.csv, .xlsx)')}{' '}
        <input
          type="file"
          accept=".csv,.xlsx"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setPreview(null);
            setErrors([]);
            setMessage(null);
          }}
        />
      </label>
      <div className="admin-actions">
        <button type="button" disabled={!file} onClick={() => void run(true)}>
          {tr('Kiểm tra (chạy thử)', 'Check (dry run)')}
        </button>
        <button type="button" className="admin-primary" disabled={!preview} onClick={() => void run(false)}>
          {tr('Áp dụng', 'Apply')}
        </button>
      </div>
      {message ? (
        <p role="status" data-testid="units-import-status">
          {message}
        </p>
      ) : null}
      {preview ? (
        <ul className="units-preview">
          {preview.events.map((e) => (
            <li key={e.row}>
              {tr('Dòng', 'Row')} {e.row}: {eventName(e.event)} {e.fromCodes.join(', ')}
              {e.toCodes.length > 0 ? ` → ${e.toCodes.join(', ')}` : ''} {tr('từ', 'from')} {e.effectiveDate} ({e.basis})
            </li>
          ))}
        </ul>
      ) : null}
      <SheetErrors errors={errors} total={errorsTotal} />
    </section>
  );
}
