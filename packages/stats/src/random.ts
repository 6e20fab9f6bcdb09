/**
 * A seeded source of uniform random numbers. Every randomized statistic takes one, so results are
 * reproducible for a given seed and nothing reads a global generator or the clock.
 */
export interface RandomGenerator {
  /** A uniform float in [0, 1) with 53 random bits. */
  nextFloat(): number;
  /** A uniform integer in [0, bound), bound ≤ 2^32, without modulo bias. */
  nextInt(bound: number): number;
}

/**
 * xoshiro128** (Blackman & Vigna, 2018) seeded through splitmix32: fast, small state, good statistical quality.
 * @example const rng = createRandom(42); rng.nextFloat();
 */
export function createRandom(seed: number): RandomGenerator {
  let s = seed >>> 0;
  const splitmix32 = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix32();
  let b = splitmix32();
  let c = splitmix32();
  let d = splitmix32();
  // Mix in the high bits of seeds above 2^32 so nearby large seeds differ.
  d = (d ^ Math.floor(seed / 0x100000000)) >>> 0;
  if ((a | b | c | d) === 0) a = 1;

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };

  return {
    nextFloat(): number {
      const hi = nextUint32() >>> 5; // 27 bits
      const lo = nextUint32() >>> 6; // 26 bits
      return (hi * 67108864 + lo) / 9007199254740992;
    },
    nextInt(bound: number): number {
      if (!Number.isInteger(bound) || bound < 1 || bound > 0x100000000) {
        throw new RangeError(`nextInt: bound must be an integer in [1, 2^32], got ${String(bound)}`);
      }
      // Lemire-style rejection: drop the values that would bias the low residues.
      const limit = 0x100000000 - (0x100000000 % bound);
      for (;;) {
        const x = nextUint32();
        if (x < limit) return x % bound;
      }
    },
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** A standard normal draw (Box–Muller, polar form). */
export function sampleStandardNormal(rng: RandomGenerator): number {
  for (;;) {
    const u = 2 * rng.nextFloat() - 1;
    const v = 2 * rng.nextFloat() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/** Shuffles `values` in place (Fisher–Yates) and returns it. */
export function shuffleInPlace<T extends { length: number; [i: number]: unknown }>(values: T, rng: RandomGenerator): T {
  for (let i = values.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const tmp = values[i];
    values[i] = values[j];
    values[j] = tmp;
  }
  return values;
}
