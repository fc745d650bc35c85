import { describe, expect, it } from 'vitest';
import { dagumGiniDecomposition, gini } from '../../lib/index';
import { readMexico, testRandom } from '../helpers/mexico';

/**
 * Dagum (1997), literally: every sum over pairs of units written out, O(n^2). Units weighted by w (all 1 for the
 * unweighted form). G_jh = sum_i sum_r w_i w_r |y_i - y_r| / (W_j W_h (Y_j + Y_h)), G_jj = the same over 2 Y_j,
 * d_jh and p_jh the mean positive and negative parts of y_j - y_h for Y_j >= Y_h, D_jh = (d_jh - p_jh) / (d_jh + p_jh).
 */
function literalDagum(y: number[], g: (string | number)[], w: number[]) {
  const keys = [...new Set(g)];
  const W = w.reduce((a, b) => a + b, 0);
  const R = y.reduce((a, v, i) => a + v * w[i], 0);
  const idx = keys.map((k) => y.map((_, i) => i).filter((i) => g[i] === k));
  const Wj = idx.map((ii) => ii.reduce((a, i) => a + w[i], 0));
  const Rj = idx.map((ii) => ii.reduce((a, i) => a + w[i] * y[i], 0));
  const Y = Rj.map((r, j) => r / Wj[j]);
  const p = Wj.map((v) => v / W);
  const s = Rj.map((v) => v / R);
  let within = 0;
  const groupGini: number[] = [];
  for (let j = 0; j < keys.length; j++) {
    let t = 0;
    for (const a of idx[j]) for (const b of idx[j]) t += w[a] * w[b] * Math.abs(y[a] - y[b]);
    const G = Y[j] > 0 ? t / (2 * Wj[j] * Wj[j] * Y[j]) : 0;
    groupGini.push(G);
    within += G * p[j] * s[j];
  }
  let net = 0;
  let trans = 0;
  const pairs: { gini: number; D: number }[] = [];
  for (let j = 0; j < keys.length; j++) {
    for (let h = j + 1; h < keys.length; h++) {
      const [hi, lo] = Y[j] >= Y[h] ? [j, h] : [h, j];
      let d = 0;
      let q = 0;
      let t = 0;
      for (const a of idx[hi]) {
        for (const b of idx[lo]) {
          const diff = y[a] - y[b];
          const ww = w[a] * w[b];
          if (diff > 0) d += ww * diff;
          else q -= ww * diff;
          t += ww * Math.abs(diff);
        }
      }
      const Gjh = Y[j] + Y[h] > 0 ? t / (Wj[j] * Wj[h] * (Y[j] + Y[h])) : 0; // two all-zero groups: no difference
      const D = d + q > 0 ? (d - q) / (d + q) : 0;
      pairs.push({ gini: Gjh, D });
      net += Gjh * (p[j] * s[h] + p[h] * s[j]) * D;
      trans += Gjh * (p[j] * s[h] + p[h] * s[j]) * (1 - D);
    }
  }
  return { within, net, trans, groupGini, pairs };
}

function expectMatchesLiteral(y: number[], g: (string | number)[], w: number[] | null) {
  const ones = y.map(() => 1);
  const ref = literalDagum(y, g, w ?? ones);
  const d = dagumGiniDecomposition(y, g, w);
  expect(d.within).toBeCloseTo(ref.within, 13);
  expect(d.netBetween).toBeCloseTo(ref.net, 13);
  expect(d.transvariation).toBeCloseTo(ref.trans, 13);
  d.groups.forEach((r, j) => expect(r.gini).toBeCloseTo(ref.groupGini[j], 13));
  d.pairs.forEach((pair, q) => {
    expect(pair.gini).toBeCloseTo(ref.pairs[q].gini, 13);
    expect(pair.relativeAffluence).toBeCloseTo(ref.pairs[q].D, 12);
  });
  // The identity (Dagum 1997, Eq. 2.11), and total = the library's Gini exactly.
  expect(d.total).toBe(gini(y, w));
  expect(Math.abs(d.within + d.netBetween + d.transvariation - d.total)).toBeLessThan(1e-15 * Math.max(1, d.total) * 4);
}

