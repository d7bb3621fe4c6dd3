'use client';

import type { VendorProductRow, VendorProductSort } from '@pf/domain';
import type { ReactNode } from 'react';
import { type DataColumns, DataTable, dataColumnHelper } from '@/components/ui/data-table';
import { Skeleton } from '@/components/ui/skeleton';
import { type SortableColumn, sortDirectionOf } from '@/lib/vendor-products-filters';

export type ProductColumns = DataColumns<VendorProductRow>;
export const productColumnHelper = dataColumnHelper<VendorProductRow>();

export const productHref = (product: { id: string }) => `/vendor/products/${product.id}`;

const productCellSkeleton = (columnId: string) =>
  columnId === 'product' ? (
    <div className="flex items-center gap-3">
      <Skeleton className="size-10 shrink-0" />
      <Skeleton className="h-4 w-40" />
    </div>
  ) : (
    <Skeleton className="h-4 w-full max-w-20" />
  );

interface ProductsTableProps {
  columns: ProductColumns;
  data: VendorProductRow[];
  sort: VendorProductSort;
  loading: boolean;
  empty: ReactNode;
  footer?: ReactNode;
}

/**
 * The catalog table: the shared data table with server-side sort shown by `aria-sort`, low-stock rows
 * tinted (the stock cell also says "Low stock" in words), and a row click that opens the editor.
 */
export function ProductsTable({ columns, data, sort, loading, empty, footer }: ProductsTableProps) {
  return (
    <DataTable
      caption="Your products"
      columns={columns}
      data={data}
      getRowId={(row) => row.id}
      rowHref={productHref}
      loading={loading}
      empty={empty}
      footer={footer}
      rowTestId="product-row"
      rowProps={(row) => ({
        'data-low-stock': row.stock.lowStock ? 'true' : undefined,
        className: row.stock.lowStock ? 'bg-amber-50/70 hover:bg-amber-50' : undefined,
      })}
      sortDirectionOf={(key) => sortDirectionOf(sort, key as SortableColumn)}
      skeletonCell={productCellSkeleton}
      skeletonRows={6}
      compactOnPhones
    />
  );
}
