import { randomBytes } from 'node:crypto';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A unique BullMQ prefix per test (file), so queues never see each other's jobs. */
export function uniquePrefix(): string {
  return `hlt-${randomBytes(5).toString('hex')}`;
}
