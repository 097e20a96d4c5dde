/** Log in on the phone and download the assignments and their forms (needs the network once). */
import { useState } from 'react';
import { errorText } from '@/lib/api-client';
import { fetchAssignments, login } from '../api/enumerator-api';
import { saveAssignments } from '../hooks/field-store';

export function LoginScreen({ onDone, again = false }: { onDone: () => void; again?: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <main className="e-page" lang="vi">
      <form
        className="e-login"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          setBusy(true);
          setError(null);
          login((f.get('email') as string | null) ?? '', (f.get('password') as string | null) ?? '')
            .then(() => fetchAssignments())
            .then((a) => {
              if (a.length === 0) {
                setError('Tài khoản chưa được phân công đơn vị nào. Hãy liên hệ người quản lý. (No assignments yet.)');
                return;
              }
              saveAssignments(a);
              onDone();
            })
            .catch((err: unknown) => setError(errorText(err)))
            .finally(() => setBusy(false));
        }}
      >
        <h1>
          Điều tra viên SIPAS{' '}
          <span lang="en" className="e-en">
            Enumerator
          </span>
        </h1>
        <p className="e-muted">
          {again
            ? 'Phiên đăng nhập đã hết hạn. Đăng nhập lại để gửi phiếu; các phiếu đã lưu vẫn còn trên máy.'
            : 'Đăng nhập khi có mạng để tải phân công và mẫu phiếu về máy. Sau đó có thể phỏng vấn không cần mạng.'}
        </p>
        <label htmlFor="e-email">Email</label>
        <input id="e-email" name="email" type="email" autoComplete="username" inputMode="email" required />
        <label htmlFor="e-password">Mật khẩu / Password</label>
        <input id="e-password" name="password" type="password" autoComplete="current-password" required />
        {error && (
          <p role="alert" className="e-error">
            {error}
          </p>
        )}
        <button type="submit" className="primary e-wide" disabled={busy}>
          {busy ? 'Đang đăng nhập…' : 'Đăng nhập / Log in'}
        </button>
      </form>
    </main>
  );
}
