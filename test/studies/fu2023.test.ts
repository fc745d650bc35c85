/**
 * lib/studies/fu2023: the Fu et al. (2023) reproduction as records. Fu Y, Wang J, Sun J, Zhang S, Huang D.
 * Equity in the allocation of general practitioner resources in mainland China from 2012 to 2019.
 * Healthcare 2023;11(3):398. doi:10.3390/healthcare11030398. Published values below are the paper's printed cells
 * (data/published/fu2023_table*.csv, transcribed); each assertion says where its expectation comes from.
 */
import { describe, expect, it } from 'vitest';
import { gini } from '../../lib/measures/gini';
import { theilDecomposition } from '../../lib/measures/theil';
import { summarizeReproduction } from '../../lib/studies/reproduction';
import type { ReproductionRow } from '../../lib/studies/reproduction';
import {
  FU2023_STAT_KEYS, fu2023AreaSourceEffects, fu2023GiniIntervals, fu2023HradBySource, fu2023LandAreaIdentification,
  fu2023NationalDenominators, fu2023PanelRows, fu2023PopulationTests, fu2023RegistrationChecks, fu2023Reproduction,
  fu2023RoundingBand, fu2023Stats, fu2023StatsOf, fu2023Study, fu2023Table11ColumnMeans, fu2023Table8Renormalisation,
  fu2023TheilCandidates, fu2023VintageEffects, fu2023ZoneTheilChecks, loadFu2023Inputs,
  fu2023SwapEvidence, fu2023Table7Consistency,
} from '../../lib/studies/fu2023/index';

const study = fu2023Study();
const rows = fu2023Reproduction(study);
const find = (table: string, row: string, column: string): ReproductionRow => {
  const hits = rows.filter((r) => r.table === table && r.row === row && r.column === column);
  expect(hits, `${table} ${row} ${column}`).toHaveLength(1);
  return hits[0];
};

describe('fu2023Reproduction: the record stays whole (issue 10)', () => {
  it('keeps every row and the counts the notebook had before the module', () => {
    // Before this module the notebook wrote 947 rows: 687 reproduced, 39 explained, 5 unexplained, 216 not
    // reproducible (out/reproduction/fu2023.csv at commit 06e539b). Issue 10: >= 687 reproduced, <= 5 unexplained.
    const counts = summarizeReproduction(rows);
    expect(counts.total).toBe(947);
    expect(counts.reproduced).toBeGreaterThanOrEqual(687);
    expect(counts.unexplained).toBeLessThanOrEqual(5);
    expect(counts['not-reproducible']).toBe(216);
    expect(counts.reproduced + counts.explained + counts.unexplained).toBe(731);
  });

  it('has one row per published cell, and rows per table as the paper prints them', () => {
    const keys = new Set(rows.map((r) => `${r.table}|${r.row}|${r.column}`));
    expect(keys.size).toBe(rows.length);
    const perTable = (t: string) => rows.filter((r) => r.table === t).length;
    // Table 1: 8 years x (nation + 3 zones); Table 6: 2 bases x 8 years; Table 7: 8 columns x 8 years;
    // Table 10 and 11: 8 years x (31 provinces + 3 zones); Table 2 (zone rows 4 x 8, AAGR 4 + 31).
    expect(perTable('Table 1')).toBe(32);
    expect(perTable('Table 2')).toBe(32 + 35);
    expect(perTable('Table 6')).toBe(16);
    expect(perTable('Table 7')).toBe(64);
    expect(perTable('Table 10')).toBe(272);
    expect(perTable('Table 11')).toBe(272);
  });

  it('lists the unexplained cells, each saying what was tried', () => {
    const unexplained = rows.filter((r) => r.status === 'unexplained');
    expect(unexplained.map((r) => `${r.table} ${r.row} ${r.column}`).sort()).toEqual([
      'Table 11 Eastern region 2014',
      'Table 2 Total 2018',
      'Table 7 2013 Inter-Region Theil Index / Geographical Area',
      'Table 7 2013 Intra-Region Contribution Rate (%) / Geographical Area',
      'Table 7 2013 Intra-Region Theil Index / Geographical Area',
    ]);
    for (const r of unexplained) expect(r.note, `${r.table} ${r.row} ${r.column}`).toMatch(/tried/i);
    for (const r of rows.filter((x) => x.status === 'explained' || x.status === 'not-reproducible')) expect(r.note.length).toBeGreaterThan(20);
  });
});

