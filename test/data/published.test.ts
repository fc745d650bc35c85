/**
 * The transcribed tables of Fu et al. 2023 and Li et al. 2024: cell-for-cell agreement with the seed text,
 * internal consistency (sums, ratios, identities, within rounding), and every recorded inconsistency asserted
 * as really present. Rounding tolerances are derived from the printed precision: a value printed to d decimals
 * stands for an interval of ±0.5·10^-d, and checks propagate those intervals (interval arithmetic) rather than
 * use a loose fixed tolerance.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { existsSync } from 'fs';
import * as path from 'path';
import {
  loadPublishedTable,
  loadInconsistencies,
  loadTextValues,
  loadErrata,
  loadPopulation,
  loadNationalPopulation,
  loadRegions,
  loadProvinces,
  loadGdp,
  loadGdpPerCapita,
  PublishedCell,
} from '../../lib/data/index';

const SEEDS = '/work/shared/seeds';
const asserted = new Set<string>();
/** Mark an inconsistency id of data/published/inconsistencies.csv as asserted by a test. */
const recorded = (id: string) => {
  expect(loadInconsistencies().map((x) => x.id)).toContain(id);
  asserted.add(id);
};

const fu = (t: string, errata = true) => loadPublishedTable('fu2023', t, { errata }).rows;
const li = (t: string, errata = true) => loadPublishedTable('li2024', t, { errata }).rows;
const geo = (c: PublishedCell) => c.provinceCode ?? (c.regionId as string);
const half = (text: string) => {
  const d = (text.replace(/[,%]/g, '').split('.')[1] ?? '').length;
  return 0.5 * 10 ** -d;
};
/** [lo, hi] of a printed value. */
const interval = (c: PublishedCell): [number, number] => [c.value - half(c.valueText), c.value + half(c.valueText)];
const within = (v: number, [lo, hi]: [number, number], eps = 1e-9) => v >= lo - eps && v <= hi + eps;

const firstPublished = loadPopulation({ vintage: 'first-published' }).rows;
const revised = loadPopulation({ vintage: 'revised' }).rows;
const nationalPop = loadNationalPopulation().rows;
const pop = (rows: typeof firstPublished, code: string, year: number) => {
  const r = rows.find((x) => x.provinceCode === code && x.year === year);
  if (!r) throw new Error(`no population for ${code} ${year}`);
  return r.value;
};
const CODES = loadProvinces().map((p) => p.code);
const fuZones = loadRegions('fu2023');
const zoneCodes = (z: string) => fuZones.filter((r) => r.region === z).map((r) => r.provinceCode);
const liRegions = loadRegions('li2024');
const regionCodes = (g: string) => (g === 'national' ? CODES : liRegions.filter((r) => r.region === g).map((r) => r.provinceCode));
const YEARS = [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019];
const ZONES = ['east', 'middle', 'west'];

describe.runIf(existsSync(SEEDS))('transcriptions against the seed text', () => {
  it('every transcribed number and row label equals the seed (scripts/check-transcriptions.mjs)', async () => {
    const mod = await import(path.resolve(__dirname, '../../scripts/check-transcriptions.mjs'));
    const { problems, cells } = mod.checkTranscriptions(SEEDS);
    expect(problems).toEqual([]);
    expect(cells).toBe(1504);
  });
});

