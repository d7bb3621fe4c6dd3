import type { AdminLicenseDto } from '@pf/domain';
import Link from 'next/link';
import { LicenseStatusBadge } from '@/components/compliance/license-status-badge';
import { RelativeTime } from '@/components/relative-time';
import { dataColumnHelper } from '@/components/ui/data-table';
import { expiryOf, formatCalendarDate, LICENSE_TYPE_LABEL } from '@/lib/licenses';
import { stateName } from '@/lib/us-states';

const column = dataColumnHelper<AdminLicenseDto>();

export const licenseHref = (license: AdminLicenseDto) => `/admin/licenses/${license.id}`;

/** The queue's columns; the least needed ones drop off on phones. */
export const licenseQueueColumns = column.columns([
  column.accessor('createdAt', {
    header: 'Submitted',
    cell: (info) => <RelativeTime value={info.getValue()} />,
    meta: { className: 'hidden sm:table-cell whitespace-nowrap' },
  }),
  column.accessor((license) => license.store.companyName, {
    id: 'store',
    header: 'Store',
    enableHiding: false,
    cell: (info) => (
      <div className="min-w-0">
        <Link href={licenseHref(info.row.original)} className="font-medium text-gray-900 hover:underline">
          {info.getValue()}
        </Link>
        <p className="font-mono text-xs text-gray-600">{info.row.original.number}</p>
        <p className="text-xs text-gray-500 sm:hidden">
          <span className="capitalize">{info.row.original.store.type}</span> ·{' '}
          <RelativeTime value={info.row.original.createdAt} />
        </p>
      </div>
    ),
  }),
  column.accessor((license) => license.store.type, {
    id: 'storeType',
    header: 'Store type',
    cell: (info) => <span className="capitalize">{info.getValue()}</span>,
    meta: { className: 'hidden md:table-cell' },
  }),
  column.accessor('type', {
    header: 'License type',
    cell: (info) => LICENSE_TYPE_LABEL[info.getValue()],
    meta: { className: 'hidden lg:table-cell' },
  }),
  column.accessor('issuingState', {
    header: 'State',
    cell: (info) => <span title={stateName(info.getValue())}>{info.getValue()}</span>,
    meta: { className: 'hidden md:table-cell' },
  }),
  column.accessor('expirationDate', {
    header: 'Expires',
    cell: (info) => {
      const value = info.getValue();
      if (!value) return <span className="text-gray-500">—</span>;
      return (
        <span className="whitespace-nowrap">
          {formatCalendarDate(value)}
          <span className="block text-xs text-gray-500">{expiryOf(value).text}</span>
        </span>
      );
    },
    meta: { className: 'hidden lg:table-cell' },
  }),
  column.accessor('status', {
    header: 'Status',
    enableHiding: false,
    cell: (info) => <LicenseStatusBadge status={info.getValue()} />,
    meta: { className: 'text-right sm:text-left' },
  }),
]);