describe('specific cells, with their published value', () => {
  it('Table 6 Gini by population: 2012 0.3123 and 2019 0.1872 reproduced within the rounding band', () => {
    for (const [year, published] of [['2012', 0.3123], ['2019', 0.1872]] as const) {
      const r = find('Table 6', 'Population', year);
      expect(r.published).toBe(published);
      expect(r.status).toBe('reproduced');
      expect(Math.abs(r.difference as number)).toBeLessThanOrEqual(r.tolerance as number);
      // the tolerance is the band plus 5e-5: never looser than 0.002 for an index printed to four decimals
      expect(r.tolerance as number).toBeLessThan(0.002);
    }
  });

  it('Table 7: Theil L (log10) by population 2012 is 0.0742; the 2013 area between part 0.2835 is unexplained', () => {
    const total = find('Table 7', '2012', 'Theil Index / Population');
    expect(total.published).toBe(0.0742);
    expect(total.status).toBe('reproduced');
    const between = find('Table 7', '2013', 'Inter-Region Theil Index / Geographical Area');
    expect(between.published).toBe(0.2835);
    expect(between.note).toMatch(/the land survey reproduces this column in 7 of 8 years/);
  });

  it('Table 2 "Total": 2014 explained by the 31-province sum (1.2668), 2018 unexplained', () => {
    const t2014 = find('Table 2', 'Total', '2014');
    expect(t2014.published).toBe(1.27);
    expect(t2014.status).toBe('explained');
    expect(t2014.note).toMatch(/sum of the 31 provinces, as first published = 1\.2668/);
    const fits = fu2023NationalDenominators(study);
    // 2018: Table 1 172,597 ... none of the three candidates rounds to the printed 2.22
    expect(fits[6].some((f) => f.fits)).toBe(false);
    expect(fits[6].map((f) => f.value.toFixed(4))).toEqual(['2.2126', '2.2108', '2.2004']);
  });

  it('Table 4 2015 (36.24 %) is explained by the Table 5 typo 38,364 for 68,364', () => {
    const r = find('Table 4', 'Total', '2015');
    expect(r.published).toBe(36.24);
    expect(r.status).toBe('explained');
    const check = fu2023RegistrationChecks(study).find((c) => c.year === 2015);
    // 38,364 + certificates - 188,649 = -30,000: the identity misses by exactly the typo's 30,000
    expect(check?.identityGap).toBe(-30000);
  });

  it('Tables 10 and 11: the 2016 Inner Mongolia / Guangxi swap and the 2015 column of Table 11', () => {
    for (const table of ['Table 10', 'Table 11']) {
      for (const province of ['Inner Mongolia', 'Guangxi']) {
        const r = find(table, province, '2016');
        expect(r.status).toBe('explained');
        expect(r.note).toMatch(/swapped/);
      }
    }
    // Σ p_i HRAD/PAD_i = Σ s_i = 1 (identity); the printed 2015 column gives 0.9641, the others within 0.003
    const means = fu2023Table11ColumnMeans(study);
    expect(means[3]).toBeCloseTo(0.9641, 4);
    means.filter((_, t) => t !== 3).forEach((m) => expect(Math.abs(m - 1)).toBeLessThan(0.003));
  });

  it('Table 11 Eastern 2014: 1.3535017 misses half a printed unit of 1.353 by 1.7e-6, unexplained', () => {
    const r = find('Table 11', 'Eastern region', '2014');
    expect(r.published).toBe(1.353);
    expect(r.status).toBe('unexplained');
    expect(Math.abs(r.difference as number) - (r.tolerance as number)).toBeCloseTo(1.7e-6, 7);
  });
});

