import { CATEGORY_SHAPES, type CategoryShape, GROWS, NOTES, STRAINS } from '../src/catalog-vocabulary';
import type { Random } from '../src/seeded-random';

const totalWeight = CATEGORY_SHAPES.reduce((sum, shape) => sum + shape.weight, 0);

function pickShape(random: Random): CategoryShape {
  let roll = random.next() * totalWeight;
  for (const shape of CATEGORY_SHAPES) {
    roll -= shape.weight;
    if (roll < 0) return shape;
  }
  return CATEGORY_SHAPES[0] as CategoryShape;
}

const percent = (random: Random, [min, max]: readonly [number, number]) =>
  (min + random.next() * (max - min)).toFixed(2);

/** One product's facts (no ids): what a vendor would plausibly list. */
export function productFacts(random: Random, skuPrefix: string, sequence: number) {
  const shape = pickShape(random);
  const [strain, strainClass] = random.pick(STRAINS);
  const format = random.pick(shape.formats);
  const namesStrain = format.includes('{strain}');
  const classification = namesStrain || shape.usesStrain ? strainClass : random.chance(0.5) ? 'cbd' : null;
  const cbdHeavy = classification === 'cbd' || classification === 'hemp' || classification === 'balanced';
  // Quarter-dollar prices: many products share a price, which is what keyset tie-breaks must survive.
  const [low, high] = shape.priceCents;
  const priceCents = Math.round((low + random.next() * (high - low)) / 25) * 25;
  return {
    sku: `${skuPrefix}-${shape.category.slice(0, 3).toUpperCase()}-${String(sequence).padStart(5, '0')}`,
    title: format.replace('{strain}', strain),
    subtitle: `${random.pick(GROWS)} · ${random.pick(NOTES)} and ${random.pick(NOTES)} notes`,
    category: shape.category,
    strain: namesStrain || shape.usesStrain ? strain : null,
    classification,
    unit: random.pick(shape.units),
    moq: random.chance(0.8) ? 1 : random.pick([5, 10]),
    priceCents,
    compareAtPriceCents: random.chance(0.15) ? Math.round((priceCents * 1.2) / 25) * 25 : null,
    thcPercent: shape.thc ? percent(random, cbdHeavy ? [0, 8] : shape.thc) : null,
    cbdPercent: cbdHeavy ? percent(random, [5, 25]) : random.chance(0.5) ? percent(random, [0, 1.5]) : null,
    feelings: [
      random.pick(['relaxed', 'happy', 'euphoric', 'focused', 'creative', 'sleepy', 'uplifted', 'calm'] as const),
    ],
    flavors: [random.pick(['earthy', 'citrus', 'fruity', 'floral', 'diesel', 'spicy', 'sweet', 'pine'] as const)],
    usage: [random.pick(['stress_relief', 'pain_relief', 'sleep', 'anxiety', 'appetite_stimulation'] as const)],
  };
}

/** Free stock: most products have some, about one in eight is sold out or fully reserved. */
export function stockFacts(random: Random) {
  if (random.chance(0.08)) return { onHandQty: 0, reservedQty: 0 };
  const onHandQty = random.int(1, 500);
  if (random.chance(0.05)) return { onHandQty, reservedQty: onHandQty };
  return { onHandQty, reservedQty: random.int(0, Math.floor(onHandQty / 10)) };
}
