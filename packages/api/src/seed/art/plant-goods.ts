import type { Random } from '../../seeded-random';
import { hsl, type Rgb } from './canvas';
import { type Art, type Brand, CREAM, cylinder, INK, label, outline, productBox, SILVER, shadow, WHITE } from './kit';
import { capsule, circle, clipped, ellipse, polygon, rotated, roundRect, type Shape, union } from './shapes';

/** Flower, pre-rolls, cartridges, disposables and concentrates, drawn at scene size 400 × 300. */

export interface DrawContext {
  random: Random;
  /** Horizontal centre of the composition (jittered per picture). */
  cx: number;
  brand: Brand;
}

const glass = (hue: number): Rgb => hsl(hue, 0.15, 0.93);
const amber = (random: Random): Rgb => hsl(random.int(30, 46), 0.85, random.next() * 0.12 + 0.45);

/** A nug: overlapping calyxes in greens, a frost of lighter spots and a few orange pistils. */
function budCluster(art: Art, random: Random, x: number, y: number, r: number, hue: number, jar: Shape) {
  const green = hsl(hue + random.int(-12, 12), 0.4, 0.3 + random.next() * 0.1);
  const calyxes = Array.from({ length: 6 }, (_, n) => {
    const angle = (n / 6) * Math.PI * 2 + random.next();
    return circle(x + Math.cos(angle) * r * 0.55, y + Math.sin(angle) * r * 0.45, r * (0.42 + random.next() * 0.12));
  });
  art.add(clipped(union(circle(x, y, r * 0.6), ...calyxes), jar), green);
  for (let spot = 0; spot < 4; spot++) {
    const [sx, sy] = [x + random.int(-r, r) * 0.6, y + random.int(-r, r) * 0.5];
    art.add(clipped(circle(sx, sy, r * 0.22), jar), hsl(hue, 0.25, 0.62), 0.45);
  }
  for (let hair = 0; hair < 3; hair++) {
    const [hx, hy] = [x + random.int(-r, r) * 0.5, y + random.int(-r, r) * 0.4];
    art.add(clipped(capsule(hx, hy, hx + random.int(-5, 5), hy - 5, 1), jar), hsl(24, 0.85, 0.5));
  }
}

export function flowerJar(art: Art, { random, cx, brand }: DrawContext) {
  const jar = roundRect(cx, 168, 76, 84, 24);
  shadow(art, cx, 252, 92);
  art.add(jar, glass(120), 0.6);
  const budHue = random.int(85, 125);
  // Bottom up, three abreast, until the jar is full to the shoulder.
  for (let bud = 0; bud < 12; bud++) {
    const [x, y] = [
      cx + ((bud % 3) - 1) * 44 + random.int(-10, 10),
      232 - Math.floor(bud / 3) * 32 + random.int(-6, 6),
    ];
    budCluster(art, random, x, y, random.int(24, 30), budHue, jar);
  }
  art.add(jar, WHITE, 0.16);
  art.add(outline(jar, 2.5), hsl(200, 0.08, 0.72), 0.8);
  art.add(roundRect(cx - 52, 160, 5, 56, 5), WHITE, 0.45);
  art.add(roundRect(cx, 76, 82, 18, 6), cylinder(brand.dark, cx - 82, cx + 82));
  for (let rib = 0; rib < 11; rib++) art.add(capsule(cx - 75 + rib * 15, 63, cx - 75 + rib * 15, 89, 0.9), WHITE, 0.16);
  art.add(roundRect(cx, 196, 60, 28, 4), CREAM);
  label(art, brand.label, cx, 187, 108, 3.2, brand.ink);
  label(art, 'FLOWER', cx, 208, 80, 1.8, INK);
}

/** A joint from its twisted tip `a` to its filter end `b`. */
function cone(art: Art, a: readonly [number, number], b: readonly [number, number], brand: Brand) {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const length = Math.sqrt(dx * dx + dy * dy);
  const [ux, uy, nx, ny] = [dx / length, dy / length, -dy / length, dx / length];
  const at = (t: number, w: number, side: 1 | -1) =>
    [a[0] + dx * t + nx * w * side, a[1] + dy * t + ny * w * side] as const;
  const [wideEnd, narrowEnd, filterAt] = [17, 11, 0.78];
  const filterWidth = wideEnd + (narrowEnd - wideEnd) * filterAt;
  art.add(polygon([at(0, wideEnd, 1), at(1, narrowEnd, 1), at(1, narrowEnd, -1), at(0, wideEnd, -1)]), CREAM);
  art.add(
    polygon([at(filterAt, filterWidth, 1), at(1, narrowEnd, 1), at(1, narrowEnd, -1), at(filterAt, filterWidth, -1)]),
    hsl(34, 0.45, 0.72),
  );
  art.add(polygon([at(0, wideEnd * 0.85, 1), [a[0] - ux * 18, a[1] - uy * 18], at(0, wideEnd * 0.85, -1)]), CREAM);
  const band = [at(filterAt - 0.03, filterWidth + 0.6, 1), at(filterAt - 0.03, filterWidth + 0.6, -1)] as const;
  art.add(capsule(band[0][0], band[0][1], band[1][0], band[1][1], 2), brand.ink);
  const shine = [at(0.05, wideEnd * 0.45, -1), at(filterAt - 0.08, filterWidth * 0.45, -1)] as const;
  art.add(capsule(shine[0][0], shine[0][1], shine[1][0], shine[1][1], 2.2), WHITE, 0.7);
}

