/**
 * Environment for tests: a fixed token secret and a temporary DATA_DIR, so no test writes
 * `.data/secret` (or an outbox) into the checkout.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const TEST_TOKEN_SECRET = 'test-token-secret-0123456789abcdefghijklmnop';

export function tempDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'hl-data-'));
}

/** Variables every test config gets (explicit ones win). */
export function testEnv(env: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return { TOKEN_SECRET: TEST_TOKEN_SECRET, DATA_DIR: tempDataDir(), ...env };
}
