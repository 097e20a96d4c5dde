import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('configuration', () => {
  it('uses the embedded defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: undefined, redisUrl: 'redis://127.0.0.1:6379', smtpUrl: undefined });
    expect(c.dataDir).toMatch(/\.data$/);
  });

  it('fails with one message listing every bad variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', REDIS_URL: 'not a url', ADMIN_EMAIL: 'a@b.vn' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const msg = (error as ConfigError).message;
    for (const v of ['PORT', 'DATABASE_URL', 'REDIS_URL', 'ADMIN_PASSWORD']) expect(msg).toContain(v);
    expect((error as ConfigError).problems).toHaveLength(4);
  });
});
