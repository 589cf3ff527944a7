export { syncTrip, type SyncInput, type SyncResult, type QueuedTransmission } from './sync-trip.js';
export {
  deliverOutbox,
  backoffMs,
  type DeliveryReport,
  type DeliveryOptions,
} from './deliver-outbox.js';
export { ingestResponses, type IngestReport } from './ingest-responses.js';
export { getFilingStatus, type FilingStatusView } from './get-filing-status.js';
export { getInterchange } from './get-interchange.js';
