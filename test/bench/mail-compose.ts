/**
 * Issue 16: the CPU one staff mail costs on its way to the relay, with the worker's SMTP transport
 * alone (no database, no Redis): mails composed by nodemailer's MIME tree against the raw messages
 * the worker writes (worker/src/mail/raw-message.ts, docs/0024-batched-mail.md), alternating rounds
 * in the same run so both see the same load. Each round sends ROUND invitations rendered as the
 * worker renders them (names with diacritics, a personal link each) with 100 in flight over 20
 * pooled connections to the counting SMTP server in a child process, and reads the CPU (user +
 * system) of the sending process and of the SMTP server per mail. Updates its section of BENCHMARKS.md.
 * `pnpm exec tsx test/bench/mail-compose.ts --rounds=6 --round=2000`.
 */
import os from 'node:os';
import { renderStaffMail } from '@hailong/runtime';
import { createMailTransport } from '@hailong/worker';
import { postgresOnly, today, writeBenchSection } from './lib-benchmarks-md.ts';
import { startCountingSink, type CountingSink } from './lib-smtp-sink.ts';

const arg = (name: string, dflt: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt);
const ROUNDS = arg('rounds', 6);
const ROUND = arg('round', 2_000);
const IN_FLIGHT = 100;
const load = () => os.loadavg()[0]?.toFixed(1) ?? '?';

type Mode = 'nodemailer' | 'raw';
interface Round {
  mode: Mode;
  senderMs: number;
  sinkMs: number;
  perSecond: number;
}

function mails(round: number) {
  return Array.from({ length: ROUND }, (_, i) => {
    const link = `https://khaosat.cantho.gov.vn/s/${(round * ROUND + i).toString(36).padStart(43, 'x')}`;
    const mail = renderStaffMail({
      kind: 'invitation',
      round: 0,
      fullName: `Nguyễn Thị Thử ${i}`,
      unitName: 'Sở Nội vụ thành phố Cần Thơ',
      campaignName: 'Khảo sát CBCCVC 2025',
      year: 2025,
      closesAt: new Date('2025-11-22T16:59:59Z'),
      link,
      optOutLink: `${link}/opt-out`,
      retentionDays: 365,
    });
    return { to: `cb${round}.${i}@example.vn`, ...mail, messageId: `<${round}-${i}@hailong>` };
  });
}

async function runRound(sink: CountingSink, mode: Mode, round: number): Promise<Round> {
  const transport = createMailTransport(
    {
      smtpUrl: sink.url,
      mailFrom: 'Sở Nội vụ <khaosat@cantho.gov.vn>',
      smtpRatePerSecond: 100_000,
      smtpPoolSize: 20,
      outboxDir: '',
    },
    { rawMessages: mode === 'raw' },
  );
  const batch = mails(round);
  const before = await sink.stats();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let m = batch[next++]; m; m = batch[next++]) await transport.send(m);
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const after = await sink.stats();
  transport.close();
  if (after.count - before.count !== ROUND) throw new Error(`${after.count - before.count} of ${ROUND} arrived`);
  return {
    mode,
    senderMs: (cpu.user + cpu.system) / 1000 / ROUND,
    sinkMs: (after.cpuMicros - before.cpuMicros) / 1000 / ROUND,
    perSecond: ROUND / seconds,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function main() {
  if (postgresOnly('it uses no database, so its one section holds for both engines')) return;
  const sink = await startCountingSink();
  const loadAtStart = load();
  const rounds: Round[] = [];
  try {
    // A warm-up round of each, not counted (JIT, connections).
    for (const mode of ['nodemailer', 'raw'] as const) await runRound(sink, mode, 999);
    for (let r = 0; r < ROUNDS; r++) {
      const mode: Mode = r % 2 === 0 ? 'nodemailer' : 'raw';
      rounds.push(await runRound(sink, mode, r));
      console.log(rounds.at(-1));
    }
  } finally {
    sink.close();
  }
  const of = (mode: Mode) => {
    const rs = rounds.filter((r) => r.mode === mode);
    return {
      sender: median(rs.map((r) => r.senderMs)),
      sink: median(rs.map((r) => r.sinkMs)),
      rate: median(rs.map((r) => r.perSecond)),
    };
  };
  const a = of('nodemailer');
  const b = of('raw');
  const line = (name: string, x: ReturnType<typeof of>) =>
    `${name}: ${x.sender.toFixed(3)} ms of the sender's CPU per mail, ${x.sink.toFixed(3)} ms of the SMTP server's; ${Math.round(x.rate)} mails/s (median of ${ROUNDS / 2} rounds of ${ROUND.toLocaleString('en')})`;
  const lines = [
    line('nodemailer composes each mail', a),
    line('raw message (the worker today)', b),
    `sender CPU per mail raw / nodemailer: ${(b.sender / a.sender).toFixed(2)}; load average (1 min) at start / end ${loadAtStart} / ${load()}`,
  ];
  for (const l of lines) console.log(l);
  writeBenchSection({
    key: 'mail-compose',
    title: 'Issue 16 — CPU per staff mail in the SMTP transport',
    how: `\`pnpm bench mail-compose\` (the worker's SMTP transport alone, no database or Redis: invitations rendered as the worker renders them, ${IN_FLIGHT} in flight over 20 pooled connections to smtp-server on loopback in a child process that counts them; rounds of each composition alternate in one run, 2 cores shared with everything else on the machine; ${today()}):`,
    lines,
  });
}

await main();
