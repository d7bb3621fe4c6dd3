import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';

/** Says what belongs here and offers the action that creates it (UI.md). */
export function EmptyState({
  icon: Icon,
  title,
  children,
  action,
}: {
  icon: LucideIcon;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="flex flex-col items-center justify-center rounded-lg border border-dashed border-gray-300 bg-white px-6 py-12 text-center">
      <Icon aria-hidden className="h-10 w-10 text-gray-400" />
      <h3 className="mt-3 text-base font-semibold text-gray-900">{title}</h3>
      {children ? <div className="mt-1 max-w-md text-sm text-gray-600">{children}</div> : null}
      {action ? <div className="mt-5">{action}</div> : null}
    </div>
  );
}
