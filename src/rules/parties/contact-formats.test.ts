import { describe, expect, it } from 'vitest';
import { isEmailShaped, isPostalCodeShaped } from './contact-formats.js';

describe('contact formats', () => {
  it.each(['entries@example.com', 'a.b+c@mail.example.co.uk'])('takes %j as an e-mail', (email) => {
    expect(isEmailShaped(email)).toBe(true);
  });

  it.each(['', 'x@', '@example.com', 'x@example', 'x@@example.com', 'x@example..com'])(
    'does not take %j as an e-mail',
    (email) => {
      expect(isEmailShaped(email)).toBe(false);
    },
  );

  it('ignores surrounding spaces in a postal code', () => {
    expect(isPostalCodeShaped('US', ' 14202 ')).toBe(true);
  });

  // Patterns without nested quantifiers: a long hostile input is answered, not backtracked on.
  it('answers on a long hostile input', () => {
    expect(isEmailShaped('a@' + 'b'.repeat(50_000))).toBe(false);
    expect(isPostalCodeShaped('CA', 'A1A'.repeat(50_000))).toBe(false);
  });
});
