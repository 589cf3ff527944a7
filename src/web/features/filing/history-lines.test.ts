import { describe, expect, it } from 'vitest';
import type { FilingStatus } from './api/filing';
import { historyLines, type HistoryEntry } from './history-lines';

const SENT = '2026-12-01T10:00:00.000Z';
const POLLED = '2026-12-01T10:00:05.000Z';
const LATER = '2026-12-01T11:10:00.000Z';

function entry(
  at: string,
  scn: string | null,
  status: FilingStatus,
  detail: Record<string, unknown>,
  reasons: HistoryEntry['reasons'] = [],
): HistoryEntry {
  return { at, scn, status, detail, reasons, interchangeId: scn === null ? 'x12' : null };
}

/**
 * One trip filed as the service records it: the sync's two interchanges and the shipment's add,
 * then one poll that read, in mailbox order, the 309's answer, the 358's answer (repeating the
 * shipment) and the two 997s; then CBP's arrival notice.
 */
const FILED: HistoryEntry[] = [
  entry(SENT, null, 'transmitted', { setId: '309', purpose: 'preliminary', controlNumber: 1 }),
  entry(SENT, null, 'transmitted', { setId: '358', purpose: 'original', controlNumber: 2 }),
  entry(SENT, 'DEMO0000000004', 'transmitted', { action: 'add' }),
  entry(POLLED, 'DEMO0000000004', 'accepted', { event: '355', accepted: true, reasons: [] }),
  entry(POLLED, null, 'accepted', { event: '355', accepted: true, reasons: [] }),
  entry(POLLED, 'DEMO0000000004', 'accepted', { event: '355', accepted: true, reasons: [] }),
  entry(POLLED, null, 'transmitted', { event: '997', controlNumber: 1, accepted: true }),
  entry(POLLED, null, 'transmitted', { event: '997', controlNumber: 2, accepted: true }),
  entry(LATER, 'DEMO0000000004', 'arrived', { event: '350', dispositionCode: '4A' }),
];

const read = (lines: ReturnType<typeof historyLines>) =>
  lines.map((line) => [line.entry.scn ?? 'Trip', line.what, line.status]);

describe('the filing history as a dispatcher reads it', () => {
  it('says what was sent and what CBP answered, a 997 as a receipt, in the order it happened', () => {
    expect(read(historyLines(FILED))).toEqual([
      ['DEMO0000000004', 'CBP status notice (350): 4A', 'arrived'],
      ['Trip', 'CBP answered (355)', 'accepted'],
      ['DEMO0000000004', 'CBP answered (355)', 'accepted'],
      ['Trip', 'CBP received interchange #2 (997)', undefined],
      ['Trip', 'CBP received interchange #1 (997)', undefined],
      ['DEMO0000000004', 'Sent to CBP (add)', 'transmitted'],
      ['Trip', 'Sent to CBP: 358 #2 (original)', 'transmitted'],
      ['Trip', 'Sent to CBP: 309 #1 (preliminary)', 'transmitted'],
    ]);
  });

  it('lists an answer again when it says something new: a reason, or after another sync', () => {
    const warned = entry(POLLED, 'DEMO0000000004', 'accepted', { event: '355', accepted: true }, [
      { code: '9A', text: 'Warning from CBP', explanation: null },
    ]);
    const resent = [
      ...FILED,
      warned,
      entry(LATER, 'DEMO0000000004', 'transmitted', { action: 'change' }),
      entry('2026-12-01T11:20:00.000Z', 'DEMO0000000004', 'accepted', { event: '355' }),
    ];
    const lines = read(historyLines(resent));
    expect(
      lines.filter(([scn, what]) => scn !== 'Trip' && what === 'CBP answered (355)'),
    ).toHaveLength(3);
  });

  it('shows a refused interchange (997) with its status, and the service’s notes as notes', () => {
    const lines = historyLines([
      entry(SENT, null, 'transmitted', { setId: '358', purpose: 'original', controlNumber: 7 }),
      entry(POLLED, null, 'rejected', { event: '997', controlNumber: 7, accepted: false }),
      entry(LATER, null, 'rejected', { event: 'no-answer', controlNumber: 8 }),
    ]);
    expect(read(lines)).toEqual([
      ['Trip', 'Note on interchange #8', 'rejected'],
      ['Trip', 'CBP refused interchange #7 (997)', 'rejected'],
      ['Trip', 'Sent to CBP: 358 #7 (original)', 'transmitted'],
    ]);
  });
});
