/**
 * Perception shares (e.g. an official caused trouble, money paid beyond the rules) and the
 * expectation items ranked by the share answering "rất nhiều" (issue 12), for the whole campaign or
 * one unit, from /sipas. Withheld shares read "< 5" or "ẩn" as elsewhere on the page (docs/0015).
 */
import type { CampaignSipas } from '@hailong/contracts';
import { useCallback, useEffect, useState } from 'react';
import { getSipas } from '../api/results-api';
import { WithheldText } from './withheld-text';
import { errorMessage, tr, useLang } from '@/lib/i18n';

type Share = CampaignSipas['overall']['perception'][number];
type Ranked = CampaignSipas['overall']['expectations'][number];
type Label = Share['label'];

/** A share of the campaign or of one unit; expectations carry their rank. */
type Row = Omit<Share, 'label'> & { rank?: Ranked['rank'] };

const ALL = '';

function ShareText({ s, minCell }: { s: Row; minCell: number }) {
  if (s.suppressed) return <WithheldText kind={s.suppressed} minCell={minCell} />;
  if (s.answered === 0) return <>{tr('chưa có câu trả lời', 'no answers')}</>;
  if (s.percent === null) return <>{tr('chưa đủ mẫu', 'not enough data')}</>;
  return <>{`${s.percent.toLocaleString(tr('vi-VN', 'en-GB'), { maximumFractionDigits: 2 })} %`}</>;
}

/** One table of shares: an item per row (with its rank first when `ranked`), its answers and its share. */
function ShareTable({
  name,
  caption,
  shareHeading,
  ranked = false,
  rows,
  labelOf,
  minCell,
}: {
  name: string;
  caption: string;
  shareHeading: string;
  ranked?: boolean;
  rows: Row[];
  labelOf: (code: string) => string;
  minCell: number;
}) {
  return (
    <div className="rs-scroll">
      <table className="rs-table" aria-label={name}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {ranked ? (
              <th scope="col" className="rs-num">
                {tr('Thứ hạng', 'Rank')}
              </th>
            ) : null}
            <th scope="col">{tr('Nội dung', 'Item')}</th>
            <th scope="col" className="rs-num">
              {tr('Số trả lời', 'Answers')}
            </th>
            <th scope="col" className="rs-num">
              {shareHeading}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.code}>
              {ranked ? <td className="rs-num">{s.rank ?? '—'}</td> : null}
              <th scope="row">{labelOf(s.code)}</th>
              <td className="rs-num">{s.answered.toLocaleString('vi-VN')}</td>
              <td className="rs-num">
                <ShareText s={s} minCell={minCell} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PerceptionPanel({ campaignId }: { campaignId: string }) {
  const lang = useLang();
  const [data, setData] = useState<CampaignSipas | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [unit, setUnit] = useState(ALL);
  const load = useCallback(async () => {
    try {
      setData(await getSipas(campaignId));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [campaignId]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- an asynchronous load: its state changes come after the await
    void load();
  }, [load]);

  if (error)
    return (
      <p role="alert" className="rs-error">
        {error}{' '}
        <button type="button" onClick={() => void load()}>
          {tr('Thử lại', 'Retry')}
        </button>
      </p>
    );
  if (!data)
    return (
      <p className="loading" role="status">
        {tr('Đang tải…', 'Loading…')}
      </p>
    );
  const labels = new Map<string, Label>([...data.overall.perception, ...data.overall.expectations].map((s) => [s.code, s.label]));
  const labelOf = (code: string) => {
    const l = labels.get(code);
    return l ? l[lang] : code;
  };
  const chosen = data.units.find((u) => u.unitCode === unit);
  const perception: Row[] = chosen ? chosen.perception : data.overall.perception;
  const expectations: Row[] = chosen ? chosen.expectations : data.overall.expectations;
  const answeredUnits = data.units.filter((u) => u.validForms > 0);
  const scope = chosen ? chosen.unitName : tr('toàn đợt khảo sát', 'the whole campaign');
  return (
    <div>
      <label className="rs-field">
        {tr('Phạm vi', 'Scope')}{' '}
        <select value={unit} onChange={(e) => setUnit(e.target.value)}>
          <option value={ALL}>
            {tr('Toàn đợt', 'Whole campaign')} ({data.overall.validForms.toLocaleString('vi-VN')} {tr('phiếu', 'forms')})
          </option>
          {answeredUnits.map((u) => (
            <option key={u.unitCode} value={u.unitCode}>
              {u.unitName} ({u.validForms.toLocaleString('vi-VN')} {tr('phiếu', 'forms')})
            </option>
          ))}
        </select>
      </label>
      {perception.length === 0 ? (
        <p className="rs-empty">
          {tr('Phiếu của đợt này không có câu hỏi cảm nhận.', 'The forms of this campaign ask no perception questions.')}
        </p>
      ) : (
        <ShareTable
          name={tr('Tỷ lệ cảm nhận', 'Perception shares')}
          caption={tr(`Tỷ lệ cảm nhận: ${scope}.`, `Perception shares: ${scope}.`)}
          shareHeading={tr('Tỷ lệ', 'Share')}
          rows={perception}
          labelOf={labelOf}
          minCell={data.minCell}
        />
      )}
      {expectations.length === 0 ? (
        <p className="rs-empty">
          {tr('Phiếu của đợt này không hỏi về mong đợi.', 'The forms of this campaign ask no expectation questions.')}
        </p>
      ) : (
        <ShareTable
          name={tr('Mong đợi', 'Expectations')}
          caption={tr(
            `Mong đợi xếp theo tỷ lệ trả lời «rất nhiều»: ${scope}.`,
            `Expectations ranked by the share answering "very much": ${scope}.`,
          )}
          shareHeading={tr('Rất nhiều', 'Very much')}
          ranked
          rows={expectations}
          labelOf={labelOf}
          minCell={data.minCell}
        />
      )}
    </div>
  );
}
