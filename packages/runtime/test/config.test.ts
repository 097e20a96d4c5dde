import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultQueuePrefix, loadRuntimeConfig } from '../src/index.ts';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'hl-config-'));

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadRuntimeConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('the one environment schema', () => {
  it('uses the embedded defaults when nothing is set, with a secret generated once in DATA_DIR', () => {
    const dir = tmp();
    const c = loadRuntimeConfig({ DATA_DIR: dir });
    expect(c).toMatchObject({
      production: false,
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      redisUrl: 'redis://127.0.0.1:6379',
      smtpUrl: undefined,
    });
    expect(c.tokenSecret).toBe(readFileSync(path.join(dir, 'secret'), 'utf8').trim());
    expect(loadRuntimeConfig({ DATA_DIR: dir }).tokenSecret).toBe(c.tokenSecret);
    expect(c.queuePrefix).toBe(defaultQueuePrefix(c.tokenSecret));
  });

  it('carries every variable of the API and the worker, including TALLY_FOLD_INTERVAL_MS and LOG_LEVEL', () => {
    const c = loadRuntimeConfig({
      DATA_DIR: tmp(),
      TOKEN_SECRET: 'x'.repeat(32),
      TALLY_FOLD_INTERVAL_MS: '750',
      LOG_LEVEL: 'warn',
      HOST: '0.0.0.0',
      PORT: '8080',
    });
    expect(c).toMatchObject({ tallyFoldIntervalMs: 750, logLevel: 'warn', publicUrl: 'http://127.0.0.1:8080' });
  });

  it('fails with one message listing every bad variable', () => {
    const problems = problemsOf({
      DATA_DIR: tmp(),
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      REDIS_URL: 'not a url',
      ADMIN_EMAIL: 'a@b.vn',
    });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['PORT', 'DATABASE_URL', 'REDIS_URL', 'ADMIN_PASSWORD']);
  });

  it('requires DATABASE_URL and TOKEN_SECRET in production, in one problem, and writes no secret file', () => {
    const dir = tmp();
    const problems = problemsOf({ NODE_ENV: 'production', DATA_DIR: dir });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^DATABASE_URL, TOKEN_SECRET: required when NODE_ENV=production/);
    expect(problemsOf({ NODE_ENV: 'production', DATA_DIR: dir, TOKEN_SECRET: 's'.repeat(32) })[0]).toMatch(/^DATABASE_URL:/);
    expect(existsSync(path.join(dir, 'secret'))).toBe(false);
    const ok = loadRuntimeConfig({
      NODE_ENV: 'production',
      DATA_DIR: dir,
      TOKEN_SECRET: 's'.repeat(32),
      DATABASE_URL: 'postgres://db/hl',
    });
    expect(ok.production).toBe(true);
  });

  it('trusts X-Forwarded-For from exactly the nginx address docker-compose.yml gives the proxy (plus EDGE_PROXIES)', () => {
    const compose = readFileSync(new URL('../../../docker-compose.yml', import.meta.url), 'utf8');
    const trust = /TRUST_PROXY: "([^"]+)"/.exec(compose)?.[1] ?? '';
    const nginx = /ipv4_address: \$\{PROXY_ADDRESS:-([^}]+)\}/.exec(compose)?.[1];
    const withDefaults = (v: string, set: Record<string, string> = {}) =>
      v.replace(/\$\{(\w+):-([^}]*)\}/g, (_, name: string, d: string) => set[name] ?? d);
    const base = { DATA_DIR: tmp(), TOKEN_SECRET: 'x'.repeat(32) };
    expect(nginx).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(loadRuntimeConfig({ ...base, TRUST_PROXY: withDefaults(trust) }).trustProxy).toEqual([nginx]);
    expect(loadRuntimeConfig({ ...base, TRUST_PROXY: withDefaults(trust, { EDGE_PROXIES: '10.0.0.0/8' }) }).trustProxy).toEqual([
      nginx,
      '10.0.0.0/8',
    ]);
  });
});
