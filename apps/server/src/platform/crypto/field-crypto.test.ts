import { describe, expect, it } from 'vitest';
import { createFieldCrypto } from './field-crypto.js';

describe(createFieldCrypto.name, () => {
  const fc = createFieldCrypto('a-test-secret-of-enough-length');

  it('round-trips and never stores the clear value', () => {
    const c = fc.encrypt('540102199001011234');
    expect(c).not.toContain('540102');
    expect(fc.decrypt(c)).toBe('540102199001011234');
  });

  it('uses a fresh IV, so equal values encrypt differently', () => {
    expect(fc.encrypt('13900000001')).not.toBe(fc.encrypt('13900000001'));
  });

  it('rejects a tampered ciphertext', () => {
    const c = fc.encrypt('13900000001');
    const tampered = c.slice(0, -2) + (c.endsWith('A') ? 'BB' : 'AA');
    expect(() => fc.decrypt(tampered)).toThrow();
  });

  it('gives a deterministic blind index that depends on kind and key', () => {
    expect(fc.blindIndex('phone', '13900000001')).toBe(fc.blindIndex('phone', ' 13900000001 '));
    expect(fc.blindIndex('phone', '13900000001')).not.toBe(fc.blindIndex('id', '13900000001'));
    expect(createFieldCrypto('another-secret-of-enough-length').blindIndex('phone', '13900000001')).not.toBe(fc.blindIndex('phone', '13900000001'));
  });

  it('refuses a short key', () => expect(() => createFieldCrypto('short')).toThrow());
});
