import { describe, expect, it } from 'vitest';
import { bootstrap, concentrationCurve, concentrationIndex, gini } from '../../lib/index';
import { readMexico, testRandom } from '../helpers/mexico';

/** Kakwani, Wagstaff & van Doorslaer (1997) grouped-data variance, literally: (1/n)[sum f a^2 - (1 + C)^2]. */
function kwvVariance(x: number[], rankBy: number[], w: number[]): { C: number; variance: number } {
  // groups = units, sorted by rankBy, assumed distinct here
  const idx = x.map((_, i) => i).sort((a, b) => rankBy[a] - rankBy[b]);
  const W = w.reduce((a, b) => a + b, 0);
  const mu = x.reduce((a, v, i) => a + v * w[i], 0) / W;
  const f = idx.map((i) => w[i] / W);
  const q: number[] = [0];
  const R: number[] = [];
  let F = 0;
  idx.forEach((i, t) => {
    R.push(F + f[t] / 2);
    F += f[t];
    q.push(q[t] + (f[t] * x[i]) / mu);
  });
  let C = 0;
  idx.forEach((i, t) => (C += f[t] * (x[i] / mu) * (2 * R[t] - 1)));
  let s = 0;
  idx.forEach((i, t) => {
    const a = (x[i] / mu) * (2 * R[t] - 1 - C) + 2 - q[t] - q[t + 1];
    s += f[t] * a * a;
  });
  return { C, variance: (s - (1 + C) ** 2) / x.length };
}

describe('concentrationIndex: hand-derivable cases', () => {
  it('[1, 2, 3, 4] ranked ascending: ranks 1/8 ... 7/8, cov 0.3125, C = 2 * 0.3125 / 2.5 = 0.25', () => {
    const r = concentrationIndex([1, 2, 3, 4], [10, 20, 30, 40]);
    expect(r.index).toBeCloseTo(0.25, 15);
    expect(r.covarianceFormula).toBeCloseTo(0.25, 15);
    expect(r.curveAreaFormula).toBeCloseTo(0.25, 15);
    expect(r.generalized).toBeCloseTo(0.625, 15); // mean 2.5 * 0.25
    expect(r).toMatchObject({ correction: 'none', bounds: null, mean: 2.5, units: 4, distinctRanks: 4 });
  });

  it('reversing the ranking flips the sign; a resource proportional to population gives 0', () => {
    expect(concentrationIndex([1, 2, 3, 4], [40, 30, 20, 10]).index).toBeCloseTo(-0.25, 15);
    expect(concentrationIndex([5, 5, 5], [3, 1, 2], [10, 20, 70]).index).toBeCloseTo(0, 15);
  });

  it('binary [0, 0, 1, 1] held by the top half: C = 0.5, Wagstaff = Erreygers = 1 (their maximum)', () => {
    const rank = [1, 2, 3, 4];
    expect(concentrationIndex([0, 0, 1, 1], rank).index).toBeCloseTo(0.5, 15);
    expect(concentrationIndex([0, 0, 1, 1], rank, null, { correction: 'wagstaff', bounds: [0, 1] }).index).toBeCloseTo(1, 15);
    expect(concentrationIndex([0, 0, 1, 1], rank, null, { correction: 'erreygers', bounds: [0, 1] }).index).toBeCloseTo(1, 15);
  });

  it('Wagstaff is C / (1 - mean) and Erreygers 4 mean C on [0, 1]', () => {
    const h = [0.1, 0.3, 0.2, 0.7, 0.6];
    const z = [1, 2, 3, 4, 5];
    const c = concentrationIndex(h, z);
    expect(concentrationIndex(h, z, null, { correction: 'wagstaff', bounds: [0, 1] }).index).toBeCloseTo(c.index / (1 - c.mean), 15);
    expect(concentrationIndex(h, z, null, { correction: 'erreygers', bounds: [0, 1] }).index).toBeCloseTo(4 * c.mean * c.index, 15);
  });

  it('ties in rankBy share their mean rank: [1, 2, 2, 3] gives ranks 1/8, 1/2, 1/2, 7/8', () => {
    const { rank, p, L } = concentrationCurve([1, 1, 1, 1], [1, 2, 2, 3]);
    expect(Array.from(rank)).toEqual([0.125, 0.5, 0.5, 0.875]);
    expect(Array.from(p)).toEqual([0, 0.25, 0.75, 1]);
    expect(Array.from(L)).toEqual([0, 0.25, 0.75, 1]);
  });

  it('weighted fractional rank: share ranked below plus half the own share', () => {
    const { rank } = concentrationCurve([1, 1, 1], [3, 1, 2], [10, 30, 60]);
    expect(rank[1]).toBeCloseTo(0.15, 15);
    expect(rank[2]).toBeCloseTo(0.3 + 0.3, 15);
    expect(rank[0]).toBeCloseTo(0.9 + 0.05, 15);
  });
});

