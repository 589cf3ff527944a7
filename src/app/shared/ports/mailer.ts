/**
 * Outgoing e-mail: the port src/mail implements over SMTP. Use cases hand it a finished message;
 * the lead sheet sent to a driver is the first user, the filing alerts will be the next.
 */
export interface MailAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Uint8Array;
}

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  /** Plain text: read on any phone, never blocked as "remote content". */
  readonly text: string;
  readonly attachments?: readonly MailAttachment[];
}

export interface Mailer {
  /**
   * Hands the message to the mail server; resolves with the id it was accepted under, or
   * rejects with a MailDeliveryError saying why it was not.
   */
  send(mail: OutgoingMail): Promise<{ readonly messageId: string }>;
}

/** The mail server could not be reached or refused the message (reason in the message). */
export class MailDeliveryError extends Error {
  override readonly name = 'MailDeliveryError';
}
