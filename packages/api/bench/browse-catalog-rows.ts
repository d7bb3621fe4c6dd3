import { CATEGORY_SHAPES, type CategoryShape, GROWS, NOTES, STRAINS } from './browse-catalog-vocabulary';

/** Deterministic pseudo-randomness for the catalog generator: the same seed always yields the same catalog. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    // mulberry32: tiny, fast, good enough spread for test data.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const chance = (probability: number) => next() < probability;
  const uuid = () => {
    const hex = Array.from({ length: 16 }, () => int(0, 255));
    hex[6] = ((hex[6] ?? 0) & 0x0f) | 0x40;
    hex[8] = ((hex[8] ?? 0) & 0x3f) | 0x80;
    const s = hex.map((byte) => byte.toString(16).padStart(2, '0')).join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
  return { next, int, pick, chance, uuid };
}
export type Random = ReturnType<typeof seededRandom>;

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
