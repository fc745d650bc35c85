import { describe, expect, it } from 'vitest';
import {
  betweenGroupStandardDeviation,
  betweenGroupVariance,
  concentrationIndex,
  difference,
  heatSummary,
  indexOfDisparity,
  meanDifference,
  populationAttributableFraction,
  populationAttributableRisk,
  ratio,
  relativeIndexOfInequality,
  slopeIndexOfInequality,
  theil,
} from '../../lib/index';

/**
 * The ordered data of healthequal's own tests (WHOequity/healthequal, tests/testthat/test-paf.R, test-parisk.R,
 * test-sii.R, test-rii.R, test-aci.R, test-rci.R): `set.seed(123); pop <- round(rnorm(5, 100, 40))` gives
 * 78, 91, 162, 103, 105 (R's rnorm(5) after set.seed(123) is -0.56047565, -0.23017749, 1.55870831, 0.07050839,
 * 0.12928774); est <- c(20, 30, 40, 50, 60); se <- c(5, 7, 10, 12, 14); subgroup_order 1..5; favourable; scale 100.
 * Their tests compare with expect_equal(tolerance = 1e-6), a relative tolerance: so do we.
 */
const POP = Object.freeze([78, 91, 162, 103, 105]);
const ORDERED = Object.freeze(
  [20, 30, 40, 50, 60].map((estimate, i) => Object.freeze({ estimate, order: i + 1, population: POP[i], standardError: [5, 7, 10, 12, 14][i] })),
);
function relative(actual: number | null, expected: number): number {
  return Math.abs((actual as number) - expected) / Math.abs(expected);
}

describe('HEAT measures: the values of healthequal’s own tests', () => {
  it('PAF = 45.544548 (SE 0.10689361 printed as a fraction: 10.689361 in percent) — test-paf.R', () => {
    const paf = populationAttributableFraction(ORDERED, { indicator: 'favourable', scale: 100 });
    expect(relative(paf.estimate, 45.544548)).toBeLessThan(1e-6);
    expect(relative(paf.standardError, 100 * 0.10689361)).toBeLessThan(1e-6);
  });

  it('PAR = 18.775509, SE 4.4066348 — test-parisk.R', () => {
    const par = populationAttributableRisk(ORDERED, { indicator: 'favourable', scale: 100 });
    expect(relative(par.estimate, 18.775509)).toBeLessThan(1e-6);
    expect(relative(par.standardError, 4.4066348)).toBeLessThan(1e-6);
    // By hand: mean = (20 78 + 30 91 + 40 162 + 50 103 + 60 105) / 539 = 22220 / 539; PAR = 60 - 22220/539.
    expect(par.estimate).toBeCloseTo(60 - 22220 / 539, 13);
  });

  it('SII = 44.44502 (SE 0.02190822 on the 0-1 scale), RII = 3.159506 (SE of ln 0.07644001, CI 2.719902-3.67016) — test-sii.R, test-rii.R', () => {
    const sii = slopeIndexOfInequality(ORDERED, { scale: 100 });
    expect(relative(sii.estimate, 44.44502)).toBeLessThan(1e-6);
    expect(relative(sii.standardError, 100 * 0.02190822)).toBeLessThan(1e-6);
    expect(relative(sii.lower, 40.15109)).toBeLessThan(1e-6);
    expect(relative(sii.upper, 48.73895)).toBeLessThan(1e-6);
    const rii = relativeIndexOfInequality(ORDERED, { scale: 100 });
    expect(relative(rii.estimate, 3.159506)).toBeLessThan(1e-6);
    expect(relative(rii.standardError, 0.07644001)).toBeLessThan(1e-6);
    expect(relative(rii.lower, 2.719902)).toBeLessThan(1e-6);
    expect(relative(rii.upper, 3.67016)).toBeLessThan(1e-6);
  });

  it('ACI = 7.3284202 (SE 0.29368517), RCI = 0.17776859 (SE 0.0071240491) — test-aci.R, test-rci.R', () => {
    const s = heatSummary(ORDERED, { indicator: 'favourable', scale: 100 });
    expect(relative(s.ACI.estimate, 7.3284202)).toBeLessThan(1e-6);
    expect(relative(s.ACI.standardError, 0.29368517)).toBeLessThan(1e-6);
    expect(relative(s.RCI.estimate, 0.17776859)).toBeLessThan(1e-6);
    expect(relative(s.RCI.standardError, 0.0071240491)).toBeLessThan(1e-6);
    // ...and the same indices as Equilab's concentrationIndex ranked by the order, weighted by population.
    const ci = concentrationIndex([20, 30, 40, 50, 60], [1, 2, 3, 4, 5], POP);
    expect(s.ACI.estimate).toBeCloseTo(ci.generalized, 13);
    expect(s.RCI.estimate).toBeCloseTo(ci.covarianceFormula, 14);
  });
});

