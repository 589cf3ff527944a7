import { describe, expect, it } from 'vitest';
import { staleVersion } from './errors.js';

describe('staleVersion', () => {
  it('names both versions when the caller edited an older one', () => {
    expect(staleVersion('The party', 2, 3).message).toContain(
      'you edited version 2, it is now version 3',
    );
  });

  it('says a race was lost, not "version 3, it is now version 3", when they are equal', () => {
    const { message } = staleVersion('The party', 3, 3);
    expect(message).toBe(
      'The party was changed or deleted by someone else at the same moment; reload it and try again.',
    );
  });
});
