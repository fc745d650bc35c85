import { describe, expect, it } from 'vitest';
import { atkinson, coefficientOfVariation, generalizedEntropy, theil, theilContributions, theilDecomposition } from '../../lib/index';
import { sum } from '../../lib/measures/kernel';
import { printedTolerance, readMexico, testRandom } from '../helpers/mexico';

// R package ineq 0.2-13, tests/Examples/ineq-Ex.Rout.save
const R_INEQ_X = Object.freeze([541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261]);

const YEARS = ['pcgdp1940', 'pcgdp1950', 'pcgdp1960', 'pcgdp1970', 'pcgdp1980', 'pcgdp1990', 'pcgdp2000'];
// PySAL inequality test_theil.py on libpysal's mexico.csv, unweighted Theil T grouped by hanson98, as printed there.
const PYSAL_T = ['0.20894344', '0.15222451', '0.10472941', '0.10194725', '0.09560113', '0.10511256', '0.10660832'];
const PYSAL_BETWEEN = ['0.0345889', '0.02816853', '0.05260921', '0.05931219', '0.03205257', '0.02963731', '0.03635872'];
const PYSAL_WITHIN = ['0.17435454', '0.12405598', '0.0521202', '0.04263506', '0.06354856', '0.07547525', '0.0702496'];

/** The studies' formulas, literally, from resource and population columns. */
function shares(resource: number[], population: number[]): { P: number[]; Y: number[] } {
  const totalR = resource.reduce((a, b) => a + b, 0);
  const totalP = population.reduce((a, b) => a + b, 0);
  return { P: population.map((p) => p / totalP), Y: resource.map((r) => r / totalR) };
}
function studiesTheilL(resource: number[], population: number[]): number {
  const { P, Y } = shares(resource, population);
  return P.reduce((s, p, i) => s + p * Math.log(p / Y[i]), 0); // Li et al. Eq. (3)
}
function theilT(resource: number[], population: number[]): number {
  const { P, Y } = shares(resource, population);
  return Y.reduce((s, y, i) => s + (y > 0 ? y * Math.log(y / P[i]) : 0), 0);
}

// Six regions of provinces, synthetic but realistic: physicians and population (millions).
const REGION = Object.freeze(['E', 'E', 'E', 'C', 'C', 'W', 'W', 'W', 'W']);
const RESOURCE = Object.freeze([61_000, 52_400, 38_900, 33_100, 29_800, 24_700, 12_300, 9_800, 3_100]);
const POPULATION = Object.freeze([12.6, 8.4, 9.9, 11.0, 9.6, 8.3, 4.0, 3.9, 0.6]);
const PER_CAPITA = Object.freeze(RESOURCE.map((r, i) => r / POPULATION[i]));

describe('theil and friends: values printed by other software', () => {
  it('R ineq: Theil(x) = 0.3623412 (T), Theil(x, parameter = 1) = 0.4335946 (L), Atkinson(x, 0.5) = 0.1796591', () => {
    // R ineq 0.2-13, printed to 7 decimals: 5e-8 of rounding
    expect(Math.abs(theil(R_INEQ_X, null, { variant: 'T' }) - 0.3623412)).toBeLessThan(5e-8);
    expect(Math.abs(generalizedEntropy(R_INEQ_X, 1) - 0.3623412)).toBeLessThan(5e-8);
    expect(Math.abs(theil(R_INEQ_X, null, { variant: 'L' }) - 0.4335946)).toBeLessThan(5e-8);
    expect(Math.abs(generalizedEntropy(R_INEQ_X, 0) - 0.4335946)).toBeLessThan(5e-8);
    expect(Math.abs(atkinson(R_INEQ_X, 0.5) - 0.1796591)).toBeLessThan(5e-8);
  });

  it("the default variant is 'L' (the studies' index), so it matches ineq's parameter = 1, not its default", () => {
    expect(theil(R_INEQ_X)).toBe(theil(R_INEQ_X, null, { variant: 'L' }));
  });

  it('PySAL TheilD on mexico.csv by hanson98: T, between and within for 1940-2000', () => {
    const { columns } = readMexico();
    YEARS.forEach((year, t) => {
      const d = theilDecomposition(columns[year], columns.hanson98, null, { variant: 'T' });
      // tolerance: half a unit in the last printed decimal of each PySAL value
      expect(Math.abs(d.total - Number(PYSAL_T[t]))).toBeLessThanOrEqual(printedTolerance(PYSAL_T[t]));
      expect(Math.abs(d.between - Number(PYSAL_BETWEEN[t]))).toBeLessThanOrEqual(printedTolerance(PYSAL_BETWEEN[t]));
      expect(Math.abs(d.within - Number(PYSAL_WITHIN[t]))).toBeLessThanOrEqual(printedTolerance(PYSAL_WITHIN[t]));
      expect(Math.abs(d.total - theil(columns[year], null, { variant: 'T' }))).toBeLessThanOrEqual(Number.EPSILON * d.total);
      expect(d.between + d.within).toBe(d.total);
      expect(Math.abs(d.groups.reduce((s, r) => s + r.withinContribution, 0) - d.within)).toBeLessThan(1e-15);
      const L = theilDecomposition(columns[year], columns.hanson98);
      expect(L.between + L.within).toBe(L.total);
    });
  });

  it('PySAL edge case: y = [0, 0, 0, 10, 10, 10], groups [0, 0, 0, 1, 1, 1]: T = between = ln 2, within = 0', () => {
    const d = theilDecomposition([0, 0, 0, 10, 10, 10], [0, 0, 0, 1, 1, 1], null, { variant: 'T' });
    expect(d.total).toBeCloseTo(Math.LN2, 15);
    expect(d.between).toBeCloseTo(Math.LN2, 15);
    expect(d.within).toBeCloseTo(0, 15);
    expect(d.groups[0]).toMatchObject({ group: 0, populationShare: 0.5, resourceShare: 0, theil: 0, withinContribution: 0 });
  });
});

