import { listTrips, type Actor, type AppDeps } from '../app/index.js';
import { UnusableError } from './io.js';

/** The id of the trip with exactly this number in the actor's company (the CLI names trips so). */
export async function tripIdOf(deps: AppDeps, actor: Actor, tripNumber: string): Promise<string> {
  let cursor: string | undefined;
  do {
    const page = await listTrips(deps, actor, { text: tripNumber, cursor, limit: 100 });
    const found = page.items.find((trip) => trip.tripNumber === tripNumber);
    if (found !== undefined) return found.id;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  throw new UnusableError(`there is no trip ${tripNumber} in this company.`);
}
