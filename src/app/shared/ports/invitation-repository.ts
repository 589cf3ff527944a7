import type { Role } from '../actor.js';

/** An invitation to join a company; the token itself is never stored, only its SHA-256. */
export interface Invitation {
  readonly id: string;
  readonly companyId: string;
  readonly email: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly acceptedAt: string | null;
}

export interface InvitationRepository {
  insert(invitation: Invitation, tokenHash: string): Promise<void>;
  findByTokenHash(tokenHash: string): Promise<Invitation | undefined>;
  /** false when it was accepted meanwhile (two tabs, a replayed link). */
  markAccepted(id: string, at: string): Promise<boolean>;
}
