import type { AccountSecret, Unit } from '@hailong/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '@/lib/api-client';
import { formValue } from '@/lib/form-value';
import { errorMessage, useT } from '@/lib/i18n';

type Role = 'admin' | 'supervisor' | 'observer' | 'focal_point';

export function CreateAccountForm({ onCreated }: { onCreated: (s: AccountSecret, email: string) => void }) {
  const t = useT();
  const [role, setRole] = useState<Role>('admin');
  const [error, setError] = useState<string | null>(null);
  const [units, setUnits] = useState<Unit[] | null>(null);
  useEffect(() => {
    if (role !== 'focal_point' || units) return;
    api<{ units: Unit[] }>('/api/v1/units').then(
      (r) => setUnits(r.units),
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [role, units]);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const s = (n: string) => formValue(f, n);
    try {
      const r = await api<AccountSecret>('/api/v1/users', {
        body: {
          email: s('email'),
          fullName: s('fullName'),
          role,
          ...(role === 'admin' ? {} : role === 'focal_point' ? { unitCode: s('unitCode') } : { organisation: s('organisation') }),
        },
      });
      setError(null);
      onCreated(r, s('email'));
      form.reset();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <section className="admin-card" aria-labelledby="new-account-title">
      <h2 id="new-account-title">{t('Tạo tài khoản', 'New account')}</h2>
      <form className="admin-form" onSubmit={(e) => void submit(e)}>
        <label>
          {t('Vai trò', 'Role')}
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <option value="admin">{t('Cán bộ Sở Nội vụ (quản trị)', 'Sở Nội vụ staff (admin)')}</option>
            <option value="supervisor">{t('Giám sát viên (MTTQ, Hội CCB)', 'Supervisor (Fatherland Front, Veterans)')}</option>
            <option value="observer">{t('Quan sát viên (chỉ xem)', 'Observer (read only)')}</option>
            <option value="focal_point">{t('Đầu mối CCHC của đơn vị', 'Unit focal point')}</option>
          </select>
        </label>
        <label>
          {t('Họ tên', 'Full name')}
          <input name="fullName" required maxLength={200} />
        </label>
        <label>
          Email
          <input name="email" type="email" required maxLength={254} autoComplete="off" />
        </label>
        {role === 'focal_point' ? (
          <label>
            {t('Đơn vị', 'Unit')}
            <select name="unitCode" required defaultValue="">
              <option value="" disabled>
                {units ? t('— Chọn đơn vị —', '— Choose a unit —') : t('Đang tải…', 'Loading…')}
              </option>
              {units?.map((u) => (
                <option key={u.code} value={u.code}>
                  {u.code} · {u.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {role === 'admin' || role === 'focal_point' ? null : (
          <label>
            {t('Tổ chức', 'Organisation')}
            <input name="organisation" required maxLength={200} placeholder="Ủy ban MTTQ tỉnh" />
          </label>
        )}
        {error ? (
          <p role="alert" className="admin-error">
            {error}
          </p>
        ) : null}
        <button type="submit" className="admin-primary">
          {t('Tạo tài khoản', 'Create account')}
        </button>
      </form>
    </section>
  );
}
