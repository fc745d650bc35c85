/**
 * panelRecords: from readProvinceTable's rows (one per value) to analysePanel's records (one per unit and year),
 * on the sample files of data/templates/ (one-year provinces; a panel of districts that are not Chinese provinces).
 */
import { describe, expect, it } from 'vitest';
import { analysePanel, dataPath, gini, panelRecords, readProvinceTable, theilDecomposition } from '../../lib/index';

describe('panelRecords', () => {
  it('a one-year province table: 31 records, the same numbers as the file, analysed with year 2018', async () => {
    const table = await readProvinceTable(dataPath('templates/one_year_provinces.csv'), { layout: 'one-year', year: 2018, comment: '#' });
    const records = panelRecords(table);
    expect(records).toHaveLength(31);
    // data/templates/one_year_provinces.csv, line 3: Beijing,2154,16411,57117
    expect(records[0]).toEqual({ unit: 'Beijing', provinceCode: '110000', year: 2018, population: 2154, area: 16411, physicians: 57117 });
    const r = analysePanel(records, { unit: 'unit', year: 'year', resource: 'physicians', population: 'population', area: 'area' }, { scale: 1 });
    const density = records.map((x) => (x.physicians as number) / (x.population as number));
    expect(r.years[0].byPopulation.gini).toBe(gini(density, records.map((x) => x.population as number)));
    expect(r.years[0].total.units).toBe(31);
  });

  it('a one-year table read without a year gives records without one, and a one-year analysis', async () => {
    const table = await readProvinceTable(dataPath('templates/one_year_provinces.csv'), { layout: 'one-year', comment: '#' });
    const records = panelRecords(table);
    expect('year' in records[0]).toBe(false);
    const r = analysePanel(records, { unit: 'unit', resource: 'physicians', population: 'population' });
    expect(r.years.map((y) => y.year)).toEqual([null]);
  });

  it('a panel of districts in groups (units as they stand, the group kept as a text column)', async () => {
    const table = await readProvinceTable(dataPath('templates/districts_long.csv'), { layout: 'panel', comment: '#', units: 'as-is', textColumns: ['group'] });
    const records = panelRecords(table);
    expect(records).toHaveLength(24);
    // data/templates/districts_long.csv, line 3: Arvenna,North,2021,112,43171,746
    expect(records[0]).toEqual({ unit: 'Arvenna', year: 2021, physicians: 112, population: 43171, area: 746, group: 'North' });
    const spec = { unit: 'unit', year: 'year', resource: 'physicians', population: 'population', area: 'area', group: 'group' };
    const r = analysePanel(records, spec);
    expect(r.years.map((y) => y.year)).toEqual([2021, 2022]);
    expect(r.years[0].groups.map((g) => g.group)).toEqual(['North', 'Central', 'South']);
    const y2021 = records.filter((x) => x.year === 2021);
    const d = theilDecomposition(
      y2021.map((x) => (x.physicians as number) / (x.population as number)),
      y2021.map((x) => x.group as string),
      y2021.map((x) => x.population as number),
    );
    expect(r.years[0].byPopulation.theil.between).toBe(d.between);
  });

  it('refuses what is not a table, and clashing keys', () => {
    expect(() => panelRecords(null as never)).toThrow(/panelRecords: table must be the result of readProvinceTable/);
    const row = { unit: 'A', provinceCode: null, year: 2020, indicator: 'year', value: 1, row: 2, extra: {} };
    expect(() => panelRecords({ layout: 'long', rows: [row] })).toThrow(/indicator 'year' clashes/);
    const twice = { ...row, indicator: 'doctors' };
    expect(() => panelRecords({ layout: 'long', rows: [twice, twice] })).toThrow(/A, 2020 \(row 2\) has indicator doctors twice/);
    const a = { ...twice, extra: { region: 'x' } };
    const b = { ...twice, indicator: 'people', extra: { region: 'y' } };
    expect(() => panelRecords({ layout: 'panel', rows: [a, b] })).toThrow(/column region is 'y' here and 'x'/);
  });
});
