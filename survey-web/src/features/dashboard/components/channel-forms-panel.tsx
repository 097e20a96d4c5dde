/**
 * "Phiếu theo kênh": which stored SIPAS form the counter kiosks (full mode), the online form and the
 * enumerators use in this campaign. Changing a channel that already has responses asks first; the
 * server keeps the change in the audit log.
 */
import type { CampaignChannelForms, ChannelFormOption, ChannelForms } from '@hailong/contracts';
import type { FormEvent } from 'react';
import { fmtInt, useT } from '@/lib/i18n';
import { SettingCard } from './setting-card';
import { getChannelForms, saveChannelForms } from '../api/channel-forms-api';
import { useCampaignSetting, type CampaignSetting } from '../hooks/use-campaign-setting';

type Channel = keyof ChannelForms;

function changedWithResponses(data: CampaignChannelForms, next: ChannelForms): Channel[] {
  const before = data.channelForms;
  const changed: Channel[] = [];
  if (before.kiosk !== next.kiosk) changed.push('kiosk');
  if (before.online !== next.online) changed.push('online');
  if (before.field.join('\n') !== next.field.join('\n')) changed.push('field');
  return changed.filter((ch) => data.responses[ch] > 0);
}

const channelFormsSetting: CampaignSetting<CampaignChannelForms, ChannelForms> = {
  get: getChannelForms,
  save: saveChannelForms,
  choiceOf: (d) => d.channelForms,
};

export function ChannelFormsPanel({ campaignId }: { campaignId: string }) {
  const t = useT();
  const { data, choice, setChoice, message, saving, loading, save } = useCampaignSetting(campaignId, channelFormsSetting);

  const channelName: Record<Channel, string> = {
    kiosk: t('máy tại quầy', 'counter kiosks'),
    online: t('phiếu trực tuyến', 'online form'),
    field: t('điều tra viên', 'enumerators'),
  };
  const label = (o: ChannelFormOption) => `${o.code} · v${o.version} — ${t(o.title.vi, o.title.en)}`;

  /** At least one enumerator form; a channel that already has responses changes only if the user agrees. */
  const check = (current: CampaignChannelForms, next: ChannelForms) => {
    if (next.field.length === 0) return t('Chọn ít nhất một phiếu cho điều tra viên.', 'Choose at least one enumerator form.');
    const risky = changedWithResponses(current, next);
    if (risky.length === 0) return true;
    const counts = risky.map((ch) => `${channelName[ch]}: ${fmtInt(current.responses[ch])}`).join('; ');
    return window.confirm(
      t(
        `Kênh đã có phiếu trả lời (${counts}). Phiếu mới sẽ dùng mẫu vừa chọn; phiếu đã nhận giữ nguyên và kết quả gộp theo nhóm tiêu chí. Thay đổi sẽ được ghi vào nhật ký. Tiếp tục?`,
        `These channels already have responses (${counts}). New responses will use the chosen form; stored ones stay as they are and results pool them by component. The change is kept in the audit log. Continue?`,
      ),
    );
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void save(t('Đã lưu phiếu theo kênh.', 'Forms by channel saved.'), check);
  };

  const toggleField = (code: string, on: boolean) =>
    setChoice((c) => c && { ...c, field: on ? [...c.field, code] : c.field.filter((x) => x !== code) });

  return (
    <SettingCard id="channel-forms-title" title={t('Phiếu theo kênh', 'Forms by channel')} loading={loading} message={message}>
      {data && data.options.length === 0 ? (
        <p>{t('Chưa có mẫu phiếu SIPAS nào được lưu.', 'No SIPAS form is stored yet.')}</p>
      ) : null}
      {data && choice && data.options.length > 0 ? (
        <form className="admin-form" onSubmit={submit}>
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
    </SettingCard>
  );
}
