/**
 * The one-time pairing code of a kiosk, in large type and as a QR code of `/k?code=<code>` on the
 * current origin (the tablet's camera opens it and pairs by itself), with the 15-minute countdown.
 */
import { useEffect, useRef, useState } from 'react';
import QRCode from 'qrcode';
import type { PairingCode } from '@hailong/contracts';
import { pairUrl } from '../api/kiosk-admin-api';
import { countdown } from './relative-time';
import { tr } from '@/lib/i18n';

export const QR_OPTIONS = { type: 'svg', margin: 1, width: 240 } as const;

export interface PairingShown extends PairingCode {
  label: string;
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

export function PairingPanel({ pairing, onClose }: { pairing: PairingShown; onClose: () => void }) {
  const url = pairUrl(pairing.pairingCode);
  const [qr, setQr] = useState('');
  const now = useNow(1_000);
  const heading = useRef<HTMLHeadingElement>(null);
  // The form that asked for the code is further down the page: bring the code into view.
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start' });
  }, [pairing.pairingCode]);
  const left = new Date(pairing.pairingExpiresAt).getTime() - now;
  useEffect(() => {
    // SVG (a pure function of the text, so a test can recompute it) rather than a canvas PNG.
    QRCode.toString(url, QR_OPTIONS).then(
      (svg) => setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
      () => setQr(''),
    );
  }, [url]);
  return (
    <section className="ka-card ka-pairing" aria-labelledby="ka-pairing-title">
      <h2 id="ka-pairing-title" ref={heading} tabIndex={-1}>
        {tr('Mã ghép nối cho', 'Pairing code for')} {pairing.label}
      </h2>
      <p>
        {tr(
          'Trên máy tính bảng, mở /k và nhập mã, hoặc quét mã QR.',
          'Open /k on the tablet and enter the code, or scan the QR code.',
        )}
      </p>
      <div className="ka-pairing-body">
        <div>
          <p
            className="ka-code"
            data-testid="pairing-code"
            aria-label={`${tr('Mã ghép nối', 'Pairing code')} ${pairing.pairingCode.split('').join(' ')}`}
          >
            {pairing.pairingCode}
          </p>
          {left > 0 ? (
            <p role="timer" aria-live="off">
              {tr('Hết hạn sau', 'Expires in')} <strong>{countdown(left)}</strong> ({tr('dùng một lần', 'single use')})
            </p>
          ) : (
            <p className="ka-error" role="alert">
              {tr('Mã đã hết hạn. Bấm “Ghép nối lại” để lấy mã mới.', 'The code has expired.')}
            </p>
          )}
          <p className="ka-url">
            <a href={url} target="_blank" rel="noreferrer" data-testid="pair-url">
              {url}
            </a>
          </p>
        </div>
        {qr ? (
          <img
            src={qr}
            width={240}
            height={240}
            alt={`${tr('Mã QR để ghép nối', 'QR code to pair')}: ${url}`}
            data-testid="pairing-qr"
            data-url={url}
          />
        ) : null}
      </div>
      <button type="button" onClick={onClose}>
        {tr('Đóng', 'Close')}
      </button>
    </section>
  );
}
