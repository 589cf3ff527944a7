/**
 * Starts `emanifest cbp-simulator` as its own process (the compiled CLI, as an operator runs
 * it) on a free loopback port, and talks to its mailbox. Needs `npm run build` (dist/).
 */
import type { ChildProcess } from 'node:child_process';
import { startListeningCli } from './cli-process.js';

export interface SimulatorProcess {
  readonly url: string;
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  put(text: string): Promise<{ status: number; body: { outcome: string } }>;
  answers(after?: number): Promise<{ seq: number; setId: string; text: string }[]>;
  advance(minutes: number): Promise<void>;
  receipts(): Promise<{ controlNumber: string; deliveries: number }[]>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startSimulatorProcess(options: {
  readonly data: string;
  readonly scenario?: string;
}): Promise<SimulatorProcess> {
  const args = ['cbp-simulator', '--port', '0', '--data', options.data];
  if (options.scenario !== undefined) args.push('--scenario', options.scenario);
  const simulator = await startListeningCli(args);
  const { url, child, exited } = simulator;
  return {
    url,
    child,
    exited,
    async put(text) {
      const response = await fetch(`${url}/mailbox/in`, { method: 'PUT', body: text });
      return { status: response.status, body: (await response.json()) as { outcome: string } };
    },
    async answers(after = 0) {
      const response = await fetch(`${url}/mailbox/out?after=${after}`);
      const body = (await response.json()) as {
        answers: { seq: number; setId: string; text: string }[];
      };
      return body.answers;
    },
    async advance(minutes) {
      await fetch(`${url}/clock/advance?minutes=${minutes}`, { method: 'POST' });
    },
    async receipts() {
      const response = await fetch(`${url}/mailbox/receipts`);
      return (
        (await response.json()) as { receipts: { controlNumber: string; deliveries: number }[] }
      ).receipts;
    },
    stop: simulator.stop,
  };
}