describe('Fu et al. 2023: shapes', () => {
  it('has the expected number of cells per table', () => {
    const sizes = ['table1', 'table2', 'table3', 'table4', 'table5', 'table6', 'table7', 'table8', 'table9', 'table10', 'table11'].map((t) => fu(t).length);
    expect(sizes).toEqual([32, 315, 32, 32, 64, 16, 64, 48, 48, 272, 272]);
  });

  it('keeps printed precision in value_text (trailing zeros, thousands commas)', () => {
    expect(fu('table1').find((c) => c.year === 2012 && c.regionId === 'national')).toMatchObject({ valueText: '109,794', value: 109794 });
    expect(fu('table2').find((c) => c.rowLabel === 'Eastern region' && c.year === 2014)?.valueText).toBe('1.71');
    expect(fu('table4').find((c) => c.regionId === 'middle' && c.year === 2015)?.valueText).toBe('34.8');
    expect(fu('table10').find((c) => c.rowLabel === 'Hebei' && c.year === 2017)?.valueText).toBe('2.000');
  });

  it('Table 2 after erratum: 31 distinct provinces per year; the second "Shanxi" is Shaanxi', () => {
    recorded('fu-t2-shanxi-twice');
    const printed = fu('table2', false).filter((c) => c.geoType === 'province' && c.year === 2012);
    expect(printed.filter((c) => c.provinceCode === '140000')).toHaveLength(2);
    const loaded = loadPublishedTable('fu2023', 'table2');
    expect(loaded.appliedErrata.map((e) => [e.id, e.rowsChanged])).toEqual([['fu2023-t2-shaanxi', 9]]);
    for (const y of YEARS) {
      const codes = loaded.rows.filter((c) => c.geoType === 'province' && c.year === y).map((c) => c.provinceCode);
      expect(new Set(codes).size).toBe(31);
    }
    const shaanxi = loaded.rows.find((c) => c.provinceCode === '610000' && c.year === 2012);
    expect(shaanxi).toMatchObject({ rowLabel: 'Shanxi', valueText: '0.49', errata: ['fu2023-t2-shaanxi'] });
  });

  it('Tables 10 and 11 list the zones in the order of regions.csv (east 11, middle 8, west 12)', () => {
    for (const t of ['table10', 'table11']) {
      const provinces = fu(t).filter((c) => c.year === 2012 && c.geoType === 'province').map((c) => c.provinceCode);
      expect(provinces).toEqual(fuZones.map((r) => r.provinceCode));
    }
  });
});

