import type {
  ApiTokenRepository,
  CompanyRepository,
  MembershipRepository,
  SessionRepository,
  UserRepository,
} from './account-repositories.js';
import type {
  PartyRepository,
  ProfileRepository,
  TemplateRepository,
} from './master-data-repositories.js';
import type {
  AuditRepository,
  ScnRegistry,
  ShipmentRepository,
  TripRepository,
} from './trip-repositories.js';

import type { CompanyLogoRepository } from './company-logo-repository.js';
import type { DriverLinkRepository } from './driver-link-repository.js';
import type { InvitationRepository } from './invitation-repository.js';
import type { FilingRepository } from './filing-repositories.js';
import type { AlertRepository } from './alert-repositories.js';
import type { CommodityDescriptionRepository } from './commodity-description-repository.js';

/** Repositories bound to one transaction. */
export interface Repositories {
  readonly invitations: InvitationRepository;
  readonly companies: CompanyRepository;
  readonly companyLogos: CompanyLogoRepository;
  readonly users: UserRepository;
  readonly memberships: MembershipRepository;
  readonly sessions: SessionRepository;
  readonly apiTokens: ApiTokenRepository;
  readonly parties: PartyRepository;
  readonly profiles: ProfileRepository;
  readonly templates: TemplateRepository;
  readonly trips: TripRepository;
  readonly shipments: ShipmentRepository;
  readonly scns: ScnRegistry;
  readonly audit: AuditRepository;
  readonly driverLinks: DriverLinkRepository;
  readonly filing: FilingRepository;
  readonly alerts: AlertRepository;
  readonly descriptions: CommodityDescriptionRepository;
}

/**
 * The persistence port; src/storage implements it. `transaction` commits when `work` resolves
 * and rolls back when it throws, so a use case is all-or-nothing by construction.
 */
export interface Store {
  transaction<T>(
    work: (repos: Repositories) => Promise<T>,
    options?: TransactionOptions,
  ): Promise<T>;
}

export interface TransactionOptions {
  /**
   * The work only reads, and must not write. On SQLite such a transaction runs on a reader
   * connection of its own without taking the write lock, so it is served while a long write
   * (a CSV upload in this process, a CLI import in another) holds the lock; a write in it
   * fails. Others wait for the lock (ADR 0005).
   */
  readonly readOnly?: boolean;
}
