'use client';

import type { AdminLicenseDto, LicenseDecision as Decision } from '@pf/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CircleCheck } from 'lucide-react';
import Link from 'next/link';
import { toast } from 'sonner';
import { LicenseStatusBadge } from '@/components/compliance/license-status-badge';
import { RelativeTime } from '@/components/relative-time';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { apiErrorInfo, useTRPC } from '@/lib/trpc';
import { RejectLicenseDialog } from './reject-license-dialog';

/** Approve or reject a pending license; once decided, says what was decided, when and why. */
export function LicenseDecisionPanel({ license }: { license: AdminLicenseDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const decide = useMutation(trpc.admin.licenses.decide.mutationOptions());

  const refresh = async (updated?: AdminLicenseDto) => {
    if (updated) queryClient.setQueryData(trpc.admin.licenses.get.queryKey({ licenseId: license.id }), updated);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.admin.licenses.get.queryKey({ licenseId: license.id }) }),
      queryClient.invalidateQueries({ queryKey: trpc.admin.licenses.queue.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.admin.audit.list.pathKey() }),
    ]);
  };

  /** Rejections rethrow so the dialog can put violations on its field; approvals toast. */
  const run = async (decision: Decision, reason?: string) => {
    try {
      const updated = await decide.mutateAsync({ licenseId: license.id, decision, reason });
      toast.success(
        decision === 'verified' ? `License ${license.number} verified` : `License ${license.number} rejected`,
      );
      await refresh(updated);
    } catch (error) {
      const info = apiErrorInfo(error);
      if (info.code === 'CONFLICT') {
        toast.error('Another admin already decided this license.');
        await refresh();
        return;
      }
      if (decision === 'rejected') throw error;
      toast.error(info.requestId ? `${info.message} (reference ${info.requestId})` : info.message);
    }
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>Decision</CardTitle>
      </CardHeader>
      <CardBody className="space-y-3">
        {license.status === 'pending' ? (
          <>
            <p className="text-sm text-gray-700">
              Check the number, holder and dates against the state registry before deciding. The store is notified
              either way.
            </p>
            <div className="flex flex-wrap gap-2">
              <Button onClick={() => run('verified')} disabled={decide.isPending}>
                <CircleCheck className="h-4 w-4" aria-hidden />
                {decide.isPending ? 'Saving…' : 'Approve license'}
              </Button>
              <RejectLicenseDialog
                number={license.number}
                storeName={license.store.companyName}
                disabled={decide.isPending}
                onReject={(reason) => run('rejected', reason)}
              />
            </div>
          </>
        ) : (
          <div className="space-y-2" data-testid="license-decided">
            <div className="flex flex-wrap items-center gap-2 text-sm text-gray-700">
              <LicenseStatusBadge status={license.status} />
              {license.decidedAt ? (
                <span>
                  Decided <RelativeTime value={license.decidedAt} />
                </span>
              ) : null}
            </div>
            {license.decisionReason ? (
              <p className="rounded-md bg-gray-50 px-3 py-2 text-sm text-gray-800">
                <span className="font-medium">Reason given: </span>
                {license.decisionReason}
              </p>
            ) : null}
            <Button asChild variant="secondary" size="sm">
              <Link href="/admin/licenses">Back to the queue</Link>
            </Button>
          </div>
        )}
      </CardBody>
    </Card>
  );
}
