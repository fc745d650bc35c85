/**
 * The published tables of the two studies (and of Yu et al. 2021, which Fu et al. Tables 3-4 repeat),
 * transcribed cell by cell into data/published/<study>/. Errata (Fu Table 2's second "Shanxi", the swapped
 * 2016 cells of Fu Tables 10-11, Fu Table 5's 2015 registrations, Li Table 5's shifted labels) are applied at
 * load time and reported; `valueText` always keeps the cell as printed.
 */
import { parseCsvObjects } from './csv';
import { loadDataPackage, readVerified, DataResource } from './checksum';
import { applyErrata } from './errata';
import { Loaded } from './series';
import { checkBoolean, checkChoice, checkOptions } from '../measures/kernel';

export type Study = 'fu2023' | 'li2024' | 'yu2021';
/** The studies whose tables data/published/ holds. */
const STUDIES: readonly Study[] = ['fu2023', 'li2024', 'yu2021'];

/** A study name, checked exactly (a misspelt name is a RangeError listing the known ones, never an empty result). */
function checkStudy(fn: string, study: unknown): Study {
  if (study === undefined) throw new TypeError(`${fn}: study is required ('fu2023', 'li2024' or 'yu2021')`);
  return checkChoice(fn, 'study', study, STUDIES, 'fu2023');
}

/** One printed cell of a published table. */
export interface PublishedCell {
  study: Study;
  table: string;
  rowOrder: number;
  columnOrder: number;
  /** Group label the printed layout assigns to the row (Li Table 2 year, Li Table 5 "Project"). */
  rowGroupLabel: string;
  /** Row label as printed. */
  rowLabel: string;
  /** Column label as printed (multi-level headers joined by " / "). */
  columnLabel: string;
  geoType: 'province' | 'zone' | 'region' | 'national' | '';
  /** GB/T 2260 code (after errata), or null for zone/region/national rows. */
  provinceCode: string | null;
  /** Zone/region id or 'national', or null for province rows. */
  regionId: string | null;
  indicator: string;
  measure: string;
  basis: string;
  category: string;
  year: number | null;
  period: string;
  unit: string;
  /** The cell exactly as printed (trailing zeros, commas, % kept). */
  valueText: string;
  /** The value (after errata). */
  value: number;
  note: string;
  /** Ids of the errata applied to this cell. */
  errata: string[];
}

/** A row of Li et al. Table 1 (GM(1,1) accuracy grading): an interval for C or P. */
export interface AccuracyGrade {
  accuracyClass: 'superior' | 'qualified' | 'marginal' | 'disqualified';
  statistic: 'C' | 'P';
  valueText: string;
  lower: number | null;
  lowerInclusive: boolean;
  upper: number | null;
  upperInclusive: boolean;
}

/**
 * The datapackage resources of the published tables (data/published/<study>/tableN_*.csv), in datapackage order;
 * a resource's name is `<study>-<table>` and its title says what the table holds.
 * @param study 'fu2023', 'li2024' or 'yu2021'; omitted: all three
 * @throws RangeError for another study name
 * @example
 * listPublishedTables('li2024').map((r) => r.name);
 * // => ['li2024-table1', 'li2024-table2', 'li2024-table3', 'li2024-table4', 'li2024-table5']
 * listPublishedTables('yu2021').map((r) => r.name); // => ['yu2021-table5', 'yu2021-table6']
 */
export function listPublishedTables(study?: Study): DataResource[] {
  if (study !== undefined) checkStudy('listPublishedTables', study);
  return loadDataPackage().resources.filter(
    (r) => /^published\/(fu2023|li2024|yu2021)\/table\d+_/.test(r.path) && (!study || r.path.startsWith(`published/${study}/`)),
  );
}

function resourceOf(study: Study, table: string): DataResource {
  const name = `${study}-${table}`;
  const r = loadDataPackage().resources.find((x) => x.name === name);
  if (!r) {
    const known = listPublishedTables(study).map((x) => x.name.replace(`${study}-`, ''));
    throw new RangeError(`loadPublishedTable: no published table ${table} for ${study} (known: ${known.join(', ')})`);
  }
  return r;
}

