import { inTurnWhenLarge, LARGE_WORK_SHIPMENTS } from '../src/app/shared/large-work.js';

/**
 * Takes the process's turn for large work (src/app/shared/large-work.ts) and holds it until
 * released, to show what waits for it and what does not. `done` settles once the turn is
 * given back; release it in a `finally`: the queue is the process's, shared by the test files
 * that run in the same worker after this one.
 */
export function holdLargeTurn(): { release(): void; readonly done: Promise<void> } {
  let release = (): void => undefined;
  const taken = new Promise<void>((resolve) => {
    release = resolve;
  });
  const done = inTurnWhenLarge(LARGE_WORK_SHIPMENTS, () => taken);
  return {
    release: () => {
      release();
    },
    done,
  };
}
