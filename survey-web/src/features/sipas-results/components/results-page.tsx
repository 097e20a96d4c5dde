/**
 * /admin/campaigns/:campaignId/results — a SIPAS campaign's results (issue 5 item 7): per unit,
 * per counter and per day, and the suspect responses a reviewer accepts or rejects (item 4).
 */
import { CountersTable, DaysTable } from './breakdown-tables';
import { dayText } from './format';
import { AdminShell } from '@/components/admin-shell/admin-shell';
import { PendingNotice } from './pending-notice';
import { PerceptionPanel } from './perception-panel';
import { SuspectsPanel } from './suspects-panel';
import { UnitsTable } from './units-table';
import { YearOverYear } from './year-over-year';
import { useResults } from './use-results';
import '../results.css';
import { tr } from '@/lib/i18n';

export default function ResultsPage({ params }: { params: Record<string, string> }) {
  const id = params.campaignId ?? '';
  return (
    <AdminShell>
      <Results id={id} />
    </AdminShell>
  );
}

function Results({ id }: { id: string }) {
  const { data, loaded, error, refresh, offset, setOffset } = useResults(id, true);
  const units = data.results?.units ?? [];
  const unitName = (code: string) => units.find((u) => u.unitCode === code)?.unitName ?? code;
  const counted = data.results?.window;
  return (
    <main className="page rs">
      <p>
        <a href={`/admin/campaigns/${id}`}>{tr('← Về đợt khảo sát', 'Back to the campaign')}</a>
      </p>
      <h1>
        {tr('Kết quả', 'Results')}: {data.campaign?.name ?? '…'}
      </h1>
      {counted ? (
        <p className="rs-muted">
          {tr(
            `Tính các phiếu hợp lệ từ ${dayText(counted.from)} đến ${dayText(counted.to)}.`,
            `Valid responses from ${dayText(counted.from)} to ${dayText(counted.to)} are counted.`,
          )}
        </p>
      ) : null}
      <PendingNotice pending={data.results?.pending} onRefresh={() => void refresh()} />
      <nav aria-label={tr('Các phần', 'Sections')} className="rs-nav">
        <a href="#rs-units">{tr('Theo đơn vị', 'Per unit')}</a> ·{' '}
        <a href="#rs-perception">{tr('Cảm nhận và mong đợi', 'Perception and expectations')}</a> ·{' '}
        <a href="#rs-yoy">{tr('So với năm trước', 'Year over year')}</a> ·{' '}
        <a href="#rs-counters">{tr('Theo quầy', 'Per counter')}</a> · <a href="#rs-days">{tr('Theo ngày', 'Per day')}</a> ·{' '}
        <a href="#rs-suspects">{tr('Phiếu nghi ngờ', 'Suspect responses')}</a>
      </nav>
      {error ? (
        <p role="alert" className="rs-error">
          {error}{' '}
          <button type="button" onClick={() => void refresh()}>
            {tr('Thử lại', 'Retry')}
          </button>
        </p>
      ) : null}
      {!loaded ? (
        <p className="loading" role="status">
          {tr('Đang tải kết quả…', 'Loading results…')}
        </p>
      ) : null}
      <section aria-labelledby="rs-units">
        <h2 id="rs-units">{tr('Theo đơn vị', 'Per unit')}</h2>
        {data.results ? <UnitsTable units={units} minSample={data.results.minSample} minCell={data.results.minCell} /> : null}
      </section>
      <section aria-labelledby="rs-perception">
        <h2 id="rs-perception">{tr('Cảm nhận và mong đợi', 'Perception and expectations')}</h2>
        <PerceptionPanel campaignId={id} />
      </section>
      <section aria-labelledby="rs-yoy">
        <h2 id="rs-yoy">{tr('So với năm trước', 'Year over year')}</h2>
        {data.campaign ? <YearOverYear year={data.campaign.year} /> : null}
      </section>
      <section aria-labelledby="rs-counters">
        <h2 id="rs-counters">{tr('Theo quầy', 'Per counter')}</h2>
        {loaded ? <CountersTable counters={data.counters} unitName={unitName} minCell={data.minCell} /> : null}
      </section>
      <section aria-labelledby="rs-days">
        <h2 id="rs-days">{tr('Theo ngày', 'Per day')}</h2>
        {loaded ? <DaysTable days={data.days} unitName={unitName} minCell={data.minCell} /> : null}
      </section>
      <section aria-labelledby="rs-suspects">
        <h2 id="rs-suspects">{tr('Phiếu nghi ngờ', 'Suspect responses')}</h2>
        <p className="rs-muted">
          {tr('Các phiếu này chưa được tính vào SIPAS cho đến khi được chấp nhận.', 'Not counted until accepted.')}
        </p>
        <SuspectsPanel data={data.suspects} offset={offset} onPage={setOffset} onReviewed={() => void refresh()} />
      </section>
    </main>
  );
}
