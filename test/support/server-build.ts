/** Vitest global setup of the launcher's tests: compile the server (server/build.ts, as `pnpm build` does) so they start plain `node`. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  const repo = path.resolve(import.meta.dirname, '../..');
  execFileSync(process.execPath, ['--import', 'tsx', path.join(repo, 'server/build.ts')], {
    cwd: path.join(repo, 'server'),
    stdio: 'inherit',
  });
}
