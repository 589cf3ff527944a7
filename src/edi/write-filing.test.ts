import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aCommodity, aDriver, aShipment, aTrip, FIXED_NOW } from '../../test/builders.js';
import { readBackStrictly } from '../../test/x12-readback.js';
import { sequentialControlNumbers, type ControlNumberAllocator } from './control-numbers.js';
import { defaultEdiProfile } from './default-profile.js';
import type { Interchange, WriteContext } from './interchange.js';
import type { EdiProfile } from './profile.js';
import { readX12 } from './read-x12.js';
import { splitSegments } from './split-segments.js';
import { write309 } from './write-309.js';
import { write358 } from './write-358.js';
import { writeFiling } from './write-filing.js';

const context = (profile: EdiProfile = defaultEdiProfile()): WriteContext => ({
  profile,
  controlNumbers: sequentialControlNumbers(),
  now: FIXED_NOW,
});

/** Both readers agree with the envelope: node-x12 strict, and ours (no envelope flags). */
function checkInterchange(interchange: Interchange) {
  const back = readBackStrictly(interchange.text);
  const numbers = interchange.controlNumbers;
  expect(Number(back.isa13)).toBe(numbers.interchange);
  expect(back.iea02).toBe(back.isa13);
  expect(Number(back.gs06)).toBe(numbers.group);
  expect(back.ge02).toBe(back.gs06);
  expect(Number(back.st02)).toBe(numbers.transaction);
  expect(back.se02).toBe(back.st02);
  expect(back.se01).toBe(back.body.length + 2);
  expect(back.se01).toBe(interchange.segmentCount);
  const ours = readX12(interchange.text);
  // Our reader reads CBP's answers; of a 309/358 it flags only that the set is not one of them.
  expect(ours.every((e) => e.kind === 'unreadable' && e.reason.startsWith('transaction set'))).toBe(
    true,
  );
  const split = splitSegments(interchange.text).segments.filter(
    (s) => !['ISA', 'GS', 'ST', 'SE', 'GE', 'IEA'].includes(s.id),
  );
  expect(split.map((s) => [s.id, ...s.elements])).toEqual(
    back.body.map((s) => [s.tag, ...s.elements]),
  );
  return back;
}

