export * from './rule.js';
export * from './engine.js';
export * from './catalogue.js';
export * from './all-rules.js';
export * from './regulations/regulation-table.js';
export * from './regulations/default-regulations.js';
export * from './regulations/load-regulations.js';
export * from './support/arrival.js';
