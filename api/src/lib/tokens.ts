/** Random tokens (≥ 128 bits, here 256) and their SHA-256 hashes; only hashes are ever stored. */
import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';

export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * HMAC-SHA256(secret, purpose + ":" + value), hex. For values people can type or guess — dossier
 * codes, slip rating codes — a plain SHA-256 is reversible by trying every plausible code; keyed
 * with TOKEN_SECRET, a database dump alone reveals nothing (docs/0003-invitation-tokens.md).
 * `purpose` separates the uses, so the same text never hashes the same way for two features.
 */
export function keyedHash(secret: string, purpose: string, value: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${value}`, 'utf8').digest('hex');
}

const SHORT_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read aloud and typed on tablets

/** A short human-typable code (pairing codes, slip rating codes). */
export function newShortCode(length = 8): string {
  let s = '';
  for (let i = 0; i < length; i++) s += SHORT_ALPHABET[randomInt(SHORT_ALPHABET.length)];
  return s;
}

/** Canonical JSON (sorted keys) for payload comparison of idempotent replays. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    // Keys in code-unit order (the default sort of strings); undefined values are left out. Built in
    // one pass: it runs for every stored response.
    const o = v as Record<string, unknown>;
    let out = '';
    for (const k of Object.keys(o).sort()) {
      const x = o[k];
      if (x === undefined) continue;
      out += `${out ? ',' : ''}${JSON.stringify(k)}:${canonicalJson(x)}`;
    }
    return `{${out}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

export function payloadHash(v: unknown): string {
  return createHash('sha256').update(canonicalJson(v)).digest('hex');
}
