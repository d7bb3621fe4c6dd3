import type { Classification, ProductCategory, ProductUnit } from '@pf/domain';

/**
 * Words the catalog generators (the browse bench and the demo seed) draw from: real strain names and product
 * formats, so search behaves as in use.
 */

export const STRAINS: readonly (readonly [name: string, classification: Classification])[] = [
  ['Blue Dream', 'hybrid'],
  ['Sour Diesel', 'sativa'],
  ['OG Kush', 'hybrid'],
  ['Girl Scout Cookies', 'hybrid'],
  ['Granddaddy Purple', 'indica'],
  ['Jack Herer', 'sativa'],
  ['Northern Lights', 'indica'],
  ['Green Crack', 'sativa'],
  ['Pineapple Express', 'hybrid'],
  ['Gelato', 'hybrid'],
  ['Wedding Cake', 'hybrid'],
  ['Gorilla Glue', 'hybrid'],
  ['Durban Poison', 'sativa'],
  ['Purple Punch', 'indica'],
  ['Zkittlez', 'indica'],
  ['Bubba Kush', 'indica'],
  ['Super Lemon Haze', 'sativa'],
  ['Strawberry Cough', 'sativa'],
  ['White Widow', 'hybrid'],
  ['AK-47', 'hybrid'],
  ['Trainwreck', 'sativa'],
  ['Tangie', 'sativa'],
  ['Do-Si-Dos', 'indica'],
  ['Runtz', 'hybrid'],
  ['Ice Cream Cake', 'indica'],
  ['Mimosa', 'sativa'],
  ['Skywalker OG', 'indica'],
  ['Cherry Pie', 'hybrid'],
  ['Harlequin', 'balanced'],
  ['ACDC', 'cbd'],
  ["Charlotte's Web", 'hemp'],
  ['Cannatonic', 'balanced'],
  ['Lemon Cherry Gelato', 'hybrid'],
  ['Maui Wowie', 'sativa'],
  ['Blueberry', 'indica'],
  ['Chemdawg', 'hybrid'],
  ['Headband', 'hybrid'],
  ['Tahoe OG', 'hybrid'],
  ['Forbidden Fruit', 'indica'],
  ['Biscotti', 'indica'],
  ['Sunset Sherbet', 'indica'],
  ['Apple Fritter', 'hybrid'],
  ['Jealousy', 'hybrid'],
  ['Cereal Milk', 'hybrid'],
  ['Blue Cheese', 'indica'],
  ['Golden Goat', 'sativa'],
  ['Candyland', 'sativa'],
  ['Platinum OG', 'indica'],
  ["Ringo's Gift", 'cbd'],
  ['Pennywise', 'balanced'],
];

export interface CategoryShape {
  category: ProductCategory;
  /** Relative share of the catalog. */
  weight: number;
  /** `{strain}` is replaced by a strain name when the format names one. */
  formats: readonly string[];
  units: readonly ProductUnit[];
  priceCents: readonly [min: number, max: number];
  thc: readonly [min: number, max: number] | null;
  usesStrain: boolean;
}

