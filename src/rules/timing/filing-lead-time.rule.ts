import { pointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { portLocal, readArrival } from '../support/arrival.js';
import { hasFastCard } from '../crew/crew-members.js';
import { MINUTE_MS, spellMinutes } from './durations.js';
import { TRUCK_CARGO_ADVANCE_INFO } from '../sources.js';

const ETA_IN_PAST: IssueDefinition = {
  code: 'ETA_IN_PAST',
  severity: 'error',
  title: 'The estimated arrival is already past',
  fix: "Correct the ETA to the time the truck will actually reach the port, in the port's local time.",
  source: TRUCK_CARGO_ADVANCE_INFO,
};

const ETA_TOO_SOON: IssueDefinition = {
  code: 'ETA_TOO_SOON',
  severity: 'error',
  title: 'The estimated arrival is closer than the filing lead time',
  fix: 'ACE must receive the manifest 1 hour before arrival (30 minutes when every driver is in FAST): hold the truck or set a later, realistic ETA.',
  source: TRUCK_CARGO_ADVANCE_INFO,
};

/**
 * ACE needs the manifest on file before the truck reaches the booth: 1 hour, or 30 minutes for a
 * FAST truck (19 CFR 123.92(a)); the minutes come from the regulation table. The arrival is an
 * instant computed in the port's own zone with DST, so the comparison with `now` is exact.
 */
export const filingLeadTimeRule: Rule = {
  id: 'filing-lead-time',
  aboutTrip: true,
  issues: [ETA_IN_PAST, ETA_TOO_SOON],
  check(document, context) {
    if (document.data !== 'ACE_TRIP') return [];
    const arrival = readArrival(document);
    if (arrival.kind !== 'instant') return [];
    const path = pointer('estimatedArrivalDateTime');
    // Formatting in the port's zone is costly: only done when there is something to say.
    const eta = (): string => `ETA ${portLocal(arrival.at, arrival.port)} at ${arrival.port.name}`;
    const minutesAhead = (arrival.at.getTime() - context.now.getTime()) / MINUTE_MS;
    if (minutesAhead < 0) {
      return [
        raise(
          ETA_IN_PAST,
          path,
          `${eta()} is ${spellMinutes(Math.ceil(-minutesAhead))} ago; it is now ${portLocal(context.now, arrival.port)} there.`,
        ),
      ];
    }
    const drivers = document.drivers ?? [];
    const fast = drivers.length > 0 && drivers.every(hasFastCard);
    const { standardMinutes, fastMinutes } = context.regulations.filingLeadTime;
    const leadMinutes = fast ? fastMinutes : standardMinutes;
    if (minutesAhead >= leadMinutes) return [];
    return [
      raise(
        ETA_TOO_SOON,
        path,
        `${eta()} is ${spellMinutes(minutesAhead)} from now; ACE needs the manifest ${spellMinutes(leadMinutes)} before arrival${fast ? ' for a FAST truck' : ''}.`,
      ),
    ];
  },
};
