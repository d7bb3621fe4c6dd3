import type { Random } from '../seeded-random';

/**
 * Free stock in multiples of the MOQ: most listings have plenty, some are at or under their low-stock
 * threshold, a few are sold out. Nothing is reserved, since the demo has no open orders holding stock.
 */
export function planStock(random: Random, moq: number) {
  const lowStockThreshold = moq * random.pick([2, 3, 5]);
  const roll = random.next();
  if (roll < 0.07) return { onHandQty: 0, lowStockThreshold };
  if (roll < 0.17) return { onHandQty: random.int(1, lowStockThreshold), lowStockThreshold };
  return { onHandQty: moq * random.int(8, 80), lowStockThreshold };
}

/**
 * Two or three percentage tiers at growing multiples of the MOQ, as wholesale price sheets do. Tiers a line
 * could never reach (above its maximum) are left out.
 */
export function planTiers(random: Random, moq: number, maxQty: number) {
  const tiers = [
    { minQty: moq * 5, discountPercent: String(random.pick([3, 5])) },
    { minQty: moq * 10, discountPercent: String(random.pick([7, 8, 10])) },
    ...(random.chance(0.5) ? [{ minQty: moq * 25, discountPercent: String(random.pick([12, 15])) }] : []),
  ];
  return tiers.filter((tier) => maxQty === 0 || tier.minQty <= maxQty);
}
