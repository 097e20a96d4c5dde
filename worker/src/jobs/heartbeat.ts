import { heartbeatKey } from '@hailong/runtime';
import type { Redis } from 'ioredis';

/** Records that the worker is alive; the dashboard shows the last beat. */
export async function heartbeat(redis: Redis, prefix: string, at = new Date()): Promise<string> {
  const iso = at.toISOString();
  await redis.set(heartbeatKey(prefix), iso, 'EX', 600);
  return iso;
}
