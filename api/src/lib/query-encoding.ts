/**
 * A query string must be percent-encoded UTF-8. Fastify's parser turns "%zz", a lone surrogate
 * ("%ED%A0%80"), an overlong ("%C0%AF") or a cut sequence into replacement characters or leaves
 * them as they are, and a filter then silently matched nothing (200 with an empty list). The
 * hook answers 400 TEXT_INVALID naming the parameter (never its value), after authentication.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

const MESSAGE = {
  vi: 'Tham số trên địa chỉ không phải mã UTF-8 hợp lệ',
  en: 'A parameter of the address is not valid UTF-8 percent-encoding',
};

function decodes(part: string): boolean {
  try {
    decodeURIComponent(part.replace(/\+/g, ' '));
    return true;
  } catch {
    return false;
  }
}

/** The first parameter whose name or value does not decode ("query" when the name itself is broken), or null. */
export function badQueryParameter(url: string): string | null {
  const q = url.indexOf('?');
  if (q === -1) return null;
  for (const pair of url.slice(q + 1).split('&')) {
    const eq = pair.indexOf('=');
    const key = eq === -1 ? pair : pair.slice(0, eq);
    if (!decodes(key)) return 'query';
    if (eq !== -1 && !decodes(pair.slice(eq + 1))) {
      const name = decodeURIComponent(key.replace(/\+/g, ' '));
      return /^[\w.[\]-]{1,40}$/.test(name) ? name : 'query';
    }
  }
  return null;
}

export function rejectBadQueryEncoding(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const field = badQueryParameter(req.url);
    if (field !== null) throw new AppError('TEXT_INVALID', [{ field, message: MESSAGE.vi, messageEn: MESSAGE.en }]);
  });
}
