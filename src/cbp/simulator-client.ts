import {
  TransportUnavailable,
  type CbpTransport,
  type InboundBatch,
  type SendOutcome,
} from '../app/index.js';

/**
 * The transport to the CBP simulator's mailbox API (docs/cbp-simulator.md): PUT one
 * interchange, GET the answers after a cursor. The simulator recognises a resent interchange
 * (sender and ISA13) and answers `duplicate`, which makes the outbox's retry safe.
 */
export function simulatorTransport(
  baseUrl: string,
  options: { readonly receiver?: string; readonly timeoutMs?: number } = {},
): CbpTransport {
  const url = baseUrl.replace(/\/+$/, '');
  const timeout = options.timeoutMs ?? 10_000;
  const call = async (path: string, init: RequestInit = {}): Promise<Response> => {
    try {
      return await fetch(`${url}${path}`, { ...init, signal: AbortSignal.timeout(timeout) });
    } catch (error) {
      throw new TransportUnavailable(
        `the CBP simulator at ${url} does not answer (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  };
  return {
    name: `simulator:${url}${options.receiver === undefined ? '' : `:${options.receiver}`}`,
    async send(text): Promise<SendOutcome> {
      const response = await call('/mailbox/in', {
        method: 'PUT',
        headers: { 'content-type': 'text/plain' },
        body: text,
      });
      const body = (await response.json().catch(() => ({}))) as { reason?: string; error?: string };
      if (response.status === 202) return { kind: 'delivered' };
      if (response.status === 200) return { kind: 'duplicate' };
      if (response.status === 400 || response.status === 413) {
        return { kind: 'refused', reason: body.reason ?? body.error ?? `HTTP ${response.status}` };
      }
      throw new TransportUnavailable(`the CBP simulator answered HTTP ${response.status}`);
    },
    async receive(cursor): Promise<InboundBatch> {
      const query = new URLSearchParams({ after: cursor ?? '0' });
      if (options.receiver !== undefined) query.set('receiver', options.receiver);
      const response = await call(`/mailbox/out?${query.toString()}`);
      if (!response.ok) {
        throw new TransportUnavailable(`the CBP simulator answered HTTP ${response.status}`);
      }
      const body = (await response.json()) as {
        answers: { seq: number; text: string }[];
        cursor: number;
      };
      return {
        messages: body.answers.map((a) => ({ ref: String(a.seq), text: a.text })),
        cursor: String(body.cursor),
      };
    },
    settle: () => Promise.resolve(),
  };
}
