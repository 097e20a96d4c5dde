/** The /k front door: pairing once, then the counter rating loop. */
import { useCallback, useEffect, useState } from 'react';
import type { KioskHeartbeatReply, KioskPaired } from '@hailong/contracts';
import { forgetDevice, loadDevice, saveDevice } from '../hooks/kiosk-device';
import { useKioskForm } from '../hooks/use-kiosk-form';
import { useKioskOutbox } from '../hooks/use-kiosk-outbox';
import { useKioskSession } from '../hooks/use-kiosk-session';
import { KIOSK_SHELL, registerOfflineShell } from '@/lib/offline-shell';
import { PairingScreen } from './pairing-screen';
import { QuestionStep } from './question-step';
import { StaffStatus } from './staff-status';
import '../kiosk.css';

/** `?idle=<seconds>` overrides the kiosk's setting on this tablet (staff testing the reset). */
function idleFromUrl(): number | undefined {
  const s = Number(new URLSearchParams(window.location.search).get('idle'));
  return Number.isFinite(s) && s >= 5 ? s * 1000 : undefined;
}

interface SessionProps {
  device: KioskPaired;
  onUnpaired: () => void;
  onDevice: (d: KioskPaired) => void;
}

function Session({ device, onUnpaired, onDevice }: SessionProps) {
  const [revoked, setRevoked] = useState(false);
  const [named, setNamed] = useState<KioskHeartbeatReply['form'] | null>(null);
  const { pending, parked, sending, campaign, enqueue } = useKioskOutbox(device.deviceToken, () => setRevoked(true), setNamed);
  const s = useKioskSession(device, enqueue, idleFromUrl() ?? (device.idleSeconds ?? 60) * 1000);
  useKioskForm(device, named, s.screen.kind === 'start', onDevice);
  return (
    <main className="k-screen" lang="vi">
      {s.screen.kind === 'start' ? (
        <div className="k-start">
          <p className="k-unit">{device.unitName}</p>
          <p className="k-counter">{device.counterName}</p>
          <h1>Ông/Bà vui lòng đánh giá mức độ hài lòng</h1>
          {campaign === 'none' ? (
            <p className="k-no-campaign" role="status" data-testid="no-campaign">
              Hiện chưa có đợt khảo sát nào đang mở: ý kiến đánh giá được giữ trên máy và chỉ được gửi khi có đợt khảo sát.
            </p>
          ) : null}
          <button type="button" className="k-primary k-big" onClick={s.start}>
            Bắt đầu đánh giá
          </button>
        </div>
      ) : null}
      {s.screen.kind === 'question' ? (
        <QuestionStep
          key={s.screen.index}
          form={device.form}
          index={s.screen.index}
          full={device.mode === 'full'}
          chosen={s.given(s.screen.index)}
          onAnswer={s.answer.bind(null, s.screen.index)}
          onBack={s.back.bind(null, s.screen.index)}
        />
      ) : null}
      {s.screen.kind === 'procedure' ? (
        <div className="k-step">
          <h1 className="k-question">Ông/Bà vừa làm thủ tục nào? (không bắt buộc)</h1>
          <div className="k-options">
            {device.procedures.map((p) => (
              <button key={p} type="button" className="k-option" onClick={() => s.chooseProcedure(p)}>
                {p}
              </button>
            ))}
            <button type="button" className="k-option" onClick={() => s.chooseProcedure(undefined)}>
              Bỏ qua
            </button>
          </div>
        </div>
      ) : null}
      {s.screen.kind === 'thanks' ? (
        <div className="k-thanks" role="status">
          <h1>Xin cảm ơn Ông/Bà!</h1>
          <p>Ý kiến của Ông/Bà đã được ghi nhận.</p>
        </div>
      ) : null}
      <footer className="k-footer">
        <StaffStatus pending={pending} sending={sending} parked={parked} />
        {revoked ? (
          <span className="k-revoked" role="alert">
            Thiết bị đã bị thu hồi, phiếu chưa gửi được giữ lại trên máy.{' '}
            <button type="button" className="k-link" onClick={onUnpaired}>
              Ghép nối lại
            </button>
          </span>
        ) : null}
      </footer>
    </main>
  );
}

export default function KioskPage() {
  const [device, setDevice] = useState<KioskPaired | null>(() => loadDevice());
  useEffect(() => registerOfflineShell({ ...KIOSK_SHELL, manifest: '/kiosk.webmanifest' }), []);
  const onPaired = useCallback((d: KioskPaired) => {
    saveDevice(d);
    window.history.replaceState({}, '', '/k');
    setDevice(d);
  }, []);
  const onUnpaired = useCallback(() => {
    forgetDevice();
    setDevice(null);
  }, []);
  return device ? (
    <Session device={device} onUnpaired={onUnpaired} onDevice={setDevice} />
  ) : (
    <PairingScreen onPaired={onPaired} />
  );
}
