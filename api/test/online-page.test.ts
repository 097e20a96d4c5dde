/**
 * The online form's page /o/<unit> arrives with the unit and form 02 in it (docs/0028), so a phone
 * shows the first question without asking the API first: the same data the API answers, escaped so
 * that no unit name can end the element or start markup, compressed, and revalidated on every visit
 * (it changes with the unit and the form). An unknown unit gets the plain page, which asks the API
 * and shows its 404. Hashed build files are kept by browsers for a year; pages and workers are not.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { fc } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { jsonForScript } from '../src/plugins/page-data.ts';
import { openSipasCampaign } from './kiosk-fixtures.ts';

const PAGE = `<!doctype html>
<html lang="vi">
  <head>
    <script type="module" crossorigin src="/assets/online-abc123.js"></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;
const DATA_ELEMENT = /<script type="application\/json" id="hl-page-data">(.*?)<\/script>/s;

/** A built web app as the build lays it out: pages, a hashed script and a service worker. */
function webDist(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hl-web-'));
  mkdirSync(path.join(dir, 'assets'));
  for (const page of ['index.html', 'online.html', 'kiosk.html', 'enumerator.html']) writeFileSync(path.join(dir, page), PAGE);
  writeFileSync(path.join(dir, 'assets', 'online-abc123.js'), 'console.log(1);\n');
  writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => undefined);\n');
  return dir;
}

describe('the online form page carries its first screen', () => {
  let t: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = webDist();
    t = await buildTestApp({ webDist: dist });
    await openSipasCampaign(t);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const page = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });
  const dataIn = (html: string): unknown => {
    const m = DATA_ELEMENT.exec(html);
    return m?.[1] === undefined ? undefined : JSON.parse(m[1]);
  };

  it('sends /o/<unit> with what GET /api/v1/o/<unit> answers, revalidated on every visit', async () => {
    const res = await page('/o/ST34');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('<div id="root"></div>');
    const api = await t.app.inject({ url: '/api/v1/o/ST34' });
    expect(dataIn(res.body)).toEqual(api.json());
    expect(dataIn(res.body)).toMatchObject({ unitCode: 'ST34', unitName: 'Huyện Mỹ Tú', form: { code: '02/2021-DVCTT' } });
    // The same page again: 304 without a body while neither the page nor the data changed.
    const again = await page('/o/ST34', { 'if-none-match': String(res.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('escapes a unit name that would close the element or open markup', async () => {
    const name = 'Huyện Mỹ Tú </script><script>alert(1)</script>\u2028<!-- & -->';
    const csv = `event,from_codes,to_codes,name,group,effective_date,basis\nrename,ST34,ST34,${name},district,2021-01-01,QĐ 1\n`;
    const renamed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units/events?dryRun=false',
      headers: { cookie: t.adminCookie, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(renamed.statusCode).toBe(200);
    const res = await page('/o/ST34');
    const element = DATA_ELEMENT.exec(res.body)?.[1] ?? '';
    expect(element).not.toMatch(/[<>&\u2028]/);
    expect(res.body.match(/<script/g)).toHaveLength(2); // the page's script and the data element, no other
    expect(dataIn(res.body)).toMatchObject({ unitCode: 'ST34', unitName: name });
  });

  it('sends an unknown unit the plain page, whose call to the API then answers 404 UNIT_UNKNOWN', async () => {
    const res = await page('/o/NOPE1');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(PAGE);
    expect(res.body).not.toContain('hl-page-data');
    const api = await t.app.inject({ url: '/api/v1/o/NOPE1' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('UNIT_UNKNOWN');
    // The poster and the kiosk carry no form data either.
    expect((await page('/o/ST34/poster')).body).toBe(PAGE);
    expect((await page('/k')).body).toBe(PAGE);
  });

  it('compresses the page as the phone accepts (brotli, else gzip) to the same content', async () => {
    const plain = (await page('/o/ST34', { 'accept-encoding': 'identity' })).body;
    const br = await page('/o/ST34', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain);
    const gz = await page('/o/ST34', { 'accept-encoding': 'gzip, br;q=0' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain);
    expect(br.rawPayload.length).toBeLessThan(plain.length / 2);
  });

  it('lets browsers keep hashed build files for a year, and revalidate pages and service workers', async () => {
    const asset = await page('/assets/online-abc123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await page('/sw.js')).headers['cache-control']).toBe('no-cache');
    expect((await page('/k')).headers['cache-control']).toBe('no-cache');
    expect((await page('/o/NOPE1')).headers['cache-control']).toBe('no-cache');
  });
});

describe('jsonForScript', () => {
  it('reads back as the same value and never contains <, >, & or a line separator', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), (value, text) => {
        for (const v of [value, text, { name: `</script>${text}<!--` }]) {
          const out = jsonForScript(v);
          expect(out).not.toMatch(/[<>&\u2028\u2029]/);
          expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(v)));
        }
      }),
    );
  });
});