describe('a complete filing of a trip', () => {
  it('sends the shipments as a preliminary 309, then the 358 linking them', () => {
    const result = writeFiling(aTrip(), context());
    expect(result.issues).toEqual([]);
    expect(result.interchanges.map((i) => [i.setId, i.purpose])).toEqual([
      ['309', 'preliminary'],
      ['358', 'original'],
    ]);
    const [manifest, consist] = result.interchanges.map(checkInterchange);
    expect(manifest?.body.find((s) => s.tag === 'M11')?.elements[0]).toBe('DEMO0001000001');
    expect(consist?.body.find((s) => s.tag === 'MBL')?.elements[1]).toBe('DEMO0001000001');
    expect(consist?.body.filter((s) => s.tag === 'NM1')).toHaveLength(1);
  });

  it('matches the golden files a reviewer reads (src/edi/fixtures/filing-*.x12)', () => {
    const result = writeFiling(aTrip(), context());
    result.interchanges.forEach((interchange, i) => {
      const file = new URL(`fixtures/filing-${i + 1}-${interchange.setId}.x12`, import.meta.url);
      expect(interchange.text).toBe(readFileSync(file, 'utf8'));
    });
  });

  it('gives the goods on the truck a VID of their own, not the trailer VID before them', () => {
    const shipment = aShipment({
      commodities: [
        aCommodity({
          description: 'Rolled oats',
          loadedOn: { type: 'TRAILER', number: 'TR-5501' },
        }),
        aCommodity({ description: 'Pearl barley', loadedOn: { type: 'TRUCK' } }),
        // Without loadedOn, or on a trailer without its number: on the only trailer.
        aCommodity({ description: 'Rye', loadedOn: undefined }),
        aCommodity({ description: 'Flax', loadedOn: { type: 'TRAILER' } }),
      ],
    });
    const result = writeFiling(aTrip({ shipments: [shipment] }), context());
    expect(result.issues).toEqual([]);
    const [manifest] = result.interchanges.map(checkInterchange);
    const loops = (manifest?.body ?? [])
      .filter((s) => ['VID', 'M7', 'N10'].includes(s.tag))
      .map((s) =>
        s.tag === 'N10' ? `N10 ${s.elements[1] ?? ''}` : [s.tag, ...s.elements].join('*'),
      );
    expect(loops).toEqual([
      'VID*TL**TR-5501',
      'M7*SEAL-001',
      'N10 ROLLED OATS',
      'N10 RYE',
      'N10 FLAX',
      'VID*TL**T-101',
      'N10 PEARL BARLEY',
    ]);
  });

  it('names a broker given by its filer code alone by that code (N1 needs a name, R0203)', () => {
    const shipment = aShipment({ broker: { filerCode: 'N7B' } });
    const result = writeFiling(aTrip({ shipments: [shipment] }), context());
    expect(result.issues).toEqual([]);
    const [manifest] = result.interchanges.map(checkInterchange);
    const body = manifest?.body ?? [];
    const broker = body.findIndex((s) => s.tag === 'N1' && s.elements[0] === 'CB');
    expect(body[broker]?.elements).toEqual(['CB', 'N7B']);
    expect(
      body
        .slice(broker)
        .find((s) => s.tag === 'N9')
        ?.elements.slice(0, 2),
    ).toEqual(['BF', 'N7B']);
  });

  it('splits shipments over several 309s at the profile limit, each in its own envelope', () => {
    const profile = { ...defaultEdiProfile(), maxShipmentsPer309: 2 };
    const shipments = Array.from({ length: 5 }, (_, i) =>
      aShipment({ shipmentControlNumber: `DEMO000000000${i}` }),
    );
    const result = writeFiling(aTrip({ shipments }), context(profile));
    expect(result.interchanges.map((i) => i.shipmentCount)).toEqual([2, 2, 1, 5]);
    const backs = result.interchanges.map(checkInterchange);
    expect(new Set(backs.map((b) => b.isa13)).size).toBe(4);
    expect(new Set(backs.map((b) => b.st02)).size).toBe(4);
    const lx = backs.slice(0, 3).map((b) => b.body.filter((s) => s.tag === 'LX').length);
    expect(lx).toEqual([2, 2, 1]);
  });

  it('says which of the chosen shipments each 309 of a split carries, in their order', () => {
    const profile = { ...defaultEdiProfile(), maxShipmentsPer309: 2 };
    const shipments = Array.from({ length: 5 }, (_, i) =>
      aShipment({ shipmentControlNumber: `DEMO000000000${i}` }),
    );
    const result = write309(
      { trip: aTrip({ shipments }), purpose: 'update', shipments: [4, 0, 2] },
      context(profile),
    );
    expect(result.shipments).toEqual([[4, 0], [2]]);
    const scns = result.interchanges.map((interchange) =>
      checkInterchange(interchange)
        .body.filter((s) => s.tag === 'M11')
        .map((s) => s.elements[0]),
    );
    expect(scns).toEqual([['DEMO0000000004', 'DEMO0000000000'], ['DEMO0000000002']]);
  });

  it('keeps 10,000 shipments to 9,999 per 309', () => {
    const shipments = Array.from({ length: 10_000 }, (_, i) =>
      aShipment({ shipmentControlNumber: `DEMO${String(i).padStart(10, '0')}` }),
    );
    const result = write309({ trip: aTrip({ shipments }), purpose: 'preliminary' }, context());
    expect(result.interchanges.map((i) => i.shipmentCount)).toEqual([9999, 1]);
    result.interchanges.forEach(checkInterchange);
  });

  it('refuses an allocator that hands out a number twice', () => {
    const stuck: ControlNumberAllocator = { next: () => 7 };
    expect(() => writeFiling(aTrip(), { ...context(), controlNumbers: stuck })).toThrow(
      /already used/,
    );
  });
});

