/**
 * Property test (issue 14): no public measure returns NaN or ±Infinity for finite input. Seeded random inputs
 * (the library's seededRandom) of magnitudes from 1e-300 to 1e300 — each input of one magnitude with a spread, or
 * of magnitudes mixed across the whole range — must give a finite result in the documented range, or a RangeError
 * (an input whose true result the double range cannot hold, or a degenerate one such as every value rounding to
 * equal); never another error.
 */
import { describe, expect, it } from 'vitest';
import * as L from '../../lib/index';
import { hasNonFinite } from './classify';

const TRIALS = 150;

/** A generator of positive magnitudes: `kind` 'one' (a common magnitude, values within a factor 10) or 'mixed'. */
function draws(seed: number) {
  const random = L.seededRandom(seed);
  const magnitude = () => 10 ** (-300 + 600 * random());
  return {
    random,
    positive(n: number, kind: 'one' | 'mixed'): number[] {
      const base = magnitude();
      return Array.from({ length: n }, () => (kind === 'one' ? base * (0.5 + 5 * random()) : magnitude()));
    },
    size: (min: number, max: number) => min + Math.floor(random() * (max - min + 1)),
    kind: (): 'one' | 'mixed' => (random() < 0.5 ? 'one' : 'mixed'),
  };
}

/** Run one trial: a result that passes `inRange`, or a RangeError; anything else fails with the input shown. */
function check(name: string, seed: number, input: unknown, run: () => unknown, inRange: (r: never) => boolean): void {
  let result: unknown;
  try {
    result = run();
  } catch (e) {
    expect(e, `${name} (seed ${seed}) threw ${String(e)} for ${JSON.stringify(input)}`).toBeInstanceOf(RangeError);
    return;
  }
  const where = `${name} (seed ${seed}) returned ${JSON.stringify(result, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v))?.slice(0, 300)} for ${JSON.stringify(input)}`;
  expect(hasNonFinite(result), where).toBe(false);
  expect((inRange as (r: unknown) => boolean)(result), where).toBe(true);
}

const between = (lo: number, hi: number) => (v: number) => v >= lo && v <= hi;
const nonNegative = (v: number) => v >= 0;

/** Measures of (values, weights): name, call, the documented range of the result. */
const DISTRIBUTION: [string, (x: number[], w: number[] | null) => unknown, (r: never) => boolean][] = [
  ['gini', (x, w) => L.gini(x, w), between(0, 1)],
  ['theil L', (x, w) => L.theil(x, w), nonNegative],
  ['theil T', (x, w) => L.theil(x, w, { variant: 'T' }), nonNegative],
  ['theilContributions', (x, w) => L.theilContributions(x, w).total, nonNegative],
  ['generalizedEntropy(-1)', (x, w) => L.generalizedEntropy(x, -1, w), nonNegative],
  ['generalizedEntropy(0.5)', (x, w) => L.generalizedEntropy(x, 0.5, w), nonNegative],
  ['generalizedEntropy(2)', (x, w) => L.generalizedEntropy(x, 2, w), nonNegative],
  ['atkinson(0.5)', (x, w) => L.atkinson(x, 0.5, w), between(0, 1)],
  ['atkinson(2)', (x, w) => L.atkinson(x, 2, w), between(0, 1)],
  ['coefficientOfVariation', (x, w) => L.coefficientOfVariation(x, w), nonNegative],
  [
    'lorenzCurve',
    (x, w) => L.lorenzCurve(x, w),
    (c: L.LorenzCurve) => Array.from(c.L).every((v, i, a) => v >= 0 && v <= 1 && (i === 0 || v >= a[i - 1])) && Array.from(c.p).every(between(0, 1)),
  ],
  ['dagumGiniDecomposition', (x, w) => L.dagumGiniDecomposition(x, x.map((_, i) => (i % 2 ? 'a' : 'b')), w).total, between(0, 1)],
  [
    'theilDecomposition',
    (x, w) => L.theilDecomposition(x, x.map((_, i) => (i % 3 ? 'a' : 'b')), w),
    (d: L.TheilDecomposition) => d.total >= 0 && d.between >= 0 && d.within >= 0 && between(0, 1)(d.betweenShare),
  ],
];

describe('measures of a distribution: finite and in range, or a RangeError, for magnitudes 1e-300 to 1e300', () => {
  for (const [name, run, inRange] of DISTRIBUTION) {
    it(name, () => {
      for (let t = 0; t < TRIALS; t++) {
        const seed = 1000 + t;
        const d = draws(seed);
        const n = d.size(2, 12);
        const x = d.positive(n, d.kind());
        const w = d.random() < 0.5 ? null : d.positive(n, d.kind());
        check(name, seed, { x, w }, () => run(x, w), inRange);
      }
    });
  }
});

