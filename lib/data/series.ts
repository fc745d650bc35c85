/**
 * Provincial series: year-end population (two vintages), gross regional product and per-capita GRP.
 * Each loader verifies the file's checksum, applies its errata and reports them.
 */
import { parseCsvObjects } from './csv';
import { readVerified } from './checksum';
import { applyErrata, AppliedErratum } from './errata';
import { checkBoolean, checkChoice, checkOptions } from '../measures/kernel';

/** Rows plus what was done to them on the way in. */
export interface Loaded<Row> {
  rows: Row[];
  /** Data files read, relative to data/. */
  files: string[];
  /** Errata applied while loading (empty when none applied or `errata: false`). */
  appliedErrata: AppliedErratum[];
}

/** Population as first published (CSY2020 table, 2000-2019) or the current revised NBS series. */
export type PopulationVintage = 'first-published' | 'revised';
/** csy2020: CSY2020 table 2-5 (first-published); nbs_pik: revised series 2005-2024; nbs_export_2024: NBS export 2024. */
export type PopulationSource = 'csy2020' | 'nbs_pik' | 'nbs_export_2024';

const POPULATION_FILES: Record<PopulationSource, { file: string; vintage: PopulationVintage }> = {
  csy2020: { file: 'population_csy2020.csv', vintage: 'first-published' },
  nbs_pik: { file: 'population_nbs_revised_pik.csv', vintage: 'revised' },
  nbs_export_2024: { file: 'population_nbs_export_2024.csv', vintage: 'revised' },
};
const POPULATION_SOURCES = Object.keys(POPULATION_FILES) as PopulationSource[];
const VINTAGES: readonly PopulationVintage[] = ['first-published', 'revised'];

/** Year-end resident population of one province in one year. */
export interface PopulationRow {
  provinceCode: string;
  /** Name as written in the source file. */
  province: string;
  year: number;
  vintage: PopulationVintage;
  source: PopulationSource;
  /** 10,000 persons. */
  value: number;
  /** Ids of the errata applied to this row. */
  errata: string[];
}

export interface PopulationOptions {
  /** Which vintage. */
  vintage: PopulationVintage;
  /** Which file of that vintage. @default 'csy2020' for first-published, 'nbs_pik' for revised */
  source?: PopulationSource;
  /** Apply data/errata.csv. @default true */
  errata?: boolean;
}

function num(s: string, where: string): number {
  const v = Number(s);
  if (s.trim() === '' || !Number.isFinite(v)) throw new Error(`${where}: not a number: ${JSON.stringify(s)}`);
  return v;
}

/** Check loadPopulation's options (every key known, each value of its kind) and fill in the defaults. */
function populationOptions(options: unknown): { vintage: PopulationVintage; source: PopulationSource; errata: boolean } {
  const fn = 'loadPopulation';
  if (options === undefined) {
    throw new TypeError(`${fn} requires options with a vintage: { vintage: 'first-published' } or { vintage: 'revised' }`);
  }
  checkOptions(fn, options, ['vintage', 'source', 'errata']);
  const o = options as Partial<PopulationOptions>;
  if (o.vintage === undefined) throw new TypeError(`${fn}: options.vintage is required ('first-published' or 'revised')`);
  const vintage = checkChoice(fn, 'vintage', o.vintage, VINTAGES, 'first-published');
  const source = checkChoice(fn, 'source', o.source, POPULATION_SOURCES, vintage === 'first-published' ? 'csy2020' : 'nbs_pik');
  const errata = checkBoolean(fn, 'errata', o.errata, true);
  if (POPULATION_FILES[source].vintage !== vintage) {
    throw new RangeError(`${fn}: source ${source} is of vintage ${POPULATION_FILES[source].vintage}, not ${vintage}`);
  }
  return { vintage, source, errata };
}

function loadPopulationRecords(source: PopulationSource, errata: boolean) {
  const spec = POPULATION_FILES[source];
  const raw = parseCsvObjects(readVerified(spec.file), `data/${spec.file}`);
  const { records, rowErrata, applied } = applyErrata(spec.file, raw, errata);
  return { source, spec, records, rowErrata, applied };
}

