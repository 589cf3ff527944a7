export type * from './account-repositories.js';
export type * from './master-data-repositories.js';
export type * from './trip-repositories.js';
export type * from './store.js';
export type * from './mailer.js';
export type * from './driver-link-repository.js';
export type * from './company-logo-repository.js';
export type * from './filing-repositories.js';
export * from './cbp-transport.js';