describe('concentrationIndex: invariants', () => {
  const rnd = testRandom(31);
  const n = 500;
  const x = Object.freeze(Array.from({ length: n }, () => Math.exp(rnd())));
  const z = Object.freeze(Array.from({ length: n }, () => Math.round(40 * rnd()))); // many ties
  const w = Object.freeze(Array.from({ length: n }, () => 1 + 50 * rnd()));

  it('the covariance and curve-area formulas agree (weighted, with ties)', () => {
    const r = concentrationIndex(x, z, w);
    expect(r.distinctRanks).toBeLessThanOrEqual(41);
    expect(Math.abs(r.covarianceFormula - r.curveAreaFormula)).toBeLessThan(1e-14);
  });

  it('ranked by the variable itself it is the Gini coefficient', () => {
    expect(concentrationIndex(x, x, w).index).toBeCloseTo(gini(x, w), 14);
    const { columns } = readMexico();
    expect(concentrationIndex(columns.pcgdp1940, columns.pcgdp1940).index).toBeCloseTo(0.35372371173452849, 14);
  });

  it('does not depend on the order of units, nor on the order of tied units', () => {
    const perm = x.map((_, i) => (i * 77) % n); // 77 is coprime with 500
    const a = concentrationIndex(x, z, w);
    const b = concentrationIndex(perm.map((i) => x[i]), perm.map((i) => z[i]), perm.map((i) => w[i]));
    expect(b.index).toBeCloseTo(a.index, 14);
    expect(b.curveAreaFormula).toBeCloseTo(a.curveAreaFormula, 14);
    expect(b.standardError).toBeCloseTo(a.standardError, 14);
  });

  it('merging a tie block into one unit (total weight, weighted mean value) gives the same index', () => {
    const merged = concentrationIndex([1, (2 * 3 + 6 * 1) / 4, 5], [1, 2, 3], [2, 4, 1]);
    const split = concentrationIndex([1, 2, 6, 5], [1, 2, 2, 3], [2, 3, 1, 1]);
    expect(split.index).toBeCloseTo(merged.index, 15);
    expect(split.curveAreaFormula).toBeCloseTo(merged.curveAreaFormula, 15);
  });

  it('integer weights equal repeating the units', () => {
    const weighted = concentrationIndex([1, 3, 2], [5, 9, 7], [2, 1, 3]);
    const repeated = concentrationIndex([1, 1, 3, 2, 2, 2], [5, 5, 9, 7, 7, 7]);
    expect(weighted.index).toBeCloseTo(repeated.index, 15);
  });

  it('scale invariant in values, weights and (monotone) rankBy; a zero-weight unit changes nothing', () => {
    const base = concentrationIndex(x, z, w).index;
    expect(concentrationIndex(x.map((v) => v * 1e3), z, w).index).toBeCloseTo(base, 14);
    expect(concentrationIndex(x, z.map((v) => Math.exp(v / 10) - 100), w.map((v) => v / 9)).index).toBeCloseTo(base, 14);
    const extra = concentrationIndex([...x, 1e9], [...z, 20.5], [...w, 0]);
    expect(extra.index).toBeCloseTo(base, 14);
    expect(extra.units).toBe(n);
  });

  it('corrections rescale with the bounds: [0, 10] on h equals [0, 1] on h / 10', () => {
    const h = [2, 7, 4, 9, 1];
    const r = [5, 1, 4, 2, 3];
    for (const correction of ['wagstaff', 'erreygers'] as const) {
      const wide = concentrationIndex(h, r, null, { correction, bounds: [0, 10] });
      const unit = concentrationIndex(h.map((v) => v / 10), r, null, { correction, bounds: [0, 1] });
      expect(wide.index).toBeCloseTo(unit.index, 15);
      expect(wide.bounds).toEqual([0, 10]);
      expect(wide.covarianceFormula).toBeCloseTo(unit.covarianceFormula, 15);
    }
    // Erreygers depends only on the generalized index: adding a constant (and to the bounds) leaves it unchanged
    const shifted = concentrationIndex(h.map((v) => v + 5), r, null, { correction: 'erreygers', bounds: [5, 15] });
    expect(shifted.index).toBeCloseTo(concentrationIndex(h, r, null, { correction: 'erreygers', bounds: [0, 10] }).index, 14);
  });

  it('the curve runs from (0, 0) to (1, 1) with one point per distinct rank', () => {
    const c = concentrationCurve(x, z, w);
    const r = concentrationIndex(x, z, w);
    expect(c.p.length).toBe(r.distinctRanks + 1);
    expect([c.p[0], c.L[0], c.p[c.p.length - 1], c.L[c.L.length - 1]]).toEqual([0, 0, 1, 1]);
    let area = 0;
    for (let k = 1; k < c.p.length; k++) area += (c.p[k] - c.p[k - 1]) * (c.L[k] + c.L[k - 1]);
    expect(1 - area).toBeCloseTo(r.curveAreaFormula, 15);
    expect(Object.isFrozen(x)).toBe(true);
  });

  it('above the radix-sort threshold (n = 3000, with ties) the two formulas still agree', () => {
    const r2 = testRandom(8);
    const bx = Array.from({ length: 3000 }, () => r2() * 10);
    const bz = Array.from({ length: 3000 }, () => Math.round(r2() * 300) - 150);
    const bw = Array.from({ length: 3000 }, () => r2());
    const r = concentrationIndex(bx, bz, bw);
    expect(Math.abs(r.covarianceFormula - r.curveAreaFormula)).toBeLessThan(1e-13);
    const c = concentrationCurve(bx, bz, bw);
    for (let k = 1; k < c.order.length; k++) expect(bz[c.order[k]]).toBeGreaterThanOrEqual(bz[c.order[k - 1]]);
  });
});

