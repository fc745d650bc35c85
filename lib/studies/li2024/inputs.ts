/**
 * The inputs of the Li et al. (2024) reproduction, joined once: Li's six economic regions (with Xinjiang, which the
 * paper's list omits but its data include), the population in both vintages, gross regional product, and the
 * published cells of Tables 1-5 and of the running text, with the errata the loaders applied.
 *
 * Li S, Liao C, Zhang S (2024). The role of Construction of Healthcare Consortium on the allocation of human
 * resources for primary care resources and its equity in China. Preprint, 2024 (no DOI).
 */
import { loadProvinces, loadRegions } from '../../data/provinces';
import { loadGdp, loadGdpPerCapita, loadNationalPopulation, loadPopulation } from '../../data/series';
import type { PopulationVintage } from '../../data/series';
import { loadPublishedTable, loadTextValues } from '../../data/published';
import type { AccuracyGrade, PublishedCell, TextValue } from '../../data/published';
import type { AppliedErratum } from '../../data/errata';

/** Li et al.'s six economic regions, in the paper's order. */
export type Li2024Region = 'north' | 'northeast' | 'east' | 'south_central' | 'southwest' | 'northwest';
/** A region or the nation (the rows of Tables 2, 3 and 5). */
export type Li2024Scope = Li2024Region | 'national';
/** The three primary-care workforce indicators. */
export type Li2024Indicator = 'phc_health_technical_personnel' | 'phc_practising_physicians' | 'phc_registered_nurses';

/** The six regions in the paper's order. */
export const LI2024_REGIONS: readonly Li2024Region[] = Object.freeze(['north', 'northeast', 'east', 'south_central', 'southwest', 'northwest'] as Li2024Region[]);
/** The six regions and the nation. */
export const LI2024_SCOPES: readonly Li2024Scope[] = Object.freeze([...LI2024_REGIONS, 'national'] as Li2024Scope[]);
/** The indicators in the paper's order: health technical personnel (HTP), physicians (PHY), nurses (RN). */
export const LI2024_INDICATORS: readonly Li2024Indicator[] = Object.freeze([
  'phc_health_technical_personnel', 'phc_practising_physicians', 'phc_registered_nurses',
] as Li2024Indicator[]);
/** The years Table 2 prints. */
export const LI2024_TABLE2_YEARS: readonly number[] = Object.freeze([2012, 2016, 2021]);
/** The periods of Table 3 (before the 2016 pilot, after it, whole). */
export const LI2024_PERIODS: ReadonlyArray<readonly [number, number]> = Object.freeze([[2012, 2016], [2016, 2021], [2012, 2021]] as const);
/** Row labels of the regions as the paper prints them. */
export const LI2024_REGION_LABEL: Readonly<Record<Li2024Scope, string>> = Object.freeze({
  north: 'Northern', northeast: 'Northeast', east: 'Eastern', south_central: 'South-central',
  southwest: 'Southwest', northwest: 'Northwest', national: 'National',
});
/** Long names of the indicators. */
export const LI2024_INDICATOR_LABEL: Readonly<Record<Li2024Indicator, string>> = Object.freeze({
  phc_health_technical_personnel: 'Health technical personnel',
  phc_practising_physicians: 'Practising physicians',
  phc_registered_nurses: 'Registered nurses',
});
/** Short names of the indicators. */
export const LI2024_INDICATOR_SHORT: Readonly<Record<Li2024Indicator, string>> = Object.freeze({
  phc_health_technical_personnel: 'HTP', phc_practising_physicians: 'PHY', phc_registered_nurses: 'RN',
});
/** GB/T 2260 code of Xinjiang, the province the paper's region list leaves out. */
export const XINJIANG = '650000';

/** One Table 2 cell pair: the printed total and the printed per-1,000 value. */
export interface Li2024Table2Cell {
  year: number;
  scope: Li2024Scope;
  indicator: Li2024Indicator;
  /** Persons, as printed. */
  total: number;
  totalText: string;
  /** Per 1,000 population, as printed (two decimals). */
  perThousand: number;
  perThousandText: string;
}

