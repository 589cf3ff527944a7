/**
 * The WebhookPoster port over node:http and node:https: one POST with a timeout, no redirects
 * followed (a receiver that moved says so with its status; following would resend the signed
 * body somewhere the company did not register). The answer's body is not read.
 *
 * Unless the operator allows private networks (WEBHOOK_PRIVATE_NETWORKS=allow), the address a
 * delivery connects to is checked as it connects: the request's own DNS lookup is wrapped, so a
 * name that resolves to a private address (or is made to, between registration and delivery:
 * DNS rebinding) is refused before any byte is sent (app/alerts/support/private-networks.ts).
 */
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isPrivateAddress, WebhookUnreachable, type WebhookPoster } from '../app/index.js';

export interface WebhookPosterOptions {
  readonly timeoutMs?: number;
  /** `allow`: deliver to loopback and private networks too (a service inside a company's LAN). */
  readonly privateNetworks?: 'refuse' | 'allow';
}

export function httpWebhookPoster(options: WebhookPosterOptions = {}): WebhookPoster {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const refusePrivate = options.privateNetworks !== 'allow';
  return {
    post(request) {
      return new Promise((resolve, reject) => {
        let url: URL;
        try {
          url = new URL(request.url);
        } catch {
          reject(new WebhookUnreachable('no answer from the endpoint: the address is not a URL'));
          return;
        }
        const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
        const body = Buffer.from(request.body);
        const outgoing = send(
          url,
          {
            method: 'POST',
            headers: {
              'user-agent': 'emanifest-alerts/1',
              ...request.headers,
              'content-length': String(body.length),
            },
            timeout: timeoutMs,
            ...(refusePrivate ? { lookup: publicOnlyLookup } : {}),
          },
          (response) => {
            response.resume();
            resolve({ status: response.statusCode ?? 0 });
          },
        );
        outgoing.on('timeout', () => {
          outgoing.destroy(new Error(`no answer within ${String(timeoutMs)} ms`));
        });
        outgoing.on('error', (error) => {
          reject(
            error instanceof WebhookUnreachable
              ? error
              : new WebhookUnreachable(`no answer from the endpoint: ${error.message}`),
          );
        });
        // An IP literal is not looked up: it is checked here.
        if (refusePrivate && isPrivateAddress(url.hostname.replace(/^\[|\]$/g, ''))) {
          outgoing.destroy(privateTarget(url.hostname));
          return;
        }
        outgoing.end(body);
      });
    },
  };
}

function privateTarget(address: string): WebhookUnreachable {
  return new WebhookUnreachable(
    `not sent: the endpoint's address ${address} is in a private network, which this service does not post to (WEBHOOK_PRIVATE_NETWORKS)`,
  );
}

/** dns.lookup as the request calls it, failing when any address found is private. */
const publicOnlyLookup: RequestOptions['lookup'] = (hostname, options, callback) => {
  const all: LookupAllOptions = { ...options, all: true };
  dnsLookup(hostname, all, (error, addresses: LookupAddress[]) => {
    if (error) {
      callback(error, '', 0);
      return;
    }
    const refused = addresses.find((found) => isPrivateAddress(found.address));
    if (refused !== undefined) {
      callback(privateTarget(refused.address), '', 0);
      return;
    }
    if (options.all === true) {
      (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
      return;
    }
    const first = addresses[0];
    if (first === undefined) callback(new Error(`${hostname} has no address`), '', 0);
    else callback(null, first.address, first.family);
  });
};
