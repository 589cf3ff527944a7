/**
 * The rule engine of src/rules, run off the main thread: the page posts the document as the
 * user types and gets the issues back, so typing never waits for validation. The same
 * function the API and the CLI call: no rule is written twice.
 */
import { validateJson } from '../../../rules/engine.js';
import type { ValidationRequest, ValidationReply } from './validation-messages';

self.onmessage = (event: MessageEvent<ValidationRequest>) => {
  const { id, document, now, scac } = event.data;
  const issues = validateJson(document, { now: new Date(now), scac });
  const reply: ValidationReply = { id, issues };
  self.postMessage(reply);
};
