/**
 * Invitation tokens. The link token is HMAC-SHA256(TOKEN_SECRET, invitation id), base64url (256
 * bits); only SHA-256(token) is stored. The API derives it when it creates the invitation and the
 * worker derives it again when it writes the mail, so the token itself never sits in the database,
 * in Redis job data or in logs. See docs/0003-invitation-tokens.md.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function invitationToken(secret: string, invitationId: string): string {
  return createHmac('sha256', secret).update(`invitation:${invitationId}`).digest('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * TOKEN_SECRET when set; otherwise a random secret generated once and kept in DATA_DIR/secret
 * (mode 0600), so the API and the worker of one installation agree without configuration.
 */
export function resolveTokenSecret(fromEnv: string | undefined, dataDir: string): string {
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, 'secret');
  try {
    const s = readFileSync(file, 'utf8').trim();
    if (s.length >= 32) return s;
  } catch {
    // not there yet: create it below
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch {
    // another process created it first: use theirs
    return readFileSync(file, 'utf8').trim();
  }
}

/**
 * Default queue prefix: `hl-` + a digest of the installation's secret, so two installations that
 * share one Redis (two checkouts on one machine, staging and test) never take each other's jobs.
 */
export function defaultQueuePrefix(secret: string): string {
  return `hl-${createHash('sha256').update(`queue:${secret}`).digest('hex').slice(0, 10)}`;
}
