/** The worker's configuration (environment parsed once with zod; nothing else reads process.env). */
import path from 'node:path';
import { z } from 'zod';
import { defaultQueuePrefix, resolveTokenSecret } from './invitation-tokens.ts';

const envSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').default('redis://127.0.0.1:6379'),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// URL').optional(),
  MAIL_FROM: z.string().min(3).default('Sở Nội vụ <khaosat@localhost>'),
  SMTP_RATE_PER_SECOND: z.coerce.number().int().positive().default(100),
  DATA_DIR: z.string().min(1).default('./.data'),
  PUBLIC_URL: z.string().url().default('http://127.0.0.1:3000'),
  QUEUE_PREFIX: z.string().regex(/^[a-z0-9_-]+$/).optional(),
  TOKEN_SECRET: z.string().min(32, 'must have at least 32 characters').optional(),
  TALLY_FOLD_INTERVAL_MS: z.coerce.number().int().min(100).default(2_000),
});

export interface WorkerConfig {
  databaseUrl: string;
  redisUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  smtpRatePerSecond: number;
  /** Where mail goes when smtpUrl is unset (one .eml file per message). */
  outboxDir: string;
  publicUrl: string;
  queuePrefix: string;
  /** Derives invitation link tokens; the API must use the same (docs/0003-invitation-tokens.md). */
  tokenSecret: string;
  /** How often the sweeper re-derives due work from the database. */
  sweepIntervalMs: number;
  heartbeatIntervalMs: number;
  /** How often pending responses are folded into the SIPAS tallies (TALLY_FOLD_INTERVAL_MS). */
  tallyFoldIntervalMs: number;
}

export function loadWorkerConfig(env: Record<string, string | undefined> = process.env): WorkerConfig {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(clean);
  if (!parsed.success) {
    throw new Error(`Invalid worker configuration:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  const e = parsed.data;
  const tokenSecret = resolveTokenSecret(e.TOKEN_SECRET, path.resolve(e.DATA_DIR));
  return {
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    smtpRatePerSecond: e.SMTP_RATE_PER_SECOND,
    outboxDir: path.resolve(e.DATA_DIR, 'outbox'),
    publicUrl: e.PUBLIC_URL.replace(/\/$/, ''),
    queuePrefix: e.QUEUE_PREFIX ?? defaultQueuePrefix(tokenSecret),
    tokenSecret,
    sweepIntervalMs: 30_000,
    heartbeatIntervalMs: 60_000,
    tallyFoldIntervalMs: e.TALLY_FOLD_INTERVAL_MS,
  };
}
