/**
 * The compiled launcher (`node server/dist/main.mjs <role>`, what `pnpm build` produces and the image runs)
 * started as a child process by the launcher's tests and benchmarks. Every child is killed when the test
 * process exits, also after a failed assertion or an interrupted run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const SERVER_BUNDLE = path.join(REPO, 'server/dist/main.mjs');

/** Throws a clear error when the compiled server is missing (it is built by `pnpm build`). */
export function requireServerBundle(): string {
  if (!existsSync(SERVER_BUNDLE))
    throw new Error(`${path.relative(REPO, SERVER_BUNDLE)} is missing: run \`pnpm build\` first (pnpm test does).`);
  return SERVER_BUNDLE;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net
      .createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const a = s.address();
        s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
      });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Its exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL when it has not exited within graceMs. */
  stop(graceMs?: number): Promise<number | null>;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function killAllOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const c of running) c.kill('SIGKILL');
  });
}

export interface StartOptions {
  /** The bundle to start (default: the checkout's server/dist/main.mjs). */
  bundle?: string;
  /** Working directory (default: the checkout). */
  cwd?: string;
  /** Node options before the bundle, e.g. `--enable-source-maps` as the image's entry point has. */
  nodeArgs?: string[];
}

/** Starts the compiled server in one role with exactly this environment (plus PATH and HOME). */
export function startServerProcess(
  role: string,
  env: Record<string, string | undefined>,
  options: StartOptions = {},
): ServerProcess {
  killAllOnExit();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.bundle ?? requireServerBundle(), role], {
    cwd: options.cwd ?? REPO,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))).finally(() =>
    running.delete(child),
  );
  return {
    child,
    output: () => out,
    exited,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Polls `url` until it answers `status` (default 200); throws with the process output after timeoutMs. */
export async function waitForStatus(url: string, proc: ServerProcess, timeoutMs = 60_000, status = 200): Promise<void> {
  const t0 = Date.now();
  let last = 'no answer';
  while (Date.now() - t0 < timeoutMs) {
    if (proc.child.exitCode !== null)
      throw new Error(`exited with ${proc.child.exitCode} before ${url} answered:\n${proc.output()}`);
    const res = await fetch(url).catch(() => null);
    if (res?.status === status) return;
    if (res) last = `${res.status} ${await res.text()}`;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms (last: ${last}):\n${proc.output()}`);
}
