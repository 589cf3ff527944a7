export * from './template.js';
export * from './csv-issue.js';
export * from './read-shipment-csv.js';
export * from './check-shipment-csv.js';
export * from './write-shipment-csv.js';
export * from './issue-budget.js';
