/**
 * The exercise checker (lib/teaching): every exercise's expected value against a hand derivation (written in a
 * comment) or a second computation written here from the formula; the right answer is correct, a wrong one gets the
 * exercise's hint (which never contains the answer), an unanswered one is "not answered yet"; unknown ids throw.
 */
import { describe, expect, it, vi } from 'vitest';
import { gini, seededRandom, theilDecomposition, theilPermutationTest } from '../../lib/index';
import { check, checkAnswer, EXERCISES, exerciseData, exerciseIds, exerciseText, expectedValue } from '../../lib/teaching/index';

/** Second computations, from the formulas, independent of the library's implementation. */
const ln = Math.log;
const shares = (x: number[], w: number[]) => {
  const W = w.reduce((a, b) => a + b, 0);
  const R = x.reduce((a, v, i) => a + v * w[i], 0);
  return { P: w.map((v) => v / W), Y: x.map((v, i) => (v * w[i]) / R), mean: R / W, W };
};
const theilL = (x: number[], w: number[]) => {
  const { P, Y } = shares(x, w);
  return P.reduce((a, p, i) => a + p * ln(p / Y[i]), 0);
};
/** GM(1,1) by the textbook least squares (Liu & Forrest 2010, normal equations of B = [-z, 1], Y = x0(2..n)). */
const greyFit = (x: number[]) => {
  const x1 = x.map((_, k) => x.slice(0, k + 1).reduce((a, b) => a + b, 0));
  const z = x1.slice(1).map((v, k) => (v + x1[k]) / 2);
  const y = x.slice(1);
  const m = z.length;
  const [sz, sy, szz, szy] = [z.reduce((a, b) => a + b), y.reduce((a, b) => a + b), z.reduce((a, v) => a + v * v, 0), z.reduce((a, v, i) => a + v * y[i], 0)];
  // (B'B)^-1 B'Y with B'B = [[szz, -sz], [-sz, m]] and B'Y = [-szy, sy].
  const det = szz * m - sz * sz;
  const a = (m * -szy + sz * sy) / det;
  const b = (sz * -szy + szz * sy) / det;
  return { a, b };
};
/** One bootstrap stream as documented in lib/measures/bootstrap.ts: n draws floor(random() * n) per replicate. */
const resamples = (n: number, replicates: number, seed: number) => {
  const random = seededRandom(seed);
  return Array.from({ length: replicates }, () => Array.from({ length: n }, () => Math.floor(random() * n)));
};