describe('Fu et al. 2023: internal consistency', () => {
  const t1 = fu('table1');
  const count = (g: string, y: number) => t1.find((c) => c.regionId === g && c.year === y)?.value as number;
  const t2 = fu('table2');
  const density = (g: string, y: number) => t2.find((c) => geo(c) === g && c.year === y && c.measure === 'per_10000') as PublishedCell;

  it('Table 1: East + Middle + West = Total, every year (exact)', () => {
    for (const y of YEARS) expect(count('east', y) + count('middle', y) + count('west', y)).toBe(count('national', y));
  });

  it('Table 1 totals are the yearbook national GP counts quoted in SOURCES.md', () => {
    expect(YEARS.map((y) => count('national', y))).toEqual([109794, 145511, 172597, 188649, 209083, 252717, 308740, 365082]);
  });

  it('Table 2 zone densities = Table 1 zone counts / first-published zone population (to the printed 2 decimals)', () => {
    for (const y of YEARS) {
      for (const z of ZONES) {
        const p = zoneCodes(z).reduce((s, c) => s + pop(firstPublished, c, y), 0);
        expect(within(count(z, y) / p, interval(density(z, y))), `${z} ${y}`).toBe(true);
      }
    }
  });

  it('Table 2 Total = Table 1 total / national population, except 2014 and 2018 (recorded)', () => {
    recorded('fu-t2-total-2014-2018');
    const off = YEARS.filter((y) => !within(count('national', y) / (nationalPop.find((r) => r.year === y)?.value as number), interval(density('national', y))));
    expect(off).toEqual([2014, 2018]);
  });

  it('Table 2 province densities x first-published population sum to Table 1 zone counts (within the rounding of 2-decimal densities)', () => {
    for (const y of YEARS) {
      for (const z of ZONES) {
        const lo = zoneCodes(z).reduce((s, c) => s + interval(density(c, y))[0] * pop(firstPublished, c, y), 0);
        const hi = zoneCodes(z).reduce((s, c) => s + interval(density(c, y))[1] * pop(firstPublished, c, y), 0);
        expect(within(count(z, y), [lo, hi]), `${z} ${y}`).toBe(true);
      }
    }
  });

  it('Table 2 AAGR = (density 2019 / density 2012)^(1/7) - 1, within rounding, for all 35 rows', () => {
    for (const c of t2.filter((x) => x.measure === 'aagr_pct')) {
      const [a0, a1] = interval(density(geo(c), 2012));
      const [b0, b1] = interval(density(geo(c), 2019));
      const lo = ((b0 / a1) ** (1 / 7) - 1) * 100;
      const hi = ((b1 / a0) ** (1 / 7) - 1) * 100;
      expect(within(c.value, [lo - half(c.valueText), hi + half(c.valueText)]), c.rowLabel).toBe(true);
    }
  });

  it('Table 3: the 2013 and 2014 columns are identical in all four rows (recorded), as in Yu et al. 2021 Table 5', () => {
    recorded('fu-t3-2013-2014-identical');
    const t3 = fu('table3');
    for (const g of ['national', ...ZONES]) {
      const v = (y: number) => t3.find((c) => c.regionId === g && c.year === y)?.valueText;
      expect(v(2013), g).toBe(v(2014));
    }
    const yu = loadPublishedTable('yu2021', 'table5').rows;
    const rows = [...new Set(yu.map((c) => c.rowLabel))];
    expect(rows).toHaveLength(35);
    for (const r of rows) {
      const v = (y: number) => yu.find((c) => c.rowLabel === r && c.year === y)?.valueText;
      expect(v(2013), r).toBe(v(2014));
    }
  });

  it('Tables 3 and 4 equal Yu et al. 2021 Tables 5 and 6 cell for cell in 2012-2017; the middle zone is labelled "Central region"', () => {
    recorded('fu-t4-equals-yu2021');
    recorded('fu-t3-t4-central-label');
    for (const [fuT, yuT] of [['table3', 'table5'], ['table4', 'table6']]) {
      const yu = loadPublishedTable('yu2021', yuT).rows.filter((c) => c.geoType !== 'province');
      const cells = fu(fuT).filter((c) => (c.year as number) <= 2017);
      expect(cells).toHaveLength(24);
      for (const c of cells) expect(c.valueText, `${fuT} ${c.rowLabel} ${c.year}`).toBe(yu.find((x) => x.regionId === c.regionId && x.year === c.year)?.valueText);
      expect(cells.find((c) => c.regionId === 'middle')?.rowLabel).toBe('Central region');
    }
  });

  it('Table 5: registrations + training certificates = Table 1 total every year after the 2015 erratum (exact)', () => {
    recorded('fu-t5-registrations-2015');
    const t5 = fu('table5');
    const v = (rows: PublishedCell[], m: string, cat: string, y: number) => rows.find((c) => c.measure === m && c.category === cat && c.year === y)?.value as number;
    for (const y of YEARS) expect(v(t5, 'registrations', 'total', y) + v(t5, 'training_certificates', 'total', y), String(y)).toBe(count('national', y));
    const printed = fu('table5', false);
    expect(v(printed, 'registrations', 'total', 2015) + v(printed, 'training_certificates', 'total', 2015)).toBe(158649);
    // as printed, 2015's total is smaller than its own three institution columns
    const parts = (rows: PublishedCell[], m: string, y: number) => ['hospital', 'community_hospital', 'township_hospital'].reduce((s, c) => s + v(rows, m, c, y), 0);
    expect(parts(printed, 'registrations', 2015)).toBe(67538);
    expect(v(printed, 'registrations', 'total', 2015)).toBeLessThan(67538);
  });

  it('Table 5: every other Total exceeds the sum of the three institution columns (other institutions; recorded, not an error)', () => {
    recorded('fu-t5-other-institutions');
    const t5 = fu('table5', false);
    const v = (m: string, cat: string, y: number) => t5.find((c) => c.measure === m && c.category === cat && c.year === y)?.value as number;
    for (const m of ['registrations', 'training_certificates']) {
      for (const y of YEARS) {
        const gap = v(m, 'total', y) - ['hospital', 'community_hospital', 'township_hospital'].reduce((s, c) => s + v(m, c, y), 0);
        if (m === 'registrations' && y === 2015) expect(gap).toBeLessThan(0);
        else expect(gap, `${m} ${y}`).toBeGreaterThan(0);
      }
    }
  });

  it('Table 4 national registration rate = Table 5 registrations / Table 1 total (2 decimals), every year after the erratum', () => {
    const t4 = fu('table4');
    const t5 = fu('table5');
    for (const y of YEARS) {
      const reg = t5.find((c) => c.measure === 'registrations' && c.category === 'total' && c.year === y)?.value as number;
      const rate = t4.find((c) => c.regionId === 'national' && c.year === y) as PublishedCell;
      expect(within((reg / count('national', y)) * 100, interval(rate)), String(y)).toBe(true);
    }
  });

  const t7 = fu('table7');
  const theil = (m: string, b: string, y: number) => t7.find((c) => c.measure === m && c.basis === b && c.year === y) as PublishedCell;

  it('Table 7: between + within = total within the rounding of three 4-decimal values (16 of 16)', () => {
    for (const b of ['population', 'geographical_area']) {
      for (const y of YEARS) {
        const sum = theil('theil_between', b, y).value + theil('theil_within', b, y).value;
        expect(Math.abs(sum - theil('theil_total', b, y).value), `${b} ${y}`).toBeLessThanOrEqual(1.5e-4 + 1e-12);
      }
    }
  });

  it('Table 7: contribution rate = within / total, except 2012 by area (55.10 printed, 55.23 computed; recorded)', () => {
    recorded('fu-t7-2012-area-contribution');
    const off: string[] = [];
    for (const b of ['population', 'geographical_area']) {
      for (const y of YEARS) {
        const [w0, w1] = interval(theil('theil_within', b, y));
        const [t0, t1] = interval(theil('theil_total', b, y));
        const c = theil('within_contribution_pct', b, y);
        if (!within(c.value, [(w0 / t1) * 100 - half(c.valueText), (w1 / t0) * 100 + half(c.valueText)])) off.push(`${b} ${y}`);
      }
    }
    expect(off).toEqual(['geographical_area 2012']);
  });

  it('Table 8 shares sum to 100 (±0.02) and equal each zone\'s Table 9 Theil / the plain sum of the three (recorded: unweighted)', () => {
    recorded('fu-t8-unweighted-shares');
    const t8 = fu('table8');
    const t9 = fu('table9');
    for (const b of ['population', 'geographical_area']) {
      for (const y of YEARS) {
        const shares = ZONES.map((z) => t8.find((c) => c.regionId === z && c.basis === b && c.year === y) as PublishedCell);
        const theils = ZONES.map((z) => t9.find((c) => c.regionId === z && c.basis === b && c.year === y) as PublishedCell);
        expect(Math.abs(shares.reduce((s, c) => s + c.value, 0) - 100)).toBeLessThanOrEqual(0.02);
        const lo = theils.reduce((s, c) => s + interval(c)[0], 0);
        const hi = theils.reduce((s, c) => s + interval(c)[1], 0);
        ZONES.forEach((z, i) => {
          const [a0, a1] = interval(theils[i]);
          expect(within(shares[i].value, [(a0 / hi) * 100 - 0.005, (a1 / lo) * 100 + 0.005]), `${b} ${y} ${z}`).toBe(true);
        });
      }
    }
    // and the plain sum is not Table 7's within-zone Theil (2012, population: 0.0581 vs 0.0418)
    const sum2012 = ZONES.reduce((s, z) => s + (t9.find((c) => c.regionId === z && c.basis === 'population' && c.year === 2012)?.value as number), 0);
    expect(sum2012).toBeCloseTo(0.0581, 10);
    expect(theil('theil_within', 'population', 2012).value).toBe(0.0418);
    // nor is the population-weighted sum (first-published zone population shares)
    const total = CODES.reduce((s, c) => s + pop(firstPublished, c, 2012), 0);
    const weighted = ZONES.reduce((s, z) => s + (zoneCodes(z).reduce((a, c) => a + pop(firstPublished, c, 2012), 0) / total) * (t9.find((c) => c.regionId === z && c.basis === 'population' && c.year === 2012)?.value as number), 0);
    expect(weighted).toBeCloseTo(0.0206, 4);
  });

  /** Bounds of a province (or zone) density and of the national density, from Table 2 and first-published population. */
  const densityBounds = (g: string, y: number, t2rows: PublishedCell[]): [number, number] => {
    const cell = (code: string) => t2rows.find((c) => c.provinceCode === code && c.year === y && c.measure === 'per_10000') as PublishedCell;
    const codes = g === 'national' ? CODES : ZONES.includes(g) ? zoneCodes(g) : [g];
    const p = codes.reduce((s, c) => s + pop(firstPublished, c, y), 0);
    return [codes.reduce((s, c) => s + interval(cell(c))[0] * pop(firstPublished, c, y), 0) / p, codes.reduce((s, c) => s + interval(cell(c))[1] * pop(firstPublished, c, y), 0) / p];
  };

  it('Table 11 = province density / national density (Table 2) everywhere except the 2015 column and the 2016 swap (recorded)', () => {
    recorded('fu-t11-2015-column');
    recorded('fu-t11-2016-swap');
    const check = (rows: PublishedCell[]) =>
      rows
        .filter((c) => {
          const [d0, d1] = densityBounds(geo(c), c.year as number, t2);
          const [n0, n1] = densityBounds('national', c.year as number, t2);
          return !within(c.value, [d0 / n1 - half(c.valueText), d1 / n0 + half(c.valueText)]);
        })
        .map((c) => `${c.rowLabel} ${c.year}`);
    const printed = check(fu('table11', false));
    expect(printed.filter((x) => !x.endsWith('2015'))).toEqual(['Inner Mongolia 2016', 'Guangxi 2016']);
    expect(printed.filter((x) => x.endsWith('2015'))).toHaveLength(33); // of 34 rows; only Inner Mongolia 2015 fits
    expect(check(fu('table11')).filter((x) => !x.endsWith('2015'))).toEqual([]); // after the swap errata
  });

  it('Table 10 / recomputed HRAD is stable per province (Fu et al. used other area figures), except the 2016 swap (recorded)', () => {
    recorded('fu-t10-2016-swap');
    recorded('fu-t10-area-source');
    const provinces = loadProvinces();
    const area = (codes: string[]) => codes.reduce((s, c) => s + (provinces.find((p) => p.code === c)?.areaKm2 as number), 0);
    const totalArea = area(CODES);
    const outliers = (rows: PublishedCell[]) => {
      const byGeo = new Map<string, { c: PublishedCell; lo: number; hi: number }[]>();
      for (const c of rows) {
        const g = geo(c);
        const y = c.year as number;
        const codes = ZONES.includes(g) ? zoneCodes(g) : [g];
        const p = codes.reduce((s, x) => s + pop(firstPublished, x, y), 0);
        const P = CODES.reduce((s, x) => s + pop(firstPublished, x, y), 0);
        const [d0, d1] = densityBounds(g, y, t2);
        const [n0, n1] = densityBounds('national', y, t2);
        const share = area(codes) / totalArea;
        const hradLo = ((d0 * p) / (n1 * P)) / share;
        const hradHi = ((d1 * p) / (n0 * P)) / share;
        // printed / recomputed ratio as an interval (the printed value has 3 decimals)
        byGeo.set(g, [...(byGeo.get(g) ?? []), { c, lo: (c.value - 0.0005) / hradHi, hi: (c.value + 0.0005) / hradLo }]);
      }
      const out: string[] = [];
      for (const [, list] of byGeo) {
        const mids = list.map((x) => (x.lo + x.hi) / 2).sort((a, b) => a - b);
        const median = (mids[3] + mids[4]) / 2;
        for (const x of list) if (x.hi < median * 0.95 || x.lo > median * 1.05) out.push(`${x.c.rowLabel} ${x.c.year}`);
      }
      return out;
    };
    expect(outliers(fu('table10', false))).toEqual(['Inner Mongolia 2016', 'Guangxi 2016']);
    expect(outliers(fu('table10'))).toEqual([]);
    // the area figures differ: Shanghai's ratio is about 0.76, Ningxia's about 1.26
  });
});

