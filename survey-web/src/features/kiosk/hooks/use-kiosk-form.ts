/**
 * Keeps a paired tablet on the form its heartbeat names (docs/0022): when the campaign's kiosk form
 * (or its version) changes, the tablet fetches the new form, stores it with the device at once (so it
 * survives a restart offline, like the form received at pairing) and shows it from the next session:
 * never in the middle of a citizen's session. A failed fetch is tried again at the next heartbeat.
 */
import type { KioskHeartbeatReply, KioskPaired, PublicForm } from '@hailong/contracts';
import { useEffect, useState } from 'react';
import { fetchKioskForm } from '../api/kiosk-api';
import { saveDevice } from './kiosk-device';

type Named = KioskHeartbeatReply['form'];

const sameForm = (a: Named, b: Named) => a.code === b.code && a.version === b.version;

export function useKioskForm(
  device: KioskPaired,
  named: Named | null,
  betweenSessions: boolean,
  onDevice: (d: KioskPaired) => void,
): void {
  const [fetched, setFetched] = useState<PublicForm | null>(null);
  useEffect(() => {
    if (!named || sameForm(named, device.form) || (fetched && sameForm(named, fetched))) return;
    let live = true;
    fetchKioskForm(device.deviceToken).then(
      ({ form }) => {
        if (!live) return;
        saveDevice({ ...device, form });
        setFetched(form);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [named, device, fetched]);
  useEffect(() => {
    if (fetched && betweenSessions && !sameForm(fetched, device.form)) onDevice({ ...device, form: fetched });
  }, [fetched, betweenSessions, device, onDevice]);
}
