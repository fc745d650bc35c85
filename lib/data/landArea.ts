/**
 * Land area of the 31 provinces from either of two sources, so that area-based indices (Gini and Theil by
 * geographical area, HRAD) can be recomputed with each and their sensitivity to the land-area figures shown.
 */
import { parseCsvObjects } from './csv';
import { readVerified } from './checksum';
import { loadProvinces } from './provinces';
import { checkChoice, checkOptions } from '../measures/kernel';

/**
 * - `henrylin03_area_wikipedia`: data/provinces.csv `area_km2`, copied from henrylin03/china-gdp, which scraped
 *   Wikipedia's list of provinces by area (NOT an official table; figures rounded, mostly to 100 km²).
 * - `nbs_land_survey_2008`: data/land_area_land_survey_2008.csv, the "Area under Land Survey" of the 2008 land-use
 *   change survey: China Statistical Yearbook 2009 table 11-34 (NBS; 10,000 ha, to 0.1) for 30 provinces and the
 *   national total, and Xinjiang (1,664,897.17 km², missing from the stored yearbook excerpt) from the Xinjiang
 *   Statistical Yearbook 2016 via zh.wikipedia. Both are transcriptions of stored pages.
 */
export type LandAreaSource = 'henrylin03_area_wikipedia' | 'nbs_land_survey_2008';

/** The land-area sources loadLandArea accepts. */
export const LAND_AREA_SOURCES: readonly LandAreaSource[] = ['henrylin03_area_wikipedia', 'nbs_land_survey_2008'];

/** Land area of one province from one source. */
export interface LandAreaRow {
  provinceCode: string;
  /** km² (converted from the printed unit by moving the decimal point; no rounding). */
  areaKm2: number;
  /** The cell as printed in the source, in `unitAsPrinted`. */
  valueAsPrinted: string;
  /** 'km2' or '10000 hectares'. */
  unitAsPrinted: string;
  source: LandAreaSource;
  /** Row-level source detail (e.g. 'xinjiang_yb2016_via_zhwiki' for Xinjiang in the land-survey source). */
  rowSource: string;
}

/** Land area of the 31 provinces from one source. */
export interface LandAreaResult {
  source: LandAreaSource;
  /** 31 rows in code order (Beijing 110000 first). */
  rows: LandAreaRow[];
  /** Sum of the 31 provinces, km². */
  totalKm2: number;
  /** The national total printed by the source, km²; null when the source prints none for the 31 provinces. */
  printedNationalTotalKm2: number | null;
  /** Data files read, relative to data/. */
  files: string[];
}

export interface LandAreaOptions {
  /** Which land-area figures. @default 'henrylin03_area_wikipedia' (the figures of loadProvinces) */
  source?: LandAreaSource;
}

/** Multiply a plain decimal string by 10^digits exactly, by moving the point (no binary floating-point product). */
function shiftDecimal(text: string, digits: number): number {
  if (!/^\d+(\.\d+)?$/.test(text)) throw new Error(`land area: not a plain decimal: ${JSON.stringify(text)}`);
  const [whole, frac = ''] = text.split('.');
  const padded = frac.padEnd(digits, '0');
  return Number(`${whole}${padded.slice(0, digits)}.${padded.slice(digits) || '0'}`);
}

function toKm2(value: string, unit: string, where: string): number {
  if (unit === 'km2') return Number(value);
  if (unit === '10000 hectares') return shiftDecimal(value, 2); // 10,000 ha = 100 km²
  throw new Error(`${where}: unknown unit ${JSON.stringify(unit)}`);
}

/**
 * Land area of the 31 provinces of mainland China in km², from one of two sources (see LandAreaSource), with
 * the source's own printed value and unit kept next to the km² figure. The files' sha256 are checked against
 * data/datapackage.json; no errata apply.
 *
 * The two sources differ by about 108,000 km² in total (1.1%): the Wikipedia figures add up to 9,615,222.5 km²,
 * the 2008 land survey to 9,506,917.17 km² (printed national total 9,506,930 km²; the 12.83 km² gap is the
 * rounding of 30 cells printed to 10 km²). The largest differences are Inner Mongolia (1,183,000 vs 1,145,120),
 * Tibet (1,228,400 vs 1,202,070) and Gansu (425,800 vs 404,090). Neither includes Hong Kong, Macao or Taiwan.
 * @param options `source` (default 'henrylin03_area_wikipedia')
 * @returns 31 rows in code order, their sum and the source's printed national total
 * @throws TypeError for an unknown option; RangeError for an unknown source; DataChecksumError when a data file changed
 * @example
 * loadLandArea({ source: 'nbs_land_survey_2008' }).rows[0];
 * // => { provinceCode: '110000', areaKm2: 16410, valueAsPrinted: '164.1', unitAsPrinted: '10000 hectares' }
 * loadLandArea().rows[0].areaKm2; // => 16411
 */
export function loadLandArea(options: LandAreaOptions = {}): LandAreaResult {
  checkOptions('loadLandArea', options, ['source']);
  const source = checkChoice('loadLandArea', 'source', options.source, LAND_AREA_SOURCES, 'henrylin03_area_wikipedia');
  let rows: LandAreaRow[];
  let printedNationalTotalKm2: number | null = null;
  let files: string[];
  if (source === 'henrylin03_area_wikipedia') {
    rows = loadProvinces().map((p) => ({
      provinceCode: p.code,
      areaKm2: p.areaKm2,
      valueAsPrinted: String(p.areaKm2),
      unitAsPrinted: 'km2',
      source,
      rowSource: p.areaSource,
    }));
    files = ['provinces.csv', 'regions.csv'];
  } else {
    const file = 'land_area_land_survey_2008.csv';
    const records = parseCsvObjects(readVerified(file), `data/${file}`);
    rows = records
      .filter((r) => r.level === 'province')
      .map((r) => ({
        provinceCode: r.province_code,
        areaKm2: toKm2(r.value, r.unit, `data/${file} ${r.province}`),
        valueAsPrinted: r.value,
        unitAsPrinted: r.unit,
        source,
        rowSource: r.source,
      }))
      .sort((a, b) => a.provinceCode.localeCompare(b.provinceCode));
    const national = records.find((r) => r.level === 'national');
    printedNationalTotalKm2 = national ? toKm2(national.value, national.unit, `data/${file} national`) : null;
    files = [file];
  }
  if (rows.length !== 31 || new Set(rows.map((r) => r.provinceCode)).size !== 31) {
    throw new Error(`loadLandArea(${source}): expected the 31 provinces once each, got ${rows.length} rows`);
  }
  for (const r of rows) {
    if (!(r.areaKm2 > 0)) throw new RangeError(`loadLandArea(${source}): area must be positive (province ${r.provinceCode})`);
  }
  // Kahan-Babuska (Neumaier) sum
  let totalKm2 = 0;
  let c = 0;
  for (const r of rows) {
    const t = totalKm2 + r.areaKm2;
    c += Math.abs(totalKm2) >= Math.abs(r.areaKm2) ? totalKm2 - t + r.areaKm2 : r.areaKm2 - t + totalKm2;
    totalKm2 = t;
  }
  return { source, rows, totalKm2: totalKm2 + c, printedNationalTotalKm2, files };
}