describe('every exercise has the expected value a second computation gives', () => {
  it('primer 1: Lorenz and Gini', () => {
    // Pairs of [1, 2, 3, 6]: |diffs| 1, 2, 5, 1, 4, 3 = 16, ordered 32; G = 32 / (2 · 16 · 3) = 1/3.
    expect(expectedValue('gini-1')).toBeCloseTo(1 / 3, 12);
    // Sorted by density 1 (30), 2 (10), 4 (60): doctors 30, 20, 240 of 290; X .3 .4 1; Y 30/290 50/290 1;
    // sum = .3·30/290 + .1·80/290 + .6·340/290 = 221/290, G = 69/290.
    expect(expectedValue('gini-2')).toBeCloseTo(69 / 290, 12);
    // Densities 2, .5, 1, .667: sorted B (20 people, 10 doctors), D (30, 20): half the people, 30 of 100 doctors.
    expect(expectedValue('gini-3')).toBeCloseTo(0.3, 12);
    // Per area .25 (40 km², 10), 1 (30, 30), 1 (20, 20), 4 (10, 40): X .4 .7 .9 1, Y .1 .4 .6 1;
    // sum = .4·.1 + .3·.5 + .2·1 + .1·1.6 = .55, G = .45.
    expect(expectedValue('gini-4')).toBeCloseTo(0.45, 12);
  });

  it('primer 2: Theil', () => {
    // P = .5, .5; Y = .25, .75: L = .5 ln 2 + .5 ln(2/3) = .5 ln(4/3).
    expect(expectedValue('theil-1')).toBeCloseTo(0.5 * ln(4 / 3), 12);
    // Regions a (1 + 2 = 3 of 15) and b (12 of 15), each half the provinces: .5 ln(.5/.2) + .5 ln(.5/.8) = .5 ln 1.5625.
    expect(expectedValue('theil-2')).toBeCloseTo(0.5 * ln(1.5625), 12);
    // within = sum_g P_g L_g with each region's own L; share = within / L of all six.
    const d = exerciseData('theil-3');
    let within = 0;
    for (const g of ['West', 'East']) {
      const idx = d.region.flatMap((r, i) => (r === g ? [i] : []));
      const w = idx.map((i) => d.population[i]);
      const P = w.reduce((a, b) => a + b) / d.population.reduce((a, b) => a + b);
      within += P * theilL(idx.map((i) => d.density[i]), w);
    }
    expect(expectedValue('theil-3')).toBeCloseTo(within / theilL(d.density, d.population), 12);
    // P = .75, .25; doctors 3, 3 so Y = .5, .5: T = .5 ln(.5/.75) + .5 ln(.5/.25) = .5 ln(4/3), over ln 10.
    expect(expectedValue('theil-4')).toBeCloseTo((0.5 * ln(4 / 3)) / ln(10), 12);
  });

  it('primer 3: concentration index', () => {
    // L = 2/8, 3/8, 6/8, 1 at p = 1/4 … 1: sum = .25 (.25 + .625 + 1.125 + 1.75) = .9375, C = .0625.
    expect(expectedValue('ci-1')).toBeCloseTo(0.0625, 12);
    // Income order: 30 people (income 1), 60 (2), then the richest with 10: rank = .9 + .05.
    expect(expectedValue('ci-2')).toBeCloseTo(0.95, 12);
    // r = 1/8, 3/8, 5/8, 7/8; mu = .7; cov = (.2·.375 + .1·.125) · 2 / 4 = .04375; C = 2 cov / mu = .125;
    // E = 4 · .7 · .125 = .35.
    expect(expectedValue('ci-3')).toBeCloseTo(0.35, 12);
    // z = C / SE, SE from var(C) = (1/n) [sum f a_t^2 - (1 + C)^2], a_t = (x_t/mu)(2 r_t - 1 - C) + 2 - L_(t-1) - L_t
    // (Kakwani, Wagstaff & van Doorslaer 1997, eq. 14), uncentred form; incomes are already in ascending order.
    const d = exerciseData('ci-4');
    const n = d.density.length;
    const mu = d.density.reduce((a, b) => a + b) / n;
    const r = d.density.map((_, t) => (t + 0.5) / n);
    const C = (2 * d.density.reduce((a, x, t) => a + (x - mu) * (r[t] - 0.5), 0)) / n / mu;
    const L = [0, ...d.density.map((_, t) => d.density.slice(0, t + 1).reduce((a, b) => a + b) / (mu * n))];
    const a = d.density.map((x, t) => (x / mu) * (2 * r[t] - 1 - C) + 2 - L[t] - L[t + 1]);
    const se = Math.sqrt((a.reduce((s, v) => s + v * v, 0) / n - (1 + C) ** 2) / n);
    expect(expectedValue('ci-4')).toBeCloseTo(C / se, 9);
  });

  it('primer 4: agglomeration', () => {
    // Doctors 30, 50, 20 of 100; population 20, 60, 20 of 100; area 10, 30, 60 of 100.
    expect(expectedValue('agg-1')).toBeCloseTo(0.5 / 0.3, 12); // B: .5 / .3
    expect(expectedValue('agg-2')).toBeCloseTo(0.2 / 0.6, 12); // C: .2 / .6
    expect(expectedValue('agg-3')).toBeCloseTo(0.3 / 0.2, 12); // A: .3 / .2
  });

  it('primer 5: GM(1,1)', () => {
    // x1(4) = 2.0 + 2.2 + 2.5 + 2.6 = 9.3.
    expect(expectedValue('gm-1')).toBeCloseTo(9.3, 12);
    const { series } = exerciseData('gm-2');
    const { a, b } = greyFit(series);
    expect(expectedValue('gm-2')).toBeCloseTo(a, 10);
    // x0hat(6) = (x0(1) - b/a)(1 - e^a) e^(-5a).
    expect(expectedValue('gm-3')).toBeCloseTo((series[0] - b / a) * (1 - Math.exp(a)) * Math.exp(-5 * a), 10);
  });

  it('primer 6: uncertainty', () => {
    const d1 = exerciseData('unc-1');
    const draws1 = resamples(6, d1.replicates, d1.seed);
    const g = draws1.map((s) => gini(s.map((i) => d1.density[i]), s.map((i) => d1.population[i])));
    const mean = g.reduce((a, b) => a + b) / g.length;
    const sd = Math.sqrt(g.reduce((a, v) => a + (v - mean) ** 2, 0) / (g.length - 1));
    expect(expectedValue('unc-1')).toBeCloseTo(sd, 12);
    // Moved: 1.15, 1.75, 2.55, 3.15 with populations 4, 3, 2, 1: doctors 4.6, 5.25, 5.1, 3.15 = 18.1;
    // X .4 .7 .9 1; sum = (.4·4.6 + .3·14.45 + .2·24.8 + .1·33.05) / 18.1 = 14.44 / 18.1; G = 3.66 / 18.1.
    expect(expectedValue('unc-2')).toBeCloseTo(3.66 / 18.1, 12);
    const d3 = exerciseData('unc-3');
    const draws3 = resamples(6, d3.replicates, d3.seed);
    const falls = draws3.filter((s) => {
      const w = s.map((i) => d3.population[i]);
      return gini(s.map((i) => d3.after[i]), w) - gini(s.map((i) => d3.before[i]), w) < 0;
    }).length;
    expect(expectedValue('unc-3')).toBe(falls / d3.replicates);
    // p = (1 + #{shuffled between shares >= observed}) / (shuffles + 1), the observed share from the decomposition.
    const d4 = exerciseData('unc-4');
    const test4 = theilPermutationTest(d4.density, d4.region, d4.population, { permutations: d4.permutations, seed: d4.seed });
    const observed = theilDecomposition(d4.density, d4.region, d4.population).betweenShare;
    const asLarge = Array.from(test4.distribution).filter((s) => s >= observed - 1e-12).length;
    expect(expectedValue('unc-4')).toBe((1 + asLarge) / (d4.permutations + 1));
    expect(test4.distribution.length).toBe(199);
  });
});

