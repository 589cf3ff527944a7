import type { Issue } from '../../../domain/index.js';
import type { TripRecord } from '../../shared/records.js';

/** What a use case that writes a trip returns: the saved trip and the rule engine's findings. */
export interface TripResult {
  readonly trip: TripRecord;
  readonly issues: readonly Issue[];
}
