export { syncTrip, type SyncInput, type SyncResult, type QueuedTransmission } from './sync-trip.js';
export {
  deliverOutbox,
  backoffMs,
  type DeliveryReport,
  type DeliveryOptions,
} from './deliver-outbox.js';
export { ingestResponses, type IngestReport } from './ingest-responses.js';
export {
  getFilingStatus,
  HISTORY_IN_VIEW,
  type FilingStatusView,
  type HistoryEntryView,
} from './get-filing-status.js';
export {
  getFilingStatusIfChanged,
  type FilingStatusIfChanged,
} from './get-filing-status-if-changed.js';
export { listFilingHistory } from './list-filing-history.js';
export { listFilingShipments } from './list-filing-shipments.js';
export { FILING_STATUSES } from '../shared/ports/filing-repositories.js';
export { getInterchange } from './get-interchange.js';
export { getEdiIdentity, type EdiIdentityView } from './get-edi-identity.js';
export { setSenderId, type SetSenderIdInput, type SetSenderIdResult } from './set-sender-id.js';
export { setFilingMode } from './set-filing-mode.js';
