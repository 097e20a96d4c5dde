/**
 * The API's configuration: the environment parsed once with zod, with the embedded defaults of the
 * quick start. Nothing else in the API reads process.env. An invalid environment fails at start
 * with one message listing every bad variable.
 */
import { isIP } from 'node:net';
import path from 'node:path';
import { defaultQueuePrefix, resolveTokenSecret } from '@hailong/worker/invitation-tokens';
import { z } from 'zod';

const urlWith = (protocols: string[]) =>
  z.string().refine((v) => {
    try {
      return protocols.includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`);

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Addresses and CIDR ranges proxy-addr understands, plus its named ranges. */
const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
function isProxyEntry(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [addr, bits, extra] = entry.split('/');
  if (extra !== undefined || !addr) return false;
  const family = isIP(addr);
  if (family === 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d{1,3}$/.test(bits) && n >= 0 && n <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: which peers may set X-Forwarded-For. Off (`false`) by default: the caller's address
 * is the socket's. A hop count (`1`, `2`) trusts that many proxies in front; a comma-separated list
 * of addresses, CIDR ranges or the names loopback/linklocal/uniquelocal trusts exactly those peers.
 * `true` (trust any peer) is refused: it lets every client choose its own address.
 */
export type TrustProxy = false | number | string[];
const trustProxySchema = z.string().transform((v, ctx): TrustProxy => {
  const s = v.trim();
  if (s === 'false' || s === '0' || s === 'off') return false;
  if (/^\d+$/.test(s)) return Number(s);
  const entries = s.split(',').map((e) => e.trim()).filter((e) => e !== '');
  const bad = entries.filter((e) => !isProxyEntry(e));
  if (entries.length === 0 || bad.length > 0) {
    ctx.addIssue({ code: 'custom', message: `must be false, a hop count, or a comma-separated list of proxy addresses/CIDR ranges (not understood: ${bad.join(', ') || s})` });
    return z.NEVER;
  }
  return entries;
});

export const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('./.data'),
    DATABASE_URL: urlWith(['postgres:', 'postgresql:']).optional(),
    REDIS_URL: urlWith(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
    SMTP_URL: urlWith(['smtp:', 'smtps:']).optional(),
    MAIL_FROM: z.string().min(3).default('Sở Nội vụ <khaosat@localhost>'),
    SMTP_RATE_PER_SECOND: z.coerce.number().int().positive().default(100),
    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().min(8, 'must have at least 8 characters').optional(),
    PUBLIC_URL: urlWith(['http:', 'https:']).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    COOKIE_SECURE: bool.default(false),
    QUEUE_PREFIX: z.string().regex(/^[a-z0-9_-]+$/).optional(),
    RUN_WORKER: bool.default(true),
    START_REDIS: bool.default(true),
    TOKEN_SECRET: z.string().min(32, 'must have at least 32 characters').optional(),
    TRUST_PROXY: trustProxySchema.default(false),
  })
  ;

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Unset → embedded PGlite in dataDir (resolved by the launcher before buildApp). */
  databaseUrl: string | undefined;
  redisUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  smtpRatePerSecond: number;
  admin: { email: string; password: string } | undefined;
  publicUrl: string;
  logLevel: string;
  cookieSecure: boolean;
  /** Peers allowed to set X-Forwarded-For (TRUST_PROXY); false = the socket address is the caller. */
  trustProxy: TrustProxy;
  queuePrefix: string;
  runWorker: boolean;
  startRedis: boolean;
  /** Derives invitation link tokens (HMAC); TOKEN_SECRET or DATA_DIR/secret (docs/0003-invitation-tokens.md). */
  tokenSecret: string;
  /** Built web app to serve (survey-web/dist); absent in API-only tests. */
  webDist: string | undefined;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(clean);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`);
  if (Boolean(clean.ADMIN_EMAIL) !== Boolean(clean.ADMIN_PASSWORD)) {
    problems.push(`${clean.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'}: ADMIN_EMAIL and ADMIN_PASSWORD must be set together`);
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const tokenSecret = resolveTokenSecret(e.TOKEN_SECRET, dataDir);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    smtpRatePerSecond: e.SMTP_RATE_PER_SECOND,
    admin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : undefined,
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    queuePrefix: e.QUEUE_PREFIX ?? defaultQueuePrefix(tokenSecret),
    runWorker: e.RUN_WORKER,
    startRedis: e.START_REDIS,
    tokenSecret,
    webDist: undefined,
  };
}
