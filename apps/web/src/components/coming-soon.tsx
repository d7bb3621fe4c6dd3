import { Clock, type LucideIcon } from 'lucide-react';
import { Badge } from '@/components/ui/badge';

/** An area that is planned but not built yet says so plainly; it never shows sample data. */
export function ComingSoon({
  icon: Icon = Clock,
  title,
  children,
}: {
  icon?: LucideIcon;
  title: string;
  children: string;
}) {
  return (
    <section className="rounded-lg border border-dashed border-gray-300 bg-white p-6">
      <div className="flex items-start gap-4">
        <Icon className="mt-0.5 h-8 w-8 shrink-0 text-gray-400" aria-hidden />
        <div>
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="text-base font-semibold text-gray-900">{title}</h2>
            <Badge tone="neutral">Coming soon</Badge>
          </div>
          <p className="mt-1 text-sm text-gray-600">{children}</p>
        </div>
      </div>
    </section>
  );
}
