export * from './cbp-simulator.js';
export * from './scenario.js';
export * from './simulator-server.js';
