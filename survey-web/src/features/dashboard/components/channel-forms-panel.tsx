/**
 * "Phiếu theo kênh": which stored SIPAS form the counter kiosks (full mode), the online form and the
 * enumerators use in this campaign. Changing a channel that already has responses asks first; the
 * server keeps the change in the audit log.
 */
import type { CampaignChannelForms, ChannelFormOption, ChannelForms } from '@hailong/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { errorMessage, fmtInt, useT } from '@/lib/i18n';
import { getChannelForms, saveChannelForms } from '../api/channel-forms-api';

type Channel = keyof ChannelForms;

function changedWithResponses(data: CampaignChannelForms, next: ChannelForms): Channel[] {
  const before = data.channelForms;
  const changed: Channel[] = [];
  if (before.kiosk !== next.kiosk) changed.push('kiosk');
  if (before.online !== next.online) changed.push('online');
  if (before.field.join('\n') !== next.field.join('\n')) changed.push('field');
  return changed.filter((ch) => data.responses[ch] > 0);
}

export function ChannelFormsPanel({ campaignId }: { campaignId: string }) {
  const t = useT();
  const [data, setData] = useState<CampaignChannelForms | null>(null);
  const [choice, setChoice] = useState<ChannelForms | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    getChannelForms(campaignId).then(
      (d) => {
        setData(d);
        setChoice(d.channelForms);
      },
      (e: unknown) => setMessage({ ok: false, text: errorMessage(e) }),
    );
  }, [campaignId]);

  const channelName: Record<Channel, string> = {
    kiosk: t('máy tại quầy', 'counter kiosks'),
    online: t('phiếu trực tuyến', 'online form'),
    field: t('điều tra viên', 'enumerators'),
  };
  const label = (o: ChannelFormOption) => `${o.code} · v${o.version} — ${t(o.title.vi, o.title.en)}`;

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!data || !choice) return;
    if (choice.field.length === 0)
      return setMessage({
        ok: false,
        text: t('Chọn ít nhất một phiếu cho điều tra viên.', 'Choose at least one enumerator form.'),
      });
    const risky = changedWithResponses(data, choice);
    if (risky.length > 0) {
      const counts = risky.map((ch) => `${channelName[ch]}: ${fmtInt(data.responses[ch])}`).join('; ');
      const ok = window.confirm(
        t(
          `Kênh đã có phiếu trả lời (${counts}). Phiếu mới sẽ dùng mẫu vừa chọn; phiếu đã nhận giữ nguyên và kết quả gộp theo nhóm tiêu chí. Thay đổi sẽ được ghi vào nhật ký. Tiếp tục?`,
          `These channels already have responses (${counts}). New responses will use the chosen form; stored ones stay as they are and results pool them by component. The change is kept in the audit log. Continue?`,
        ),
      );
      if (!ok) return;
    }
    setSaving(true);
    try {
      const saved = await saveChannelForms(campaignId, choice);
      setData(saved);
      setChoice(saved.channelForms);
      setMessage({ ok: true, text: t('Đã lưu phiếu theo kênh.', 'Forms by channel saved.') });
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    } finally {
      setSaving(false);
    }
  };

  const toggleField = (code: string, on: boolean) =>
    setChoice((c) => c && { ...c, field: on ? [...c.field, code] : c.field.filter((x) => x !== code) });

  return (
    <section className="admin-card" aria-labelledby="channel-forms-title" aria-busy={data === null && message === null}>
      <h2 id="channel-forms-title">{t('Phiếu theo kênh', 'Forms by channel')}</h2>
      {data === null && message === null ? <p>{t('Đang tải…', 'Loading…')}</p> : null}
      {data && data.options.length === 0 ? (
        <p>{t('Chưa có mẫu phiếu SIPAS nào được lưu.', 'No SIPAS form is stored yet.')}</p>
      ) : null}
      {data && choice && data.options.length > 0 ? (
        <form className="admin-form" onSubmit={(e) => void submit(e)}>
          <label>
            {t('Máy tại quầy (phiếu đầy đủ)', 'Counter kiosks (full form)')}
            <select name="kiosk" value={choice.kiosk} onChange={(e) => setChoice({ ...choice, kiosk: e.currentTarget.value })}>
              {data.options.map((o) => (
                <option key={o.code} value={o.code}>
                  {label(o)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('Phiếu trực tuyến (/o)', 'Online form (/o)')}
            <select name="online" value={choice.online} onChange={(e) => setChoice({ ...choice, online: e.currentTarget.value })}>
              {data.options.map((o) => (
                <option key={o.code} value={o.code}>
                  {label(o)}
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>{t('Điều tra viên (một hoặc nhiều phiếu)', 'Enumerators (one or more forms)')}</legend>
            {data.options.map((o) => (
              <label key={o.code}>
                <input
                  type="checkbox"
                  name="field"
                  value={o.code}
                  checked={choice.field.includes(o.code)}
                  onChange={(e) => toggleField(o.code, e.currentTarget.checked)}
                />{' '}
                {label(o)}
              </label>
            ))}
          </fieldset>
          <p className="admin-facts">
            {t('Phiếu đã nhận', 'Responses so far')}: {channelName.kiosk} {fmtInt(data.responses.kiosk)} · {channelName.online}{' '}
            {fmtInt(data.responses.online)} · {channelName.field} {fmtInt(data.responses.field)}
          </p>
          <button type="submit" disabled={saving}>
            {saving ? t('Đang lưu…', 'Saving…') : t('Lưu phiếu theo kênh', 'Save forms by channel')}
          </button>
        </form>
      ) : null}
      {message ? (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'admin-message' : 'admin-error'}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
