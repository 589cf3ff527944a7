/**
 * The application layer's public surface: use cases, the ports storage implements, and the
 * records they exchange. Every use case is `useCase(deps, actor, input) → Promise<result>`
 * (bootstrap, login and authentication take no actor); failures are AppError (errors.ts);
 * writes that touch a trip or shipment return the rule engine's `issues`.
 */
export * from './shared/errors.js';
export * from './shared/actor.js';
export * from './shared/deps.js';
export { MailDeliveryError } from './shared/ports/mailer.js';
export type * from './shared/records.js';
export { PARTY_KINDS, PROFILE_KINDS, TRIP_STATUSES } from './shared/records.js';
export { isDate } from './shared/input-checks.js';
export type * from './shared/ports/index.js';
export { LIST_PAGE, SEARCH_RESULTS } from './shared/page-size.js';
export {
  hashPassword,
  verifyPassword,
  DEFAULT_SCRYPT,
  type ScryptParams,
} from './accounts/support/passwords.js';
export { API_TOKEN_PREFIX } from './accounts/support/secrets.js';

// Accounts
export { bootstrapCompany, type BootstrapCompanyInput } from './accounts/bootstrap-company.js';
export { getCompany } from './accounts/get-company.js';
export { updateCompany, type UpdateCompanyInput } from './accounts/update-company.js';
export { setCompanyLogo, type CompanyLogoFacts } from './accounts/set-company-logo.js';
export { getCompanyLogo } from './accounts/get-company-logo.js';
export { removeCompanyLogo } from './accounts/remove-company-logo.js';
export { createUser, type CreateUserInput } from './accounts/create-user.js';
export { listUsers } from './accounts/list-users.js';
export { changeUserRole } from './accounts/change-user-role.js';
export {
  login,
  DEFAULT_SESSION_TTL_MS,
  type LoginResult,
  type CompanyChoice,
} from './accounts/login.js';
export { authenticateSession, type SessionContext } from './accounts/authenticate-session.js';
export { switchCompany } from './accounts/switch-company.js';
export { listMyCompanies } from './accounts/list-my-companies.js';
export { logout } from './accounts/logout.js';
export { createApiToken } from './accounts/create-api-token.js';
export { listApiTokens } from './accounts/list-api-tokens.js';
export { revokeApiToken } from './accounts/revoke-api-token.js';
export { authenticateApiToken } from './accounts/authenticate-api-token.js';
export { seedDemoCompany } from './accounts/seed-demo-company.js';
export { operatorActor } from './accounts/operator-actor.js';

// Master data
export { createParty, type PartyInput } from './master-data/create-party.js';
export { updateParty } from './master-data/update-party.js';
export { deleteParty } from './master-data/delete-party.js';
export { getParty } from './master-data/get-party.js';
export { listParties } from './master-data/list-parties.js';
export { searchParties } from './master-data/search-parties.js';
export { createProfile, type ProfileInput } from './master-data/create-profile.js';
export { updateProfile } from './master-data/update-profile.js';
export { deleteProfile } from './master-data/delete-profile.js';
export { listProfiles } from './master-data/list-profiles.js';
export { getProfile } from './master-data/get-profile.js';

// Trips and shipments
export { createTrip } from './trips/create-trip.js';
export type { TripResult } from './trips/support/trip-result.js';
export { getTrip } from './trips/get-trip.js';
export { findTripByNumber } from './trips/find-trip-by-number.js';
export { listTrips, type TripListItem } from './trips/list-trips.js';
export { updateTrip } from './trips/update-trip.js';
export { deleteTrip } from './trips/delete-trip.js';
export { copyTrip } from './trips/copy-trip.js';
export { assignProfiles, type AssignProfilesInput } from './trips/assign-profiles.js';
export { validateTrip } from './trips/validate-trip.js';
export { exportTrip } from './trips/export-trip.js';
export type { ExportFile } from './shared/export-file.js';
export { importDocument, type ImportResult } from './trips/import-document.js';
export { saveTemplate } from './templates/save-template.js';
export { applyTemplate } from './templates/apply-template.js';
export { listTemplates } from './templates/list-templates.js';
export { deleteTemplate } from './templates/delete-template.js';
export { createShipment } from './shipments/create-shipment.js';
export type { ShipmentResult } from './shipments/support/shipment-result.js';
export { updateShipment } from './shipments/update-shipment.js';
export { deleteShipment } from './shipments/delete-shipment.js';
export { attachShipment } from './shipments/attach-shipment.js';
export { listShipments } from './shipments/list-shipments.js';
export { getShipment } from './shipments/get-shipment.js';
export { findShipmentByScn } from './shipments/find-shipment-by-scn.js';
export { suggestScn } from './shipments/suggest-scn.js';
export {
  suggestDescriptions,
  DESCRIPTION_SUGGESTIONS,
  type DescriptionSuggestion,
} from './shipments/suggest-descriptions.js';
export { validateShipment } from './shipments/validate-shipment.js';
export {
  importShipmentsCsv,
  CsvImportCancelled,
  type CsvFile,
  type CsvImportInput,
  type CsvImportMode,
} from './shipments/import-shipments-csv.js';
export type { CsvImportProgress, CsvImportReport } from './shipments/support/csv-import-report.js';
export { exportShipmentsCsv } from './shipments/export-shipments-csv.js';

// Paperwork
export type { PaperworkDeps, PaperSize, RenderedPdf } from './paperwork/support/paperwork-deps.js';
export { renderLeadSheet, type LeadSheetInput } from './paperwork/render-lead-sheet.js';
export { renderPlacard } from './paperwork/render-placard.js';
export { renderShipmentPapers } from './paperwork/render-shipment-papers.js';
export { reserveScnLabels, MAX_LABELS, type ScnLabels } from './paperwork/reserve-scn-labels.js';
export {
  renderDayLeadSheets,
  type DayLeadSheets,
  type DayLeadSheetsInput,
} from './paperwork/render-day-lead-sheets.js';
export { emailLeadSheet, type EmailLeadSheetInput } from './paperwork/email-lead-sheet.js';
export { listDriverEmails } from './paperwork/list-driver-emails.js';
export type { DriverEmail } from './shared/driver-emails.js';

// The driver's page
export {
  createDriverLink,
  DEFAULT_LINK_HOURS,
  MAX_LINK_HOURS,
} from './driver-links/create-driver-link.js';
export { listDriverLinks } from './driver-links/list-driver-links.js';
export { revokeDriverLink } from './driver-links/revoke-driver-link.js';
export {
  openDriverPage,
  type DriverPage,
  type DriverPageRefusal,
} from './driver-links/open-driver-page.js';
export { renderDriverLeadSheet } from './driver-links/render-driver-lead-sheet.js';

// Filing with CBP
export * from './filing/index.js';
export { TransportUnavailable } from './shared/ports/cbp-transport.js';

// Filing alerts: webhooks and e-mail
export * from './alerts/index.js';
export { ALERT_EVENT_TYPES, ALERT_STATUSES } from './shared/ports/alert-repositories.js';
export { WebhookUnreachable } from './shared/ports/webhook-poster.js';