describe('Li et al. 2024: shapes and errata', () => {
  it('has the expected number of cells per table', () => {
    expect(['table1', 'table2', 'table3', 'table4', 'table5'].map((t) => loadPublishedTable('li2024', t).rows.length)).toEqual([8, 126, 63, 6, 84]);
  });

  it('Table 1: the grading intervals partition C and P without gaps or overlaps', () => {
    const t1 = loadPublishedTable('li2024', 'table1').rows;
    const c = t1.filter((r) => r.statistic === 'C');
    expect(c.map((r) => [r.lower, r.upper])).toEqual([[null, 0.35], [0.35, 0.5], [0.5, 0.65], [0.65, null]]);
    for (let i = 0; i + 1 < c.length; i++) expect(c[i].upperInclusive).toBe(!c[i + 1].lowerInclusive);
    const p = t1.filter((r) => r.statistic === 'P');
    expect(p.map((r) => [r.lower, r.upper])).toEqual([[0.95, null], [0.8, 0.95], [0.7, 0.8], [null, 0.7]]);
    for (let i = 0; i + 1 < p.length; i++) expect(p[i].lowerInclusive).toBe(!p[i + 1].upperInclusive);
  });

  it('Table 5 after errata: three blocks of seven (six regions + national) per indicator; printed labels kept', () => {
    recorded('li-t5-row-labels');
    const loaded = loadPublishedTable('li2024', 'table5');
    expect(loaded.appliedErrata.map((e) => [e.id, e.rowsChanged])).toEqual([['li2024-t5-rows-4-7', 16], ['li2024-t5-row-14', 4]]);
    const order = ['north', 'northeast', 'east', 'south_central', 'southwest', 'northwest', 'national'];
    for (const [k, ind] of ['phc_health_technical_personnel', 'phc_practising_physicians', 'phc_registered_nurses'].entries()) {
      const rows = loaded.rows.filter((c) => c.indicator === ind && c.columnOrder === 1);
      expect(rows.map((c) => c.regionId)).toEqual(order);
      expect(rows.map((c) => c.rowOrder)).toEqual(order.map((_, i) => k * 7 + i + 1));
    }
    const printed = li('table5', false).filter((c) => c.columnOrder === 1);
    expect(printed.filter((c) => c.indicator === 'phc_health_technical_personnel')).toHaveLength(3);
    expect(printed.filter((c) => c.indicator === 'phc_practising_physicians')).toHaveLength(10);
    expect(printed.find((c) => c.rowOrder === 4)?.rowGroupLabel).toBe('Practicing physicians');
  });

  it('Table 5 evidence: the national u is close to the sum of its block\'s regional u (HTP 0.2%, physicians 0.06%), but not for nurses (recorded)', () => {
    recorded('li-t5-national-nurses');
    const t5 = li('table5');
    const u = (ind: string) => t5.filter((c) => c.indicator === ind && c.measure === 'gm11_grey_input_u');
    const rel = (ind: string) => {
      const rows = u(ind);
      const regions = rows.filter((c) => c.regionId !== 'national').reduce((s, c) => s + c.value, 0);
      return Math.abs((rows.find((c) => c.regionId === 'national')?.value as number) / regions - 1);
    };
    expect(rel('phc_health_technical_personnel')).toBeLessThan(0.002);
    expect(rel('phc_practising_physicians')).toBeLessThan(0.001);
    expect(rel('phc_registered_nurses')).toBeGreaterThan(0.7);
    const aNurses = t5.filter((c) => c.indicator === 'phc_registered_nurses' && c.measure === 'gm11_development_coefficient_a');
    const regional = aNurses.filter((c) => c.regionId !== 'national').map((c) => c.value);
    const nationalA = aNurses.find((c) => c.regionId === 'national')?.value as number;
    expect(nationalA).toBe(-0.005);
    expect(nationalA).toBeGreaterThan(Math.max(...regional)); // outside the regional range -0.126..-0.067
  });
});

