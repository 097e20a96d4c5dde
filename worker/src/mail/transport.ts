/**
 * Mail transport: SMTP through nodemailer (pooled, rate-limited) when SMTP_URL is set; otherwise an
 * outbox folder in DATA_DIR where each message is written as an .eml file (the dashboard lists them).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared/index.js';
import type { WorkerConfig } from '../config.ts';
import { createRawComposer } from './raw-message.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable id so that a retried send is recognisable at the receiving end. */
  messageId: string;
  /** URL for the List-Unsubscribe header (RFC 2369), when the recipient can opt out. */
  listUnsubscribe?: string;
}

/**
 * nodemailer's message options for one mail (List-Unsubscribe through its `list` option). Bodies are
 * base64: Vietnamese text in quoted-printable cost the worker about a third more CPU per mail.
 */
export function messageOptions(from: string, { listUnsubscribe, ...m }: OutgoingMail) {
  return {
    from,
    ...m,
    textEncoding: 'base64' as const,
    ...(listUnsubscribe ? { list: { unsubscribe: listUnsubscribe } } : {}),
  };
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

/** Is an SMTP error permanent (5xx: unknown mailbox, rejected) rather than transient (4xx, network)? */
export function isPermanentSmtpError(err: unknown): boolean {
  const code = (err as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

export interface MailTransportOptions {
  /** Write the usual staff mail as a raw message (raw-message.ts); false: nodemailer composes every mail (the benchmark's comparison). */
  rawMessages?: boolean;
}

export function createMailTransport(
  config: Pick<WorkerConfig, 'smtpUrl' | 'mailFrom' | 'smtpRatePerSecond' | 'outboxDir'> &
    Partial<Pick<WorkerConfig, 'smtpPoolSize'>>,
  { rawMessages = true }: MailTransportOptions = {},
): MailTransport {
  if (config.smtpUrl) {
    // The URL's settings merged by hand: given `url`, nodemailer reads nothing else from the options
    // object, so the pool, its size and the rate limit were ignored and every mail opened its own
    // connection (connect, EHLO, QUIT each time).
    const t = nodemailer.createTransport({
      ...parseConnectionUrl(config.smtpUrl),
      pool: true,
      maxConnections: config.smtpPoolSize ?? 10,
      // Keep each connection for its whole life rather than reconnecting every 100 messages.
      maxMessages: Infinity,
      rateDelta: 1000,
      rateLimit: config.smtpRatePerSecond,
      connectionTimeout: 10_000,
      socketTimeout: 30_000,
    } as nodemailer.TransportOptions);
    const composer = createRawComposer(config.mailFrom);
    return {
      async send(m) {
        // The raw message when the mail has the usual shape (raw-message.ts): same decoded mail, about
        // a quarter less CPU per mail (BENCHMARKS.md, mail-compose); nodemailer composes anything else.
        const raw = rawMessages ? composer.compose(m) : undefined;
        if (raw) {
          await t.sendMail({ ...raw, messageId: m.messageId });
          return { messageId: m.messageId };
        }
        const info = (await t.sendMail(messageOptions(config.mailFrom, m))) as { messageId: string };
        return { messageId: info.messageId };
      },
      close: () => t.close(),
    };
  }
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(m) {
      const info = (await stream.sendMail(messageOptions(config.mailFrom, m))) as { messageId: string; message: Buffer };
      await mkdir(config.outboxDir, { recursive: true });
      const safe = m.messageId.replace(/[^A-Za-z0-9._-]/g, '_');
      await writeFile(path.join(config.outboxDir, `${safe}.eml`), info.message);
      return { messageId: info.messageId };
    },
    close: () => stream.close(),
  };
}
