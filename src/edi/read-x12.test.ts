import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBackStrictly } from '../../test/x12-readback.js';
import type { EdiEvent } from './events.js';
import { readX12 } from './read-x12.js';

/** Hand-written answers in the layouts docs/edi.md describes (src/edi/fixtures). */
const fixture = (name: string) =>
  readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
const ofKind = <K extends EdiEvent['kind']>(events: EdiEvent[], kind: K) =>
  events.filter((e): e is Extract<EdiEvent, { kind: K }> => e.kind === kind);

describe('reading CBP answers', () => {
  it('the hand-written fixtures are valid X12 for node-x12 in strict mode', () => {
    for (const name of [
      '997-accepted',
      '997-rejected',
      '355-mixed',
      '355-trip-rejected',
      '350-statuses',
    ]) {
      expect(() => readBackStrictly(fixture(`${name}.x12`)), name).not.toThrow();
    }
  });

  it('997 accepted: the group and set it acknowledges', () => {
    const events = readX12(fixture('997-accepted.x12'));
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'acknowledgment',
        functionalId: 'AQ',
        groupControlNumber: '1',
        status: 'A',
        accepted: true,
        sets: [expect.objectContaining({ setId: '309', controlNumber: '0001', accepted: true })],
      }),
    ]);
  });

  it('997 rejected, with other delimiters and CRLF: the AK3/AK4 errors are kept', () => {
    const [ack, ...rest] = readX12(fixture('997-rejected.x12'));
    expect(rest).toEqual([]);
    expect(ack).toMatchObject({
      kind: 'acknowledgment',
      functionalId: 'BD',
      accepted: false,
      envelope: { interchangeControlNumber: '000000502', groupControlNumber: '502' },
      sets: [
        {
          setId: '358',
          status: 'R',
          accepted: false,
          errorCodes: ['5'],
          segmentErrors: [
            {
              segmentId: 'NM1',
              position: '5',
              errorCode: '8',
              elements: [{ position: '3', errorCode: '1', badValue: 'BRONTE*' }],
            },
          ],
        },
      ],
    });
  });

  it('355: trip and shipment outcomes with their reasons', () => {
    const [response] = ofKind(readX12(fixture('355-mixed.x12')), 'manifest-response');
    expect(response?.tripNumber).toBe('DEMO2026112801');
    expect(response?.trip?.accepted).toBe(true);
    expect(response?.shipments).toEqual([
      { scn: 'DEMO0001000001', accepted: true, reasons: [] },
      {
        scn: 'DEMO0001000002',
        accepted: false,
        reasons: [{ code: undefined, text: 'SHIPMENT ALREADY ON FILE' }],
      },
      {
        scn: 'DEMO0001000003',
        accepted: false,
        reasons: [{ code: '157', text: 'FIRMS CODE REQUIRED' }],
      },
    ]);
    const [tripReject] = ofKind(readX12(fixture('355-trip-rejected.x12')), 'manifest-response');
    expect(tripReject?.trip).toEqual({
      accepted: false,
      reasons: [{ code: undefined, text: 'NO PERSON IN CHARGE' }],
    });
  });

  it('350: each X4 is a status with its disposition code, meaning and remarks', () => {
    const statuses = ofKind(readX12(fixture('350-statuses.x12')), 'status');
    expect(statuses.map((s) => [s.scn, s.dispositionCode, s.disposition?.effect])).toEqual([
      ['DEMO0001000001', '02', 'entry-on-file'],
      ['DEMO0001000001', '19', 'arrived'],
      ['DEMO0001000001', '1H', 'hold'],
      ['DEMO0001000001', '1I', 'hold-removed'],
      ['DEMO0001000001', '1C', 'released'],
      ['DEMO0001000002', '7Q', undefined],
    ]);
    expect(statuses[0]).toMatchObject({
      entryType: '01',
      entryNumber: '12345678901',
      port: '0901',
      date: '20261128',
      time: '0930',
    });
    expect(statuses[2]?.remarks).toEqual(['HOLD FOR EXAMINATION']);
  });

  it('keeps what it cannot read, flagged with its position, and still reads the rest', () => {
    const events = readX12(fixture('350-damaged.x12'));
    expect(ofKind(events, 'unreadable').map((e) => [e.position, e.raw, e.reason])).toEqual([
      [1, 'GARBAGE BEFORE', 'text outside an ISA–IEA interchange'],
      [9, 'SE*9*0506', 'SE01 says 9 segments, the set has 6'],
      [6, 'X4*DEMO0001000001', 'X4 without an SCN (X4-01) or a disposition code (X4-07)'],
      [7, 'ZZZ*WHAT IS THIS', 'segment ZZZ is not part of a 350 as this reader knows it'],
    ]);
    expect(ofKind(events, 'status').map((s) => s.dispositionCode)).toEqual(['1C']);
  });

  it('reads an interchange after noise that looks like a header', () => {
    const events = readX12(`VISA CARD 1234\nISA*00*\n${fixture('997-accepted.x12')}`);
    expect(events.map((e) => (e.kind === 'unreadable' ? [e.position, e.raw] : e.kind))).toEqual([
      [1, 'V'],
      [2, 'ISA CARD 1234'],
      [3, 'ISA*00*'],
      'acknowledgment',
    ]);
  });

  it('flags an interchange cut off after a whole set: no GE, no IEA', () => {
    const whole = fixture('997-rejected.x12');
    const cut = whole.slice(0, whole.indexOf('GE|'));
    const events = readX12(cut);
    expect(ofKind(events, 'unreadable').map((e) => [e.position, e.reason])).toEqual([
      [2, 'functional group without GE (the text ends first)'],
      [1, 'interchange without IEA (the text ends first)'],
    ]);
    const noGe = readX12(whole.replace(/GE\|1\|502!\s*/, ''));
    expect(ofKind(noGe, 'unreadable').map((e) => [e.position, e.reason])).toEqual([
      [2, 'functional group without GE'],
    ]);
    expect(ofKind(readX12(whole), 'unreadable')).toEqual([]);
  });

  it('never throws on arbitrary text', () => {
    for (const text of ['', 'ISA', 'ISA*00*', 'ST*350*1~SE*2*1~', '~~~\n\n', 'ISA*'.repeat(40)]) {
      expect(() => readX12(text)).not.toThrow();
    }
    expect(readX12('ST*350*1~SE*2*1~')[0]).toMatchObject({ kind: 'unreadable', position: 1 });
  });
});