describe('theil: the studies\' formula', () => {
  it("variant 'L' with per-capita values and population weights is sum P ln(P / Y) (Li et al. Eq. 3)", () => {
    expect(theil(PER_CAPITA, POPULATION)).toBeCloseTo(studiesTheilL([...RESOURCE], [...POPULATION]), 14);
  });

  it("variant 'T' is sum Y ln(Y / P)", () => {
    expect(theil(PER_CAPITA, POPULATION, { variant: 'T' })).toBeCloseTo(theilT([...RESOURCE], [...POPULATION]), 14);
  });

  it('base 10 divides by ln 10 (Fu et al. used log10)', () => {
    const e = theil(PER_CAPITA, POPULATION);
    expect(theil(PER_CAPITA, POPULATION, { base: 10 })).toBeCloseTo(e / Math.LN10, 15);
    const { P, Y } = shares([...RESOURCE], [...POPULATION]);
    const log10Formula = P.reduce((s, p, i) => s + p * Math.log10(p / Y[i]), 0);
    expect(theil(PER_CAPITA, POPULATION, { base: 10 })).toBeCloseTo(log10Formula, 14);
  });
});

describe('hand-derivable values', () => {
  it('[0, 0, 0, 10, 10, 10]: T = ln 2; L needs positive values', () => {
    expect(theil([0, 0, 0, 10, 10, 10], null, { variant: 'T' })).toBeCloseTo(Math.LN2, 15);
  });

  it('[1, 2]: L = ln 1.5 - ln 2 / 2; T = (2/3) ln(4/3) + (1/3) ln(2/3)', () => {
    expect(theil([1, 2])).toBeCloseTo(Math.log(1.5) - Math.LN2 / 2, 15);
    expect(theil([1, 2], null, { variant: 'T' })).toBeCloseTo((2 / 3) * Math.log(4 / 3) + (1 / 3) * Math.log(2 / 3), 15);
  });

  it('[1, 3]: GE(2) = CV^2 / 2 = 0.125, CV = 0.5 (population SD 1, mean 2); GE(-1) by the formula', () => {
    expect(generalizedEntropy([1, 3], 2)).toBeCloseTo(0.125, 15);
    expect(coefficientOfVariation([1, 3])).toBeCloseTo(0.5, 15);
    // GE(-1) = (1 / 2) * mean((x / mu)^-1 - 1) = 0.5 * ((2 + 2/3) / 2 - 1)
    expect(generalizedEntropy([1, 3], -1)).toBeCloseTo(0.5 * ((2 + 2 / 3) / 2 - 1), 15);
  });

  it('Atkinson: epsilon 0 gives 0; 1 gives 1 - geometric / arithmetic mean; 2 gives 1 - harmonic / arithmetic', () => {
    expect(atkinson([1, 4], 0)).toBe(0);
    expect(atkinson([1, 4], 1)).toBeCloseTo(1 - 2 / 2.5, 15);
    expect(atkinson([1, 4], 2)).toBeCloseTo(1 - 1.6 / 2.5, 15);
    expect(atkinson([1, 4], 1, [1, 3])).toBeCloseTo(1 - Math.exp(0.75 * Math.log(4)) / 3.25, 15);
  });

  it('weighted GE equals the unweighted GE of the repeated units', () => {
    for (const alpha of [-1, 0, 0.5, 1, 2, 3]) {
      expect(generalizedEntropy([1, 5, 2], alpha, [2, 1, 3])).toBeCloseTo(generalizedEntropy([1, 1, 5, 2, 2, 2], alpha), 14);
    }
    expect(coefficientOfVariation([1, 5, 2], [2, 1, 3])).toBeCloseTo(coefficientOfVariation([1, 1, 5, 2, 2, 2]), 14);
  });
});

