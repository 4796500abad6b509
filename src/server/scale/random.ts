/**
 * A small seeded pseudo-random generator for the scale data (sfc32, 128-bit state, seeded by cyrb128 of a string).
 * Every stream is a pure function of its seed: the same seed gives the same numbers on every machine. `fork(label)`
 * makes an independent stream per phase or per item, so that changing how many numbers one phase draws never shifts
 * the numbers of another.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (both included). */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** `count` distinct elements (all of them when there are fewer), in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** A new array with the elements in random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** A standard normal number (Box–Muller). */
  normal(): number;
  /** A random version-4 UUID drawn from this stream (deterministic, unlike crypto.randomUUID). */
  uuid(): string;
  /** An independent stream named by `label` under this stream's seed. */
  fork(label: string | number): Random;
}

/** cyrb128: four 32-bit hashes of a string, used to seed sfc32. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i += 1) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

const hex8 = (n: number) => n.toString(16).padStart(8, '0');

/** A stream seeded by `seed` (any string or number). */
export function createRandom(seed: string | number): Random {
  const key = String(seed);
  let [a, b, c, d] = cyrb128(key);
  const nextUint32 = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  // The first outputs of sfc32 are weakly mixed: skip them.
  for (let i = 0; i < 12; i += 1) {
    nextUint32();
  }
  const next = () => nextUint32() / 4294967296;
  const random: Random = {
    next,
    int(min, max) {
      return min + Math.floor(next() * (max - min + 1));
    },
    chance(p) {
      return next() < p;
    },
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) {
        throw new RangeError('pick from an empty list');
      }
      return items[Math.floor(next() * items.length)] as T;
    },
    sample<T>(items: readonly T[], count: number): T[] {
      if (count >= items.length) {
        return random.shuffle(items);
      }
      // Partial Fisher–Yates over a copy of the indexes that are touched only.
      const chosen = new Map<number, number>();
      const out: T[] = [];
      for (let i = 0; i < count; i += 1) {
        const j = i + Math.floor(next() * (items.length - i));
        const atJ = chosen.get(j) ?? j;
        chosen.set(j, chosen.get(i) ?? i);
        out.push(items[atJ] as T);
      }
      return out;
    },
    shuffle<T>(items: readonly T[]): T[] {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i -= 1) {
        const j = Math.floor(next() * (i + 1));
        const tmp = out[i] as T;
        out[i] = out[j] as T;
        out[j] = tmp;
      }
      return out;
    },
    normal() {
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    uuid() {
      const a = nextUint32();
      const b = ((nextUint32() & 0xffff0fff) | 0x00004000) >>> 0;
      const c = ((nextUint32() & 0x3fffffff) | 0x80000000) >>> 0;
      const d = nextUint32();
      const h = hex8(a) + hex8(b) + hex8(c) + hex8(d);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
    fork(label) {
      return createRandom(`${key}/${String(label)}`);
    },
  };
  return random;
}
