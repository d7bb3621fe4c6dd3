'use client';

import type { ProductUnit } from '@pf/domain';
import { useFormContext, useWatch } from 'react-hook-form';
import { formatCount, formatMoney, formatPercent, formatQuantity, UNIT_LABELS } from '@/lib/catalog-format';
import type { ProductFormValues } from '@/lib/vendor-products-form';
import { pricePreview } from '@/lib/vendor-products-pricing';

/** What a buyer pays at the MOQ and at each tier threshold, recomputed as the vendor types. */
export function PricePreview() {
  const { control } = useFormContext<ProductFormValues>();
  const [priceCents, moq, maxQty, tiers, unit] = useWatch({
    control,
    name: ['priceCents', 'moq', 'maxQty', 'volumeDiscounts', 'unit'],
  });
  const rows = pricePreview({
    priceCents,
    moq,
    maxQty: maxQty ?? 0,
    tiers: tiers ?? [],
  });
  const unitLabel = UNIT_LABELS[unit as ProductUnit] ?? 'unit';
  const best = rows
    ?.filter((row) => !row.unreachable)
    .reduce<(typeof rows)[number] | undefined>(
      (low, row) => (!low || row.unitPriceCents < low.unitPriceCents ? row : low),
      undefined,
    );
  return (
    <div className="min-w-0 space-y-3" data-testid="price-preview">
      <div>
        <h3 className="text-sm font-semibold text-gray-900">Price preview</h3>
        <p className="text-xs text-gray-600" aria-live="polite">
          {rows && best
            ? `List price ${formatMoney(priceCents)} per ${unitLabel}; best price ${formatMoney(best.unitPriceCents)} from ${formatQuantity(best.exampleQty, unit as ProductUnit)}.`
            : 'Enter a price to see what buyers pay.'}
        </p>
      </div>
      {rows ? (
        <div className="overflow-x-auto rounded-md border border-gray-200">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">What buyers pay per unit and per line at each quantity</caption>
            <thead className="bg-gray-50 text-xs text-gray-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Quantity
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Unit price
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  Line total
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {rows.map((row) => (
                <tr
                  key={row.key}
                  data-testid="price-preview-row"
                  className={row.unreachable ? 'text-gray-500' : undefined}
                >
                  <th scope="row" className="px-3 py-2 font-medium text-gray-900">
                    {row.key === 'base' ? `${row.minQty} (MOQ)` : `${row.minQty}+`}
                    <span className="block text-xs font-normal text-gray-600">
                      {row.discountPercent > 0 ? `${formatPercent(row.discountPercent)} off` : 'no tier'}
                      {row.unreachable ? ', above the order maximum' : ''}
                    </span>
                  </th>
                  <td className="px-3 py-2 tabular-nums">
                    <span className="font-medium text-gray-900" data-testid="preview-unit-price">
                      {formatMoney(row.unitPriceCents)}
                    </span>
                    {row.savingsPerUnitCents > 0 ? (
                      <s className="block text-xs text-gray-500 sm:ml-1 sm:inline">
                        <span className="sr-only">instead of </span>
                        {formatMoney(priceCents)}
                      </s>
                    ) : null}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    <span className="font-medium text-gray-900" data-testid="preview-line-total">
                      {formatMoney(row.lineTotalCents)}
                    </span>
                    <span className="block text-xs text-gray-600">
                      {formatCount(row.exampleQty)} × {formatMoney(row.unitPriceCents)}
                    </span>
                    {row.lineSubtotalCents > row.lineTotalCents ? (
                      <span className="block text-xs text-green-800">
                        saves {formatMoney(row.lineSubtotalCents - row.lineTotalCents)}
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
