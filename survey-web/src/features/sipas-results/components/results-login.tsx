import { useState, type FormEvent } from 'react';
import { errorText } from '@/lib/api-client';
import { login } from '../api/results-api';

const field = (f: FormData, name: string): string => {
  const v = f.get(name);
  return typeof v === 'string' ? v : '';
};

export function ResultsLogin({ onDone }: { onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    try {
      await login(field(f, 'email'), field(f, 'password'));
      onDone();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <main className="page narrow rs">
      <h1>Đăng nhập quản trị <span lang="en">/ Admin sign-in</span></h1>
      <form className="rs-login" onSubmit={(e) => void submit(e)}>
        <label>Email<input name="email" type="email" autoComplete="username" required /></label>
        <label>Mật khẩu / Password<input name="password" type="password" autoComplete="current-password" required /></label>
        {error ? <p className="rs-error" role="alert">{error}</p> : null}
        <button type="submit" className="rs-primary">Đăng nhập / Sign in</button>
      </form>
    </main>
  );
}
