import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerOf, mimeParts, startSmtpSink, type SmtpSink } from '../../test/smtp-sink.js';
import { MailDeliveryError } from '../app/index.js';
import { createSmtpMailer } from './smtp-mailer.js';

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});

describe('the SMTP mailer, against a real SMTP server on loopback', () => {
  it('delivers the text and the attachment byte for byte, from MAIL_FROM', async () => {
    const mailer = createSmtpMailer({
      smtpUrl: sink.url,
      from: 'Dispatch <dispatch@carrier.example>',
    });
    const content = new Uint8Array(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256));
    const { messageId } = await mailer.send({
      to: 'driver@carrier.example',
      subject: 'Lead sheet, trip DEMO1',
      text: 'Print it.\n',
      attachments: [{ filename: 'DEMO1-lead-sheet.pdf', contentType: 'application/pdf', content }],
    });
    mailer.close();
    const mail = sink.received.at(-1);
    expect(mail?.to).toEqual(['driver@carrier.example']);
    expect(mail?.from).toBe('dispatch@carrier.example');
    expect(headerOf(mail?.raw ?? '', 'Message-ID')).toBe(messageId);
    expect(headerOf(mail?.raw ?? '', 'Subject')).toBe('Lead sheet, trip DEMO1');
    const parts = mimeParts(mail?.raw ?? '');
    const text = parts.find((part) => /content-type:\s*text\/plain/i.test(part.headers));
    // SMTP carries lines ended by CRLF.
    expect(text?.body.toString()).toBe('Print it.\r\n');
    const pdf = parts.find((part) => /content-type:\s*application\/pdf/i.test(part.headers));
    expect(pdf?.headers).toContain('DEMO1-lead-sheet.pdf');
    expect(Buffer.compare(pdf?.body ?? Buffer.alloc(0), Buffer.from(content))).toBe(0);
  });

  it('turns a refusal by the server into a MailDeliveryError with its reason', async () => {
    const mailer = createSmtpMailer({ smtpUrl: sink.url, from: 'dispatch@carrier.example' });
    sink.refuseWith('Mailbox full');
    const error: unknown = await mailer
      .send({ to: 'driver@carrier.example', subject: 'x', text: 'x' })
      .catch((e: unknown) => e);
    sink.refuseWith(undefined);
    mailer.close();
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect((error as Error).message).toContain('Mailbox full');
  });

  it('turns an unreachable server into a MailDeliveryError', async () => {
    // Nothing listens on port 1 of loopback: the connection is refused at once.
    const mailer = createSmtpMailer({ smtpUrl: 'smtp://127.0.0.1:1', from: 'd@carrier.example' });
    const error: unknown = await mailer
      .send({ to: 'driver@carrier.example', subject: 'x', text: 'x' })
      .catch((e: unknown) => e);
    mailer.close();
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });
});
