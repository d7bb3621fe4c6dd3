'use client';

import type { VendorProductRow, VendorProductSort } from '@pf/domain';
import { ArrowDown, ArrowUp, ArrowUpDown, ImageOff, Layers } from 'lucide-react';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { categoryLabel, formatCount, formatMoney, UNIT_LABELS } from '@/lib/catalog-format';
import { nextSortFor, type SortableColumn, sortDirectionOf } from '@/lib/vendor-products-filters';
import { InventoryCell } from './inventory-cell';
import { productColumnHelper, productHref } from './products-table';
import { ProductStatusBadge, StockBadge } from './stock-badges';

interface ColumnOptions {
  sort: VendorProductSort;
  onSort: (sort: VendorProductSort) => void;
  canEdit: boolean;
}

const column = productColumnHelper;

function SortHeader({ label, column: id, sort, onSort }: { label: string; column: SortableColumn } & ColumnOptions) {
  const direction = sortDirectionOf(sort, id);
  const Icon = direction === 'ascending' ? ArrowUp : direction === 'descending' ? ArrowDown : ArrowUpDown;
  return (
    <button
      type="button"
      onClick={() => onSort(nextSortFor(sort, id))}
      className="-mx-1 inline-flex items-center gap-1 rounded px-1 uppercase tracking-wide hover:text-gray-900 focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      {label}
      <Icon aria-hidden className={direction ? 'size-3.5 text-gray-900' : 'size-3.5 text-gray-400'} />
    </button>
  );
}

function Thumbnail({ url }: { url: string | null }) {
  return url ? (
    // biome-ignore lint/performance/noImgElement: signed storage URLs are not for the Next image optimizer
    <img
      src={url}
      alt=""
      width={40}
      height={40}
      className="size-10 shrink-0 rounded-md border border-gray-200 object-cover"
    />
  ) : (
    <span className="flex size-10 shrink-0 items-center justify-center rounded-md border border-gray-200 bg-gray-50">
      <ImageOff aria-hidden className="size-4 text-gray-400" />
    </span>
  );
}

function Price({ product }: { product: VendorProductRow }) {
  return (
    <span className="whitespace-nowrap">
      <span className="font-medium text-gray-900">{formatMoney(product.priceCents)}</span>
      <span className="text-gray-500"> / {UNIT_LABELS[product.unit]}</span>
      {product.compareAtPriceCents !== null && product.compareAtPriceCents > product.priceCents ? (
        <s className="ml-1 text-xs text-gray-500">
          <span className="sr-only">was </span>
          {formatMoney(product.compareAtPriceCents)}
        </s>
      ) : null}
    </span>
  );
}

/** The catalog's columns; on phones the product cell carries price and status, and the rest drop off. */
export function productColumns(options: ColumnOptions) {
  return column.columns([
    column.accessor('title', {
      id: 'product',
      header: () => <SortHeader label="Product" column="title" {...options} />,
      enableHiding: false,
      meta: { label: 'Product', sortKey: 'title', className: 'min-w-40 sm:min-w-48' },
      cell: (info) => {
        const product = info.row.original;
        return (
          <div className="flex min-w-0 items-start gap-3">
            <Thumbnail url={product.thumbnailUrl} />
            <div className="min-w-0">
              <Link href={productHref(product)} className="font-medium text-gray-900 hover:underline">
                {product.title}
              </Link>
              <p className="font-mono text-xs text-gray-600">{product.sku}</p>
              <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs sm:hidden">
                <Price product={product} />
                <ProductStatusBadge active={product.isActive} />
                <span className="text-gray-600">{formatCount(product.stock.availableQty)} available</span>
                <StockBadge stock={product.stock} />
              </div>
            </div>
          </div>
        );
      },
    }),
    column.accessor('category', {
      header: 'Category',
      meta: { label: 'Category', className: 'hidden md:table-cell whitespace-nowrap' },
      cell: (info) => categoryLabel(info.getValue()),
    }),
    column.accessor('priceCents', {
      id: 'price',
      header: () => <SortHeader label="Price" column="price" {...options} />,
      meta: { label: 'Price', sortKey: 'price', className: 'hidden sm:table-cell' },
      cell: (info) => (
        <div>
          <Price product={info.row.original} />
          {info.row.original.hasVolumeDiscount ? (
            <p className="mt-1 flex items-center gap-1 text-xs text-gray-600">
              <Layers aria-hidden className="size-3" /> Volume tiers
            </p>
          ) : null}
        </div>
      ),
    }),
    column.accessor((product) => product.stock.onHandQty, {
      id: 'onHand',
      header: 'On hand',
      enableHiding: false,
      meta: { label: 'On hand' },
      cell: (info) => <InventoryCell product={info.row.original} canEdit={options.canEdit} />,
    }),
    column.accessor((product) => product.stock.reservedQty, {
      id: 'reserved',
      header: 'Reserved',
      meta: { label: 'Reserved', className: 'hidden lg:table-cell tabular-nums' },
      cell: (info) => formatCount(info.getValue()),
    }),
    column.accessor((product) => product.stock.availableQty, {
      id: 'available',
      header: () => <SortHeader label="Available" column="available" {...options} />,
      meta: { label: 'Available', sortKey: 'available', className: 'hidden sm:table-cell' },
      cell: (info) => (
        <div className="space-y-1">
          <p className="tabular-nums">{formatCount(info.getValue())}</p>
          <StockBadge stock={info.row.original.stock} />
        </div>
      ),
    }),
    column.accessor('isActive', {
      id: 'status',
      header: 'Status',
      meta: { label: 'Status', className: 'hidden sm:table-cell' },
      cell: (info) => (
        <div className="flex flex-wrap gap-1">
          <ProductStatusBadge active={info.getValue()} />
          {info.row.original.isFeatured ? <Badge tone="info">Featured</Badge> : null}
        </div>
      ),
    }),
  ]);
}