describe('the analysis layer and the measures agree', () => {
  it('analysePanel gives the Gini and Theil of gini() and theilDecomposition() on the printed densities', () => {
    const inputs = loadFu2023Inputs();
    const zones = inputs.provinces.map((p) => p.zone);
    const areas = inputs.provinces.map((p) => p.areaKm2);
    inputs.years.forEach((_, t) => {
      const direct = fu2023StatsOf(inputs.density[t], inputs.population[t], areas, zones);
      for (const k of FU2023_STAT_KEYS) expect(study.stats[t][k]).toBeCloseTo(direct[k], 10);
      expect(study.stats[t].giniPopulation).toBeCloseTo(gini(inputs.density[t], inputs.population[t]), 12);
      const d = theilDecomposition(inputs.density[t], zones, inputs.population[t], { variant: 'L', base: 10 });
      expect(study.stats[t].betweenPopulation).toBeCloseTo(d.between, 12);
    });
    expect(fu2023Stats(study.analysis.years[0]).giniPopulation).toBe(study.stats[0].giniPopulation);
  });

  it('Theil per province: the units\' contributions add up to the total (analysePanel)', () => {
    for (const y of study.analysis.years) {
      const sum = y.byPopulation.theil.units.reduce((s, u) => s + u.contribution, 0);
      expect(sum).toBeCloseTo(y.byPopulation.theil.total, 12);
    }
  });

  it('the panel rows rebuild GP counts as density x first-published population', () => {
    const panel = fu2023PanelRows();
    const inputs = loadFu2023Inputs();
    expect(panel).toHaveLength(31 * 8);
    expect(panel[0].gp).toBe(inputs.density[0][0] * inputs.population[0][0]);
  });
});

describe('the density-rounding band', () => {
  it('is seeded: the same seed gives the same band, another seed a different one', () => {
    const a = fu2023RoundingBand(undefined, { draws: 100 });
    const b = fu2023RoundingBand(undefined, { draws: 100 });
    const c = fu2023RoundingBand(undefined, { draws: 100, seed: 1 });
    expect(a).toEqual(b);
    expect(c[0].giniPopulation.sd).not.toBe(a[0].giniPopulation.sd);
  });

  it('surrounds our value and is small: rounding SD of the Gini below 0.0005 (densities printed to 0.01)', () => {
    study.band.forEach((band, t) => {
      for (const k of FU2023_STAT_KEYS) {
        expect(band[k].low, `${k} ${t}`).toBeLessThanOrEqual(study.stats[t][k]);
        expect(band[k].high, `${k} ${t}`).toBeGreaterThanOrEqual(study.stats[t][k]);
      }
      expect(band.giniPopulation.sd).toBeLessThan(0.0005);
      expect(band.theilPopulation.sd).toBeLessThan(0.0002);
    });
  });
});

