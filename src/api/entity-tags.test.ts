import { describe, expect, it } from 'vitest';
import { tagsOfIfNoneMatch, weakTag } from './entity-tags.js';

describe('If-None-Match', () => {
  it('reads each tag of the list, weak or strong, without its quotes', () => {
    expect(tagsOfIfNoneMatch('W/"abc"')).toEqual(['abc']);
    expect(tagsOfIfNoneMatch(' "abc" , W/"d-e_f" ')).toEqual(['abc', 'd-e_f']);
    expect(tagsOfIfNoneMatch(weakTag('x1'))).toEqual(['x1']);
  });

  it('holds no tag when the header is missing, a wildcard, unquoted or too long', () => {
    expect(tagsOfIfNoneMatch(undefined)).toEqual([]);
    expect(tagsOfIfNoneMatch('*')).toEqual([]);
    expect(tagsOfIfNoneMatch('abc')).toEqual([]);
    expect(tagsOfIfNoneMatch('"a"b"')).toEqual([]);
    expect(tagsOfIfNoneMatch(`"${'a'.repeat(5_000)}"`)).toEqual([]);
  });
});