describe('invariants', () => {
  const rnd = testRandom(99);
  const x = Object.freeze(Array.from({ length: 400 }, () => Math.exp(2 * rnd())));
  const w = Object.freeze(Array.from({ length: 400 }, () => 1 + 100 * rnd()));
  const g = Object.freeze(x.map((_, i) => ['north', 'south', 'east', 'west', 'centre'][i % 5]));

  it('an equal distribution gives 0 for every measure', () => {
    const eq = [3, 3, 3, 3];
    expect(theil(eq)).toBe(0);
    expect(theil(eq, null, { variant: 'T' })).toBe(0);
    expect(generalizedEntropy(eq, 2)).toBe(0);
    expect(atkinson(eq, 1.5)).toBe(0);
    expect(coefficientOfVariation(eq)).toBe(0);
  });

  it('scale invariance, permutation invariance, and a zero-weight unit changes nothing', () => {
    const perm = x.map((_, i) => (i * 13) % 400);
    const measures: [string, (v: readonly number[], ww: readonly number[]) => number][] = [
      ['L', (v, ww) => theil(v, ww)],
      ['T', (v, ww) => theil(v, ww, { variant: 'T' })],
      ['GE(2)', (v, ww) => generalizedEntropy(v, 2, ww)],
      ['GE(-0.5)', (v, ww) => generalizedEntropy(v, -0.5, ww)],
      ['A(0.5)', (v, ww) => atkinson(v, 0.5, ww)],
      ['A(2)', (v, ww) => atkinson(v, 2, ww)],
      ['CV', (v, ww) => coefficientOfVariation(v, ww)],
    ];
    for (const [, m] of measures) {
      const base = m(x, w);
      expect(m(x.map((v) => v * 1234.5), w)).toBeCloseTo(base, 13);
      expect(m(x, w.map((v) => v * 1e-3))).toBeCloseTo(base, 13);
      expect(m(perm.map((i) => x[i]), perm.map((i) => w[i]))).toBeCloseTo(base, 13);
      expect(m([...x, 0], [...w, 0])).toBeCloseTo(base, 14); // even a zero value, with zero weight, under 'L'
    }
  });

  it('GE(alpha) is continuous at alpha = 0 and alpha = 1', () => {
    expect(generalizedEntropy(x, 1e-7, w)).toBeCloseTo(generalizedEntropy(x, 0, w), 6);
    expect(generalizedEntropy(x, 1 + 1e-7, w)).toBeCloseTo(generalizedEntropy(x, 1, w), 6);
    expect(2 * generalizedEntropy(x, 2, w)).toBeCloseTo(coefficientOfVariation(x, w) ** 2, 13);
    expect(atkinson(x, 1, w)).toBeCloseTo(1 - Math.exp(-theil(x, w)), 14);
  });

  for (const variant of ['L', 'T'] as const) {
    it(`decomposition ${variant}: between + within = total, contributions sum to within, shares add up`, () => {
      const d = theilDecomposition(x, g, w, { variant });
      expect(d.between + d.within).toBe(d.total);
      expect(Math.abs(d.total - theil(x, w, { variant }))).toBeLessThanOrEqual(Number.EPSILON * d.total);
      const contributions = d.groups.reduce((s, r) => s + r.withinContribution, 0);
      expect(Math.abs(contributions - d.within)).toBeLessThan(1e-14);
      expect(d.groups.reduce((s, r) => s + r.shareOfWithin, 0)).toBeCloseTo(1, 14);
      expect(d.groups.reduce((s, r) => s + r.populationShare, 0)).toBeCloseTo(1, 14);
      expect(d.groups.reduce((s, r) => s + r.resourceShare, 0)).toBeCloseTo(1, 14);
      expect(d.betweenShare + d.withinShare).toBeCloseTo(1, 14);
      expect(d.groups.map((r) => r.group)).toEqual(['north', 'south', 'east', 'west', 'centre']);
      expect(d.groups.map((r) => r.units)).toEqual([80, 80, 80, 80, 80]);
      // each group's index is the measure computed on that group alone, and weights are P_g (L) or Y_g (T)
      for (const r of d.groups) {
        const idx = x.map((_, i) => i).filter((i) => g[i] === r.group);
        const own = theil(idx.map((i) => x[i]), idx.map((i) => w[i]), { variant });
        expect(r.theil).toBeCloseTo(own, 14);
        expect(r.withinContribution).toBeCloseTo((variant === 'L' ? r.populationShare : r.resourceShare) * own, 15);
      }
    });
  }

  it("decomposition 'L' between is the studies' sum P_g ln(P_g / Y_g) (Li et al. Eq. 5, mislabelled there)", () => {
    const d = theilDecomposition(PER_CAPITA, REGION, POPULATION);
    const groups = ['E', 'C', 'W'];
    const R = groups.map((k) => RESOURCE.reduce((s, r, i) => s + (REGION[i] === k ? r : 0), 0));
    const P = groups.map((k) => POPULATION.reduce((s, p, i) => s + (REGION[i] === k ? p : 0), 0));
    expect(d.between).toBeCloseTo(studiesTheilL(R, P), 14);
    expect(d.total).toBeCloseTo(studiesTheilL([...RESOURCE], [...POPULATION]), 14);
    expect(d.between + d.within).toBe(d.total);
  });

  it('one group: between = 0; every unit its own group: within = 0; base 10 scales every component', () => {
    const one = theilDecomposition(PER_CAPITA, PER_CAPITA.map(() => 'all'), POPULATION);
    expect(one.between).toBeCloseTo(0, 15);
    expect(one.within).toBeCloseTo(one.total, 15);
    const each = theilDecomposition(PER_CAPITA, PER_CAPITA.map((_, i) => i), POPULATION);
    expect(each.within).toBeCloseTo(0, 15);
    const e = theilDecomposition(PER_CAPITA, REGION, POPULATION, { variant: 'T' });
    const ten = theilDecomposition(PER_CAPITA, REGION, POPULATION, { variant: 'T', base: 10 });
    expect(ten.base).toBe(10);
    expect(ten.between).toBeCloseTo(e.between / Math.LN10, 15);
    expect(ten.groups[2].theil).toBeCloseTo(e.groups[2].theil / Math.LN10, 15);
    expect(ten.betweenShare).toBeCloseTo(e.betweenShare, 14);
  });

  it('1 and "1" are different groups; typed arrays work; inputs are not modified', () => {
    const d = theilDecomposition(Float64Array.from([1, 2, 3, 4]), [1, '1', 1, '1'], Float64Array.from([1, 1, 1, 1]));
    expect(d.groups.map((r) => r.group)).toEqual([1, '1']);
    expect(Object.isFrozen(PER_CAPITA) && Object.isFrozen(REGION)).toBe(true);
  });
});