describe('checkAnswer', () => {
  const ids = exerciseIds();

  it('knows at least three exercises per primer, each with a positive tolerance', () => {
    for (let primer = 1; primer <= 6; primer++) expect(exerciseIds(primer).length).toBeGreaterThanOrEqual(3);
    expect(ids.length).toBe(Object.keys(EXERCISES).length);
    for (const id of ids) expect(checkAnswer(id, expectedValue(id)).tolerance).toBeGreaterThan(0);
  });

  it.each(ids)('%s: the expected value is correct, and so is anything within the tolerance', (id) => {
    const value = expectedValue(id);
    const { tolerance } = checkAnswer(id, value);
    expect(checkAnswer(id, value).status).toBe('correct');
    expect(checkAnswer(id, value + 0.9 * tolerance).status).toBe('correct');
    expect(checkAnswer(id, value - 0.9 * tolerance).status).toBe('correct');
    expect(checkAnswer(id, value).message).toMatch(new RegExp(`^${id}: correct`));
  });

  it.each(ids)('%s: a wrong answer gets the hint, and the hint does not contain the answer', (id) => {
    const value = expectedValue(id);
    const { tolerance } = checkAnswer(id, value);
    const hint = (EXERCISES as Record<string, { hint: string }>)[id].hint;
    for (const wrong of [value + 3 * tolerance, value - 3 * tolerance, value + 1, -value - 1]) {
      const result = checkAnswer(id, wrong);
      expect(result.status).toBe('incorrect');
      expect(result.message).toContain(`${id}: not yet.`);
      expect(result.message).toContain(hint);
    }
    // The answer appears in no form a student would type (2 to 4 decimals), nor as a percentage.
    for (const digits of [2, 3, 4]) {
      expect(hint).not.toContain(value.toFixed(digits));
      expect(hint).not.toContain((100 * value).toFixed(digits - 2));
    }
    expect(exerciseText(id)).not.toContain(value.toFixed(3));
  });

  it.each(ids)('%s: undefined and null are "not answered yet"; text, NaN and arrays get the hint, never a throw', (id) => {
    for (const empty of [undefined, null]) {
      expect(checkAnswer(id, empty)).toMatchObject({ status: 'unanswered', message: `${id}: not answered yet (write your answer in place of undefined)` });
    }
    for (const bad of ['0.3', NaN, Infinity, [expectedValue(id)], {}]) {
      const result = checkAnswer(id, bad);
      expect(result.status).toBe('incorrect');
      expect(result.message).toMatch(/should be one finite number/);
    }
  });

  it('says when an answer looks like a percentage', () => {
    // gini-1 is 1/3: 33.33 is the percentage.
    expect(checkAnswer('gini-1', 100 / 3).message).toMatch(/looks like a percentage/);
    expect(checkAnswer('gini-1', 0.5).message).not.toMatch(/percentage/);
  });

  it('refuses an unknown id with the nearest one, and an id that is not a string', () => {
    expect(() => checkAnswer('theil2', 0.1)).toThrow(RangeError);
    expect(() => checkAnswer('theil2', 0.1)).toThrow(/check: no exercise 'theil2' \(did you mean 'theil-2'\?\)/);
    expect(() => checkAnswer('entropy-7', 0.1)).toThrow(/no exercise 'entropy-7'; the exercises are gini-1/);
    expect(() => checkAnswer('toString', 0.1)).toThrow(/no exercise 'toString'/);
    expect(() => checkAnswer(3 as unknown as string, 0.1)).toThrow(TypeError);
    expect(() => expectedValue('gini-9')).toThrow(/expectedValue: no exercise 'gini-9'/);
    expect(() => exerciseText('nope')).toThrow(/exerciseText: no exercise/);
  });
});

