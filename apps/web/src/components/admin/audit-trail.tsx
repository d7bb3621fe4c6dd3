'use client';

import { useQuery } from '@tanstack/react-query';
import { History } from 'lucide-react';
import { RelativeTime } from '@/components/relative-time';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { actorLabel, auditActionLabel, auditSummary } from '@/lib/audit';
import { apiErrorInfo, useTRPC } from '@/lib/trpc';

/** Everything the audit log recorded about one entity, newest first. */
export function AuditTrail({ entityType, entityId }: { entityType: string; entityId: string }) {
  const trpc = useTRPC();
  const trail = useQuery({ ...trpc.admin.audit.list.queryOptions({ entityType, entityId, limit: 50 }), staleTime: 0 });
  return (
    <Card>
      <CardHeader className="flex items-center gap-2">
        <History className="h-4 w-4 text-gray-500" aria-hidden />
        <CardTitle>History</CardTitle>
      </CardHeader>
      <CardBody>
        {trail.isPending ? (
          <div className="space-y-3" aria-busy="true">
            <Skeleton className="h-10" />
            <Skeleton className="h-10" />
          </div>
        ) : trail.isError ? (
          <p role="alert" className="text-sm text-red-700">
            The history could not be loaded: {apiErrorInfo(trail.error).message}
          </p>
        ) : trail.data.items.length === 0 ? (
          <p className="text-sm text-gray-600">Nothing recorded yet.</p>
        ) : (
          <ol className="relative space-y-4 border-l border-gray-200 pl-4" data-testid="audit-trail">
            {trail.data.items.map((entry) => (
              <li key={entry.id} className="relative">
                <span
                  aria-hidden
                  className="absolute -left-[21px] top-1.5 h-2.5 w-2.5 rounded-full bg-brand-600 ring-2 ring-white"
                />
                <p className="text-sm font-medium text-gray-900">{auditActionLabel(entry.action)}</p>
                <p className="text-xs text-gray-600">
                  <span className="break-all">{actorLabel(entry)}</span> · <RelativeTime value={entry.createdAt} />
                </p>
                {auditSummary(entry).map((line) => (
                  <p key={line} className="mt-0.5 break-words text-xs text-gray-700">
                    {line}
                  </p>
                ))}
              </li>
            ))}
          </ol>
        )}
      </CardBody>
    </Card>
  );
}
