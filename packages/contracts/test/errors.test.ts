import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { errorCatalogue, errorCodes, retryOrPark } from '../src/errors.ts';

describe('retryOrPark', () => {
  it('follows the catalogue for its codes', () => {
    expect(retryOrPark({ status: 409, code: 'NO_OPEN_CAMPAIGN' })).toBe('park');
    expect(retryOrPark({ status: 400, code: 'ANSWERS_INVALID' })).toBe('park');
    expect(retryOrPark({ status: 401, code: 'DEVICE_UNAUTHORIZED' })).toBe('retry');
    expect(retryOrPark({ status: 429, code: 'RATE_LIMITED' })).toBe('retry');
    expect(retryOrPark({ status: 503, code: 'SERVICE_UNAVAILABLE' })).toBe('retry');
    for (const code of errorCodes)
      expect(retryOrPark({ status: errorCatalogue[code].status, code })).toBe(errorCatalogue[code].client);
  });

  it('retries when no answer came', () => {
    expect(retryOrPark('network')).toBe('retry');
  });

  it('retries every 5xx code of the catalogue', () => {
    for (const code of errorCodes)
      if (errorCatalogue[code].status >= 500) expect(errorCatalogue[code].client, code).toBe('retry');
  });

  test.prop([fc.integer({ min: 400, max: 599 }), fc.option(fc.string().filter((s) => !Object.hasOwn(errorCatalogue, s)))])(
    'decides unknown codes by status: 5xx, 408, 425, 429 retry, other 4xx park',
    (status, code) => {
      const expected = status >= 500 || status === 408 || status === 425 || status === 429 ? 'retry' : 'park';
      expect(retryOrPark({ status, code })).toBe(expected);
    },
  );
});
