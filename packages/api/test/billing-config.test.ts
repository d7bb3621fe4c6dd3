import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';

const production = {
  APP_ENV: 'production',
  DATABASE_URL: 'postgres://db/pf',
  REDIS_URL: 'redis://r',
  AUTH_SECRET: 'x'.repeat(32),
  STORAGE_SIGNING_SECRET: 'y'.repeat(32),
};

describe('payments settings', () => {
  it('defaults to the simulated provider with a 7-day grace period', () => {
    const config = loadConfig({});
    expect(config.PAYMENTS_PROVIDER).toBe('simulated');
    expect(config.BILLING_GRACE_DAYS).toBe(7);
  });

  it('refuses to start on Stripe without the webhook secret (production included) or the secret key', () => {
    const stripe = { ...production, PAYMENTS_PROVIDER: 'stripe', STRIPE_SECRET_KEY: 'sk_live_abc123' };
    expect(() => loadConfig(stripe)).toThrow(/STRIPE_WEBHOOK_SECRET: is required when PAYMENTS_PROVIDER=stripe/);
    expect(() => loadConfig({ ...stripe, STRIPE_WEBHOOK_SECRET: '' })).toThrow(/STRIPE_WEBHOOK_SECRET/);
    expect(() =>
      loadConfig({ ...production, PAYMENTS_PROVIDER: 'stripe', STRIPE_WEBHOOK_SECRET: 'whsec_abc' }),
    ).toThrow(/STRIPE_SECRET_KEY: is required/);
    expect(loadConfig({ ...stripe, STRIPE_WEBHOOK_SECRET: 'whsec_abc123' }).PAYMENTS_PROVIDER).toBe('stripe');
  });

  it('names malformed Stripe keys and grace days', () => {
    expect(() =>
      loadConfig({ PAYMENTS_PROVIDER: 'stripe', STRIPE_SECRET_KEY: 'pk_test_abc', STRIPE_WEBHOOK_SECRET: 'whsec_a' }),
    ).toThrow(/STRIPE_SECRET_KEY: must be a Stripe secret key/);
    expect(() => loadConfig({ STRIPE_WEBHOOK_SECRET: 'secret' })).toThrow(
      /STRIPE_WEBHOOK_SECRET: must be a webhook signing secret/,
    );
    expect(() => loadConfig({ BILLING_GRACE_DAYS: '-1' })).toThrow(/BILLING_GRACE_DAYS/);
  });
});
