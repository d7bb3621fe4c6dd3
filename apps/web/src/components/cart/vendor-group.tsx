'use client';

import type { CartVendorGroupDto } from '@pf/domain';
import { AlertTriangle, Tag, X } from 'lucide-react';
import Link from 'next/link';
import { useId, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { withPromo } from '@/lib/cart-intent';
import { promoRefusal } from '@/lib/cart-messages';
import { formatMoney, formatPercent } from '@/lib/catalog-format';
import { cn } from '@/lib/cn';
import { apiErrorInfo } from '@/lib/trpc';
import { CartLine } from './cart-line';
import { reportCartError, useCartActions } from './use-cart';

/** The vendor's promo code: enter / remove; the server's refusal is shown right under the field. */
function PromoCode({ group }: { group: CartVendorGroupDto }) {
  const { change, busy } = useCartActions();
  const [code, setCode] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const fieldId = useId();
  const refusal = promoRefusal(group.warnings);
  const apply = (next: string | null) =>
    change((intent) => withPromo(intent, group.vendorStoreId, next))
      .then(() => {
        setInputError(null);
        setCode('');
      })
      .catch((error) => {
        const info = apiErrorInfo(error);
        const violation = info.violations.find((item) => item.path.startsWith('vendorPromos'));
        if (violation) setInputError(`Promo code ${violation.message}.`);
        else reportCartError(error);
      });
  if (group.promo) {
    return (
      <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="promo-applied">
        <Badge tone="success">
          <Tag className="h-3 w-3" aria-hidden /> {group.promo.code}
        </Badge>
        <span className="text-gray-700">
          {group.promo.kind === 'percent' && group.promo.percentBps !== null
            ? `${formatPercent(group.promo.percentBps / 100)} off`
            : 'Promo'}{' '}
          applied: −{formatMoney(group.promo.discountCents)}
        </span>
        <Button size="sm" variant="ghost" disabled={busy} onClick={() => apply(null)}>
          <X className="h-4 w-4" aria-hidden /> Remove<span className="sr-only"> code {group.promo.code}</span>
        </Button>
      </div>
    );
  }
  const message = inputError ?? (group.promoCode && refusal ? `${group.promoCode}: ${refusal}` : null);
  return (
    <form
      className="space-y-1"
      onSubmit={(event) => {
        event.preventDefault();
        if (code.trim()) apply(code);
      }}
    >
      <label htmlFor={fieldId} className="text-sm font-medium text-gray-800">
        Promo code for {group.vendorStoreName}
      </label>
      <div className="flex gap-2">
        <Input
          id={fieldId}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          placeholder={group.promoCode ?? 'e.g. SPRING10'}
          autoComplete="off"
          className="max-w-48"
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${fieldId}-error` : undefined}
        />
        <Button type="submit" variant="secondary" disabled={busy || !code.trim()}>
          Apply
        </Button>
        {group.promoCode && refusal ? (
          <Button variant="ghost" disabled={busy} onClick={() => apply(null)}>
            Clear<span className="sr-only"> code {group.promoCode}</span>
          </Button>
        ) : null}
      </div>
      {message ? (
        <p
          id={`${fieldId}-error`}
          className="flex items-start gap-1.5 text-sm text-red-800"
          data-testid="promo-refusal"
        >
          <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
          {message}
        </p>
      ) : null}
    </form>
  );
}

function Row({
  label,
  cents,
  negative = false,
  strong = false,
  className,
}: {
  label: string;
  cents: number;
  negative?: boolean;
  strong?: boolean;
  className?: string;
}) {
  return (
    <div
      className={cn('flex justify-between gap-4', strong ? 'font-semibold text-gray-900' : 'text-gray-700', className)}
    >
      <dt>{label}</dt>
      <dd className="tabular-nums">
        {negative ? '−' : ''}
        {formatMoney(cents)}
      </dd>
    </div>
  );
}

/** One vendor's part of the cart: its lines, promo code and totals (ok lines only, DOMAIN §4.5). */
export function VendorGroup({ group }: { group: CartVendorGroupDto }) {
  const headingId = useId();
  const invalid = group.status !== 'ok';
  return (
    <Card aria-labelledby={headingId} role="region" data-testid="vendor-group" data-vendor-id={group.vendorStoreId}>
      <CardHeader className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold text-gray-900">
          <Link href={`/buyer/vendors/${group.vendorStoreId}`} className="underline-offset-2 hover:underline">
            {group.vendorStoreName}
          </Link>
        </h2>
        {invalid ? <Badge tone="danger">Nothing to order from this vendor</Badge> : null}
      </CardHeader>
      <CardBody className="space-y-4 pt-0">
        <ul className="divide-y divide-gray-100">
          {group.items.map((line) => (
            <CartLine key={line.productId} line={line} />
          ))}
        </ul>
        <div className="grid gap-4 border-t border-gray-100 pt-4 sm:grid-cols-[1fr_auto] sm:items-start">
          <PromoCode group={group} />
          <dl className="min-w-56 space-y-1 text-sm" data-testid="vendor-totals">
            <Row label="Subtotal" cents={group.subtotalCents} />
            {group.lineDiscountsCents > 0 ? (
              <Row label="Volume discounts" cents={group.lineDiscountsCents} negative />
            ) : null}
            {group.promoDiscountCents > 0 ? <Row label="Promo" cents={group.promoDiscountCents} negative /> : null}
            <Row label={`${group.vendorStoreName} total`} cents={group.totalCents} strong />
          </dl>
        </div>
      </CardBody>
    </Card>
  );
}

export { Row as TotalRow };
