'use client';

import {
  type ColumnDef,
  columnVisibilityFeature,
  createColumnHelper,
  type RowData,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { useRouter } from 'next/navigation';
import type { MouseEvent, ReactNode } from 'react';
import { Skeleton } from '@/components/ui/skeleton';
import { cn } from '@/lib/cn';
import { ColumnMenu } from './column-menu';

export interface DataColumnMeta {
  /** Classes for the column's header and cells, e.g. `hidden md:table-cell` to drop it on phones. */
  className?: string;
  /** The column's name in the column menu, when its header is not plain text. */
  label?: string;
  /** The header sorts the rows on the server under this key (see `sortDirectionOf`). */
  sortKey?: string;
}

export const dataTableFeatures = tableFeatures({ columnVisibilityFeature, columnMeta: {} as DataColumnMeta });
export type DataTableFeatures = typeof dataTableFeatures;
// biome-ignore lint/suspicious/noExplicitAny: a table mixes columns of different value types
export type DataColumns<T extends RowData> = ColumnDef<DataTableFeatures, T, any>[];
export const dataColumnHelper = <T extends RowData>() => createColumnHelper<DataTableFeatures, T>();

interface DataTableProps<T extends RowData> {
  /** Read by screen readers as the table's name. */
  caption: string;
  columns: DataColumns<T>;
  data: T[];
  getRowId: (row: T) => string;
  /** Row click opens this (the primary cell should also hold a real link for keyboards). */
  rowHref?: (row: T) => string;
  loading?: boolean;
  empty: ReactNode;
  footer?: ReactNode;
  /** Column ids hidden until the user shows them. */
  initiallyHidden?: readonly string[];
  className?: string;
  /** How the rows are sorted by a column's `sortKey`, announced with `aria-sort` on its header. */
  sortDirectionOf?: (sortKey: string) => 'ascending' | 'descending' | null;
  /** Extra classes and data attributes of a row (e.g. a tint for rows that need attention). */
  rowProps?: (row: T) => { className?: string } & Record<`data-${string}`, string | undefined>;
  rowTestId?: string;
  /** A loading placeholder shaped like the column's content; a bar by default. */
  skeletonCell?: (columnId: string) => ReactNode;
  /** How many placeholder rows show while loading. */
  skeletonRows?: number;
  /**
   * For tables worked in on phones (the vendor catalog): tighter cells there, and no scroll box of its own, so
   * the page scrolls instead of a box inside it (the header sticks from `sm` up, where the box returns).
   */
  compactOnPhones?: boolean;
}

/** A clicked control inside a row (a link, a button, an inline form) does its own thing; anywhere else opens the row. */
const clickedControl = (event: MouseEvent) =>
  (event.target as HTMLElement).closest('a, button, input, select, label, form, [data-row-control]');

/** Server-fed table (UI.md): sticky header, column visibility, row click opens detail. */
export function DataTable<T extends RowData>({
  caption,
  columns,
  data,
  getRowId,
  rowHref,
  loading,
  empty,
  footer,
  initiallyHidden = [],
  className,
  sortDirectionOf,
  rowProps,
  rowTestId = 'table-row',
  skeletonCell,
  skeletonRows = 5,
  compactOnPhones = false,
}: DataTableProps<T>) {
  const router = useRouter();
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId: (row) => getRowId(row),
    initialState: { columnVisibility: Object.fromEntries(initiallyHidden.map((id) => [id, false])) },
  });
  const visibleCount = table.getVisibleLeafColumns().length;
  const cellPadding = compactOnPhones ? 'px-3 sm:px-4' : 'px-4';
  return (
    <div className={cn('rounded-lg border border-gray-200 bg-white shadow-xs', className)}>
      <div className="flex items-center justify-end border-b border-gray-100 px-3 py-2">
        <ColumnMenu columns={table.getAllLeafColumns()} />
      </div>
      <div className={cn('overflow-auto', compactOnPhones ? 'sm:max-h-[70vh]' : 'max-h-[70vh]')}>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sortKey = header.column.columnDef.meta?.sortKey;
                  const direction = sortKey && sortDirectionOf ? sortDirectionOf(sortKey) : undefined;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={direction === undefined ? undefined : (direction ?? 'none')}
                      className={cn(
                        'sticky top-0 z-10 whitespace-nowrap border-b border-gray-200 bg-gray-50 py-2.5 text-xs font-semibold uppercase tracking-wide text-gray-600',
                        cellPadding,
                        header.column.columnDef.meta?.className,
                      )}
                    >
                      {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-gray-100">
            {loading
              ? Array.from({ length: skeletonRows }, (_, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have nothing else to tell them apart
                  <tr key={index} aria-hidden>
                    {table.getVisibleLeafColumns().map((column) => (
                      <td key={column.id} className={cn('px-4 py-3', column.columnDef.meta?.className)}>
                        {skeletonCell?.(column.id) ?? <Skeleton className="h-4 w-full max-w-32" />}
                      </td>
                    ))}
                  </tr>
                ))
              : table.getRowModel().rows.map((row) => {
                  const { className: rowClassName, ...rowData } = rowProps?.(row.original) ?? {};
                  return (
                    <tr
                      key={row.id}
                      data-testid={rowTestId}
                      {...rowData}
                      onClick={(event) => {
                        if (rowHref && !clickedControl(event)) router.push(rowHref(row.original));
                      }}
                      className={cn(rowHref && 'cursor-pointer hover:bg-gray-50', rowClassName)}
                    >
                      {row.getVisibleCells().map((cell) => (
                        <td
                          key={cell.id}
                          className={cn('py-3 align-top', cellPadding, cell.column.columnDef.meta?.className)}
                        >
                          <table.FlexRender cell={cell} />
                        </td>
                      ))}
                    </tr>
                  );
                })}
            {!loading && data.length === 0 ? (
              <tr>
                <td colSpan={visibleCount} className="p-4">
                  {empty}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {footer ? <div className="border-t border-gray-100 px-4 py-3">{footer}</div> : null}
    </div>
  );
}
