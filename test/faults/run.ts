/**
 * `pnpm test:faults`: the long fault run (15 s of load around each kill, 2,000 invitations). Prints
 * the figures, writes them to RELIABILITY.md with the command that produced them, and exits
 * non-zero when a promise is broken. The short run is test/faults/faults.test.ts (in `pnpm test`).
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import buildServer from '../support/server-build.ts';
import { runFaultScenario, type FaultFigures } from './scenario.ts';

const PHASE_MS = 15_000;
const INVITATIONS = 2_000;

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

function report(f: FaultFigures, loadBefore: string, loadAfter: string): string {
  const killed = f.faults.map((x) => `| ${x.what} | ${x.backAt - x.at} ms |`).join('\n');
  return `# Reliability

Produced by \`pnpm test:faults\` (test/faults/run.ts) on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores,
Node ${process.version}: its own PostgreSQL 15 cluster, Redis (no persistence: a restart loses every
job) and SMTP sink; the API and a separate worker as child processes; 32 kiosk clients resending
each session until acknowledged and a ${f.invitations.toLocaleString('en')}-invitation staff send; the API
(SIGKILL), the worker (SIGKILL, mid-send), Redis (SIGKILL) and PostgreSQL (\`pg_ctl stop -m immediate\`)
killed and started again in turn, with ${PHASE_MS / 1000} s of load before and after each kill.

The machine was shared while it ran: load average (1 / 5 / 15 min) ${loadBefore} at the start and
${loadAfter} at the end, on ${os.cpus().length} cores. Process starts and the mail rate are slower
than on a quiet machine by about that factor; the promises below do not depend on it.

| figure | value |
|---|---|
| kiosk sessions acknowledged | ${f.acknowledged.toLocaleString('en')} |
| acknowledged but not stored (lost) | ${f.lost} |
| stored twice | ${f.storedTwice} |
| responses stored | ${f.stored.toLocaleString('en')} |
| client attempts that failed and were resent | ${f.clientRetries.toLocaleString('en')} |
| invitations sent / undelivered | ${f.delivered.toLocaleString('en')} / ${f.undelivered} |
| duplicate invitation mails | ${f.duplicateMails} (outside the documented window: ${f.duplicatesOutsideWindow}) |
| every invitation sent, after the load stopped | ${Math.round(f.drainMs / 1000)} s |
| longest time without any mail after the last restart | ${(f.longestMailStallMs / 1000).toFixed(1)} s |
| run time | ${f.seconds} s |

| killed | down until back |
|---|---|
${killed}

Duplicates are allowed only in the window of docs/0003-invitation-tokens.md (mails the relay accepted
in the instant before the worker died, at most 20 per crash, or while PostgreSQL was down).
Result: ${f.problems.length === 0 ? 'every promise held' : `BROKEN: ${f.problems.join('; ')}`}.
`;
}

const loadBefore = load();
buildServer();
const figures = await runFaultScenario({
  phaseMs: PHASE_MS,
  invitations: INVITATIONS,
  log: (l) => process.stdout.write(`${l}\n`),
});
process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
writeFileSync(fileURLToPath(new URL('../../RELIABILITY.md', import.meta.url)), report(figures, loadBefore, load()));
process.exit(figures.problems.length === 0 ? 0 : 1);