export const CATEGORY_SHAPES: readonly CategoryShape[] = [
  {
    category: 'flower',
    weight: 30,
    formats: [
      '{strain} Flower 3.5g',
      '{strain} Flower 7g',
      '{strain} Smalls 14g',
      '{strain} Flower 28g',
      '{strain} Bulk Flower 1lb',
    ],
    units: ['eighth', 'gram', 'ounce', 'pound'],
    priceCents: [1500, 90000],
    thc: [14, 32],
    usesStrain: true,
  },
  {
    category: 'pre_roll',
    weight: 12,
    formats: ['{strain} Pre-Roll 1g', '{strain} Pre-Roll 5-pack', '{strain} Infused Pre-Roll 1.5g'],
    units: ['unit'],
    priceCents: [500, 4500],
    thc: [18, 45],
    usesStrain: true,
  },
  {
    category: 'cart',
    weight: 10,
    formats: ['{strain} Live Resin Cartridge 1g', '{strain} Distillate Cartridge 0.5g', '{strain} CO2 Cartridge 1g'],
    units: ['unit'],
    priceCents: [1800, 6000],
    thc: [65, 92],
    usesStrain: true,
  },
  {
    category: 'vape',
    weight: 7,
    formats: ['{strain} Disposable Vape 0.3g', '{strain} All-in-One Vape 1g'],
    units: ['unit'],
    priceCents: [1500, 5000],
    thc: [70, 90],
    usesStrain: true,
  },
  {
    category: 'concentrate',
    weight: 9,
    formats: ['{strain} Shatter 1g', '{strain} Badder 1g', '{strain} Live Rosin 1g', '{strain} Diamonds 1g'],
    units: ['gram'],
    priceCents: [1500, 8000],
    thc: [60, 95],
    usesStrain: true,
  },
  {
    category: 'edible',
    weight: 12,
    formats: [
      'Watermelon Gummies 10-pack',
      'Dark Chocolate Bar 100mg',
      'Sour Peach Rings 10-pack',
      'Peppermint Mints 20-pack',
      '{strain} Rosin Gummies 10-pack',
    ],
    units: ['unit'],
    priceCents: [800, 3500],
    thc: [0, 10],
    usesStrain: false,
  },
  {
    category: 'beverage',
    weight: 4,
    formats: ['Grapefruit Sparkling Water 10mg', 'Lemon Iced Tea 10mg', 'Mango Seltzer 5mg'],
    units: ['unit'],
    priceCents: [400, 1500],
    thc: [0, 1],
    usesStrain: false,
  },
  {
    category: 'tincture',
    weight: 4,
    formats: ['Full Spectrum Tincture 30ml', 'CBD Tincture 1000mg', '{strain} THC Tincture 30ml'],
    units: ['unit'],
    priceCents: [2000, 8000],
    thc: [0, 30],
    usesStrain: false,
  },
  {
    category: 'topical',
    weight: 3,
    formats: ['CBD Relief Balm 2oz', 'Cooling Muscle Lotion 4oz', 'Lavender Bath Bomb'],
    units: ['unit'],
    priceCents: [1200, 6000],
    thc: null,
    usesStrain: false,
  },
  {
    category: 'seed',
    weight: 3,
    formats: ['{strain} Feminized Seeds 5-pack', '{strain} Autoflower Seeds 10-pack'],
    units: ['unit'],
    priceCents: [3000, 15000],
    thc: null,
    usesStrain: true,
  },
  {
    category: 'seedling',
    weight: 2,
    formats: ['{strain} Rooted Clone', '{strain} Seedling Tray 12'],
    units: ['unit'],
    priceCents: [1000, 9000],
    thc: null,
    usesStrain: true,
  },
  {
    category: 'accessory',
    weight: 4,
    formats: [
      'Glass Hand Pipe',
      'Hemp Rolling Papers 50-pack',
      'Aluminum Grinder 4-piece',
      '510 Battery',
      'Smell-proof Storage Jar',
    ],
    units: ['unit'],
    priceCents: [300, 6000],
    thc: null,
    usesStrain: false,
  },
];

export const GROWS = ['Indoor', 'Greenhouse', 'Sun-grown', 'Living soil', 'Hydroponic'] as const;
export const NOTES = ['citrus', 'pine', 'berry', 'diesel', 'earthy', 'vanilla', 'grape', 'mint', 'spice', 'floral'];

export const VENDOR_WORDS = {
  first: ['Sunrise', 'Red Dirt', 'Prairie', 'Golden', 'High Plains', 'Emerald', 'Cedar', 'Blue Sky', 'Iron', 'Wild'],
  second: ['Cultivation', 'Farms', 'Labs', 'Extracts', 'Gardens', 'Growers', 'Botanicals'],
};

/** Vendor count per state: the bench's buyer is in OK, the largest market. */
export const VENDOR_STATES: readonly { state: string; city: string; vendors: number; lat: number; lng: number }[] = [
  { state: 'OK', city: 'Oklahoma City', vendors: 14, lat: 35.47, lng: -97.52 },
  { state: 'CA', city: 'Oakland', vendors: 12, lat: 37.8, lng: -122.27 },
  { state: 'CO', city: 'Denver', vendors: 10, lat: 39.74, lng: -104.99 },
  { state: 'MI', city: 'Detroit', vendors: 8, lat: 42.33, lng: -83.05 },
  { state: 'WA', city: 'Tacoma', vendors: 6, lat: 47.25, lng: -122.44 },
];