describe('check, exerciseData and exerciseText', () => {
  it('check prints the verdict and returns nothing', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(check('gini-4', undefined)).toBeUndefined();
      check('gini-4', expectedValue('gini-4'));
      check('gini-4', 0.1);
      expect(log.mock.calls.map((c) => String(c[0]).split(' (')[0].split('.')[0])).toEqual([
        'gini-4: not answered yet',
        'gini-4: correct',
        'gini-4: not yet',
      ]);
    } finally {
      log.mockRestore();
    }
  });

  it('exerciseData returns a copy: editing it changes neither the exercise nor its expected value', () => {
    const before = expectedValue('gini-2');
    const data = exerciseData('gini-2');
    expect(data).toEqual({ density: [2, 1, 4], population: [10, 30, 60] });
    data.density[0] = 100;
    expect(exerciseData('gini-2').density[0]).toBe(2);
    expect(expectedValue('gini-2')).toBe(before);
  });

  it('exerciseText shows the question, every data value and the tolerance', () => {
    const text = exerciseText('unc-1');
    expect(text).toMatch(/^\*\*Exercise unc-1\. A bootstrap standard error\.\*\*/);
    expect(text).toContain('| `density` | `population` |');
    expect(text).toContain('| 1.2 | 5 |');
    expect(text).toContain('`replicates` = 500, `seed` = 11');
    expect(text).toContain('within ±0.0005');
    expect(exerciseText('theil-3')).toContain('**Exercise theil-3. What share lies within regions?**');
  });
});
