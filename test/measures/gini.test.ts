import { describe, expect, it } from 'vitest';
import { gini } from '../../lib/index';
import { readMexico, testRandom } from '../helpers/mexico';

// R package ineq 0.2-13, tests/Examples/ineq-Ex.Rout.save
const R_INEQ_X = Object.freeze([541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261]);

/** Li et al. Eq. (1), literally: G = 1 - sum (X_i - X_{i-1})(Y_i + Y_{i-1}), areas sorted by resource per person. */
function liEquation1(resource: number[], population: number[]): number {
  const idx = resource.map((_, i) => i).sort((a, b) => resource[a] / population[a] - resource[b] / population[b]);
  const totalR = resource.reduce((a, b) => a + b, 0);
  const totalP = population.reduce((a, b) => a + b, 0);
  let X = 0;
  let Y = 0;
  let s = 0;
  for (const i of idx) {
    const X1 = X + population[i] / totalP;
    const Y1 = Y + resource[i] / totalR;
    s += (X1 - X) * (Y1 + Y);
    X = X1;
    Y = Y1;
  }
  return 1 - s;
}

/** The definition: half the weighted mean absolute difference over the mean, O(n^2). */
function meanDifferenceGini(x: number[], w: number[]): number {
  const W = w.reduce((a, b) => a + b, 0);
  const mu = x.reduce((a, v, i) => a + v * w[i], 0) / W;
  let s = 0;
  for (let i = 0; i < x.length; i++) for (let j = 0; j < x.length; j++) s += w[i] * w[j] * Math.abs(x[i] - x[j]);
  return s / (2 * W * W * mu);
}

describe('gini: values printed by other software', () => {
  it('R ineq: Gini(x) = 0.4620911 and Gini(x, corr = TRUE) = 0.5134346', () => {
    // R ineq 0.2-13: Gini(x) = 0.4620911; printed to 7 decimals, so 5e-8 of rounding
    expect(Math.abs(gini(R_INEQ_X) - 0.4620911)).toBeLessThan(5e-8);
    // R ineq 0.2-13: Gini(x, corr = TRUE) = 0.5134346
    expect(Math.abs(gini(R_INEQ_X, null, { correction: true }) - 0.5134346)).toBeLessThan(5e-8);
  });

  it('PySAL inequality: Gini of pcgdp1940 (mexico.csv) = 0.35372371173452849', () => {
    const { columns } = readMexico();
    // PySAL inequality test_gini.py: Gini(pcgdp1940).g = 0.35372371173452849 (full double precision)
    expect(gini(columns.pcgdp1940)).toBeCloseTo(0.35372371173452849, 14);
  });
});

describe('gini: hand-derivable cases', () => {
  it('gives 0 for an equal distribution, 1/2 for half with nothing, (n-1)/n for one holder', () => {
    expect(gini([4, 4, 4, 4])).toBeCloseTo(0, 15);
    expect(gini([0, 0, 0, 10, 10, 10])).toBeCloseTo(0.5, 15);
    expect(gini([0, 0, 0, 1])).toBeCloseTo(0.75, 15);
    expect(gini([0, 0, 0, 1], null, { correction: true })).toBeCloseTo(1, 15);
  });

  it('weighted [2, 1, 4] by [10, 30, 60] = 69/290 (pairwise differences by hand)', () => {
    // pairs: 0.3*0.1*1 + 0.3*0.6*3 + 0.1*0.6*2 = 0.69, times 2 over (2 * mean 2.9) = 0.69 / 2.9
    expect(gini([2, 1, 4], [10, 30, 60])).toBeCloseTo(69 / 290, 15);
  });
});

