/**
 * Shared by the kiosk benchmarks: the load generator (CLIENTS concurrent keep-alive HTTP clients ×
 * PER_CLIENT kiosk sessions each, latencies and throughput), the median of alternating rounds, and the
 * floor — a bare node:http + pg server doing one INSERT … ON CONFLICT DO NOTHING per request into a
 * table of the same shape as `responses`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';

export const CLIENTS = 32;
export const PER_CLIENT = 150;

export interface Run {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

export async function load(url: string, headersOf: (client: number) => Record<string, string>, body: () => object): Promise<Run> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const lat: number[] = [];
  let errors = 0;
  const one = (payload: string, headers: Record<string, string>) =>
    new Promise<number>((resolve) => {
      const req = http.request(
        url,
        { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', () => resolve(0));
      req.end(payload);
    });
  const client = async (c: number) => {
    for (let i = 0; i < PER_CLIENT; i++) {
      const payload = JSON.stringify(body());
      const t0 = performance.now();
      const status = await one(payload, headersOf(c));
      lat.push(performance.now() - t0);
      if (status !== 201) errors++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  const s = (performance.now() - t0) / 1000;
  agent.destroy();
  lat.sort((a, b) => a - b);
  const pct = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? 0;
  return { rps: lat.length / s, p50: pct(0.5), p99: pct(0.99), errors };
}

/** The round with the median throughput (its latencies are reported with it). */
export function medianRun(runs: Run[]): Run {
  const sorted = [...runs].sort((a, b) => a.rps - b.rps);
  return sorted[Math.floor(sorted.length / 2)] ?? { rps: 0, p50: 0, p99: 0, errors: 0 };
}

export async function floorServer(url: string, poolSize = 10): Promise<{ url: string; close: () => Promise<void> }> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  await pool.query('create table if not exists bench_floor (like responses including defaults including indexes)');
  const ids = (
    await pool.query<{ campaign_id: string; form_id: number; unit_id: number }>(
      'select campaign_id, form_id, unit_id from responses limit 1',
    )
  ).rows[0];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const b = JSON.parse(Buffer.concat(chunks).toString()) as { clientId: string; answers: unknown };
      pool
        .query(
          `insert into bench_floor (client_id, campaign_id, form_id, unit_id, channel, answers, payload_hash)
           values ($1, $2, $3, $4, 'kiosk', $5, 'x') on conflict (client_id) do nothing returning id`,
          [b.clientId, ids?.campaign_id, ids?.form_id, ids?.unit_id, JSON.stringify(b.answers)],
        )
        .then((r) => {
          res.writeHead(r.rowCount ? 201 : 200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: r.rows[0]?.id }));
        })
        .catch(() => {
          res.writeHead(500);
          res.end();
        });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: async () => {
      await new Promise((r) => server.close(r));
      await pool.end();
    },
  };
}
