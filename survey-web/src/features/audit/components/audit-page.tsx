/** /admin/audit — who did what, when, to what; filtered by action, actor and days, 50 per page. */
import type { AuditPage as AuditData } from '@hailong/contracts';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { AdminShell } from '@/components/admin-shell/admin-shell';
import { api } from '@/lib/api-client';
import { formValue } from '@/lib/form-value';
import { errorMessage, fmtDateTime, fmtInt, useT } from '@/lib/i18n';
import { actionName, entityName } from './action-names';

export default function AuditPage() {
  return (
    <AdminShell>
      <Audit />
    </AdminShell>
  );
}

const PAGE = 50;
type Filter = { action: string; actor: string; from: string; to: string };

function query(f: Filter, offset: number): string {
  const p = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
  for (const [k, v] of Object.entries(f)) if (v) p.set(k, v);
  return p.toString();
}

const detailText = (d: Record<string, unknown>): string =>
  Object.entries(d)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' · ');

function Audit() {
  const t = useT();
  const [filter, setFilter] = useState<Filter>({ action: '', actor: '', from: '', to: '' });
  const [offset, setOffset] = useState(0);
  const [data, setData] = useState<AuditData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api<AuditData>(`/api/v1/audit?${query(filter, offset)}`).then(
      (r) => {
        setData(r);
        setError(null);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [filter, offset]);
  useEffect(load, [load]);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const s = (n: string) => formValue(f, n);
    setOffset(0);
    setFilter({ action: s('action'), actor: s('actor'), from: s('from'), to: s('to') });
  };
  return (
    <main className="page admin">
      <h1>{t('Nhật ký thao tác', 'Audit log')}</h1>
      <form className="admin-filters" onSubmit={submit} aria-label={t('Lọc nhật ký', 'Filter the log')}>
        <label>
          {t('Thao tác', 'Action')}
          <select name="action" defaultValue="">
            <option value="">{t('Tất cả', 'All')}</option>
            {data?.actions.map((a) => (
              <option key={a} value={a}>
                {actionName(a)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('Người thực hiện (email hoặc tên)', 'Actor (email or name)')}
          <input name="actor" />
        </label>
        <label>
          {t('Từ ngày', 'From')}
          <input name="from" type="date" />
        </label>
        <label>
          {t('Đến ngày', 'To')}
          <input name="to" type="date" />
        </label>
        <button type="submit">{t('Lọc', 'Filter')}</button>
      </form>
      {error ? (
        <p role="alert" className="admin-error">
          {error}
        </p>
      ) : null}
      {data ? <p role="status">{t(`${fmtInt(data.total)} mục`, `${fmtInt(data.total)} entries`)}</p> : null}
      <div className="admin-scroll">
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('Thời điểm', 'When')}</th>
              <th scope="col">{t('Người thực hiện', 'Who')}</th>
              <th scope="col">{t('Thao tác', 'What')}</th>
              <th scope="col">{t('Đối tượng', 'To what')}</th>
              <th scope="col">{t('Chi tiết', 'Details')}</th>
            </tr>
          </thead>
          <tbody>
            {data?.entries.map((e) => (
              <tr key={e.id}>
                <td>{fmtDateTime(e.at)}</td>
                <td>{e.actorName ? `${e.actorName} (${e.actorEmail ?? ''})` : t('Hệ thống', 'System')}</td>
                <td>{actionName(e.action)}</td>
                <td>
                  {entityName(e.entity)}
                  {e.entityId ? ` ${e.entityId}` : ''}
                </td>
                {/* the stored record as it is (machine keys and values): not translated */}
                <td>
                  <code translate="no" className="audit-detail">
                    {detailText(e.details)}
                  </code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="admin-actions">
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          {t('Trang trước', 'Previous')}
        </button>
        <button type="button" disabled={!data || offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>
          {t('Trang sau', 'Next')}
        </button>
      </div>
    </main>
  );
}
