/**
 * The Content-Security-Policy of every page. Scripts run only from this origin or with the per-request
 * nonce (Next.js puts it on its own inline hydration scripts; 'strict-dynamic' lets those load the page's
 * chunks), so an injected <script> does nothing. Styles allow inline attributes: React renders style={…}
 * and the toaster injects a stylesheet, and neither can run code. `storageOrigins` are where stored files
 * are read from and uploaded to when that is not this origin (GCS signed URLs, or the APP_URL that local
 * storage URLs are built on).
 */
export interface CspOptions {
  nonce: string;
  /** `next dev` needs eval for React's error overlays; production never does. */
  development: boolean;
  storageOrigins: readonly string[];
}

export function contentSecurityPolicy({ nonce, development, storageOrigins }: CspOptions): string {
  const storage = storageOrigins.join(' ');
  const withStorage = (...sources: string[]) => [...sources, storage].filter(Boolean).join(' ');
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src ${withStorage("'self'", 'data:', 'blob:')}`,
    `media-src ${withStorage("'self'", 'blob:')}`,
    `connect-src ${withStorage("'self'")}`,
    `frame-src ${withStorage("'self'")}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join('; ');
}

/** Where GCS V4 signed URLs point (path-style: https://storage.googleapis.com/<bucket>/<key>). */
export const GCS_ORIGIN = 'https://storage.googleapis.com';

/** The origins stored files live on for a storage driver; the page's own origin is always allowed. */
export function storageOriginsFor(driver: 'local' | 'gcs', appUrl: string): string[] {
  if (driver === 'gcs') return [GCS_ORIGIN];
  // Local URLs are built on APP_URL: the same origin as the pages when the app is reached through it.
  try {
    return [new URL(appUrl).origin];
  } catch {
    return [];
  }
}
