/**
 * The raw RFC 5322 form of an outgoing mail, written directly instead of through nodemailer's MIME
 * tree (docs/0024-batched-mail.md, "Composing"). A staff mail is always the same shape: From,
 * To (an address), Subject, Date, Message-ID, MIME-Version, optional List-Unsubscribe, then a
 * multipart/alternative of a text/plain and a text/html part, both UTF-8 in base64. nodemailer
 * builds that tree per mail (a node per part, header objects, transform streams for base64 and line
 * ends), about a quarter of the CPU the transport spends per mail; here the headers
 * that never change (From, MIME-Version, the part headers) are written once per process, the
 * subject once per distinct subject, and per mail only the recipient, dates, ids and the two
 * base64 bodies are computed. The decoded message is the same as nodemailer's (worker/test).
 *
 * Anything outside that shape (an address that is not plain ASCII, which nodemailer would
 * punycode) is left to nodemailer: compose() returns undefined.
 */
import { randomBytes } from 'node:crypto';
import addressparser from 'nodemailer/lib/addressparser/index.js';
import type { OutgoingMail } from './transport.ts';

export interface RawMail {
  envelope: { from: string; to: string[] };
  raw: Buffer;
}

const CRLF = '\r\n';
/** Bytes of UTF-8 per encoded word: 39 bytes → 52 base64 characters, so `Subject: =?UTF-8?B?…?=` fits 78. */
const WORD_BYTES = 39;
/** A plain ASCII address nodemailer would write as is (no IDN, no display name, no specials). */
const PLAIN_ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+$/;
/** Header text that may be written as is: printable ASCII words separated by single spaces, no encoded-word look-alike. */
const PLAIN_TEXT = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;
/** Characters that make an ASCII display name need quoting (RFC 5322 specials). */
const SPECIALS = /[()<>[\]:;@\\,."]/;

/** Splits text into chunks of at most `maxBytes` of UTF-8 each, never inside a character. */
function utf8Chunks(text: string, maxBytes: number): string[] {
  const chunks: string[] = [];
  let chunk = '';
  let bytes = 0;
  for (const ch of text) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (bytes + n > maxBytes && chunk) {
      chunks.push(chunk);
      chunk = '';
      bytes = 0;
    }
    chunk += ch;
    bytes += n;
  }
  if (chunk) chunks.push(chunk);
  return chunks;
}

/**
 * Header text (an unstructured value such as Subject, or a display name) as RFC 2047 encoded
 * words when it is not plain ASCII: UTF-8 in base64, one word per ≤ 39 bytes, folded one word a
 * line, so that no line is longer than 78 characters with a header name of up to 12.
 */
export function encodeHeaderText(text: string): string {
  if (PLAIN_TEXT.test(text) && !text.includes('=?') && text.length <= 64) return text;
  return utf8Chunks(text, WORD_BYTES)
    .map((c) => `=?UTF-8?B?${Buffer.from(c, 'utf8').toString('base64')}?=`)
    .join(`${CRLF} `);
}

/** A mailbox (`Name <address>` or `address`) as a header value with its display name encoded. */
export function formatMailbox(name: string, address: string): string {
  if (!name) return address;
  if (/^[\x20-\x7e]*$/.test(name) && name.length <= 64) {
    const quoted = SPECIALS.test(name) ? `"${name.replace(/[\\"]/g, (c) => `\\${c}`)}"` : name;
    return `${quoted} <${address}>`;
  }
  return `${encodeHeaderText(name)} <${address}>`;
}

/** Base64 in lines of 76 characters (RFC 2045), each ended by CRLF. */
function base64Lines(text: string): string {
  const b64 = Buffer.from(text, 'utf8').toString('base64');
  let out = '';
  for (let i = 0; i < b64.length; i += 76) out += `${b64.slice(i, i + 76)}${CRLF}`;
  return out;
}

/** `Wed, 02 Dec 2026 01:20:00 +0000`, as nodemailer writes the Date header. */
const headerDate = (d: Date) => d.toUTCString().replace(/GMT/, '+0000');

export interface RawComposer {
  /** The message and its envelope, or undefined when the mail is not of the shape written here. */
  compose(mail: OutgoingMail, date?: Date): RawMail | undefined;
}

export function createRawComposer(mailFrom: string): RawComposer {
  // MAIL_FROM read as nodemailer reads it.
  const from = addressparser(mailFrom, { flatten: true })[0];
  if (!from || !PLAIN_ADDRESS.test(from.address)) return { compose: () => undefined };
  // Base64 never contains '_' or '-', so one boundary serves every message of this process.
  const boundary = `--_hl-${randomBytes(12).toString('hex')}`;
  const fromHeader = `From: ${formatMailbox(from.name, from.address)}${CRLF}`;
  const contentType = `MIME-Version: 1.0${CRLF}Content-Type: multipart/alternative;${CRLF} boundary="${boundary}"${CRLF}${CRLF}`;
  const part = (type: string) =>
    `--${boundary}${CRLF}Content-Type: ${type}; charset=utf-8${CRLF}Content-Transfer-Encoding: base64${CRLF}${CRLF}`;
  const textPart = part('text/plain');
  const htmlPart = part('text/html');
  const end = `--${boundary}--${CRLF}`;
  const subjects = new Map<string, string>();
  const subjectHeader = (subject: string): string => {
    let h = subjects.get(subject);
    if (h === undefined) {
      h = `Subject: ${encodeHeaderText(subject)}${CRLF}`;
      if (subjects.size < 1_000) subjects.set(subject, h);
    }
    return h;
  };
  return {
    compose(m, date = new Date()) {
      if (!PLAIN_ADDRESS.test(m.to) || !/^<[\x21-\x3b\x3d\x3f-\x7e]+>$/.test(m.messageId)) return undefined;
      const unsubscribe = m.listUnsubscribe ? listUnsubscribe(m.listUnsubscribe) : '';
      if (unsubscribe === undefined) return undefined;
      const raw =
        fromHeader +
        `To: ${m.to}${CRLF}` +
        subjectHeader(m.subject) +
        `Message-ID: ${m.messageId}${CRLF}` +
        `Date: ${headerDate(date)}${CRLF}` +
        unsubscribe +
        contentType +
        textPart +
        base64Lines(m.text) +
        htmlPart +
        base64Lines(m.html) +
        end;
      return { envelope: { from: from.address, to: [m.to] }, raw: Buffer.from(raw, 'latin1') };
    },
  };
}

/** `List-Unsubscribe: <url>` (RFC 2369) for an http(s) URL of printable ASCII; undefined otherwise. */
function listUnsubscribe(url: string): string | undefined {
  if (!/^https?:\/\/[\x21-\x3b\x3d\x3f-\x7e]+$/.test(url)) return undefined;
  return `List-Unsubscribe: <${url}>${CRLF}`;
}