export function preRolls(art: Art, { random, cx, brand }: DrawContext) {
  shadow(art, cx, 238, 128);
  for (let joint = 0; joint < 3; joint++) {
    const y = 130 + joint * 42 + random.int(-5, 5);
    cone(art, [cx - 118, y + random.int(-8, 8)], [cx + 112, y - 22 + random.int(-6, 6)], brand);
  }
  art.add(roundRect(cx - 62, 62, 84, 24, 6), cylinder(brand.ink, cx - 146, cx + 22));
  label(art, brand.label, cx - 62, 62, 150, 3, WHITE);
}

export function cartridge(art: Art, { random, cx, brand }: DrawContext) {
  const x = cx - 58;
  shadow(art, cx + 10, 256, 130);
  productBox(art, cx + 64, brand, 'CARTRIDGE');
  art.add(roundRect(x, 70, 16, 20, 7), cylinder(INK, x - 16, x + 16));
  const tank = roundRect(x, 146, 28, 58, 8);
  art.add(tank, glass(200), 0.55);
  art.add(clipped(roundRect(x, 172, 28, 40), tank), cylinder(amber(random), x - 28, x + 28), 0.92);
  art.add(capsule(x, 94, x, 198, 4), SILVER, 0.85);
  art.add(outline(tank, 2), hsl(200, 0.08, 0.68), 0.9);
  art.add(roundRect(x - 17, 142, 3.5, 44, 3.5), WHITE, 0.5);
  art.add(roundRect(x, 224, 28, 20, 4), cylinder(SILVER, x - 28, x + 28));
  art.add(roundRect(x, 250, 14, 7, 2), cylinder(hsl(40, 0.35, 0.7), x - 14, x + 14));
}

export function disposable(art: Art, { random, cx, brand }: DrawContext) {
  const x = cx - 52;
  shadow(art, cx + 10, 256, 130);
  productBox(art, cx + 64, brand, 'DISPOSABLE');
  const body = roundRect(x, 160, 32, 92, 16);
  art.add(body, cylinder(brand.light, x - 32, x + 32));
  art.add(clipped(roundRect(x, 196, 32, 12), body), brand.dark, 0.55);
  art.add(roundRect(x, 60, 14, 16, 6), cylinder(INK, x - 14, x + 14));
  art.add(roundRect(x, 112, 11, 28, 6), amber(random), 0.9);
  art.add(circle(x, 236, 3.5), hsl(190, 0.9, 0.6));
}

export function concentrateJar(art: Art, { random, cx, brand }: DrawContext) {
  const x = cx - 40;
  shadow(art, cx, 252, 140);
  const parchment = rotated(roundRect(cx + 108, 230, 44, 26, 3), -0.12, cx + 108, 230);
  art.add(parchment, CREAM);
  const dab = union(circle(cx + 100, 228, 14), circle(cx + 115, 233, 11), circle(cx + 108, 219, 9));
  const wax = amber(random);
  art.add(dab, wax);
  art.add(circle(cx + 102, 222, 4), WHITE, 0.55);
  const body = roundRect(x, 198, 86, 52, 16);
  art.add(body, glass(40), 0.55);
  art.add(clipped(ellipse(x, 230, 80, 30), body), wax, 0.95);
  art.add(ellipse(x - 24, 216, 20, 6), WHITE, 0.4);
  art.add(outline(body, 2), hsl(200, 0.08, 0.7), 0.9);
  art.add(roundRect(x, 188, 66, 12, 2), WHITE, 0.92);
  label(art, 'CONCENTRATE', x, 188, 116, 1.6, INK);
  art.add(roundRect(x, 128, 92, 24, 9), cylinder(brand.ink, x - 92, x + 92));
  art.add(roundRect(x, 106, 86, 3, 1.5), brand.light);
  label(art, brand.label, x, 129, 168, 3.2, WHITE);
}
