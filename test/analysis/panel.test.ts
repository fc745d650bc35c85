/**
 * lib/analysis: analysePanel, stageTables, wideTable. Three kinds of check:
 * 1. a small panel computed by hand (the arithmetic is in the comments);
 * 2. every number the layer returns equals a direct call of the measure on the inputs its doc names;
 * 3. the shapes: a one-year table, a panel without area, groups or rankBy, the long form round-trip, bad input.
 */
import { describe, expect, it } from 'vitest';
import {
  agglomeration,
  analysePanel,
  concentrationCurve,
  concentrationIndex,
  gini,
  growthBetween,
  lorenzCurve,
  stageTables,
  theilContributions,
  theilDecomposition,
  wideTable,
} from '../../lib/index';
import type { PanelAnalysis, PanelRow, PanelSpec } from '../../lib/index';
import { testRandom } from '../helpers/mexico';

// Hand panel: four units in two groups, two years. 2018: resource 10, 20, 30, 40; population 100 each;
// area 10, 20, 10, 60. 2019: A's resource doubles to 20.
const HAND: PanelRow[] = [
  { unit: 'A', year: 2018, group: 'g1', doctors: 10, people: 100, km2: 10, income: 1 },
  { unit: 'B', year: 2018, group: 'g1', doctors: 20, people: 100, km2: 20, income: 2 },
  { unit: 'C', year: 2018, group: 'g2', doctors: 30, people: 100, km2: 10, income: 3 },
  { unit: 'D', year: 2018, group: 'g2', doctors: 40, people: 100, km2: 60, income: 4 },
  { unit: 'A', year: 2019, group: 'g1', doctors: 20, people: 100, km2: 10, income: 1 },
  { unit: 'B', year: 2019, group: 'g1', doctors: 20, people: 100, km2: 20, income: 2 },
  { unit: 'C', year: 2019, group: 'g2', doctors: 30, people: 100, km2: 10, income: 3 },
  { unit: 'D', year: 2019, group: 'g2', doctors: 40, people: 100, km2: 60, income: 4 },
];
const HAND_SPEC: PanelSpec = { unit: 'unit', year: 'year', resource: 'doctors', population: 'people', area: 'km2', group: 'group', rankBy: 'income' };

