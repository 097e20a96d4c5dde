/**
 * "Tạo đợt khảo sát mới": the kind first (staff survey or SIPAS), then only that kind's settings.
 * Dates are typed dd/mm/yyyy (Vietnam time); the window closes at the end of the last day.
 */
import type { CampaignCreate } from '@hailong/contracts';
import { useState, type FormEvent } from 'react';
import { errorMessage, useT } from '@/lib/i18n';
import { createCampaign } from '../api/admin-api';
import { isoToVnDay, vnDayToIso } from './vn-date';

type Kind = CampaignCreate['kind'];
const val = (f: FormData, n: string): string => {
  const v = f.get(n);
  return typeof v === 'string' ? v.trim() : '';
};

function staffSettings(f: FormData): Record<string, unknown> {
  const days = val(f, 'reminderDays')
    .split(/[ ,;]+/)
    .filter(Boolean)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  return {
    reminderDays: days,
    maxReminders: days.length,
    targetRate: Number(val(f, 'targetRate') || 90),
    escalation: f.get('escalation') === 'on',
  };
}

function sipasSettings(f: FormData): Record<string, unknown> {
  const forms = f.getAll('forms').filter((v): v is string => typeof v === 'string');
  const kinds = [forms.includes('01') ? 'sipas_counter' : null, forms.includes('02') ? 'sipas_online' : null].filter(Boolean);
  return {
    forms,
    sipasKinds: kinds,
    componentMethod: val(f, 'componentMethod'),
    sipasMethod: val(f, 'sipasMethod'),
    minSample: Number(val(f, 'minSample') || 30),
    quickSatisfiedRule: val(f, 'quickSatisfiedRule'),
  };
}

export function CreateCampaignForm({ onCreated }: { onCreated: (id: string) => void }) {
  const t = useT();
  const [kind, setKind] = useState<Kind | null>(null);
  const [error, setError] = useState<string | null>(null);
  const year = new Date().getFullYear();

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!kind) return;
    const f = new FormData(e.currentTarget);
    const opensAt = vnDayToIso(val(f, 'opensAt'), false);
    const closesAt = vnDayToIso(val(f, 'closesAt'), true);
    if (!opensAt || !closesAt)
      return setError(t('Ngày phải có dạng ngày/tháng/năm, ví dụ 03/11/2021.', 'Dates must be day/month/year, e.g. 03/11/2021.'));
    const target = Number(val(f, 'targetPerUnit'));
    try {
      const { id } = await createCampaign({
        kind,
        name: val(f, 'name'),
        year: Number(val(f, 'year')),
        opensAt,
        closesAt,
        ...(kind === 'sipas' && target > 0 ? { targetPerUnit: target } : {}),
        settings: kind === 'staff' ? staffSettings(f) : sipasSettings(f),
      });
      onCreated(id);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <form className="admin-form" onSubmit={(e) => void submit(e)} aria-labelledby="create-title">
      <h2 id="create-title">{t('Tạo đợt khảo sát mới', 'New campaign')}</h2>
      <fieldset className="admin-kind">
        <legend>{t('Loại khảo sát', 'Kind of survey')}</legend>
        <label>
          <input type="radio" name="kind" value="staff" checked={kind === 'staff'} onChange={() => setKind('staff')} />
          {t('Khảo sát cán bộ, công chức, viên chức (qua email)', 'Staff survey (by email)')}
        </label>
        <label>
          <input type="radio" name="kind" value="sipas" checked={kind === 'sipas'} onChange={() => setKind('sipas')} />
          {t(
            'Khảo sát sự hài lòng SIPAS (quầy, trực tuyến, điều tra viên)',
            'Citizen satisfaction SIPAS (counters, online, enumerators)',
          )}
        </label>
      </fieldset>
      {kind ? (
        <>
          <label>
            {t('Tên đợt', 'Name')}
            <input name="name" required maxLength={200} />
          </label>
          <label>
            {t('Năm đánh giá', 'Year')}
            <input name="year" type="number" min={2000} max={2099} defaultValue={year} required />
          </label>
          <label>
            {t('Ngày bắt đầu (ngày/tháng/năm)', 'Opens (day/month/year)')}
            <input
              name="opensAt"
              required
              placeholder="03/11/2021"
              inputMode="numeric"
              defaultValue={isoToVnDay(new Date().toISOString())}
            />
          </label>
          <label>
            {t('Ngày kết thúc (ngày/tháng/năm)', 'Closes (day/month/year)')}
            <input name="closesAt" required placeholder="22/11/2021" inputMode="numeric" />
          </label>
          {kind === 'staff' ? <StaffFields /> : <SipasFields />}
          {error ? (
            <p role="alert" className="admin-error">
              {error}
            </p>
          ) : null}
          <button type="submit" className="admin-primary">
            {t('Tạo đợt khảo sát', 'Create campaign')}
          </button>
        </>
      ) : (
        <p>{t('Chọn loại khảo sát để thấy các thiết lập của loại đó.', 'Choose the kind to see its settings.')}</p>
      )}
    </form>
  );
}

