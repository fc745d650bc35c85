/**
 * The inputs of the Fu et al. (2023) reproduction, joined once: the 31 provinces in the paper's zone order, the
 * printed GP densities of Table 2, the population (as first published, as printed, revised), the land areas (2008
 * land survey and the Wikipedia figures), the published cells of Tables 1-11 and the errata the loaders applied.
 *
 * Fu Y, Wang J, Sun J, Zhang S, Huang D (2023). Equity in the allocation of general practitioner resources in
 * mainland China from 2012 to 2019. Healthcare 11(3):398. doi:10.3390/healthcare11030398
 */
import { loadRegions, loadProvinces } from '../../data/provinces';
import { loadPopulation, loadNationalPopulation } from '../../data/series';
import type { PopulationRow } from '../../data/series';
import { loadLandArea } from '../../data/landArea';
import type { LandAreaResult } from '../../data/landArea';
import { loadPublishedTable } from '../../data/published';
import type { PublishedCell } from '../../data/published';
import type { AppliedErratum } from '../../data/errata';
import { findPublishedCell, printedValue } from '../common';

/** The years of the paper. */
export const FU2023_YEARS: readonly number[] = Object.freeze([2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019]);
/** The paper's three zones, in its order. */
export type Fu2023Zone = 'East' | 'Middle' | 'West';
/** The zones, in the paper's order. */
export const FU2023_ZONES: readonly Fu2023Zone[] = Object.freeze(['East', 'Middle', 'West'] as Fu2023Zone[]);
/** A zone or the whole country, as the rows of Tables 1, 2, 10 and 11 are labelled. */
export type Fu2023Scope = Fu2023Zone | 'Total';
/** The row label of each scope in the paper's tables. */
export const FU2023_ROW_LABEL: Readonly<Record<Fu2023Scope, string>> = Object.freeze({
  East: 'Eastern region', Middle: 'Middle region', West: 'Western region', Total: 'Total',
});
/** The region id of each scope in data/published (the `regionId` of a zone or national cell). */
export const FU2023_REGION_ID: Readonly<Record<Fu2023Scope, string>> = Object.freeze({
  East: 'east', Middle: 'middle', West: 'west', Total: 'national',
});

/** One province, in the paper's zone order (Tables 10 and 11). */
export interface Fu2023Province {
  code: string;
  name: string;
  zone: Fu2023Zone;
  /** Land area, km²: the 2008 land survey (China Statistical Yearbook 2009, table 11-34). */
  areaKm2: number;
  /** Land area, km²: the henrylin03 copy of Wikipedia's figures (not an official table; the sensitivity check). */
  areaWikipediaKm2: number;
}

/** Everything the reproduction reads, as matrices indexed [year index][province index]. */
export interface Fu2023Inputs {
  years: readonly number[];
  provinces: Fu2023Province[];
  /** Printed GP density of Table 2 (GPs per 10,000 people), two decimals. */
  density: number[][];
  /** Year-end population (10,000 persons) as first published (CSY2020), errata applied. */
  population: number[][];
  /** The same as printed in the stored copy (Heilongjiang 2013 = 3535, erratum not applied). */
  populationAsPrinted: number[][];
  /** The revised NBS series (after the 2020 census). */
  populationRevised: number[][];
  /** National year-end population (10,000 persons), CSY2020, one per year. */
  nationalPopulation: number[];
  /** Table 1's printed GP counts, per scope and year. */
  table1: Record<Fu2023Scope, number[]>;
  /** Every published cell of Tables 1-11 (`value` carries the errata; `valueText` is as printed). */
  cells: PublishedCell[];
  /** The errata the loaders applied (population and published tables). */
  errataApplied: AppliedErratum[];
  /** The land-survey load (totals, files). */
  landSurvey: LandAreaResult;
}

const ZONE_OF_REGION: Record<string, Fu2023Zone> = { east: 'East', middle: 'Middle', west: 'West' };

let cached: Fu2023Inputs | null = null;

/**
 * Load and join every input of the Fu et al. reproduction (cached: the loaders verify checksums once). Province
 * densities are Table 2 as printed (its second "Shanxi" row is Shaanxi: erratum fu2023-t2-shaanxi); they are the
 * input, not reproduced cells. Throws when a province lacks a population, area or density cell.
 * @example
 * const inputs = loadFu2023Inputs();
 * inputs.provinces.length; // => 31
 * inputs.provinces[0]; // => { name: 'Beijing', zone: 'East', areaKm2: 16410 }
 * inputs.density[7][0]; // => 4.30
 * inputs.table1.Total[0]; // => 109794
 */