/** Everything the reproduction reads. */
export interface Li2024Inputs {
  /** Every province code (31), in data/provinces.csv order. */
  provinceCodes: string[];
  /** English name by code. */
  provinceName: Record<string, string>;
  /** Region by province code (Xinjiang in the northwest). */
  regionOf: Record<string, Li2024Region>;
  /** Province codes of each region, with Xinjiang in the northwest. */
  regionCodes: Record<Li2024Region, string[]>;
  /** Province codes of each region as listed in the paper's Section 2.1 (30 provinces: no Xinjiang). */
  regionCodesListed: Record<Li2024Region, string[]>;
  /** Year-end population, 10,000 persons, by `${vintage}|${code}|${year}`. */
  population: Map<string, number>;
  /** NBS national population as first published (10,000 persons), by year. */
  nationalPopulation: Map<number, number>;
  /** Gross regional product, 100 million yuan (NBS series before the 2025 revision), by `${code}|${year}`. */
  gdp: Map<string, number>;
  /** GDP per capita as first published in 2014 (Qinghai yearbook transcription; 21 provinces, 2012-2013), yuan. */
  gdpPerCapitaAsPublished2012: Map<string, number>;
  table2: Li2024Table2Cell[];
  table1: AccuracyGrade[];
  table3: PublishedCell[];
  table4: PublishedCell[];
  table5: PublishedCell[];
  text: TextValue[];
  files: string[];
  errataApplied: AppliedErratum[];
}

let cached: Li2024Inputs | null = null;

/**
 * Load and join every input of the Li et al. reproduction (cached: the loaders verify checksums once).
 * @example
 * const inputs = loadLi2024Inputs();
 * inputs.table2.length; // => 63
 * inputs.regionCodes.northwest.includes('650000'); // => true
 * inputs.regionCodesListed.northwest.includes('650000'); // => false
 */
export function loadLi2024Inputs(): Li2024Inputs {
  if (cached) return cached;
  const provinces = loadProvinces();
  const memberships = loadRegions('li2024');
  const regionCodes = {} as Record<Li2024Region, string[]>;
  const regionCodesListed = {} as Record<Li2024Region, string[]>;
  for (const r of LI2024_REGIONS) {
    regionCodes[r] = memberships.filter((m) => m.region === r).map((m) => m.provinceCode);
    regionCodesListed[r] = memberships.filter((m) => m.region === r && m.orderInSource !== null).map((m) => m.provinceCode);
  }
  const first = loadPopulation({ vintage: 'first-published' });
  const revised = loadPopulation({ vintage: 'revised' });
  const population = new Map<string, number>();
  for (const r of first.rows) population.set(`first-published|${r.provinceCode}|${r.year}`, r.value);
  for (const r of revised.rows) population.set(`revised|${r.provinceCode}|${r.year}`, r.value);
  const national = loadNationalPopulation();
  const gdp = loadGdp();
  const gdpPc = loadGdpPerCapita({ series: 'qinghai_yb2014' });
  const t2 = loadPublishedTable('li2024', 'table2');
  const byKey = new Map<string, Li2024Table2Cell>();
  for (const c of t2.rows) {
    const key = `${c.year}|${c.regionId}|${c.indicator}`;
    const cell = byKey.get(key) ?? {
      year: c.year as number, scope: c.regionId as Li2024Scope, indicator: c.indicator as Li2024Indicator,
      total: NaN, totalText: '', perThousand: NaN, perThousandText: '',
    };
    if (c.measure === 'count') { cell.total = c.value; cell.totalText = c.valueText; }
    if (c.measure === 'per_1000') { cell.perThousand = c.value; cell.perThousandText = c.valueText; }
    byKey.set(key, cell);
  }
  const table2 = [...byKey.values()];
  for (const c of table2) {
    if (!Number.isFinite(c.total) || !Number.isFinite(c.perThousand)) {
      throw new RangeError(`loadLi2024Inputs: Table 2 ${c.year} ${c.scope} ${c.indicator} lacks its total or per-1,000 cell`);
    }
  }
  const t1 = loadPublishedTable('li2024', 'table1');
  const t3 = loadPublishedTable('li2024', 'table3');
  const t4 = loadPublishedTable('li2024', 'table4');
  const t5 = loadPublishedTable('li2024', 'table5');
  cached = {
    provinceCodes: provinces.map((p) => p.code),
    provinceName: Object.fromEntries(provinces.map((p) => [p.code, p.nameEn])),
    regionOf: Object.fromEntries(memberships.map((m) => [m.provinceCode, m.region as Li2024Region])),
    regionCodes,
    regionCodesListed,
    population,
    nationalPopulation: new Map(national.rows.map((r) => [r.year, r.value])),
    gdp: new Map(gdp.rows.map((r) => [`${r.provinceCode}|${r.year}`, r.value])),
    gdpPerCapitaAsPublished2012: new Map(gdpPc.rows.filter((r) => r.year === 2012).map((r) => [r.provinceCode, r.value])),
    table2,
    table1: t1.rows,
    table3: t3.rows,
    table4: t4.rows,
    table5: t5.rows,
    text: loadTextValues('li2024'),
    files: [...first.files, ...revised.files, ...national.files, ...gdp.files, ...gdpPc.files, ...t1.files, ...t2.files, ...t3.files, ...t4.files, ...t5.files],
    errataApplied: [...first.appliedErrata, ...revised.appliedErrata, ...t2.appliedErrata, ...t3.appliedErrata, ...t4.appliedErrata, ...t5.appliedErrata],
  };
  return cached;
}