describe('concentrationIndex: standard error (Kakwani, Wagstaff & van Doorslaer 1997)', () => {
  it('equals the grouped-data formula (1/n)[sum f a^2 - (1 + C)^2] computed literally', () => {
    const { columns } = readMexico();
    const rnd = testRandom(77);
    const population = columns.pcgdp2000.map(() => 1e5 + 1e7 * rnd());
    const resource = columns.pcgdp1990.map((v) => v / 1000 + 5 * rnd()); // anything non-negative per person
    const r = concentrationIndex(resource, columns.pcgdp2000, population);
    const literal = kwvVariance(resource, columns.pcgdp2000, population);
    expect(r.index).toBeCloseTo(literal.C, 14);
    expect(r.standardError).toBeCloseTo(Math.sqrt(literal.variance), 13);
    expect(r.units).toBe(32);
  });

  it('for individual data it agrees with the bootstrap standard error within 15 % (n = 400)', () => {
    const rnd = testRandom(4);
    const income = Array.from({ length: 400 }, () => Math.exp(rnd() * 2));
    const health = income.map((v) => v * 0.5 + 3 * rnd());
    const r = concentrationIndex(health, income);
    const b = bootstrap((h, y) => concentrationIndex(h, y).index, [health, income], { replicates: 1000, seed: 9 });
    expect(Math.abs(r.standardError / b.standardError - 1)).toBeLessThan(0.15);
  });
});

