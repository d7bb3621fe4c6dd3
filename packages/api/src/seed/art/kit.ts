import { hsl, type Layer, mixRgb, type Paint, type Rgb } from './canvas';
import { cellToFit, text } from './font';
import { circle, ellipse, layer, rotated, roundRect, type Shape } from './shapes';

/** The pieces every packaging drawing shares: a layer list, shading, shadows, labels and a product box. */

export const WHITE: Rgb = [255, 255, 255];
export const BLACK: Rgb = [0, 0, 0];
export const INK: Rgb = [38, 42, 48];
export const SILVER: Rgb = [192, 197, 204];
export const CREAM: Rgb = [250, 246, 236];

/** The vendor's look on its packaging: a short brand word and its colours. */
export interface Brand {
  label: string;
  ink: Rgb;
  light: Rgb;
  dark: Rgb;
}

export class Art {
  readonly layers: Layer[] = [];
  add(shape: Shape, paint: Paint, alpha = 1) {
    this.layers.push(layer(shape, paint, alpha));
  }
}

/** A band just inside and outside the shape's edge: glass rims, outlines. */
export const outline = (shape: Shape, width: number): Shape => ({
  sdf: (x, y) => Math.abs(shape.sdf(x, y)) - width / 2,
  box: [shape.box[0] - width, shape.box[1] - width, shape.box[2] + width, shape.box[3] + width],
});

/**
 * Round things lit from the upper left: a highlight a third of the way across, darker towards the right edge.
 * Evaluated per pixel, so the result is cached per column.
 */
export function cylinder(base: Rgb, x0: number, x1: number): Paint {
  const cache: Rgb[] = [];
  return (x) => {
    const key = Math.max(0, Math.round((x - x0) * 4));
    const cached = cache[key];
    if (cached) return cached;
    const t = Math.min(1, Math.max(0, (x - x0) / (x1 - x0)));
    const highlight = Math.max(0, 1 - Math.abs(t - 0.28) / 0.16) * 0.35;
    const shade = t > 0.55 ? ((t - 0.55) / 0.45) ** 1.5 * 0.3 : 0;
    const colour = mixRgb(mixRgb(base, WHITE, highlight), BLACK, shade);
    cache[key] = colour;
    return colour;
  };
}

/** A soft contact shadow under an object standing at (cx, y). */
export function shadow(art: Art, cx: number, y: number, halfWidth: number) {
  for (const [grow, alpha] of [
    [1.25, 0.05],
    [1.1, 0.07],
    [0.95, 0.1],
  ] as const) {
    art.add(ellipse(cx, y, halfWidth * grow, 10 * grow), BLACK, alpha);
  }
}

/** A line of label text centred at (cx, cy), as large as fits `maxWidth` (up to `maxCell` per font cell). */
export function label(art: Art, value: string, cx: number, cy: number, maxWidth: number, maxCell: number, ink: Rgb) {
  art.add(text(value, cx, cy, cellToFit(value, maxWidth, maxCell)), ink);
}

/** The retail box standing behind a cartridge or a disposable: brand colours, a window and two lines of text. */
export function productBox(art: Art, cx: number, brand: Brand, kind: string) {
  const box = roundRect(cx, 162, 62, 92, 8);
  art.add(box, cylinder(brand.ink, cx - 62, cx + 62));
  art.add(outline(circle(cx, 136, 34), 5), WHITE, 0.85);
  art.add(leaf(cx, 136, 18), WHITE, 0.85);
  label(art, brand.label, cx, 208, 108, 2.6, WHITE);
  label(art, kind, cx, 230, 96, 1.7, CREAM);
}

/** A wall and a table top in one hue: rows of one colour, which PNG compresses to almost nothing. */
export function roomOf(hue: number, horizon: number, height: number) {
  const wallTop = mixRgb(hsl(hue, 0.28, 0.95), WHITE, 0.2);
  const wallBottom = hsl(hue, 0.28, 0.9);
  const tableTop = hsl(hue, 0.28, 0.82);
  const tableBottom = hsl(hue, 0.28, 0.87);
  const rows: Rgb[] = [];
  return (_x: number, y: number): Rgb => {
    // Every pixel of a row has the same colour: work it out once per row, not per pixel.
    const key = Math.round(y * 16);
    rows[key] ??=
      y < horizon
        ? mixRgb(wallTop, wallBottom, y / horizon)
        : mixRgb(tableTop, tableBottom, (y - horizon) / (height - horizon));
    return rows[key];
  };
}

/** The lens where two circles overlap, turned 45°: the leaf of the logos and banners. */
export function leaf(cx: number, cy: number, r: number): Shape {
  const [a, b] = [circle(cx - r * 0.6, cy, r), circle(cx + r * 0.6, cy, r)];
  const lens: Shape = { sdf: (x, y) => Math.max(a.sdf(x, y), b.sdf(x, y)), box: [cx - r, cy - r, cx + r, cy + r] };
  return rotated(lens, Math.PI / 4, cx, cy);
}
