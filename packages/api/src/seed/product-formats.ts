import type { ProductCategory, ProductUnit } from '@pf/domain';

/**
 * What a wholesale listing looks like per category: the unit, the price per unit, the order sizes and the
 * packaging all follow from the format, so a pound of flower is never priced like a pre-roll.
 */
export interface ProductFormat {
  category: ProductCategory;
  /** `{strain}`, `{fruit}` or `{scent}` is replaced; a format naming a strain lists that strain. */
  name: string;
  unit: ProductUnit;
  priceCents: readonly [min: number, max: number];
  thc: readonly [min: number, max: number] | null;
  moq: readonly number[];
  /** Per-line maximum choices; 0 is no limit, and choices below the MOQ are skipped. */
  maxQty: readonly number[];
  packaging: string;
  subtitle?: string;
}

type FormatSpec = Omit<ProductFormat, 'category'>;

const f = (
  name: string,
  unit: ProductUnit,
  priceCents: readonly [number, number],
  thc: readonly [number, number] | null,
  moq: readonly number[],
  maxQty: readonly number[],
  packaging: string,
  subtitle?: string,
): FormatSpec => ({ name, unit, priceCents, thc, moq, maxQty, packaging, ...(subtitle && { subtitle }) });

const FORMATS: Record<ProductCategory, readonly FormatSpec[]> = {
  flower: [
    f('{strain} Flower 3.5g', 'eighth', [1200, 2200], [18, 31], [10, 20, 25], [0, 200, 500], 'Glass jar'),
    f('{strain} Flower 1.75g', 'sixteenth', [700, 1200], [18, 30], [20, 50], [0, 500], 'Mylar bag'),
    f('{strain} Flower 1oz', 'ounce', [7000, 15000], [17, 30], [2, 4, 8], [0, 50, 100], 'Mylar bag'),
    f('{strain} Smalls 1oz', 'ounce', [4500, 9000], [16, 27], [4, 8], [0, 100], 'Mylar bag'),
    f('{strain} Bulk Flower 1lb', 'pound', [75000, 180000], [17, 29], [1], [0, 5, 10, 20], 'Turkey bag'),
  ],
  pre_roll: [
    f('{strain} Pre-Roll 1g', 'unit', [300, 600], [18, 28], [25, 50, 100], [0, 1000], 'Doob tube'),
    f('{strain} Pre-Roll 5-pack', 'unit', [1000, 1800], [18, 28], [10, 20], [0, 300], 'Tin', 'Five 0.5g joints'),
    f('{strain} Infused Pre-Roll 1.5g', 'unit', [700, 1200], [30, 45], [10, 25], [0, 400], 'Doob tube'),
  ],
  cart: [
    f('{strain} Live Resin Cartridge 1g', 'unit', [1800, 3200], [70, 88], [10, 20], [0, 300], 'Blister box'),
    f('{strain} Distillate Cartridge 0.5g', 'unit', [800, 1500], [80, 92], [20, 50], [0, 500], 'Blister box'),
    f('{strain} CO2 Cartridge 1g', 'unit', [1400, 2400], [75, 90], [10, 20], [0, 300], 'Blister box'),
  ],
  vape: [
    f('{strain} Disposable Vape 0.5g', 'unit', [1000, 1800], [75, 90], [10, 20], [0, 400], 'Box'),
    f('{strain} All-in-One Vape 1g', 'unit', [1800, 3000], [78, 92], [10], [0, 200], 'Box'),
  ],
  concentrate: [
    f('{strain} Shatter 1g', 'gram', [600, 1200], [70, 85], [10, 25], [0, 250], 'Envelope'),
    f('{strain} Badder 1g', 'gram', [800, 1500], [70, 82], [10, 25], [0, 250], 'Glass jar'),
    f('{strain} Live Rosin 1g', 'gram', [1800, 3200], [65, 80], [5, 10], [0, 100], 'Glass jar'),
    f('{strain} THCa Diamonds 1g', 'gram', [1200, 2200], [85, 97], [10], [0, 200], 'Glass jar'),
    f('{strain} Live Resin Sauce 1g', 'gram', [1000, 1800], [72, 88], [10, 20], [0, 200], 'Glass jar'),
  ],
  edible: [
    f(
      '{fruit} Gummies 100mg 10-pack',
      'unit',
      [600, 1000],
      null,
      [20, 50],
      [0, 1000],
      'Child-resistant pouch',
      '10 × 10mg, vegan',
    ),
    f('{fruit} Sour Chews 200mg', 'unit', [900, 1400], null, [20, 40], [0, 600], 'Child-resistant pouch', '20 × 10mg'),
    f(
      '{fruit} Dark Chocolate Bar 100mg',
      'unit',
      [800, 1200],
      null,
      [12, 24],
      [0, 480],
      'Foil wrapper',
      '72% cacao, 10 pieces',
    ),
    f('{fruit} Hard Candy 100mg', 'unit', [500, 900], null, [25, 50], [0, 1000], 'Tin'),
    f(
      '{strain} Rosin Gummies 100mg 10-pack',
      'unit',
      [1200, 1800],
      null,
      [20],
      [0, 500],
      'Child-resistant pouch',
      'Solventless',
    ),
  ],
  beverage: [
    f('{fruit} Sparkling Water 10mg', 'unit', [300, 500], null, [24, 48], [0, 960], '12oz can'),
    f('{fruit} Seltzer 5mg', 'unit', [250, 450], null, [24, 48], [0, 960], '12oz can'),
    f('{fruit} Lemonade 25mg', 'unit', [500, 800], null, [12, 24], [0, 480], 'Glass bottle'),
  ],
  tincture: [
    f('{scent} Full Spectrum Tincture 1000mg', 'unit', [1800, 3500], null, [6, 12], [0, 240], '30ml dropper bottle'),
    f('{scent} CBD Tincture 1500mg', 'unit', [2000, 3800], null, [6, 12], [0, 240], '30ml dropper bottle'),
    f('{strain} THC Tincture 500mg', 'unit', [1600, 3000], null, [6, 12], [0, 240], '30ml dropper bottle'),
  ],
  topical: [
    f('{scent} Relief Balm 2oz', 'unit', [1200, 2400], null, [6, 12], [0, 240], 'Tin'),
    f('{scent} Muscle Rub 4oz', 'unit', [1500, 2800], null, [6, 12], [0, 240], 'Pump bottle'),
    f('{scent} Bath Soak 8oz', 'unit', [900, 1600], null, [6, 12], [0, 240], 'Kraft pouch'),
    f('{scent} Transdermal Patch 20mg', 'unit', [800, 1400], null, [10, 20], [0, 400], 'Sealed sachet'),
  ],
  seed: [
    f('{strain} Feminized Seeds 5-pack', 'unit', [2500, 6000], null, [5, 10], [0, 100], 'Seed vial'),
    f('{strain} Autoflower Seeds 10-pack', 'unit', [3500, 8000], null, [5], [0, 100], 'Seed vial'),
  ],
  seedling: [
    f('{strain} Rooted Clone', 'unit', [600, 1400], null, [10, 25, 50], [0, 500], 'Rockwool cube'),
    f('{strain} Seedling Tray 12', 'unit', [6000, 11000], null, [1, 2], [0, 20], 'Nursery tray'),
  ],
  accessory: [
    f('{scent} Glass Hand Pipe', 'unit', [400, 1200], null, [12, 24], [0, 500], 'Gift box'),
    f('Hemp Rolling Papers 50-pack', 'unit', [75, 150], null, [50, 100], [0, 5000], 'Display box'),
    f('Aluminum Grinder 4-piece', 'unit', [600, 1500], null, [12], [0, 300], 'Gift box'),
    f('510 Thread Battery', 'unit', [400, 900], null, [20, 50], [0, 1000], 'Blister card'),
    f('Smell-proof Storage Jar', 'unit', [300, 800], null, [24], [0, 600], 'Carton'),
    f('Pre-Roll Cones 100-pack', 'unit', [900, 1600], null, [10, 20], [0, 400], 'Carton'),
  ],
};

export const formatsOf = (category: ProductCategory): readonly ProductFormat[] =>
  FORMATS[category].map((spec) => ({ ...spec, category }));

export const FRUITS = [
  'Watermelon',
  'Sour Peach',
  'Blue Raspberry',
  'Mango',
  'Strawberry Lemonade',
  'Black Cherry',
  'Pineapple',
  'Green Apple',
  'Tangerine',
  'Blackberry',
  'Grapefruit',
  'Passion Fruit',
] as const;

export const SCENTS = ['Lavender', 'Eucalyptus', 'Peppermint', 'Citrus', 'Unscented', 'Rose', 'Cedar', 'Ginger'];
