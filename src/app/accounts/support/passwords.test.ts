import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, hashPassword, verifyPassword } from './passwords.js';

describe('password hashing', () => {
  it('stores parameters and salt, and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery', { ln: 10, r: 8, p: 1 });
    expect(hash).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    const params = { ln: 10, r: 8, p: 1 };
    expect(await hashPassword('same', params)).not.toBe(await hashPassword('same', params));
  });

  it('uses a memory-hard default and verifies a hash made with it', async () => {
    expect(2 ** DEFAULT_SCRYPT.ln * DEFAULT_SCRYPT.r * 128).toBeGreaterThanOrEqual(
      32 * 1024 * 1024,
    );
    const hash = await hashPassword('default cost');
    expect(await verifyPassword('default cost', hash)).toBe(true);
  });

  it('treats a malformed hash as a failed check', async () => {
    expect(await verifyPassword('x', 'plain-text-password')).toBe(false);
    expect(await verifyPassword('x', '$scrypt$ln=99,r=8,p=1$AAAA$AAAA')).toBe(false);
  });
});
