/**
 * The sign-in screen of the staff-facing pages (admin dashboard, fieldwork, results, supervision):
 * email + password against the one session API; the page says who it is for.
 */
import { useState, type FormEvent } from 'react';
import { errorText } from '@/lib/api-client';
import { login } from '@/lib/session';
import './sign-in.css';

interface Props {
  /** Vietnamese heading, e.g. "Đăng nhập quản trị"; `titleEn` follows it. */
  title: string;
  titleEn: string;
  /** The feature's page class (its layout and colours). */
  pageClass: string;
  onDone: () => void;
}

const text = (f: FormData, name: string): string => {
  const v = f.get(name);
  return typeof v === 'string' ? v : '';
};

export function SignInForm({ title, titleEn, pageClass, onDone }: Props) {
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    try {
      await login(text(f, 'email').trim(), text(f, 'password'));
      onDone();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <main className={`page narrow ${pageClass}`}>
      <h1>{title} <span lang="en">/ {titleEn}</span></h1>
      <form className="sign-in" onSubmit={(e) => void submit(e)}>
        <label>Email<input name="email" type="email" autoComplete="username" required /></label>
        <label>Mật khẩu / Password<input name="password" type="password" autoComplete="current-password" required /></label>
        {error ? <p className="sign-in-error" role="alert">{error}</p> : null}
        <button type="submit" className="sign-in-submit">Đăng nhập / Sign in</button>
      </form>
    </main>
  );
}
