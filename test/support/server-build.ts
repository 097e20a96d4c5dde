/**
 * Vitest global setup of the launcher's tests: compile the server (server/build.ts, as `pnpm build`
 * does) so they start plain `node`. Two projects (server, faults) name it and Vitest runs every
 * project's global setup in its one main process, so it builds once per process, not once per project.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const built = Symbol.for('hailong.serverBuilt');
const state = globalThis as { [built]?: boolean };

export default function setup(): void {
  if (state[built]) return;
  const repo = path.resolve(import.meta.dirname, '../..');
  execFileSync(process.execPath, ['--import', 'tsx', path.join(repo, 'server/build.ts')], {
    cwd: path.join(repo, 'server'),
    stdio: 'inherit',
  });
  state[built] = true;
}
