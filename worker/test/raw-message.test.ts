/**
 * The raw messages the worker writes for staff mail (mail/raw-message.ts) read the same as the ones
 * nodemailer composed before: a mail client (mailparser here) sees the same sender, recipient,
 * subject, message id, List-Unsubscribe and the same text and HTML bodies, for Vietnamese names
 * with diacritics, long names and units, and names with quotes, brackets and emoji.
 */
import { fc, test } from '@fast-check/vitest';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import nodemailer from 'nodemailer';
import { renderStaffMail } from '@hailong/runtime';
import { describe, expect, it } from 'vitest';
import { createRawComposer, encodeHeaderText, formatMailbox } from '../src/mail/raw-message.ts';
import { messageOptions, type OutgoingMail } from '../src/mail/transport.ts';
import { renderUnitDigest } from '../src/mail/templates/unit-digest.ts';
import { renderLockoutMail } from '../src/mail/templates/account-lockout.ts';

const FROM = 'Sở Nội vụ <khaosat@soctrang.gov.vn>';
const composer = createRawComposer(FROM);
const reference = nodemailer.createTransport({ streamTransport: true, buffer: true });

async function viaNodemailer(m: OutgoingMail): Promise<ParsedMail> {
  const info = (await reference.sendMail(messageOptions(FROM, m))) as { message: Buffer };
  return simpleParser(info.message);
}

async function viaRaw(m: OutgoingMail): Promise<{ parsed: ParsedMail; raw: string; envelope: { from: string; to: string[] } }> {
  const out = composer.compose(m);
  if (!out) throw new Error('not composed');
  return { parsed: await simpleParser(out.raw), raw: out.raw.toString('latin1'), envelope: out.envelope };
}

const addresses = (a: AddressObject | AddressObject[] | undefined) => [a ?? []].flat().flatMap((x) => x.value);

function readable(p: ParsedMail) {
  return {
    from: addresses(p.from),
    to: addresses(p.to),
    subject: p.subject,
    messageId: p.messageId,
    text: p.text,
    html: p.html,
    listUnsubscribe: p.headers.get('list-unsubscribe'),
    mimeVersion: p.headers.get('mime-version'),
    hasDate: p.date instanceof Date && !Number.isNaN(p.date.getTime()),
  };
}

const people = [
  { fullName: 'Nguyễn Thị Ánh Tuyết', unitName: 'Sở Nội vụ', email: 'tuyet.nta@soctrang.gov.vn' },
  { fullName: 'Trần Văn Đức', unitName: 'UBND huyện Kế Sách', email: 'duc.tv@ketsach.soctrang.gov.vn' },
  {
    fullName: 'Huỳnh Lê Ngọc Phương Thảo Nguyễn Hoàng Bảo Khánh Trương Thị Mỹ Duyên',
    unitName: 'Trung tâm Phục vụ hành chính công tỉnh Cần Thơ (sau hợp nhất Sóc Trăng và Hậu Giang) — chi nhánh Ngã Bảy',
    email: 'very.long.address.of.a.civil.servant+survey2021@cantho.gov.vn',
  },
  { fullName: `O'Brien "Bob" <b@x> & Co, \\ Ltd.`, unitName: 'Phòng <Tư pháp> & "Hộ tịch"', email: "o'brien@example.vn" },
  { fullName: 'Lâm 林 Kiệt 🙂 ·· =?UTF-8?B?eA==?=', unitName: 'Xã Đại Ngãi', email: 'kiet@example.vn' },
];