describe('gini: the grouped-data identity (Li et al. Eq. 1 = population-weighted Gini of per-capita values)', () => {
  it('holds on a six-region table (synthetic numbers)', () => {
    const resource = [52_000, 38_500, 61_200, 24_800, 47_300, 15_900]; // e.g. physicians
    const population = [9_800_000, 8_100_000, 12_500_000, 6_900_000, 7_400_000, 4_200_000];
    const perCapita = resource.map((r, i) => r / population[i]);
    const g = gini(perCapita, population);
    expect(g).toBeCloseTo(liEquation1(resource, population), 14);
    expect(g).toBeCloseTo(meanDifferenceGini(perCapita, population), 14);
  });

  it('holds on 32 Mexican states with pseudo-random populations', () => {
    const { columns } = readMexico();
    const rnd = testRandom(2024);
    const population = columns.pcgdp2000.map(() => Math.round(500_000 + 15_000_000 * rnd()));
    const perCapita = columns.pcgdp2000;
    const resource = perCapita.map((v, i) => v * population[i]);
    expect(gini(perCapita, population)).toBeCloseTo(liEquation1(resource, population), 14);
    expect(gini(perCapita, population)).toBeCloseTo(meanDifferenceGini(perCapita, population), 14);
  });
});

describe('gini: invariants', () => {
  const rnd = testRandom(7);
  const x = Object.freeze(Array.from({ length: 300 }, () => Math.exp(2 * rnd())));
  const w = Object.freeze(Array.from({ length: 300 }, () => 10 + 1000 * rnd()));

  it('is scale invariant in values and in weights', () => {
    const g = gini(x, w);
    expect(gini(x.map((v) => v * 1e6), w)).toBeCloseTo(g, 13);
    expect(gini(x, w.map((v) => v * 3.7e-4))).toBeCloseTo(g, 13);
  });

  it('does not depend on the order of units', () => {
    const perm = x.map((_, i) => (i * 7) % 300);
    expect(gini(perm.map((i) => x[i]), perm.map((i) => w[i]))).toBeCloseTo(gini(x, w), 14);
  });

  it('a unit with zero weight changes nothing', () => {
    expect(gini([...x, 1e6], [...w, 0])).toBeCloseTo(gini(x, w), 14);
  });

  it('integer weights equal repeating the units (ties handled without blocks)', () => {
    expect(gini([1, 5, 2], [2, 1, 3])).toBeCloseTo(gini([1, 1, 5, 2, 2, 2]), 15);
  });

  it('equal weights give the unweighted value', () => {
    expect(gini(x, x.map(() => 2.5))).toBeCloseTo(gini(x), 14);
  });

  it('agrees with the O(n^2) definition above the radix-sort threshold (n = 2500, with ties)', () => {
    const r = testRandom(3);
    const big = Array.from({ length: 2500 }, () => Math.round(50 * r()));
    const bw = Array.from({ length: 2500 }, () => 1 + Math.round(9 * r()));
    expect(gini(big, bw)).toBeCloseTo(meanDifferenceGini(big, bw), 13);
    expect(gini(big)).toBeCloseTo(meanDifferenceGini(big, big.map(() => 1)), 13);
  });

  it('accepts typed arrays and does not modify frozen inputs', () => {
    expect(gini(Float64Array.from(R_INEQ_X))).toBeCloseTo(gini(R_INEQ_X), 15);
    expect(Object.isFrozen(R_INEQ_X)).toBe(true);
  });
});

