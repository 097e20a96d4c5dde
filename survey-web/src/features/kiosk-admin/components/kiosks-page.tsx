/**
 * /admin/kiosks — the counter tablets of every unit: create one and show its one-time pairing code
 * (large type + QR, 15 minutes), watch each tablet's real state (heartbeats: queue, parked sessions,
 * errors, clock, silence) under a summary that turns red when one needs attention, read and release
 * or discard its parked sessions, revoke a lost tablet or re-pair a replaced one. The list refreshes
 * every 10 s.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Kiosk } from '@hailong/contracts';
import { ApiError } from '@/lib/api-client';
import { errorMessage, tr } from '@/lib/i18n';
import { listKiosks, rePairKiosk, revokeKiosk } from '../api/kiosk-admin-api';
import { CreateKioskForm } from './create-kiosk-form';
import { FleetSummary } from './fleet-health';
import { ParkedPanel } from './parked-panel';
import { KioskTable } from './kiosk-table';
import { PairingPanel, type PairingShown } from './pairing-panel';
import { AdminShell } from '@/components/admin-shell/admin-shell';
import '../kiosk-admin.css';

export default function KiosksPage() {
  return (
    <AdminShell>
      <Kiosks />
    </AdminShell>
  );
}

function Kiosks() {
  const [kiosks, setKiosks] = useState<Kiosk[] | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [error, setError] = useState<string | null>(null);
  const [loggedOut, setLoggedOut] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pairing, setPairing] = useState<PairingShown | null>(null);
  const [parkedOf, setParkedOf] = useState<Kiosk | null>(null);

  const refresh = useCallback(async () => {
    try {
      const r = await listKiosks();
      setKiosks(r.kiosks);
      setNow(Date.now());
      setError(null);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setLoggedOut(true);
      else setError(errorMessage(err));
    }
  }, []);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- an asynchronous load: its state changes come after the await
    void refresh();
    const t = setInterval(() => void refresh(), 10_000);
    return () => clearInterval(t);
  }, [refresh]);

  const act = async (fn: () => Promise<void>) => {
    setMessage(null);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(errorMessage(err));
    }
    await refresh();
  };
  const onRevoke = (k: Kiosk) =>
    act(async () => {
      await revokeKiosk(k.id);
      setMessage(tr(`Đã thu hồi ${k.counterName} (${k.unitCode}).`, `${k.counterName} (${k.unitCode}) revoked.`));
    });
  const onRePair = (k: Kiosk) =>
    act(async () => {
      setPairing({ ...(await rePairKiosk(k.id)), label: `${k.counterName} · ${k.unitCode}` });
    });

  if (loggedOut) {
    return (
      <main className="page ka">
        <h1>{tr('Máy tính bảng tại quầy', 'Counter kiosks')}</h1>
        <p role="alert">
          <a href="/admin">{tr('Vui lòng đăng nhập quản trị trước.', 'Please sign in first.')}</a>
        </p>
      </main>
    );
  }
  return (
    <main className="page ka">
      <h1>{tr('Máy tính bảng tại quầy', 'Counter kiosks')}</h1>
      {message ? (
        <p role="status" className="ka-message">
          {message}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="ka-error">
          {error}
        </p>
      ) : null}
      {pairing ? <PairingPanel pairing={pairing} onClose={() => setPairing(null)} /> : null}
      <section className="ka-card" aria-labelledby="ka-list-title">
        <h2 id="ka-list-title">{tr('Thiết bị', 'Devices')}</h2>
        {kiosks === null ? <p role="status">{tr('Đang tải…', 'Loading…')}</p> : null}
        {kiosks?.length === 0 ? (
          <p className="ka-empty">
            {tr(
              'Chưa có máy nào. Thêm máy đầu tiên ở biểu mẫu bên dưới.',
              'No kiosks yet. Add the first one with the form below.',
            )}
          </p>
        ) : null}
        {kiosks && kiosks.length > 0 ? <FleetSummary kiosks={kiosks} /> : null}
        {kiosks && kiosks.length > 0 ? (
          <KioskTable kiosks={kiosks} now={now} onRevoke={onRevoke} onRePair={onRePair} onShowParked={setParkedOf} />
        ) : null}
      </section>
      {parkedOf ? (
        <ParkedPanel
          key={parkedOf.id}
          kiosk={parkedOf}
          onClose={() => setParkedOf(null)}
          onDone={(m) => {
            setMessage(m);
            void refresh();
          }}
        />
      ) : null}
      <CreateKioskForm
        onCreated={(p) => {
          setPairing(p);
          void refresh();
        }}
      />
    </main>
  );
}
