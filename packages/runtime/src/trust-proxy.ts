/** TRUST_PROXY: which peers may set X-Forwarded-For (parsed by the one environment schema). */
import { isIP } from 'node:net';
import { z } from 'zod';

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
export const trustProxySchema = z.string().transform((v, ctx): TrustProxy => {
  const s = v.trim();
  if (s === 'false' || s === '0' || s === 'off') return false;
  if (/^\d+$/.test(s)) return Number(s);
  const entries = s
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const bad = entries.filter((e) => !isProxyEntry(e));
  if (entries.length === 0 || bad.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `must be false, a hop count, or a comma-separated list of proxy addresses/CIDR ranges (not understood: ${bad.join(', ') || s})`,
    });
    return z.NEVER;
  }
  return entries;
});
