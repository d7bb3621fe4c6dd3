'use client';

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Download, History } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { Field, FormError } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { AUDIT_ENTITY_TYPES, auditCsv, downloadText } from '@/lib/audit';
import {
  type AuditFilters,
  auditFiltersToSearch,
  auditInputOf,
  EMPTY_AUDIT_FILTERS,
  isStoreId,
} from '@/lib/audit-filters';
import { countOf } from '@/lib/plural';
import { apiErrorInfo, useTRPC } from '@/lib/trpc';
import { useDebounced } from '@/lib/use-debounced';
import { useUrlFilters } from '@/lib/use-url-filters';
import { auditColumns, SubjectHistoryContext } from './audit-columns';

/** The append-only audit log, newest first: filter by subject or store, page forward, export what is shown. */
export function AuditLogBrowser({ initialFilters }: { initialFilters: AuditFilters }) {
  const trpc = useTRPC();
  const [filters, change] = useUrlFilters(initialFilters, (next) => `/admin/audit${auditFiltersToSearch(next)}`);
  const applied = useDebounced(filters);
  const log = useInfiniteQuery(
    trpc.admin.audit.list.infiniteQueryOptions(auditInputOf(applied), {
      getNextPageParam: (page) => page.nextCursor,
      placeholderData: keepPreviousData,
      staleTime: 0,
    }),
  );
  const items = log.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(applied.entityType || applied.entityId || applied.storeId);

  const showHistory = (entityType: string, entityId: string) =>
    change({ ...EMPTY_AUDIT_FILTERS, entityType, entityId });

  const storeIdInvalid = filters.storeId.trim() !== '' && !isStoreId(filters.storeId);
  const error = log.isError ? apiErrorInfo(log.error) : null;

  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Subject type">
          <Select
            value={filters.entityType}
            onChange={(event) => change({ ...filters, entityType: event.target.value })}
          >
            <option value="">Everything</option>
            {AUDIT_ENTITY_TYPES.map((type) => (
              <option key={type.value} value={type.value}>
                {type.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Subject id">
          <Input
            value={filters.entityId}
            maxLength={64}
            spellCheck={false}
            onChange={(event) => change({ ...filters, entityId: event.target.value })}
          />
        </Field>
        <Field
          label="Store id"
          error={storeIdInvalid ? 'Not a complete store id yet; ignored until it is.' : undefined}
        >
          <Input
            value={filters.storeId}
            maxLength={36}
            spellCheck={false}
            onChange={(event) => change({ ...filters, storeId: event.target.value })}
          />
        </Field>
      </div>
      {error ? (
        <FormError>
          The audit log could not be loaded: {error.message}
          {error.requestId ? ` (reference ${error.requestId})` : ''}
        </FormError>
      ) : null}
      <SubjectHistoryContext value={showHistory}>
        <DataTable
          caption="Audit log, newest first"
          columns={auditColumns}
          data={items}
          getRowId={(entry) => entry.id}
          loading={log.isPending}
          initiallyHidden={['storeId', 'requestId']}
          empty={
            <EmptyState
              icon={History}
              title={filtered ? 'Nothing recorded for these filters' : 'Nothing recorded yet'}
              action={
                filtered ? (
                  <Button variant="secondary" onClick={() => change(EMPTY_AUDIT_FILTERS)}>
                    Clear filters
                  </Button>
                ) : null
              }
            >
              Decisions on licenses, team changes and store edits are recorded here with who did them.
            </EmptyState>
          }
          footer={
            items.length > 0 ? (
              <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-gray-600">
                <span aria-live="polite">Showing {countOf(items.length, { one: 'entry', other: 'entries' })}</span>
                <div className="flex flex-wrap gap-2">
                  <Button
                    variant="secondary"
                    onClick={() =>
                      downloadText(`audit-log-${new Date().toISOString().slice(0, 10)}.csv`, auditCsv(items))
                    }
                  >
                    <Download className="h-4 w-4" aria-hidden /> Export CSV
                  </Button>
                  {log.hasNextPage ? (
                    <Button variant="secondary" onClick={() => log.fetchNextPage()} disabled={log.isFetchingNextPage}>
                      {log.isFetchingNextPage ? 'Loading…' : 'Load more'}
                    </Button>
                  ) : null}
                </div>
              </div>
            ) : null
          }
        />
      </SubjectHistoryContext>
    </div>
  );
}
