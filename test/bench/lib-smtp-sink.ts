/**
 * Starts the counting SMTP server of the mail benchmarks (lib-smtp-count-sink.ts) in a child
 * process and reads its counts: mails, distinct recipients, when the last one arrived and the CPU
 * the server process has used so far (to state the sink's CPU per mail).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface SinkStats {
  count: number;
  distinct: number;
  lastAt: number;
  /** SMTP connections opened to it so far. */
  connections: number;
  /** CPU time (user + system) of the sink process since it started, in microseconds. */
  cpuMicros: number;
}

export interface CountingSink {
  url: string;
  stats(): Promise<SinkStats>;
  close(): void;
}

export async function startCountingSink(): Promise<CountingSink> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./lib-smtp-count-sink.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
  });
  const port = await new Promise<number>((resolve) => child.once('message', (m) => resolve((m as { port: number }).port)));
  return {
    url: `smtp://127.0.0.1:${port}`,
    stats: () =>
      new Promise((resolve) => {
        child.once('message', (m) => resolve(m as SinkStats));
        child.send('stats');
      }),
    close: () => child.disconnect(),
  };
}
