/**
 * /admin/par/:year — the PAR Index of a year: import the self-assessment scores, read the table in
 * the published layout (each figure explains itself), the charts, and download the official files.
 */
import type { ParTableBody } from '@hailong/contracts';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { AdminShell } from '@/components/admin-shell/admin-shell';
import { formValue } from '@/lib/form-value';
import { errorMessage, fmtInt, fmtPct, useT } from '@/lib/i18n';
import { getMethodFacts, getParTable, parDownloadUrl, type MethodFacts } from '../api/par-api';
import { BandGroupChart, ChangeChart, IndexByUnitChart, SipasStaffScatter } from './par-charts';
import { ParImport } from './par-import';
import { ParTable } from './par-table';
import '../par.css';

export default function ParPage({ params }: { params: Record<string, string> }) {
  const year = Number(params.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    window.location.replace(`/admin/par/${new Date().getFullYear()}`);
    return null;
  }
  return (
    <AdminShell>
      <ParResults year={year} />
    </AdminShell>
  );
}

/** A unit with nothing at all for the year: no self-assessment, no staff points, no SIPAS forms. */
const lacksAll = (u: ParTableBody['incomplete'][number]) =>
  u.missing.includes('no_self_assessment') &&
  u.missing.includes('no_staff_points') &&
  (u.missing.includes('sipas_no_data') || u.missing.includes('no_sipas_campaign'));

function YearPicker({ year }: { year: number }) {
  const t = useT();
  const now = new Date().getFullYear();
  const years = Array.from({ length: Math.max(now + 1, year) - 2018 }, (_, i) => Math.max(now + 1, year) - i);
  const go = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    window.location.assign(`/admin/par/${formValue(new FormData(e.currentTarget), 'year')}`);
  };
  return (
    <form className="admin-filters" onSubmit={go} aria-label={t('Chọn năm', 'Choose the year')}>
      <label htmlFor="par-year">{t('Năm', 'Year')}</label>
      <select id="par-year" name="year" defaultValue={String(year)}>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
      <button type="submit">{t('Xem', 'Show')}</button>
    </form>
  );
}

function ParResults({ year }: { year: number }) {
  const t = useT();
  const [body, setBody] = useState<ParTableBody | null>(null);
  const [previous, setPrevious] = useState<ParTableBody | null>(null);
  const [method, setMethod] = useState<MethodFacts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    getParTable(year).then(
      (b) => {
        setBody(b);
        setError(null);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
    getParTable(year - 1).then(setPrevious, () => setPrevious(null));
    void getMethodFacts(year).then(setMethod);
  }, [year]);
  useEffect(load, [load]);
  const empty = body !== null && body.units.length === 0 && body.incomplete.every(lacksAll);
  return (
    <main className="page admin par">
      <h1>{t(`Chỉ số cải cách hành chính năm ${year}`, `PAR Index ${year}`)}</h1>
      <YearPicker year={year} />
      {error ? (
        <p role="alert" className="admin-error">
          {error}
        </p>
      ) : null}
      {!body && !error ? (
        <p className="loading" role="status">
          {t('Đang tải…', 'Loading…')}
        </p>
      ) : null}
      {empty ? (
        <p className="admin-card" data-testid="par-empty">
          {t(
            `Năm ${year} chưa có kết quả: chưa có điểm tự đánh giá và chưa có phiếu khảo sát nào được tính. Nhập điểm tự đánh giá bên dưới, hoặc chọn năm khác.`,
            `${year} has no results yet: no self-assessment scores and no survey forms counted. Import the self-assessment scores below, or choose another year.`,
          )}
        </p>
      ) : null}
      {body && !empty ? (
        <>
          <p role="status" data-testid="par-summary">
            {t(`${fmtInt(body.units.length)} đơn vị đủ dữ liệu`, `${fmtInt(body.units.length)} units with complete data`)}
            {body.overall.meanIndexPercent !== null
              ? t(
                  `, chỉ số bình quân ${fmtPct(body.overall.meanIndexPercent)}`,
                  `, mean index ${fmtPct(body.overall.meanIndexPercent)}`,
                )
              : ''}
            {body.incomplete.length > 0
              ? t(
                  `; ${fmtInt(body.incomplete.length)} đơn vị còn thiếu dữ liệu (ghi rõ thiếu gì trong bảng).`,
                  `; ${fmtInt(body.incomplete.length)} units lack data (the table says what).`,
                )
              : '.'}
          </p>
          <p>
            {t('Tải bảng chính thức:', 'Download the official table:')}{' '}
            <a href={parDownloadUrl(year, 'xlsx')} download>
              Excel (.xlsx)
            </a>{' '}
            ·{' '}
            <a href={parDownloadUrl(year, 'csv')} download>
              CSV
            </a>
          </p>
          <p className="admin-muted">
            {t(
              'Chạm hoặc di chuột vào một con số để xem nó được tính từ đâu.',
              'Tap or hover over a figure to see where it comes from.',
            )}
          </p>
          <ParTable body={body} method={method} />
          {body.units.length > 0 ? (
            <section aria-labelledby="par-charts-title">
              <h2 id="par-charts-title">{t('Biểu đồ', 'Charts')}</h2>
              <div className="par-charts">
                <IndexByUnitChart body={body} />
                <BandGroupChart body={body} />
                <SipasStaffScatter body={body} />
                {previous && previous.units.length > 0 ? <ChangeChart body={body} previous={previous} /> : null}
              </div>
            </section>
          ) : null}
        </>
      ) : null}
      <ParImport year={year} onImported={load} />
    </main>
  );
}
