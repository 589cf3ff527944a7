/**
 * A real SMTP server on loopback (the `smtp-server` package) that keeps every message it
 * receives, and a small reader of the MIME parts tests look at: the text and attachments.
 * Mail code is tested against it over a real socket, never against a fake transport.
 */
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly raw: string;
}

export interface SmtpSink {
  readonly url: string;
  readonly received: ReceivedMail[];
  /** Refuse every message from now on with this SMTP reply text (550). */
  refuseWith(reason: string | undefined): void;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let refusal: string | undefined;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refusal !== undefined) {
          callback(Object.assign(new Error(refusal), { responseCode: 550 }));
          return;
        }
        const envelope = session.envelope;
        received.push({
          from: envelope.mailFrom === false ? '' : envelope.mailFrom.address,
          to: envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('latin1'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseWith(reason) {
      refusal = reason;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}

export interface MimePart {
  readonly headers: string;
  readonly body: Buffer;
}

function decode(headers: string, body: string): Buffer {
  if (/content-transfer-encoding:\s*base64/i.test(headers)) {
    return Buffer.from(body.replace(/\s+/g, ''), 'base64');
  }
  if (/content-transfer-encoding:\s*quoted-printable/i.test(headers)) {
    const text = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(text, 'latin1');
  }
  return Buffer.from(body, 'latin1');
}

/** The leaf parts of a multipart message (one level of nesting is enough for our mail). */
export function mimeParts(raw: string): MimePart[] {
  const split = (text: string): [string, string] => {
    const at = text.search(/\r?\n\r?\n/);
    return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at).replace(/^\r?\n\r?\n/, '')];
  };
  const walk = (headers: string, body: string): MimePart[] => {
    const boundary = /boundary="?([^";\r\n]+)"?/i.exec(headers)?.[1];
    if (!/content-type:\s*multipart\//i.test(headers) || boundary === undefined) {
      return [{ headers, body: decode(headers, body) }];
    }
    return body
      .split(`--${boundary}`)
      .slice(1)
      .filter((chunk) => !chunk.startsWith('--'))
      .flatMap((chunk) => walk(...split(chunk.replace(/^\r?\n/, '').replace(/\r?\n$/, ''))));
  };
  return walk(...split(raw));
}

export function headerOf(raw: string, name: string): string | undefined {
  const headers = raw.split(/\r?\n\r?\n/)[0] ?? '';
  const unfolded = headers.replace(/\r?\n[ \t]+/g, ' ');
  return new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded)?.[1];
}

/** A header with its RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=) decoded. */
export function decodedHeaderOf(raw: string, name: string): string | undefined {
  const value = headerOf(raw, name);
  if (value === undefined) return undefined;
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(
      /=\?([^?]+)\?([QB])\?([^?]*)\?=/gi,
      (_, _charset: string, kind: string, text: string) => {
        if (kind.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
        const bytes = text
          .replace(/_/g, ' ')
          .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
        return Buffer.from(bytes, 'latin1').toString('utf8');
      },
    );
}
