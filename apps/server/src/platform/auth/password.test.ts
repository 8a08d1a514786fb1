import { describe, expect, it } from 'vitest';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from './password.js';

describe(hashPassword.name, () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const h = await hashPassword('demo1345');
    expect(h.startsWith('scrypt$')).toBe(true);
    expect(h).not.toContain('demo1345');
    expect(await verifyPassword('demo1345', h)).toBe(true);
    expect(await verifyPassword('demo1346', h)).toBe(false);
  });

  it('salts every hash', async () => expect(await hashPassword('x')).not.toBe(await hashPassword('x')));

  it('never matches the dummy hash used for unknown phones', async () => {
    expect(await verifyPassword('', DUMMY_PASSWORD_HASH)).toBe(false);
    expect(await verifyPassword('demo1345', DUMMY_PASSWORD_HASH)).toBe(false);
  });

  it('refuses a malformed stored hash', async () => expect(await verifyPassword('x', 'md5$abc')).toBe(false));
});
