/** Online-form posters (A4 with the QR code of /o/<unit>): pick a unit, open or print its poster. */
import { useEffect, useState } from 'react';
import { api } from '@/lib/api-client';
import { useT } from '@/lib/i18n';

interface Unit {
  code: string;
  name: string;
}

export function PosterLinks() {
  const t = useT();
  const [units, setUnits] = useState<Unit[]>([]);
  const [code, setCode] = useState('');
  useEffect(() => {
    api<{ units: Unit[] }>('/api/v1/units').then(
      (r) => {
        setUnits(r.units);
        setCode(r.units[0]?.code ?? '');
      },
      () => undefined,
    );
  }, []);
  const href = `/o/${encodeURIComponent(code)}/poster`;
  const print = () => {
    const w = window.open(`${href}?print=1`, '_blank');
    if (!w) window.location.assign(`${href}?print=1`);
  };
  return (
    <section className="admin-card" aria-labelledby="posters-title">
      <h2 id="posters-title">{t('Áp phích phiếu trực tuyến (mã QR)', 'Online-form posters (QR code)')}</h2>
      <p>
        {t(
          'Mỗi đơn vị có một áp phích A4 với mã QR tới phiếu 02 trực tuyến của đơn vị.',
          'Each unit has an A4 poster with the QR code of its online form 02.',
        )}
      </p>
      <div className="admin-actions">
        <label>
          {t('Đơn vị', 'Unit')}
          <select value={code} onChange={(e) => setCode(e.target.value)}>
            {units.map((u) => (
              <option key={u.code} value={u.code}>
                {u.code} · {u.name}
              </option>
            ))}
          </select>
        </label>
        <a className="admin-button" href={href}>
          {t('Mở áp phích', 'Open the poster')}
        </a>
        <button type="button" onClick={print} disabled={!code}>
          {t('In áp phích', 'Print the poster')}
        </button>
      </div>
    </section>
  );
}
