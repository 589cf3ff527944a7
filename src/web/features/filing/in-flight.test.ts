import { describe, expect, it } from 'vitest';
import type { FilingStatus, FilingView } from './api/filing';
import { inFlight } from './in-flight';
import { statusWords } from './filing-words';

function view(
  trip: FilingStatus,
  shipments: FilingStatus[],
  outbox: ('pending' | 'sent' | 'failed')[] = [],
): FilingView {
  return {
    trip: { status: trip, updatedAt: null },
    shipments: shipments.map((status, index) => ({
      scn: `DEMO000000000${String(index)}`,
      status,
      updatedAt: null,
    })),
    history: [],
    shipmentsCursor: null,
    shipmentTotal: shipments.length,
    shipmentCounts: [...new Set(shipments)].map((status) => ({
      status,
      count: shipments.filter((s) => s === status).length,
    })),
    historyTotal: 0,
    historyCursor: null,
    transmissions: outbox.map((state, index) => ({
      id: String(index),
      setId: '309',
      purpose: 'preliminary',
      controlNumber: index + 1,
      shipmentCount: 0,
      state,
      attempts: 0,
      lastError: null,
      sentAt: null,
    })),
    resendFrom: null,
    interchanges: [],
  };
}

describe('refreshing the filing status while CBP has something to say', () => {
  it('refreshes while an interchange waits in the outbox or the trip awaits its answer', () => {
    expect(inFlight(view('draft', ['draft'], ['pending']))).toBe(true);
    expect(inFlight(view('transmitted', ['transmitted'], ['sent']))).toBe(true);
  });

  it('refreshes while shipments of a trip on file are not yet released, arrived trip included', () => {
    expect(inFlight(view('accepted', ['accepted']))).toBe(true);
    expect(inFlight(view('arrived', ['released', 'arrived']))).toBe(true);
    expect(inFlight(view('accepted', ['on-hold']))).toBe(true);
  });

  it('stops once CBP has said its last word, or nothing was sent', () => {
    expect(inFlight(undefined)).toBe(false);
    expect(inFlight(view('draft', ['draft']))).toBe(false);
    expect(inFlight(view('arrived', ['released', 'released'], ['sent']))).toBe(false);
    expect(inFlight(view('rejected', ['transmitted']))).toBe(false);
    expect(inFlight(view('cancelled', ['deleted']))).toBe(false);
  });

  it('names every status in the words dispatchers use', () => {
    expect(statusWords('entry-on-file')).toBe('Entry on file');
    expect(statusWords('deleted')).toBe('Deleted at CBP');
  });
});
