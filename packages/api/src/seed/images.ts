import type { ProductCategory } from '@pf/domain';
import { type Random, seededRandom } from '../seeded-random';
import { hsl, mixRgb, type Rgb, renderPng, type Scene } from './art/canvas';
import { Art, type Brand, leaf, outline, roomOf, WHITE } from './art/kit';
import { beverages, clone, edibles, grinder, seedVial, tincture, topicalTin } from './art/packaged-goods';
import { cartridge, concentrateJar, type DrawContext, disposable, flowerJar, preRolls } from './art/plant-goods';
import { circle } from './art/shapes';

/**
 * Product pictures, logos and banners drawn at seed time (no network, no binary assets in the repository):
 * packaging per category in the vendor's colours, rendered from one vector scene at every size needed.
 */

/** The room behind each category's packaging. */
const CATEGORY_HUES: Record<ProductCategory, number> = {
  flower: 122,
  pre_roll: 36,
  cart: 280,
  vape: 205,
  concentrate: 46,
  edible: 332,
  beverage: 186,
  topical: 160,
  tincture: 22,
  seed: 88,
  seedling: 102,
  accessory: 222,
};

/** Detail pictures 800 × 600 (4:3, the gallery's shape) and grid thumbnails 320 × 240 of the same drawing. */
export const PRODUCT_IMAGE_WIDTH = 800;
export const PRODUCT_THUMBNAIL_WIDTH = 320;

const DRAWINGS: Record<ProductCategory, (art: Art, context: DrawContext) => void> = {
  flower: flowerJar,
  pre_roll: preRolls,
  cart: cartridge,
  vape: disposable,
  concentrate: concentrateJar,
  edible: edibles,
  beverage: beverages,
  tincture: tincture,
  topical: topicalTin,
  seed: seedVial,
  seedling: clone,
  accessory: grinder,
};

/** The vendor's packaging look: the first word of its name (two when the first is short) and its logo hue. */
export function brandOf(companyName: string, hue: number): Brand {
  const words = companyName.toUpperCase().split(/\s+/);
  const first = words[0] ?? '';
  const label = first.length >= 5 ? first : words.slice(0, 2).join(' ');
  return { label, ink: hsl(hue, 0.6, 0.38), light: hsl(hue, 0.55, 0.62), dark: hsl(hue, 0.6, 0.24) };
}

/**
 * A product shot of the category's packaging in the vendor's colours, at detail and thumbnail size. The
 * composition's place, the room's hue and the contents (buds, gummies, oil colour) vary per picture.
 */
export function productImage(random: Random, category: ProductCategory, brand: Brand) {
  const art = new Art();
  DRAWINGS[category](art, { random, cx: 200 + random.int(-14, 14), brand });
  const scene: Scene = {
    width: 400,
    height: 300,
    background: roomOf(CATEGORY_HUES[category] + random.int(-15, 15), 214, 300),
    layers: art.layers,
  };
  return { detail: renderPng(scene, PRODUCT_IMAGE_WIDTH), thumbnail: renderPng(scene, PRODUCT_THUMBNAIL_WIDTH) };
}

const diagonal =
  (from: Rgb, to: Rgb, width: number, height: number) =>
  (x: number, y: number): Rgb =>
    mixRgb(from, to, Math.min(1, Math.max(0, (x / width + y / height) / 2)));

/** A round badge in the vendor's colour: a light ring around a leaf, 256 px square. */
export function logoImage(hue: number): Buffer {
  const art = new Art();
  art.add(outline(circle(128, 128, 92), 20), hsl(hue, 0.4, 0.97), 0.9);
  art.add(leaf(128, 128, 44), hsl(hue, 0.4, 0.97), 0.9);
  const background = diagonal(hsl(hue, 0.65, 0.55), hsl((hue + 25) % 360, 0.7, 0.3), 256, 256);
  return renderPng({ width: 256, height: 256, background, layers: art.layers }, 256);
}

/** A wide storefront banner (1200 × 300): the vendor's colour with a scatter of leaves drifting across it. */
export function bannerImage(hue: number): Buffer {
  const random = seededRandom(hue + 1);
  const art = new Art();
  for (let n = 0; n < 14; n++) {
    const [x, y, r] = [random.int(0, 1200), random.int(-20, 320), random.int(26, 70)];
    art.add(leaf(x, y, r), WHITE, 0.06 + random.next() * 0.08);
  }
  const from = hsl(hue, 0.55, 0.34);
  const to = hsl((hue + 30) % 360, 0.6, 0.22);
  return renderPng(
    { width: 1200, height: 300, background: (x) => mixRgb(from, to, x / 1200), layers: art.layers },
    1200,
  );
}
