import { describe, expect, it } from 'vitest';
import { inTurnWhenLarge, LARGE_WORK_SHIPMENTS } from './large-work.js';

/** A render that runs until `finish` is called, noting when it starts and ends. */
function heldRender(
  log: string[],
  name: string,
): { run: () => Promise<string>; finish: () => void } {
  let finish = (): void => undefined;
  const run = (): Promise<string> => {
    log.push(`${name} starts`);
    return new Promise((resolve) => {
      finish = () => {
        log.push(`${name} ends`);
        resolve(name);
      };
    });
  };
  return {
    run,
    finish: () => {
      finish();
    },
  };
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('inTurnWhenLarge', () => {
  it('renders a large sheet after the large one before it, a small one at once', async () => {
    const log: string[] = [];
    const first = heldRender(log, 'first');
    const second = heldRender(log, 'second');
    const small = heldRender(log, 'small');
    const firstDone = inTurnWhenLarge(LARGE_WORK_SHIPMENTS, first.run);
    const secondDone = inTurnWhenLarge(10_000, second.run);
    const smallDone = inTurnWhenLarge(LARGE_WORK_SHIPMENTS - 1, small.run);
    await settle();
    expect(log).toEqual(['small starts', 'first starts']);
    small.finish();
    first.finish();
    await settle();
    second.finish();
    expect(await Promise.all([firstDone, secondDone, smallDone])).toEqual([
      'first',
      'second',
      'small',
    ]);
    expect(log).toEqual([
      'small starts',
      'first starts',
      'small ends',
      'first ends',
      'second starts',
      'second ends',
    ]);
  });

  it('goes on after a render that failed, which its caller sees', async () => {
    const failed = inTurnWhenLarge(LARGE_WORK_SHIPMENTS, () =>
      Promise.reject(new Error('no fonts')),
    );
    await expect(failed).rejects.toThrow('no fonts');
    expect(await inTurnWhenLarge(LARGE_WORK_SHIPMENTS, () => Promise.resolve('next'))).toBe('next');
  });
});
