import { describe, expect, it } from 'vitest';
import {
  checkFiniteNumber,
  checkNumber,
  fractionalRanks,
  isArrayLike,
  roundingError,
  sortWithOrder,
  sum,
  sumOfProducts,
} from '../../lib/measures/kernel';
import { testRandom } from '../helpers/mexico';

describe('the compensated sum (roundingError, sum, sumOfProducts)', () => {
  it('roundingError is the exact error of one addition: total + v = fl(total + v) + error', () => {
    // 1e100 + 1 rounds to 1e100: the lost 1 is the error. 0.1 + 0.2 rounds up by 2^-55 (0.30000000000000004).
    expect(roundingError(1e100, 1)).toBe(1);
    expect(roundingError(1, 1e100)).toBe(1);
    expect(roundingError(0.1, 0.2)).toBe(-(2 ** -55));
    expect(roundingError(1, 2)).toBe(0);
    // Exactness on random pairs of all magnitudes: fl(a + b) + error reproduces a + b in double-double arithmetic,
    // i.e. (fl(a + b) - a) - b + error = 0 when computed with the larger operand first (Fast2Sum check).
    const rnd = testRandom(3);
    for (let i = 0; i < 1000; i++) {
      const a = (rnd() - 0.5) * 10 ** Math.floor(20 * rnd() - 10);
      const b = (rnd() - 0.5) * 10 ** Math.floor(20 * rnd() - 10);
      const s = a + b;
      const e = roundingError(a, b);
      const [big, small] = Math.abs(a) >= Math.abs(b) ? [a, b] : [b, a];
      expect(s - big - small + e).toBe(0);
      expect(Math.abs(e)).toBeLessThanOrEqual(Math.abs(s) * Number.EPSILON);
      // The same error as Neumaier's (1974) branch on the larger magnitude, which the kernel used before TwoSum.
      expect(e).toBe(Math.abs(a) >= Math.abs(b) ? a - s + b : b - s + a);
    }
  });

  it('sum is exact where a plain loop loses the small terms', () => {
    expect(sum([1, 1e100, 1, -1e100])).toBe(2);
    expect([1, 1e100, 1, -1e100].reduce((s, v) => s + v, 0)).toBe(0); // the plain loop
    // Ten 0.1s: the plain loop gives 0.9999999999999999; the compensated sum the double nearest 1.
    expect(sum(new Array(10).fill(0.1))).toBe(1);
    expect(sum(Float64Array.from([0.5, 0.25]))).toBe(0.75);
    expect(sum([])).toBe(0);
  });

  it('sumOfProducts is the compensated sum of x[i] y[i]', () => {
    expect(sumOfProducts([1, 2, 3], [4, 5, 6])).toBe(32);
    expect(sumOfProducts([1e100, 1, -1e100, 1], [1, 1, 1, 1])).toBe(2);
  });

  it('shares of a million units sum to 1 within a few ulps', () => {
    const rnd = testRandom(11);
    const x = Float64Array.from({ length: 1_000_000 }, () => Math.exp(5 * rnd()));
    const total = sum(x);
    const shares = x.map((v) => v / total);
    expect(Math.abs(sum(shares) - 1)).toBeLessThanOrEqual(4 * Number.EPSILON);
  });
});

describe('fractionalRanks', () => {
  it('hand-derived: [1, 2, 2, 3] unweighted', () => {
    // Blocks {1}, {2, 2}, {3}; cumulative weights 0, 1, 3, 4; ranks (0 + 1) / 8, (1 + 3) / 8, (3 + 4) / 8.
    const r = fractionalRanks(Object.freeze([1, 2, 2, 3]), null);
    expect(Array.from(r.blockEnd)).toEqual([1, 3, 4]);
    expect(Array.from(r.cumulativeWeight)).toEqual([0, 1, 3, 4]);
    expect(Array.from(r.rank)).toEqual([0.125, 0.5, 0.875]);
  });

  it('weighted: [5, 7] with weights [3, 1] give 3/8 and 7/8; zero weights and -0 = +0 handled', () => {
    expect(Array.from(fractionalRanks([5, 7], [3, 1]).rank)).toEqual([0.375, 0.875]);
    // A zero-weight unit in its own block gets the rank of the weight below it.
    expect(Array.from(fractionalRanks([1, 2, 3], [1, 0, 1]).rank)).toEqual([0.25, 0.5, 0.75]);
    expect(Array.from(fractionalRanks([-0, 0, 1], null).blockEnd)).toEqual([2, 3]);
  });

  it('invariants: weighted mean rank 1/2; ranks increase; equal to the ranks of the repeated units', () => {
    const rnd = testRandom(5);
    const keys = Float64Array.from({ length: 2000 }, () => Math.floor(50 * rnd()));
    const weights = Float64Array.from({ length: 2000 }, () => Math.floor(1 + 5 * rnd()));
    const { sorted, order } = sortWithOrder(keys);
    const sortedWeights = Float64Array.from(order, (i) => weights[i]);
    const r = fractionalRanks(sorted, sortedWeights);
    expect(r.blockEnd.length).toBe(new Set(keys).size);
    const total = r.cumulativeWeight[r.blockEnd.length];
    expect(total).toBe(sum(weights));
    let start = 0;
    let meanRank = 0;
    for (let b = 0; b < r.blockEnd.length; b++) {
      for (let k = start; k < r.blockEnd[b]; k++) meanRank += (sortedWeights[k] / total) * r.rank[b];
      start = r.blockEnd[b];
      if (b > 0) expect(r.rank[b]).toBeGreaterThan(r.rank[b - 1]);
    }
    expect(meanRank).toBeCloseTo(0.5, 14);
  });
});

describe('the shared checks', () => {
  it('isArrayLike: arrays and typed arrays, nothing else', () => {
    expect(isArrayLike([1, 2])).toBe(true);
    expect(isArrayLike(Object.freeze([]))).toBe(true);
    expect(isArrayLike(new Float64Array(2))).toBe(true);
    expect(isArrayLike(new Int32Array(2))).toBe(true);
    for (const x of [null, undefined, 3, 'ab', { length: 2, 0: 1, 1: 2 }, new DataView(new ArrayBuffer(8)), new Set([1])]) {
      expect(isArrayLike(x)).toBe(false);
    }
  });

  it('checkNumber and checkFiniteNumber: TypeError for a non-number, RangeError outside the domain', () => {
    expect(checkNumber('f', 'x', Infinity)).toBe(Infinity);
    expect(() => checkNumber('f', 'x', '3')).toThrow(new TypeError('f: x must be a number (got string)'));
    expect(checkFiniteNumber('f', 'x', -2.5)).toBe(-2.5);
    expect(() => checkFiniteNumber('f', 'x', null)).toThrow(new TypeError('f: x must be a number (got object)'));
    expect(() => checkFiniteNumber('f', 'x', NaN)).toThrow(new RangeError('f: x must be finite (got NaN)'));
    expect(() => checkFiniteNumber('f', 'x', -Infinity)).toThrow(new RangeError('f: x must be finite (got -Infinity)'));
    expect(checkFiniteNumber('f', 'x', 1e-300, 'positive')).toBe(1e-300);
    expect(() => checkFiniteNumber('f', 'x', 0, 'positive')).toThrow(new RangeError('f: x must be positive and finite (got 0)'));
    expect(() => checkFiniteNumber('f', 'x', Infinity, 'positive')).toThrow(
      new RangeError('f: x must be positive and finite (got Infinity)'),
    );
    expect(() => checkFiniteNumber('f', 'x', NaN, 'positive')).toThrow(new RangeError('f: x must be positive and finite (got NaN)'));
  });
});
