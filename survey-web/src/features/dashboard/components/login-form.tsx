import { useState, type FormEvent } from 'react';
import { errorText } from '@/lib/api-client';

const field = (f: FormData, name: string): string => {
  const v = f.get(name);
  return typeof v === 'string' ? v : '';
};
import { login } from '../api/admin-api';

export function LoginForm({ onDone }: { onDone: () => void }) {
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
    <main className="page narrow admin">
      <h1>Đăng nhập quản trị</h1>
      <form className="admin-form" onSubmit={(e) => void submit(e)}>
        <label>Email<input name="email" type="email" autoComplete="username" required /></label>
        <label>Mật khẩu<input name="password" type="password" autoComplete="current-password" required /></label>
        {error ? <p className="sf-error" role="alert">{error}</p> : null}
        <button type="submit" className="admin-primary">Đăng nhập</button>
      </form>
    </main>
  );
}
