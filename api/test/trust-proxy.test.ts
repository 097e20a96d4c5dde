/**
 * The caller's address comes from configuration only. Over real HTTP: by default a client that
 * writes its own X-Forwarded-For still has its socket address, so it cannot buy itself a fresh
 * per-address budget with every forged header; with TRUST_PROXY naming the proxy, the proxy's
 * header is believed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { testEnv } from '../../test/support/env.ts';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';

const PER_ADDRESS = 20; // the online form's per-address limit per minute

async function listening(t: TestApp): Promise<string> {
  const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
  return address.replace('localhost', '127.0.0.1');
}

/** Statuses of `n` form-02 posts, each claiming a different forwarded address. */
async function forgedPosts(base: string, n: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${base}/api/v1/o/ST01/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i + 1}` },
      body: '{}',
    });
    statuses.push(res.status);
  }
  return statuses;
}

describe('TRUST_PROXY configuration', () => {
  it('is off by default and accepts a hop count or a list of addresses and CIDR ranges', () => {
    expect(loadConfig(testEnv({})).trustProxy).toBe(false);
    expect(loadConfig(testEnv({ TRUST_PROXY: 'false' })).trustProxy).toBe(false);
    expect(loadConfig(testEnv({ TRUST_PROXY: '1' })).trustProxy).toBe(1);
    expect(loadConfig(testEnv({ TRUST_PROXY: '10.0.0.2, 172.28.0.0/16,loopback,::1' })).trustProxy).toEqual([
      '10.0.0.2',
      '172.28.0.0/16',
      'loopback',
      '::1',
    ]);
  });

  it('refuses "true" (any peer) and malformed entries, naming the variable', () => {
    for (const bad of ['true', '10.0.0.300', '10.0.0.0/33', 'proxy.example']) {
      expect(() => loadConfig(testEnv({ TRUST_PROXY: bad }))).toThrow(ConfigError);
      expect(() => loadConfig(testEnv({ TRUST_PROXY: bad }))).toThrow(/TRUST_PROXY/);
    }
  });
});

describe('the caller address over HTTP', () => {
  let direct: TestApp;
  let proxied: TestApp;
  let directUrl: string;
  let proxiedUrl: string;
  beforeAll(async () => {
    [direct, proxied] = await Promise.all([buildTestApp(), buildTestApp({ trustProxy: ['127.0.0.1'] })]);
    [directUrl, proxiedUrl] = await Promise.all([listening(direct), listening(proxied)]);
  });
  afterAll(async () => Promise.all([direct?.close(), proxied?.close()]));

  it('ignores a forged X-Forwarded-For by default: one client stays one address', async () => {
    const statuses = await forgedPosts(directUrl, PER_ADDRESS + 1);
    expect(statuses.slice(0, PER_ADDRESS).every((s) => s !== 429)).toBe(true);
    expect(statuses[PER_ADDRESS]).toBe(429);
  });

  it('believes X-Forwarded-For only from the configured proxy', async () => {
    const statuses = await forgedPosts(proxiedUrl, PER_ADDRESS + 1);
    expect(statuses).not.toContain(429);
  });
});
