import { describe, expect, it } from 'vitest';
import { OWN_CHECK, TRUCK_CARGO_ADVANCE_INFO } from '../../../rules/sources.js';
import { sourceText } from './source-text';

describe('sourceText', () => {
  it('names a public document, and says a check of our own is one instead of showing a path', () => {
    expect(sourceText('19 CFR 123.92')).toBe('source: 19 CFR 123.92');
    expect(sourceText(OWN_CHECK.brokerForPaps)).toBe("this service's own check, not a CBP rule");
    expect(sourceText(TRUCK_CARGO_ADVANCE_INFO)).toBe('source: 19 CFR 123.92');
  });
});