describe('gini: bad input', () => {
  it('throws clear errors, never NaN', () => {
    expect(() => gini([])).toThrow(/gini requires at least 2 units/);
    expect(() => gini([3])).toThrow(/gini requires at least 2 units/);
    expect(() => gini([1, 2], [1, 2, 3])).toThrow(/gini: values and weights differ in length/);
    expect(() => gini([1, NaN, 3])).toThrow(/gini: values is NaN \(unit 1\)/);
    expect(() => gini([1, -Infinity])).toThrow(/gini: values is infinite \(unit 1\)/);
    expect(() => gini([1, -2])).toThrow(/gini: values must be non-negative \(unit 1 is -2\)/);
    expect(() => gini([1, 2], [1, -2])).toThrow(/gini: weights must be non-negative \(unit 1 is -2\)/);
    expect(() => gini([1, 2], [0, 0])).toThrow(/gini: weights must have a positive total/);
    expect(() => gini([0, 0, 0])).toThrow(/gini: values are all zero/);
    expect(() => gini([0, 0, 5], [1, 1, 0])).toThrow(/gini: values are all zero \(or carry zero weight\)/);
    expect(() => gini(null as unknown as number[])).toThrow(TypeError);
    expect(() => gini([1, '2'] as unknown as number[])).toThrow(TypeError);
  });

  it('refuses the n/(n-1) correction with weights', () => {
    expect(() => gini([1, 2], [1, 1], { correction: true })).toThrow(/correction applies to unweighted data only/);
  });

  it('names units by label', () => {
    expect(() => gini([1, 2, NaN], null, { labels: ['Beijing', 'Tianjin', 'Tibet'] })).toThrow(/unit 2: Tibet/);
  });

  it('needs at least two units with positive weight (one unit alone would give a meaningless 0)', () => {
    expect(() => gini([0, 5], [1, 0])).toThrow(RangeError);
    expect(() => gini([0, 5], [1, 0])).toThrow('gini requires at least two units with positive weight (only unit 0 has one)');
    expect(() => gini([1, 2, 3], [0, 0, 4], { labels: ['Beijing', 'Tianjin', 'Tibet'] })).toThrow(
      'gini requires at least two units with positive weight (only unit 2: Tibet has one)',
    );
    expect(gini([1, 2, 3], [0, 1, 1])).toBeCloseTo(gini([2, 3]), 15); // two are enough; the zero weight changes nothing
  });

  it('rejects labels whose length differs from the values, and labels that are not strings', () => {
    expect(() => gini([1, 2, 3], null, { labels: ['Beijing', 'Tianjin'] })).toThrow(RangeError);
    expect(() => gini([1, 2, 3], null, { labels: ['Beijing', 'Tianjin'] })).toThrow('gini: values and labels differ in length (3 and 2)');
    expect(() => gini([1, 2], [1, 1], { labels: ['a', 'b', 'c'] })).toThrow('gini: values and labels differ in length (2 and 3)');
    expect(() => gini([1, 2], null, { labels: 'ab' as unknown as string[] })).toThrow(TypeError);
    expect(() => gini([1, 2], null, { labels: 'ab' as unknown as string[] })).toThrow('gini: labels must be an array of strings');
    expect(() => gini([1, 2], null, { labels: ['a', 2] as unknown as string[] })).toThrow(
      'gini: labels must be an array of strings (label 1 is number)',
    );
  });

  it('requires a boolean correction and an options object', () => {
    for (const bad of [1, 'yes', 'false', null]) {
      expect(() => gini([1, 2], null, { correction: bad as unknown as boolean })).toThrow(TypeError);
    }
    expect(() => gini([1, 2], null, { correction: 1 as unknown as boolean })).toThrow('gini: correction must be true or false (got 1)');
    expect(() => gini([1, 2], null, { correction: 'false' as unknown as boolean })).toThrow(
      "gini: correction must be true or false (got 'false')",
    );
    expect(gini([1, 3], null, { correction: false })).toBe(gini([1, 3]));
    expect(() => gini([1, 2], null, null as unknown as {})).toThrow('gini: options must be an object');
    expect(() => gini([1, 2], null, 5 as unknown as {})).toThrow(TypeError);
  });
});

describe('unknown options (kernel checkOptions)', () => {
  it('gini: a misspelt option is a TypeError naming the function and the key', () => {
    const call = (): unknown => gini([1, 2, 3], null, { corection: true } as never);
    expect(call).toThrow(TypeError);
    expect(call).toThrow("gini: unknown option 'corection': did you mean 'correction'? (known: correction, labels)");
  });
});
