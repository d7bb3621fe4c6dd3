import { hsl, type Rgb } from './canvas';
import { type Art, CREAM, cylinder, INK, label, outline, SILVER, shadow, WHITE } from './kit';
import type { DrawContext } from './plant-goods';
import { capsule, circle, clipped, ellipse, rotated, roundRect } from './shapes';

/** Edibles, drinks, tinctures, topicals, seeds, clones and accessories, drawn at scene size 400 × 300. */

const CANDY_HUES = [0, 18, 42, 95, 280, 330];

export function edibles(art: Art, { random, cx, brand }: DrawContext) {
  shadow(art, cx, 254, 96);
  const pouch = roundRect(cx, 154, 76, 98, 12);
  art.add(pouch, cylinder(brand.ink, cx - 76, cx + 76));
  art.add(clipped(roundRect(cx, 66, 80, 10), pouch), brand.dark);
  art.add(capsule(cx - 68, 84, cx + 68, 84, 1.2), brand.dark, 0.7);
  label(art, brand.label, cx, 112, 132, 3, WHITE);
  const window = circle(cx, 180, 38);
  art.add(window, WHITE, 0.92);
  for (let piece = 0; piece < 7; piece++) {
    const [x, y] = [cx + random.int(-26, 26), 180 + random.int(-24, 24)];
    const gummy = rotated(roundRect(x, y, 10, 10, 4.5), random.next() * Math.PI, x, y);
    art.add(clipped(gummy, window), hsl(random.pick(CANDY_HUES), 0.75, 0.55));
    art.add(clipped(circle(x - 3, y - 3, 2.5), window), WHITE, 0.5);
  }
  art.add(outline(window, 2), brand.dark, 0.6);
  label(art, 'EDIBLES', cx, 236, 110, 1.8, WHITE);
}

function can(art: Art, x: number, colour: Rgb, brand: { label: string; ink: Rgb }, fruit: Rgb) {
  const body = roundRect(x, 158, 44, 92, 10);
  art.add(body, cylinder(colour, x - 44, x + 44));
  art.add(roundRect(x, 246, 40, 5, 3), cylinder(SILVER, x - 40, x + 40));
  art.add(ellipse(x, 68, 40, 8), cylinder(SILVER, x - 40, x + 40));
  art.add(ellipse(x, 67, 34, 5.5), hsl(210, 0.06, 0.86));
  art.add(clipped(roundRect(x, 168, 44, 24), body), WHITE, 0.94);
  label(art, brand.label, x, 163, 80, 2.4, brand.ink);
  label(art, 'SELTZER', x, 180, 64, 1.5, INK);
  art.add(circle(x, 116, 15), fruit);
  art.add(rotated(ellipse(x + 8, 98, 4, 9), 0.7, x + 8, 98), hsl(110, 0.5, 0.4));
}

export function beverages(art: Art, { random, cx, brand }: DrawContext) {
  shadow(art, cx + 20, 250, 110);
  const fruit = hsl(random.pick(CANDY_HUES), 0.8, 0.55);
  can(art, cx + 52, brand.light, brand, fruit);
  can(art, cx - 48, brand.ink, brand, fruit);
}

export function tincture(art: Art, { random, cx, brand }: DrawContext) {
  shadow(art, cx, 254, 70);
  art.add(capsule(cx, 40, cx, 64, 13), cylinder(INK, cx - 13, cx + 13));
  art.add(roundRect(cx, 90, 22, 18, 3), cylinder(hsl(0, 0, 0.2), cx - 22, cx + 22));
  const glassHue = random.pick([28, 28, 200]);
  const bottleColour = hsl(glassHue, 0.7, 0.3);
  art.add(roundRect(cx, 114, 14, 8, 2), bottleColour);
  art.add(roundRect(cx, 184, 44, 70, 16), cylinder(bottleColour, cx - 44, cx + 44));
  art.add(roundRect(cx, 192, 38, 34, 3), CREAM);
  art.add(roundRect(cx, 167, 38, 5, 0), brand.ink);
  label(art, brand.label, cx, 184, 68, 2.2, brand.ink);
  label(art, 'TINCTURE', cx, 200, 62, 1.3, INK);
  label(art, '30ML', cx, 213, 30, 1.3, INK);
}

