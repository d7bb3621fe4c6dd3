import type { Shape } from './shapes';

/** A 5 × 7 block font for the labels on seeded packaging: capitals, digits and a little punctuation. */
const GLYPHS: Record<string, string> = {
  A: '.###.|#...#|#...#|#####|#...#|#...#|#...#',
  B: '####.|#...#|#...#|####.|#...#|#...#|####.',
  C: '.###.|#...#|#....|#....|#....|#...#|.###.',
  D: '####.|#...#|#...#|#...#|#...#|#...#|####.',
  E: '#####|#....|#....|####.|#....|#....|#####',
  F: '#####|#....|#....|####.|#....|#....|#....',
  G: '.###.|#...#|#....|#.###|#...#|#...#|.####',
  H: '#...#|#...#|#...#|#####|#...#|#...#|#...#',
  I: '.###.|..#..|..#..|..#..|..#..|..#..|.###.',
  J: '..###|...#.|...#.|...#.|...#.|#..#.|.##..',
  K: '#...#|#..#.|#.#..|##...|#.#..|#..#.|#...#',
  L: '#....|#....|#....|#....|#....|#....|#####',
  M: '#...#|##.##|#.#.#|#.#.#|#...#|#...#|#...#',
  N: '#...#|#...#|##..#|#.#.#|#..##|#...#|#...#',
  O: '.###.|#...#|#...#|#...#|#...#|#...#|.###.',
  P: '####.|#...#|#...#|####.|#....|#....|#....',
  Q: '.###.|#...#|#...#|#...#|#.#.#|#..#.|.##.#',
  R: '####.|#...#|#...#|####.|#.#..|#..#.|#...#',
  S: '.####|#....|#....|.###.|....#|....#|####.',
  T: '#####|..#..|..#..|..#..|..#..|..#..|..#..',
  U: '#...#|#...#|#...#|#...#|#...#|#...#|.###.',
  V: '#...#|#...#|#...#|#...#|#...#|.#.#.|..#..',
  W: '#...#|#...#|#...#|#.#.#|#.#.#|#.#.#|.#.#.',
  X: '#...#|#...#|.#.#.|..#..|.#.#.|#...#|#...#',
  Y: '#...#|#...#|.#.#.|..#..|..#..|..#..|..#..',
  Z: '#####|....#|...#.|..#..|.#...|#....|#####',
  '0': '.###.|#...#|#..##|#.#.#|##..#|#...#|.###.',
  '1': '..#..|.##..|..#..|..#..|..#..|..#..|.###.',
  '2': '.###.|#...#|....#|...#.|..#..|.#...|#####',
  '3': '#####|...#.|..#..|...#.|....#|#...#|.###.',
  '4': '...#.|..##.|.#.#.|#..#.|#####|...#.|...#.',
  '5': '#####|#....|####.|....#|....#|#...#|.###.',
  '6': '..##.|.#...|#....|####.|#...#|#...#|.###.',
  '7': '#####|....#|...#.|..#..|.#...|.#...|.#...',
  '8': '.###.|#...#|#...#|.###.|#...#|#...#|.###.',
  '9': '.###.|#...#|#...#|.####|....#|...#.|.##..',
  '-': '.....|.....|.....|.###.|.....|.....|.....',
  '.': '.....|.....|.....|.....|.....|.##..|.##..',
  '%': '##...|##..#|...#.|..#..|.#...|#..##|...##',
  ' ': '.....|.....|.....|.....|.....|.....|.....',
};

const ROWS = 7;
/** Five columns of glyph and one of spacing. */
const ADVANCE = 6;

/** Columns of lit cells for `text` (unknown characters become spaces). */
function cellsOf(text: string): { lit: Uint8Array; columns: number } {
  const chars = [...text.toUpperCase()];
  const columns = Math.max(1, chars.length * ADVANCE - 1);
  const lit = new Uint8Array(columns * ROWS);
  chars.forEach((char, index) => {
    const rows = (GLYPHS[char] ?? GLYPHS[' '] ?? '').split('|');
    rows.forEach((row, y) => {
      for (let x = 0; x < row.length; x++) if (row[x] === '#') lit[y * columns + index * ADVANCE + x] = 1;
    });
  });
  return { lit, columns };
}

/** The cell size that fits `text` into `maxWidth`, at most `maxCell`. */
export const cellToFit = (text: string, maxWidth: number, maxCell: number) =>
  Math.min(maxCell, maxWidth / Math.max(1, text.length * ADVANCE - 1));

/** One line of text centred on (cx, cy), each font cell `cell` scene units square. */
export function text(value: string, cx: number, cy: number, cell: number): Shape {
  const { lit, columns } = cellsOf(value);
  const [x0, y0] = [cx - (columns * cell) / 2, cy - (ROWS * cell) / 2];
  const corner = cell * 0.12;
  /** Half a cell, grown by a little overlap, less the corner radius that the distance adds back. */
  const reach = cell / 2 + corner * 0.5 - corner;
  const sdf = (x: number, y: number) => {
    const gx = Math.floor((x - x0) / cell);
    const gy = Math.floor((y - y0) / cell);
    let distance = cell;
    for (let j = gy - 1; j <= gy + 1; j++) {
      if (j < 0 || j >= ROWS) continue;
      for (let i = gx - 1; i <= gx + 1; i++) {
        if (i < 0 || i >= columns || lit[j * columns + i] !== 1) continue;
        // A rounded box per lit cell, a little larger than the cell: neighbours merge into one stroke.
        const dx = Math.abs(x - (x0 + (i + 0.5) * cell)) - reach;
        const dy = Math.abs(y - (y0 + (j + 0.5) * cell)) - reach;
        const box = Math.sqrt(Math.max(dx, 0) ** 2 + Math.max(dy, 0) ** 2) + Math.min(Math.max(dx, dy), 0) - corner;
        distance = Math.min(distance, box);
      }
    }
    return distance;
  };
  return { sdf, box: [x0, y0, x0 + columns * cell, y0 + ROWS * cell] };
}
