/** The organisations (MTTQ, Hội CCB) whose supervisors and observers may watch this campaign. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { errorMessage, tr } from '@/lib/i18n';
import { addCampaignSupervisor, listCampaignSupervisors } from '../api/fieldwork-api';
import { formText } from './form-text';

export function SupervisorsPanel({ campaignId }: { campaignId: string }) {
  const [orgs, setOrgs] = useState<Array<{ id: number; name: string }>>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const load = useCallback(
    () =>
      listCampaignSupervisors(campaignId).then(
        (r) => setOrgs(r.organisations),
        (e: unknown) => setMessage({ ok: false, text: errorMessage(e) }),
      ),
    [campaignId],
  );
  useEffect(() => void load(), [load]);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const name = formText(new FormData(form), 'organisation');
    try {
      await addCampaignSupervisor(campaignId, name);
      setMessage({ ok: true, text: tr(`${name} đã được giao giám sát đợt này.`, `${name} now supervises this campaign.`) });
      form.reset();
      await load();
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    }
  };
  return (
    <section className="fw-card" aria-labelledby="fw-supervising">
      <h2 id="fw-supervising">{tr('Tổ chức giám sát đợt này', 'Supervising organisations')}</h2>
      {orgs.length === 0 ? (
        <p className="fw-empty">{tr('Chưa có tổ chức nào giám sát; giám sát viên chưa xem được đợt này.', 'None yet.')}</p>
      ) : (
        <ul>
          {orgs.map((o) => (
            <li key={o.id}>{o.name}</li>
          ))}
        </ul>
      )}
      <form className="fw-form fw-inline" onSubmit={(e) => void submit(e)}>
        <label>
          {tr('Tên tổ chức', 'Organisation')}
          <input name="organisation" required placeholder="Ủy ban MTTQ tỉnh" />
        </label>
        <button type="submit">{tr('Thêm', 'Add')}</button>
      </form>
      {message ? (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'fw-ok' : 'fw-error'}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