export function topicalTin(art: Art, { random, cx, brand }: DrawContext) {
  shadow(art, cx, 240, 110);
  for (let leaf = 0; leaf < 4; leaf++) {
    const [x, y] = [cx - 118 + leaf * 14, 236 - leaf * 8];
    art.add(rotated(ellipse(x, y, 6, 15), -0.9 + leaf * 0.35, x, y), hsl(115 + random.int(-12, 12), 0.38, 0.42));
  }
  art.add(roundRect(cx, 208, 92, 30, 12), cylinder(SILVER, cx - 92, cx + 92));
  label(art, 'RELIEF BALM', cx, 212, 120, 1.8, INK);
  art.add(roundRect(cx, 168, 96, 20, 9), cylinder(brand.ink, cx - 96, cx + 96));
  label(art, brand.label, cx, 168, 160, 2.8, WHITE);
}

export function seedVial(art: Art, { random, cx, brand }: DrawContext) {
  const x = cx - 46;
  shadow(art, cx, 250, 120);
  art.add(roundRect(cx + 66, 162, 62, 76, 6), CREAM);
  art.add(roundRect(cx + 66, 100, 62, 14, 0), brand.ink);
  label(art, brand.label, cx + 66, 150, 104, 2.4, brand.ink);
  label(art, 'SEEDS', cx + 66, 176, 60, 2, INK);
  const vial = roundRect(x, 168, 24, 78, 11);
  art.add(vial, hsl(200, 0.15, 0.93), 0.5);
  for (let seed = 0; seed < 26; seed++) {
    const [sx, sy] = [x + random.int(-15, 15), 238 - seed * 1.6 + random.int(-3, 3)];
    art.add(
      clipped(rotated(ellipse(sx, sy, 6, 4), random.next() * Math.PI, sx, sy), vial),
      hsl(30, 0.35, 0.25 + random.next() * 0.2),
    );
  }
  art.add(outline(vial, 2), hsl(200, 0.08, 0.7), 0.9);
  art.add(roundRect(x - 13, 160, 3, 50, 3), WHITE, 0.5);
  art.add(roundRect(x, 84, 27, 14, 4), cylinder(brand.ink, x - 27, x + 27));
  for (const [sx, sy] of [
    [cx + 20, 258],
    [cx + 36, 262],
    [cx + 10, 266],
  ] as const) {
    art.add(rotated(ellipse(sx, sy, 6, 4), random.next() * Math.PI, sx, sy), hsl(30, 0.35, 0.32));
  }
}

export function clone(art: Art, { random, cx, brand }: DrawContext) {
  shadow(art, cx, 252, 70);
  art.add(capsule(cx, 196, cx, 122, 3.5), hsl(105, 0.45, 0.35));
  const green = random.int(100, 125);
  const leaflets = random.pick([5, 7]);
  for (const [x, y, size, spread] of [
    [cx, 120, 40, 1.5],
    [cx, 166, 24, 2.2],
  ] as const) {
    const count = size > 30 ? leaflets : 2;
    for (let leaf = 0; leaf < count; leaf++) {
      const angle = count === 1 ? 0 : -spread / 2 + (spread * leaf) / (count - 1);
      const length = size * (1 - Math.abs(angle) * 0.25);
      const shape = rotated(ellipse(x, y - length / 2, 6, length / 2), angle, x, y);
      art.add(shape, hsl(green + random.int(-8, 8), 0.5, 0.32 + random.next() * 0.1));
    }
  }
  art.add(roundRect(cx, 224, 42, 28, 5), cylinder(hsl(45, 0.2, 0.8), cx - 42, cx + 42));
  art.add(roundRect(cx, 198, 42, 4, 3), hsl(45, 0.18, 0.88));
  art.add(roundRect(cx + 86, 196, 44, 16, 3), brand.ink);
  art.add(capsule(cx + 60, 212, cx + 60, 250, 2), brand.ink);
  label(art, brand.label, cx + 86, 196, 80, 2, WHITE);
}

export function grinder(art: Art, { cx, brand }: DrawContext) {
  shadow(art, cx, 244, 96);
  art.add(roundRect(cx, 214, 74, 26, 8), cylinder(brand.ink, cx - 74, cx + 74));
  art.add(roundRect(cx, 174, 72, 16, 4), cylinder(SILVER, cx - 72, cx + 72));
  const lid = roundRect(cx, 132, 76, 28, 10);
  art.add(lid, cylinder(brand.ink, cx - 76, cx + 76));
  for (let ridge = 0; ridge < 15; ridge++) {
    const x = cx - 70 + ridge * 10;
    art.add(clipped(capsule(x, 108, x, 156, 1), lid), WHITE, 0.14);
  }
  label(art, brand.label, cx, 216, 120, 2.4, WHITE);
}
