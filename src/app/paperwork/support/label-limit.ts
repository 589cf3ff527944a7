/**
 * The most PAPS labels one request reserves: 100 sheets of 30. More is a print shop's job, and
 * one request should stay small. Alone in its file so API schemas read it without the renderer.
 */
export const MAX_LABELS = 3000;