describe('concentrationIndex: bad input', () => {
  it('rejects bad values, ranks and weights, naming the function and unit', () => {
    expect(() => concentrationIndex([], [])).toThrow(/concentrationIndex requires at least 2 units/);
    expect(() => concentrationIndex([1, 2], [1, 2, 3])).toThrow(/concentrationIndex: values and rankBy differ in length/);
    expect(() => concentrationIndex([1, 2], [1, 2], [1])).toThrow(/values and weights differ in length/);
    expect(() => concentrationIndex([1, -2], [1, 2])).toThrow(/values must be non-negative \(unit 1 is -2\)/);
    expect(() => concentrationIndex([1, 2], [1, NaN])).toThrow(/rankBy is NaN \(unit 1\)/);
    expect(() => concentrationIndex([1, Infinity], [1, 2])).toThrow(/values is infinite/);
    expect(() => concentrationIndex([1, 2], [1, 2], [-1, 2])).toThrow(/weights must be non-negative/);
    expect(() => concentrationIndex([1, 2], [1, 2], [0, 0])).toThrow(/positive total/);
    expect(() => concentrationIndex([0, 0], [1, 2])).toThrow(/values are all zero/);
    expect(() => concentrationCurve([1, 2], [1, NaN], null, { labels: ['Anhui', 'Fujian'] })).toThrow(/concentrationCurve: rankBy is NaN \(unit 1: Fujian\)/);
  });

  it('rejects bad corrections and bounds', () => {
    expect(() => concentrationIndex([1, 2], [1, 2], null, { correction: 'kakwani' as 'none' })).toThrow(/correction must be/);
    expect(() => concentrationIndex([0.1, 0.2], [1, 2], null, { correction: 'wagstaff' })).toThrow(/needs bounds/);
    expect(() => concentrationIndex([0.1, 0.2], [1, 2], null, { bounds: [0, 1] })).toThrow(/bounds are used only/);
    expect(() => concentrationIndex([0.1, 0.2], [1, 2], null, { correction: 'erreygers', bounds: [1, 0] })).toThrow(/min < max/);
    expect(() => concentrationIndex([0.1, 0.2], [1, 2], null, { correction: 'erreygers', bounds: [0] as unknown as [number, number] })).toThrow(TypeError);
    expect(() =>
      concentrationIndex([0.1, 1.2], [1, 2], null, { correction: 'erreygers', bounds: [0, 1], labels: ['Anhui', 'Fujian'] }),
    ).toThrow(/values must lie within bounds \[0, 1\] \(unit 1: Fujian is 1.2\)/);
    expect(() => concentrationIndex([1, 1], [1, 2], null, { correction: 'wagstaff', bounds: [0, 1] })).toThrow(/mean strictly inside the bounds/);
  });
});

