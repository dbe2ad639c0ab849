// A seeded generator written inline (mulberry32, public domain, 32-bit state): Math.random cannot
// be seeded, and the demo must be identical on every machine and Node version for a seed, so a
// tutorial's "order EU-10001" is the same order for every reader. Ten lines do not need a package.

/** A reproducible stream of random choices; not for anything secret. */
export interface Prng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight: [['card', 7], ['paypal', 3]]. */
  weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T;
  shuffle<T>(items: readonly T[]): T[];
  /** Fills a pattern: '#' becomes a digit, 'A' a capital letter, anything else stays. */
  fill(pattern: string): string;
}

/** A mulberry32 generator started from `seed`. */
export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(0, items.length - 1)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  };
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick,
    weighted: (choices) => {
      const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [value, weight] of choices) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return pick(choices)[0];
    },
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j] as (typeof copy)[number], copy[i] as (typeof copy)[number]];
      }
      return copy;
    },
    fill: (pattern) =>
      pattern.replace(/[#A]/g, (c) => (c === '#' ? String(int(0, 9)) : String.fromCharCode(65 + int(0, 25)))),
  };
}

/**
 * `count` labels in the given relative shares, exactly (largest remainders), unshuffled:
 * apportion([['a', 40], ['b', 60]], 5) → a, a, b, b, b.
 */
export function apportion<T>(shares: ReadonlyArray<readonly [T, number]>, count: number): T[] {
  const total = shares.reduce((sum, [, share]) => sum + share, 0);
  const counts = shares.map(([label, share]) => ({
    label,
    n: Math.floor((count * share) / total),
    rest: (count * share) % total,
  }));
  let missing = count - counts.reduce((sum, c) => sum + c.n, 0);
  for (const c of [...counts].sort((a, b) => b.rest - a.rest)) {
    if (missing-- <= 0) break;
    c.n += 1;
  }
  return counts.flatMap((c) => Array<T>(c.n).fill(c.label));
}
