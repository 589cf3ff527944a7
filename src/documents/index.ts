export * from './cbp-qr-payload.js';
export * from './lead-sheet.js';
export * from './paps-labels.js';
export * from './pdf.js';
export * from './placard.js';
export * from './shipment-papers.js';
export { isInformal } from './trip-facts.js';