describe('dagumGiniDecomposition: hand-derivable cases', () => {
  it('A = [1, 5], B = [2, 6]: total 9/28, within 1/7, net between 1/14, transvariation 3/28', () => {
    // By hand. All values 1, 2, 5, 6, mean 3.5; |differences| of the 6 pairs 1, 4, 5, 3, 4, 1 = 18, G = 36 / (2 16 3.5).
    // A: mean 3, G_AA = 2*4 / (2*4*3) = 1/3; B: mean 4, G_BB = 8 / 32 = 1/4; p = 1/2 each, s_A = 6/14, s_B = 8/14.
    // within = 1/2 3/7 1/3 + 1/2 4/7 1/4 = 1/7. E|A - B| = (1 + 5 + 3 + 1) / 4 = 2.5, G_AB = 2.5 / 7 = 5/14,
    // p_A s_B + p_B s_A = 1/2, D = (4 - 3) / 2.5 = 0.4: net = 5/14 1/2 0.4 = 1/14, transvariation = 5/14 1/2 0.6 = 3/28.
    const d = dagumGiniDecomposition([1, 5, 2, 6], ['A', 'A', 'B', 'B']);
    expect(d.total).toBeCloseTo(9 / 28, 15);
    expect(d.within).toBeCloseTo(1 / 7, 15);
    expect(d.netBetween).toBeCloseTo(1 / 14, 15);
    expect(d.transvariation).toBeCloseTo(3 / 28, 15);
    expect(d.groups.map((r) => r.gini)).toEqual([expect.closeTo(1 / 3, 15), expect.closeTo(1 / 4, 15)]);
    expect(d.pairs).toHaveLength(1);
    expect(d.pairs[0].groups).toEqual(['A', 'B']);
    expect(d.pairs[0].gini).toBeCloseTo(5 / 14, 15);
    expect(d.pairs[0].relativeAffluence).toBeCloseTo(0.4, 15);
    expect(d.withinShare + d.netBetweenShare + d.transvariationShare).toBeCloseTo(1, 15);
  });

  it('groups that do not overlap have no transvariation: A = [1, 3], B = [5, 7] gives 0.0625 + 0.25 + 0', () => {
    // By hand: G = 40 / (2 16 4) = 0.3125; G_AA = 1/4, G_BB = 1/12, s = 1/4, 3/4: within = 1/32 + 1/32 = 0.0625;
    // E|A - B| = 4, G_AB = 4/8 = 1/2, weight of the pair 1/2, D = (6 - 2) / 4 = 1: net = 0.25, transvariation = 0.
    const d = dagumGiniDecomposition([1, 3, 5, 7], [1, 1, 2, 2]);
    expect(d.total).toBeCloseTo(0.3125, 15);
    expect(d.within).toBeCloseTo(0.0625, 15);
    expect(d.netBetween).toBeCloseTo(0.25, 15);
    expect(d.transvariation).toBe(0);
    expect(d.pairs[0].relativeAffluence).toBe(1);
  });

  it('equal values: every component is exactly 0; groups with equal means but spread are all transvariation', () => {
    const equal = dagumGiniDecomposition([2, 2, 2, 2], ['a', 'b', 'a', 'b'], [1, 2, 3, 4]);
    expect([equal.within, equal.netBetween, equal.transvariation]).toEqual([0, 0, 0]);
    // A = [1, 3], B = [2, 2]: means equal, D = 0, so the between part is all transvariation.
    const same = dagumGiniDecomposition([1, 3, 2, 2], ['A', 'A', 'B', 'B']);
    expect(same.netBetween).toBe(0);
    expect(same.transvariation).toBeGreaterThan(0);
    expect(same.within + same.transvariation).toBeCloseTo(same.total, 15);
  });

  it('one group: everything is within; the group Gini is the Gini', () => {
    const d = dagumGiniDecomposition([1, 2, 4, 8], ['x', 'x', 'x', 'x']);
    expect(d.pairs).toEqual([]);
    expect(d.within).toBeCloseTo(d.total, 15);
    expect(d.groups[0].gini).toBeCloseTo(gini([1, 2, 4, 8]), 15);
  });

  it('a group whose values are all zero has gini 0 and contributes nothing within', () => {
    const d = dagumGiniDecomposition([0, 0, 3, 5], ['z', 'z', 'p', 'p']);
    expect(d.groups[0].gini).toBe(0);
    expect(d.groups[0].withinContribution).toBe(0);
    expect(d.pairs[0].relativeAffluence).toBe(1);
    expect(d.within + d.netBetween + d.transvariation).toBeCloseTo(d.total, 15);
  });
});

