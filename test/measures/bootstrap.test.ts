import { describe, expect, it } from 'vitest';
import { bootstrap, concentrationIndex, gini, theil } from '../../lib/index';
import { testRandom } from '../helpers/mexico';

const rnd = testRandom(123);
const VALUES = Object.freeze(Array.from({ length: 31 }, () => 1 + 9 * rnd()));
const WEIGHTS = Object.freeze(Array.from({ length: 31 }, () => 1e5 + 1e7 * rnd()));
const RANK = Object.freeze(Array.from({ length: 31 }, () => 1e4 * rnd()));

describe('bootstrap: reproducible percentile intervals', () => {
  it('the same seed gives the same replicates; another seed gives others', () => {
    const a = bootstrap(({ values, weights }) => gini(values, weights), { values: VALUES, weights: WEIGHTS }, { seed: 42 });
    const b = bootstrap(({ values, weights }) => gini(values, weights), { values: VALUES, weights: WEIGHTS }, { seed: 42 });
    const c = bootstrap(({ values, weights }) => gini(values, weights), { values: VALUES, weights: WEIGHTS }, { seed: 43 });
    expect(Array.from(a.distribution)).toEqual(Array.from(b.distribution));
    expect(a.lower).not.toBe(c.lower);
    expect(a).toMatchObject({ replicates: 1000, seed: 42, level: 0.95 });
    expect(a.distribution.length).toBe(1000);
  });

  it('columns by position and by name give identical results', () => {
    const named = bootstrap(({ values, weights }) => gini(values, weights), { values: VALUES, weights: WEIGHTS }, { seed: 5 });
    const positional = bootstrap((v, w) => gini(v, w), [VALUES, WEIGHTS], { seed: 5 });
    expect(positional.lower).toBe(named.lower);
    expect(positional.upper).toBe(named.upper);
    expect(positional.estimate).toBe(gini(VALUES, WEIGHTS));
  });

  it('the interval is the type-7 quantiles of the replicates, around the estimate', () => {
    const r = bootstrap((v, w) => theil(v, w), [VALUES, WEIGHTS], { replicates: 500, seed: 2, level: 0.9 });
    const sorted = Array.from(r.distribution).sort((a, b) => a - b);
    const q = (p: number) => {
      const h = (sorted.length - 1) * p;
      const lo = Math.floor(h);
      return sorted[lo] + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]);
    };
    expect(r.lower).toBeCloseTo(q(0.05), 15);
    expect(r.upper).toBeCloseTo(q(0.95), 15);
    expect(r.lower).toBeLessThan(r.estimate);
    expect(r.upper).toBeGreaterThan(r.estimate);
    const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
    expect(r.bias).toBeCloseTo(mean - r.estimate, 15);
    const sd = Math.sqrt(sorted.reduce((a, b) => a + (b - mean) ** 2, 0) / (sorted.length - 1));
    expect(r.standardError).toBeCloseTo(sd, 15);
    const narrow = bootstrap((v, w) => theil(v, w), [VALUES, WEIGHTS], { replicates: 500, seed: 2, level: 0.5 });
    expect(narrow.upper - narrow.lower).toBeLessThan(r.upper - r.lower);
  });

  it('resamples units with their weights and rank variable (the columns stay together)', () => {
    const x = Array.from({ length: 50 }, (_, i) => i);
    const twice = x.map((v) => 2 * v);
    const r = bootstrap(
      (a, b) => {
        for (let i = 0; i < a.length; i++) if (b[i] !== 2 * a[i]) throw new Error('columns out of step');
        return a.reduce((s, v) => s + v, 0);
      },
      [x, twice],
      { replicates: 200, seed: 1 },
    );
    expect(r.estimate).toBe(1225);
    const ci = bootstrap((h, y, w) => concentrationIndex(h, y, w).index, [VALUES, RANK, WEIGHTS], { replicates: 300, seed: 3 });
    expect(ci.estimate).toBe(concentrationIndex(VALUES, RANK, WEIGHTS).index);
    expect(ci.lower).toBeLessThan(ci.upper);
  });

  it('equal weights resample like no weights (the draws do not depend on the columns)', () => {
    const weighted = bootstrap((v, w) => gini(v, w), [VALUES, VALUES.map(() => 3)], { replicates: 200, seed: 11 });
    const unweighted = bootstrap((v) => gini(v), [VALUES], { replicates: 200, seed: 11 });
    for (let r = 0; r < 200; r++) expect(weighted.distribution[r]).toBeCloseTo(unweighted.distribution[r], 14);
  });

  it('the standard error of a mean is close to sd / sqrt(n)', () => {
    const r2 = testRandom(6);
    const x = Array.from({ length: 200 }, () => r2());
    const mean = x.reduce((a, b) => a + b, 0) / 200;
    const sd = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / 200);
    const r = bootstrap((v) => v.reduce((a, b) => a + b, 0) / v.length, [x], { replicates: 2000, seed: 1 });
    expect(Math.abs(r.standardError / (sd / Math.sqrt(200)) - 1)).toBeLessThan(0.1);
  });

  it('does not modify frozen inputs', () => {
    expect(() => bootstrap((v, w) => gini(v, w), [VALUES, WEIGHTS], { replicates: 10 })).not.toThrow();
    expect(Object.isFrozen(VALUES)).toBe(true);
  });
});

