/** The only keyboard on the kiosk: staff type (or scan, via ?code=) the one-time pairing code. */
import { useEffect, useState } from 'react';
import type { KioskPaired } from '@hailong/contracts';
import { errorText } from '@/lib/api-client';
import { pairKiosk } from '../api/kiosk-api';

export function PairingScreen({ onPaired }: { onPaired: (d: KioskPaired) => void }) {
  const [code, setCode] = useState(() => new URLSearchParams(window.location.search).get('code') ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (value: string) => {
    setBusy(true);
    setError(null);
    try {
      onPaired(await pairKiosk(value));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  // A QR link carries the code: pair once on mount. `submit` shows "busy" at once, on purpose.
  useEffect(() => {
    const fromQr = new URLSearchParams(window.location.search).get('code');
    // eslint-disable-next-line react-hooks/set-state-in-effect -- pairing from the QR code starts at mount
    if (fromQr) void submit(fromQr);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, at mount
  }, []);

  return (
    <main className="k-screen k-pairing">
      <h1>Ghép nối máy tính bảng</h1>
      <p>
        Nhập mã ghép nối do quản trị viên cấp (hiệu lực 15 phút).{' '}
        <span lang="en">Enter the pairing code from the administrator.</span>
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit(code);
        }}
      >
        <label htmlFor="k-code">Mã ghép nối</label>
        <input
          id="k-code"
          value={code}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          minLength={4}
        />
        <button type="submit" className="k-primary" disabled={busy}>
          Ghép nối
        </button>
      </form>
      {error ? (
        <p role="alert" className="k-error">
          {error}
        </p>
      ) : null}
    </main>
  );
}
