import type { Role } from '../actor.js';
import type { ApiToken, Company, Membership, Session, User } from '../records.js';

/** Companies, users, memberships, sessions and API tokens: the account half of the Store. */
export interface CompanyRepository {
  /** false when the SCAC is already taken. */
  insert(company: Company): Promise<boolean>;
  findById(id: string): Promise<Company | undefined>;
  findByScac(scac: string): Promise<Company | undefined>;
  /** The first `limit` companies in SCAC order (the CLI picks the only one, or lists them). */
  listByScac(limit: number): Promise<readonly Company[]>;
  /** Whether the database holds no company at all (a fresh install). */
  none(): Promise<boolean>;
  /** Writes only when the stored version is `expectedVersion`; returns the new record or undefined. */
  update(
    id: string,
    expectedVersion: number,
    changes: Pick<
      Company,
      'name' | 'defaultPortOfArrival' | 'tripNumberPrefix' | 'filingMode' | 'updatedAt'
    >,
  ): Promise<Company | undefined>;
  /** Takes `count` numbers from the trip sequence; returns the first. Safe under concurrency. */
  reserveTripSequence(id: string, count: number): Promise<number>;
  /** Takes `count` numbers from the SCN sequence; returns the first. */
  reserveScnSequence(id: string, count: number): Promise<number>;
  /** The next number of the SCN sequence, without taking it (a suggestion to show). */
  peekScnSequence(id: string): Promise<number>;
}

export interface UserRepository {
  /** false when the e-mail is already registered. */
  insert(user: User, passwordHash: string): Promise<boolean>;
  findById(id: string): Promise<User | undefined>;
  findByEmail(email: string): Promise<{ user: User; passwordHash: string } | undefined>;
}

export interface MembershipRepository {
  /** false when the user already belongs to the company. */
  insert(membership: Membership): Promise<boolean>;
  find(userId: string, companyId: string): Promise<Membership | undefined>;
  listForCompany(companyId: string): Promise<readonly { user: User; role: Role }[]>;
  listForUser(userId: string): Promise<readonly { company: Company; role: Role }[]>;
  setRole(userId: string, companyId: string, role: Role): Promise<boolean>;
  countAdmins(companyId: string): Promise<number>;
  /** false when the user was not a member. */
  remove(userId: string, companyId: string): Promise<boolean>;
}

export interface SessionRepository {
  insert(session: Session): Promise<void>;
  findByHash(idHash: string): Promise<Session | undefined>;
  setCompany(idHash: string, companyId: string): Promise<void>;
  delete(idHash: string): Promise<void>;
  deleteExpired(now: string): Promise<number>;
}

export interface ApiTokenRepository {
  insert(token: ApiToken, tokenHash: string): Promise<void>;
  findByHash(tokenHash: string): Promise<ApiToken | undefined>;
  findById(companyId: string, id: string): Promise<ApiToken | undefined>;
  list(companyId: string): Promise<readonly ApiToken[]>;
  revoke(companyId: string, id: string, at: string): Promise<boolean>;
  touch(id: string, at: string): Promise<void>;
}
