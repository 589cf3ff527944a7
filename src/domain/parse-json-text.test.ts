import { describe, expect, it } from 'vitest';
import { parseJsonText } from './parse-json-text.js';

describe('parseJsonText', () => {
  it('parses valid JSON, ignoring a byte-order mark', () => {
    expect(parseJsonText('\uFEFF{"data":"ACE_TRIP"}')).toEqual({
      ok: true,
      value: { data: 'ACE_TRIP' },
    });
  });

  it('locates a missing value by line and column', () => {
    expect(parseJsonText('{\n  "a": 1,\n  "b": }')).toEqual({
      ok: false,
      reason: 'syntax',
      line: 3,
      column: 8,
      message: 'a value was expected',
      path: '',
    });
  });

  it('refuses trailing commas and comments, which JSON does not allow', () => {
    expect(parseJsonText('{"a": 1,}')).toMatchObject({ ok: false, line: 1, column: 9 });
    expect(parseJsonText('// note\n{}')).toMatchObject({
      ok: false,
      line: 1,
      column: 1,
      message: 'comments are not allowed in JSON',
    });
  });

  it('reports a truncated file at its end', () => {
    expect(parseJsonText('{"a": [1, 2')).toMatchObject({ ok: false, line: 1 });
  });

  it('refuses 100,000 levels of nesting with a location, not a stack overflow', () => {
    expect(parseJsonText('{"a":' + '['.repeat(100_000))).toMatchObject({
      ok: false,
      reason: 'too-deep',
      line: 1,
      column: 6 + 63,
    });
  });

  it('ignores brackets inside strings when measuring depth', () => {
    expect(parseJsonText(JSON.stringify({ a: '['.repeat(1000) }))).toMatchObject({ ok: true });
  });

  it('refuses a field name repeated in one object, at its second appearance', () => {
    const text =
      '{"data":"ACE_TRIP",\n "shipments":[{"type":"PAPS","scn":"A","type":"SECTION_321"}]}';
    expect(parseJsonText(text)).toEqual({
      ok: false,
      reason: 'repeated-field',
      line: 2,
      column: 40,
      path: '/shipments/0/type',
      message:
        'the field "type" appears twice in one object; JSON keeps only one of the two values, so which one you meant is unknown',
    });
    // The same name spelled with an escape is the same name.
    expect(parseJsonText('{"a":1,"\\u0061":2}')).toMatchObject({
      reason: 'repeated-field',
      path: '/a',
    });
  });

  it('takes the same name in different objects, and in objects of a list', () => {
    const text = JSON.stringify({
      a: { name: 1 },
      b: { name: 2 },
      list: [{ name: 3 }, { name: 4 }],
    });
    expect(parseJsonText(text)).toMatchObject({ ok: true });
  });
});
