/**
 * Seeded randomness for the demo data: mulberry32 plus a few helpers. Only 32-bit integer
 * arithmetic and one division, so the same seed gives the same numbers on every platform.
 */

export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks from [item, weight] pairs; weights need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** Fisher–Yates shuffle of a copy. */
  shuffle<T>(items: readonly T[]): T[];
  /** `count` distinct items (fewer if the list is shorter), in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** An independent stream derived from this seed and a label, so parts do not shift each other. */
  fork(label: string): Rng;
}

/** FNV-1a over UTF-16 code units: stable 32-bit hash of a label. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRng(seed: number): Rng {
  const base = seed >>> 0;
  let state = base;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const rng: Rng = {
    next,
    int,
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    weighted<T>(items: readonly (readonly [T, number])[]): T {
      let total = 0;
      for (const [, w] of items) total += Math.max(0, w);
      if (items.length === 0 || total <= 0) throw new Error('weighted pick without positive weights');
      let r = next() * total;
      for (const [item, w] of items) {
        r -= Math.max(0, w);
        if (r < 0) return item;
      }
      return (items[items.length - 1] as readonly [T, number])[0];
    },
    shuffle<T>(items: readonly T[]): T[] {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = out[i] as T;
        out[i] = out[j] as T;
        out[j] = tmp;
      }
      return out;
    },
    sample<T>(items: readonly T[], count: number): T[] {
      return rng.shuffle(items).slice(0, Math.max(0, count));
    },
    fork: (label) => createRng((Math.imul(base ^ hash32(label), 0x9e3779b1) ^ hash32(`${label}#${base}`)) >>> 0),
  };
  return rng;
}

/**
 * Deterministic ids: `prefix_000001`, one counter per prefix. All ids match /^[A-Za-z0-9_-]+$/.
 */
export function createIdMaker(width = 6): (prefix: string) => string {
  const counters = new Map<string, number>();
  return (prefix) => {
    if (!/^[A-Za-z0-9_-]+$/.test(prefix)) throw new Error(`bad id prefix ${prefix}`);
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    return `${prefix}_${String(n).padStart(width, '0')}`;
  };
}