const orNull = (s: string): string | null => (s === '' ? null : s);
const intOrNull = (s: string): number | null => (s === '' ? null : Number(s));

/**
 * Load one published table (data/published/<study>/tableN_*.csv, transcribed cell by cell from the paper; see
 * listPublishedTables) as printed cells: one PublishedCell per printed number, in the table's unit (`unit`), with
 * the printed text in `valueText` and its number in `value`. Li et al. Table 1 (the GM(1,1) accuracy grading)
 * is returned as AccuracyGrade intervals instead.
 *
 * The file's sha256 is checked against data/datapackage.json. The errata of data/errata.csv for the file are
 * applied unless `errata: false`, each after checking that the selected cells still hold the printed value; a
 * corrected cell keeps its printed `valueText` and lists the erratum ids in `errata`, and `appliedErrata` reports
 * each erratum with the number of cells it changed.
 * @param study 'fu2023', 'li2024' or 'yu2021'
 * @param table e.g. 'table2' (see listPublishedTables)
 * @param options.errata apply data/errata.csv @default true
 * @throws TypeError for an unknown option or an errata flag that is not a boolean; RangeError for an unknown study
 *   or table (naming the known ones); DataChecksumError when the file changed; Error when an erratum no longer
 *   matches the file
 * @example
 * loadPublishedTable('fu2023', 'table6').rows.find((c) => c.basis === 'population' && c.year === 2012);
 * // => { measure: 'gini', valueText: '0.3123', value: 0.3123 }
 * const table10 = loadPublishedTable('fu2023', 'table10');
 * table10.rows.find((c) => c.provinceCode === '150000' && c.year === 2016);
 * // => { rowLabel: 'Inner Mongolia', valueText: '0.977', value: 0.126, errata: ['fu2023-t10-2016-inner-mongolia'] }
 * loadPublishedTable('fu2023', 'table2').rows.find((c) => c.rowOrder === 31).provinceCode; // => '610000'
 * loadPublishedTable('fu2023', 'table2', { errata: false }).rows.find((c) => c.rowOrder === 31).provinceCode; // => '140000'
 * loadPublishedTable('li2024', 'table1').rows[0];
 * // => { accuracyClass: 'superior', statistic: 'C', valueText: '≤ 0.35', lower: null, upper: 0.35, upperInclusive: true }
 * loadPublishedTable('fu2023', 'table99'); // => throws RangeError: no published table table99 for fu2023
 * loadPublishedTable('xx', 'table1'); // => throws RangeError: study must be 'fu2023', 'li2024' or 'yu2021' (got xx)
 */
export function loadPublishedTable(study: 'li2024', table: 'table1', options?: { errata?: boolean }): Loaded<AccuracyGrade>;
export function loadPublishedTable(study: Study, table: string, options?: { errata?: boolean }): Loaded<PublishedCell>;
export function loadPublishedTable(study: Study, table: string, options: { errata?: boolean } = {}): Loaded<PublishedCell> | Loaded<AccuracyGrade> {
  const fn = 'loadPublishedTable';
  checkStudy(fn, study);
  if (typeof table !== 'string') throw new TypeError(`${fn}: table must be a table name such as 'table2' (got ${typeof table})`);
  checkOptions(fn, options, ['errata']);
  const errata = checkBoolean(fn, 'errata', options.errata, true);
  const resource = resourceOf(study, table);
  const raw = parseCsvObjects(readVerified(resource.path), `data/${resource.path}`);
  const { records, rowErrata, applied } = applyErrata(resource.path, raw, errata);
  if (study === 'li2024' && table === 'table1') {
    const rows = records.map((r) => ({
      accuracyClass: r.accuracy_class as AccuracyGrade['accuracyClass'],
      statistic: r.statistic as 'C' | 'P',
      valueText: r.value_text,
      lower: r.lower === '' ? null : Number(r.lower),
      lowerInclusive: r.lower_inclusive === 'true',
      upper: r.upper === '' ? null : Number(r.upper),
      upperInclusive: r.upper_inclusive === 'true',
    }));
    return { rows, files: [resource.path], appliedErrata: applied };
  }
  const rows = records.map((r, i) => {
    const value = Number(r.value);
    if (r.value === '' || !Number.isFinite(value)) throw new Error(`data/${resource.path}: value ${JSON.stringify(r.value)} is not a number`);
    return {
      study: r.study as Study,
      table: r.table,
      rowOrder: Number(r.row_order),
      columnOrder: Number(r.column_order),
      rowGroupLabel: r.row_group_label,
      rowLabel: r.row_label,
      columnLabel: r.column_label,
      geoType: r.geo_type as PublishedCell['geoType'],
      provinceCode: orNull(r.province_code),
      regionId: orNull(r.region_id),
      indicator: r.indicator,
      measure: r.measure,
      basis: r.basis,
      category: r.category,
      year: intOrNull(r.year),
      period: r.period,
      unit: r.unit,
      valueText: r.value_text,
      value,
      note: r.note,
      errata: rowErrata[i],
    };
  });
  return { rows, files: [resource.path], appliedErrata: applied };
}

