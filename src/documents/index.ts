export * from './cbp-qr-payload.js';
export * from './lead-sheet.js';
export * from './logo-image.js';
export * from './paps-labels.js';
export * from './pdf.js';
export * from './placard.js';
export * from './shipment-papers.js';
export { etaText, isInformal, portText, truckPlate } from './trip-facts.js';
