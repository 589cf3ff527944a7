/**
 * The service's real alert channels for tests outside src/api (the filing end-to-end test):
 * the SMTP mailer pointed at a loopback sink, and the fetch webhook poster.
 */
import { httpWebhookPoster, type WebhookPosterOptions } from '../src/api/webhook-poster.js';
import { createSmtpMailer, type SmtpMailer } from '../src/mail/smtp-mailer.js';
import type { SmtpSink } from './smtp-sink.js';

export function mailerFor(sink: SmtpSink): SmtpMailer {
  return createSmtpMailer({ smtpUrl: sink.url, from: 'ACE eManifest <alerts@emanifest.example>' });
}

/** The receivers these tests start listen on loopback, which the service refuses by default. */
export const webhookPoster = (options: WebhookPosterOptions = {}) =>
  httpWebhookPoster({ privateNetworks: 'allow', ...options });
