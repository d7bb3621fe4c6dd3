import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: { default: 'PackFinderz', template: '%s · PackFinderz' },
  description: 'Compliant B2B cannabis wholesale marketplace',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#175733' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
