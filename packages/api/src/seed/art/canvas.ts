import { crc32, deflateSync } from 'node:zlib';

/**
 * A tiny vector rasteriser for the seed's pictures: a scene is a background and layers of signed distance
 * fields in scene units, drawn back to front at any pixel size. Edges are anti-aliased from the distance, so
 * the same scene renders crisp at a 320 px thumbnail and an 800 px detail image.
 */

export type Rgb = readonly [number, number, number];
/** Signed distance from the shape's edge in scene units, negative inside. */
export type Sdf = (x: number, y: number) => number;
export type Paint = Rgb | ((x: number, y: number) => Rgb);
export type Box = readonly [x0: number, y0: number, x1: number, y1: number];

export interface Layer {
  sdf: Sdf;
  /** Where the shape can be: only these pixels are visited. */
  box: Box;
  paint: Paint;
  alpha?: number;
}

export interface Scene {
  /** Width and height in scene units; pictures keep this aspect ratio. */
  width: number;
  height: number;
  background: (x: number, y: number) => Rgb;
  layers: Layer[];
}

export function hsl(hue: number, saturation: number, lightness: number): Rgb {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (n + (((hue % 360) + 360) % 360) / 30) % 12;
    return Math.round(255 * (lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [channel(0), channel(8), channel(4)];
}

export const mixRgb = (from: Rgb, to: Rgb, t: number): Rgb => [
  from[0] + (to[0] - from[0]) * t,
  from[1] + (to[1] - from[1]) * t,
  from[2] + (to[2] - from[2]) * t,
];

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

interface Target {
  width: number;
  height: number;
  scale: number;
  rgb: Float32Array;
}

/** Tiles of this many pixels square are tested whole first: most are wholly inside or outside a shape. */
const TILE = 8;
/**
 * Slack on that test, since a few distances (ellipses) are close estimates rather than exact: a tile is
 * skipped or filled only when its centre is this many tile radii away from the edge.
 */
const TILE_MARGIN = 1.5;

function blend(target: Target, px: number, py: number, colour: Rgb, coverage: number) {
  const { rgb } = target;
  const offset = (py * target.width + px) * 3;
  rgb[offset] = (rgb[offset] as number) + (colour[0] - (rgb[offset] as number)) * coverage;
  rgb[offset + 1] = (rgb[offset + 1] as number) + (colour[1] - (rgb[offset + 1] as number)) * coverage;
  rgb[offset + 2] = (rgb[offset + 2] as number) + (colour[2] - (rgb[offset + 2] as number)) * coverage;
}

/** One tile of a layer, pixel by pixel; `whole` is set when the tile is known to be inside the shape. */
function drawTile(layer: Layer, target: Target, tile: Box, whole: boolean) {
  const { scale } = target;
  const alpha = layer.alpha ?? 1;
  const { paint, sdf } = layer;
  for (let py = tile[1]; py <= tile[3]; py++) {
    const y = (py + 0.5) / scale;
    for (let px = tile[0]; px <= tile[2]; px++) {
      const x = (px + 0.5) / scale;
      // Distance in pixels: half a pixel either side of the edge is blended.
      const coverage = whole ? alpha : clamp01(0.5 - sdf(x, y) * scale) * alpha;
      if (coverage <= 0) continue;
      blend(target, px, py, typeof paint === 'function' ? paint(x, y) : paint, coverage);
    }
  }
}

function drawLayer(layer: Layer, target: Target) {
  const { scale } = target;
  const [x0, y0, x1, y1] = layer.box;
  const fromX = Math.max(0, Math.floor(x0 * scale) - 1);
  const toX = Math.min(target.width - 1, Math.ceil(x1 * scale) + 1);
  const fromY = Math.max(0, Math.floor(y0 * scale) - 1);
  const toY = Math.min(target.height - 1, Math.ceil(y1 * scale) + 1);
  for (let ty = fromY; ty <= toY; ty += TILE) {
    for (let tx = fromX; tx <= toX; tx += TILE) {
      const tile: Box = [tx, ty, Math.min(tx + TILE - 1, toX), Math.min(ty + TILE - 1, toY)];
      const reach = (Math.hypot(tile[2] - tile[0] + 1, tile[3] - tile[1] + 1) / 2 + 0.5) * TILE_MARGIN;
      const centre = layer.sdf((tile[0] + tile[2] + 1) / 2 / scale, (tile[1] + tile[3] + 1) / 2 / scale) * scale;
      if (centre > reach) continue;
      drawTile(layer, target, tile, centre < -reach);
    }
  }
}

/** Draws the scene `width` pixels wide (height from the scene's aspect ratio) into RGB bytes. */
export function rasterise(scene: Scene, width: number): { width: number; height: number; rgb: Float32Array } {
  const scale = width / scene.width;
  const height = Math.round(scene.height * scale);
  const rgb = new Float32Array(width * height * 3);
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      const colour = scene.background((px + 0.5) / scale, (py + 0.5) / scale);
      const offset = (py * width + px) * 3;
      rgb[offset] = colour[0];
      rgb[offset + 1] = colour[1];
      rgb[offset + 2] = colour[2];
    }
  }
  for (const layer of scene.layers) drawLayer(layer, { width, height, scale, rgb });
  return { width, height, rgb };
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** The Paeth predictor of the PNG specification. */
function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const [toLeft, toUp, toUpLeft] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
}

/**
 * The scene as an 8-bit RGB PNG `width` pixels wide. Every row uses the Paeth filter, which turns flat colours
 * and smooth gradients into runs of zeros (measured: the smallest files of the five filters for these drawings).
 */
export function renderPng(scene: Scene, width: number): Buffer {
  const { height, rgb } = rasterise(scene, width);
  const stride = width * 3;
  const pixels = new Uint8Array(stride * height);
  for (let index = 0; index < pixels.length; index++) pixels[index] = Math.round(rgb[index] as number);
  const filtered = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    filtered[y * (stride + 1)] = 4;
    for (let x = 0; x < stride; x++) {
      const left = x >= 3 ? (pixels[row + x - 3] as number) : 0;
      const up = y > 0 ? (pixels[row - stride + x] as number) : 0;
      const upLeft = x >= 3 && y > 0 ? (pixels[row - stride + x - 3] as number) : 0;
      filtered[y * (stride + 1) + 1 + x] = ((pixels[row + x] as number) - paeth(left, up, upLeft)) & 0xff;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(filtered, { level: 6 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
