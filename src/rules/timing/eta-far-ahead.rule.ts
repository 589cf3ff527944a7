import { pointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { portLocal, readArrival } from '../support/arrival.js';
import { DAY_MS, plural } from './durations.js';
import { OWN_CHECK } from '../sources.js';

const ETA_FAR_AHEAD: IssueDefinition = {
  code: 'ETA_FAR_AHEAD',
  severity: 'warning',
  title: 'The estimated arrival is implausibly far ahead',
  fix: 'Check the date of the ETA (year, month, day order); correct it if it is a typo.',
  source: OWN_CHECK.etaFarAhead,
};

/**
 * An ETA weeks away is most often a mistyped date; the threshold is data
 * (`farAheadWarningDays` in the regulation table), not law, so this is only a warning.
 */
export const etaFarAheadRule: Rule = {
  id: 'eta-far-ahead',
  aboutTrip: true,
  issues: [ETA_FAR_AHEAD],
  check(document, context) {
    const arrival = readArrival(document);
    if (arrival.kind !== 'instant') return [];
    const limitDays = context.regulations.farAheadWarningDays;
    const ahead = arrival.at.getTime() - context.now.getTime();
    if (ahead <= limitDays * DAY_MS) return [];
    return [
      raise(
        ETA_FAR_AHEAD,
        pointer('estimatedArrivalDateTime'),
        `ETA ${portLocal(arrival.at, arrival.port)} at ${arrival.port.name} is ${plural(Math.floor(ahead / DAY_MS), 'day')} from now, more than the ${plural(limitDays, 'day')} that is plausible.`,
      ),
    ];
  },
};