/** A number printed in the running text of a study (data/published/li2024/text_values.csv). */
export interface TextValue {
  study: Study;
  section: string;
  preprintLine: string;
  quote: string;
  geoType: string;
  provinceCode: string | null;
  regionId: string | null;
  indicator: string;
  measure: string;
  year: number | null;
  period: string;
  unit: string;
  valueText: string;
  value: number;
  note: string;
}

/**
 * Numbers printed in Li et al. 2024's running text (data/published/li2024/text_values.csv, typed by hand from the
 * preprint): concentration indices, 2030 projections, the regional gap, growth claims, GDP-per-capita ranks; each
 * with the quoted sentence, the preprint line, the printed text and its value. Checksum verified; no errata apply.
 * @example
 * loadTextValues().find((t) => t.indicator === 'phc_registered_nurses' && t.year === 2012);
 * // => { measure: 'concentration_index_gdp_per_capita', preprintLine: '144', valueText: '0.0568', value: 0.0568 }
 */
export function loadTextValues(study: 'li2024' = 'li2024'): TextValue[] {
  checkChoice('loadTextValues', 'study', study, ['li2024'] as const, 'li2024');
  const file = `published/${study}/text_values.csv`;
  return parseCsvObjects(readVerified(file), `data/${file}`).map((r) => ({
    study: r.study as Study,
    section: r.section,
    preprintLine: r.preprint_line,
    quote: r.quote,
    geoType: r.geo_type,
    provinceCode: orNull(r.province_code),
    regionId: orNull(r.region_id),
    indicator: r.indicator,
    measure: r.measure,
    year: intOrNull(r.year),
    period: r.period,
    unit: r.unit,
    valueText: r.value_text,
    value: Number(r.value),
    note: r.note,
  }));
}

/** One recorded inconsistency or observation (data/published/inconsistencies.csv). */
export interface Inconsistency {
  id: string;
  kind: 'inconsistency' | 'observation';
  study: string;
  table: string;
  cells: string;
  finding: string;
  evidence: string;
  /** Errata ids that correct it (empty when no correction can be made). */
  errata: string[];
}

/**
 * Every inconsistency (and observation) found in the published tables and the raw data
 * (data/published/inconsistencies.csv, written by the project), with its evidence and the errata that correct it
 * (empty when none can). test/published.test.ts checks that each is really present in the transcriptions.
 * Checksum verified.
 * @example
 * loadInconsistencies().find((i) => i.id === 'fu-t10-2016-swap');
 * // => { kind: 'inconsistency', table: 'table10',
 * //      errata: ['fu2023-t10-2016-inner-mongolia', 'fu2023-t10-2016-guangxi'] }
 */
export function loadInconsistencies(): Inconsistency[] {
  const file = 'published/inconsistencies.csv';
  return parseCsvObjects(readVerified(file), `data/${file}`).map((r) => ({
    id: r.id,
    kind: r.kind as Inconsistency['kind'],
    study: r.study,
    table: r.table,
    cells: r.cells,
    finding: r.finding,
    evidence: r.evidence,
    errata: r.erratum ? r.erratum.split('|') : [],
  }));
}
