'use client';

import type { AdminLicenseDto } from '@pf/domain';
import { useQuery } from '@tanstack/react-query';
import { ArrowLeft, TriangleAlert } from 'lucide-react';
import Link from 'next/link';
import { LicenseStatusBadge } from '@/components/compliance/license-status-badge';
import { Card, CardBody } from '@/components/ui/card';
import { DocumentPreview } from '@/components/uploads/document-preview';
import { useTRPC } from '@/lib/trpc';
import { stateName } from '@/lib/us-states';
import { AuditTrail } from './audit-trail';
import { LicenseDecisionPanel } from './license-decision';
import { LicenseFacts, StoreFacts } from './license-facts';

/** The admin's review screen: the document beside the declared facts, the decision and the history. */
export function LicenseReview({ initial }: { initial: AdminLicenseDto }) {
  const trpc = useTRPC();
  const { data: license } = useQuery({
    ...trpc.admin.licenses.get.queryOptions({ licenseId: initial.id }),
    initialData: initial,
  });
  const stateMismatch = license.issuingState !== license.store.state;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Link
          href="/admin/licenses"
          className="inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline"
        >
          <ArrowLeft className="h-4 w-4" aria-hidden /> License queue
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="break-all text-2xl font-semibold tracking-tight text-gray-900">License {license.number}</h1>
          <LicenseStatusBadge status={license.status} />
        </div>
        <p className="text-sm text-gray-600">
          Submitted by {license.store.companyName} ({license.store.type})
        </p>
      </div>

      <div className="grid items-start gap-6 lg:grid-cols-5">
        <section aria-label="License document" className="min-w-0 lg:col-span-3">
          <Card>
            <CardBody>
              <DocumentPreview
                url={license.documentUrl}
                mimeType={license.documentMimeType}
                title={`License document ${license.documentFileName}`}
              />
            </CardBody>
          </Card>
        </section>
        <div className="min-w-0 space-y-6 lg:col-span-2">
          {stateMismatch ? (
            <p className="flex gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              <TriangleAlert className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
              Issued in {stateName(license.issuingState)}, but the store’s premises are in{' '}
              {stateName(license.store.state)}.
            </p>
          ) : null}
          <LicenseDecisionPanel license={license} />
          <LicenseFacts license={license} />
          <StoreFacts store={license.store} />
          <AuditTrail entityType="license" entityId={license.id} />
        </div>
      </div>
    </div>
  );
}