describe('309 and 358 updates and deletes', () => {
  it('a 309 update and delete carry an M13 amendment per shipment', () => {
    const trip = aTrip();
    const update = write309({ trip, purpose: 'update' }, context()).interchanges[0];
    const remove = write309({ trip, purpose: 'delete' }, context()).interchanges[0];
    const updateBody = checkInterchange(update as Interchange).body;
    const deleteBody = checkInterchange(remove as Interchange).body;
    expect(updateBody.find((s) => s.tag === 'M13')?.elements[2]).toBe('C');
    expect(deleteBody.map((s) => s.tag)).toEqual(['M10', 'P4', 'DTM', 'LX', 'M13', 'M11']);
    expect(deleteBody.find((s) => s.tag === 'M13')?.elements[2]).toBe('D');
  });

  it('a complete 309 carries the trip: truck, crew and trailers', () => {
    const tags = checkInterchange(
      write309({ trip: aTrip(), purpose: 'complete' }, context()).interchanges[0] as Interchange,
    ).body.map((s) => s.tag);
    expect(tags).toEqual(expect.arrayContaining(['VEH', 'NM1', 'DMG', 'REF', 'VID', 'M7']));
  });

  it('a 358 update links and unlinks shipments; a delete names the trip only', () => {
    const trip = aTrip();
    const update = write358(
      { trip, purpose: 'update', link: [0], unlink: ['DEMO0001000999'] },
      context(),
    );
    const body = checkInterchange(update.interchanges[0] as Interchange).body;
    const links = body
      .filter((s) => s.tag === 'MBL' || s.tag === 'M13')
      .map((s) => s.elements.join('*'));
    expect(links).toEqual([
      'DEMO*DEMO0001000001',
      '**A',
      'DEMO*DEMO0000000999'.replace('0000000999', '0001000999'),
      '**D',
    ]);
    const removal = write358({ trip, purpose: 'delete' }, context());
    expect(checkInterchange(removal.interchanges[0] as Interchange).body.map((s) => s.tag)).toEqual(
      ['M10', 'P4', 'DTM'],
    );
  });
});

describe('instruments of international traffic', () => {
  const trip = aTrip({
    instrumentsOfInternationalTraffic: [
      { type: 'mc', quantity: 2, description: 'Returnable racks' },
      { type: 'EC', quantity: 40, description: 'Empty pallets' },
    ],
  });

  it('a 358 declares each in an N9 of the heading: type, count and description', () => {
    const result = write358({ trip, purpose: 'original' }, context());
    expect(result.issues).toEqual([]);
    const body = checkInterchange(result.interchanges[0] as Interchange).body;
    expect(body.slice(0, 4).map((s) => [s.tag, ...s.elements].join('*'))).toEqual([
      expect.stringMatching(/^M10\*/),
      'N9*MC*2*RETURNABLE RACKS',
      'N9*EC*40*EMPTY PALLETS',
      expect.stringMatching(/^VEH\*/),
    ]);
    // A 358 update carries them again (the trip as it is now); a delete names the trip only.
    const update = write358({ trip, purpose: 'update' }, context()).interchanges[0];
    const updated = checkInterchange(update as Interchange).body;
    expect(updated.filter((s) => s.tag === 'N9')).toHaveLength(2);
    const removal = write358({ trip, purpose: 'delete' }, context()).interchanges[0];
    expect(checkInterchange(removal as Interchange).body.some((s) => s.tag === 'N9')).toBe(false);
  });

  it('a complete 309 carries them with the trip; a preliminary one does not', () => {
    const complete = write309({ trip, purpose: 'complete' }, context()).interchanges[0];
    const heading = checkInterchange(complete as Interchange).body;
    expect(heading.filter((s) => s.tag === 'N9' && s.elements[0] === 'MC')).toHaveLength(1);
    const preliminary = write309({ trip, purpose: 'preliminary' }, context()).interchanges[0];
    const shipmentsOnly = checkInterchange(preliminary as Interchange).body;
    expect(shipmentsOnly.some((s) => s.tag === 'N9' && s.elements[0] === 'MC')).toBe(false);
  });

  it('the profile maps the type to the qualifier CBP asks for', () => {
    const profile = { ...defaultEdiProfile(), instrumentTypes: { MC: 'IMC' } };
    const body = checkInterchange(
      write358({ trip, purpose: 'original' }, context(profile)).interchanges[0] as Interchange,
    ).body;
    expect(body.filter((s) => s.tag === 'N9').map((s) => s.elements[0])).toEqual(['IMC', 'EC']);
  });

  it('a description longer than the element is shortened with a warning at its pointer', () => {
    const long = aTrip({
      instrumentsOfInternationalTraffic: [
        {
          type: 'MI',
          quantity: 3,
          description: 'Collapsible steel racks for automotive glass panels',
        },
      ],
    });
    const result = write358({ trip: long, purpose: 'original' }, context());
    expect(result.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: '/instrumentsOfInternationalTraffic/0/description',
      }),
    ]);
    const n9 = checkInterchange(result.interchanges[0] as Interchange).body.find(
      (s) => s.tag === 'N9',
    );
    expect(n9?.elements[2]?.length).toBeLessThanOrEqual(45);
  });
});

