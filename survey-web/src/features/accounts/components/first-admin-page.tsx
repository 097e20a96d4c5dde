/** /setup#<token> — the first administrator creates their account with the link printed at start. */
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '@/lib/api-client';
import { formValue } from '@/lib/form-value';
import { errorMessage, useT } from '@/lib/i18n';
import '@/app/admin.css';

export default function FirstAdminPage() {
  const t = useT();
  const token = window.location.hash.replace(/^#/, '');
  const [needed, setNeeded] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ needed: boolean }>('/api/v1/setup').then(
      (r) => setNeeded(r.needed),
      (e: unknown) => setError(errorMessage(e)),
    );
  }, []);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const s = (n: string) => formValue(f, n);
    try {
      await api('/api/v1/setup', {
        body: { token, email: s('email').trim(), fullName: s('fullName').trim(), password: s('password') },
      });
      window.location.assign('/admin');
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <main className="page narrow admin">
      <h1>{t('Tạo tài khoản quản trị đầu tiên', 'Create the first administrator')}</h1>
      {needed === false ? (
        <p role="alert">
          {t('Đã có quản trị viên. ', 'An administrator exists already. ')}
          <a href="/admin">{t('Đăng nhập', 'Sign in')}</a>
        </p>
      ) : null}
      {needed && !token ? (
        <p role="alert">
          {t(
            'Hãy mở đúng đường dẫn được in trong nhật ký máy chủ khi khởi động.',
            'Open the exact link printed in the server log at start.',
          )}
        </p>
      ) : null}
      {needed && token ? (
        <form className="admin-form" onSubmit={(e) => void submit(e)}>
          <label>
            {t('Họ tên', 'Full name')}
            <input name="fullName" required maxLength={200} autoComplete="name" />
          </label>
          <label>
            Email
            <input name="email" type="email" required autoComplete="username" />
          </label>
          <label>
            {t('Mật khẩu (ít nhất 10 ký tự)', 'Password (at least 10 characters)')}
            <input name="password" type="password" required minLength={10} autoComplete="new-password" />
          </label>
          <button type="submit" className="admin-primary">
            {t('Tạo tài khoản và đăng nhập', 'Create and sign in')}
          </button>
        </form>
      ) : null}
      {error ? (
        <p role="alert" className="admin-error">
          {error}
        </p>
      ) : null}
    </main>
  );
}
