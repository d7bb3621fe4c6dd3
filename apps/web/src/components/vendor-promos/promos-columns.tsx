'use client';

import type { PromoDto } from '@pf/domain';
import Link from 'next/link';
import { type DataColumns, dataColumnHelper } from '@/components/ui/data-table';
import {
  canExpire,
  formatPromoDiscount,
  formatPromoMinimum,
  formatPromoUses,
  formatPromoValidity,
  type PromoStatus,
} from '@/lib/promo-format';
import { ExpirePromoDialog } from './expire-promo-dialog';
import { PromoStatusBadge } from './promo-status-badge';

/** A listed code with the status the vendor sees, derived once per render. */
export type PromoRow = PromoDto & { status: PromoStatus };

export const promoHref = (promo: { id: string }) => `/vendor/promos/${promo.id}`;

const column = dataColumnHelper<PromoRow>();

/** Code, discount, terms and status; on phones the code cell also carries the terms and the rest drop off. */
export function promoColumns({ canEdit, now }: { canEdit: boolean; now: Date }): DataColumns<PromoRow> {
  const columns: DataColumns<PromoRow> = [
    column.accessor('code', {
      header: 'Code',
      enableHiding: false,
      meta: { label: 'Code' },
      cell: (info) => {
        const promo = info.row.original;
        return (
          <div className="min-w-0">
            <Link href={promoHref(promo)} className="font-mono font-semibold text-gray-900 hover:underline">
              {promo.code}
            </Link>
            {/* Phones and tablets: the terms whose columns drop off, one per line, and the status below sm. */}
            <ul className="mt-1 space-y-0.5 text-xs text-gray-600 lg:hidden">
              <li className="md:hidden">{formatPromoMinimum(promo.minSubtotalCents)}</li>
              <li className="md:hidden">{formatPromoUses(promo.usedCount, promo.usageLimit)}</li>
              <li>{formatPromoValidity(promo.expiresAt, now).text}</li>
            </ul>
            <div className="mt-1.5 sm:hidden">
              <PromoStatusBadge status={promo.status} />
            </div>
          </div>
        );
      },
    }),
    column.accessor((promo) => formatPromoDiscount(promo), {
      id: 'discount',
      header: 'Discount',
      enableHiding: false,
      meta: { label: 'Discount', className: 'whitespace-nowrap' },
      cell: (info) => <span className="font-medium text-gray-900 tabular-nums">{info.getValue()}</span>,
    }),
    column.accessor('minSubtotalCents', {
      id: 'minimum',
      header: 'Minimum subtotal',
      meta: { label: 'Minimum subtotal', className: 'hidden md:table-cell whitespace-nowrap tabular-nums' },
      cell: (info) => formatPromoMinimum(info.getValue()),
    }),
    column.accessor('usedCount', {
      id: 'uses',
      header: 'Uses / limit',
      meta: { label: 'Uses / limit', className: 'hidden md:table-cell whitespace-nowrap tabular-nums' },
      cell: (info) => formatPromoUses(info.getValue(), info.row.original.usageLimit),
    }),
    column.accessor('expiresAt', {
      id: 'validity',
      header: 'Valid',
      meta: { label: 'Valid', className: 'hidden lg:table-cell whitespace-nowrap' },
      cell: (info) => {
        const validity = formatPromoValidity(info.getValue(), now);
        return validity.title ? (
          <time dateTime={info.getValue() ?? undefined} title={validity.title}>
            {validity.text}
          </time>
        ) : (
          <span className="text-gray-600">{validity.text}</span>
        );
      },
    }),
    column.accessor('status', {
      header: 'Status',
      enableHiding: false,
      meta: { label: 'Status', className: 'hidden sm:table-cell whitespace-nowrap' },
      cell: (info) => <PromoStatusBadge status={info.getValue()} />,
    }),
  ];
  if (!canEdit) return columns;
  return [
    ...columns,
    column.display({
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      enableHiding: false,
      meta: { label: 'Actions', className: 'w-0 py-2 text-right' },
      cell: (info) => (canExpire(info.row.original.status) ? <ExpirePromoDialog promo={info.row.original} /> : null),
    }),
  ];
}
