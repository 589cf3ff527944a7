/**
 * The plain-text e-mail of one alert event: a subject that says it all on a phone's lock
 * screen ("Trip ABCD123 — shipment ABCD0001 released"), what happened, CBP's reasons with what
 * to do for a reject, and a link to the trip when the service knows its public address.
 */
import type { AlertStatus } from '../../shared/ports/index.js';
import type { AlertEvent } from './alert-events.js';

const WORDS: Record<AlertStatus, { readonly title: string; readonly sentence: string }> = {
  accepted: { title: 'accepted', sentence: 'CBP accepted the manifest data.' },
  rejected: { title: 'rejected', sentence: 'CBP rejected the manifest data.' },
  'entry-on-file': {
    title: 'entry on file',
    sentence: "CBP has the broker's entry on file for the shipment.",
  },
  arrived: { title: 'arrived', sentence: 'CBP recorded the arrival at the port.' },
  released: { title: 'released', sentence: 'CBP released the shipment.' },
};

export function alertMail(
  event: AlertEvent,
  publicUrl: string | undefined,
): { readonly subject: string; readonly text: string } {
  const words = WORDS[event.status];
  const what =
    event.shipment === null
      ? `Trip ${event.trip.tripNumber}`
      : `Trip ${event.trip.tripNumber} — shipment ${event.shipment.scn}`;
  const lines = [`${what}: ${words.sentence}`, '', `When: ${event.occurredAt}`];
  if (event.reasons.length > 0) {
    lines.push('', "CBP's reasons:");
    for (const reason of event.reasons) {
      lines.push(`- ${reason.text}${reason.code === null ? '' : ` (code ${reason.code})`}`);
      if (reason.explanation !== null) {
        lines.push(`  What it means: ${reason.explanation.meaning}`);
        lines.push(`  What to do: ${reason.explanation.fix}`);
      }
    }
  }
  if (publicUrl !== undefined) {
    lines.push('', `Open the trip: ${publicUrl}/trips/${event.trip.id}`);
  }
  lines.push('', 'You receive this because your carrier set up filing alerts in ACE eManifest.');
  return { subject: `${what} ${words.title}`, text: `${lines.join('\n')}\n` };
}
