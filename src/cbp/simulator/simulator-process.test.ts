/**
 * The simulator as its own process: a real port on loopback, state in a data folder that
 * survives a graceful stop and a SIGKILL.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aTrip, FIXED_NOW } from '../../../test/builders.js';
import { startSimulatorProcess } from '../../../test/cbp-simulator-process.js';
import { readBackStrictly } from '../../../test/x12-readback.js';
import {
  defaultEdiProfile,
  readX12,
  sequentialControlNumbers,
  writeFiling,
} from '../../edi/index.js';

const statusCodes = (texts: readonly string[]) =>
  texts.flatMap((text) =>
    readX12(text).flatMap((e) => (e.kind === 'status' ? [e.dispositionCode] : [])),
  );

describe('emanifest cbp-simulator (its own process)', () => {
  it('answers through its mailbox, keeps its state across a SIGKILL and a restart, and refuses nothing twice', async () => {
    const data = mkdtempSync(join(tmpdir(), 'cbp-sim-'));
    const scenario = join(data, 'scenario.json');
    writeFileSync(
      scenario,
      JSON.stringify({ acceleration: 1, shipmentsOnFile: ['DEMO0001000099'] }),
    );
    const [manifest, consist] = writeFiling(aTrip(), {
      profile: defaultEdiProfile(),
      controlNumbers: sequentialControlNumbers(),
      now: FIXED_NOW,
    }).interchanges;

    const first = await startSimulatorProcess({ data, scenario });
    expect(await first.put(manifest?.text ?? '')).toMatchObject({
      status: 202,
      body: { outcome: 'received' },
    });
    expect((await first.put('not x12')).status).toBe(400);
    // Killed without a chance to save: what it acknowledged was already on disk.
    await first.stop('SIGKILL');

    const second = await startSimulatorProcess({ data, scenario });
    expect(await second.put(manifest?.text ?? '')).toMatchObject({
      status: 200,
      body: { outcome: 'duplicate' },
    });
    expect((await second.put(consist?.text ?? '')).status).toBe(202);
    const answers = await second.answers();
    expect(answers.map((a) => a.setId)).toEqual(['997', '355', '997', '355']);
    for (const answer of answers) readBackStrictly(answer.text);
    expect(await second.receipts()).toMatchObject([
      { controlNumber: '000000001', deliveries: 2 },
      { controlNumber: '000000002', deliveries: 1 },
    ]);
    await second.advance(30);
    expect(await second.stop('SIGTERM')).toBe(0);

    const third = await startSimulatorProcess({ data, scenario });
    await third.advance(60);
    const later = await third.answers(answers.at(-1)?.seq ?? 0);
    expect(statusCodes(later.map((a) => a.text))).toEqual(['02', '19', '1C']);
    expect(await third.stop()).toBe(0);
  });
});