describe('other measures at extreme magnitudes', () => {
  it('concentrationIndex and concentrationCurve', () => {
    for (let t = 0; t < TRIALS; t++) {
      const seed = 2000 + t;
      const d = draws(seed);
      const n = d.size(2, 12);
      const x = d.positive(n, d.kind());
      const rank = d.positive(n, d.kind());
      const w = d.random() < 0.5 ? null : d.positive(n, d.kind());
      check('concentrationIndex', seed, { x, rank, w }, () => L.concentrationIndex(x, rank, w), (c: L.ConcentrationIndexResult) => between(-1, 1)(c.index) && c.standardError >= 0);
      check('concentrationCurve', seed, { x, rank, w }, () => L.concentrationCurve(x, rank, w), (c: L.ConcentrationCurve) => Array.from(c.L).every(between(0, 1)));
    }
  });

  it('agglomeration', () => {
    for (let t = 0; t < TRIALS; t++) {
      const seed = 3000 + t;
      const d = draws(seed);
      const n = d.size(2, 12);
      const input = { resource: d.positive(n, d.kind()), population: d.positive(n, d.kind()), area: d.positive(n, d.kind()) };
      check('agglomeration', seed, input, () => L.agglomeration(input), (a: L.AgglomerationResult) => a.resourceShare.every(between(0, 1)) && a.hrad.every(nonNegative));
    }
  });

  it('averageAnnualGrowthRate and growthBetween', () => {
    for (let t = 0; t < TRIALS; t++) {
      const seed = 4000 + t;
      const d = draws(seed);
      const [first, last] = d.positive(2, d.kind());
      const years = d.size(1, 50);
      check('averageAnnualGrowthRate', seed, { first, last, years }, () => L.averageAnnualGrowthRate(first, last, years), (g: number) => g >= -1);
      check('growthBetween', seed, { first, last, years }, () => L.growthBetween([2000, 2000 + years], [first, last], 2000, 2000 + years), (g: L.GrowthPeriod) => g.ratio >= 0 && g.averageAnnualGrowthRate >= -1);
    }
  });

  it('gm11, dgm11, levelRatioTest, greyVerhulst, rollingGm11 and holdOut, with forecasts', () => {
    for (let t = 0; t < TRIALS; t++) {
      const seed = 5000 + t;
      const d = draws(seed);
      const n = d.size(4, 10);
      const series = d.positive(n, d.kind());
      check('gm11', seed, { series }, () => {
        const m = L.gm11(series);
        return { a: m.developmentCoefficient, b: m.greyInput, C: m.C, P: m.P, fitted: m.fitted, forecast: m.forecast(5) };
      }, (m: { C: number; P: number }) => m.C >= 0 && between(0, 1)(m.P));
      check('dgm11', seed, { series }, () => {
        const m = L.dgm11(series);
        return { fitted: m.fitted, forecast: m.forecast(5) };
      }, () => true);
      check('levelRatioTest', seed, { series }, () => L.levelRatioTest(series), (r: L.LevelRatioTest) => r.ratios.every((v) => v > 0));
      check('greyVerhulst', seed, { series }, () => {
        const m = L.greyVerhulst(series);
        return { fitted: m.fitted, forecast: m.forecast(5) };
      }, () => true);
      check('rollingGm11', seed, { series }, () => L.rollingGm11(series, { window: 4 }).forecast(3), () => true);
      const longer = series.concat(series.slice(0, 4));
      check('holdOut', seed, { longer }, () => L.holdOut(L.dgm11, longer, 2), (h: { meanAbsolutePercentageError: number; rootMeanSquareError: number }) => h.meanAbsolutePercentageError >= 0 && h.rootMeanSquareError >= 0);
    }
  });

  it('the HEAT summary measures', () => {
    const measures: [string, (g: L.HeatSubgroup[]) => unknown][] = [
      ['difference', (g) => L.difference(g, { indicator: 'favourable' })],
      ['ratio', (g) => L.ratio(g, { indicator: 'favourable' })],
      ['populationAttributableRisk', (g) => L.populationAttributableRisk(g, { indicator: 'favourable', scale: 100 })],
      ['populationAttributableFraction', (g) => L.populationAttributableFraction(g, { indicator: 'favourable', scale: 100 })],
      ['slopeIndexOfInequality', (g) => L.slopeIndexOfInequality(g, { scale: 100 })],
      ['relativeIndexOfInequality', (g) => L.relativeIndexOfInequality(g, { scale: 100 })],
      ['betweenGroupVariance', (g) => L.betweenGroupVariance(g)],
      ['betweenGroupStandardDeviation', (g) => L.betweenGroupStandardDeviation(g)],
      ['meanDifference', (g) => L.meanDifference(g, { from: 'mean', weighted: true })],
      ['indexOfDisparity', (g) => L.indexOfDisparity(g, { weighted: true })],
      ['heatSummary', (g) => L.heatSummary(g, { indicator: 'favourable', scale: 100 })],
    ];
    for (let t = 0; t < 60; t++) {
      const seed = 8000 + t;
      const d = draws(seed);
      const k = d.size(3, 6);
      const [estimates, populations, errors] = [d.positive(k, d.kind()), d.positive(k, d.kind()), d.positive(k, d.kind())];
      const groups = estimates.map((estimate, i) => ({ estimate, population: populations[i], standardError: errors[i], order: i + 1 }));
      for (const [name, run] of measures) check(name, seed, groups, () => run(groups), () => true);
    }
  });

  it('bootstrap and the permutation tests (few replicates)', () => {
    for (let t = 0; t < 40; t++) {
      const seed = 6000 + t;
      const d = draws(seed);
      const n = d.size(4, 10);
      const x = d.positive(n, d.kind());
      const groups = x.map((_, i) => (i % 2 ? 'a' : 'b'));
      check('bootstrap', seed, { x }, () => L.bootstrap((v: Float64Array) => L.gini(v), [x], { replicates: 20, seed }), (b: L.BootstrapResult) => between(0, 1)(b.estimate) && b.lower <= b.upper);
      check('theilPermutationTest', seed, { x }, () => L.theilPermutationTest(x, groups, null, { permutations: 19, seed }), (p: { pValue: number }) => between(0, 1)(p.pValue));
      check('dagumPermutationTest', seed, { x }, () => L.dagumPermutationTest(x, groups, null, { permutations: 19, seed }), (p: { pValue: number }) => between(0, 1)(p.pValue));
    }
  });
});
