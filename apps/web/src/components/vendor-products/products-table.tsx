'use client';

import type { VendorProductRow, VendorProductSort } from '@pf/domain';
import {
  type ColumnDef,
  columnVisibilityFeature,
  createColumnHelper,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { Columns3 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import type { MouseEvent, ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import type { DataColumnMeta } from '@/components/ui/data-table';
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { Skeleton } from '@/components/ui/skeleton';
import { cn } from '@/lib/cn';
import { type SortableColumn, sortDirectionOf } from '@/lib/vendor-products-filters';

export interface ProductColumnMeta extends DataColumnMeta {
  /** The header sorts the table on the server by this column. */
  sortColumn?: SortableColumn;
}

export const productTableFeatures = tableFeatures({ columnVisibilityFeature, columnMeta: {} as ProductColumnMeta });
// biome-ignore lint/suspicious/noExplicitAny: a table mixes columns of different value types
export type ProductColumns = ColumnDef<typeof productTableFeatures, VendorProductRow, any>[];
export const productColumnHelper = createColumnHelper<typeof productTableFeatures, VendorProductRow>();

export const productHref = (product: { id: string }) => `/vendor/products/${product.id}`;

/** Clicks on controls (links, buttons, the inline stock form) do their own thing; anywhere else opens the row. */
const clickedControl = (event: MouseEvent) =>
  (event.target as HTMLElement).closest('a, button, input, select, label, form, [data-row-control]');

const SKELETON_ROWS = ['a', 'b', 'c', 'd', 'e', 'f'];

interface ProductsTableProps {
  columns: ProductColumns;
  data: VendorProductRow[];
  sort: VendorProductSort;
  loading: boolean;
  empty: ReactNode;
  footer?: ReactNode;
}

/**
 * The catalog table: sticky header, column menu, server-side sort shown with `aria-sort`, low-stock rows
 * tinted (the stock cell also says "Low stock" in words), a row click opens the editor.
 */
export function ProductsTable({ columns, data, sort, loading, empty, footer }: ProductsTableProps) {
  const router = useRouter();
  const table = useTable({
    features: productTableFeatures,
    columns,
    data,
    getRowId: (row) => row.id,
  });
  const visibleCount = table.getVisibleLeafColumns().length;
  return (
    <div className="rounded-lg border border-gray-200 bg-white shadow-xs">
      <div className="flex items-center justify-end border-b border-gray-100 px-3 py-2">
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="ghost" size="sm">
              <Columns3 className="h-4 w-4" aria-hidden /> Columns
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent>
            <DropdownMenuLabel>Show columns</DropdownMenuLabel>
            {table
              .getAllLeafColumns()
              .filter((column) => column.getCanHide())
              .map((column) => (
                <DropdownMenuCheckboxItem
                  key={column.id}
                  checked={column.getIsVisible()}
                  onCheckedChange={(value) => column.toggleVisibility(Boolean(value))}
                  onSelect={(event) => event.preventDefault()}
                >
                  {column.columnDef.meta?.label ?? column.id}
                </DropdownMenuCheckboxItem>
              ))}
          </DropdownMenuContent>
        </DropdownMenu>
      </div>
      <div className="overflow-auto sm:max-h-[70vh]">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Your products</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sortColumn = header.column.columnDef.meta?.sortColumn;
                  const direction = sortColumn ? sortDirectionOf(sort, sortColumn) : null;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sortColumn ? (direction ?? 'none') : undefined}
                      className={cn(
                        'sticky top-0 z-10 whitespace-nowrap border-b border-gray-200 bg-gray-50 px-3 py-2.5 sm:px-4 text-xs font-semibold uppercase tracking-wide text-gray-600',
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
              ? SKELETON_ROWS.map((key) => (
                  <tr key={key} aria-hidden>
                    {table.getVisibleLeafColumns().map((column) => (
                      <td key={column.id} className={cn('px-4 py-3', column.columnDef.meta?.className)}>
                        {column.id === 'product' ? (
                          <div className="flex items-center gap-3">
                            <Skeleton className="size-10 shrink-0" />
                            <Skeleton className="h-4 w-40" />
                          </div>
                        ) : (
                          <Skeleton className="h-4 w-full max-w-20" />
                        )}
                      </td>
                    ))}
                  </tr>
                ))
              : table.getRowModel().rows.map((row) => (
                  <tr
                    key={row.id}
                    data-testid="product-row"
                    data-low-stock={row.original.stock.lowStock ? 'true' : undefined}
                    onClick={(event) => {
                      if (!clickedControl(event)) router.push(productHref(row.original));
                    }}
                    className={cn(
                      'cursor-pointer',
                      row.original.stock.lowStock ? 'bg-amber-50/70 hover:bg-amber-50' : 'hover:bg-gray-50',
                    )}
                  >
                    {row.getVisibleCells().map((cell) => (
                      <td
                        key={cell.id}
                        className={cn('px-3 py-3 align-top sm:px-4', cell.column.columnDef.meta?.className)}
                      >
                        <table.FlexRender cell={cell} />
                      </td>
                    ))}
                  </tr>
                ))}
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
