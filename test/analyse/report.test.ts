/**
 * lib/analysis/report.ts: the JSON contract of `npm run analyse`, the report's tables and its readings. Every value
 * is checked against a direct call of the measure it comes from, or a hand derivation written beside it.
 */
import { describe, expect, it } from 'vitest';
import {
  agglomeration,
  analysePanel,
  analysisJson,
  analysisReadings,
  concentrationIndex,
  gini,
  giniBand,
  reportTables,
  stageTables,
  theilContributions,
  theilDecomposition,
} from '../../lib/index';

// Four units in two groups, two years; every number small enough to check by hand.
const rows = Object.freeze([
  { unit: 'A', region: 'x', year: 2020, doctors: 10, people: 1000, km2: 50, income: 3 },
  { unit: 'B', region: 'x', year: 2020, doctors: 30, people: 1000, km2: 20, income: 1 },
  { unit: 'C', region: 'y', year: 2020, doctors: 60, people: 2000, km2: 30, income: 4 },
  { unit: 'D', region: 'y', year: 2020, doctors: 20, people: 1000, km2: 100, income: 2 },
  { unit: 'A', region: 'x', year: 2021, doctors: 12, people: 1010, km2: 50, income: 3 },
  { unit: 'B', region: 'x', year: 2021, doctors: 31, people: 1000, km2: 20, income: 1 },
  { unit: 'C', region: 'y', year: 2021, doctors: 66, people: 2020, km2: 30, income: 4 },
  { unit: 'D', region: 'y', year: 2021, doctors: 25, people: 990, km2: 100, income: 2 },
].map((r) => Object.freeze(r)));
const spec = { unit: 'unit', year: 'year', resource: 'doctors', population: 'people', area: 'km2', group: 'region', rankBy: 'income' };
const meta = { equilab: '0.1.0', input: { file: 'mine.csv', sha256: 'f'.repeat(64), rows: 8 } };

function column(year: number, key: 'doctors' | 'people' | 'km2' | 'income' | 'region'): (number | string)[] {
  return rows.filter((r) => r.year === year).map((r) => r[key]);
}