describe('concentrationIndex and concentrationCurve: bad input found in review (issue 3)', () => {
  it('need at least two units with positive weight: one unit would give index 0 with standard error 0', () => {
    expect(() => concentrationIndex([1, 2], [1, 2], [1, 0])).toThrow(RangeError);
    expect(() => concentrationIndex([1, 2], [1, 2], [1, 0])).toThrow(
      'concentrationIndex requires at least two units with positive weight (only unit 0 has one)',
    );
    expect(() => concentrationCurve([1, 2, 3], [3, 2, 1], [0, 0, 7], { labels: ['Anhui', 'Fujian', 'Hainan'] })).toThrow(
      'concentrationCurve requires at least two units with positive weight (only unit 2: Hainan has one)',
    );
    // two units with positive weight: a real index and a positive standard error, n = 2
    const two = concentrationIndex([1, 2, 3], [1, 2, 3], [1, 0, 1]);
    expect(two.units).toBe(2);
    expect(two.index).toBeCloseTo(concentrationIndex([1, 3], [1, 3]).index, 15);
  });

  it('labels must be strings, one per unit', () => {
    expect(() => concentrationIndex([1, 2, 3], [1, 2, 3], null, { labels: ['Anhui', 'Fujian'] })).toThrow(RangeError);
    expect(() => concentrationIndex([1, 2, 3], [1, 2, 3], null, { labels: ['Anhui', 'Fujian'] })).toThrow(
      'concentrationIndex: values and labels differ in length (3 and 2)',
    );
    expect(() => concentrationCurve([1, 2], [1, 2], null, { labels: ['Anhui', 'Fujian', 'Hainan'] })).toThrow(
      'concentrationCurve: values and labels differ in length (2 and 3)',
    );
    expect(() => concentrationCurve([1, 2], [1, 2], null, { labels: [1, 2] as unknown as string[] })).toThrow(TypeError);
  });

  it('correction must be one of the three strings; bounds a pair of finite numbers with min < max; options an object', () => {
    expect(() => concentrationIndex([1, 2], [1, 2], null, { correction: 'Wagstaff' as 'wagstaff', bounds: [0, 3] })).toThrow(RangeError);
    expect(() => concentrationIndex([1, 2], [1, 2], null, { correction: 'Wagstaff' as 'wagstaff', bounds: [0, 3] })).toThrow(
      "concentrationIndex: correction must be 'none', 'wagstaff' or 'erreygers' (got Wagstaff)",
    );
    expect(() => concentrationIndex([1, 2], [1, 2], null, { correction: true as unknown as 'none' })).toThrow(TypeError);
    expect(() => concentrationIndex([1, 2], [1, 2], null, { correction: true as unknown as 'none' })).toThrow(
      "concentrationIndex: correction must be 'none', 'wagstaff' or 'erreygers' (got true)",
    );
    const erreygers = (bounds: unknown) => () =>
      concentrationIndex([0.1, 0.2], [1, 2], null, { correction: 'erreygers', bounds: bounds as [number, number] });
    expect(erreygers([0, 1])).not.toThrow();
    expect(erreygers([0, NaN])).toThrow('concentrationIndex: bounds must be finite with min < max (got [0, NaN])');
    expect(erreygers([-Infinity, 1])).toThrow('concentrationIndex: bounds must be finite with min < max (got [-Infinity, 1])');
    expect(erreygers([1, 1])).toThrow('concentrationIndex: bounds must be finite with min < max (got [1, 1])');
    expect(erreygers([0, 1, 2])).toThrow('concentrationIndex: bounds must be an array [min, max]');
    expect(erreygers(['0', '1'])).toThrow(TypeError);
    expect(erreygers(['0', '1'])).toThrow('concentrationIndex: bounds must be numbers');
    expect(erreygers(1)).toThrow(TypeError);
    expect(() => concentrationIndex([1, 2], [1, 2], null, null as unknown as {})).toThrow('concentrationIndex: options must be an object');
    expect(() => concentrationCurve([1, 2], [1, 2], null, null as unknown as {})).toThrow('concentrationCurve: options must be an object');
  });
});

describe('unknown options (kernel checkOptions)', () => {
  it('concentrationCurve: a misspelt option is a TypeError naming the function and the key', () => {
    const call = (): unknown => concentrationCurve([1, 2, 3], [3, 2, 1], null, { weights: [1, 1, 1] } as never);
    expect(call).toThrow(TypeError);
    expect(call).toThrow("concentrationCurve: unknown option 'weights' (known: labels)");
  });
  it('concentrationIndex: a misspelt option is a TypeError naming the function and the key', () => {
    const call = (): unknown => concentrationIndex([0.1, 0.2, 0.3], [3, 2, 1], null, { correction: 'erreygers', bound: [0, 1] } as never);
    expect(call).toThrow(TypeError);
    expect(call).toThrow("concentrationIndex: unknown option 'bound': did you mean 'bounds'? (known: correction, bounds, labels)");
  });
});