describe('analysePanel on a panel computed by hand', () => {
  const result = analysePanel(HAND, HAND_SPEC);
  const y2018 = result.years[0];

  it('Stage 0: totals, densities (per 1,000 by default) and growth', () => {
    expect(result.years.map((y) => y.year)).toEqual([2018, 2019]);
    // 100 doctors, 400 people, 100 km²: 250 per 1,000 people, 1 per km².
    expect(y2018.total).toEqual({ units: 4, resource: 100, population: 400, area: 100, density: 250, areaDensity: 1 });
    expect(y2018.groups.map((g) => [g.group, g.resource, g.density])).toEqual([['g1', 30, 150], ['g2', 70, 350]]);
    // 2019: 110 doctors, 275 per 1,000; growth 275 / 250 - 1 = 0.1 in one year.
    const national = result.growth.find((g) => g.scope === 'national' && g.measure === 'density' && g.kind === 'consecutive');
    expect(national?.averageAnnualGrowthRate).toBeCloseTo(0.1, 14);
    // A's resource 10 -> 20: +100 %.
    expect(result.growth.find((g) => g.scope === 'unit' && g.name === 'A' && g.measure === 'resource')?.averageAnnualGrowthRate).toBeCloseTo(1, 14);
  });

  it('Stage 1: Gini by population is the Gini of 1, 2, 3, 4 (sum of |differences| 20 / (2 * 16 * 2.5) = 0.25)', () => {
    expect(y2018.byPopulation.gini).toBeCloseTo(0.25, 14);
    expect(Array.from(y2018.byPopulation.lorenz.L)).toEqual([0, 0.1, 0.3, 0.6, 1].map((v, i) => (i === 0 || i === 4 ? v : expect.closeTo(v, 14))));
  });

  it('Stage 2: Theil L by population, between/within and each unit\'s term', () => {
    // P_i = 0.25, Y_i = 0.1, 0.2, 0.3, 0.4: terms 0.25 ln(0.25 / Y_i) = 0.229073, 0.055786, -0.045580, -0.117501.
    const theil = y2018.byPopulation.theil;
    expect(theil.units.map((u) => u.unit)).toEqual(['A', 'B', 'C', 'D']);
    const terms = [0.25 * Math.log(2.5), 0.25 * Math.log(1.25), 0.25 * Math.log(0.25 / 0.3), 0.25 * Math.log(0.625)];
    theil.units.forEach((u, i) => expect(u.contribution).toBeCloseTo(terms[i], 14));
    expect(theil.total).toBeCloseTo(0.25 * Math.log(2.5 * 1.25 * (0.25 / 0.3) * 0.625), 14); // 0.121777
    // Groups: g1 P = 0.5, Y = 0.3; g2 P = 0.5, Y = 0.7: between = 0.5 ln(0.5/0.3) + 0.5 ln(0.5/0.7) = 0.087177.
    expect(theil.between).toBeCloseTo(0.5 * Math.log(0.5 / 0.3) + 0.5 * Math.log(0.5 / 0.7), 14);
    // Within: g1's own L = 0.5 ln 1.5 + 0.5 ln 0.75 = 0.058892, g2's = 0.5 ln(7/6) + 0.5 ln(7/8) = 0.010310.
    const g1 = 0.5 * Math.log(1.5) + 0.5 * Math.log(0.75);
    const g2 = 0.5 * Math.log(7 / 6) + 0.5 * Math.log(7 / 8);
    expect(theil.groups.map((g) => g.theil)).toEqual([expect.closeTo(g1, 14), expect.closeTo(g2, 14)]);
    expect(theil.within).toBeCloseTo(0.5 * g1 + 0.5 * g2, 14);
    expect(theil.groups[0].shareOfWithin).toBeCloseTo(g1 / (g1 + g2), 14);
  });

  it('Agglomeration: HRAD = resource share / area share, PAD = population share / area share', () => {
    // Resource shares 0.1, 0.2, 0.3, 0.4; area shares 0.1, 0.2, 0.1, 0.6; population shares 0.25.
    const a = y2018.agglomeration?.units ?? [];
    expect(a.map((u) => u.hrad)).toEqual([1, 1, 3, 0.4 / 0.6].map((v) => expect.closeTo(v, 14)));
    expect(a.map((u) => u.pad)).toEqual([2.5, 1.25, 2.5, 0.25 / 0.6].map((v) => expect.closeTo(v, 14)));
    expect(a.map((u) => u.hradOverPad)).toEqual([0.4, 0.8, 1.2, 1.6].map((v) => expect.closeTo(v, 14)));
    // Groups: g1 resource 0.3, area 0.3 -> HRAD 1; g2 0.7 / 0.7 -> 1.
    expect(y2018.agglomeration?.groups.map((g) => [g.name, g.hrad])).toEqual([['g1', expect.closeTo(1, 14)], ['g2', expect.closeTo(1, 14)]]);
  });

  it('Stage 3: concentration index ranked by income, values 0.1 … 0.4 per person with equal weights', () => {
    // Ranks 1/8, 3/8, 5/8, 7/8; C = 2 cov(x, r) / mean = 2 * 0.03125 / 0.25 = 0.25.
    expect(y2018.concentration?.index.index).toBeCloseTo(0.25, 14);
  });
});

