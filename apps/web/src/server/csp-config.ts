import { z } from 'zod';

/**
 * The settings the proxy needs for the page CSP, read once. The proxy cannot load the API's config module
 * (it would bundle the whole API into the proxy), so these keys are parsed here with the same defaults; the
 * runtime validates them fully at start (packages/api/src/config.ts) and refuses bad values there.
 */
const cspSettingsSchema = z.object({
  STORAGE_DRIVER: z.enum(['local', 'gcs']).catch('local'),
  APP_URL: z.string().catch('http://localhost:3000'),
});

export type CspSettings = z.infer<typeof cspSettingsSchema> & { development: boolean };

let settings: CspSettings | undefined;

export function cspSettings(): CspSettings {
  settings ??= {
    ...cspSettingsSchema.parse({
      STORAGE_DRIVER: process.env.STORAGE_DRIVER || undefined,
      APP_URL: process.env.APP_URL || undefined,
    }),
    // Set by Next.js itself: `next dev` is development, a build is production.
    development: process.env.NODE_ENV === 'development',
  };
  return settings;
}
