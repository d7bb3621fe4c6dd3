/** Product vocabularies (DOMAIN §2.1). */
export const PRODUCT_CATEGORIES = [
  'flower',
  'cart',
  'pre_roll',
  'edible',
  'concentrate',
  'beverage',
  'vape',
  'topical',
  'tincture',
  'seed',
  'seedling',
  'accessory',
] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

export const CLASSIFICATIONS = ['sativa', 'hybrid', 'indica', 'cbd', 'hemp', 'balanced'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];
/** How classifications read to people, in the marketplace filters and on product pages alike. */
export const CLASSIFICATION_LABELS: Record<Classification, string> = {
  sativa: 'Sativa',
  hybrid: 'Hybrid',
  indica: 'Indica',
  cbd: 'CBD',
  hemp: 'Hemp',
  balanced: 'Balanced',
};

export const PRODUCT_UNITS = ['unit', 'gram', 'ounce', 'pound', 'eighth', 'sixteenth'] as const;
export type ProductUnit = (typeof PRODUCT_UNITS)[number];

export const FLAVORS = [
  'earthy',
  'citrus',
  'fruity',
  'floral',
  'cheese',
  'diesel',
  'spicy',
  'sweet',
  'pine',
  'herbal',
] as const;
export type Flavor = (typeof FLAVORS)[number];

export const FEELINGS = [
  'relaxed',
  'happy',
  'euphoric',
  'focused',
  'hungry',
  'talkative',
  'creative',
  'sleepy',
  'uplifted',
  'calm',
] as const;
export type Feeling = (typeof FEELINGS)[number];

export const USAGES = [
  'stress_relief',
  'pain_relief',
  'sleep',
  'depression',
  'muscle_relaxant',
  'nausea',
  'anxiety',
  'appetite_stimulation',
] as const;
export type Usage = (typeof USAGES)[number];
