/**
 * The application layer's public surface: use cases, the ports storage implements, and the
 * records they exchange. Every use case is `useCase(deps, actor, input) → Promise<result>`
 * (bootstrap, login and authentication take no actor); failures are AppError (errors.ts);
 * writes that touch a trip or shipment return the rule engine's `issues`.
 */
export * from './errors.js';
export * from './actor.js';
export * from './deps.js';
export type * from './records.js';
export { PARTY_KINDS, PROFILE_KINDS } from './records.js';
export type * from './ports/index.js';
export { hashPassword, verifyPassword, DEFAULT_SCRYPT, type ScryptParams } from './passwords.js';
export { API_TOKEN_PREFIX } from './secrets.js';

// Accounts
export { bootstrapCompany, type BootstrapCompanyInput } from './bootstrap-company.js';
export { getCompany } from './get-company.js';
export { updateCompany, type UpdateCompanyInput } from './update-company.js';
export { createUser, type CreateUserInput } from './create-user.js';
export { listUsers } from './list-users.js';
export { changeUserRole } from './change-user-role.js';
export { login, DEFAULT_SESSION_TTL_MS, type LoginResult, type CompanyChoice } from './login.js';
export { authenticateSession, type SessionContext } from './authenticate-session.js';
export { switchCompany } from './switch-company.js';
export { listMyCompanies } from './list-my-companies.js';
export { logout } from './logout.js';
export { createApiToken } from './create-api-token.js';
export { listApiTokens } from './list-api-tokens.js';
export { revokeApiToken } from './revoke-api-token.js';
export { authenticateApiToken } from './authenticate-api-token.js';

// Master data
export { createParty, type PartyInput } from './create-party.js';
export { updateParty } from './update-party.js';
export { deleteParty } from './delete-party.js';
export { getParty } from './get-party.js';
export { listParties } from './list-parties.js';
export { searchParties } from './search-parties.js';
export { createProfile, type ProfileInput } from './create-profile.js';
export { updateProfile } from './update-profile.js';
export { deleteProfile } from './delete-profile.js';
export { listProfiles, getProfile } from './list-profiles.js';

// Trips and shipments
export { createTrip, type TripResult } from './create-trip.js';
export { getTrip } from './get-trip.js';
export { listTrips, type TripListItem } from './list-trips.js';
export { updateTrip } from './update-trip.js';
export { deleteTrip } from './delete-trip.js';
export { copyTrip } from './copy-trip.js';
export { assignProfiles, type AssignProfilesInput } from './assign-profiles.js';
export { validateTrip } from './validate-trip.js';
export { exportTrip, type TripExport } from './export-trip.js';
export { importDocument, type ImportResult } from './import-document.js';
export { saveTemplate } from './save-template.js';
export { applyTemplate } from './apply-template.js';
export { listTemplates, deleteTemplate } from './list-templates.js';
export { createShipment, type ShipmentResult } from './create-shipment.js';
export { updateShipment } from './update-shipment.js';
export { deleteShipment } from './delete-shipment.js';
export { attachShipment } from './attach-shipment.js';
export { listShipments } from './list-shipments.js';
export { getShipment, validateShipment } from './get-shipment.js';
