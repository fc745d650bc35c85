import { describe, expect, it } from 'vitest';
import { gini, lorenzCurve } from '../../lib/index';
import { testRandom } from '../helpers/mexico';

const R_INEQ_X = Object.freeze([541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261]);

describe('lorenzCurve: hand-derivable cases', () => {
  it('unweighted [1, 2, 3, 4]: cumulative shares 1/10, 3/10, 6/10', () => {
    const { p, L, order } = lorenzCurve([1, 2, 3, 4]);
    expect(Array.from(p)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(Array.from(L)).toEqual([0, 0.1, 0.3, 0.6, 1]);
    expect(Array.from(order)).toEqual([0, 1, 2, 3]);
  });

  it('weighted: sorted by value, p is population share, L resource share (w x)', () => {
    // values 2 and 1 per person, populations 1 and 3: resources 2 and 3, total 5; the poorer unit (1) comes first.
    const { p, L, order } = lorenzCurve([2, 1], [1, 3]);
    expect(Array.from(order)).toEqual([1, 0]);
    expect(Array.from(p)).toEqual([0, 0.75, 1]);
    expect(L[1]).toBeCloseTo(3 / 5, 15);
  });

  it('ties keep input order; a zero value gives a flat start', () => {
    const { L, order } = lorenzCurve([3, 0, 3, 1]);
    expect(Array.from(order)).toEqual([1, 3, 0, 2]);
    expect(L[1]).toBe(0);
  });
});

describe('lorenzCurve: invariants', () => {
  const random = testRandom(11);
  const values = Object.freeze(Array.from({ length: 200 }, () => Math.exp(3 * random())));
  const weights = Object.freeze(Array.from({ length: 200 }, () => 1 + 1000 * random()));

  it('starts at (0, 0), ends exactly at (1, 1), is non-decreasing and convex with L <= p', () => {
    const { p, L } = lorenzCurve(values, weights);
    expect([p[0], L[0], p[200], L[200]]).toEqual([0, 0, 1, 1]);
    for (let k = 1; k <= 200; k++) {
      expect(p[k]).toBeGreaterThanOrEqual(p[k - 1]);
      expect(L[k]).toBeGreaterThanOrEqual(L[k - 1]);
      expect(L[k]).toBeLessThanOrEqual(p[k] + 1e-15);
    }
    // slopes (value relative to the mean) never decrease
    for (let k = 2; k <= 200; k++) {
      const s1 = (L[k - 1] - L[k - 2]) / (p[k - 1] - p[k - 2]);
      const s2 = (L[k] - L[k - 1]) / (p[k] - p[k - 1]);
      expect(s2).toBeGreaterThanOrEqual(s1 * (1 - 1e-12));
    }
  });

  it('one minus twice the area under it (trapezoids) is the Gini coefficient', () => {
    const { p, L } = lorenzCurve(values, weights);
    let area = 0;
    for (let k = 1; k < p.length; k++) area += ((p[k] - p[k - 1]) * (L[k] + L[k - 1])) / 2;
    expect(1 - 2 * area).toBeCloseTo(gini(values, weights), 13);
  });

  it('is unchanged by scaling values or weights and by permuting units', () => {
    const base = lorenzCurve(values, weights);
    const scaled = lorenzCurve(values.map((v) => v * 1000), weights.map((w) => w / 7));
    const perm = values.map((_, i) => (i * 37) % 200); // 37 is coprime with 200
    const permuted = lorenzCurve(perm.map((i) => values[i]), perm.map((i) => weights[i]));
    for (let k = 0; k <= 200; k++) {
      expect(scaled.p[k]).toBeCloseTo(base.p[k], 13);
      expect(scaled.L[k]).toBeCloseTo(base.L[k], 13);
      expect(permuted.p[k]).toBeCloseTo(base.p[k], 13);
      expect(permuted.L[k]).toBeCloseTo(base.L[k], 13);
    }
  });

  it('a unit with zero weight only repeats a point', () => {
    const { p, L } = lorenzCurve([1, 2, 5], [1, 0, 1]);
    expect(Array.from(p)).toEqual([0, 0.5, 0.5, 1]);
    expect(L[1]).toBeCloseTo(1 / 6, 15);
    expect(L[2]).toBeCloseTo(1 / 6, 15);
  });

  it('gives the same curve through the radix sort (n >= 1024) as through the comparison sort', () => {
    const rnd = testRandom(5);
    const big = Array.from({ length: 3000 }, () => Math.round(100 * rnd()) / 10); // many ties
    const { p, L, order } = lorenzCurve(big);
    const expected = big.map((_, i) => i).sort((a, b) => big[a] - big[b] || a - b);
    expect(Array.from(order)).toEqual(expected);
    expect(p[1500]).toBeCloseTo(0.5, 15);
    expect(L[3000]).toBe(1);
  });

  it('does not modify its inputs', () => {
    expect(() => lorenzCurve(R_INEQ_X, R_INEQ_X)).not.toThrow();
    expect(R_INEQ_X[0]).toBe(541);
  });
});

describe('lorenzCurve: bad input', () => {
  it('rejects empty, single-unit, NaN, infinite, negative, mismatched, all-zero and non-array input', () => {
    expect(() => lorenzCurve([])).toThrow(/lorenzCurve requires at least 2 units/);
    expect(() => lorenzCurve([1])).toThrow(/at least 2 units/);
    expect(() => lorenzCurve([1, NaN])).toThrow(/lorenzCurve: values is NaN \(unit 1\)/);
    expect(() => lorenzCurve([1, Infinity])).toThrow(/infinite \(unit 1\)/);
    expect(() => lorenzCurve([1, -1])).toThrow(/must be non-negative \(unit 1 is -1\)/);
    expect(() => lorenzCurve([1, 2], [1])).toThrow(/differ in length/);
    expect(() => lorenzCurve([1, 2], [1, -1])).toThrow(/weights must be non-negative/);
    expect(() => lorenzCurve([1, 2], [0, 0])).toThrow(/positive total/);
    expect(() => lorenzCurve([0, 0])).toThrow(/total resource is zero/);
    expect(() => lorenzCurve('12' as unknown as number[])).toThrow(TypeError);
  });

  it('names the unit by its label when labels are given', () => {
    expect(() => lorenzCurve([1, -2], null, { labels: ['Beijing', 'Tianjin'] })).toThrow(/unit 1: Tianjin/);
  });
});

describe('lorenzCurve: bad input found in review (issue 3)', () => {
  it('needs at least two units with positive weight (the curve of one unit is the diagonal whatever the data)', () => {
    expect(() => lorenzCurve([1, 2, 3], [0, 4, 0])).toThrow(RangeError);
    expect(() => lorenzCurve([1, 2, 3], [0, 4, 0])).toThrow('lorenzCurve requires at least two units with positive weight (only unit 1 has one)');
    expect(Array.from(lorenzCurve([1, 2, 3], [0, 1, 1]).L)).toEqual([0, 0, 0.4, 1]);
  });

  it('labels must be strings, one per unit; options an object', () => {
    expect(() => lorenzCurve([1, 2, 3], null, { labels: ['Beijing', 'Tianjin'] })).toThrow(RangeError);
    expect(() => lorenzCurve([1, 2, 3], null, { labels: ['Beijing', 'Tianjin'] })).toThrow(
      'lorenzCurve: values and labels differ in length (3 and 2)',
    );
    expect(() => lorenzCurve([1, 2], [1, 1], { labels: ['Beijing', 'Tianjin', 'Hebei'] })).toThrow(
      'lorenzCurve: values and labels differ in length (2 and 3)',
    );
    expect(() => lorenzCurve([1, 2], null, { labels: 12 as unknown as string[] })).toThrow('lorenzCurve: labels must be an array of strings');
    expect(() => lorenzCurve([1, 2], null, null as unknown as {})).toThrow('lorenzCurve: options must be an object');
  });
});

describe('unknown options (kernel checkOptions)', () => {
  it('lorenzCurve: a misspelt option is a TypeError naming the function and the key', () => {
    const call = (): unknown => lorenzCurve([1, 2, 3], null, { label: ['a', 'b', 'c'] } as never);
    expect(call).toThrow(TypeError);
    expect(call).toThrow("lorenzCurve: unknown option 'label': did you mean 'labels'? (known: labels)");
  });
});
