import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { authSecretFor, browserSessionSecretFor } from '../src/runtime';

const AUTH_SECRET = 'auth-secret-that-is-long-enough-for-hs256-signing';
const NEXTAUTH_SECRET = 'cookie-secret-that-is-long-enough-for-encryption';

// The web app once read NEXTAUTH_SECRET from the environment itself: unchecked, and invisible to the config.
describe('NEXTAUTH_SECRET is a validated setting like any other', () => {
  it('encrypts browser session cookies when set; the auth secret does otherwise', () => {
    const withBoth = loadConfig({ APP_ENV: 'test', AUTH_SECRET, NEXTAUTH_SECRET });
    expect(browserSessionSecretFor(withBoth)).toBe(NEXTAUTH_SECRET);
    const authOnly = loadConfig({ APP_ENV: 'test', AUTH_SECRET });
    expect(authOnly.NEXTAUTH_SECRET).toBeUndefined();
    expect(browserSessionSecretFor(authOnly)).toBe(AUTH_SECRET);
    expect(authSecretFor(withBoth)).toBe(AUTH_SECRET);
  });

  it('refuses one shorter than 32 characters at start-up, naming the key; empty counts as unset', () => {
    expect(() => loadConfig({ APP_ENV: 'test', AUTH_SECRET, NEXTAUTH_SECRET: 'short' })).toThrow(
      /NEXTAUTH_SECRET: must be at least 32 characters/,
    );
    expect(loadConfig({ APP_ENV: 'test', AUTH_SECRET, NEXTAUTH_SECRET: '' }).NEXTAUTH_SECRET).toBeUndefined();
  });
});
