export * from './code-list-rows.js';
export * from './ports.js';
export * from './simple-lists.js';
export * from './countries.js';
export * from './trade-codes.js';