describe('bad input', () => {
  it('rejects empty, short, mismatched, NaN, infinite, negative and all-zero input, naming the function', () => {
    expect(() => theil([])).toThrow(/theil requires at least 2 units/);
    expect(() => generalizedEntropy([1], 2)).toThrow(/generalizedEntropy requires at least 2 units/);
    expect(() => atkinson([1, 2], 0.5, [1])).toThrow(/atkinson: values and weights differ in length/);
    expect(() => coefficientOfVariation([1, NaN])).toThrow(/coefficientOfVariation: values is NaN \(unit 1\)/);
    expect(() => theil([1, Infinity])).toThrow(/theil: values is infinite/);
    expect(() => theil([1, -1], null, { variant: 'T' })).toThrow(/must be non-negative \(unit 1 is -1\)/);
    expect(() => theil([1, 2], [-1, 2])).toThrow(/weights must be non-negative/);
    expect(() => theil([1, 2], [0, 0])).toThrow(/positive total/);
    expect(() => theil([0, 0], null, { variant: 'T' })).toThrow(/theil: values are all zero/);
  });

  it("a zero value under variant 'L' names the unit and says 'T' would work", () => {
    expect(() => theil([3, 0, 2], null, { labels: ['Beijing', 'Tibet', 'Hebei'] })).toThrow(
      /theil: variant 'L' takes the log of each value, and unit 1: Tibet has value 0; variant 'T' accepts zeros/,
    );
    expect(() => theilDecomposition([3, 0, 2], ['a', 'a', 'b'])).toThrow(/theilDecomposition: variant 'L'.*unit 1.*'T' accepts zeros/);
    expect(() => generalizedEntropy([3, 0], -1)).toThrow(/alpha = -1 needs positive values, and unit 1 has value 0; alpha > 0 accepts zeros/);
    expect(() => atkinson([3, 0], 1)).toThrow(/epsilon = 1 needs positive values, and unit 1 has value 0; epsilon < 1 accepts zeros/);
  });

  it('rejects bad options', () => {
    expect(() => theil([1, 2], null, { variant: 'X' as 'T' })).toThrow(/variant must be 'T' or 'L'/);
    expect(() => theil([1, 2], null, { base: 1 })).toThrow(/theil: base must be greater than 1 \(got 1\)/);
    expect(() => theil([1, 2], null, { base: -10 })).toThrow(/theil: base must be greater than 1 \(got -10\)/);
    expect(() => theil([1, 2], null, { base: NaN })).toThrow(/base must be finite/);
    expect(() => generalizedEntropy([1, 2], Infinity)).toThrow(/alpha must be finite/);
    expect(() => atkinson([1, 2], -0.5)).toThrow(/epsilon must be non-negative/);
  });

  it('rejects bad groups', () => {
    expect(() => theilDecomposition([1, 2, 3], ['a', 'b'])).toThrow(/values and groups differ in length/);
    expect(() => theilDecomposition([1, 2], [NaN, 1])).toThrow(/groups must be strings or finite numbers \(unit 0 is NaN\)/);
    expect(() => theilDecomposition([1, 2], null as unknown as string[])).toThrow(TypeError);
    expect(() => theilDecomposition([1, 2, 3], ['a', 'b', 'b'], [0, 1, 1])).toThrow(/group a has zero total weight/);
  });
});

