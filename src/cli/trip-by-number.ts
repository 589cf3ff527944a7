import { AppError, findTripByNumber, type Actor, type AppDeps } from '../app/index.js';
import { UnusableError } from './io.js';

/**
 * The id of the trip with this number in the actor's company, for commands that name trips by
 * number; an unknown number is unusable input (exit 2), as a missing file is.
 */
export async function tripIdOf(deps: AppDeps, actor: Actor, tripNumber: string): Promise<string> {
  try {
    return (await findTripByNumber(deps, actor, { tripNumber })).id;
  } catch (error) {
    if (error instanceof AppError && error.kind === 'NOT_FOUND')
      throw new UnusableError(`there is no trip ${tripNumber} in this company.`);
    throw error;
  }
}
