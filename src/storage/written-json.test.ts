import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseRememberedJson } from '../domain/index.js';
import { WrittenJson } from './written-json.js';

describe('WrittenJson', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('writes a value parsed from remembered JSON as that text, for its row and its snapshot', () => {
    const text = '{"shipmentControlNumber":"ABCD9","commodities":[{"value":5}]}';
    const parsed = parseRememberedJson(text) as object;
    const stringify = vi.spyOn(JSON, 'stringify');
    const written = new WrittenJson();
    expect(written.write(parsed)).toBe(text);
    expect(written.reuse({ shipment: parsed })).toBe(`{"shipment":${text}}`);
    written.forget();
    expect(written.reuse(parsed)).toBe(text);
    // Only the snapshot's key was serialised, never the shipment.
    expect(stringify.mock.calls.map(([value]) => value as unknown)).toEqual(['shipment']);
  });

  const shipment = { shipmentControlNumber: 'ABCD1', commodities: [{ value: 5 }], note: undefined };

  it('writes a new shipment’s snapshot exactly as JSON.stringify does, reusing the row’s text', () => {
    const written = new WrittenJson();
    expect(written.write(shipment)).toBe(JSON.stringify(shipment));
    for (const snapshot of [
      { tripId: null, position: 3, shipment },
      { tripId: 'trip-1', position: 0, shipment, dropped: undefined, at: new Date(0) },
    ]) {
      expect(written.reuse(snapshot)).toBe(JSON.stringify(snapshot));
    }
    expect(written.reuse([shipment])).toBe(JSON.stringify([shipment]));
    expect(written.reuse('text')).toBe('"text"');
  });

  it('reuses a text until it forgets, so a shipment changed later is never written stale', () => {
    const written = new WrittenJson();
    const changing = { shipmentControlNumber: 'ABCD2' };
    written.write(changing);
    changing.shipmentControlNumber = 'ABCD3';
    // Within the window the text written is the one reused (the batch path changes nothing
    // between a row and its audit entry)…
    expect(written.reuse({ shipment: changing })).toBe(
      '{"shipment":{"shipmentControlNumber":"ABCD2"}}',
    );
    written.forget();
    // …and after it the object is serialised as it is now.
    expect(written.reuse({ shipment: changing })).toBe(
      '{"shipment":{"shipmentControlNumber":"ABCD3"}}',
    );
  });
});
