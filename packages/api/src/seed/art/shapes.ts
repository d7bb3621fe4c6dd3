import type { Box, Layer, Paint, Sdf } from './canvas';

/** Signed distance functions (after Inigo Quilez) and the layers built from them, in scene units. */

/** `Math.hypot` is several times slower, and this runs per pixel. */
export const length = (x: number, y: number) => Math.sqrt(x * x + y * y);

export interface Shape {
  sdf: Sdf;
  box: Box;
}

export const circle = (cx: number, cy: number, r: number): Shape => ({
  sdf: (x, y) => length(x - cx, y - cy) - r,
  box: [cx - r, cy - r, cx + r, cy + r],
});

/** A close approximation of the distance to an ellipse: good enough for anti-aliased edges. */
export const ellipse = (cx: number, cy: number, rx: number, ry: number): Shape => ({
  sdf: (x, y) => {
    const k0 = length((x - cx) / rx, (y - cy) / ry);
    const k1 = length((x - cx) / (rx * rx), (y - cy) / (ry * ry));
    return k1 === 0 ? -Math.min(rx, ry) : (k0 * (k0 - 1)) / k1;
  },
  box: [cx - rx, cy - ry, cx + rx, cy + ry],
});

/** Centre, half width and height, corner radius. */
export const roundRect = (cx: number, cy: number, hw: number, hh: number, r = 0): Shape => ({
  sdf: (x, y) => {
    const dx = Math.abs(x - cx) - hw + r;
    const dy = Math.abs(y - cy) - hh + r;
    return length(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - r;
  },
  box: [cx - hw, cy - hh, cx + hw, cy + hh],
});

/** A line from a to b with round ends, `r` thick on each side. */
export const capsule = (ax: number, ay: number, bx: number, by: number, r: number): Shape => ({
  sdf: (x, y) => {
    const [pax, pay, bax, bay] = [x - ax, y - ay, bx - ax, by - ay];
    const h = Math.max(0, Math.min(1, (pax * bax + pay * bay) / (bax * bax + bay * bay)));
    return length(pax - bax * h, pay - bay * h) - r;
  },
  box: [Math.min(ax, bx) - r, Math.min(ay, by) - r, Math.max(ax, bx) + r, Math.max(ay, by) + r],
});

/** Any simple polygon, exact distance. */
export function polygon(points: readonly (readonly [number, number])[]): Shape {
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  return {
    sdf: (x, y) => {
      const first = points[0] as readonly [number, number];
      let distance = (x - first[0]) ** 2 + (y - first[1]) ** 2;
      let sign = 1;
      for (let i = 0, j = points.length - 1; i < points.length; j = i, i++) {
        const [vix, viy] = points[i] as readonly [number, number];
        const [vjx, vjy] = points[j] as readonly [number, number];
        const [ex, ey, wx, wy] = [vjx - vix, vjy - viy, x - vix, y - viy];
        const h = Math.max(0, Math.min(1, (wx * ex + wy * ey) / (ex * ex + ey * ey)));
        distance = Math.min(distance, (wx - ex * h) ** 2 + (wy - ey * h) ** 2);
        const [c1, c2, c3] = [y >= viy, y < vjy, ex * wy > ey * wx];
        if ((c1 && c2 && c3) || (!c1 && !c2 && !c3)) sign = -sign;
      }
      return sign * Math.sqrt(distance);
    },
    box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
  };
}

/** The shape turned by `angle` radians around (cx, cy). */
export function rotated(shape: Shape, angle: number, cx: number, cy: number): Shape {
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const [x0, y0, x1, y1] = shape.box;
  const corners = [
    [x0, y0],
    [x1, y0],
    [x0, y1],
    [x1, y1],
  ].map(([x = 0, y = 0]) => [cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos]);
  return {
    sdf: (x, y) => shape.sdf(cx + (x - cx) * cos + (y - cy) * sin, cy - (x - cx) * sin + (y - cy) * cos),
    box: [
      Math.min(...corners.map(([x = 0]) => x)),
      Math.min(...corners.map(([, y = 0]) => y)),
      Math.max(...corners.map(([x = 0]) => x)),
      Math.max(...corners.map(([, y = 0]) => y)),
    ],
  };
}

/** The part of `shape` inside `clip` (e.g. oil inside a glass tank). */
export const clipped = (shape: Shape, clip: Shape): Shape => ({
  sdf: (x, y) => Math.max(shape.sdf(x, y), clip.sdf(x, y)),
  box: shape.box,
});

export const union = (...shapes: Shape[]): Shape => ({
  sdf: (x, y) => {
    let distance = Number.POSITIVE_INFINITY;
    for (const shape of shapes) distance = Math.min(distance, shape.sdf(x, y));
    return distance;
  },
  box: [
    Math.min(...shapes.map((shape) => shape.box[0])),
    Math.min(...shapes.map((shape) => shape.box[1])),
    Math.max(...shapes.map((shape) => shape.box[2])),
    Math.max(...shapes.map((shape) => shape.box[3])),
  ],
});

export const layer = (shape: Shape, paint: Paint, alpha = 1): Layer => ({ ...shape, paint, alpha });