describe('bad input found in review (issue 3)', () => {
  it('a base below 1 would turn the index negative: base must be greater than 1, in theil and theilDecomposition', () => {
    expect(() => theil([1, 2, 4], null, { base: 0.5 })).toThrow(RangeError);
    expect(() => theil([1, 2, 4], null, { base: 0.5 })).toThrow('theil: base must be greater than 1 (got 0.5)');
    expect(() => theil([1, 2, 4], null, { base: 0 })).toThrow('theil: base must be greater than 1 (got 0)');
    expect(() => theil([1, 2, 4], null, { variant: 'T', base: 0.1 })).toThrow('theil: base must be greater than 1 (got 0.1)');
    expect(() => theilDecomposition([1, 2, 4], ['a', 'a', 'b'], null, { base: 0.5 })).toThrow(
      'theilDecomposition: base must be greater than 1 (got 0.5)',
    );
    expect(() => theil([1, 2], null, { base: '10' as unknown as number })).toThrow(TypeError);
    expect(() => theil([1, 2], null, { base: Infinity })).toThrow('theil: base must be finite (got Infinity)');
    // just above 1 is allowed and positive (an index, not a sign flip)
    expect(theil([1, 2, 4], null, { base: 1.5 })).toBeCloseTo(theil([1, 2, 4]) / Math.log(1.5), 14);
    expect(theil([1, 2, 4], null, { base: 1.5 })).toBeGreaterThan(0);
  });

  it('variant must be the string T or L: another string is a RangeError, a non-string a TypeError', () => {
    expect(() => theil([1, 2], null, { variant: 't' as 'T' })).toThrow(RangeError);
    expect(() => theil([1, 2], null, { variant: 't' as 'T' })).toThrow("theil: variant must be 'T' or 'L' (got t)");
    expect(() => theil([1, 2], null, { variant: 0 as unknown as 'T' })).toThrow(TypeError);
    expect(() => theilDecomposition([1, 2], ['a', 'b'], null, { variant: 'GE' as 'T' })).toThrow(
      "theilDecomposition: variant must be 'T' or 'L' (got GE)",
    );
  });

  it('options must be an object', () => {
    expect(() => theil([1, 2], null, null as unknown as {})).toThrow('theil: options must be an object');
    expect(() => generalizedEntropy([1, 2], 2, null, null as unknown as {})).toThrow('generalizedEntropy: options must be an object');
    expect(() => atkinson([1, 2], 0.5, null, 'x' as unknown as {})).toThrow('atkinson: options must be an object');
    expect(() => coefficientOfVariation([1, 2], null, [] as unknown as {})).toThrow('coefficientOfVariation: options must be an object');
    expect(() => theilDecomposition([1, 2], ['a', 'b'], null, null as unknown as {})).toThrow('theilDecomposition: options must be an object');
  });

  it('every measure needs at least two units with positive weight (one unit alone would give a meaningless 0)', () => {
    const cases: [string, () => unknown][] = [
      ['theil', () => theil([1, 2, 3], [0, 5, 0])],
      ['theil', () => theil([1, 2, 3], [0, 5, 0], { variant: 'T' })],
      ['generalizedEntropy', () => generalizedEntropy([1, 2, 3], 2, [0, 5, 0])],
      ['atkinson', () => atkinson([1, 2, 3], 0.5, [0, 5, 0])],
      ['coefficientOfVariation', () => coefficientOfVariation([1, 2, 3], [0, 5, 0])],
      ['theilDecomposition', () => theilDecomposition([1, 2, 3], ['a', 'b', 'b'], [0, 5, 0])],
    ];
    for (const [fn, call] of cases) {
      expect(call).toThrow(RangeError);
      expect(call).toThrow(`${fn} requires at least two units with positive weight (only unit 1 has one)`);
    }
    expect(() => theil([1, 2, 3], [0, 5, 0], { labels: ['Beijing', 'Tianjin', 'Hebei'] })).toThrow(
      'theil requires at least two units with positive weight (only unit 1: Tianjin has one)',
    );
    // two units with positive weight are enough
    expect(theil([1, 2, 3], [0, 5, 5])).toBeCloseTo(theil([2, 3]), 15);
  });

  it('labels must be strings, one per unit', () => {
    const labels = ['Beijing', 'Tianjin'];
    expect(() => theil([1, 2, 3], null, { labels })).toThrow(RangeError);
    expect(() => theil([1, 2, 3], null, { labels })).toThrow('theil: values and labels differ in length (3 and 2)');
    expect(() => generalizedEntropy([1, 2, 3], 2, null, { labels })).toThrow('generalizedEntropy: values and labels differ in length (3 and 2)');
    expect(() => atkinson([1, 2, 3], 0.5, null, { labels })).toThrow('atkinson: values and labels differ in length (3 and 2)');
    expect(() => coefficientOfVariation([1, 2, 3], null, { labels })).toThrow(
      'coefficientOfVariation: values and labels differ in length (3 and 2)',
    );
    expect(() => theilDecomposition([1, 2, 3], ['a', 'a', 'b'], null, { labels })).toThrow(
      'theilDecomposition: values and labels differ in length (3 and 2)',
    );
    expect(() => theil([1, 2], null, { labels: [1, 2] as unknown as string[] })).toThrow(TypeError);
    expect(() => theil([1, 2], null, { labels: null as unknown as string[] })).toThrow('theil: labels must be an array of strings');
  });
});