describe('Li et al. 2024: internal consistency', () => {
  const t2 = li('table2');
  const cell = (g: string, ind: string, m: string, y: number) => t2.find((c) => c.regionId === g && c.indicator === ind && c.measure === m && c.year === y) as PublishedCell;
  const INDS = ['phc_health_technical_personnel', 'phc_practising_physicians', 'phc_registered_nurses'];
  const REGIONS = ['north', 'northeast', 'east', 'south_central', 'southwest', 'northwest'];

  it('Table 2: the six regions sum to the national total exactly (9 of 9)', () => {
    for (const y of [2012, 2016, 2021]) {
      for (const ind of INDS) expect(REGIONS.reduce((s, g) => s + cell(g, ind, 'count', y).value, 0), `${ind} ${y}`).toBe(cell('national', ind, 'count', y).value);
    }
  });

  it('Table 2: per-1,000 = total / population, first-published vintage for 2012 and 2016, revised for 2021 (63 of 63, to 2 decimals)', () => {
    recorded('li-t2-vintage');
    for (const y of [2012, 2016, 2021]) {
      const rows = y === 2021 ? revised : firstPublished;
      for (const g of [...REGIONS, 'national']) {
        const p = regionCodes(g).reduce((s, c) => s + pop(rows, c, y), 0);
        for (const ind of INDS) expect(within(cell(g, ind, 'count', y).value / p / 10, interval(cell(g, ind, 'per_1000', y))), `${g} ${ind} ${y}`).toBe(true);
      }
    }
    // with the revised series, 2016 fails for most cells (e.g. Northeast health technical personnel: 1.51 vs 1.43)
    const ne = ['210000', '220000', '230000'].reduce((s, c) => s + pop(revised, c, 2016), 0);
    expect(Math.round((cell('northeast', INDS[0], 'count', 2016).value / ne / 10) * 100) / 100).toBe(1.51);
  });

  it('Table 2: the Northwest needs Xinjiang (omitted from Section 2.1; recorded)', () => {
    recorded('li-s21-xinjiang');
    const withoutXj = ['610000', '620000', '630000', '640000'].reduce((s, c) => s + pop(firstPublished, c, 2012), 0);
    expect(within(cell('northwest', INDS[0], 'count', 2012).value / withoutXj / 10, interval(cell('northwest', INDS[0], 'per_1000', 2012)))).toBe(false);
    expect((cell('northwest', INDS[0], 'count', 2012).value / (withoutXj + pop(firstPublished, '650000', 2012))) / 10).toBeCloseTo(1.624, 3);
  });

  it('Table 3 growth rates follow from Table 2 per-1,000 values within rounding (63 of 63)', () => {
    for (const c of li('table3')) {
      const [a, b] = c.period.split('-').map(Number);
      const [p0, p1] = interval(cell(c.regionId as string, c.indicator, 'per_1000', a));
      const [q0, q1] = interval(cell(c.regionId as string, c.indicator, 'per_1000', b));
      const lo = ((q0 / p1) ** (1 / (b - a)) - 1) * 100;
      const hi = ((q1 / p0) ** (1 / (b - a)) - 1) * 100;
      expect(within(c.value, [lo - 0.005, hi + 0.005]), `${c.rowLabel} ${c.columnLabel}`).toBe(true);
    }
  });

  it('Table 4: between + within = 100% for each indicator', () => {
    const t4 = li('table4');
    for (const ind of INDS) expect(t4.filter((c) => c.indicator === ind).reduce((s, c) => s + c.value, 0)).toBe(100);
  });

  it('text: the fastest growth rates quoted in Section 3.1 repeat Table 3', () => {
    const t3 = li('table3');
    for (const v of loadTextValues().filter((x) => x.measure === 'average_growth_rate_per_1000_pct')) {
      expect(t3.find((c) => c.regionId === v.regionId && c.indicator === v.indicator && c.period === v.period)?.valueText).toBe(v.valueText);
      const all = t3.filter((c) => c.indicator === v.indicator && c.period === v.period && c.regionId !== 'national').map((c) => c.value);
      expect(v.value).toBe(Math.max(...all));
    }
  });

  it('text: the "4.01, 4.79, 4.18 percentage points" are the mean of all seven Table 3 rows, not the national or six-region difference (recorded)', () => {
    recorded('li-text-growth-difference');
    const t3 = li('table3');
    const g = (r: string, ind: string, p: string) => t3.find((c) => c.regionId === r && c.indicator === ind && c.period === p)?.value as number;
    const claims = loadTextValues().filter((x) => x.measure === 'growth_rate_difference_2016_2021_minus_2012_2016_pp');
    expect(claims.map((c) => c.value)).toEqual([4.01, 4.79, 4.18]);
    for (const c of claims) {
      const national = g('national', c.indicator, '2016-2021') - g('national', c.indicator, '2012-2016');
      const mean = REGIONS.reduce((s, r) => s + g(r, c.indicator, '2016-2021') - g(r, c.indicator, '2012-2016'), 0) / 6;
      expect(Math.abs(national - c.value)).toBeGreaterThan(0.1);
      expect(Math.abs(mean - c.value)).toBeGreaterThan(0.02);
      // The six regions and the National row averaged together give the printed values (to 2 decimals).
      const sevenRows = (mean * 6 + national) / 7;
      expect(Math.abs(sevenRows - c.value)).toBeLessThanOrEqual(0.005);
    }
  });

  it('text: the 2021 best-minus-worst gap of 0.27 matches no indicator of Table 2 (recorded)', () => {
    recorded('li-text-gap-027');
    const gaps = INDS.map((ind) => {
      const v = REGIONS.map((g) => cell(g, ind, 'per_1000', 2021).value);
      return Math.round((Math.max(...v) - Math.min(...v)) * 100) / 100;
    });
    expect(gaps).toEqual([0.39, 0.39, 0.21]);
    expect(loadTextValues().find((x) => x.measure === 'best_minus_worst_region_per_1000' && x.year === 2021)?.value).toBe(0.27);
  });

  it('text: Jiangxi 15th and Hebei 27th in 2021 GDP per capita hold with pre-2025 GRP / population, not with the 2025 revision (recorded)', () => {
    recorded('li-text-rank-vintage');
    const gdp = loadGdp().rows.filter((r) => r.year === 2021);
    const perCapita = CODES.map((c) => ({ c, v: (gdp.find((r) => r.provinceCode === c)?.value as number) / pop(revised, c, 2021) })).sort((a, b) => b.v - a.v);
    const rank = (list: { c: string }[], code: string) => list.findIndex((x) => x.c === code) + 1;
    expect([rank(perCapita, '360000'), rank(perCapita, '130000')]).toEqual([15, 27]);
    const rev = loadGdpPerCapita().rows.filter((r) => r.year === 2021).map((r) => ({ c: r.provinceCode, v: r.value })).sort((a, b) => b.v - a.v);
    expect([rank(rev, '360000'), rank(rev, '130000')]).toEqual([17, 27]);
    expect(loadTextValues().filter((x) => x.measure === 'gdp_per_capita_rank').map((x) => x.value)).toEqual([15, 27]);
  });

  it('text values: concentration indices (9), 2030 projections (3), and the gap claims are all transcribed', () => {
    const tv = loadTextValues();
    expect(tv.filter((x) => x.measure === 'concentration_index_gdp_per_capita').map((x) => x.valueText)).toEqual(['0.0407', '0.0458', '0.0568', '0.0484', '0.0594', '0.0657', '0.0302', '0.0280', '0.0486']);
    expect(tv.filter((x) => x.measure === 'projected_per_1000').map((x) => x.value)).toEqual([3.88, 1.91, 1.84]);
    expect(tv.filter((x) => x.measure === 'best_minus_worst_region_per_1000').map((x) => [x.year, x.value])).toEqual([[2021, 0.27], [2030, 1.69]]);
  });
});