describe('free text made safe for X12', () => {
  it('replaces delimiters and accents with a warning located by segment, element and pointer', () => {
    const trip = aTrip({ drivers: [aDriver({ lastName: 'Brontë*~' })] });
    const result = writeFiling(trip, context());
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'EDI_TEXT_ADJUSTED',
        severity: 'warning',
        path: '/drivers/0/lastName',
        message: expect.stringContaining('358 NM103') as string,
      }),
    ]);
    result.interchanges.forEach(checkInterchange);
  });

  it('shortens a long description at a word boundary, with a warning', () => {
    const description = 'Rolled oats in paper bags stacked on wooden pallets wrapped in film';
    const trip = aTrip({
      shipments: [aShipment({ commodities: [aCommodity({ description })] })],
    });
    const result = writeFiling(trip, context());
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([
      ['EDI_TEXT_SHORTENED', '/shipments/0/commodities/0/description'],
    ]);
    const n10 = checkInterchange(result.interchanges[0] as Interchange).body.find(
      (s) => s.tag === 'N10',
    );
    expect(n10?.elements[1]).toBe('ROLLED OATS IN PAPER BAGS STACKED ON WOODEN');
  });

  it('never shortens or changes an identifier: an error instead', () => {
    const trip = aTrip({
      shipments: [aShipment({ shipmentControlNumber: 'DEMO0001000001XYZ' })],
      trailers: [{ number: 'TR-5501', type: 'TL', sealNumbers: ['SEAL~1'] }],
    });
    const codes = writeFiling(trip, context()).issues.map((i) => [i.code, i.path]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['EDI_VALUE_TOO_LONG', '/shipments/0/shipmentControlNumber'],
        ['EDI_VALUE_NOT_REPRESENTABLE', '/trailers/0/sealNumbers/0'],
      ]),
    );
  });

  it('a shipment type the profile cannot map is an error', () => {
    const trip = aTrip({ shipments: [aShipment({ type: 'SOMETHING_NEW' })] });
    expect(writeFiling(trip, context()).issues.map((i) => i.code)).toEqual(['EDI_CODE_UNMAPPED']);
  });

  it('any free text yields an interchange both parsers read, element for element', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80, unit: 'binary' }), (name) => {
        const trip = aTrip({ shipments: [aShipment({ shipper: { name } })] });
        const result = write309({ trip, purpose: 'preliminary' }, context());
        const back = checkInterchange(result.interchanges[0] as Interchange);
        const n1 = back.body.find((s) => s.tag === 'N1');
        const sent = n1?.elements[1] ?? '';
        expect(sent.length).toBeLessThanOrEqual(60);
        expect(sent).toMatch(/^[A-Z0-9 !"&'()+,\-./:;?=%@[\]_{}\\|<>#$]*$/);
      }),
      { numRuns: 200 },
    );
  });
});
