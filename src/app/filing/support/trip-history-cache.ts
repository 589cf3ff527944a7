import type { FilingHistoryEntry, Repositories } from '../../shared/ports/index.js';

/**
 * The filing history of the trips one ingest reads, kept for the whole transaction: a hold
 * removed goes back to the status before the hold, and a truck's 350s can remove many holds
 * on one trip. Each trip's history is read once; what the ingest appends after that is added
 * here too, so a later answer sees it as it would in the database.
 */
export class TripHistoryCache {
  readonly #repos: Repositories;
  readonly #companyId: string;
  readonly #byTrip = new Map<string, FilingHistoryEntry[]>();

  constructor(repos: Repositories, companyId: string) {
    this.#repos = repos;
    this.#companyId = companyId;
  }

  /** The trip's history, oldest first, as stored (including what was appended since). */
  async of(tripId: string): Promise<readonly FilingHistoryEntry[]> {
    let history = this.#byTrip.get(tripId);
    if (history === undefined) {
      history = [...(await this.#repos.filing.history(this.#companyId, tripId))];
      this.#byTrip.set(tripId, history);
    }
    return history;
  }

  /** Entries just appended to the database; trips not read yet will read them from there. */
  appended(entries: readonly FilingHistoryEntry[]): void {
    for (const entry of entries) this.#byTrip.get(entry.tripId)?.push(entry);
  }
}
