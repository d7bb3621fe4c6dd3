import type { LucideIcon } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { buttonVariants } from '@/components/ui/button';

interface HomeCardProps {
  icon: LucideIcon;
  title: string;
  children: ReactNode;
  /** The primary way in; further links may follow it. */
  links: readonly { href: string; label: string }[];
}

/** A home-page card for an area that is live: what it is for, and the way in. */
export function HomeCard({ icon: Icon, title, children, links }: HomeCardProps) {
  return (
    <section className="rounded-lg border border-gray-200 bg-white p-6 shadow-xs">
      <div className="flex items-start gap-4">
        <Icon className="mt-0.5 h-8 w-8 shrink-0 text-brand-700" aria-hidden />
        <div className="min-w-0">
          <h2 className="text-base font-semibold text-gray-900">{title}</h2>
          <div className="mt-1 text-sm text-gray-600">{children}</div>
          <div className="mt-3 flex flex-wrap gap-2">
            {links.map((link, index) => (
              <Link
                key={link.href}
                href={link.href}
                className={buttonVariants({ variant: index === 0 ? 'secondary' : 'ghost', size: 'sm' })}
              >
                {link.label}
              </Link>
            ))}
          </div>
        </div>
      </div>
    </section>
  );
}
