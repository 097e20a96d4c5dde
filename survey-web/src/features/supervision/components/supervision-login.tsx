import { useState, type FormEvent } from 'react';
import { errorText } from '@/lib/api-client';
import { login } from '../api/supervision-api';
import { formText } from './form-text';

export function SupervisionLogin({ onDone }: { onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    try {
      await login(formText(f, 'email'), formText(f, 'password', false));
      onDone();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <main className="page narrow sv">
      <h1>Đăng nhập giám sát <span lang="en">/ Supervisor sign-in</span></h1>
      <form className="sv-login" onSubmit={(e) => void submit(e)}>
        <label>Email<input name="email" type="email" autoComplete="username" required /></label>
        <label>Mật khẩu / Password<input name="password" type="password" autoComplete="current-password" required /></label>
        {error ? <p className="sv-error" role="alert">{error}</p> : null}
        <button type="submit" className="sv-primary">Đăng nhập / Sign in</button>
      </form>
    </main>
  );
}