describe('HEAT measures: hand-derivable values and a second implementation', () => {
  // Non-ordered: shares 1/8, 3/8, 4/8 of estimates 2, 6, 5; mean (2 + 18 + 20) / 8 = 5.
  const G = Object.freeze([
    { name: 'north', estimate: 2, population: 1, standardError: 0.5 },
    { name: 'south', estimate: 6, population: 3, standardError: 0.4 },
    { name: 'west', estimate: 5, population: 4, standardError: 0.3, reference: true },
  ]);

  it('D and R: which subgroups, by the rules of healthequal R/d.R', () => {
    // ordered, favourable: top minus bottom (60 - 20); adverse: bottom minus top
    expect(difference(ORDERED, { indicator: 'favourable' }).estimate).toBe(40);
    expect(difference(ORDERED, { indicator: 'adverse' }).estimate).toBe(-40);
    expect(difference(ORDERED, { indicator: 'favourable' }).standardError).toBeCloseTo(Math.sqrt(25 + 196), 14);
    // non-ordered without reference: highest minus lowest
    const noRef = G.map(({ reference, ...r }) => (void reference, r));
    expect(difference(noRef, { indicator: 'adverse' }).estimate).toBe(4);
    // with reference (west = 5): favourable: reference minus the lowest other (2); adverse: the highest other (6) minus it
    expect(difference(G, { indicator: 'favourable' }).estimate).toBe(3);
    expect(difference(G, { indicator: 'adverse' }).estimate).toBe(1);
    // R = 3, SE of ln R = sqrt((se1^2 + R^2 se2^2) / y2^2) / R = sqrt((196 + 9 25) / 400) / 3
    const r = ratio(ORDERED, { indicator: 'favourable' });
    expect(r.estimate).toBe(3);
    expect(r.standardError).toBeCloseTo(Math.sqrt((196 + 9 * 25) / 400) / 3, 14);
    expect(r.lower).toBeCloseTo(3 * Math.exp(-1.959963984540054 * (r.standardError as number)), 13);
  });

  it('BGV = 1.5 and its SE by the formula of healthequal R/bgv.R, written out', () => {
    const bgv = betweenGroupVariance(G);
    expect(bgv.estimate).toBeCloseTo(9 / 8 + 3 / 8, 15); // 1/8 (2-5)^2 + 3/8 (6-5)^2 + 4/8 0
    const p = [1 / 8, 3 / 8, 4 / 8];
    const y = [2, 6, 5];
    const se = [0.5, 0.4, 0.3];
    const sum = (f: (j: number) => number) => f(0) + f(1) + f(2);
    const se2 = sum((j) => p[j] ** 2 * se[j] ** 2 * (y[j] - 5) ** 2);
    const s2 = sum((j) => p[j] ** 2 * se[j] ** 2);
    const s4 = sum((j) => p[j] ** 4 * se[j] ** 4);
    const se4 = sum((j) => p[j] ** 2 * (1 - p[j]) ** 2 * se[j] ** 4);
    expect(bgv.standardError).toBeCloseTo(Math.sqrt(4 * se2 + 2 * (s2 ** 2 - s4 + se4)), 14);
    const [bgsd, cov] = betweenGroupStandardDeviation(G);
    expect(bgsd.estimate).toBeCloseTo(Math.sqrt(1.5), 15);
    expect(cov.estimate).toBeCloseTo((100 * Math.sqrt(1.5)) / 5, 13);
  });

  it('MDB, MDM, MDR weighted and unweighted; IDIS', () => {
    const md = (from: 'best' | 'mean' | 'reference', weighted: boolean) =>
      meanDifference(G, from === 'best' ? { from, weighted, indicator: 'favourable' } : { from, weighted }).estimate;
    expect(md('best', false)).toBeCloseTo((4 + 0 + 1) / 3, 15); // best = 6
    expect(md('best', true)).toBeCloseTo(4 / 8 + 0 + 4 / 8, 15);
    expect(md('mean', false)).toBeCloseTo((3 + 1 + 0) / 3, 15);
    expect(md('mean', true)).toBeCloseTo(3 / 8 + 3 / 8, 15);
    expect(md('reference', false)).toBeCloseTo((3 + 1 + 0) / 3, 15); // reference west = 5 = the mean here
    expect(md('reference', true)).toBeCloseTo(0.75, 15);
    expect(meanDifference(G, { from: 'best', weighted: false, indicator: 'adverse' }).estimate).toBeCloseTo((0 + 4 + 3) / 3, 15);
    expect(indexOfDisparity(G, { weighted: false }).estimate).toBeCloseTo((100 * (4 / 3)) / 5, 13);
    expect(indexOfDisparity(G, { weighted: true }).estimate).toBeCloseTo(15, 13);
    expect(indexOfDisparity(G, { weighted: false, settingAverage: 4 }).estimate).toBeCloseTo((100 * ((2 + 2 + 1) / 3)) / 4, 13);
  });

  it('heatSummary of a non-ordered dimension: TI and MLD on HEAT’s scale (× 1000), with healthequal’s SE formulas', () => {
    const s = heatSummary(G, { indicator: 'favourable', scale: 100 });
    expect(Object.keys(s)).toEqual(['D', 'R', 'PAR', 'PAF', 'BGV', 'BGSD', 'COV', 'MDBU', 'MDBW', 'MDMU', 'MDMW', 'MDRU', 'MDRW', 'IDISU', 'IDISW', 'TI', 'MLD']);
    const p = [1 / 8, 3 / 8, 4 / 8];
    const y = [2, 6, 5];
    const se = [0.5, 0.4, 0.3];
    const r = y.map((v) => v / 5);
    // healthequal R/ti.R and R/mld.R, literally (ti <- sum(popsh * rj * log(rj)) * 1000; mld <- sum(popsh * -log(rj)) * 1000)
    expect(s.TI.estimate).toBeCloseTo(1000 * p.reduce((a, pj, j) => a + pj * r[j] * Math.log(r[j]), 0), 11);
    expect(s.MLD.estimate).toBeCloseTo(1000 * p.reduce((a, pj, j) => a - pj * Math.log(r[j]), 0), 11);
    expect(s.TI.estimate).toBeCloseTo(1000 * theil(y, [1, 3, 4], { variant: 'T' }), 11);
    const prep = p.reduce((a, pj, j) => a + r[j] * (1 + Math.log(r[j])) * pj, 0);
    const tiSe = Math.sqrt(p.reduce((a, pj, j) => a + (1 + Math.log(r[j]) - prep) ** 2 * ((pj ** 2 * se[j] ** 2) / 25), 0));
    const mldSe = Math.sqrt(p.reduce((a, pj, j) => a + ((se[j] ** 2 * pj ** 2) / 25) * (1 - 1 / r[j]) ** 2, 0));
    expect(s.TI.standardError).toBeCloseTo(1000 * tiSe, 11);
    expect(s.MLD.standardError).toBeCloseTo(1000 * mldSe, 11);
  });

  it('the linear SII is the weighted least-squares slope on the ridit rank', () => {
    // ranks (cumulative population before + half its own) / 539; slope = cov_w(rank, y) / var_w(rank)
    const W = 539;
    let before = 0;
    const rank = POP.map((p) => ((before += p), (before - p / 2) / W));
    const y = [20, 30, 40, 50, 60];
    const mr = rank.reduce((a, v, i) => a + (v * POP[i]) / W, 0);
    const my = y.reduce((a, v, i) => a + (v * POP[i]) / W, 0);
    const cov = rank.reduce((a, v, i) => a + ((POP[i] / W) * (v - mr) * (y[i] - my)), 0);
    const variance = rank.reduce((a, v, i) => a + (POP[i] / W) * (v - mr) ** 2, 0);
    expect(slopeIndexOfInequality(ORDERED, { model: 'linear' }).estimate).toBeCloseTo(cov / variance, 11);
    const rii = relativeIndexOfInequality(ORDERED, { model: 'linear' });
    const intercept = my - (cov / variance) * mr;
    expect(rii.estimate).toBeCloseTo((intercept + cov / variance) / intercept, 12);
  });
});