describe('the forensic evidence', () => {
  it('identifies the 2008 land survey as the area table of Table 10', () => {
    const id = fu2023LandAreaIdentification(study);
    expect(id.identified).toBe('nbs_land_survey_2008');
    // the implied shares match the survey within 0.27 % outside Tibet (notebook 01 before the module printed
    // "largest 0.91 % (Tibet), largest without Tibet 0.27 %"); Wikipedia's Shanghai is ~31 % off
    expect(id.survey.province).toBe('Tibet');
    expect(id.survey.largestPct).toBeCloseTo(0.91, 2);
    expect(id.survey.largestWithoutTibetPct).toBeLessThan(0.28);
    expect(id.wikipedia.largestPct).toBeGreaterThan(30);
    expect(id.survey.far).toEqual([]);
    expect(id.impliedShareSum).toBeCloseTo(1, 2);
  });

  it('the population as first published, with the Heilongjiang 2013 erratum, is the only one that fits Table 1', () => {
    const [asPrinted, withErratum, revised] = fu2023PopulationTests(study);
    expect(Math.abs(asPrinted.middle2013Z)).toBeGreaterThan(3);
    expect(Math.abs(withErratum.middle2013Z)).toBeLessThan(3);
    expect(Math.abs(revised.nationalResidualPctMax)).toBeGreaterThan(Math.abs(withErratum.nationalResidualPctMax));
  });

  it('only Theil L in base-10 logarithms fits Table 7; ln is exactly ln 10 times larger', () => {
    const candidates = fu2023TheilCandidates(study);
    const worst = (c: (typeof candidates)[number]) => Math.max(c.maxDifference['T pop'], c.maxDifference['B pop'], c.maxDifference['W pop']);
    expect(worst(candidates[0])).toBeLessThan(0.0003);
    for (const c of candidates.slice(1)) expect(worst(c)).toBeGreaterThan(0.01);
    candidates[1].stats.forEach((s, t) => expect(s.theilPopulation / candidates[0].stats[t].theilPopulation).toBeCloseTo(Math.LN10, 10));
  });

  it('Table 8 is Table 9 renormalised, and Table 9 does not add up to Table 7\'s within part', () => {
    expect(fu2023Table8Renormalisation(study)).toBeLessThan(0.01);
    const checks = fu2023ZoneTheilChecks(study);
    const pop2019 = checks.find((c) => c.basis === 'population' && c.year === 2019);
    expect(pop2019?.table9Sum).toBeCloseTo(0.0329, 4);
    expect(pop2019?.table7Within).toBe(0.0165);
    // P_g T_g add up to our within part exactly (decomposition identity)
    for (const c of checks) {
      const within = c.basis === 'population' ? study.stats[c.year - 2012].withinPopulation : study.stats[c.year - 2012].withinArea;
      expect(c.zones.reduce((s, z) => s + z.contribution, 0)).toBeCloseTo(within, 12);
    }
  });

  it('sensitivity: revised weights raise the Gini; Wikipedia areas miss the area Gini in every year', () => {
    for (const v of fu2023VintageEffects(study)) expect(v.giniWeightsOnly).toBeGreaterThan(v.giniFirstPublished);
    const effects = fu2023AreaSourceEffects(study);
    expect(effects.filter((e) => e.giniSurveyWithin)).toHaveLength(8);
    expect(effects.filter((e) => e.giniWikipediaWithin)).toHaveLength(0);
    const [survey, wikipedia] = fu2023HradBySource(study);
    expect(survey.misses.sort()).toEqual(['Guangxi 2016', 'Inner Mongolia 2016']);
    expect(survey.zonesWithin).toBe(24);
    expect(wikipedia.provincesWithin).toBeLessThan(100);
  });

  it('bootstrap intervals contain the estimate; paired changes are seeded', () => {
    const a = fu2023GiniIntervals(study, { replicates: 300 });
    const b = fu2023GiniIntervals(study, { replicates: 300 });
    expect(a[0].change).toBeNull();
    a.forEach((x, t) => {
      expect(x.gini.lower).toBeLessThanOrEqual(x.gini.estimate);
      expect(x.gini.upper).toBeGreaterThanOrEqual(x.gini.estimate);
      expect(x.gini.estimate).toBeCloseTo(study.stats[t].giniPopulation, 10);
      expect(x.gini.upper).toBe(b[t].gini.upper);
    });
  });
});

describe('the paper\'s own identities', () => {
  it('Table 7: B + W = T to the rounding of three printed values; only the 2012 area rate is off its W/T', () => {
    const checks = fu2023Table7Consistency(study);
    expect(checks).toHaveLength(16);
    // three values printed to 4 decimals: |B + W - T| <= 3 x 5e-5
    for (const c of checks) expect(Math.abs(c.sumGap)).toBeLessThanOrEqual(1.5e-4 + 1e-12);
    const off = checks.filter((c) => Math.abs(c.rateGap) > 0.05);
    // printed 55.10 vs 100 x 0.3810 / 0.6898 = 55.23 (hand computation)
    expect(off.map((c) => `${c.basis} ${c.year}`)).toEqual(['geographical_area 2012']);
    expect(off[0].rateFromPrinted).toBeCloseTo(55.23, 2);
  });

  it('Table 10, 2016: each swapped province\'s printed value lies outside its other years, next to its partner', () => {
    for (const e of fu2023SwapEvidence(study)) {
      expect(e.printed2016 < e.otherYearsMin || e.printed2016 > e.otherYearsMax, e.province).toBe(true);
      expect(Math.abs(e.printed2016 - e.partnerComputed2016)).toBeLessThan(Math.abs(e.printed2016 - e.computed2016));
    }
  });
});
