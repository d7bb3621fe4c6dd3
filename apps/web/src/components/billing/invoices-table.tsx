import type { ChargeDto } from '@pf/domain';
import { Badge } from '@/components/ui/badge';
import { CHARGE_STATUS, formatDate } from '@/lib/billing';
import { formatMoney } from '@/lib/catalog-format';

/** Billing history: one row per provider invoice, newest first. */
export function InvoicesTable({ charges }: { charges: ChargeDto[] }) {
  if (charges.length === 0) return <p className="text-sm text-gray-600">No invoices yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[32rem] text-left text-sm" data-testid="invoices">
        <thead className="border-b border-gray-200 text-xs uppercase text-gray-500">
          <tr>
            <th className="py-2 pr-4 font-medium">Date</th>
            <th className="py-2 pr-4 font-medium">Description</th>
            <th className="py-2 pr-4 text-right font-medium">Amount</th>
            <th className="py-2 pr-4 font-medium">Status</th>
            <th className="py-2 font-medium">Invoice</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {charges.map((charge) => (
            <tr key={charge.id}>
              <td className="py-2 pr-4 whitespace-nowrap">{formatDate(charge.billedAt)}</td>
              <td className="py-2 pr-4 text-gray-700">{charge.description ?? 'Subscription'}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{formatMoney(charge.amountCents)}</td>
              <td className="py-2 pr-4">
                <Badge tone={CHARGE_STATUS[charge.status].tone}>{CHARGE_STATUS[charge.status].label}</Badge>
              </td>
              <td className="py-2">
                {charge.invoiceUrl ? (
                  <a
                    href={charge.invoiceUrl}
                    className="text-brand-700 underline-offset-4 hover:underline"
                    target="_blank"
                    rel="noreferrer"
                  >
                    View
                  </a>
                ) : (
                  <span className="text-gray-500">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
