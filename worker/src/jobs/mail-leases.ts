/**
 * The claims this worker holds while it sends. A claim is a short lease (WorkerConfig.mailLeaseMs)
 * on a mail_deliveries row; this loop renews the leases of the rows being sent right now, so a slow
 * SMTP server never loses a live worker its claim, while the rows of a worker killed mid-send are
 * free again a lease later (docs/0003-invitation-tokens.md). Only rows in the in-memory set are
 * renewed: a row left 'sending' by an error in this process expires like a dead worker's.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '@hailong/db';
import { renewLeases } from './delivery-repo.ts';

export interface MailLeases {
  readonly workerId: string;
  hold(deliveryId: string): void;
  release(deliveryId: string): void;
  stop(): void;
}

export function startMailLeases(db: Db, leaseMs: number, onError: (err: unknown) => void): MailLeases {
  const workerId = randomUUID();
  const held = new Set<string>();
  let renewing = false;
  const timer = setInterval(
    () => {
      if (renewing || held.size === 0) return;
      renewing = true;
      renewLeases(db, workerId, [...held], leaseMs)
        .catch(onError)
        .finally(() => {
          renewing = false;
        });
    },
    Math.max(50, Math.floor(leaseMs / 4)),
  );
  timer.unref();
  return {
    workerId,
    hold: (id) => void held.add(id),
    release: (id) => void held.delete(id),
    stop: () => clearInterval(timer),
  };
}

/** Delay before attempt `attempts + 1` after `attempts` failed ones: first, 2×first, 4×first … ≤ max. */
export function retryDelayMs(policy: { firstDelayMs: number; maxDelayMs: number }, attempts: number): number {
  const exp = Math.min(Math.max(attempts - 1, 0), 30);
  return Math.min(policy.firstDelayMs * 2 ** exp, policy.maxDelayMs);
}
