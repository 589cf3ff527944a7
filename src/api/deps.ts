/** What the HTTP layer needs from the outside world; start.ts (or a test) provides it. */
import type { AppDeps } from '../app/deps.js';
import type { RegulationTable } from '../rules/index.js';

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
  readonly bodyLimit?: number;
  readonly trustProxy?: boolean;
  /** The built web app (dist/web) to serve at `/`; none: the API alone. */
  readonly webRoot?: string | undefined;
  /** Login attempts per client address and e-mail; 5 a minute unless a test says otherwise. */
  readonly loginRateLimit?: { readonly max: number; readonly timeWindowMs: number };
}