describe('HEAT measures: bad input', () => {
  it('refuses missing directions, partial columns, bad orders and unknown keys', () => {
    expect(() => difference(ORDERED, {} as never)).toThrow(/difference: options.indicator must be 'favourable' or 'adverse'/);
    expect(() => difference(ORDERED, { indicator: 'good' as never })).toThrow(RangeError);
    expect(() => difference([{ estimate: 1, population: 2 }, { estimate: 2 }], { indicator: 'adverse' })).toThrow(/population is given for 1 of the 2 subgroups/);
    expect(() => difference([{ estimate: 1, order: 1 }, { estimate: 2, order: 3 }], { indicator: 'adverse' })).toThrow(/orders must be 1..2/);
    expect(() => difference([{ estimate: 1, estimat: 2 } as never, { estimate: 2 }], { indicator: 'adverse' })).toThrow(/unknown option 'estimat'/);
    expect(() => slopeIndexOfInequality(ORDERED)).toThrow(/needs options.scale/);
    expect(() => slopeIndexOfInequality(ORDERED.slice(0, 2).map((s) => s), { model: 'linear' })).toThrow(/at least 3 subgroups/);
    expect(() => ratio([{ estimate: 0 }, { estimate: 2 }], { indicator: 'favourable' })).toThrow(/positive estimates/);
    expect(() => betweenGroupVariance([{ estimate: 1 }, { estimate: 2 }])).toThrow(/needs the population/);
    expect(() => meanDifference(ORDERED, { from: 'reference', weighted: true })).toThrow(/reference: true/);
    expect(() => difference([{ estimate: NaN }, { estimate: 2 }], { indicator: 'adverse' })).toThrow(/estimate of subgroup 0 must be finite/);
  });
});

describe('HEAT measures: degenerate data', () => {
  it('equal estimates, a logistic fit that cannot converge, and a PAF with a zero mean, throw instead of giving NaN', () => {
    const zeros = [1, 2, 3].map((order) => ({ estimate: 0, order, population: 100 }));
    expect(() => slopeIndexOfInequality(zeros, { scale: 100 })).toThrow(/every subgroup has the same estimate/);
    // 0, 0 and the full scale: separated data, the logistic estimates run off to infinity
    const separated = [0, 0, 100].map((estimate, i) => ({ estimate, order: i + 1, population: 100 }));
    expect(() => slopeIndexOfInequality(separated, { scale: 100 })).toThrow(/does not converge/);
    expect(() => populationAttributableFraction(zeros, { indicator: 'favourable' })).toThrow(/mean must be positive/);
  });
});
