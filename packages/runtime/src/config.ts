/**
 * The one configuration of the system: every environment variable of the API, the worker and the
 * launcher, parsed once with one zod schema. An invalid environment fails at start with one message
 * listing every problem. Nothing else reads process.env.
 */
import path from 'node:path';
import { z } from 'zod';
import { defaultQueuePrefix, resolveTokenSecret } from './secrets.ts';
import { trustProxySchema, type TrustProxy } from './trust-proxy.ts';

const urlWith = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
  );

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/**
 * Size (MB) and data-row limits of each file import, with defaults that fit a merged province: the
 * respondent list of 61,100 civil servants is ~5 MB of CSV. Over a limit → 413 naming it.
 */
export const IMPORT_KINDS = {
  respondents: { env: 'RESPONDENT_IMPORT', mb: 20, rows: 100_000 },
  accounts: { env: 'ACCOUNT_IMPORT', mb: 5, rows: 5_000 },
  unitEvents: { env: 'UNIT_EVENT_IMPORT', mb: 2, rows: 10_000 },
  selfAssessment: { env: 'SELF_ASSESSMENT_IMPORT', mb: 2, rows: 2_000 },
  samplingPlan: { env: 'SAMPLING_PLAN_IMPORT', mb: 2, rows: 20_000 },
} as const;
export type ImportKind = keyof typeof IMPORT_KINDS;
export interface ImportLimit {
  maxBytes: number;
  maxRows: number;
}

function importLimitEnv() {
  const shape: Record<string, z.ZodType> = {};
  for (const k of Object.values(IMPORT_KINDS)) {
    shape[`${k.env}_MAX_MB`] = z.coerce.number().positive().max(1024).default(k.mb);
    shape[`${k.env}_MAX_ROWS`] = z.coerce.number().int().min(1).max(10_000_000).default(k.rows);
  }
  return shape as Record<`${(typeof IMPORT_KINDS)[ImportKind]['env']}_MAX_${'MB' | 'ROWS'}`, z.ZodDefault<z.ZodCoercedNumber>>;
}

function importLimits(e: Record<string, unknown>): Record<ImportKind, ImportLimit> {
  const entries = Object.entries(IMPORT_KINDS).map(([kind, k]) => [
    kind,
    { maxBytes: Math.round(Number(e[`${k.env}_MAX_MB`]) * 1024 * 1024), maxRows: Number(e[`${k.env}_MAX_ROWS`]) },
  ]);
  return Object.fromEntries(entries) as Record<ImportKind, ImportLimit>;
}

export const envSchema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./.data'),
  DATABASE_URL: urlWith(['postgres:', 'postgresql:']).optional(),
  REDIS_URL: urlWith(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
  SMTP_URL: urlWith(['smtp:', 'smtps:']).optional(),
  MAIL_FROM: z.string().min(3).default('Sở Nội vụ <khaosat@localhost>'),
  SMTP_RATE_PER_SECOND: z.coerce.number().int().positive().default(100),
  SMTP_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  MAIL_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(20),
  MAIL_RETRY_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(24),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(8, 'must have at least 8 characters').optional(),
  PUBLIC_URL: urlWith(['http:', 'https:']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COOKIE_SECURE: bool.default(false),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/)
    .optional(),
  RUN_WORKER: bool.default(true),
  START_REDIS: bool.default(true),
  TOKEN_SECRET: z.string().min(32, 'must have at least 32 characters').optional(),
  TALLY_FOLD_INTERVAL_MS: z.coerce.number().int().min(100).default(2_000),
  RESULTS_PENDING_MAX: z.coerce.number().int().min(0).max(1_000_000).default(2_000),
  TRUST_PROXY: trustProxySchema.default(false),
  REMINDER_MIN_GAP_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 30)
    .default(24),
  SUPPRESS_MIN_CELL: z.coerce.number().int().min(3, 'must be at least 3').max(100).default(5),
  ONLINE_ADDRESS_MAX_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(5),
  ONLINE_UNIT_MAX_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(60),
  RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  ...importLimitEnv(),
});

export type Env = Record<string, string | undefined>;

