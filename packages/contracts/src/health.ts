import { z } from 'zod';

const part = z.enum(['ok', 'down']);

/** The worker as the API sees it: its last heartbeat in Redis (`late` when none within 3 minutes). */
export const workerHealthSchema = z.object({
  status: z.enum(['ok', 'late', 'unknown']),
  lastBeatAt: z.string().nullable(),
  ageSeconds: z.number().int().nullable(),
});

/** GET /healthz: every part; 503 when any is not ok. */
export const healthSchema = z.object({ db: part, redis: part, worker: workerHealthSchema });
export type Health = z.infer<typeof healthSchema>;

/** GET /readyz: can this replica store responses? Redis down is `degraded` (200), the database down `unready` (503). */
export const readinessSchema = z.object({ status: z.enum(['ready', 'degraded', 'unready']), db: part, redis: part });
export type Readiness = z.infer<typeof readinessSchema>;

/** GET /livez: the process runs. */
export const livenessSchema = z.object({ status: z.literal('alive'), uptimeSeconds: z.number().int() });