function StaffFields() {
  const t = useT();
  return (
    <>
      <label>
        {t('Tỷ lệ phản hồi mục tiêu (%)', 'Target response rate (%)')}
        <input name="targetRate" type="number" min={0} max={100} defaultValue={90} />
      </label>
      <label>
        {t(
          'Nhắc lại sau (số ngày kể từ thư mời, cách nhau bởi dấu phẩy)',
          'Reminders after (days from the invitation, comma-separated)',
        )}
        <input name="reminderDays" defaultValue="3, 7, 10" />
      </label>
      <label className="admin-check">
        <input type="checkbox" name="escalation" defaultChecked />
        {t(
          'Gửi thư tổng hợp cho đầu mối CCHC của đơn vị trước đợt nhắc cuối',
          'Send each unit’s focal point a digest before the last reminder',
        )}
      </label>
    </>
  );
}

function SipasFields() {
  const t = useT();
  return (
    <>
      <fieldset>
        <legend>{t('Mẫu phiếu sử dụng', 'Forms in use')}</legend>
        <label className="admin-check">
          <input type="checkbox" name="forms" value="01" defaultChecked />
          {t('Mẫu 01/2021-TT (tại quầy, điều tra viên)', 'Form 01/2021-TT (counter, enumerators)')}
        </label>
        <label className="admin-check">
          <input type="checkbox" name="forms" value="02" defaultChecked />
          {t('Mẫu 02/2021-DVCTT (dịch vụ công trực tuyến)', 'Form 02/2021-DVCTT (online services)')}
        </label>
        <label className="admin-check">
          <input type="checkbox" name="forms" value="quick" defaultChecked />
          {t('Phiếu nhanh tại quầy (5 mức)', 'Quick counter rating (5 levels)')}
        </label>
      </fieldset>
      <label>
        {t('Số phiếu mục tiêu mỗi đơn vị', 'Sample target per unit')}
        <input name="targetPerUnit" type="number" min={0} defaultValue={50} />
      </label>
      <label>
        {t('Cách tính chỉ số thành phần', 'Component index method')}
        <select name="componentMethod" defaultValue="mean_of_items">
          <option value="mean_of_items">{t('Trung bình các câu hỏi', 'Mean of the items')}</option>
          <option value="pooled">{t('Gộp tất cả câu trả lời', 'Pooled answers')}</option>
        </select>
      </label>
      <label>
        {t('Cách tính SIPAS', 'SIPAS method')}
        <select name="sipasMethod" defaultValue="mean_of_components">
          <option value="mean_of_components">{t('Trung bình các chỉ số thành phần', 'Mean of the components')}</option>
          <option value="overall_question">{t('Câu hỏi hài lòng chung', 'The overall satisfaction question')}</option>
        </select>
      </label>
      <label>
        {t('Số phiếu tối thiểu để công bố một đơn vị', 'Minimum forms to publish a unit')}
        <input name="minSample" type="number" min={1} defaultValue={30} />
      </label>
      <label>
        {t('Phiếu nhanh: thế nào là hài lòng', 'Quick form: what counts as satisfied')}
        <select name="quickSatisfiedRule" defaultValue="overall_in_4_5">
          <option value="overall_in_4_5">{t('Câu chung ở mức 4–5', 'Overall question at 4–5')}</option>
          <option value="mean_ge_4">{t('Điểm trung bình từ 4 trở lên', 'Mean of 4 or more')}</option>
          <option value="all_in_4_5">{t('Mọi câu ở mức 4–5', 'Every question at 4–5')}</option>
        </select>
      </label>
    </>
  );
}
