/** Remuneration: valid forms × rate per form, previewed on screen and downloaded as XLSX for payment. */
import type { Remuneration } from '@hailong/contracts';
import { useState } from 'react';
import { errorMessage, tr } from '@/lib/i18n';
import { remuneration, remunerationXlsxUrl } from '../api/fieldwork-api';

const vnd = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

export function RemunerationPanel({ campaignId }: { campaignId: string }) {
  const [rate, setRate] = useState('25000');
  const [report, setReport] = useState<Remuneration | null>(null);
  const [error, setError] = useState<string | null>(null);
  const valid = rate !== '' && Number(rate) >= 0;
  const preview = async () => {
    setError(null);
    try {
      setReport(await remuneration(campaignId, Number(rate)));
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <section className="fw-card" aria-labelledby="fw-pay">
      <h2 id="fw-pay">{tr('Thù lao điều tra viên', 'Remuneration')}</h2>
      <div className="fw-form fw-inline">
        <label>
          {tr('Đơn giá (đồng/phiếu hợp lệ)', 'Rate per valid form (VND)')}
          <input
            type="number"
            min={0}
            step={1000}
            value={rate}
            onChange={(e) => {
              setRate(e.target.value);
              setReport(null);
            }}
          />
        </label>
        <button type="button" disabled={!valid} onClick={() => void preview()}>
          {tr('Xem trước', 'Preview')}
        </button>
        {valid ? (
          <a className="fw-button-link" href={remunerationXlsxUrl(campaignId, Number(rate))} download>
            {tr('Tải Excel (.xlsx)', 'Download Excel (.xlsx)')}
          </a>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="fw-error">
          {error}
        </p>
      ) : null}
      {report && report.rows.length === 0 ? (
        <p className="fw-empty">{tr('Chưa có điều tra viên nào được giao địa bàn.', 'No enumerators assigned.')}</p>
      ) : null}
      {report && report.rows.length > 0 ? (
        <table className="fw-table" data-testid="fw-remuneration">
          <caption>
            {tr(`Bảng thù lao, đơn giá ${vnd(report.rate)} đồng/phiếu`, `Remuneration at ${vnd(report.rate)} VND per form`)}
          </caption>
          <thead>
            <tr>
              <th scope="col">STT</th>
              <th scope="col">Họ và tên</th>
              <th scope="col">Tổ chức</th>
              <th scope="col">Phiếu hợp lệ</th>
              <th scope="col">Thành tiền (đồng)</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r, i) => (
              <tr key={r.enumeratorId}>
                <td>{i + 1}</td>
                <td>{r.fullName}</td>
                <td>{r.organisation ?? '—'}</td>
                <td>{r.validForms}</td>
                <td>{vnd(r.amount)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                {tr('Tổng cộng', 'Total')}
              </th>
              <td>{report.totals.validForms}</td>
              <td>{vnd(report.totals.amount)}</td>
            </tr>
          </tfoot>
        </table>
      ) : null}
    </section>
  );
}
