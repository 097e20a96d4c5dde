import type { Campaign, ResponseRates } from '@hailong/contracts';
import { useCallback, useEffect, useState } from 'react';
import { errorText } from '@/lib/api-client';
import { getCampaign, ratesCsvUrl, ratesXlsxUrl, remindNow, responseRates, sendInvitations } from '../api/admin-api';
import { DailyCurve } from './daily-curve';
import { FocalPointsPanel } from './focal-points-panel';
import { ImportPanel } from './import-panel';
import { RatesTable } from './rates-table';

/** One staff campaign: import, invite, remind, and live response rates (refreshed every 10 s). */
export function CampaignPage({ id, back }: { id: string; back: () => void }) {
  const [campaign, setCampaign] = useState<Campaign | null>(null);
  const [rates, setRates] = useState<ResponseRates | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const refresh = useCallback(() => {
    getCampaign(id).then(setCampaign, (e: unknown) => setMessage(errorText(e)));
    responseRates(id).then(setRates, (e: unknown) => setMessage(errorText(e)));
  }, [id]);
  useEffect(() => {
    refresh();
    const t = setInterval(refresh, 10_000);
    return () => clearInterval(t);
  }, [refresh]);

  const act = async (fn: () => Promise<{ queued: number; created: number }>, done: (r: { queued: number; created: number }) => string) => {
    try {
      setMessage(done(await fn()));
      refresh();
    } catch (err) {
      setMessage(errorText(err));
    }
  };

  const o = rates?.overall;
  return (
    <main className="page admin">
      <p><a href="/admin" onClick={(e) => { e.preventDefault(); back(); }}>← Các đợt khảo sát</a></p>
      <h1>{campaign?.name ?? 'Đợt khảo sát'}</h1>
      {campaign?.kind === 'sipas' ? <p><a href={`/admin/campaigns/${id}/fieldwork`}>Điều tra thực địa (Bưu điện): tài khoản, phân công, tiến độ, thù lao</a></p> : null}
      {campaign?.kind === 'sipas' ? <p><a href={`/admin/campaigns/${id}/plan`}>Kế hoạch chọn mẫu: chỉ tiêu đơn vị, địa bàn xã/ấp, nhập từ Excel</a></p> : null}
      {campaign?.kind === 'sipas' ? <p><a href={`/admin/campaigns/${id}/results`}>Kết quả SIPAS: theo đơn vị, theo quầy, theo ngày; duyệt phiếu nghi ngờ</a></p> : null}
      {message ? <p role="status" className="admin-message">{message}</p> : null}
      <ImportPanel campaignId={id} onImported={refresh} />
      {campaign?.kind === 'staff' ? <FocalPointsPanel campaignId={id} /> : null}
      <section className="admin-card">
        <h2>Gửi thư</h2>
        <div className="admin-actions">
          <button type="button" className="admin-primary" onClick={() => void act(() => sendInvitations(id), (r) => `Đã tạo ${r.created} thư mời, xếp hàng gửi ${r.queued} thư.`)}>Gửi thư mời</button>
          <button type="button" onClick={() => void act(() => remindNow(id), (r) => `Đã xếp hàng ${r.queued} thư nhắc.`)}>Nhắc ngay</button>
        </div>
      </section>
      {o && rates ? (
        <section className="admin-card">
          <h2>Tỷ lệ phản hồi: {o.rate.toFixed(2)}% ({o.completed}/{o.invited})</h2>
          <p>Đã gửi tới {o.delivered} · thư lỗi {o.bounced} · gửi không được {o.failed} · đã mở {o.opened} · đang trả lời {o.started} · mục tiêu {rates.targetRate}%</p>
          <p><a href={ratesCsvUrl(id)} download>Tải về CSV</a> · <a href={ratesXlsxUrl(id)} download>Tải về Excel</a></p>
          <DailyCurve days={rates.byDay} target={rates.targetRate} />
          <h3>Theo nhóm</h3>
          <table className="admin-table"><thead><tr><th>Nhóm</th><th>Đã mời</th><th>Đã trả lời</th><th>Tỷ lệ (%)</th></tr></thead>
            <tbody>{rates.byGroup.map((g) => <tr key={g.group} className={g.rate < rates.targetRate ? 'admin-below' : undefined}><td>{g.group}</td><td>{g.invited}</td><td>{g.completed}</td><td>{g.rate.toFixed(2)}</td></tr>)}</tbody></table>
          <h3>Theo đơn vị</h3>
          <RatesTable rows={rates.byUnit} target={rates.targetRate} />
        </section>
      ) : null}
    </main>
  );
}
