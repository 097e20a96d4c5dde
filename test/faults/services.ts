/**
 * The services the fault harness owns: its own PostgreSQL 15 cluster (initdb into a temporary
 * directory, on a free port, run as the `postgres` OS user when the harness runs as root, since
 * initdb refuses root), its own redis-server (no persistence: a restart loses every job, the worst
 * case), and Node child processes (API, worker) that can be killed with SIGKILL and started again.
 * Everything registers a synchronous cleanup, run on success, on failure and at process exit.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

const PG_BIN = '/usr/lib/postgresql/15/bin';
const cleanups: (() => void)[] = [];
let exitHookInstalled = false;

/** Runs every registered cleanup (last registered first); safe to call more than once. */
export function cleanupAll(): void {
  for (const fn of cleanups.splice(0).reverse()) {
    try {
      fn();
    } catch {
      // keep cleaning the rest
    }
  }
}

function onCleanup(fn: () => void): void {
  cleanups.push(fn);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', cleanupAll);
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => process.exit(1));
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A scratch directory removed at cleanup; owned by `postgres` when we are root. */
export function scratchDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hl-faults-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function postgresUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid))
    throw new Error('running as root needs a `postgres` OS user to run PostgreSQL');
  return { uid, gid };
}

function pgCommand(bin: string, args: string[]): [string, string[]] {
  return postgresUser() ? ['runuser', ['-u', 'postgres', '--', path.join(PG_BIN, bin), ...args]] : [path.join(PG_BIN, bin), args];
}

function runPg(bin: string, args: string[]): void {
  const [cmd, argv] = pgCommand(bin, args);
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${bin} failed: ${r.stderr || r.stdout}`);
}

export interface PostgresCluster {
  url: string;
  /** Crash: `pg_ctl stop -m immediate` (every backend aborts, recovery runs at the next start). */
  crash(): void;
  start(): void;
}

export async function startPostgres(root: string): Promise<PostgresCluster> {
  const owner = postgresUser();
  if (owner) chownSync(root, owner.uid, owner.gid);
  const data = path.join(root, 'pgdata');
  const port = await freePort();
  runPg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C.UTF-8']);
  const opts = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c max_connections=200`;
  const cluster: PostgresCluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    crash: () => runPg('pg_ctl', ['-D', data, 'stop', '-m', 'immediate', '-w']),
    start: () => runPg('pg_ctl', ['-D', data, '-o', opts, '-l', path.join(root, 'pg.log'), 'start', '-w', '-t', '60']),
  };
  cluster.start();
  onCleanup(() => {
    const [cmd, argv] = pgCommand('pg_ctl', ['-D', data, 'stop', '-m', 'immediate', '-w']);
    spawnSync(cmd, argv);
  });
  return cluster;
}

/** A child process that can be SIGKILLed and started again with the same command. */
export interface Restartable {
  readonly name: string;
  readonly running: boolean;
  /** The end of what it wrote to stderr (for failure messages). */
  readonly stderrTail: string;
  start(): void;
  kill9(): Promise<void>;
}

export function restartable(
  name: string,
  command: string,
  args: readonly string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string; log?: string } = {},
): Restartable {
  let child: ChildProcess | null = null;
  let tail = '';
  const r: Restartable = {
    name,
    get stderrTail() {
      return tail;
    },
    get running() {
      return child !== null && child.exitCode === null && child.signalCode === null;
    },
    start() {
      tail = '';
      child = spawn(command, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'ignore', 'pipe'] });
      const c = child;
      c.stderr?.on('data', (d: Buffer) => {
        tail = (tail + d.toString()).slice(-8_000);
        if (opts.log === 'stderr') process.stderr.write(`[${name}] ${d.toString()}`);
      });
    },
    async kill9() {
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      const exited = new Promise((res) => c.once('exit', res));
      c.kill('SIGKILL');
      await exited;
    },
  };
  onCleanup(() => {
    if (r.running) child?.kill('SIGKILL');
  });
  return r;
}

export async function startRedis(root: string): Promise<{ url: string; server: Restartable }> {
  const port = await freePort();
  const server = restartable('redis', 'redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    root,
    '--save',
    '',
    '--appendonly',
    'no',
  ]);
  server.start();
  const url = `redis://127.0.0.1:${port}`;
  await waitForRedis(port);
  return { url, server };
}

export async function waitForRedis(port: number, timeoutMs = 10_000): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    const r = spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' });
    if (r.stdout.trim() === 'PONG') return;
    await sleep(100);
  }
  throw new Error(`redis on ${port} did not answer`);
}

/** Waits until GET url answers 200 (/readyz: the API is up and can store responses). */
export async function waitForHttp(url: string, timeoutMs = 90_000, who?: Restartable): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).status === 200) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms${who ? `; ${who.name} wrote: ${who.stderrTail}` : ''}`);
}