export interface RuntimeConfig {
  /** `production` requires DATABASE_URL and TOKEN_SECRET and never uses the embedded database. */
  production: boolean;
  port: number;
  host: string;
  dataDir: string;
  /** Unset → embedded PGlite in dataDir (resolved by the launcher, outside production only). */
  databaseUrl: string | undefined;
  redisUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  smtpRatePerSecond: number;
  /** SMTP connections the worker keeps open to the relay (SMTP_POOL_SIZE). */
  smtpPoolSize: number;
  /** Mails one worker process has in flight at once (MAIL_CONCURRENCY). */
  mailConcurrency: number;
  admin: { email: string; password: string } | undefined;
  publicUrl: string;
  /** PUBLIC_URL was set; without it mailed links point at HOST:PORT (refused when mail goes to SMTP). */
  publicUrlSet: boolean;
  /** "Remind now" skips anyone reminded less than this many hours ago (REMINDER_MIN_GAP_HOURS). */
  reminderMinGapHours: number;
  /** Breakdowns that show answers withhold cells with fewer responses than this (SUPPRESS_MIN_CELL, ≥ 3). */
  suppressMinCell: number;
  /** A campaign's personal data is deleted this many days after it closes (RETENTION_DAYS, docs/0014). */
  retentionDays: number;
  logLevel: string;
  cookieSecure: boolean;
  /** Peers allowed to set X-Forwarded-For (TRUST_PROXY); false = the socket address is the caller. */
  trustProxy: TrustProxy;
  queuePrefix: string;
  /** The all-in-one launcher also runs the worker in its process. */
  runWorker: boolean;
  /** The all-in-one launcher starts a local redis-server when none answers. */
  startRedis: boolean;
  /** Derives invitation link tokens (HMAC); TOKEN_SECRET or DATA_DIR/secret (docs/0003-invitation-tokens.md). */
  tokenSecret: string;
  /** Where mail goes when smtpUrl is unset (one .eml file per message). */
  outboxDir: string;
  /** How often the worker's sweeper re-derives due work from the database. */
  sweepIntervalMs: number;
  heartbeatIntervalMs: number;
  /** How often pending responses are folded into the SIPAS tallies (TALLY_FOLD_INTERVAL_MS). */
  tallyFoldIntervalMs: number;
  /**
   * Results pages count a campaign's not-yet-folded responses up to this many; above it they show
   * the folded figures and say how many are waiting (RESULTS_PENDING_MAX, docs/0027).
   */
  resultsPendingMax: number;
  /** Transient SMTP failures (4xx, refused, timeouts) are retried with backoff (docs/0003). */
  mailRetry: MailRetryPolicy;
  /** A claim on a delivery lasts this long unless its worker renews it (every mailLeaseMs / 4). */
  mailLeaseMs: number;
  /** How often the worker looks for the expired claims of a dead worker (the light part of the sweeper). */
  reclaimIntervalMs: number;
  /** Online form 02: beyond these rates in the last hour, responses are stored suspect (docs/0009-abuse-limits.md). */
  onlineLimits: OnlineLimits;
  /** Per file import: the largest upload and the most data rows accepted (`*_IMPORT_MAX_MB`, `*_IMPORT_MAX_ROWS`). */
  importLimits: Record<ImportKind, ImportLimit>;
}

export interface OnlineLimits {
  /** Responses from one address, any unit (ONLINE_ADDRESS_MAX_PER_HOUR). */
  addressPerHour: number;
  /** Responses for one unit, any address (ONLINE_UNIT_MAX_PER_HOUR). */
  unitPerHour: number;
}

export interface MailRetryPolicy {
  /** How long after the first failure a delivery is retried before it is marked failed (MAIL_RETRY_HOURS). */
  windowMs: number;
  /** Delay before the second attempt; it doubles per attempt up to maxDelayMs. */
  firstDelayMs: number;
  maxDelayMs: number;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function crossFieldProblems(clean: Env): string[] {
  const problems: string[] = [];
  if (Boolean(clean.ADMIN_EMAIL) !== Boolean(clean.ADMIN_PASSWORD)) {
    problems.push(`${clean.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'}: ADMIN_EMAIL and ADMIN_PASSWORD must be set together`);
  }
  if (clean.NODE_ENV === 'production') {
    const missing = ['DATABASE_URL', 'TOKEN_SECRET'].filter((k) => !clean[k]);
    if (missing.length > 0) {
      problems.push(
        `${missing.join(', ')}: required when NODE_ENV=production (the embedded database and a generated secret are for a single machine only)`,
      );
    }
  }
  return problems;
}

/** Parses the environment; throws one ConfigError listing every problem. */
export function loadRuntimeConfig(env: Env): RuntimeConfig {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(clean);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`);
  problems.push(...crossFieldProblems(clean));
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const tokenSecret = resolveTokenSecret(e.TOKEN_SECRET, dataDir);
  return {
    production: e.NODE_ENV === 'production',
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    smtpRatePerSecond: e.SMTP_RATE_PER_SECOND,
    smtpPoolSize: e.SMTP_POOL_SIZE,
    mailConcurrency: e.MAIL_CONCURRENCY,
    admin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : undefined,
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    publicUrlSet: e.PUBLIC_URL !== undefined,
    reminderMinGapHours: e.REMINDER_MIN_GAP_HOURS,
    suppressMinCell: e.SUPPRESS_MIN_CELL,
    retentionDays: e.RETENTION_DAYS,
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    queuePrefix: e.QUEUE_PREFIX ?? defaultQueuePrefix(tokenSecret),
    runWorker: e.RUN_WORKER,
    startRedis: e.START_REDIS,
    tokenSecret,
    outboxDir: path.join(dataDir, 'outbox'),
    sweepIntervalMs: 30_000,
    heartbeatIntervalMs: 60_000,
    tallyFoldIntervalMs: e.TALLY_FOLD_INTERVAL_MS,
    resultsPendingMax: e.RESULTS_PENDING_MAX,
    mailRetry: { windowMs: e.MAIL_RETRY_HOURS * 3_600_000, firstDelayMs: 30_000, maxDelayMs: 3_600_000 },
    mailLeaseMs: 20_000,
    reclaimIntervalMs: 5_000,
    onlineLimits: { addressPerHour: e.ONLINE_ADDRESS_MAX_PER_HOUR, unitPerHour: e.ONLINE_UNIT_MAX_PER_HOUR },
    importLimits: importLimits(e),
  };
}

/** The process environment (the one place that reads it). */
export function processEnv(): Env {
  return process.env;
}