describe('bootstrap: bad input', () => {
  const stat = (v: Float64Array) => gini(v);
  it('rejects bad options', () => {
    expect(() => bootstrap(stat, [VALUES], { replicates: 1 })).toThrow(/replicates must be an integer >= 2/);
    expect(() => bootstrap(stat, [VALUES], { replicates: 10.5 })).toThrow(/replicates must be an integer/);
    expect(() => bootstrap(stat, [VALUES], { seed: -1 })).toThrow(/seed must be an integer in \[0, 2\^32\)/);
    expect(() => bootstrap(stat, [VALUES], { seed: 0.5 })).toThrow(/seed must be an integer/);
    expect(() => bootstrap(stat, [VALUES], { level: 1 })).toThrow(/level must be in \(0, 1\)/);
    expect(() => bootstrap(stat, [VALUES], { level: 0 })).toThrow(/level must be in \(0, 1\)/);
  });

  it('rejects bad data', () => {
    expect(() => bootstrap(stat, [] as unknown as [number[]])).toThrow(/bootstrap: data has no columns/);
    expect(() => bootstrap(stat, [[]])).toThrow(/bootstrap: data is empty/);
    expect(() => bootstrap((a, b) => gini(a, b), [[1, 2], [1]])).toThrow(/columns differ in length/);
    expect(() => bootstrap(stat, ['abc'] as unknown as number[][])).toThrow(TypeError);
    expect(() => bootstrap(stat, null as unknown as number[][])).toThrow(TypeError);
    expect(() => bootstrap(null as unknown as typeof stat, [VALUES])).toThrow(/statistic must be a function/);
  });

  it("passes the statistic's own error through for the original data", () => {
    expect(() => bootstrap((v) => gini(v), [[1, -1, 2]])).toThrow(/gini: values must be non-negative \(unit 1 is -1\)/);
  });

  it('names the replicate where the statistic fails or returns a non-finite number', () => {
    // one positive value among zeros: some resamples hold only zeros, where the Gini coefficient is undefined
    expect(() => bootstrap((v) => gini(v), [[0, 0, 0, 0, 0, 0, 5]], { seed: 1 })).toThrow(
      /bootstrap: statistic failed on replicate \d+: gini: values are all zero/,
    );
    expect(() => bootstrap(() => NaN, [VALUES])).toThrow(/statistic returned NaN on the original data/);
    let calls = 0;
    expect(() => bootstrap(() => (++calls === 3 ? Infinity : 1), [VALUES])).toThrow(/statistic returned Infinity on replicate 2/);
  });
});

describe('bootstrap: options found loose in review (issue 3)', () => {
  const stat = (v: Float64Array) => gini(v);
  const VALUES = [1, 2, 3, 4, 5];
  it('a non-number option is a TypeError, a number outside its domain a RangeError', () => {
    expect(() => bootstrap(stat, [VALUES], { replicates: '100' as unknown as number })).toThrow(TypeError);
    expect(() => bootstrap(stat, [VALUES], { replicates: '100' as unknown as number })).toThrow('bootstrap: replicates must be a number (got string)');
    expect(() => bootstrap(stat, [VALUES], { seed: '7' as unknown as number })).toThrow('bootstrap: seed must be a number (got string)');
    expect(() => bootstrap(stat, [VALUES], { level: null as unknown as number })).toThrow('bootstrap: level must be a number (got object)');
    expect(() => bootstrap(stat, [VALUES], { replicates: 0 })).toThrow('bootstrap: replicates must be an integer >= 2 (got 0)');
    expect(() => bootstrap(stat, [VALUES], { replicates: Infinity })).toThrow('bootstrap: replicates must be an integer >= 2 (got Infinity)');
    expect(() => bootstrap(stat, [VALUES], { replicates: NaN })).toThrow(RangeError);
    expect(() => bootstrap(stat, [VALUES], { seed: 2 ** 32 })).toThrow('bootstrap: seed must be an integer in [0, 2^32) (got 4294967296)');
    expect(() => bootstrap(stat, [VALUES], { seed: NaN })).toThrow(RangeError);
    expect(() => bootstrap(stat, [VALUES], { level: NaN })).toThrow('bootstrap: level must be in (0, 1) (got NaN)');
    expect(() => bootstrap(stat, [VALUES], { level: 95 })).toThrow('bootstrap: level must be in (0, 1) (got 95)');
    expect(() => bootstrap(stat, [VALUES], null as unknown as {})).toThrow('bootstrap: options must be an object');
  });
});

describe('unknown options (kernel checkOptions)', () => {
  it('bootstrap: a misspelt option is a TypeError naming the function and the key', () => {
    const call = (): unknown => bootstrap((v: Float64Array) => gini(v), [[1, 2, 3]], { replicate: 10 } as never);
    expect(call).toThrow(TypeError);
    expect(call).toThrow("bootstrap: unknown option 'replicate': did you mean 'replicates'? (known: replicates, seed, level)");
  });
});
