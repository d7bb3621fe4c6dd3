/** Deterministic pseudo-randomness for the catalog generators: the same seed always yields the same catalog. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    // mulberry32: tiny, fast, good enough spread for test data.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const chance = (probability: number) => next() < probability;
  const uuid = () => {
    const hex = Array.from({ length: 16 }, () => int(0, 255));
    hex[6] = ((hex[6] ?? 0) & 0x0f) | 0x40;
    hex[8] = ((hex[8] ?? 0) & 0x3f) | 0x80;
    const s = hex.map((byte) => byte.toString(16).padStart(2, '0')).join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
  return { next, int, pick, chance, uuid };
}
export type Random = ReturnType<typeof seededRandom>;
