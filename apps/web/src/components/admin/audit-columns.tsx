'use client';

import type { AuditEntryDto } from '@pf/domain';
import Link from 'next/link';
import { createContext, type ReactNode, useContext } from 'react';
import { RelativeTime } from '@/components/relative-time';
import { dataColumnHelper } from '@/components/ui/data-table';
import { actorLabel, auditActionLabel, auditSubjectName, auditSummary } from '@/lib/audit';
import { auditFiltersToSearch } from '@/lib/audit-filters';

const column = dataColumnHelper<AuditEntryDto>();

const shortId = (id: string) => id.slice(0, 8);

/**
 * Narrows the audit browser to one subject's history in place (the browser keeps its filters in state, so a
 * plain navigation to its own URL would not reach them). Links keep their href for a new tab.
 */
export const SubjectHistoryContext = createContext<((entityType: string, entityId: string) => void) | null>(null);

const linkStyle = 'text-brand-700 hover:underline';

function SubjectHistoryLink({ entry, children }: { entry: AuditEntryDto & { entityId: string }; children: ReactNode }) {
  const showHistory = useContext(SubjectHistoryContext);
  const href = `/admin/audit${auditFiltersToSearch({ entityType: entry.entityType, entityId: entry.entityId, storeId: '' })}`;
  return (
    <Link
      href={href}
      className={linkStyle}
      title={`Every entry for ${entry.entityType} ${entry.entityId}`}
      onClick={(event) => {
        if (!showHistory || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        showHistory(entry.entityType, entry.entityId);
      }}
    >
      {children}
    </Link>
  );
}

function EntityCell({ entry }: { entry: AuditEntryDto }) {
  const { entityId } = entry;
  if (!entityId) return <span className="text-gray-700">{entry.entityType}</span>;
  const name = auditSubjectName(entry);
  const label = (
    <>
      {entry.entityType} <span className="font-mono text-xs">{shortId(entityId)}</span>
      {name ? <span className="block max-w-56 truncate text-xs text-gray-600">{name}</span> : null}
    </>
  );
  if (entry.entityType === 'license') {
    return (
      <Link href={`/admin/licenses/${entityId}`} className={linkStyle} title={entityId}>
        {label}
      </Link>
    );
  }
  if (entry.entityType === 'product')
    return <SubjectHistoryLink entry={{ ...entry, entityId }}>{label}</SubjectHistoryLink>;
  return (
    <span className="text-gray-700" title={entityId}>
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
