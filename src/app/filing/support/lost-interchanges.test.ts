import { describe, expect, it } from 'vitest';
import type { TransmissionSummary } from '../../shared/ports/index.js';
import { assessUnanswered, LOST_AFTER_MINUTES } from './lost-interchanges.js';

const SENT_AT = '2026-11-28T12:00:00.000Z';

function aTransmission(
  overrides: Partial<TransmissionSummary> & Pick<TransmissionSummary, 'setId' | 'controlNumber'>,
): TransmissionSummary {
  return {
    id: `t${String(overrides.controlNumber)}`,
    companyId: 'c',
    tripId: 'trip',
    tripNumber: 'ABCD2026112801',
    purpose: 'original',
    scns: [],
    state: 'sent',
    attempts: 1,
    nextAttemptAt: SENT_AT,
    lastError: null,
    createdAt: '2026-11-28T11:59:59.000Z',
    sentAt: SENT_AT,
    ...overrides,
  };
}

const scn = (n: number) => `ABCD${String(n).padStart(10, '0')}`;

describe('assessUnanswered (what the last sync left waiting on CBP)', () => {
  // A courier's sync: one 309 and one 358, each naming every SCN.
  const count = 20_000;
  const scns = Array.from({ length: count }, (_, n) => scn(n));
  const states = [
    { scn: '', status: 'transmitted' as const },
    ...scns.map((s, n) => ({
      scn: s,
      status: n === 0 ? ('accepted' as const) : ('transmitted' as const),
    })),
  ];
  const transmissions = [
    aTransmission({ setId: '309', controlNumber: 7, scns }),
    aTransmission({ setId: '358', controlNumber: 8, scns }),
    // An earlier sync's interchange: not what waits.
    aTransmission({ setId: '309', controlNumber: 3, scns, createdAt: '2026-11-27T08:00:00.000Z' }),
  ];

  it('groups the waiting states by the interchange they wait on, the trip with its 358', () => {
    const now = new Date(Date.parse(SENT_AT) + 60_000);
    const unanswered = assessUnanswered(states, transmissions, new Set(), now);
    if (unanswered.kind !== 'too-soon')
      throw new Error(`too-soon expected, not ${unanswered.kind}`);
    const waits = unanswered.interchanges.map((entry) => [
      entry.transmission.controlNumber,
      entry.states.length,
      entry.states.some((state) => state.scn === ''),
    ]);
    // The accepted shipment waits on nothing; the trip waits on the 358 only.
    expect(waits).toEqual([
      [7, count - 1, false],
      [8, count, true],
    ]);
    expect(unanswered.lostFrom).toBe(
      new Date(Date.parse(SENT_AT) + LOST_AFTER_MINUTES * 60_000).toISOString(),
    );
  });

  it('is lost past the half hour, and acknowledged once CBP sent a 997 for one of them', () => {
    const later = new Date(Date.parse(SENT_AT) + LOST_AFTER_MINUTES * 60_000);
    expect(assessUnanswered(states, transmissions, new Set(), later).kind).toBe('lost');
    expect(assessUnanswered(states, transmissions, new Set([8]), later)).toEqual({
      kind: 'acknowledged',
      controlNumber: 8,
    });
  });
});