describe('theilContributions: each unit\'s term (Shorrocks 1980)', () => {
  it('hand-derived: [1, 2, 3, 4] unweighted, both variants', () => {
    // P_i = 0.25; mu = 2.5; Y_i = x_i / 10 = 0.1, 0.2, 0.3, 0.4.
    // 'L': P_i ln(P_i / Y_i) = 0.25 ln 2.5, 0.25 ln 1.25, 0.25 ln(5/6), 0.25 ln 0.625
    //    = 0.2290727, 0.0557859, -0.0455804, -0.1175009; total 0.1217773 (= 0.25 ln(2.5 * 1.25 * 5/6 * 0.625)).
    // 'T': Y_i ln(Y_i / P_i) = 0.1 ln 0.4, 0.2 ln 0.8, 0.3 ln 1.2, 0.4 ln 1.6
    //    = -0.0916291, -0.0446287, 0.0546965, 0.1880015; total 0.1064401.
    const l = theilContributions(Object.freeze([1, 2, 3, 4]));
    expect(l.variant).toBe('L');
    expect(l.base).toBe(Math.E);
    const lTerms = [0.25 * Math.log(2.5), 0.25 * Math.log(1.25), 0.25 * Math.log(5 / 6), 0.25 * Math.log(0.625)];
    l.units.forEach((u, i) => {
      expect(u.index).toBe(i);
      expect(u.populationShare).toBe(0.25);
      expect(u.resourceShare).toBeCloseTo((i + 1) / 10, 15);
      expect(u.contribution).toBeCloseTo(lTerms[i], 15);
      expect('label' in u).toBe(false);
    });
    expect(l.total).toBeCloseTo(0.25 * Math.log(2.5 * 1.25 * (5 / 6) * 0.625), 15);
    const t = theilContributions([1, 2, 3, 4], null, { variant: 'T' });
    const tTerms = [0.1 * Math.log(0.4), 0.2 * Math.log(0.8), 0.3 * Math.log(1.2), 0.4 * Math.log(1.6)];
    t.units.forEach((u, i) => expect(u.contribution).toBeCloseTo(tTerms[i], 15));
    expect(t.total).toBeCloseTo(0.1064401, 7);
  });

  it('total is theil(values, weights, options) exactly; the compensated sum of the terms equals it within 1e-12', () => {
    const rnd = testRandom(7);
    const x = Object.freeze(Array.from({ length: 500 }, () => Math.exp(3 * rnd())));
    const w = Object.freeze(Array.from({ length: 500 }, () => 1 + 1000 * rnd()));
    for (const [values, weights] of [[x, w], [x, null], [PER_CAPITA, POPULATION]] as const) {
      for (const variant of ['L', 'T'] as const) {
        for (const base of [Math.E, 10, 2]) {
          const c = theilContributions(values, weights, { variant, base });
          expect(c.total).toBe(theil(values, weights, { variant, base }));
          expect(c.base).toBe(base);
          expect(c.units).toHaveLength(values.length);
          const terms = sum(c.units.map((u) => u.contribution));
          expect(Math.abs(terms - c.total)).toBeLessThanOrEqual(1e-12 * c.total);
          expect(sum(c.units.map((u) => u.populationShare))).toBeCloseTo(1, 14);
          expect(sum(c.units.map((u) => u.resourceShare))).toBeCloseTo(1, 14);
        }
      }
    }
  });

  it("weighted, with labels: the studies' P ln(P / Y) term by term (Li et al. Eq. 3); labels are echoed", () => {
    const labels = Object.freeze(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
    const c = theilContributions(PER_CAPITA, POPULATION, { labels });
    const { P, Y } = shares([...RESOURCE], [...POPULATION]);
    expect(c.units.map((u) => u.label)).toEqual(labels);
    c.units.forEach((u, i) => {
      expect(u.populationShare).toBeCloseTo(P[i], 15);
      expect(u.resourceShare).toBeCloseTo(Y[i], 15);
      expect(u.contribution).toBeCloseTo(P[i] * Math.log(P[i] / Y[i]), 15);
    });
    // Two units by hand, variant 'T' base 2: [1, 3] weighted [3, 1]: P = 0.75, 0.25; resource 3 and 3, Y = 0.5, 0.5;
    // terms 0.5 log2(0.5 / 0.75) = -0.2924813 and 0.5 log2(0.5 / 0.25) = 0.5; total 0.2075187.
    const two = theilContributions([1, 3], [3, 1], { variant: 'T', base: 2, labels: ['Tibet', 'Beijing'] });
    expect(two.units[0]).toEqual({ index: 0, label: 'Tibet', populationShare: 0.75, resourceShare: 0.5, contribution: expect.closeTo(0.5 * Math.log2(2 / 3), 15) });
    expect(two.units[1]).toEqual({ index: 1, label: 'Beijing', populationShare: 0.25, resourceShare: 0.5, contribution: expect.closeTo(0.5, 15) });
  });

  it("zero weights contribute 0 and change no other term; under 'T' a zero value contributes 0", () => {
    const c = theilContributions([1, 5, 2, 3, 4], [1, 0, 1, 1, 1]);
    const without = theilContributions([1, 2, 3, 4]);
    expect(c.units[1]).toEqual({ index: 1, populationShare: 0, resourceShare: 0, contribution: 0 });
    expect([0, 2, 3, 4].map((i) => c.units[i].contribution)).toEqual(without.units.map((u) => u.contribution));
    expect(c.total).toBe(without.total);
    // A zero-weight unit with value 0 is allowed under 'L' too (it takes no part).
    expect(theilContributions([0, 1, 2], [0, 1, 1]).units[0].contribution).toBe(0);
    // 'T', [0, 0, 0, 10, 10, 10]: Y = 0, 0, 0, 1/3, 1/3, 1/3; terms 0 and (1/3) ln 2 each; total ln 2.
    const t = theilContributions([0, 0, 0, 10, 10, 10], null, { variant: 'T' });
    expect(t.units.map((u) => u.contribution)).toEqual([0, 0, 0, ...[1, 1, 1].map(() => expect.closeTo(Math.LN2 / 3, 15))]);
    expect(t.total).toBeCloseTo(Math.LN2, 15);
  });

  it('an equal distribution gives 0 for every term (+0, not -0)', () => {
    const c = theilContributions([2, 2, 2], [1, 5, 9]);
    expect(c.units.map((u) => Object.is(u.contribution, 0))).toEqual([true, true, true]);
  });

  it('theilDecomposition reports the same units', () => {
    for (const variant of ['L', 'T'] as const) {
      const d = theilDecomposition(PER_CAPITA, REGION, POPULATION, { variant, base: 10, labels: [...REGION] });
      const c = theilContributions(PER_CAPITA, POPULATION, { variant, base: 10, labels: [...REGION] });
      expect(d.units).toEqual(c.units);
      expect(Math.abs(sum(d.units.map((u) => u.contribution)) - d.total)).toBeLessThanOrEqual(1e-12 * d.total);
    }
  });

  it('bad input: as theil, naming theilContributions', () => {
    expect(() => theilContributions([1])).toThrow(/theilContributions requires at least 2 units/);
    expect(() => theilContributions([3, 0, 2], null, { labels: ['x', 'Tibet', 'z'] })).toThrow(
      /theilContributions: variant 'L' takes the log of each value, and unit 1: Tibet has value 0/,
    );
    expect(() => theilContributions([1, 2], null, { base: 0.5 })).toThrow(/theilContributions: base must be greater than 1/);
    expect(() => theilContributions([1, 2], null, { variant: 'X' as 'T' })).toThrow(/theilContributions: variant must be 'T' or 'L'/);
  });
});

describe('unknown options (kernel checkOptions)', () => {
  it('theil: a misspelt option is a TypeError naming the function and the key', () => {
    const call = (): unknown => theil([1, 2, 3], null, { varient: 'T' } as never);
    expect(call).toThrow(TypeError);
    expect(call).toThrow("theil: unknown option 'varient': did you mean 'variant'? (known: variant, base, reference, labels)");
  });
  it('theilContributions: a misspelt option is a TypeError naming the function and the key', () => {
    const call = (): unknown => theilContributions([1, 2, 3], null, { bas: 10 } as never);
    expect(call).toThrow(TypeError);
    expect(call).toThrow("theilContributions: unknown option 'bas': did you mean 'base'? (known: variant, base, reference, labels)");
  });
  it('theilDecomposition: a misspelt option is a TypeError naming the function and the key', () => {
    const call = (): unknown => theilDecomposition([1, 2, 3], ['a', 'a', 'b'], null, { lables: ['x', 'y', 'z'] } as never);
    expect(call).toThrow(TypeError);
    expect(call).toThrow("theilDecomposition: unknown option 'lables': did you mean 'labels'? (known: variant, base, reference, labels)");
  });
  it('generalizedEntropy: a misspelt option is a TypeError naming the function and the key', () => {
    const call = (): unknown => generalizedEntropy([1, 2, 3], 2, null, { weights: [1, 1, 1] } as never);
    expect(call).toThrow(TypeError);
    expect(call).toThrow("generalizedEntropy: unknown option 'weights' (known: labels)");
  });
  it('atkinson: a misspelt option is a TypeError naming the function and the key', () => {
    const call = (): unknown => atkinson([1, 2, 3], 0.5, null, { epsilon: 1 } as never);
    expect(call).toThrow(TypeError);
    expect(call).toThrow("atkinson: unknown option 'epsilon' (known: labels)");
  });
  it('coefficientOfVariation: a misspelt option is a TypeError naming the function and the key', () => {
    const call = (): unknown => coefficientOfVariation([1, 2, 3], null, { label: ['a', 'b', 'c'] } as never);
    expect(call).toThrow(TypeError);
    expect(call).toThrow("coefficientOfVariation: unknown option 'label': did you mean 'labels'? (known: labels)");
  });
});

describe("theil: option reference ('weighted' | 'unweighted') for per-unit terms", () => {
  it('by hand: [1, 3] weighted [3, 1]: textbook L = 0.75 ln 1.5 + 0.25 ln 0.5; against m = 2, 0.75 ln 2 + 0.25 ln(2/3)', () => {
    expect(theil([1, 3], [3, 1])).toBeCloseTo(0.75 * Math.log(1.5) + 0.25 * Math.log(0.5), 15);
    expect(theil([1, 3], [3, 1], { reference: 'unweighted' })).toBeCloseTo(0.75 * Math.log(2) + 0.25 * Math.log(2 / 3), 15);
    // T against m: sum P_i (x_i / m) ln(x_i / m) = 0.75 (1/2) ln(1/2) + 0.25 (3/2) ln(3/2)
    expect(theil([1, 3], [3, 1], { variant: 'T', reference: 'unweighted' })).toBeCloseTo(0.375 * Math.log(0.5) + 0.375 * Math.log(1.5), 15);
  });

  it("'L' against the unweighted mean is the textbook L plus ln(m / mu) (identity), on the synthetic provinces", () => {
    const m = PER_CAPITA.reduce((a, b) => a + b, 0) / PER_CAPITA.length;
    const mu = RESOURCE.reduce((a, b) => a + b, 0) / POPULATION.reduce((a, b) => a + b, 0);
    const unweighted = theil(PER_CAPITA, POPULATION, { reference: 'unweighted' });
    expect(unweighted).toBeCloseTo(theil(PER_CAPITA, POPULATION) + Math.log(m / mu), 13);
    // its unit terms add up to it; equal weights make the two references the same index
    const c = theilContributions(PER_CAPITA, POPULATION, { reference: 'unweighted', base: 10 });
    expect(sum(c.units.map((u) => u.contribution))).toBeCloseTo(c.total, 15);
    expect(c.total).toBeCloseTo(unweighted / Math.LN10, 14);
    expect(theil(PER_CAPITA, null, { reference: 'unweighted', variant: 'T' })).toBeCloseTo(theil(PER_CAPITA, null, { variant: 'T' }), 14);
  });

  it('zero-weight units are left out of m; L still refuses a zero value; the decomposition refuses the option', () => {
    expect(theil([1, 3, 100], [3, 1, 0], { reference: 'unweighted' })).toBeCloseTo(theil([1, 3], [3, 1], { reference: 'unweighted' }), 15);
    expect(() => theil([0, 3], [3, 1], { reference: 'unweighted' })).toThrow(/unit 0 has value 0/);
    expect(() => theilDecomposition([1, 2, 3], ['a', 'a', 'b'], null, { reference: 'unweighted' })).toThrow(/breaks between \+ within = total/);
    expect(() => theil([1, 2], null, { reference: 'mean' as never })).toThrow(/reference must be 'weighted' or 'unweighted'/);
  });
});

describe('theil T and zeros: Equilab keeps them (textbook), R ineq removes them', () => {
  it("theil([0,0,0,10,10,10], 'T') = ln 2; R ineq 0.2-13 Theil(c(0,0,0,10,10,10)) = 0 is the index of the non-zero units", () => {
    // R ineq 0.2-13 source: Theil <- function(x, parameter = 0, ...) { ... x <- x[!(x == 0)] ... }: the zeros are
    // removed before the mean is taken, so Theil(c(0,0,0,10,10,10)) = Theil(c(10,10,10)) = 0 (the R output).
    expect(theil([0, 0, 0, 10, 10, 10], null, { variant: 'T' })).toBeCloseTo(Math.LN2, 15);
    expect(theil([10, 10, 10], null, { variant: 'T' })).toBe(0);
  });
});
