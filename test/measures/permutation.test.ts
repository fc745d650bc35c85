import { describe, expect, it } from 'vitest';
import { bootstrap, dagumGiniDecomposition, dagumPermutationTest, heatSummary, theilDecomposition, theilPermutationTest } from '../../lib/index';
import { readMexico } from '../helpers/mexico';

const YEARS = ['pcgdp1940', 'pcgdp1950', 'pcgdp1960', 'pcgdp1970', 'pcgdp1980', 'pcgdp1990', 'pcgdp2000'];
// PySAL inequality, theil.py docstring of TheilDSim: np.random.seed(10); TheilDSim(y, hanson98, 999).bg_pvalue
const PYSAL_BG_PVALUE = [0.4, 0.344, 0.001, 0.001, 0.034, 0.072, 0.032];

describe('theilPermutationTest: against PySAL TheilDSim', () => {
  it('Mexico by hanson98, 999 permutations: p-values agree with PySAL’s to Monte Carlo error', () => {
    // Different generators (NumPy's vs mulberry32), so the draws differ: each p-value is a Monte Carlo estimate with
    // standard deviation sqrt(p (1 - p) / 999); the difference of two independent ones has sqrt(2) times that.
    // Allow 4 such standard deviations (plus one count, 0.001).
    const { columns } = readMexico();
    YEARS.forEach((year, t) => {
      const r = theilPermutationTest(columns[year], columns.hanson98, null, { variant: 'T', permutations: 999, seed: 10 });
      const p = PYSAL_BG_PVALUE[t];
      const sd = Math.sqrt((Math.max(p, 0.001) * (1 - p)) / 999) * Math.SQRT2;
      expect(Math.abs(r.pValue - p)).toBeLessThanOrEqual(4 * sd + 0.001);
      expect(r.observed).toBeCloseTo(theilDecomposition(columns[year], columns.hanson98, null, { variant: 'T' }).betweenShare, 15);
    });
  });
});

describe('permutation tests: exact cases and reproducibility', () => {
  const y = [1, 2, 3, 10, 11, 12];
  const g = ['a', 'a', 'a', 'b', 'b', 'b'];

  it('two groups of 3 that separate perfectly: of the 20 equally likely assignments, 2 (it and its mirror) are as extreme', () => {
    // By enumeration: the between share is largest for {1,2,3 | 10,11,12} and its mirror, so the exact permutation
    // p-value is 2/20 = 0.1; 19,999 shuffles estimate it within 4 sd = 4 sqrt(0.1 0.9 / 19999) = 0.0085.
    const t = theilPermutationTest(y, g, null, { permutations: 19999, seed: 3 });
    expect(Math.abs(t.pValue - 0.1)).toBeLessThan(0.0085);
    const d = dagumPermutationTest(y, g, null, { permutations: 19999, seed: 3 });
    expect(Math.abs(d.pValue - 0.1)).toBeLessThan(0.0085);
    expect(d.observed).toBeCloseTo(dagumGiniDecomposition(y, g).netBetweenShare, 15);
  });

  it('the same seed gives the same distribution; the p-value counts the observed grouping (PySAL’s definition)', () => {
    const a = theilPermutationTest(y, g, [1, 2, 1, 2, 1, 2], { permutations: 99, seed: 42 });
    const b = theilPermutationTest(y, g, [1, 2, 1, 2, 1, 2], { permutations: 99, seed: 42 });
    expect(Array.from(a.distribution)).toEqual(Array.from(b.distribution));
    const atLeast = Array.from(a.distribution).filter((s) => s >= a.observed - 1e-12).length;
    expect(a.pValue).toBe((atLeast + 1) / 100);
    const c = theilPermutationTest(y, g, [1, 2, 1, 2, 1, 2], { permutations: 99, seed: 43 });
    expect(Array.from(c.distribution)).not.toEqual(Array.from(a.distribution));
  });

  it("dagum component 'grossBetween' is 1 - within share", () => {
    const r = dagumPermutationTest([1, 5, 2, 6, 3, 9], ['A', 'A', 'B', 'B', 'C', 'C'], null, { component: 'grossBetween', permutations: 9 });
    const d = dagumGiniDecomposition([1, 5, 2, 6, 3, 9], ['A', 'A', 'B', 'B', 'C', 'C']);
    expect(r.observed).toBeCloseTo(1 - d.withinShare, 14);
  });

  it('bad input', () => {
    expect(() => theilPermutationTest(y, g, null, { permutations: 0 })).toThrow(/permutations must be an integer >= 1/);
    expect(() => theilPermutationTest(y, g, null, { seed: -1 })).toThrow(/seed must be an integer in \[0, 2\^32\)/);
    expect(() => theilPermutationTest(y, g, null, { permutation: 9 } as never)).toThrow(/unknown option 'permutation'/);
    expect(() => dagumPermutationTest(y, g, null, { component: 'between' as never })).toThrow(/component must be 'netBetween' or 'grossBetween'/);
  });
});

describe('bootstrap works with the new measures', () => {
  it('a Dagum component and a HEAT measure as bootstrap statistics (seeded, reproducible)', () => {
    const { columns } = readMexico();
    const y = columns.pcgdp2000;
    const regions = columns.hanson98;
    const b = bootstrap((v, r) => dagumGiniDecomposition(v, Array.from(r)).netBetweenShare, [y, regions], { replicates: 200, seed: 5 });
    expect(b.estimate).toBe(dagumGiniDecomposition(y, regions).netBetweenShare);
    expect(b.lower).toBeLessThan(b.estimate);
    expect(b.upper).toBeGreaterThan(b.estimate);
    const again = bootstrap((v, r) => dagumGiniDecomposition(v, Array.from(r)).netBetweenShare, [y, regions], { replicates: 200, seed: 5 });
    expect(again.upper).toBe(b.upper);
    // HEAT: resample the subgroups' estimates with their populations (a non-ordered dimension)
    const estimates = [12, 18, 25, 31, 40, 22];
    const population = [5, 8, 3, 9, 4, 6];
    const h = bootstrap(
      (e, p) => heatSummary(Array.from(e, (estimate, i) => ({ estimate, population: p[i] })), { indicator: 'favourable' }).BGV.estimate,
      [estimates, population],
      { replicates: 100, seed: 9 },
    );
    expect(h.estimate).toBeGreaterThan(0);
    expect(h.distribution).toHaveLength(100);
  });
});
