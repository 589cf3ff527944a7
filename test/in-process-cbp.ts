/**
 * The CBP simulator's behaviour in the test's own process, behind the transport port: fast
 * use-case tests whose answers come from the same rules as the simulator process. Its clock
 * moves only when the test says so.
 */
import { parseScenario } from '../src/cbp/simulator/scenario.js';
import { CbpSimulator } from '../src/cbp/simulator/cbp-simulator.js';
import type { EdiProfile } from '../src/edi/index.js';
import { answerText, body350 } from '../src/cbp/simulator/write-answers.js';
import type { CbpTransport } from '../src/app/index.js';

/** `profile`: the layout the simulator reads with, when the service files with a corrected one. */
export function inProcessCbp(scenarioJson: unknown = {}, profile?: EdiProfile) {
  const parsed = parseScenario({ acceleration: 1, ...(scenarioJson as object) });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  let real = Date.parse('2026-11-28T12:00:00Z');
  const simulator = CbpSimulator.fresh(parsed.scenario, () => real, profile);
  const transport: CbpTransport = {
    name: `in-process-${crypto.randomUUID()}`,
    send(text) {
      const receipt = simulator.receive(text);
      if (receipt.outcome === 'unaddressable') {
        return Promise.resolve({ kind: 'refused', reason: receipt.reason });
      }
      return Promise.resolve({ kind: receipt.outcome === 'duplicate' ? 'duplicate' : 'delivered' });
    },
    receive(cursor) {
      const answers = simulator.answersAfter(Number(cursor ?? '0'), undefined);
      return Promise.resolve({
        messages: answers.map((a) => ({ ref: String(a.seq), text: a.text })),
        cursor: String(answers.at(-1)?.seq ?? Number(cursor ?? '0')),
      });
    },
    settle: () => Promise.resolve(),
  };
  return {
    simulator,
    transport,
    passMinutes(minutes: number) {
      real += minutes * 60_000;
      simulator.tick();
    },
  };
}

/**
 * A 350 as the simulator writes it, addressed to the filer `to` (its ISA06): statuses of the
 * trip's shipments at `at`, for tests that put several answers in one batch themselves.
 */
export function a350(
  trip: { readonly scac: string; readonly tripNumber: string },
  lines: readonly { readonly scn: string; readonly code: string }[],
  options: { readonly controlNumber: number; readonly to: string; readonly at: Date },
): string {
  const body = body350(
    { scac: trip.scac, conveyance: 'T-101', tripNumber: trip.tripNumber, port: '0901' },
    lines.map((line) => ({ ...line, at: options.at })),
  );
  return answerText(
    '350',
    body,
    options.controlNumber,
    { from: 'USCSACE', to: options.to },
    options.at,
  );
}