describe('analysisJson: the JSON contract', () => {
  const result = analysePanel(rows, spec, { theil: { variant: 'L' } });
  const json = analysisJson(result, { ...meta, options: { layout: 'panel' } });

  it('has exactly the keys of the contract, at every level', () => {
    expect(Object.keys(json)).toEqual(['equilab', 'input', 'options', 'years']);
    expect(json.input).toEqual(meta.input);
    const y = json.years[0];
    expect(Object.keys(y)).toEqual(['year', 'units', 'total', 'gini', 'theil', 'concentration', 'agglomeration']);
    expect(Object.keys(y.total)).toEqual(['resource', 'population', 'area']);
    expect(Object.keys(y.gini)).toEqual(['population', 'area']);
    expect(Object.keys(y.theil)).toEqual(['population', 'area']);
    expect(Object.keys(y.theil.population)).toEqual(['total', 'between', 'within', 'betweenShare', 'groups', 'units']);
    expect(Object.keys(y.theil.population.groups[0])).toEqual(['group', 'contribution', 'shareOfWithin']);
    expect(Object.keys(y.theil.population.units[0])).toEqual(['unit', 'contribution']);
    expect(Object.keys(y.concentration as object)).toEqual(['index', 'standardError']);
    expect(Object.keys((y.agglomeration as object[])[0])).toEqual(['unit', 'hrad', 'pad', 'hradOverPad']);
    // The options record the columns, the options as applied, then the caller's.
    expect(json.options).toMatchObject({ columns: spec, scale: 1000, theil: { variant: 'L', base: Math.E }, years: [2020, 2021], layout: 'panel' });
    // Plain data: survives a JSON round trip unchanged.
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('every value equals a direct call of the measure', () => {
    for (const [k, year] of [2020, 2021].entries()) {
      const y = json.years[k];
      const doctors = column(year, 'doctors') as number[];
      const people = column(year, 'people') as number[];
      const km2 = column(year, 'km2') as number[];
      const regions = column(year, 'region') as string[];
      const perPerson = doctors.map((d, i) => d / people[i]);
      const perKm2 = doctors.map((d, i) => d / km2[i]);
      expect(y.year).toBe(year);
      expect(y.units).toBe(4);
      expect(y.total).toEqual({ resource: doctors.reduce((a, b) => a + b), population: people.reduce((a, b) => a + b), area: 200 });
      expect(y.gini.population).toBe(gini(perPerson, people));
      expect(y.gini.area).toBe(gini(perKm2, km2));
      const dp = theilDecomposition(perPerson, regions, people, { variant: 'L' });
      expect(y.theil.population.total).toBe(dp.total);
      expect(y.theil.population.between).toBe(dp.between);
      expect(y.theil.population.within).toBe(dp.within);
      expect(y.theil.population.betweenShare).toBe(dp.betweenShare);
      expect(y.theil.population.groups).toEqual(dp.groups.map((g) => ({ group: g.group, contribution: g.withinContribution, shareOfWithin: g.shareOfWithin })));
      expect(y.theil.population.units).toEqual(dp.units.map((u) => ({ unit: ['A', 'B', 'C', 'D'][u.index], contribution: u.contribution })));
      const da = theilDecomposition(perKm2, regions, km2, { variant: 'L' });
      expect(y.theil.area?.total).toBe(da.total);
      expect(y.theil.area?.between).toBe(da.between);
      const c = concentrationIndex(perPerson, column(year, 'income') as number[], people);
      expect(y.concentration).toEqual({ index: c.index, standardError: c.standardError });
      const a = agglomeration({ resource: doctors, population: people, area: km2 });
      expect(y.agglomeration).toEqual(['A', 'B', 'C', 'D'].map((unit, i) => ({ unit, hrad: a.hrad[i], pad: a.pad[i], hradOverPad: a.hradToPad[i] })));
    }
  });

  it('writes null for what cannot be computed, never leaving a key out', () => {
    // No area, no groups, no rank variable, one year without a year column.
    const oneYear = rows.filter((r) => r.year === 2020).map(({ unit, doctors, people }) => ({ unit, doctors, people }));
    const j = analysisJson(analysePanel(oneYear, { unit: 'unit', resource: 'doctors', population: 'people' }), meta);
    const y = j.years[0];
    expect(y.year).toBeNull();
    expect(y.total.area).toBeNull();
    expect(y.gini.area).toBeNull();
    expect(y.theil.area).toBeNull();
    expect(y.concentration).toBeNull();
    expect(y.agglomeration).toBeNull();
    expect(y.theil.population.between).toBeNull();
    expect(y.theil.population.within).toBeNull();
    expect(y.theil.population.betweenShare).toBeNull();
    expect(y.theil.population.groups).toEqual([]);
    // Without groups the unit terms are theilContributions' and add up to the total.
    const perPerson = oneYear.map((r) => r.doctors / r.people);
    const tc = theilContributions(perPerson, oneYear.map((r) => r.people));
    expect(y.theil.population.total).toBe(tc.total);
    expect(y.theil.population.units.map((u) => u.contribution)).toEqual(tc.units.map((u) => u.contribution));
    expect('area' in y.theil).toBe(true);
  });

  it('refuses what is not an analysis or a bad meta, naming the function', () => {
    const result = analysePanel(rows, spec);
    expect(() => analysisJson({} as never, meta)).toThrow(/analysisJson: analysis must be the result of analysePanel/);
    expect(() => analysisJson(result, { equilab: '0.1.0' } as never)).toThrow(TypeError);
    expect(() => analysisJson(result, { ...meta, input: { ...meta.input, rows: -1 } })).toThrow(/whole number >= 0/);
  });
});

describe('reportTables', () => {
  it('lists every non-empty table, with the rows of stageTables', () => {
    const result = analysePanel(rows, spec);
    const tables = reportTables(result);
    expect(tables.map((t) => t.name)).toEqual([
      'units', 'volume', 'groups', 'growth', 'gini', 'theil', 'theil-groups', 'theil-units', 'concentration', 'agglomeration', 'density-by-year',
    ]);
    const s = stageTables(result);
    const byName = Object.fromEntries(tables.map((t) => [t.name, t]));
    expect(byName.gini.rows).toEqual(s.gini);
    expect(byName.theil.rows).toEqual(s.theil);
    expect(byName.agglomeration.columns).toEqual(['year', 'scope', 'name', 'hrad', 'pad', 'hradOverPad']);
    // One row per unit and year; density = doctors / people × 1000 (A in 2020: 10 / 1000 × 1000 = 10).
    expect(byName.units.rows).toHaveLength(8);
    expect(byName.units.rows[0]).toMatchObject({ year: 2020, unit: 'A', group: 'x', resource: 10, population: 1000, density: 10 });
    // Units × years: A's density in 2021 is 12 / 1010 × 1000.
    expect(byName['density-by-year'].rows[0]).toEqual({ name: 'A', 2020: 10, 2021: (12 / 1010) * 1000 });
  });
});

describe('analysisReadings and giniBand', () => {
  it('reads the numbers of the result, rounded for reading', () => {
    const result = analysePanel(rows, spec);
    const r = analysisReadings(result, { resource: 'doctors', units: 'units' });
    const last = result.years[1];
    // 2021 totals: 12 + 31 + 66 + 25 = 134 doctors for 1010 + 1000 + 2020 + 990 = 5020 people.
    expect(r.volume).toContain('In 2021 the 4 units have 134 doctors for a population of 5,020');
    expect(r.volume).toContain(`**${((134 / 5020) * 1000).toFixed(3)}**`);
    expect(r.gini).toContain(`**${last.byPopulation.gini.toFixed(3)}**`);
    expect(r.gini).toContain(`by area it is **${(last.byArea?.gini as number).toFixed(3)}**`);
    expect(r.gini).toContain('Since 2020');
    expect(r.theil).toContain(`**${last.byPopulation.theil.total.toFixed(4)}**`);
    expect(r.theil).toContain(`(${((last.byPopulation.theil.betweenShare as number) * 100).toFixed(1)} %)`);
    expect(r.concentration).toContain(`**${(last.concentration?.index.index as number).toFixed(4)}**`);
    // HRAD/PAD = resource share / population share; in 2021 B (31/134 vs 1000/5020) and C (66/134 vs 2020/5020) are above 1.
    expect(r.agglomeration).toContain('2 of 4 units have HRAD/PAD above 1');
    expect(r.growth).toContain('From 2020 to 2021 the national total of doctors grew by');
  });

  it('is null where the data cannot give a stage', () => {
    const plain = rows.filter((x) => x.year === 2020).map(({ unit, doctors, people }) => ({ unit, doctors, people }));
    const r = analysisReadings(analysePanel(plain, { unit: 'unit', resource: 'doctors', population: 'people' }));
    expect(r.concentration).toBeNull();
    expect(r.agglomeration).toBeNull();
    expect(r.growth).toBeNull();
    expect(r.theil).toContain('not decomposed');
  });

  it('giniBand: the bands at their edges', () => {
    expect([0, 0.19999, 0.2, 0.3, 0.4, 0.5, 0.9].map(giniBand)).toEqual([
      'highly equal', 'highly equal', 'relatively equal', 'reasonably equal', 'a large gap', 'a very large gap', 'a very large gap',
    ]);
    expect(() => giniBand('0.3' as never)).toThrow(TypeError);
    // NaN and values outside [0, 1] are no Gini coefficient.
    expect(() => giniBand(NaN)).toThrow(RangeError);
    expect(() => giniBand(1.2)).toThrow(RangeError);
  });
});
