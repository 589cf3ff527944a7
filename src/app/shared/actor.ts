import { forbidden } from './errors.js';

/**
 * Who is acting: a signed-in user or an API token, always inside one company (the tenant).
 * Every use case takes an Actor; records of other companies are invisible to it (NOT_FOUND).
 */
export type Role = 'admin' | 'dispatcher' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'dispatcher', 'viewer'];

export type Actor =
  | {
      readonly kind: 'user';
      readonly companyId: string;
      readonly userId: string;
      readonly role: Role;
    }
  | {
      readonly kind: 'token';
      readonly companyId: string;
      readonly tokenId: string;
      readonly role: Role;
    }
  | {
      /**
       * Someone at the server's shell running the CLI against its database (`emanifest
       * lead-sheet TRIPNUMBER`, `emanifest labels`): whoever may read the database file or URL
       * already holds every company's data, so no account is asked for. Audit entries name
       * neither a user nor a token.
       */
      readonly kind: 'operator';
      readonly companyId: string;
      readonly role: Role;
    };

const RANK: Record<Role, number> = { viewer: 0, dispatcher: 1, admin: 2 };

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** viewer reads; dispatcher also edits data; admin also manages users, tokens and settings. */
export function requireRole(actor: Actor, least: Role): void {
  if (RANK[actor.role] < RANK[least]) {
    throw forbidden(`This needs the ${least} role; you are ${actor.role}.`);
  }
}

export const requireEditor = (actor: Actor): void => {
  requireRole(actor, 'dispatcher');
};
export const requireAdmin = (actor: Actor): void => {
  requireRole(actor, 'admin');
};

export function actorIds(actor: Actor): {
  readonly userId: string | null;
  readonly tokenId: string | null;
} {
  switch (actor.kind) {
    case 'user':
      return { userId: actor.userId, tokenId: null };
    case 'token':
      return { userId: null, tokenId: actor.tokenId };
    case 'operator':
      return { userId: null, tokenId: null };
  }
}
