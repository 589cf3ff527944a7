export * from './simulator-client.js';
export * from './mailbox-folders.js';
