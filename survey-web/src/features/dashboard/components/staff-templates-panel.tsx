/**
 * "Mẫu phiếu theo nhóm": which stored staff template each respondent group (T1–T6) answers in this
 * campaign, an imported one included. A group whose invitations were sent keeps its template (each
 * invitation points to its form); the server keeps every change in the audit log.
 */
import type { CampaignStaffTemplates, StaffGroup, StaffTemplateOption, StaffTemplates } from '@hailong/contracts';
import type { FormEvent } from 'react';
import { fmtInt, useT } from '@/lib/i18n';
import { SettingCard } from './setting-card';
import { getStaffTemplates, saveStaffTemplates } from '../api/staff-templates-api';
import { useCampaignSetting, type CampaignSetting } from '../hooks/use-campaign-setting';

const GROUPS: StaffGroup[] = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6'];

const staffTemplatesSetting: CampaignSetting<CampaignStaffTemplates, StaffTemplates> = {
  get: getStaffTemplates,
  save: saveStaffTemplates,
  choiceOf: (d) => d.staffTemplates,
};

export function StaffTemplatesPanel({ campaignId }: { campaignId: string }) {
  const t = useT();
  const { data, choice, setChoice, message, saving, loading, save } = useCampaignSetting(campaignId, staffTemplatesSetting);
  const label = (o: StaffTemplateOption) => `${o.code} · v${o.version} — ${t(o.title.vi, o.title.en)}`;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void save(t('Đã lưu mẫu phiếu theo nhóm.', 'Templates by group saved.'));
  };

  return (
    <SettingCard
      id="staff-templates-title"
      title={t('Mẫu phiếu theo nhóm', 'Templates by group')}
      loading={loading}
      message={message}
    >
      {data && data.options.length === 0 ? (
        <p>{t('Chưa có mẫu phiếu cán bộ, công chức nào được lưu.', 'No staff template is stored yet.')}</p>
      ) : null}
      {data && choice && data.options.length > 0 ? (
        <form className="admin-form" onSubmit={submit}>
          {GROUPS.map((g) => {
            const options = data.options.filter((o) => o.group === g);
            const invited = data.invited[g];
            return (
              <label key={g}>
                {t(`Nhóm ${g}`, `Group ${g}`)}
                {invited > 0
                  ? ` — ${t(`đã gửi ${fmtInt(invited)} thư mời, giữ mẫu hiện tại`, `${fmtInt(invited)} invited, template kept`)}`
                  : ''}
                <select
                  name={g}
                  value={choice[g]}
                  disabled={invited > 0 || options.length === 0}
                  onChange={(e) => setChoice({ ...choice, [g]: e.currentTarget.value })}
                >
                  {options.some((o) => o.code === choice[g]) ? null : (
                    <option value={choice[g]}>{t(`${choice[g]} (chưa lưu)`, `${choice[g]} (not stored)`)}</option>
                  )}
                  {options.map((o) => (
                    <option key={o.code} value={o.code}>
                      {label(o)}
                    </option>
                  ))}
                </select>
              </label>
            );
          })}
          <p className="admin-facts">
            {t(
              'Thư mời gửi sau khi lưu dùng mẫu vừa chọn; nhóm đã gửi thư mời không đổi được mẫu.',
              'Invitations sent after saving use the chosen template; a group already invited cannot change.',
            )}
          </p>
          <button type="submit" disabled={saving}>
            {saving ? t('Đang lưu…', 'Saving…') : t('Lưu mẫu phiếu theo nhóm', 'Save templates by group')}
          </button>
        </form>
      ) : null}
    </SettingCard>
  );
}