describe('dagumGiniDecomposition: against a literal O(n^2) implementation', () => {
  it('Mexico pcgdp 1940-2000 by hanson98 and inegi (unweighted, 32 states)', () => {
    const { columns } = readMexico();
    for (const year of ['pcgdp1940', 'pcgdp1970', 'pcgdp2000']) {
      expectMatchesLiteral(columns[year], columns.hanson98, null);
      expectMatchesLiteral(columns[year], columns.inegi, null);
    }
  });

  it('random data, population-weighted, with ties, zero weights and zero values', () => {
    const random = testRandom(1997);
    for (let trial = 0; trial < 30; trial++) {
      const n = 2 + Math.floor(random() * 40);
      const y = Array.from({ length: n }, () => (random() < 0.2 ? 0 : Math.round(random() * 20)));
      y[0] = 5;
      const g = Array.from({ length: n }, () => 'abcd'[Math.floor(random() * 4)]);
      const w = Array.from({ length: n }, () => (random() < 0.1 ? 0 : 0.1 + random() * 50));
      w[0] = 1;
      w[n - 1] = 2;
      // every group keeps a positive weight
      const ok = [...new Set(g)].every((k) => g.some((gi, i) => gi === k && w[i] > 0));
      if (!ok) continue;
      expectMatchesLiteral(y, g, w);
      expectMatchesLiteral(y, g, null);
    }
  });

  it('weights of 1 give the unweighted result; integer weights equal repeating units', () => {
    const y = [3.2, 1.1, 7.5, 2.2, 9.9, 4.4];
    const g = ['e', 'w', 'e', 'c', 'c', 'w'];
    const a = dagumGiniDecomposition(y, g);
    const b = dagumGiniDecomposition(y, g, [1, 1, 1, 1, 1, 1]);
    expect(b.within).toBeCloseTo(a.within, 15);
    expect(b.transvariation).toBeCloseTo(a.transvariation, 15);
    const repeated = dagumGiniDecomposition([3.2, 3.2, 1.1, 7.5, 2.2, 2.2, 2.2, 9.9, 4.4], ['e', 'e', 'w', 'e', 'c', 'c', 'c', 'c', 'w']);
    const weighted = dagumGiniDecomposition(y, g, [2, 1, 1, 3, 1, 1]);
    expect(weighted.total).toBeCloseTo(repeated.total, 15);
    expect(weighted.within).toBeCloseTo(repeated.within, 15);
    expect(weighted.netBetween).toBeCloseTo(repeated.netBetween, 15);
    expect(weighted.transvariation).toBeCloseTo(repeated.transvariation, 15);
  });

  it('does not modify its inputs', () => {
    const y = Object.freeze([1, 5, 2, 6]);
    const g = Object.freeze(['A', 'A', 'B', 'B']);
    const w = Object.freeze([1, 2, 3, 4]);
    expect(() => dagumGiniDecomposition(y, g, w)).not.toThrow();
  });
});

describe('dagumGiniDecomposition: bad input', () => {
  it('names the function and the problem', () => {
    expect(() => dagumGiniDecomposition([1, 2], ['a'])).toThrow(/dagumGiniDecomposition: values and groups differ in length/);
    expect(() => dagumGiniDecomposition([1, 2], 'ab' as never)).toThrow(TypeError);
    expect(() => dagumGiniDecomposition([1, 2], ['a', null as never])).toThrow(/groups must be strings or finite numbers \(unit 1/);
    expect(() => dagumGiniDecomposition([1, 2, 3], ['a', ' ', 'b'])).toThrow(/dagumGiniDecomposition: the group of unit 1 is blank/);
    expect(() => dagumGiniDecomposition([1, 2, 3], ['a', 'b', 'b'], [0, 1, 1])).toThrow(/group a has zero total weight/);
    expect(() => dagumGiniDecomposition([0, 0], ['a', 'b'])).toThrow(RangeError);
    expect(() => dagumGiniDecomposition([1, -2], ['a', 'b'])).toThrow(/non-negative/);
    expect(() => dagumGiniDecomposition([1, 2], ['a', 'b'], null, { lables: [] } as never)).toThrow(/unknown option 'lables'/);
  });
});
