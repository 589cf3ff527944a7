/** Account use cases for invitations, membership and companies (docs/architecture.md). */
export * from './sweep-expired-sessions.js';
export * from './invite-member.js';
export * from './accept-invitation.js';
export * from './remove-member.js';
export * from './create-company.js';
export type { Invitation } from '../shared/ports/invitation-repository.js';
