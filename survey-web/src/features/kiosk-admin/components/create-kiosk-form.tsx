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
    listUnits().then((r) => setUnits(r.units), (e: unknown) => setError(errorMessage(e)));
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
          Đơn vị
          <select name="unitCode" required defaultValue="">
            <option value="" disabled>— Chọn đơn vị —</option>
            {units.map((u) => (
              <option key={u.code} value={u.code}>{u.code} · {u.name}</option>
            ))}
          </select>
        </label>
        <label>
          Tên quầy
          <input name="counterName" required maxLength={80} placeholder="Ví dụ: Quầy số 1" />
        </label>
        <label>
          Mẫu phiếu
          <select name="mode" defaultValue="quick">
            <option value="quick">Phiếu nhanh (5 câu)</option>
            <option value="full">Phiếu đầy đủ Mẫu 01/2021-TT</option>
          </select>
        </label>
        <label>
          Khoảng cách tối thiểu giữa hai lượt (giây, không bắt buộc)
          <input name="minIntervalSeconds" type="number" min={0} max={3600} placeholder="20" />
        </label>
        <label>
          Số lượt tối đa mỗi giờ (không bắt buộc)
          <input name="hourlyCap" type="number" min={1} max={1000000} placeholder="120" />
        </label>
        <label>
          Tự quay về màn hình đầu sau bao lâu không chạm (giây, 15–600, không bắt buộc)
          <input name="idleSeconds" type="number" min={15} max={600} placeholder="60" />
        </label>
        {error ? <p className="ka-error" role="alert">{error}</p> : null}
        <button type="submit" className="ka-primary" disabled={busy}>{busy ? 'Đang tạo…' : 'Tạo và lấy mã ghép nối'}</button>
      </form>
    </section>
  );
}
