/** Standalone worker process (production: the `worker` service of docker-compose). */
import { loadWorkerConfig } from './config.ts';
import { startWorker } from './worker.ts';

let config;
try {
  config = loadWorkerConfig();
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
const handle = await startWorker(config);
let closing = false;
for (const sig of ['SIGTERM', 'SIGINT'] as const) {
  process.on(sig, () => {
    if (closing) return;
    closing = true;
    handle.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
