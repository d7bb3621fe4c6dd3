import { type NextRequest, NextResponse } from 'next/server';
import { contentSecurityPolicy, storageOriginsFor } from '@/lib/csp';
import { cspSettings } from '@/server/csp-config';

/**
 * Gives every page a fresh nonce and its Content-Security-Policy. Next.js reads the policy from the request
 * headers and puts the nonce on the scripts it renders, which is why pages render per request (the root
 * layout waits for the connection).
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const { STORAGE_DRIVER, APP_URL, development } = cspSettings();
  const policy = contentSecurityPolicy({
    nonce,
    development,
    storageOrigins: storageOriginsFor(STORAGE_DRIVER, APP_URL),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: API routes answer JSON or stored files, and static assets need no policy.
      source: '/((?!api/|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
