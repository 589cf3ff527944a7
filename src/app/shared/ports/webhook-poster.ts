/**
 * Outgoing webhook requests: the port src/api implements with fetch. The use case hands it a
 * finished, signed request; it resolves with the HTTP status, or rejects with a
 * WebhookUnreachable saying why no answer came (refused, DNS, timeout).
 */
export interface WebhookRequest {
  readonly url: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface WebhookPoster {
  post(request: WebhookRequest): Promise<{ readonly status: number }>;
}

export class WebhookUnreachable extends Error {
  override readonly name = 'WebhookUnreachable';
}
