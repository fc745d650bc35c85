import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../lib/measures/random';

describe('seededRandom', () => {
  it('repeats its sequence for a seed, and differs between seeds', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
  });

  it('is uniform on [0, 1): mean 1/2 and variance 1/12 over 100,000 draws (within 4 standard errors)', () => {
    const random = seededRandom(7);
    const n = 100_000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const u = random();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
      sumSq += u * u;
    }
    const mean = sum / n;
    // SD of a U(0,1) mean: sqrt(1/12 / n) ≈ 0.000913.
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(sumSq / n - mean * mean).toBeCloseTo(1 / 12, 2);
  });

  it('refuses a seed that is not an integer in [0, 2^32)', () => {
    expect(() => seededRandom(-1)).toThrow(/non-negative/);
    expect(() => seededRandom(1.5)).toThrow(/integer/);
    expect(() => seededRandom(2 ** 32)).toThrow(/integer/);
    expect(() => seededRandom(NaN)).toThrow(/NaN/);
  });
});
