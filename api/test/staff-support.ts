/**
 * Helpers of the staff-survey tests: a real SMTP server on loopback (smtp-server, parsed with
 * mailparser) and a respondent CSV that spreads respondents over the 40 units and groups T1–T6.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** The List-Unsubscribe header's value ('' when absent). */
  listUnsubscribe: string;
  /** When the sink answered 250 to its DATA (Date.now()). */
  acceptedAt: number;
  /** When the last byte of its DATA arrived: from then on the relay holds the message. */
  receivedAt: number;
}

export interface SmtpSink {
  url: string;
  port: number;
  mails: ReceivedMail[];
  /** RCPT commands answered 451 (greylisting) so far. */
  tempFailures: number;
  /** Waits until at least n mails arrived (or throws after timeoutMs). */
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

function headerValue(lines: readonly { key: string; line: string }[], key: string): string {
  const line = lines.find((h) => h.key === key)?.line ?? '';
  return line.slice(line.indexOf(':') + 1).trim();
}

export interface SmtpSinkOptions {
  /** Answer RCPT TO with 550 (permanent: the address bounces). */
  rejectRcpt?: (to: string) => boolean;
  /** Answer RCPT TO with 451 (transient, as a greylisting server does at first). */
  tempFailRcpt?: (to: string) => boolean;
  /** Listen on this port (0: any free one). */
  port?: number;
}

export async function startSmtpSink(opts: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  let tempFailures = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, cb) {
      if (opts.rejectRcpt?.(address.address)) {
        const err = Object.assign(new Error('550 mailbox unavailable'), { responseCode: 550 });
        cb(err);
        return;
      }
      if (opts.tempFailRcpt?.(address.address)) {
        tempFailures++;
        cb(Object.assign(new Error('451 greylisted, try again later'), { responseCode: 451 }));
        return;
      }
      cb();
    },
    onData(stream, session, cb) {
      let receivedAt = 0;
      stream.on('end', () => {
        receivedAt = Date.now();
      });
      simpleParser(stream)
        .then((m) => {
          mails.push({
            to: (session.envelope.rcptTo[0]?.address ?? '').toLowerCase(),
            subject: m.subject ?? '',
            text: m.text ?? '',
            html: typeof m.html === 'string' ? m.html : '',
            messageId: m.messageId ?? '',
            listUnsubscribe: headerValue(m.headerLines, 'list-unsubscribe'),
            acceptedAt: Date.now(),
            receivedAt: receivedAt || Date.now(),
          });
          cb();
        })
        .catch((err: Error) => cb(err));
    },
  });
  // A client killed mid-session resets its connection; that is what some tests do on purpose.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    mails,
    get tempFailures() {
      return tempFailures;
    },
    async waitFor(n, timeoutMs = 60_000) {
      const t0 = Date.now();
      while (mails.length < n) {
        if (Date.now() - t0 > timeoutMs) throw new Error(`only ${mails.length}/${n} mails arrived in ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function linkToken(text: string): string | undefined {
  return /\/s\/([A-Za-z0-9_-]{16,})/.exec(text)?.[1];
}

export interface PlannedRespondent {
  email: string;
  unitCode: string;
  group: string;
}

/** Kind of unit STnn in units-soctrang-2021.csv: ST01–ST19 departments, ST20–ST29 others, ST30–ST40 districts. */
const unitGroupOf = (n: number): string => (n <= 19 ? 'department' : n <= 29 ? 'other' : 'district');

/** n respondents over the 40 units; group by kind of unit (METHOD.md §3), every 9th a T1 delegate. */
export function planRespondents(n: number, tag: string): PlannedRespondent[] {
  const out: PlannedRespondent[] = [];
  for (let i = 0; i < n; i++) {
    const u = (i % 40) + 1;
    const kind = unitGroupOf(u);
    const group =
      i % 9 === 0 && kind !== 'other'
        ? 'T1'
        : kind === 'department'
          ? i % 2
            ? 'T2'
            : 'T3'
          : kind === 'district'
            ? i % 2
              ? 'T4'
              : 'T5'
            : 'T6';
    out.push({ email: `cb${i}.${tag}@example.vn`, unitCode: `ST${String(u).padStart(2, '0')}`, group });
  }
  return out;
}

export function respondentsCsv(rows: PlannedRespondent[]): string {
  const lines = [
    'full_name,email,unit_code,respondent_group',
    ...rows.map((r, i) => `Nguyễn Thị Thử ${i},${r.email},${r.unitCode},${r.group}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** An admin's session on an app: what the staff-campaign helpers call the routes with. */
export interface AdminSession {
  app: Pick<FastifyInstance, 'inject'>;
  cookie: string;
}

export interface StaffCampaignSpec {
  name: string;
  /** The respondent file (CSV with its header row). */
  respondentsCsv: string;
  settings?: Record<string, unknown>;
}

/** Creates an open staff campaign of 2021 (closing in 2099) and imports its respondents; returns its id. */
export async function createStaffCampaign(admin: AdminSession, spec: StaffCampaignSpec): Promise<string> {
  const created = await admin.app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    headers: { cookie: admin.cookie },
    payload: {
      kind: 'staff',
      name: spec.name,
      year: 2021,
      opensAt: '2021-01-01T00:00:00Z',
      closesAt: '2099-01-01T00:00:00Z',
      ...(spec.settings ? { settings: spec.settings } : {}),
    },
  });
  if (created.statusCode !== 201) throw new Error(`campaign not created: ${created.statusCode} ${created.body}`);
  const id = created.json<{ id: string }>().id;
  const imported = await admin.app.inject({
    method: 'POST',
    url: `/api/v1/campaigns/${id}/respondents`,
    headers: { cookie: admin.cookie, 'content-type': 'text/csv' },
    payload: spec.respondentsCsv,
  });
  if (imported.statusCode !== 201) throw new Error(`respondents not imported: ${imported.statusCode} ${imported.body}`);
  return id;
}

/** Sends a staff campaign's invitations (202); returns how many were created and queued. */
export async function sendInvitations(admin: AdminSession, campaignId: string): Promise<{ created: number; queued: number }> {
  const res = await admin.app.inject({
    method: 'POST',
    url: `/api/v1/campaigns/${campaignId}/invitations/send`,
    headers: { cookie: admin.cookie },
  });
  if (res.statusCode !== 202) throw new Error(`invitations not sent: ${res.statusCode} ${res.body}`);
  return res.json<{ created: number; queued: number }>();
}

/** Answers every question of a public form with its first option (A) or a valid value. */
export function fillAnswers(form: {
  sections: { questions: { id: string; type: string; options?: { code: string }[] }[] }[];
}): Record<string, unknown> {
  const a: Record<string, unknown> = {};
  for (const s of form.sections) {
    for (const q of s.questions) {
      if (q.type === 'likert5') a[q.id] = 4;
      else if (q.type === 'yes_no') a[q.id] = false;
      else if (q.type === 'multi_choice') a[q.id] = [q.options?.[0]?.code ?? ''];
      else if (q.options?.[0]) a[q.id] = q.options[0].code;
      else if (q.type === 'number') a[q.id] = 1;
      else a[q.id] = 'ok';
    }
  }
  return a;
}

/** Runs fn over items with at most `limit` in flight. */
export async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++] as T);
    }),
  );
}
