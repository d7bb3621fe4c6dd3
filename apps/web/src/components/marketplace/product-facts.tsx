import type { ProductDetailDto } from '@pf/domain';
import { CLASSIFICATION_LABELS, formatPercent, formatQuantity, humanizeEnum, UNIT_LABELS } from '@/lib/catalog-format';

/** THC, CBD, classification, strain, unit, MOQ and per-order maximum as a description list. */
export function ProductFacts({ product }: { product: ProductDetailDto }) {
  const facts: [string, string][] = [
    ['THC', product.thcPercent === null ? 'Not stated' : formatPercent(product.thcPercent)],
    ['CBD', product.cbdPercent === null ? 'Not stated' : formatPercent(product.cbdPercent)],
    ['Classification', product.classification ? CLASSIFICATION_LABELS[product.classification] : 'Not stated'],
    ['Strain', product.strain ?? 'Not stated'],
    ['Sold per', UNIT_LABELS[product.unit]],
    ['Minimum order', formatQuantity(product.moq, product.unit)],
    ['Maximum per order', product.maxQty === 0 ? 'No limit' : formatQuantity(product.maxQty, product.unit)],
    ['SKU', product.sku],
  ];
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-3 text-sm sm:grid-cols-3" data-testid="product-facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt className="text-xs font-medium uppercase tracking-wide text-gray-500">{term}</dt>
          <dd className="mt-0.5 break-words text-gray-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Feelings, flavors and usage as labelled tag lists; groups without tags are left out. */
export function ProductTags({ product }: { product: ProductDetailDto }) {
  const groups = [
    { label: 'Feelings', values: product.feelings },
    { label: 'Flavors', values: product.flavors },
    { label: 'Usage', values: product.usage },
  ].filter((group) => group.values.length > 0);
  if (groups.length === 0) return null;
  return (
    <div className="space-y-3">
      {groups.map((group) => (
        <div key={group.label}>
          <h3 className="text-xs font-medium uppercase tracking-wide text-gray-500">{group.label}</h3>
          <ul className="mt-1.5 flex flex-wrap gap-1.5">
            {group.values.map((value) => (
              <li key={value} className="rounded-full bg-gray-100 px-2.5 py-0.5 text-xs font-medium text-gray-700">
                {humanizeEnum(value)}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
