import { describe, expect, it } from 'vitest';
import { gm11, loadPublishedTable, theil, theilDecomposition } from '../../lib/index';
import { gm11Conventions, identifyConvention, loadFu2023Inputs, theilConventions } from '../../lib/studies/index';

describe('identifyConvention: Fu et al. (2023) Table 7 uses Theil L in base-10 logarithms', () => {
  const inputs = loadFu2023Inputs();
  const table7 = loadPublishedTable('fu2023', 'table7').rows;
  const cell = (year: number, measure: string) =>
    table7.find((r) => r.year === year && r.measure === measure && r.basis === 'population') as { valueText: string };

  /**
   * The densities the paper prints (Table 2) are rounded to 0.01 GPs per 10,000 people, so a recomputed Theil index
   * carries their rounding too. A first-order worst-case bound: L = ln(mu) - sum P_i ln(x_i), and |d ln x| <= 0.005 / x,
   * so |dL| <= 0.005 (1 / mu + sum P_i / x_i) (over ln 10 in base 10). That is the slack added to the printed half-unit.
   */
  const slack = inputs.years.map((_, t) => {
    const x = inputs.density[t];
    const P = inputs.population[t];
    const W = P.reduce((a, b) => a + b, 0);
    const mu = x.reduce((a, v, i) => a + (v * P[i]) / W, 0);
    return (0.005 * (1 / mu + x.reduce((a, v, i) => a + P[i] / W / v, 0))) / Math.LN10;
  });

  it('the totals by population 2012-2019: of 12 named variants only Theil L, log10, weighted mean reproduces all 8', () => {
    const published = inputs.years.map((y) => cell(y, 'theil_total').valueText);
    expect(published).toEqual(['0.0742', '0.0604', '0.0486', '0.0459', '0.0446', '0.0429', '0.0416', '0.0270']);
    // the slack (at most 0.0062) stays below the gaps between the
    // variants: the nearest other one, Theil T in log10, misses some year by 0.016
    expect(Math.max(...slack)).toBeLessThan(0.008);
    const candidates = theilConventions((o) => inputs.years.map((_, t) => theil(inputs.density[t], inputs.population[t], o)));
    const r = identifyConvention(published, candidates, { tolerance: (text, i) => 0.5e-4 + slack[i] });
    expect(r.candidates).toHaveLength(12);
    const others = r.candidates.filter((c) => c.name !== 'Theil L, log10, weighted mean');
    expect(Math.min(...others.map((c) => Math.max(...c.differences.map(Math.abs))))).toBeGreaterThan(2 * Math.max(...slack));
    expect(r.matching).toEqual(['Theil L, log10, weighted mean']);
    expect(r.closest).toBe('Theil L, log10, weighted mean');
    // within the printed precision alone (no slack) even log10 misses some years: the rounded densities show
    const strict = identifyConvention(published, candidates);
    expect(strict.matching).toEqual([]);
    expect(strict.closest).toBe('Theil L, log10, weighted mean');
  });

  it('total, between and within together (weighted-mean variants: the decomposition needs it)', () => {
    const published = inputs.years.flatMap((y) => ['theil_total', 'theil_between', 'theil_within'].map((m) => cell(y, m).valueText));
    const zones = inputs.provinces.map((p) => p.zone);
    const candidates = theilConventions(
      (o) => inputs.years.flatMap((_, t) => {
        const d = theilDecomposition(inputs.density[t], zones, inputs.population[t], o);
        return [d.total, d.between, d.within];
      }),
      { references: ['weighted'] },
    );
    const r = identifyConvention(published, candidates, { tolerance: (text, i) => 0.5e-4 + slack[Math.floor(i / 3)] });
    expect(r.matching).toEqual(['Theil L, log10, weighted mean']);
  });
});

describe('identifyConvention: mechanics', () => {
  it('printed precision from the text (trailing zeros count), a number as extra slack, the closest candidate', () => {
    const r = identifyConvention(['0.120', '3.5'], { a: () => [0.1204, 3.54], b: () => [0.1206, 3.5], c: () => [0.2, 3] });
    expect(r.matching).toEqual(['a']); // b: 0.1206 is outside 0.120 ± 0.0005
    expect(r.candidates[0].tolerances).toEqual([0.0005, 0.05]);
    expect(r.candidates[1].within).toBe(1);
    expect(r.candidates[1].worst).toBeCloseTo(0.0006 / 0.0005, 12);
    expect(r.closest).toBe('a');
    expect(identifyConvention(['0.120'], { b: () => [0.1206] }, { tolerance: 0.0002 }).matching).toEqual(['b']);
  });

  it('GM(1,1): the absolute-residual convention is the one that gives a small C where the signed ones do not', () => {
    const series = [2.874, 3.278, 3.337, 3.39, 3.679];
    const all = gm11Conventions((o) => [gm11(series, o).C]);
    expect(all).toHaveLength(8);
    const r = identifyConvention(['0.13'], all);
    expect(r.matching.every((n) => n.startsWith('absolute residuals'))).toBe(true);
    expect(r.matching.length).toBeGreaterThan(0);
    expect(identifyConvention(['0.21'], all).matching).toContain('signed residuals, first counted, population SD');
  });

  it('bad input names the problem', () => {
    expect(() => identifyConvention([], { a: () => [] })).toThrow(/published must be a non-empty array/);
    expect(() => identifyConvention(['1'], { a: () => [1, 2] })).toThrow(/candidate 'a' returned 2 numbers for 1 published/);
    expect(() => identifyConvention(['1'], { a: () => [NaN] })).toThrow(/candidate 'a' gave NaN/);
    expect(() => identifyConvention(['x'], { a: () => [1] })).toThrow(/published number 0 is not a number/);
    expect(() => identifyConvention(['1'], [{ name: 'a', compute: () => [1] }, { name: 'a', compute: () => [1] }])).toThrow(/two candidates are named 'a'/);
    expect(() => identifyConvention(['1'], { a: () => [1] }, { tolerence: 1 } as never)).toThrow(/unknown option 'tolerence'/);
    expect(() => theilConventions(() => [1], { references: ['mean'] as never })).toThrow(/references must be 'weighted' or 'unweighted'/);
    expect(() => theilConventions(() => [1], { reference: ['weighted'] } as never)).toThrow(/unknown option 'reference'.*did you mean 'references'/);
  });
});
