import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: { default: 'PackFinderz', template: '%s · PackFinderz' },
  description: 'Compliant B2B cannabis wholesale marketplace',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#175733' };

/** Rendered per request: the proxy's CSP nonce only reaches scripts of pages rendered after it ran. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
