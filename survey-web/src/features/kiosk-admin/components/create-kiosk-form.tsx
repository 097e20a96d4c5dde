/** Create a counter kiosk: unit, counter name, form mode and optional anti-stuffing limits. */
import { useEffect, useState, type FormEvent } from 'react';
import type { KioskCreate } from '@hailong/contracts';
import { errorMessage, tr } from '@/lib/i18n';
import { createKiosk, listUnits, type UnitOption } from '../api/kiosk-admin-api';
import type { PairingShown } from './pairing-panel';

function text(f: FormData, name: string): string {
  const v = f.get(name);
  return typeof v === 'string' ? v.trim() : '';
}

function optionalInt(f: FormData, name: string): number | undefined {
  const v = text(f, name);
  return v === '' ? undefined : Number(v);
}

export function CreateKioskForm({ onCreated }: { onCreated: (p: PairingShown) => void }) {
  const [units, setUnits] = useState<UnitOption[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    listUnits().then(
      (r) => setUnits(r.units),
      (e: unknown) => setError(errorMessage(e)),
    );
  }, []);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const minIntervalSeconds = optionalInt(f, 'minIntervalSeconds');
    const hourlyCap = optionalInt(f, 'hourlyCap');
    const idleSeconds = optionalInt(f, 'idleSeconds');
    const body: KioskCreate = {
      unitCode: text(f, 'unitCode'),
      counterName: text(f, 'counterName'),
      mode: text(f, 'mode') === 'full' ? 'full' : 'quick',
      ...(minIntervalSeconds === undefined ? {} : { minIntervalSeconds }),
      ...(hourlyCap === undefined ? {} : { hourlyCap }),
      ...(idleSeconds === undefined ? {} : { idleSeconds }),
    };
    setBusy(true);
    setError(null);
    try {
      const p = await createKiosk(body);
      form.reset();
      onCreated({ ...p, label: `${body.counterName} · ${body.unitCode}` });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="ka-card" aria-labelledby="ka-create-title">
      <h2 id="ka-create-title">{tr('Thêm máy tại quầy', 'Add a counter kiosk')}</h2>
      <form className="ka-form" onSubmit={(e) => void submit(e)}>
        <label>
          {tr('Đơn vị', 'Unit')}
          <select name="unitCode" required defaultValue="">
            <option value="" disabled>
              {tr('— Chọn đơn vị —', '— Choose a unit —')}
            </option>
            {units.map((u) => (
              <option key={u.code} value={u.code}>
                {u.code} · {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {tr('Tên quầy', 'Counter name')}
          <input name="counterName" required maxLength={80} placeholder={tr('Ví dụ: Quầy số 1', 'e.g. Counter 1')} />
        </label>
        <label>
          {tr('Mẫu phiếu', 'Form')}
          <select name="mode" defaultValue="quick">
            <option value="quick">{tr('Phiếu nhanh (5 câu)', 'Quick form (5 questions)')}</option>
            <option value="full">{tr('Phiếu đầy đủ Mẫu 01/2021-TT', 'Full form 01/2021-TT')}</option>
          </select>
        </label>
        <label>
          {tr(
            'Khoảng cách tối thiểu giữa hai lượt (giây, không bắt buộc)',
            'Minimum gap between two ratings (seconds, optional)',
          )}
          <input name="minIntervalSeconds" type="number" min={0} max={3600} placeholder="20" />
        </label>
        <label>
          {tr('Số lượt tối đa mỗi giờ (không bắt buộc)', 'Most ratings per hour (optional)')}
          <input name="hourlyCap" type="number" min={1} max={1000000} placeholder="120" />
        </label>
        <label>
          {tr(
            'Tự quay về màn hình đầu sau bao lâu không chạm (giây, 15–600, không bắt buộc)',
            'Back to the first screen after this long untouched (seconds, 15–600, optional)',
          )}
          <input name="idleSeconds" type="number" min={15} max={600} placeholder="60" />
        </label>
        {error ? (
          <p className="ka-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="ka-primary" disabled={busy}>
          {busy ? tr('Đang tạo…', 'Creating…') : tr('Tạo và lấy mã ghép nối', 'Create and get a pairing code')}
        </button>
      </form>
    </section>
  );
}
