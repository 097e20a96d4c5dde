/** The organisations (MTTQ, Hội CCB) whose supervisors and observers may watch this campaign. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { errorText } from '@/lib/api-client';
import { addCampaignSupervisor, listCampaignSupervisors } from '../api/fieldwork-api';
import { formText } from './form-text';

export function SupervisorsPanel({ campaignId }: { campaignId: string }) {
  const [orgs, setOrgs] = useState<Array<{ id: number; name: string }>>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const load = useCallback(() => listCampaignSupervisors(campaignId).then((r) => setOrgs(r.organisations), (e: unknown) => setMessage({ ok: false, text: errorText(e) })), [campaignId]);
  useEffect(() => void load(), [load]);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const name = formText(new FormData(form), 'organisation');
    try {
      await addCampaignSupervisor(campaignId, name);
      setMessage({ ok: true, text: `${name} đã được giao giám sát đợt này. (Organisation added.)` });
      form.reset();
      await load();
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    }
  };
  return (
    <section className="fw-card" aria-labelledby="fw-supervising">
      <h2 id="fw-supervising">Tổ chức giám sát đợt này <span lang="en">/ Supervising organisations</span></h2>
      {orgs.length === 0 ? <p className="fw-empty">Chưa có tổ chức nào giám sát; giám sát viên chưa xem được đợt này. <span lang="en">(None yet.)</span></p>
        : <ul>{orgs.map((o) => <li key={o.id}>{o.name}</li>)}</ul>}
      <form className="fw-form fw-inline" onSubmit={(e) => void submit(e)}>
        <label>Tên tổ chức / Organisation<input name="organisation" required placeholder="Ủy ban MTTQ tỉnh" /></label>
        <button type="submit">Thêm / Add</button>
      </form>
      {message ? <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'fw-ok' : 'fw-error'}>{message.text}</p> : null}
    </section>
  );
}
