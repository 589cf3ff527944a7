/**
 * Create, replace and delete for the company's reusable records (address-book parties, profiles): the
 * same life cycle — a new id at version 1, or the next version only when the caller edited the
 * current one — with an audit entry in the same transaction. Each record type says where it is
 * stored and how it is built; the life cycle is written once.
 */
import type { Actor } from '../../shared/actor.js';
import { recordChange } from '../../shared/audit.js';
import type { AppDeps } from '../../shared/deps.js';
import { notFound, staleVersion } from '../../shared/errors.js';
import type { Repositories } from '../../shared/ports/index.js';
import type { AuditEntityType, Versioned } from '../../shared/records.js';

export interface BookRecordType<R extends Versioned, I> {
  readonly entityType: AuditEntityType;
  /** How messages name it: 'Party', 'Profile'. */
  readonly noun: string;
  readonly store: (repos: Repositories) => {
    insert(record: R): Promise<void>;
    findById(companyId: string, id: string): Promise<R | undefined>;
    /** Writes only over the version before `record.version`. */
    update(record: R): Promise<boolean>;
    softDelete(
      companyId: string,
      id: string,
      expectedVersion: number,
      at: string,
    ): Promise<boolean>;
  };
  /** Checks the input and builds the record around its identity and version. */
  readonly build: (stamp: Versioned, input: I) => R;
}

export function createBookRecord<R extends Versioned, I>(
  type: BookRecordType<R, I>,
  deps: AppDeps,
  actor: Actor,
  input: I,
): Promise<R> {
  const now = deps.clock.now().toISOString();
  const stamp = { id: deps.ids.newId(), companyId: actor.companyId, version: 1 };
  const record = type.build({ ...stamp, createdAt: now, updatedAt: now }, input);
  return deps.store.transaction(async (repos) => {
    await type.store(repos).insert(record);
    await recordChange(repos, deps, actor, {
      entityType: type.entityType,
      entityId: record.id,
      action: 'create',
      after: record,
    });
    return record;
  });
}

export function replaceBookRecord<R extends Versioned, I>(
  type: BookRecordType<R, I>,
  deps: AppDeps,
  actor: Actor,
  target: { readonly id: string; readonly expectedVersion: number },
  input: I,
): Promise<R> {
  const what = `The ${type.noun.toLowerCase()}`;
  return deps.store.transaction(async (repos) => {
    const store = type.store(repos);
    const before = await store.findById(actor.companyId, target.id);
    if (before === undefined) throw notFound(type.noun);
    if (before.version !== target.expectedVersion) {
      throw staleVersion(what, target.expectedVersion, before.version);
    }
    const after = type.build(
      {
        id: before.id,
        companyId: before.companyId,
        version: before.version + 1,
        createdAt: before.createdAt,
        updatedAt: deps.clock.now().toISOString(),
      },
      input,
    );
    if (!(await store.update(after))) {
      throw staleVersion(what, target.expectedVersion, before.version + 1);
    }
    await recordChange(repos, deps, actor, {
      entityType: type.entityType,
      entityId: before.id,
      action: 'update',
      before,
      after,
    });
    return after;
  });
}

/** A soft delete of the version the caller saw: the entry leaves lists and search, history stays. */
export async function deleteBookRecord<R extends Versioned, I>(
  type: BookRecordType<R, I>,
  deps: AppDeps,
  actor: Actor,
  target: { readonly id: string; readonly expectedVersion: number },
): Promise<void> {
  const what = `The ${type.noun.toLowerCase()}`;
  await deps.store.transaction(async (repos) => {
    const store = type.store(repos);
    const before = await store.findById(actor.companyId, target.id);
    if (before === undefined) throw notFound(type.noun);
    if (before.version !== target.expectedVersion) {
      throw staleVersion(what, target.expectedVersion, before.version);
    }
    const at = deps.clock.now().toISOString();
    if (!(await store.softDelete(actor.companyId, before.id, target.expectedVersion, at))) {
      // Read at the expected version, changed or deleted before the write: a lost race.
      throw staleVersion(what, target.expectedVersion, target.expectedVersion);
    }
    await recordChange(repos, deps, actor, {
      entityType: type.entityType,
      entityId: before.id,
      action: 'delete',
      before,
    });
  });
}
