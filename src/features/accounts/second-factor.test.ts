import { describe, expect, it } from 'vitest';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes, newTotpSecret, openSecret, sealSecret, SecretKeyError, totpCodeAt, verifyTotp } from './second-factor.js';

const NOW = new Date('2026-10-12T08:00:00Z');
const KEY = 'een-sleutel-van-minstens-tweeendertig-tekens';

describe('second factor', () => {
  it('accepts a code of now and one step either side, each step once', () => {
    const secret = newTotpSecret();
    const step = verifyTotp(secret, totpCodeAt(secret, NOW), NOW, null);
    expect(step).not.toBeNull();
    expect(verifyTotp(secret, totpCodeAt(secret, NOW), NOW, step)).toBeNull();
    expect(verifyTotp(secret, totpCodeAt(secret, new Date(NOW.getTime() + 30_000)), NOW, step)).toBe(step! + 1);
    expect(verifyTotp(secret, totpCodeAt(secret, new Date(NOW.getTime() + 90_000)), NOW, null)).toBeNull();
    expect(verifyTotp(secret, ` ${totpCodeAt(secret, NOW).slice(0, 3)} ${totpCodeAt(secret, NOW).slice(3)} `, NOW, null)).toBe(step);
    expect(verifyTotp(secret, 'abcdef', NOW, null)).toBeNull();
  });

  it('seals secrets with the key and refuses to open them without it or with another', () => {
    const secret = newTotpSecret();
    expect(sealSecret(secret, undefined)).toBe(`plain:${secret}`);
    const sealed = sealSecret(secret, KEY);
    expect(sealed).not.toContain(secret);
    expect(sealed).not.toBe(sealSecret(secret, KEY));
    expect(openSecret(sealed, KEY)).toBe(secret);
    expect(openSecret(`plain:${secret}`, KEY)).toBe(secret);
    expect(() => openSecret(sealed, undefined)).toThrow(SecretKeyError);
    expect(() => openSecret(sealed, `${KEY}-anders`)).toThrow(SecretKeyError);
  });

  it('makes distinct recovery codes, recognised and hashed however they are typed', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(looksLikeRecoveryCode(codes[0]!)).toBe(true);
    expect(looksLikeRecoveryCode('123456')).toBe(false);
    expect(hashRecoveryCode(codes[0]!.toUpperCase().replace('-', ' '))).toBe(hashRecoveryCode(codes[0]!));
  });
});
