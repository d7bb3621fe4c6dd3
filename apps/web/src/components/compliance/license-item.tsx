import type { LicenseDto, MemberRole } from '@pf/domain';
import { CircleAlert, FileText } from 'lucide-react';
import { RelativeTime } from '@/components/relative-time';
import { cn } from '@/lib/cn';
import { canDeleteLicense, expiryOf, formatCalendarDate, LICENSE_TYPE_LABEL } from '@/lib/licenses';
import { stateName } from '@/lib/us-states';
import { DeleteLicenseDialog } from './delete-license-dialog';
import { LicenseStatusBadge } from './license-status-badge';

const EXPIRY_TEXT = { danger: 'text-red-700', pending: 'text-amber-800', neutral: 'text-gray-600' } as const;

/** One license as its store sees it: what it is, where it stands, and why when it was refused. */
export function LicenseItem({ license, role }: { license: LicenseDto; role: MemberRole }) {
  const expiry = expiryOf(license.expirationDate);
  return (
    <li data-testid="license" data-number={license.number} className="space-y-3 px-4 py-4 sm:px-5">
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="min-w-0">
          <p className="break-all font-mono text-sm font-semibold text-gray-900">{license.number}</p>
          <p className="text-sm text-gray-600">
            {LICENSE_TYPE_LABEL[license.type]} · {stateName(license.issuingState)}
          </p>
        </div>
        <LicenseStatusBadge status={license.status} />
      </div>

      {license.status === 'rejected' ? (
        <div
          role="note"
          className="flex gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
        >
          <CircleAlert className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
          <p>
            <span className="font-semibold">Rejected by the reviewer: </span>
            {license.decisionReason ?? 'No reason was given.'}
          </p>
        </div>
      ) : null}

      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-xs text-gray-500">Expires</dt>
          <dd className="text-gray-900">
            {license.expirationDate ? formatCalendarDate(license.expirationDate) : '—'}
            {license.expirationDate ? (
              <span className={cn('block text-xs font-medium', EXPIRY_TEXT[expiry.tone])}>{expiry.text}</span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-gray-500">Issued</dt>
          <dd className="text-gray-900">{license.issueDate ? formatCalendarDate(license.issueDate) : '—'}</dd>
        </div>
        <div>
          <dt className="text-xs text-gray-500">Submitted</dt>
          <dd className="text-gray-900">
            <RelativeTime value={license.createdAt} />
          </dd>
        </div>
      </dl>

      <div className="flex flex-wrap items-center justify-between gap-2">
        {license.documentUrl ? (
          <a
            href={license.documentUrl}
            target="_blank"
            rel="noreferrer"
            className="inline-flex min-h-8 items-center gap-1.5 text-sm font-medium text-brand-700 hover:underline"
          >
            <FileText className="h-4 w-4" aria-hidden />
            <span className="max-w-[14rem] truncate">{license.documentFileName}</span>
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
        ) : (
          <span className="text-sm text-gray-500">Document unavailable</span>
        )}
        {canDeleteLicense(license.status, role) ? <DeleteLicenseDialog license={license} /> : null}
      </div>
    </li>
  );
}
