import type { FilingStateChange, FilingStatusOf, Repositories } from '../../shared/ports/index.js';

/**
 * The filing statuses one ingest reads and changes, kept for the whole transaction: a truck's
 * 350s carry thousands of statuses, and looking each SCN up (and its trip's states) one query
 * at a time made ingesting them quadratic. SCNs are looked up in batches, a trip's statuses are
 * read once, and the changes are written together when an interchange is done. Statuses only:
 * the documents sent and accepted stay in the database, which moves them (changeStates); a
 * trip of 100,000 shipments read whole took the service's heap to a gigabyte.
 */
export class FilingStateCache {
  readonly #repos: Repositories;
  readonly #companyId: string;
  /** By trip and SCN: what is stored, or what this ingest has set since. */
  readonly #byTripAndScn = new Map<string, FilingStatusOf>();
  /** By SCN: the state most recently updated across the company's trips (350s name SCNs only). */
  readonly #latestByScn = new Map<string, FilingStatusOf | undefined>();
  readonly #tripsRead = new Set<string>();
  readonly #changed = new Map<string, FilingStateChange>();

  constructor(repos: Repositories, companyId: string) {
    this.#repos = repos;
    this.#companyId = companyId;
  }

  static #key(tripId: string, scn: string): string {
    return `${tripId}\u0000${scn}`;
  }

  #remember(state: FilingStatusOf): void {
    const key = FilingStateCache.#key(state.tripId, state.scn);
    if (!this.#byTripAndScn.has(key)) this.#byTripAndScn.set(key, state);
  }

  /** Reads the states of the SCNs not looked up yet, in a few queries. */
  async lookUpScns(scns: Iterable<string>): Promise<void> {
    const missing = [...new Set(scns)].filter((scn) => !this.#latestByScn.has(scn));
    if (missing.length === 0) return;
    for (const scn of missing) this.#latestByScn.set(scn, undefined);
    for (const state of await this.#repos.filing.statusesOfScns(this.#companyId, missing)) {
      this.#remember(state);
      const latest = this.#latestByScn.get(state.scn);
      if (latest === undefined || state.updatedAt > latest.updatedAt) {
        this.#latestByScn.set(state.scn, state);
      }
    }
  }

  /** The SCN's state in the trip it was last updated in; undefined when it is none of ours. */
  async ofScn(scn: string): Promise<FilingStatusOf | undefined> {
    await this.lookUpScns([scn]);
    const latest = this.#latestByScn.get(scn);
    return latest && this.#byTripAndScn.get(FilingStateCache.#key(latest.tripId, scn));
  }

  /** The state of the trip (`scn` = '') or of one of its shipments. */
  async of(tripId: string, scn: string): Promise<FilingStatusOf | undefined> {
    const key = FilingStateCache.#key(tripId, scn);
    if (!this.#byTripAndScn.has(key) && !this.#tripsRead.has(tripId)) {
      this.#tripsRead.add(tripId);
      for (const state of await this.#repos.filing.statuses(this.#companyId, tripId)) {
        this.#remember(state);
      }
    }
    return this.#byTripAndScn.get(key);
  }

  /**
   * Records a change. Only a `status` change leaves what was sent waiting; after any other,
   * nothing waits, so a later change of the same state before the write can only be a status
   * or a rejection of nothing: the first effect that moved the documents is the one written,
   * with the last status.
   */
  set(change: FilingStateChange): void {
    const key = FilingStateCache.#key(change.tripId, change.scn);
    const before = this.#byTripAndScn.get(key);
    const state: FilingStatusOf = {
      tripId: change.tripId,
      scn: change.scn,
      status: change.status,
      sentAction: change.effect === 'status' ? (before?.sentAction ?? null) : null,
      updatedAt: change.updatedAt,
    };
    this.#byTripAndScn.set(key, state);
    this.#latestByScn.set(change.scn, state);
    const earlier = this.#changed.get(key);
    this.#changed.set(
      key,
      earlier === undefined || earlier.effect === 'status'
        ? change
        : { ...change, effect: earlier.effect },
    );
  }

  /** Writes what changed since the last write. */
  async write(): Promise<void> {
    if (this.#changed.size === 0) return;
    const changed = [...this.#changed.values()];
    this.#changed.clear();
    await this.#repos.filing.changeStates(changed);
  }
}