/**
 * The population vintage Li et al. evidently used (shown by `impliedPopulation`): as first published up to 2019,
 * the revised series from 2020 (the first-published table ends in 2019).
 * @example
 * li2024Vintage(2016); // => 'first-published'
 * li2024Vintage(2021); // => 'revised'
 */
export function li2024Vintage(year: number): PopulationVintage {
  return year <= 2019 ? 'first-published' : 'revised';
}

/**
 * Year-end population of one province (10,000 persons) in a vintage; throws a RangeError naming the province and
 * year when the series has no value.
 * @example
 * provincePopulation(loadLi2024Inputs(), '110000', 2021, 'revised'); // => 2189
 */
export function provincePopulation(inputs: Li2024Inputs, code: string, year: number, vintage: PopulationVintage = li2024Vintage(year)): number {
  const v = inputs.population.get(`${vintage}|${code}|${year}`);
  if (v === undefined) throw new RangeError(`provincePopulation: no ${vintage} population for ${inputs.provinceName[code] ?? code} ${year}`);
  return v;
}

/**
 * The province codes of a scope: a region's (Xinjiang in the northwest), or all 31 for the nation.
 * @example
 * scopeCodes(loadLi2024Inputs(), 'northwest').length; // => 5
 */
export function scopeCodes(inputs: Li2024Inputs, scope: Li2024Scope): string[] {
  return scope === 'national' ? inputs.provinceCodes : inputs.regionCodes[scope];
}

/**
 * Population of a set of provinces (10,000 persons): the sum over the codes, in a vintage (default: Li's).
 * @example
 * Math.round(sumPopulation(loadLi2024Inputs(), ['110000', '120000'], 2021)); // => 3562
 */
export function sumPopulation(inputs: Li2024Inputs, codes: readonly string[], year: number, vintage: PopulationVintage = li2024Vintage(year)): number {
  return codes.reduce((s, c) => s + provincePopulation(inputs, c, year, vintage), 0);
}

/**
 * Population of a region or the nation (sum of its provinces; national = the 31 provinces), 10,000 persons.
 * @example
 * Math.round(scopePopulation(loadLi2024Inputs(), 'national', 2021)); // => 141060
 */
export function scopePopulation(inputs: Li2024Inputs, scope: Li2024Scope, year: number, vintage: PopulationVintage = li2024Vintage(year)): number {
  return sumPopulation(inputs, scopeCodes(inputs, scope), year, vintage);
}

/**
 * Gross regional product of one province, 100 million yuan (NBS series before the 2025 revision).
 * @example
 * provinceGdp(loadLi2024Inputs(), '110000', 2021) > 40000; // => true
 */
export function provinceGdp(inputs: Li2024Inputs, code: string, year: number): number {
  const v = inputs.gdp.get(`${code}|${year}`);
  if (v === undefined) throw new RangeError(`provinceGdp: no GDP for ${inputs.provinceName[code] ?? code} ${year}`);
  return v;
}

/**
 * GDP per capita of a set of provinces, yuan per person: Σ GRP / Σ population (Li's vintage unless given).
 * @example
 * Math.round(gdpPerCapita(loadLi2024Inputs(), ['110000'], 2021) / 1000); // => 188
 */
export function gdpPerCapita(inputs: Li2024Inputs, codes: readonly string[], year: number, vintage: PopulationVintage = li2024Vintage(year)): number {
  return (codes.reduce((s, c) => s + provinceGdp(inputs, c, year), 0) * 1e8) / (sumPopulation(inputs, codes, year, vintage) * 1e4);
}

/**
 * One Table 2 cell pair (printed total and per-1,000 value) by year, scope and indicator.
 * @example
 * table2Cell(loadLi2024Inputs(), 2012, 'north', 'phc_health_technical_personnel').perThousandText; // => '1.51'
 */
export function table2Cell(inputs: Li2024Inputs, year: number, scope: Li2024Scope, indicator: Li2024Indicator): Li2024Table2Cell {
  const c = inputs.table2.find((x) => x.year === year && x.scope === scope && x.indicator === indicator);
  if (!c) throw new RangeError(`table2Cell: Table 2 has no cell for ${year} ${scope} ${indicator}`);
  return c;
}
