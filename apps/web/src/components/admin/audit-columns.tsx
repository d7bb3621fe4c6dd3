import type { AuditEntryDto } from '@pf/domain';
import Link from 'next/link';
import { RelativeTime } from '@/components/relative-time';
import { dataColumnHelper } from '@/components/ui/data-table';
import { actorLabel, auditActionLabel, auditSummary } from '@/lib/audit';

const column = dataColumnHelper<AuditEntryDto>();

const shortId = (id: string) => id.slice(0, 8);

function EntityCell({ entry }: { entry: AuditEntryDto }) {
  if (!entry.entityId) return <span className="text-gray-700">{entry.entityType}</span>;
  const label = (
    <>
      {entry.entityType} <span className="font-mono text-xs">{shortId(entry.entityId)}</span>
    </>
  );
  return entry.entityType === 'license' ? (
    <Link href={`/admin/licenses/${entry.entityId}`} className="text-brand-700 hover:underline" title={entry.entityId}>
      {label}
    </Link>
  ) : (
    <span className="text-gray-700" title={entry.entityId}>
      {label}
    </span>
  );
}

export const auditColumns = column.columns([
  column.accessor('createdAt', {
    header: 'When',
    cell: (info) => <RelativeTime value={info.getValue()} />,
    meta: { className: 'whitespace-nowrap' },
  }),
  column.accessor('action', {
    header: 'Action',
    enableHiding: false,
    cell: (info) => (
      <div>
        <p className="font-medium text-gray-900 md:whitespace-nowrap">{auditActionLabel(info.getValue())}</p>
        <p className="break-all text-xs text-gray-500 md:hidden">{actorLabel(info.row.original)}</p>
      </div>
    ),
  }),
  column.display({
    id: 'entity',
    header: 'Subject',
    cell: (info) => <EntityCell entry={info.row.original} />,
    meta: { className: 'hidden sm:table-cell whitespace-nowrap' },
  }),
  column.accessor((entry) => actorLabel(entry), {
    id: 'actor',
    header: 'Actor',
    cell: (info) => <span className="whitespace-nowrap">{info.getValue()}</span>,
    meta: { className: 'hidden md:table-cell' },
  }),
  column.display({
    id: 'details',
    header: 'Details',
    cell: (info) => {
      const lines = auditSummary(info.row.original);
      return lines.length > 0 ? (
        <ul className="space-y-0.5 text-xs text-gray-700">
          {lines.map((line) => (
            <li key={line} className="break-words">
              {line}
            </li>
          ))}
        </ul>
      ) : (
        <span className="text-xs text-gray-400">—</span>
      );
    },
    meta: { className: 'hidden lg:table-cell max-w-md' },
  }),
  column.accessor('storeId', {
    header: 'Store id',
    cell: (info) => {
      const value = info.getValue();
      return value ? (
        <span className="font-mono text-xs" title={value}>
          {shortId(value)}
        </span>
      ) : (
        '—'
      );
    },
    meta: { className: 'hidden lg:table-cell' },
  }),
  column.accessor('requestId', {
    header: 'Request id',
    cell: (info) => <span className="font-mono text-xs">{info.getValue() ?? '—'}</span>,
    meta: { className: 'hidden lg:table-cell' },
  }),
]);