/**
 * Year-end resident population by province, in 10,000 persons, one vintage (31 provinces; national rows are left
 * out: see loadNationalPopulation).
 * - `first-published` (source `csy2020`, data/population_csy2020.csv): China Statistical Yearbook 2020 table 2-5,
 *   2000-2019, via the GCAM-China copy; the vintage Fu et al. 2023 and Li et al. 2024 (2012, 2016) used.
 * - `revised` (source `nbs_pik`, data/population_nbs_revised_pik.csv): the current NBS series, 2005-2024
 *   (2011-2019 revised after the 2020 census), via PyPSA-China-PIK from data.stats.gov.cn; or source
 *   `nbs_export_2024` (data/population_nbs_export_2024.csv): the NBS export for 2024 alone, which corroborates it.
 *
 * The file's sha256 is checked against data/datapackage.json. Errata of data/errata.csv for the file are applied
 * (unless `errata: false`) after checking that each selected cell still holds the printed value; each row lists the
 * ids applied to it in `errata`, and `appliedErrata` lists them all. The only one today: Heilongjiang 2013 is
 * corrected from 3535 to 3835 (csy2020-heilongjiang-2013).
 * @returns `{ rows, files, appliedErrata }`, rows in file order
 * @param options.vintage 'first-published' or 'revised' (required)
 * @param options.source one file of that vintage @default 'csy2020' (first-published), 'nbs_pik' (revised)
 * @param options.errata apply data/errata.csv @default true
 * @throws TypeError without options or a vintage, for an unknown option or an errata flag that is not a boolean;
 *   RangeError for an unknown vintage or source, or a source of the other vintage; DataChecksumError when the file
 *   changed; Error when an erratum no longer matches the file
 * @example
 * const pop = loadPopulation({ vintage: 'first-published' });
 * pop.rows.length; // => 620
 * pop.rows.find((r) => r.provinceCode === '610000' && r.year === 2019).value; // => 3876
 * pop.rows.find((r) => r.provinceCode === '230000' && r.year === 2013);
 * // => { value: 3835, errata: ['csy2020-heilongjiang-2013'] }
 * pop.appliedErrata.map((e) => e.id); // => ['csy2020-heilongjiang-2013']
 * const asPrinted = loadPopulation({ vintage: 'first-published', errata: false });
 * asPrinted.rows.find((r) => r.provinceCode === '230000' && r.year === 2013).value; // => 3535
 * const revised = loadPopulation({ vintage: 'revised' });
 * revised.rows.find((r) => r.provinceCode === '610000' && r.year === 2019).value; // => 3944
 * loadPopulation({ vintage: 'revised', source: 'csy2020' }); // => throws RangeError: is of vintage first-published
 * loadPopulation({ vintage: 'revised', sauce: 'nbs_pik' }); // => throws TypeError: unknown option 'sauce': did you mean 'source'?
 */
export function loadPopulation(options: PopulationOptions): Loaded<PopulationRow> {
  const { source: chosen, errata: applyFlag } = populationOptions(options);
  const { source, spec, records, rowErrata, applied } = loadPopulationRecords(chosen, applyFlag);
  const rows = records
    .map((r, i) => ({ r, errata: rowErrata[i] }))
    .filter(({ r }) => r.level === 'province' && r.indicator === 'population_year_end')
    .map(({ r, errata }) => ({
      provinceCode: r.province_code,
      province: r.province,
      year: num(r.year, spec.file),
      vintage: spec.vintage,
      source,
      value: num(r.value, `${spec.file} ${r.province} ${r.year}`),
      errata,
    }));
  return { rows, files: [spec.file], appliedErrata: applied };
}

