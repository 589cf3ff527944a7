/** What the HTTP layer needs from the outside world; start.ts (or a test) provides it. */
import type { AppDeps } from '../app/shared/deps.js';
import type { RegulationTable } from '../rules/index.js';
import type { RateLimitCounter } from '../storage/index.js';
import type { AnonymousValidationLimits } from './anonymous-limits.js';
import type { RateLimit } from './rate-limits.js';

export interface ApiDeps {
  /** `production` turns on Secure cookies. */
  readonly mode: 'development' | 'production' | 'test';
  /** The use cases' store, clock and id generator. */
  readonly app: AppDeps;
  /** `false` silences logging (tests); otherwise JSON lines at `level` to `stream` or stdout. */
  readonly logger?:
    false | { readonly level?: string; readonly stream?: { write(line: string): void } };
  /** Replacement regulation table from RULES_FILE (also in the app deps); built-in otherwise. */
  readonly regulations?: RegulationTable | undefined;
  /** Resolves when the database answers; /readyz reports 503 otherwise. */
  readonly checkReady: () => Promise<void>;
  /** How long /readyz waits for checkReady before answering 503 (default 1.5 s). */
  readonly readyTimeoutMs?: number;
  readonly bodyLimit?: number;
  /** Fastify's trustProxy: false, a hop count, or the proxies' addresses (CIDR allowed). */
  readonly trustProxy?: boolean | number | readonly string[];
  /** Where people reach the service (PUBLIC_URL), for links sent out; the request's origin otherwise. */
  readonly publicUrl?: string | undefined;
  /** The built web app (dist/web) to serve at `/`; none: the API alone. */
  readonly webRoot?: string | undefined;
  /** Login attempts per client address and e-mail; 5 a minute unless a test says otherwise. */
  readonly loginRateLimit?: RateLimit;
  /** Login attempts per client address, any e-mail; 30 a minute unless a test says otherwise. */
  readonly loginAddressRateLimit?: RateLimit;
  /** Shared rate-limit counters (the database); in memory, per process, when not given. */
  readonly rateLimits?: RateLimitCounter;
  /** POST /validate without credentials: body size and rate (anonymous-limits.ts). */
  readonly anonymousValidation?: AnonymousValidationLimits;
}