/** Every number of one year, recomputed by direct calls of the measures. */
function expectDirectCalls(result: PanelAnalysis, spec: PanelSpec): void {
  const theilOptions = { variant: result.options.theil.variant, base: result.options.theil.base };
  for (const y of result.years) {
    const units = y.units;
    const labels = units.map((u) => u.label);
    const population = units.map((u) => u.population);
    const perPerson = units.map((u) => u.resource / u.population);
    const groups = units.map((u) => u.group as string);
    expect(y.byPopulation.gini).toBe(gini(perPerson, population));
    expect(y.byPopulation.lorenz).toEqual(lorenzCurve(perPerson, population));
    const popTheil = spec.group ? theilDecomposition(perPerson, groups, population, { ...theilOptions, labels }) : theilContributions(perPerson, population, { ...theilOptions, labels });
    expect(y.byPopulation.theil.total).toBe(popTheil.total);
    expect(y.byPopulation.theil.units.map((u) => u.contribution)).toEqual(popTheil.units.map((u) => u.contribution));
    if (spec.group) {
      const d = theilDecomposition(perPerson, groups, population, theilOptions);
      expect([y.byPopulation.theil.between, y.byPopulation.theil.within]).toEqual([d.between, d.within]);
      expect(y.byPopulation.theil.groups.map((g) => g.contribution)).toEqual(d.groups.map((g) => g.withinContribution));
    }
    if (spec.area) {
      const area = units.map((u) => u.area as number);
      const perArea = units.map((u) => u.resource / (u.area as number));
      expect(y.byArea?.gini).toBe(gini(perArea, area));
      const t = spec.group ? theilDecomposition(perArea, groups, area, theilOptions) : theilContributions(perArea, area, theilOptions);
      expect(y.byArea?.theil.total).toBe(t.total);
      const a = agglomeration({ resource: units.map((u) => u.resource), population, area });
      expect(y.agglomeration?.units.map((u) => u.hrad)).toEqual(a.hrad);
      expect(y.agglomeration?.units.map((u) => u.pad)).toEqual(a.pad);
      expect(y.agglomeration?.units.map((u) => u.hradOverPad)).toEqual(a.hradToPad);
    } else {
      expect(y.byArea).toBeNull();
      expect(y.agglomeration).toBeNull();
    }
    if (spec.rankBy) {
      const rank = units.map((u) => u.rankBy as number);
      const c = concentrationIndex(perPerson, rank, population, result.options.concentration);
      expect(y.concentration?.index.index).toBe(c.index);
      expect(y.concentration?.index.standardError).toBe(c.standardError);
      expect(y.concentration?.curve).toEqual(concentrationCurve(perPerson, rank, population));
    } else {
      expect(y.concentration).toBeNull();
    }
  }
}

/** A random panel: n units in 3 groups over the given years (seeded). */
function randomPanel(n: number, years: number[], seed: number): PanelRow[] {
  const random = testRandom(seed);
  const rows: PanelRow[] = [];
  for (const year of years) {
    for (let i = 0; i < n; i++) {
      rows.push({
        district: `D${i}`,
        name: `District ${i}`,
        year,
        region: ['north', 'south', 'west'][i % 3],
        physicians: Math.round(50 + 5000 * random()),
        population: Math.round(1e4 + 1e6 * random()),
        area: 10 + 1e4 * random(),
        income: 1000 + 50000 * random(),
      });
    }
  }
  return rows;
}

