import type { EdiProfile } from '../../edi/index.js';
import type { RegulationTable } from '../../rules/index.js';
import type { ScryptParams } from '../accounts/support/passwords.js';
import type { Mailer } from './ports/mailer.js';
import type { Store } from './ports/store.js';

/** Time comes in through a port so tests (and the rule engine's `now`) are deterministic. */
export interface Clock {
  now(): Date;
}

/** Record ids come in through a port: production uses crypto.randomUUID, tests may count. */
export interface IdGenerator {
  newId(): string;
}

/** What every use case receives first: `useCase(deps, actor, input)`. */
export interface AppDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Password KDF cost; tests lower it, production keeps the default (src/app/passwords.ts). */
  readonly scrypt?: ScryptParams | undefined;
  /** How long a login lasts; 12 hours when not set. */
  readonly sessionTtlMs?: number | undefined;
  /** The regulation table validation uses (RULES_FILE); the built-in one when not set. */
  readonly regulations?: RegulationTable | undefined;
  /**
   * CBP's truck X12 layout as this service's operator corrected it (EDI_PROFILE); the built-in
   * profile when not set. A company's own sender ID and filing mode still come from the company.
   */
  readonly ediProfile?: EdiProfile | undefined;
  /** Outgoing e-mail (SMTP_URL); undefined when the service sends none. */
  readonly mailer?: Mailer | undefined;
  /** The key (32+ characters) driver's-page links are signed with (DRIVER_LINK_SECRET). */
  readonly driverLinkSecret?: string | undefined;
  /** Where people reach the service (PUBLIC_URL), for links in alert e-mails; none when unset. */
  readonly publicUrl?: string | undefined;
  /**
   * `allow`: webhooks may be registered at, and delivered to, loopback and private networks
   * (WEBHOOK_PRIVATE_NETWORKS); refused when not set (alerts/support/private-networks.ts).
   */
  readonly webhookPrivateNetworks?: 'refuse' | 'allow' | undefined;
}

export const systemClock: Clock = { now: () => new Date() };
export const randomIds: IdGenerator = { newId: () => crypto.randomUUID() };
