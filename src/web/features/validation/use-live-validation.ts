/**
 * Live validation: the document goes to the rule engine in a Web Worker after every change,
 * and the latest answer comes back as issues. `undefined` until the first answer.
 *
 * Sized for a 10,000-shipment trip (the rule engine takes most of a second over it): one
 * check at a time, and what is typed meanwhile waits as one newest document, so the worker
 * never falls behind the keyboard; a trip's shipments are copied to the worker only when
 * pages are added (structured cloning 10,000 shipments on every keystroke would block typing).
 */
import { useEffect, useRef, useState } from 'react';
import type { Issue } from '../../lib/api-types';
import { sameIssues } from '../../lib/field-id';
import type { ValidationReply, WorkerMessage } from './validation-messages';

interface Job {
  readonly id: number;
  readonly document: unknown;
  readonly scac: string | undefined;
}

interface Channel {
  readonly worker: Worker;
  busy: boolean;
  waiting: Job | undefined;
  /** The shipments the worker holds. */
  sent: readonly unknown[];
}

function tripShipments(document: unknown): { own: unknown; shipments?: readonly unknown[] } {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return { own: document };
  }
  const { shipments, ...own } = document as { shipments?: unknown };
  return Array.isArray(shipments) ? { own, shipments } : { own: document };
}

function post(channel: Channel, message: WorkerMessage): void {
  channel.worker.postMessage(message);
}

/** Sends the shipments the worker lacks: those after the longest prefix it already holds. */
function syncShipments(channel: Channel, shipments: readonly unknown[]): void {
  const { sent } = channel;
  if (shipments === sent) return;
  const common = Math.min(sent.length, shipments.length);
  let from = 0;
  while (from < common && shipments[from] === sent[from]) from += 1;
  if (from < shipments.length || from < sent.length) {
    post(channel, { kind: 'shipments', from, shipments: shipments.slice(from) });
  }
  channel.sent = shipments;
}

function start(channel: Channel, job: Job): void {
  channel.busy = true;
  const { own, shipments } = tripShipments(job.document);
  if (shipments !== undefined) syncShipments(channel, shipments);
  post(channel, {
    kind: 'validate',
    id: job.id,
    document: own,
    withShipments: shipments !== undefined,
    now: new Date().toISOString(),
    scac: job.scac,
  });
}

function startWorker(): Worker {
  return new Worker(new URL('./live-validation.worker.ts', import.meta.url), {
    type: 'module',
    name: 'live-validation',
  });
}

/**
 * The worker of the editor left last, kept for the next one: going from a trip to a shipment,
 * its commodity and back mounts an editor each time, and a new worker compiles and starts the
 * whole rule engine again (a tenth of a second of CPU or so, and its first checks run slowly
 * until its code is warm). One is enough: one editor is shown at a time. `busy`: the last
 * editor's check is still running, and its answer (dropped) frees the worker.
 */
let spare: { readonly worker: Worker; busy: boolean } | undefined;

/** Request ids, counted over every editor: an answer meant for an earlier editor is older. */
let lastId = 0;

export function useLiveValidation(document: unknown, scac: string | undefined) {
  const channel = useRef<Channel | null>(null);
  const shownId = useRef(0);
  const [issues, setIssues] = useState<Issue[] | undefined>(undefined);

  useEffect(() => {
    const kept = spare;
    spare = undefined;
    const worker = kept?.worker ?? startWorker();
    const created: Channel = { worker, busy: kept?.busy ?? false, waiting: undefined, sent: [] };
    // Anything answered before now was asked by another editor.
    shownId.current = lastId;
    worker.onmessage = (event: MessageEvent<ValidationReply>) => {
      const { id, issues: found } = event.data;
      // Newer than what is shown: shown, even if the user typed since (the next answer follows).
      if (found !== null && id > shownId.current) {
        shownId.current = id;
        // The same answer again (most keys change nothing a rule sees): nothing is drawn again.
        setIssues((shown) => (sameIssues(shown, found) ? shown : found));
      }
      created.busy = false;
      const next = created.waiting;
      created.waiting = undefined;
      if (next !== undefined) start(created, next);
    };
    channel.current = created;
    return () => {
      channel.current = null;
      if (spare !== undefined) {
        worker.terminate();
        return;
      }
      // Emptied of this trip's shipments: the next editor's `sent` starts empty.
      post(created, { kind: 'shipments', from: 0, shipments: [] });
      const left = { worker, busy: created.busy };
      worker.onmessage = () => {
        left.busy = false;
      };
      spare = left;
    };
  }, []);

  useEffect(() => {
    if (document === undefined) return;
    lastId += 1;
    const job: Job = { id: lastId, document, scac };
    // The worker is created by the effect above, which runs first on mount.
    const current = channel.current;
    if (current === null) return;
    if (current.busy) current.waiting = job;
    else start(current, job);
  }, [document, scac]);

  return issues;
}
