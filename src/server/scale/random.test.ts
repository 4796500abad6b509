import { describe, expect, it } from 'vitest';
import { createRandom } from './random';

describe('seeded random streams', () => {
  it('give the same numbers for the same seed, and other numbers for another', () => {
    const draw = (seed: number) => {
      const r = createRandom(seed);
      return Array.from({ length: 20 }, () => r.next());
    };
    expect(draw(2569)).toEqual(draw(2569));
    expect(draw(2569)).not.toEqual(draw(2570));
    for (const x of draw(1)) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('forks independent streams: drawing from one does not move another', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const fromA = a.fork('proposals');
    a.next();
    a.next();
    const fromB = b.fork('proposals');
    expect(Array.from({ length: 5 }, () => fromA.next())).toEqual(
      Array.from({ length: 5 }, () => fromB.next()),
    );
    expect(a.fork('x').next()).not.toBe(a.fork('y').next());
  });

  it('makes deterministic version-4 UUIDs', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => createRandom(i).uuid());
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(createRandom('s').uuid()).toBe(createRandom('s').uuid());
  });

  it('draws integers in range, distinct samples and full shuffles', () => {
    const r = createRandom(3);
    for (let i = 0; i < 500; i += 1) {
      const n = r.int(-2, 4);
      expect(Number.isInteger(n) && n >= -2 && n <= 4).toBe(true);
    }
    const items = Array.from({ length: 50 }, (_, i) => i);
    const sample = r.sample(items, 20);
    expect(new Set(sample).size).toBe(20);
    expect(r.shuffle(items).sort((a, b) => a - b)).toEqual(items);
    expect(r.sample(items, 80)).toHaveLength(50);
  });
});
