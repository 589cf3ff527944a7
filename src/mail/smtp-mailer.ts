/**
 * The Mailer port over SMTP with nodemailer (docs/adr/0014-mail-and-driver-links.md): one
 * transport per service (a connection per message), settings from SMTP_URL and MAIL_FROM (src/config). Every
 * failure of the server or the network becomes a MailDeliveryError with nodemailer's reason,
 * never the raw error, so the API can answer 502 without a stack trace.
 */
import nodemailer from 'nodemailer';
import { MailDeliveryError, type Mailer, type OutgoingMail } from '../app/index.js';

export interface SmtpSettings {
  readonly smtpUrl: string;
  readonly from: string;
  /** Socket timeouts in ms; a mail server that hangs must not hold a request for minutes. */
  readonly timeoutMs?: number;
}

export interface SmtpMailer extends Mailer {
  close(): void;
}

export function createSmtpMailer(settings: SmtpSettings): SmtpMailer {
  const timeout = settings.timeoutMs ?? 20_000;
  const transport = nodemailer.createTransport(
    {
      url: settings.smtpUrl,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    },
    { from: settings.from },
  );
  return {
    async send(mail: OutgoingMail) {
      try {
        const info = (await transport.sendMail({
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          attachments: (mail.attachments ?? []).map((attachment) => ({
            filename: attachment.filename,
            contentType: attachment.contentType,
            content: Buffer.from(
              attachment.content.buffer,
              attachment.content.byteOffset,
              attachment.content.byteLength,
            ),
          })),
        })) as { messageId?: unknown };
        return { messageId: typeof info.messageId === 'string' ? info.messageId : '' };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new MailDeliveryError(`The mail server did not take the message: ${reason}`);
      }
    },
    close() {
      transport.close();
    },
  };
}
