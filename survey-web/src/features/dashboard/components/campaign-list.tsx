import type { Campaign } from '@hailong/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { errorText } from '@/lib/api-client';

const field = (f: FormData, name: string): string => {
  const v = f.get(name);
  return typeof v === 'string' ? v : '';
};
import { createCampaign, listCampaigns } from '../api/admin-api';

const STATUS: Record<Campaign['status'], string> = { open: 'Đang mở', scheduled: 'Chưa mở', closed: 'Đã đóng' };

export function CampaignList({ open }: { open: (id: string) => void }) {
  const [campaigns, setCampaigns] = useState<Campaign[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => listCampaigns().then((r) => setCampaigns(r.campaigns), (e: unknown) => setError(errorText(e)));
  useEffect(() => void load(), []);

  const create = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const days = field(f, 'reminderDays').split(/[ ,;]+/).filter(Boolean).map(Number);
    try {
      const { id } = await createCampaign({
        kind: 'staff',
        name: field(f, 'name'),
        year: Number(f.get('year')),
        opensAt: new Date(field(f, 'opensAt')).toISOString(),
        closesAt: new Date(field(f, 'closesAt')).toISOString(),
        settings: { reminderDays: days, maxReminders: days.length, targetRate: Number(f.get('targetRate') || 90) },
      });
      open(id);
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <main className="page admin">
      <nav aria-label="Quản trị"><a href="/admin/kiosks">Máy tính bảng tại quầy (kiosk)</a> · <a href="/admin/units">Danh mục đơn vị (sắp xếp, sáp nhập)</a></nav>
      <h1>Khảo sát cán bộ, công chức qua email</h1>
      {error ? <p className="sf-error" role="alert">{error}</p> : null}
      <h2>Các đợt khảo sát</h2>
      {campaigns === null ? <p role="status">Đang tải…</p> : null}
      <ul className="admin-list">
        {campaigns?.filter((c) => c.kind === 'staff').map((c) => (
          <li key={c.id}>
            <a href={`/admin/campaigns/${c.id}`} onClick={(e) => { e.preventDefault(); open(c.id); }}>{c.name}</a> · {c.year} · {STATUS[c.status]}
          </li>
        ))}
      </ul>
      <h2>Tạo đợt khảo sát mới</h2>
      <form className="admin-form" onSubmit={(e) => void create(e)}>
        <label>Tên đợt<input name="name" required maxLength={200} /></label>
        <label>Năm<input name="year" type="number" defaultValue={new Date().getFullYear()} required /></label>
        <label>Bắt đầu<input name="opensAt" type="datetime-local" required /></label>
        <label>Kết thúc<input name="closesAt" type="datetime-local" required /></label>
        <label>Nhắc lại sau (ngày, cách nhau bởi dấu phẩy)<input name="reminderDays" defaultValue="3, 7, 10" /></label>
        <label>Tỷ lệ phản hồi mục tiêu (%)<input name="targetRate" type="number" min={0} max={100} defaultValue={90} /></label>
        <button type="submit" className="admin-primary">Tạo đợt khảo sát</button>
      </form>
    </main>
  );
}
