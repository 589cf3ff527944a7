import type { Repositories, Store } from '../src/app/shared/ports/index.js';

/** A write transaction held open, as an upload's is while its file is read and stored. */
export interface HeldWrite {
  /** Lets the transaction commit, and waits for it. */
  release(): Promise<void>;
}

/**
 * Begins a write transaction on `store`, runs `work` in it, and keeps it open until released.
 * Resolves once `work` is done (a failure of `work` rejects here rather than hanging).
 */
export async function holdWriteTransaction(
  store: Store,
  work: (repos: Repositories) => Promise<unknown> = () => Promise.resolve(),
): Promise<HeldWrite> {
  let release = (): void => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let began = (): void => undefined;
  const begun = new Promise<void>((resolve) => {
    began = resolve;
  });
  const writing = store.transaction(async (repos) => {
    await work(repos);
    began();
    await gate;
  });
  await Promise.race([begun, writing]);
  return {
    async release() {
      release();
      await writing;
    },
  };
}
