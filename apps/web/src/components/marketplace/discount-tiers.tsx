import type { ProductUnit } from '@pf/domain';
import { effectiveUnitPriceCents, pricedTier } from '@pf/domain';
import { formatCount, formatMoney, formatPercent, UNIT_LABELS } from '@/lib/catalog-format';

interface Props {
  priceCents: number;
  moq: number;
  unit: ProductUnit;
  tiers: { minQty: number; discountPercent: number }[];
}

/** The price ladder: the base price from the MOQ, then each tier's unit price (DOMAIN §4.4 rounding). */
export function DiscountTiersTable({ priceCents, moq, unit, tiers }: Props) {
  const sorted = [...tiers].sort((a, b) => a.minQty - b.minQty);
  const rows = [
    ...(sorted[0] && sorted[0].minQty <= moq ? [] : [{ minQty: Math.max(moq, 1), discountPercent: 0 }]),
    ...sorted,
  ];
  return (
    <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="discount-tiers">
        <caption className="sr-only">Volume pricing per {UNIT_LABELS[unit]}</caption>
        <thead className="bg-gray-50 text-xs uppercase tracking-wide text-gray-600">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Minimum quantity
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Discount
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Price per {UNIT_LABELS[unit]}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {rows.map((tier) => (
            <tr key={tier.minQty}>
              <td className="px-4 py-2 tabular-nums text-gray-900">{formatCount(tier.minQty)}+</td>
              <td className="px-4 py-2 tabular-nums text-gray-700">
                {tier.discountPercent > 0 ? formatPercent(tier.discountPercent) : 'None'}
              </td>
              <td className="px-4 py-2 text-right font-medium tabular-nums text-gray-900">
                {formatMoney(effectiveUnitPriceCents(priceCents, pricedTier(tier)))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