/**
 * National year-end population in 10,000 persons: the "National Total" row of China Statistical Yearbook 2020
 * table 2-5 (data/population_csy2020.csv, first-published vintage), 2000-2019. It is the NBS total, not the sum of
 * the 31 provinces: it includes persons not assigned to a province, and exceeds the sum by 174 to 2,152 in
 * 2000-2017 but falls below it in 2018-2019 (data/published/inconsistencies.csv, csy2020-national-vs-sum).
 * The file's sha256 is checked; its errata are applied and reported as by loadPopulation (none touch the
 * national row, but `appliedErrata` lists those applied to the file).
 * @example
 * const national = loadNationalPopulation();
 * national.rows.length; // => 20
 * national.rows.find((r) => r.year === 2019).value; // => 140005
 */
export function loadNationalPopulation(options: { errata?: boolean } = {}): Loaded<{ year: number; value: number; source: 'csy2020' }> {
  checkOptions('loadNationalPopulation', options, ['errata']);
  const errata = checkBoolean('loadNationalPopulation', 'errata', options.errata, true);
  const { spec, records, applied } = loadPopulationRecords('csy2020', errata);
  const rows = records
    .filter((r) => r.level === 'national')
    .map((r) => ({ year: num(r.year, spec.file), value: num(r.value, spec.file), source: 'csy2020' as const }));
  return { rows, files: [spec.file], appliedErrata: applied };
}

/** GRP series: nbs_pik (2005-2024), henrylin03 (1992-2020, corroboration), nbs_export_2025_revision (2019-2023). */
export type GdpSeries = 'nbs_pik' | 'henrylin03' | 'nbs_export_2025_revision';
/** Per-capita GRP series: nbs_export_2025_revision (2019-2023, 31 provinces), qinghai_yb2014 (2012-2013, 21 provinces + national). */
export type GdpPerCapitaSeries = 'nbs_export_2025_revision' | 'qinghai_yb2014';

const GDP_FILES: Record<GdpSeries | GdpPerCapitaSeries, string> = {
  nbs_pik: 'gdp_nbs_pik.csv',
  henrylin03: 'gdp_henrylin03.csv',
  nbs_export_2025_revision: 'gdp_nbs_export_2025_revision.csv',
  qinghai_yb2014: 'gdp_per_capita_qinghai_yb2014.csv',
};
const GDP_SERIES: readonly GdpSeries[] = ['nbs_pik', 'henrylin03', 'nbs_export_2025_revision'];
const GDP_PER_CAPITA_SERIES: readonly GdpPerCapitaSeries[] = ['nbs_export_2025_revision', 'qinghai_yb2014'];

/** One value of a GRP or per-capita GRP series. */
export interface GdpRow {
  /** GB/T 2260 code; '' for a national row. */
  provinceCode: string;
  province: string;
  level: 'province' | 'national';
  year: number;
  indicator: 'grp' | 'grp_per_capita';
  series: string;
  /** '100 million yuan' for grp, 'yuan per person' for grp_per_capita. */
  unit: string;
  value: number;
  errata: string[];
}

function loadGdpFile(series: GdpSeries | GdpPerCapitaSeries, indicator: GdpRow['indicator'], errata: boolean): Loaded<GdpRow> {
  const file = GDP_FILES[series];
  const raw = parseCsvObjects(readVerified(file), `data/${file}`);
  const { records, rowErrata, applied } = applyErrata(file, raw, errata);
  const rows = records
    .map((r, i) => ({ r, errata: rowErrata[i] }))
    .filter(({ r }) => r.indicator === indicator)
    .map(({ r, errata }) => ({
      provinceCode: r.province_code,
      province: r.province,
      level: r.level as GdpRow['level'],
      year: num(r.year, file),
      indicator,
      series: r.series,
      unit: r.unit,
      value: num(r.value, `${file} ${r.province} ${r.year}`),
      errata,
    }));
  if (!rows.length) throw new RangeError(`series ${series} has no ${indicator} values`);
  return { rows, files: [file], appliedErrata: applied };
}

