/**
 * Outages and malformed requests (issue 11). While PostgreSQL restarted, the API answered 500
 * INTERNAL (511 times in the probe) and logged each as an unhandled error, the SQL parameters
 * (names, emails, answers) included; Fastify's own errors (414, 431, bad URL) bypassed the catalogue
 * and echoed the URL.
 */
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { Writable } from 'node:stream';
import { buildApp, loadConfig } from '@hailong/api';
import { errorCatalogue } from '@hailong/contracts';
import { findForm } from '@hailong/forms';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv } from '../../test/support/env.ts';
import { createTestDatabase, ADMIN_URL, type TestDatabase } from '../../test/support/pg.ts';
import { TEST_REDIS_URL, uniquePrefix } from '../../test/support/redis.ts';
import { startTcpProxy, type TcpProxy } from '../../test/support/tcp-proxy.ts';

const PERSONAL = 'Nguyễn Thị Bưởi 0912345678';

describe('when PostgreSQL is unreachable', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let app: FastifyInstance;
  const logs: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const target = new URL(ADMIN_URL);
    proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    const url = new URL(database.url);
    url.host = `127.0.0.1:${proxy.port}`;
    const stream = new Writable({ write: (chunk: Buffer, _enc, done) => (logs.push(chunk.toString()), done()) });
    const config = {
      ...loadConfig(testEnv({ REDIS_URL: TEST_REDIS_URL })),
      queuePrefix: uniquePrefix(),
      databaseUrl: url.toString(),
    };
    app = await buildApp(config, { logger: { level: 'info', stream } });
    await app.ready();
    const campaign = await app.inject({ method: 'GET', url: '/api/v1/o/ST34' });
    expect(campaign.statusCode).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await proxy?.close();
    await database?.drop();
  });

  it('answers 503 DATABASE_UNAVAILABLE with Retry-After, logs no parameters or personal data, and recovers', async () => {
    await proxy.cut();
    const answers = { ...(findForm('02/2021-DVCTT')?.example ?? {}), PROCEDURE: PERSONAL };
    const responses = [
      await app.inject({ method: 'GET', url: '/api/v1/o/ST34?email=someone%40example.vn' }),
      await app.inject({
        method: 'POST',
        url: '/api/v1/o/ST34/responses',
        payload: { clientId: randomUUID(), formCode: '02/2021-DVCTT', answers },
      }),
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'someone@example.vn', password: 'Secret-Pass-1' },
      }),
    ];
    for (const res of responses) {
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json<{ error: { code: string } }>().error.code).toBe('DATABASE_UNAVAILABLE');
    }
    const text = logs.join('');
    expect(text).toContain('database unavailable');
    expect(text).not.toContain('unhandled error');
    for (const secret of [PERSONAL, 'someone@example.vn', 'someone%40example.vn', 'Secret-Pass-1', 'params'])
      expect(text).not.toContain(secret);

    await proxy.restore();
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await app.inject({ method: 'GET', url: '/api/v1/o/ST34' })).statusCode;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
  });
});

/** Raw HTTP on a listening server: Node's parser errors never reach `inject`. */
function rawRequest(port: number, request: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = Buffer.concat(chunks).toString('utf8').split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), body });
    });
    socket.setTimeout(5000, () => socket.destroy());
  });
}

describe("Fastify's and Node's own errors", () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let port: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = {
      ...loadConfig(testEnv({ REDIS_URL: TEST_REDIS_URL })),
      queuePrefix: uniquePrefix(),
      databaseUrl: database.url,
    };
    app = await buildApp(config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const marker = 'zz-echo-marker-zz';
  const cases: { name: string; request: () => string; status: number; code: keyof typeof errorCatalogue }[] = [
    {
      name: 'a bad URL encoding',
      request: () => `GET /api/v1/o/%E0%A4%A${marker} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      status: 400,
      code: 'MALFORMED_REQUEST',
    },
    {
      name: 'a path parameter longer than allowed',
      request: () => `GET /api/v1/s/${marker}${'a'.repeat(300)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      status: 414,
      code: 'URI_TOO_LONG',
    },
    {
      name: 'headers over the limit',
      request: () => `GET /api/v1/o/ST34 HTTP/1.1\r\nHost: x\r\nX-Big: ${marker}${'b'.repeat(20_000)}\r\n\r\n`,
      status: 431,
      code: 'HEADERS_TOO_LARGE',
    },
    { name: 'bytes that are not HTTP', request: () => `${marker} \u0001\r\n\r\n`, status: 400, code: 'MALFORMED_REQUEST' },
    {
      name: 'a body that is not JSON',
      request: () => {
        const body = `{"clientId": "${marker}`;
        return `POST /api/v1/o/ST34/responses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`;
      },
      status: 400,
      code: 'MALFORMED_REQUEST',
    },
  ];

  for (const c of cases) {
    it(`answers ${c.name} with ${c.status} ${c.code}, without echoing the input`, async () => {
      const res = await rawRequest(port, c.request());
      expect(res.status).toBe(c.status);
      const body = JSON.parse(res.body) as { error: { code: string; message: string; messageEn: string } };
      expect(body.error.code).toBe(c.code);
      expect(body.error.message).toBe(errorCatalogue[c.code].vi);
      expect(res.body).not.toContain(marker);
    });
  }
});