describe('analysePanel: every number equals a direct call of the measure', () => {
  const rows = randomPanel(12, [2018, 2019, 2020], 7);
  const full: PanelSpec = { unit: 'district', year: 'year', resource: 'physicians', population: 'population', area: 'area', group: 'region', rankBy: 'income', label: 'name' };

  it('with every column, Theil L (default) and Theil T base 10', () => {
    expectDirectCalls(analysePanel(rows, full), full);
    const t10 = analysePanel(rows, full, { theil: { variant: 'T', base: 10 } });
    expect(t10.options.theil).toEqual({ variant: 'T', base: 10 });
    expectDirectCalls(t10, full);
  });

  it('without area, without groups, without rankBy', () => {
    const bare: PanelSpec = { unit: 'district', year: 'year', resource: 'physicians', population: 'population' };
    const r = analysePanel(rows, bare);
    expectDirectCalls(r, bare);
    expect(r.years[0].groups).toEqual([]);
    expect(r.years[0].byPopulation.theil.between).toBeNull();
    expect(r.years[0].byPopulation.theil.groups).toEqual([]);
    expect(r.long.some((l) => l.measure.startsWith('theil.area') || l.measure === 'hrad' || l.measure.startsWith('concentration'))).toBe(false);
  });

  it('the unit terms add up to the total; labels come from the label column', () => {
    const r = analysePanel(rows, full);
    for (const y of r.years) {
      const terms = y.byPopulation.theil.units.reduce((s, u) => s + u.contribution, 0);
      expect(terms).toBeCloseTo(y.byPopulation.theil.total, 12);
      expect(y.units[0].label).toBe('District 0');
    }
  });

  it('the growth rates are growthBetween of the totals and densities', () => {
    const r = analysePanel(rows, full, { periods: [[2018, 2020]] });
    const years = r.years.map((y) => y.year as number);
    const density = r.years.map((y) => y.total.density);
    const period = r.growth.find((g) => g.scope === 'national' && g.measure === 'density' && g.kind === 'period');
    expect(period?.averageAnnualGrowthRate).toBe(growthBetween(years, density, 2018, 2020).averageAnnualGrowthRate);
    // consecutive pairs (2) + one period, for national, 3 groups and 12 units, each resource and density
    expect(r.growth.length).toBe(3 * (1 + 3 + 12) * 2);
  });

  it('the long form round-trips: every typed number is found in it, and it rebuilds the records', () => {
    const r = analysePanel(rows, full);
    const at = (year: number, scope: string, name: string, measure: string) =>
      r.long.filter((l) => l.year === year && l.scope === scope && l.name === name && l.measure === measure).map((l) => l.value);
    for (const y of r.years) {
      const year = y.year as number;
      expect(at(year, 'national', 'national', 'gini.population')).toEqual([y.byPopulation.gini]);
      expect(at(year, 'national', 'national', 'theil.area.within')).toEqual([y.byArea?.theil.within]);
      expect(at(year, 'national', 'national', 'concentration.index')).toEqual([y.concentration?.index.index]);
      for (const u of y.units) {
        expect(at(year, 'unit', u.unit, 'density')).toEqual([u.density]);
        expect(at(year, 'unit', u.unit, 'theil.population.contribution')).toEqual([y.byPopulation.theil.units.find((t) => t.unit === u.unit)?.contribution]);
      }
      for (const g of y.groups) expect(at(year, 'group', g.group, 'resource')).toEqual([g.resource]);
    }
    // No (year, scope, name, measure) twice, and no value that is not a finite number.
    const keys = r.long.map((l) => `${l.year}|${l.scope}|${l.name}|${l.measure}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(r.long.every((l) => Number.isFinite(l.value))).toBe(true);
    // wideTable rebuilds the unit × year density table.
    const wide = wideTable(r.long, 'unit', 'density');
    expect(wide.length).toBe(12);
    expect(wide[3]).toEqual({ name: 'D3', 2018: r.years[0].units[3].density, 2019: r.years[1].units[3].density, 2020: r.years[2].units[3].density });
  });

  it('accepts a DataFrame-like input (columns + row-major values) with the same result as records', () => {
    const columns = Object.keys(rows[0]);
    const frame = { columns, values: rows.map((r) => columns.map((c) => r[c])) };
    expect(analysePanel(frame, full).long).toEqual(analysePanel(rows, full).long);
  });

  it('reads numbers written as text, as a CSV reader gives them ("1,234")', () => {
    const text = rows.map((r) => ({ ...r, physicians: (r.physicians as number).toLocaleString('en-US'), population: String(r.population) }));
    expect(analysePanel(text, full).long).toEqual(analysePanel(rows, full).long);
  });
});

describe('analysePanel on a one-year table (no year column)', () => {
  const oneYear = randomPanel(8, [2020], 11).map(({ year, ...rest }) => rest);
  const spec: PanelSpec = { unit: 'district', resource: 'physicians', population: 'population', area: 'area', group: 'region' };

  it('gives one record with year null, no growth, and the same numbers as the dated table', () => {
    const r = analysePanel(oneYear, spec);
    expect(r.years.map((y) => y.year)).toEqual([null]);
    expect(r.growth).toEqual([]);
    expectDirectCalls(r, spec);
    const dated = analysePanel(randomPanel(8, [2020], 11), { ...spec, year: 'year' });
    expect(r.years[0].byArea?.theil).toEqual(dated.years[0].byArea?.theil);
    expect(wideTable(r.long, 'national', 'gini.population')).toEqual([{ name: 'national', value: r.years[0].byPopulation.gini }]);
  });

  it('stageTables gives each stage as plain records', () => {
    const t = stageTables(analysePanel(oneYear, spec));
    expect(t.volume).toHaveLength(1);
    expect(t.gini[0].byArea).toBe(analysePanel(oneYear, spec).years[0].byArea?.gini);
    expect(t.theil.map((r) => r.basis)).toEqual(['population', 'area']);
    expect(t.theilGroups).toHaveLength(2 * 3);
    expect(t.theilUnits).toHaveLength(2 * 8);
    expect(t.concentration).toEqual([]);
    expect(t.agglomeration.filter((a) => a.scope === 'unit')).toHaveLength(8);
    expect(t.agglomeration.filter((a) => a.scope === 'group')).toHaveLength(3);
  });
});

describe('analysePanel: options', () => {
  it('scale and areaScale change the densities only', () => {
    const a = analysePanel(HAND, HAND_SPEC);
    const b = analysePanel(HAND, HAND_SPEC, { scale: 1, areaScale: 100 });
    expect(b.years[0].total.density).toBeCloseTo(0.25, 15);
    expect(b.years[0].total.areaDensity).toBe(100);
    expect(b.years[0].byPopulation.gini).toBe(a.years[0].byPopulation.gini);
  });

  it('years picks years; periods adds growth periods', () => {
    expect(analysePanel(HAND, HAND_SPEC, { years: [2019] }).years.map((y) => y.year)).toEqual([2019]);
    expect(() => analysePanel(HAND, HAND_SPEC, { years: [2017] })).toThrow(/analysePanel: year 2017 is not in the data \(years: 2018, 2019\)/);
    expect(() => analysePanel(HAND, HAND_SPEC, { periods: [[2018, 2020]] })).toThrow(/period 2018-2020: year 2020 is not analysed/);
  });

  it('refuses unknown options and bad values, naming them', () => {
    expect(() => analysePanel(HAND, HAND_SPEC, { scael: 10 } as never)).toThrow(/analysePanel: unknown option 'scael': did you mean 'scale'\?/);
    expect(() => analysePanel(HAND, HAND_SPEC, { theil: { varient: 'T' } } as never)).toThrow(/analysePanel: theil: unknown option 'varient'/);
    expect(() => analysePanel(HAND, HAND_SPEC, { theil: { variant: 'X' } } as never)).toThrow(RangeError);
    expect(() => analysePanel(HAND, HAND_SPEC, { theil: { base: 1 } })).toThrow(/theil.base must be greater than 1/);
    expect(() => analysePanel(HAND, HAND_SPEC, { scale: 0 })).toThrow(/scale must be positive/);
    expect(() => analysePanel(HAND, HAND_SPEC, { dropIncomplete: 'yes' } as never)).toThrow(TypeError);
    expect(() => analysePanel(HAND, { ...HAND_SPEC, populaton: 'people' } as never)).toThrow(/spec: unknown option 'populaton'/);
  });
});

describe('analysePanel: bad input names the row or unit, the year and the column', () => {
  const spec: PanelSpec = { unit: 'unit', year: 'year', resource: 'doctors', population: 'people', area: 'km2', group: 'group' };

  it('a column the data lack, with the columns it has', () => {
    expect(() => analysePanel(HAND, { ...spec, resource: 'physicians' })).toThrow(/spec.resource names column 'physicians', which the data lack \(columns: unit, year, group, doctors/);
    expect(() => analysePanel(HAND, { unit: 'unit', resource: 'doctors' } as never)).toThrow(/spec.population is required/);
  });

  it('a missing value: an error with unit, year and column; with dropIncomplete the unit is dropped and listed', () => {
    const gap = HAND.map((r) => (r.unit === 'C' && r.year === 2019 ? { ...r, doctors: '' } : r));
    expect(() => analysePanel(gap, spec)).toThrow(/analysePanel: unit C has no value in column doctors in 2019 \(fill it in, or pass dropIncomplete: true/);
    const r = analysePanel(gap, spec, { dropIncomplete: true });
    expect(r.dropped).toEqual([{ unit: 'C', year: 2019, column: 'doctors', reason: 'missing value' }]);
    expect(r.years.map((y) => y.units.map((u) => u.unit))).toEqual([['A', 'B', 'D'], ['A', 'B', 'D']]);
  });

  it('a unit without a row in one year', () => {
    const missing = HAND.filter((r) => !(r.unit === 'B' && r.year === 2018));
    expect(() => analysePanel(missing, spec)).toThrow(/unit B has no row in 2018/);
    expect(analysePanel(missing, spec, { dropIncomplete: true }).dropped).toEqual([{ unit: 'B', year: 2018, column: 'unit', reason: 'no row' }]);
  });

  it('duplicates, blanks, text that is not a number, negative or zero values', () => {
    expect(() => analysePanel([...HAND, HAND[0]], spec)).toThrow(/unit A appears twice in 2018 \(row 9\)/);
    expect(() => analysePanel(HAND.map((r, i) => (i === 2 ? { ...r, unit: ' ' } : r)), spec)).toThrow(/row 3, column unit: the unit is blank/);
    expect(() => analysePanel(HAND.map((r, i) => (i === 2 ? { ...r, people: 'many' } : r)), spec)).toThrow(/C, 2018, column people: not a number \("many"\)/);
    expect(() => analysePanel(HAND.map((r, i) => (i === 2 ? { ...r, doctors: -1 } : r)), spec)).toThrow(/C, 2018, column doctors: the resource must be non-negative/);
    expect(() => analysePanel(HAND.map((r, i) => (i === 2 ? { ...r, km2: 0 } : r)), spec)).toThrow(/C, 2018, column km2: the area must be positive/);
    expect(() => analysePanel(HAND.map((r, i) => (i === 2 ? { ...r, year: 2018.5 } : r)), spec)).toThrow(/row 3 \(C\), column year: not a year/);
    expect(() => analysePanel(HAND.map((r, i) => (i === 2 ? { ...r, group: '' } : r)), spec)).toThrow(/C, 2018, column group: the group is blank/);
  });

  it('empty input, a non-record row, fewer than two units, and a measure\'s own error with the year', () => {
    expect(() => analysePanel([], spec)).toThrow(/analysePanel: the panel has no rows/);
    expect(() => analysePanel([1, 2] as never, spec)).toThrow(/row 1 must be a record/);
    expect(() => analysePanel('rows' as never, spec)).toThrow(TypeError);
    expect(() => analysePanel(HAND.slice(0, 1), spec)).toThrow(/the table has 1 unit left|year 2018 has 1 unit left/);
    const zero = HAND.map((r, i) => (i === 5 ? { ...r, doctors: 0 } : r));
    expect(() => analysePanel(zero, spec)).toThrow(/analysePanel, year 2019: .*value 0/);
  });
});
