/** Account use cases added for issue 8 (the feature-folder layout of docs/architecture.md). */
export * from './sweep-expired-sessions.js';
