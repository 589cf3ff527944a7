import { describe, expect, it } from 'vitest';
import {
  aSection321Shipment,
  aShipment,
  aTrip,
  aTripArrivingIn2024,
  FIXED_NOW,
} from '../../../test/builders.js';
import { readBackStrictly } from '../../../test/x12-readback.js';
import type { TripDocument } from '../../domain/index.js';
import {
  defaultEdiProfile,
  readX12,
  sequentialControlNumbers,
  write309,
  write358,
  writeFiling,
  type ControlNumberAllocator,
  type EdiEvent,
} from '../../edi/index.js';
import { CbpSimulator } from './cbp-simulator.js';
import { parseScenario, type Scenario } from './scenario.js';

function scenario(json: unknown = {}): Scenario {
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

function setUp(json: unknown = {}) {
  let real = FIXED_NOW.getTime();
  const simulator = CbpSimulator.fresh(scenario(json), () => real);
  const numbers = sequentialControlNumbers();
  let cursor = 0;
  /** Every answer since the last call, each read back by node-x12 strictly and by our reader. */
  const answers = (): EdiEvent[] => {
    const fresh = simulator.answersAfter(cursor, undefined);
    cursor = fresh.at(-1)?.seq ?? cursor;
    return fresh.flatMap((answer) => {
      const back = readBackStrictly(answer.text);
      expect(back.se01).toBe(back.body.length + 2);
      const events = readX12(answer.text);
      expect(events.filter((e) => e.kind === 'unreadable')).toEqual([]);
      return events;
    });
  };
  const file = (trip: TripDocument, allocator: ControlNumberAllocator = numbers) => {
    const written = writeFiling(trip, {
      profile: defaultEdiProfile(),
      controlNumbers: allocator,
      now: FIXED_NOW,
    });
    return written.interchanges.map((i) => simulator.receive(i.text));
  };
  const passMinutes = (minutes: number) => {
    real += (minutes * 60_000) / scenario(json).acceleration;
    simulator.tick();
  };
  return { simulator, answers, file, numbers, passMinutes };
}

const acks = (events: EdiEvent[]) => events.filter((e) => e.kind === 'acknowledgment');
const responses = (events: EdiEvent[]) => events.filter((e) => e.kind === 'manifest-response');
const statuses = (events: EdiEvent[]) =>
  events.flatMap((e) => (e.kind === 'status' ? [[e.scn, e.dispositionCode]] : []));

describe('the CBP simulator', () => {
  it('accepts a first filing (309 then 358) with a 997 and a 355 each, then releases the shipment over time', () => {
    const { answers, file, passMinutes } = setUp();
    expect(file(aTrip()).map((r) => r.outcome)).toEqual(['received', 'received']);
    const events = answers();
    expect(acks(events).map((a) => [a.functionalId, a.status])).toEqual([
      ['AQ', 'A'],
      ['BD', 'A'],
    ]);
    const [manifest, consist] = responses(events);
    expect(manifest?.shipments).toEqual([{ scn: 'DEMO0001000001', accepted: true, reasons: [] }]);
    expect(consist?.trip?.accepted).toBe(true);
    expect(consist?.tripNumber).toBe('DEMO2026112801');
    passMinutes(4);
    expect(statuses(answers())).toEqual([]);
    passMinutes(2);
    const entry = answers().find((e) => e.kind === 'status');
    expect(entry).toMatchObject({ dispositionCode: '02', entryType: '01' });
    passMinutes(60);
    expect(statuses(answers())).toEqual([
      ['DEMO0001000001', '19'],
      ['DEMO0001000001', '1C'],
    ]);
  });

  it('reports the statuses of a trip’s shipments in the order they fall due, not as scheduled', () => {
    const { answers, file, passMinutes } = setUp();
    file(
      aTrip({
        shipments: [aShipment(), aShipment({ shipmentControlNumber: 'DEMO0001000002' })],
      }),
    );
    answers();
    // Each shipment is scheduled whole (arrival, then release) before the next; the 350 lists
    // every arrival before the releases that come after it.
    passMinutes(120);
    expect(statuses(answers()).filter(([, code]) => code === '19' || code === '1C')).toEqual([
      ['DEMO0001000001', '19'],
      ['DEMO0001000002', '19'],
      ['DEMO0001000001', '1C'],
      ['DEMO0001000002', '1C'],
    ]);
  });

  it('reports nothing more of a shipment unlinked by a 358 update or deleted by a 309', () => {
    const { simulator, answers, file, numbers, passMinutes } = setUp();
    const trip = aTrip({
      shipments: [
        aShipment(),
        aShipment({ shipmentControlNumber: 'DEMO0001000002' }),
        aShipment({ shipmentControlNumber: 'DEMO0001000003' }),
      ],
    });
    file(trip);
    answers();
    const context = { profile: defaultEdiProfile(), controlNumbers: numbers, now: FIXED_NOW };
    const unlink = write358({ trip, purpose: 'update', unlink: ['DEMO0001000002'] }, context);
    simulator.receive(unlink.interchanges[0]?.text ?? '');
    const gone = write309(
      { trip: { ...trip, shipments: trip.shipments?.slice(2) }, purpose: 'delete' },
      context,
    );
    simulator.receive(gone.interchanges[0]?.text ?? '');
    expect(
      responses(answers()).flatMap((r) => r.shipments.map((s) => [s.scn, s.accepted])),
    ).toEqual([
      ['DEMO0001000002', true],
      ['DEMO0001000003', true],
    ]);
    passMinutes(120);
    expect(statuses(answers()).map(([scn]) => scn)).toEqual([
      'DEMO0001000001',
      'DEMO0001000001',
      'DEMO0001000001',
    ]);
  });

  it('rejects an SCN already on file, and accepts the others of the same 309', () => {
    const { answers, file } = setUp({ shipmentsOnFile: ['DEMO0001000002'] });
    file(
      aTrip({
        shipments: [aShipment(), aShipment({ shipmentControlNumber: 'DEMO0001000002' })],
      }),
    );
    const [manifest, consist] = responses(answers());
    expect(manifest?.shipments).toEqual([
      { scn: 'DEMO0001000001', accepted: true, reasons: [] },
      {
        scn: 'DEMO0001000002',
        accepted: false,
        reasons: [{ code: undefined, text: 'SHIPMENT ALREADY ON FILE' }],
      },
    ]);
    // The 358 links both; CBP refuses the link of the one that is not the carrier's.
    expect(consist?.shipments.map((s) => [s.scn, s.accepted])).toEqual([
      ['DEMO0001000001', true],
      ['DEMO0001000002', false],
    ]);
  });

  it('refuses a complete manifest sent again, and an unknown port of arrival', () => {
    const { simulator, answers, file, numbers } = setUp();
    file(aTrip());
    answers();
    const again = write358(
      { trip: aTrip(), purpose: 'original' },
      { profile: defaultEdiProfile(), controlNumbers: numbers, now: FIXED_NOW },
    );
    simulator.receive(again.interchanges[0]?.text ?? '');
    const [resent] = responses(answers());
    expect(resent?.trip).toEqual({
      accepted: false,
      reasons: [{ code: undefined, text: 'COMPLETE MANIFEST ALREADY ON FILE' }],
    });
    file(aTrip({ tripNumber: 'DEMO2026112802', usPortOfArrival: '9999', shipments: [] }));
    const [unknownPort] = responses(answers());
    expect(unknownPort?.trip?.accepted).toBe(false);
    expect(unknownPort?.trip?.reasons[0]?.text).toBe('INV PORT OF ARRIVAL 9999');
  });

  it('checks the instruments of international traffic a 358 declares: a known type and a count', () => {
    const { answers, file } = setUp();
    file(
      aTrip({
        shipments: [],
        instrumentsOfInternationalTraffic: [{ type: 'MC', quantity: 2, description: 'Racks' }],
      }),
    );
    expect(responses(answers())[0]?.trip?.accepted).toBe(true);
    file(
      aTrip({
        tripNumber: 'DEMO2026112802',
        shipments: [],
        instrumentsOfInternationalTraffic: [{ type: 'XX', quantity: 0, description: 'Racks' }],
      }),
    );
    const [refused] = responses(answers());
    expect(refused?.trip?.accepted).toBe(false);
    expect(refused?.trip?.reasons.map((r) => r.text)).toEqual([
      'INV IIT TYPE XX',
      'INV IIT QUANTITY 0',
    ]);
  });

  it('refuses Section 321 for arrivals from 2025-08-29 and accepts it before', () => {
    const late = setUp();
    late.file(aTrip({ shipments: [aSection321Shipment()] }));
    expect(responses(late.answers())[0]?.shipments[0]).toMatchObject({
      accepted: false,
      reasons: [{ text: 'INV BILL TYPE SECTION 321 NOT ALLOWED' }],
    });
    const early = setUp();
    early.file(aTripArrivingIn2024({ shipments: [aSection321Shipment()] }));
    expect(responses(early.answers())[0]?.shipments[0]?.accepted).toBe(true);
  });

  it('refuses missing data shipment by shipment: consignee, commodities, in-bond destination', () => {
    const { answers, file } = setUp();
    const { consignee: _consignee, ...withoutConsignee } = aShipment();
    file(
      aTrip({
        shipments: [
          { ...withoutConsignee, shipmentControlNumber: 'DEMO0001000011' },
          aShipment({ shipmentControlNumber: 'DEMO0001000012', commodities: [] }),
          aShipment({
            shipmentControlNumber: 'DEMO0001000013',
            type: 'IN_BOND',
            inBond: { type: '62', number: 'V12345678', destinationPort: 'XX1' },
          }),
        ],
      }),
    );
    const [manifest] = responses(answers());
    expect(manifest?.shipments.map((s) => [s.scn, s.reasons.map((r) => r.text)])).toEqual([
      ['DEMO0001000011', ['CONSIGNEE REQUIRED']],
      ['DEMO0001000012', ['COMMODITY DESCRIPTION REQUIRED']],
      ['DEMO0001000013', ['INVALID INB DEST PORT CODE']],
    ]);
    expect(manifest?.shipments[2]?.reasons[0]?.code).toBe('380');
  });

  it('answers an envelope whose counts disagree with a 997 rejection naming the segment, and nothing else', () => {
    const { simulator, answers, numbers } = setUp();
    const [first] = writeFiling(aTrip(), {
      profile: defaultEdiProfile(),
      controlNumbers: numbers,
      now: FIXED_NOW,
    }).interchanges;
    const broken = (first?.text ?? '').replace(/SE\*(\d+)\*/, 'SE*99*');
    expect(simulator.receive(broken).outcome).toBe('received');
    const events = answers();
    expect(responses(events)).toEqual([]);
    const [ack] = acks(events);
    expect(ack?.accepted).toBe(false);
    expect(ack?.sets[0]).toMatchObject({
      accepted: false,
      errorCodes: ['4'],
      segmentErrors: [{ segmentId: 'SE', position: '19' }],
    });
  });

  it('rejects two transaction sets in one transmission, naming the second ST', () => {
    const { simulator, answers, numbers } = setUp();
    const [first] = writeFiling(aTrip(), {
      profile: defaultEdiProfile(),
      controlNumbers: numbers,
      now: FIXED_NOW,
    }).interchanges;
    const text = first?.text ?? '';
    const set = text.slice(text.indexOf('ST*'), text.indexOf('GE*'));
    const doubled = text.replace('GE*1*', `${set}GE*1*`);
    simulator.receive(doubled);
    const [ack] = acks(answers());
    expect(ack?.status).toBe('R');
    expect(ack?.sets[0]?.segmentErrors.map((e) => e.segmentId)).toContain('ST');
  });

  it('answers a resent interchange (same sender, same ISA13) once, and counts the delivery', () => {
    const { simulator, answers, numbers } = setUp();
    const [first] = writeFiling(aTrip(), {
      profile: defaultEdiProfile(),
      controlNumbers: numbers,
      now: FIXED_NOW,
    }).interchanges;
    expect(simulator.receive(first?.text ?? '').outcome).toBe('received');
    expect(simulator.receive(first?.text ?? '').outcome).toBe('duplicate');
    expect(acks(answers())).toHaveLength(1);
    expect(Object.values(simulator.state.receipts)).toMatchObject([
      { controlNumber: '000000001', deliveries: 2 },
    ]);
  });

  it('says why it cannot answer text that holds no interchange', () => {
    const { simulator } = setUp();
    expect(simulator.receive('hello')).toMatchObject({ outcome: 'unaddressable' });
  });

  it('places and removes a hold before releasing; a hold never removed means no release', () => {
    const { answers, file, passMinutes } = setUp({
      holds: [
        { scn: 'DEMO0001000001', placed: 61, removed: 80 },
        { scn: 'DEMO0001000002', placed: 61 },
      ],
    });
    file(
      aTrip({
        shipments: [aShipment(), aShipment({ shipmentControlNumber: 'DEMO0001000002' })],
      }),
    );
    answers();
    passMinutes(200);
    const events = answers();
    expect(statuses(events)).toEqual([
      ['DEMO0001000001', '02'],
      ['DEMO0001000002', '02'],
      ['DEMO0001000001', '19'],
      ['DEMO0001000002', '19'],
      ['DEMO0001000001', '1H'],
      ['DEMO0001000002', '1H'],
      ['DEMO0001000001', '1I'],
      ['DEMO0001000001', '1C'],
    ]);
    const hold = events.find((e) => e.kind === 'status' && e.dispositionCode === '1H');
    expect(hold).toMatchObject({ remarks: ['HOLD FOR EXAMINATION'] });
  });
});
