import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitInterchanges } from './split-interchanges.js';

const fixture = (name: string) =>
  readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

describe('splitting a text into its interchanges', () => {
  it('gives one part per ISA, keeping every character, noise with the interchange before it', () => {
    const first = fixture('997-accepted.x12');
    const second = fixture('997-rejected.x12');
    const text = `${first}\nNOISE\n${second}`;
    const parts = splitInterchanges(text);
    expect(parts).toEqual([`${first}\nNOISE\n`, second]);
    expect(parts.join('')).toBe(text);
  });

  it('keeps a text without a readable ISA whole', () => {
    expect(splitInterchanges('')).toEqual(['']);
    expect(splitInterchanges('GARBAGE ISA*00*')).toEqual(['GARBAGE ISA*00*']);
  });
});