describe('raw staff mail', () => {
  it.each(people.flatMap((p) => (['invitation', 'reminder'] as const).map((kind) => ({ ...p, kind }))))(
    'reads like the nodemailer-composed $kind for $fullName',
    async (p) => {
      const link = `https://khaosat.soctrang.gov.vn/s/Zx9_${p.email.length}abcDEF-0123456789`;
      const mail = renderStaffMail({
        kind: p.kind,
        round: 1,
        fullName: p.fullName,
        unitName: p.unitName,
        campaignName: 'Khảo sát CBCCVC "2021" <Cần Thơ>',
        year: 2021,
        closesAt: new Date('2021-11-22T16:59:59Z'),
        link,
        optOutLink: `${link}/opt-out`,
        retentionDays: 365,
      });
      const m: OutgoingMail = { to: p.email, ...mail, messageId: `<${p.email.length}-0d5a@hailong>` };
      const [expected, actual] = await Promise.all([viaNodemailer(m), viaRaw(m)]);
      expect(readable(actual.parsed)).toEqual(readable(expected));
      expect(actual.parsed.text).toBe(mail.text);
      expect(actual.parsed.html).toBe(mail.html);
      expect(actual.envelope).toEqual({ from: 'khaosat@soctrang.gov.vn', to: [p.email] });
      // 7-bit, CRLF lines of at most 998 characters (78 but for the List-Unsubscribe URL).
      expect(actual.raw).toMatch(/^[\x20-\x7e\r\n]*$/);
      for (const line of actual.raw.split('\r\n')) expect(line.length).toBeLessThanOrEqual(line.startsWith('List-') ? 998 : 78);
      expect(actual.raw.replace(/\r\n/g, '')).not.toContain('\n');
    },
  );

  it('reads like nodemailer for the focal point digest and the lockout notice (no List-Unsubscribe)', async () => {
    const digest = renderUnitDigest({
      unitName: 'Sở Tài chính',
      campaignName: 'Khảo sát 2021',
      year: 2021,
      closesAt: new Date('2021-11-22T16:59:59Z'),
      invited: 3,
      completed: 1,
      waiting: [
        { fullName: 'Lê Văn Tám', email: 'tam@example.vn' },
        { fullName: 'Phạm Thị Hoa', email: 'hoa@example.vn' },
      ],
    });
    const lockout = renderLockoutMail({
      fullName: 'Quản trị viên',
      lockedUntil: new Date('2021-11-03T02:00:00Z'),
      failedLogins: 5,
    });
    for (const mail of [digest, lockout]) {
      const m: OutgoingMail = { to: 'dauMoi@example.vn', ...mail, messageId: '<digest-1@hailong>' };
      const [expected, actual] = await Promise.all([viaNodemailer(m), viaRaw(m)]);
      expect(readable(actual.parsed)).toEqual(readable(expected));
      expect(actual.parsed.headers.has('list-unsubscribe')).toBe(false);
    }
  });

  it('leaves a mail of another shape to nodemailer (an internationalised address)', () => {
    const m = { to: 'thư@ví-dụ.vn', subject: 's', text: 't', html: 'h', messageId: '<1@hailong>' };
    expect(composer.compose(m)).toBeUndefined();
  });

  it('gives every message its own Date and Message-ID', async () => {
    const base = { to: 'a@example.vn', subject: 'Mời', text: 'x', html: '<p>x</p>' };
    const a = await simpleParser(composer.compose({ ...base, messageId: '<a@hailong>' }, new Date('2021-11-03T01:02:03Z'))!.raw);
    const b = await simpleParser(composer.compose({ ...base, messageId: '<b@hailong>' }, new Date('2021-11-04T01:02:03Z'))!.raw);
    expect([a.messageId, b.messageId]).toEqual(['<a@hailong>', '<b@hailong>']);
    expect([a.date?.toISOString(), b.date?.toISOString()]).toEqual(['2021-11-03T01:02:03.000Z', '2021-11-04T01:02:03.000Z']);
  });
});

/** Printable text of any script (no control characters, which no template puts in a header). */
const headerText = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 160 })
  .filter((s) => !/[\p{Cc}\u2028\u2029]/u.test(s) && s.trim() === s);

describe('header encoding', () => {
  test.prop([headerText])('a subject decodes to itself in 7-bit lines of at most 78 characters', async (subject) => {
    const header = `Subject: ${encodeHeaderText(subject)}`;
    expect(header).toMatch(/^[\x20-\x7e\r\n]*$/);
    for (const line of header.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    const parsed = await simpleParser(Buffer.from(`${header}\r\n\r\nx\r\n`, 'latin1'));
    expect(parsed.subject).toBe(subject);
  });

  test.prop([headerText])('a display name decodes to itself', async (name) => {
    const parsed = await simpleParser(Buffer.from(`From: ${formatMailbox(name, 'a@example.vn')}\r\n\r\nx\r\n`, 'latin1'));
    expect(addresses(parsed.from)).toEqual([{ name, address: 'a@example.vn' }]);
  });
});
