/**
 * Deterministic ids for the seeded hauling data (valid v4-shaped UUIDs, like those in demo.ts), so a
 * second seed run finds the same rows instead of duplicating them.
 */
const KIND_CODES = {
  customer: 1,
  site: 2,
  yard: 3,
  dumpSite: 4,
  material: 5,
  driver: 6,
  truck: 7,
  job: 8,
  dispatch: 9,
} as const;

export type SeedKind = keyof typeof KIND_CODES;

/** e.g. seedId("job", 1, 7) → "e0800001-0000-4000-8000-000000000007" (division 1 = North). */
export function seedId(kind: SeedKind, division: number, index: number): string {
  const head = `e0${KIND_CODES[kind]}0000${division}`;
  return `${head}-0000-4000-8000-${String(index).padStart(12, "0")}`;
}

/** A small deterministic PRNG (mulberry32): same seed → same demo data on every machine. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick() needs a non-empty list");
  return item;
}