/**
 * Gross regional product (GRP) by province, in 100 million yuan (current prices), 31 provinces.
 * - `nbs_pik` (data/gdp_nbs_pik.csv): NBS via PyPSA-China-PIK, 2005-2024, before the 2025 revision;
 * - `henrylin03` (data/gdp_henrylin03.csv): NBS as downloaded about 2022, 1992-2020; equal to nbs_pik
 *   2005-2019 (corroboration), its 2020 column is a preliminary release;
 * - `nbs_export_2025_revision` (data/gdp_nbs_export_2025_revision.csv): NBS exports 2019-2023 carrying the
 *   revision after the 5th economic census.
 *
 * The file's sha256 is checked; errata for the file (none today) are applied and reported as by loadPopulation.
 * @param options.series @default 'nbs_pik'
 * @param options.errata apply data/errata.csv @default true
 * @throws TypeError for an unknown option or an errata flag that is not a boolean; RangeError for an unknown series;
 *   DataChecksumError when the file changed
 * @example
 * const grp = loadGdp();
 * grp.rows.length; // => 620
 * grp.rows.find((r) => r.provinceCode === '440000' && r.year === 2019);
 * // => { value: 107986.9, unit: '100 million yuan', series: 'nbs_pik' }
 * loadGdp({ series: 'henrylin03' }).rows.find((r) => r.provinceCode === '440000' && r.year === 2019).value; // => 107986.9
 * loadGdp({ series: 'qinghai_yb2014' }); // => throws RangeError: loadGdp: series must be 'nbs_pik', 'henrylin03' or 'nbs_export_2025_revision'
 */
export function loadGdp(options: { series?: GdpSeries; errata?: boolean } = {}): Loaded<GdpRow> {
  checkOptions('loadGdp', options, ['series', 'errata']);
  const series = checkChoice('loadGdp', 'series', options.series, GDP_SERIES, 'nbs_pik');
  const loaded = loadGdpFile(series, 'grp', checkBoolean('loadGdp', 'errata', options.errata, true));
  return { ...loaded, rows: loaded.rows.filter((r) => r.level === 'province') };
}

/**
 * Per-capita gross regional product, in yuan per person (current prices), where a citable source has it.
 * - `nbs_export_2025_revision` (data/gdp_nbs_export_2025_revision.csv): NBS exports 2019-2023, 31 provinces,
 *   2025 revision (province names as written there, in Chinese);
 * - `qinghai_yb2014` (data/gdp_per_capita_qinghai_yb2014.csv): 2012-2013 as published in 2014 (Qinghai
 *   Statistical Yearbook 2014 table 23-3, transcribed by hand), national and 21 provinces (Beijing..Hainan) only.
 *
 * The file's sha256 is checked; errata for the file (none today) are applied and reported as by loadPopulation.
 * @param options.series @default 'nbs_export_2025_revision'
 * @param options.national include the national row when the source has one @default false
 * @param options.errata apply data/errata.csv @default true
 * @throws TypeError for an unknown option or a flag that is not a boolean; RangeError for an unknown series;
 *   DataChecksumError when the file changed
 * @example
 * loadGdpPerCapita().rows.find((r) => r.provinceCode === '110000' && r.year === 2019);
 * // => { province: '北京市', value: 172373, unit: 'yuan per person' }
 * loadGdpPerCapita({ series: 'qinghai_yb2014' }).rows.length; // => 42
 * loadGdpPerCapita({ series: 'qinghai_yb2014', national: true }).rows.filter((r) => r.level === 'national').map((r) => r.value);
 * // => [38420, 41908]
 */
export function loadGdpPerCapita(options: { series?: GdpPerCapitaSeries; national?: boolean; errata?: boolean } = {}): Loaded<GdpRow> {
  const fn = 'loadGdpPerCapita';
  checkOptions(fn, options, ['series', 'national', 'errata']);
  const series = checkChoice(fn, 'series', options.series, GDP_PER_CAPITA_SERIES, 'nbs_export_2025_revision');
  const national = checkBoolean(fn, 'national', options.national, false);
  const loaded = loadGdpFile(series, 'grp_per_capita', checkBoolean(fn, 'errata', options.errata, true));
  return { ...loaded, rows: national ? loaded.rows : loaded.rows.filter((r) => r.level === 'province') };
}
