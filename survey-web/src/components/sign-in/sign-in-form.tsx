/**
 * The sign-in screen of the staff-facing pages (admin, fieldwork, results, supervision): email +
 * password against the one session API, in the chosen language; when no administrator exists yet
 * it says where the first-start link is.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '@/lib/api-client';
import { errorMessage, setLang, useLang, useT } from '@/lib/i18n';
import { login } from '@/lib/session';
import './sign-in.css';

interface Props {
  /** Heading pair; defaults to the administration's sign-in. */
  title?: string;
  titleEn?: string;
  /** The feature's page class (its layout and colours). */
  pageClass: string;
  onDone: () => void;
}

const text = (f: FormData, name: string): string => {
  const v = f.get(name);
  return typeof v === 'string' ? v : '';
};

export function SignInForm({ title = 'Đăng nhập quản trị', titleEn = 'Admin sign-in', pageClass, onDone }: Props) {
  const t = useT();
  const lang = useLang();
  const [error, setError] = useState<string | null>(null);
  const [setupNeeded, setSetupNeeded] = useState(false);
  useEffect(() => {
    api<{ needed: boolean }>('/api/v1/setup').then(
      (r) => setSetupNeeded(r.needed),
      () => undefined,
    );
  }, []);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    try {
      await login(text(f, 'email').trim(), text(f, 'password'));
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <main className={`page narrow ${pageClass}`}>
      <p className="sign-in-lang">
        <button type="button" lang={lang === 'vi' ? 'en' : 'vi'} onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
          {lang === 'vi' ? 'English' : 'Tiếng Việt'}
        </button>
      </p>
      <h1>{t(title, titleEn)}</h1>
      {setupNeeded ? (
        <p role="note" className="sign-in-setup">
          {t(
            'Chưa có tài khoản quản trị nào. Lần khởi động đầu tiên đã in một đường dẫn dùng một lần vào nhật ký máy chủ (dòng “first administrator”): mở đường dẫn đó để tạo tài khoản quản trị đầu tiên.',
            'No administrator account exists yet. The first start printed a one-time link in the server log (the “first administrator” line): open it to create the first administrator.',
          )}
        </p>
      ) : null}
      <form className="sign-in" onSubmit={(e) => void submit(e)}>
        <label>
          Email
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          {t('Mật khẩu', 'Password')}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error ? (
          <p className="sign-in-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="sign-in-submit">
          {t('Đăng nhập', 'Sign in')}
        </button>
      </form>
    </main>
  );
}
