import type { AccountSecret } from '@hailong/contracts';
import { useState, type FormEvent } from 'react';
import { api } from '@/lib/api-client';
import { formValue } from '@/lib/form-value';
import { errorMessage, useT } from '@/lib/i18n';

type Role = 'admin' | 'supervisor' | 'observer';

export function CreateAccountForm({ onCreated }: { onCreated: (s: AccountSecret, email: string) => void }) {
  const t = useT();
  const [role, setRole] = useState<Role>('admin');
  const [error, setError] = useState<string | null>(null);
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
          ...(role === 'admin' ? {} : { organisation: s('organisation') }),
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
        {role === 'admin' ? null : (
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
