/**
 * The WebhookPoster port over fetch: one POST with a timeout, no redirects followed (a
 * receiver that moved says so with its status; following would resend the signed body
 * somewhere the company did not register). The answer's body is not read.
 */
import { WebhookUnreachable, type WebhookPoster } from '../app/index.js';

export function fetchWebhookPoster(options: { readonly timeoutMs?: number } = {}): WebhookPoster {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    async post(request) {
      try {
        const response = await fetch(request.url, {
          method: 'POST',
          headers: { 'user-agent': 'emanifest-alerts/1', ...request.headers },
          body: request.body,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        await response.body?.cancel();
        return { status: response.status };
      } catch (error) {
        const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
        const reason = cause instanceof Error ? cause.message : String(cause);
        throw new WebhookUnreachable(`no answer from the endpoint: ${reason}`);
      }
    },
  };
}
