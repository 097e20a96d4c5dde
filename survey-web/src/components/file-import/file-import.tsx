/**
 * The all-or-nothing file import of the console: pick a CSV/XLSX file, check it (dry run: nothing
 * stored, every bad cell listed by row and column), then import what the check showed. Each
 * import supplies its request, its preview and its words; the steps and the error table are here.
 */
import type { RowError } from '@hailong/contracts';
import { useState, type ReactNode } from 'react';
import { ApiError } from '@/lib/api-client';
import { errorMessage, fmtInt, tr, useT } from '@/lib/i18n';
import { MoreErrors } from './more-errors';

export interface FileImportProps<R> {
  /** Heading id (the section is labelled by it). */
  id: string;
  title: string;
  /** What the file must hold (columns, rules). */
  children: ReactNode;
  fileLabel: string;
  accept?: string;
  run: (file: File, dryRun: boolean) => Promise<R>;
  /** Rows the file stores (shown on the import button and in the messages). */
  count: (result: R) => number;
  preview: (result: R) => ReactNode;
  checkLabel?: string;
  importLabel: string;
  /** The message after a successful import. */
  done: (result: R) => string;
  onImported: (result: R) => void;
  /** A column of the file in words (error table). */
  columnName?: (field: string) => string;
}

export function ImportErrors({
  errors,
  total,
  columnName = (f) => f,
}: {
  errors: RowError[];
  /** All the problems of the file when `errors` holds only the first ones. */
  total?: number | undefined;
  columnName?: (field: string) => string;
}) {
  const t = useT();
  if (errors.length === 0) return null;
  return (
    <div className="admin-scroll">
      <table className="admin-table" data-testid="import-errors">
        <caption>{t(`Các lỗi trong tệp (${fmtInt(errors.length)})`, `Errors in the file (${fmtInt(errors.length)})`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('Dòng', 'Row')}</th>
            <th scope="col">{t('Cột', 'Column')}</th>
            <th scope="col">{t('Lỗi', 'Error')}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e, i) => (
            <tr key={i} className="admin-below">
              <td>{e.row}</td>
              <td>{columnName(e.field)}</td>
              <td>{e.messageEn ? tr(e.message, e.messageEn) : e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <MoreErrors shown={errors.length} total={total} />
    </div>
  );
}

export function FileImport<R>(p: FileImportProps<R>) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<R | null>(null);
  const [errors, setErrors] = useState<RowError[]>([]);
  const [errorsTotal, setErrorsTotal] = useState<number | undefined>(undefined);
  const [message, setMessage] = useState<string | null>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setErrors([]);
    setErrorsTotal(undefined);
    setMessage(null);
    try {
      const r = await p.run(file, dryRun);
      setChecked(dryRun ? r : null);
      if (dryRun)
        setMessage(
          t(
            `Tệp hợp lệ: ${fmtInt(p.count(r))} dòng sẽ được nhập. Chưa có gì được lưu.`,
            `The file is valid: ${fmtInt(p.count(r))} rows to import. Nothing is saved yet.`,
          ),
        );
      else {
        setMessage(p.done(r));
        p.onImported(r);
      }
    } catch (err) {
      setChecked(null);
      if (err instanceof ApiError && Array.isArray(err.details)) {
        setErrors(err.details as RowError[]);
        setErrorsTotal(err.detailsTotal);
      }
      setMessage(`${errorMessage(err)} ${t('Không có gì được lưu.', 'Nothing was saved.')}`);
    }
  };

  return (
    <section className="admin-card" aria-labelledby={p.id}>
      <h2 id={p.id}>{p.title}</h2>
      {p.children}
      <input
        type="file"
        accept={p.accept ?? '.csv,.xlsx,text/csv'}
        aria-label={p.fileLabel}
        onChange={(e) => {
          setFile(e.target.files?.[0] ?? null);
          setChecked(null);
          setErrors([]);
          setMessage(null);
        }}
      />
      <div className="admin-actions">
        <button type="button" disabled={!file} onClick={() => void run(true)}>
          {p.checkLabel ?? t('Xem trước', 'Preview')}
        </button>
        <button type="button" className="admin-primary" disabled={!checked} onClick={() => void run(false)}>
          {p.importLabel}
          {checked ? ` (${fmtInt(p.count(checked))})` : ''}
        </button>
      </div>
      {message ? <p role="status">{message}</p> : null}
      <ImportErrors errors={errors} total={errorsTotal} {...(p.columnName ? { columnName: p.columnName } : {})} />
      {checked ? p.preview(checked) : null}
    </section>
  );
}