describe('raw-data findings recorded with the published ones', () => {
  it('Heilongjiang 2013, the national-vs-provinces gap, henrylin03 2020 and the vintages are recorded and tested in test/data.test.ts', () => {
    // The numbers are asserted in test/data.test.ts; here we check that the records exist and point to real errata.
    for (const id of ['csy2020-heilongjiang-2013', 'csy2020-national-vs-sum', 'gdp-henrylin-2020', 'population-vintages']) recorded(id);
    const gap = nationalPop.map((n) => n.value - CODES.reduce((s, c) => s + pop(firstPublished, c, n.year), 0));
    expect(Math.min(...gap.slice(0, 18))).toBe(174);
    expect(Math.max(...gap.slice(0, 18))).toBe(2152);
    expect(gap.slice(18)).toEqual([-115, -380]);
  });

  it('every erratum referenced by an inconsistency exists', () => {
    const ids = new Set(loadErrata().map((e) => e.id));
    for (const x of loadInconsistencies()) for (const e of x.errata) expect(ids.has(e), `${x.id} -> ${e}`).toBe(true);
  });
});

afterAll(() => {
  // Every recorded inconsistency must be asserted by a test above (nothing recorded without a check).
  const all = loadInconsistencies().map((x) => x.id).sort();
  expect([...asserted].sort()).toEqual(all);
});
