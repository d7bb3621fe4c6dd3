import type { ProductCategory } from '@pf/domain';
import { PNG } from 'pngjs';
import type { Random } from '../seeded-random';

/**
 * Product pictures and logos drawn at seed time (no network, no binary assets in the repository): a
 * diagonal gradient in the category's colour with one light shape on it. The shape, its place and size, the
 * gradient's angle and a hue shift vary per picture, so no two pictures of a pool look the same.
 */

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

type Rgb = readonly [number, number, number];
/** Signed distance from the shape's edge, negative inside: edges are anti-aliased from it for free. */
type Shape = (x: number, y: number) => number;

function hsl(hue: number, saturation: number, lightness: number): Rgb {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    return Math.round(255 * (lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [channel(0), channel(8), channel(4)];
}

type ShapeAt = (cx: number, cy: number, r: number) => Shape;

/** `Math.hypot` is several times slower, and this runs per pixel. */
const length = (x: number, y: number) => Math.sqrt(x * x + y * y);

const circle: ShapeAt = (cx, cy, r) => (x, y) => length(x - cx, y - cy) - r;
const diamond: ShapeAt = (cx, cy, r) => (x, y) => (Math.abs(x - cx) + Math.abs(y - cy)) / Math.SQRT2 - r * 0.8;
const ring: ShapeAt = (cx, cy, r) => (x, y) => Math.abs(length(x - cx, y - cy) - r * 0.8) - r * 0.22;
const roundedSquare: ShapeAt = (cx, cy, r) => (x, y) => {
  const corner = r * 0.25;
  const dx = Math.abs(x - cx) - r * 0.7 + corner;
  const dy = Math.abs(y - cy) - r * 0.7 + corner;
  return length(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - corner;
};
/** The lens where two circles overlap. */
const leaf: ShapeAt = (cx, cy, r) => (x, y) =>
  Math.max(length(x - cx - r * 0.55, y - cy + r * 0.55), length(x - cx + r * 0.55, y - cy - r * 0.55)) - r * 1.15;
/** Pointing up; Inigo Quilez's exact distance to an equilateral triangle. */
const triangle: ShapeAt = (cx, cy, r) => (x, y) => {
  const k = Math.sqrt(3);
  let px = Math.abs(x - cx) - r;
  let py = -(y - cy - r * 0.2) + r / k;
  if (px + k * py > 0) [px, py] = [(px - k * py) / 2, (-k * px - py) / 2];
  px -= Math.max(-2 * r, Math.min(px, 0));
  return -length(px, py) * Math.sign(py);
};

const SHAPES: readonly ShapeAt[] = [circle, diamond, ring, roundedSquare, leaf, triangle];

const mix = (from: number, to: number, t: number) => from + (to - from) * t;

function paint(size: number, from: Rgb, to: Rgb, angle: number, shape: Shape, ink: Rgb): Buffer {
  const png = new PNG({ width: size, height: size });
  const [dx, dy] = [Math.cos(angle), Math.sin(angle)];
  const half = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Gradient position 0..1 along the angle, through the centre.
      const t = Math.min(1, Math.max(0, 0.5 + ((x - half) * dx + (y - half) * dy) / size));
      const coverage = Math.min(1, Math.max(0, 0.5 - shape(x + 0.5, y + 0.5))) * 0.9;
      const offset = (y * size + x) * 4;
      png.data[offset] = Math.round(mix(mix(from[0], to[0], t), ink[0], coverage));
      png.data[offset + 1] = Math.round(mix(mix(from[1], to[1], t), ink[1], coverage));
      png.data[offset + 2] = Math.round(mix(mix(from[2], to[2], t), ink[2], coverage));
      png.data[offset + 3] = 255;
    }
  }
  // A fixed "up" filter: smooth gradients compress about as well as with adaptive filtering, at half the cost.
  return PNG.sync.write(png, { colorType: 2, filterType: 2, deflateLevel: 6 });
}

export const PRODUCT_IMAGE_SIZE = 480;

export function productImage(random: Random, category: ProductCategory): Buffer {
  const hue = CATEGORY_HUES[category] + random.int(-12, 12);
  const size = PRODUCT_IMAGE_SIZE;
  const radius = size * (0.2 + random.next() * 0.1);
  const shape = random.pick(SHAPES)(size * (0.4 + random.next() * 0.2), size * (0.4 + random.next() * 0.2), radius);
  return paint(
    size,
    hsl(hue, 0.55, 0.8),
    hsl((hue + random.int(10, 40)) % 360, 0.6, 0.42),
    random.next() * Math.PI * 2,
    shape,
    hsl(hue, 0.35, 0.97),
  );
}

/** A round badge in the vendor's colour: a light ring around a leaf. */
export function logoImage(hue: number): Buffer {
  const size = 256;
  const c = size / 2;
  const border = ring(c, c, size * 0.4);
  const emblem = leaf(c, c, size * 0.2);
  const badge: Shape = (x, y) => Math.min(border(x, y), emblem(x, y));
  return paint(size, hsl(hue, 0.65, 0.55), hsl((hue + 25) % 360, 0.7, 0.3), Math.PI / 4, badge, hsl(hue, 0.4, 0.97));
}
