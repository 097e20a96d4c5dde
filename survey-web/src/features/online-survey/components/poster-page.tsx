/** /o/<unitCode>/poster: a printable A4 poster with the QR code of the unit's online form (`?print=1` opens the print dialog). */
import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import type { OnlineFormInfo } from '@hailong/contracts';
import { api } from '@/lib/api-client';
import '../online.css';

export default function PosterPage({ params }: { params: Record<string, string> }) {
  const unitCode = params.unitCode ?? '';
  const url = `${window.location.origin}/o/${encodeURIComponent(unitCode)}`;
  const [qr, setQr] = useState<string>('');
  const [unitName, setUnitName] = useState('');
  useEffect(() => {
    void QRCode.toDataURL(url, { width: 640, margin: 1 }).then(setQr);
    api<OnlineFormInfo>(`/api/v1/o/${encodeURIComponent(unitCode)}`).then(
      (i) => setUnitName(i.unitName),
      () => undefined,
    );
  }, [url, unitCode]);
  const autoPrint = new URLSearchParams(window.location.search).get('print') === '1';
  useEffect(() => {
    if (autoPrint && qr && unitName) window.print();
  }, [autoPrint, qr, unitName]);
  return (
    <main className="o-poster" lang="vi">
      <p className="o-poster-tools">
        <button type="button" onClick={() => window.print()}>
          In áp phích
        </button>
      </p>
      <h1>Ông/Bà hài lòng với dịch vụ công trực tuyến?</h1>
      <p className="o-unit">{unitName}</p>
      {qr ? <img src={qr} alt={`Mã QR tới phiếu khảo sát: ${url}`} width={320} height={320} /> : null}
      <p>
        Quét mã QR hoặc truy cập <strong>{url}</strong> để đánh giá. Phiếu không hỏi họ tên, số điện thoại.
      </p>
    </main>
  );
}