export function loadFu2023Inputs(): Fu2023Inputs {
  if (cached) return cached;
  const years = FU2023_YEARS;
  const regions = loadRegions('fu2023').slice().sort((a, b) => (a.orderInSource ?? 0) - (b.orderInSource ?? 0));
  const provinceList = loadProvinces();
  const landSurvey = loadLandArea({ source: 'nbs_land_survey_2008' });
  const provinces: Fu2023Province[] = regions.map((r) => {
    const p = provinceList.find((x) => x.code === r.provinceCode);
    const land = landSurvey.rows.find((x) => x.provinceCode === r.provinceCode);
    if (!p || !land) throw new Error(`loadFu2023Inputs: no province or land-survey row for ${r.provinceCode}`);
    return { code: p.code, name: p.nameEn, zone: ZONE_OF_REGION[r.region], areaKm2: land.areaKm2, areaWikipediaKm2: p.areaKm2 };
  });
  const matrix = (rows: PopulationRow[], what: string): number[][] =>
    years.map((y) => provinces.map((p) => {
      const hit = rows.filter((r) => r.provinceCode === p.code && r.year === y);
      if (hit.length !== 1) throw new Error(`loadFu2023Inputs: ${hit.length} ${what} rows for ${p.name} ${y}`);
      return hit[0].value;
    }));
  const populationLoad = loadPopulation({ vintage: 'first-published' });
  const national = loadNationalPopulation().rows;
  const publishedLoads = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((k) => loadPublishedTable('fu2023', `table${k}`));
  const cells = publishedLoads.flatMap((l) => l.rows);
  const density = years.map((y) => provinces.map((p) =>
    printedValue(findPublishedCell(cells, 'table2', { provinceCode: p.code, year: y, measure: 'per_10000' }))));
  const table1 = Object.fromEntries((['Total', ...FU2023_ZONES] as Fu2023Scope[]).map((scope) => [
    scope, years.map((y) => printedValue(findPublishedCell(cells, 'table1', { regionId: FU2023_REGION_ID[scope], year: y }))),
  ])) as Record<Fu2023Scope, number[]>;
  cached = {
    years,
    provinces,
    density,
    population: matrix(populationLoad.rows, 'population'),
    populationAsPrinted: matrix(loadPopulation({ vintage: 'first-published', errata: false }).rows, 'population (as printed)'),
    populationRevised: matrix(loadPopulation({ vintage: 'revised' }).rows, 'revised population'),
    nationalPopulation: years.map((y) => {
      const row = national.find((r) => r.year === y);
      if (!row) throw new Error(`loadFu2023Inputs: no national population for ${y}`);
      return row.value;
    }),
    table1,
    cells,
    errataApplied: [...populationLoad.appliedErrata, ...publishedLoads.flatMap((l) => l.appliedErrata)],
    landSurvey,
  };
  return cached;
}

/**
 * The one published cell of Fu et al. Table `k` matching `where` (throws when none or several match).
 * @example
 * fu2023Cell(6, { basis: 'population', year: 2012 }).valueText; // => '0.3123'
 */
export function fu2023Cell(k: number, where: Partial<PublishedCell>, inputs: Fu2023Inputs = loadFu2023Inputs()): PublishedCell {
  return findPublishedCell(inputs.cells, `table${k}`, where);
}

/**
 * Indices of the provinces of a zone (or all 31 for 'Total'), in the paper's order.
 * @example
 * fu2023ProvinceIndices('Middle').length; // => 8
 */
export function fu2023ProvinceIndices(scope: Fu2023Scope, inputs: Fu2023Inputs = loadFu2023Inputs()): number[] {
  return inputs.provinces.map((p, i) => (scope === 'Total' || p.zone === scope ? i : -1)).filter((i) => i >= 0);
}

/**
 * The rebuilt GP counts, GP_it = d_it P_it: printed density times population (default: as first published).
 * @example
 * Math.round(fu2023GpCounts()[0].reduce((a, b) => a + b, 0)); // => 109781
 */
export function fu2023GpCounts(inputs: Fu2023Inputs = loadFu2023Inputs(), population: number[][] = inputs.population): number[][] {
  return inputs.density.map((row, t) => row.map((d, i) => d * population[t][i]));
}
