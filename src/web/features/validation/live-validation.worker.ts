/**
 * The rule engine of src/rules, run off the main thread: the page posts the document as the
 * user types and gets the issues back, so typing never waits for validation. The same
 * function the API and the CLI call: no rule is written twice.
 */
import { validateJson } from '../../../rules/engine.js';
import type { ValidationReply, WorkerMessage } from './validation-messages';

/** The trip's shipments as last sent by the page (see ShipmentsMessage). */
let shipments: readonly unknown[] = [];

self.onmessage = (event: MessageEvent<WorkerMessage>) => {
  const message = event.data;
  if (message.kind === 'shipments') {
    shipments = [...shipments.slice(0, message.from), ...message.shipments];
    return;
  }
  const { id, document, withShipments, now, scac } = message;
  const whole =
    withShipments && typeof document === 'object' && document !== null
      ? { ...document, shipments }
      : document;
  try {
    const reply: ValidationReply = {
      id,
      issues: validateJson(whole, { now: new Date(now), scac }),
    };
    self.postMessage(reply);
  } catch (error) {
    // The page waits for an answer before sending the next document.
    const reply: ValidationReply = { id, issues: null };
    self.postMessage(reply);
    throw error;
  }
};
