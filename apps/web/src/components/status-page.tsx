import type { LucideIcon } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Brand } from '@/components/brand';
import { AppShell } from '@/components/shell/app-shell';
import { buttonVariants } from '@/components/ui/button';
import { homePathOf } from '@/lib/navigation';
import { getCurrentUser } from '@/server/caller';

/**
 * A 403 or 404 page. These render outside the app's layout (Next puts the root not-found and forbidden pages
 * straight under the root layout), so a signed-in user gets the navigation back here; anyone else the brand
 * and a way to sign in.
 */
export async function StatusPage({
  icon: Icon,
  code,
  title,
  tone = 'neutral',
  children,
}: {
  icon: LucideIcon;
  code: string;
  title: string;
  tone?: 'neutral' | 'danger';
  children?: ReactNode;
}) {
  const me = await getCurrentUser().catch(() => null);
  const content = (
    <div className="flex min-h-[60vh] flex-col items-center justify-center px-6 text-center">
      <Icon className={tone === 'danger' ? 'h-12 w-12 text-red-700' : 'h-12 w-12 text-gray-400'} aria-hidden />
      <p
        className={`mt-4 text-sm font-semibold uppercase tracking-wide ${tone === 'danger' ? 'text-red-700' : 'text-gray-500'}`}
      >
        {code}
      </p>
      <h1 className="mt-2 text-2xl font-semibold text-gray-900">{title}</h1>
      {children ? <p className="mt-2 max-w-md text-gray-600">{children}</p> : null}
      <Link href={me ? homePathOf(me) : '/sign-in'} className={buttonVariants({ className: 'mt-6' })}>
        {me ? 'Go to my area' : 'Sign in'}
      </Link>
    </div>
  );
  if (me) return <AppShell me={me}>{content}</AppShell>;
  return (
    <main className="min-h-screen bg-gray-50 px-4 py-6">
      <Brand href="/sign-in" />
      {content}
    </main>
  );
}
