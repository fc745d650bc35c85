/**
 * The 31 provinces of mainland China (data/provinces.csv), the region schemes of the two studies
 * (data/regions.csv), and name lookup: Chinese, English, pinyin and alias spellings to GB/T 2260 codes.
 *
 * Shanxi (山西, 140000) and Shaanxi (陕西, 610000) differ by one letter. Lookup is exact (after case, space
 * and width normalization), never fuzzy: a near miss fails with suggestions, and when either of the two is
 * among the suggestions the message says that they are different provinces.
 */
import { parseCsvObjects } from './csv';
import { readVerified } from './checksum';
import { checkChoice, levenshtein } from '../measures/kernel';

/** A province as described in data/provinces.csv. */
export interface Province {
  /** GB/T 2260 code, e.g. '110000'. */
  code: string;
  /** English name, e.g. 'Inner Mongolia'. */
  nameEn: string;
  /** Chinese full name, e.g. '内蒙古自治区'. */
  nameZh: string;
  /** Chinese short name, e.g. '内蒙古'. */
  nameZhShort: string;
  /** Other spellings met in the sources. */
  aliases: string[];
  /** Land area in km² from the henrylin03 file (scraped from Wikipedia; not an official figure). */
  areaKm2: number;
  /** Source id of areaKm2. */
  areaSource: string;
  /** Fu et al. 2023 zone: 'east' | 'middle' | 'west'. */
  fu2023Zone: string;
  /** Li et al. 2024 region: 'north' | 'northeast' | 'east' | 'south_central' | 'southwest' | 'northwest'. */
  li2024Region: string;
}

/** The region schemes of data/regions.csv. */
const REGION_SCHEMES: readonly RegionMembership['scheme'][] = ['fu2023', 'li2024'];

/** Membership of a province in a region scheme (data/regions.csv). */
export interface RegionMembership {
  scheme: 'fu2023' | 'li2024';
  region: string;
  regionLabel: string;
  provinceCode: string;
  /** Position in the study's own listing; null when the study does not list the province (Li et al.: Xinjiang). */
  orderInSource: number | null;
  note: string;
}

/**
 * Region memberships of the two studies' schemes (data/regions.csv, transcribed): Fu et al. 2023's three zones
 * (east 11, middle 8, west 12, in the order of their Tables 10 and 11) and Li et al. 2024's six regions (as listed
 * in their Section 2.1, which omits Xinjiang; Xinjiang is assigned to the northwest with `orderInSource: null`
 * and a note saying why). The file's sha256 is checked against data/datapackage.json; no errata apply to it.
 * @param scheme 'fu2023' or 'li2024' (exactly); omitted: both (62 rows, 31 per scheme)
 * @returns one row per province and scheme, in file order
 * @throws RangeError for another scheme name (a misspelt one never gives an empty list); DataChecksumError when
 *   data/regions.csv changed
 * @example
 * loadRegions('li2024').length; // => 31
 * loadRegions('fu2023').filter((r) => r.region === 'west').length; // => 12
 * loadRegions('li2024').find((r) => r.provinceCode === '650000');
 * // => { region: 'northwest', orderInSource: null }
 * loadRegions('LI2024'); // => throws RangeError: loadRegions: scheme must be 'fu2023' or 'li2024' (got LI2024)
 */
export function loadRegions(scheme?: 'fu2023' | 'li2024'): RegionMembership[] {
  if (scheme !== undefined) checkChoice('loadRegions', 'scheme', scheme, REGION_SCHEMES, 'fu2023');
  const rows = parseCsvObjects(readVerified('regions.csv'), 'data/regions.csv').map((r) => ({
    scheme: r.scheme as 'fu2023' | 'li2024',
    region: r.region,
    regionLabel: r.region_label,
    provinceCode: r.province_code,
    orderInSource: r.order_in_source === '' ? null : Number(r.order_in_source),
    note: r.note,
  }));
  return scheme ? rows.filter((r) => r.scheme === scheme) : rows;
}

/**
 * The 31 province-level divisions of mainland China (data/provinces.csv: codes and names transcribed from
 * GB/T 2260, aliases met in the sources), in code order, with their zone/region in both studies' schemes
 * (from loadRegions). `areaKm2` is land area in km² copied from the henrylin03 file, which was scraped from
 * Wikipedia and is NOT an official figure. Both files' sha256 are checked; no errata apply to them.
 * @returns 31 Province records, Beijing (110000) first
 * @throws DataChecksumError when data/provinces.csv or data/regions.csv changed
 * @example
 * loadProvinces().length; // => 31
 * loadProvinces()[0];
 * // => { code: '110000', nameEn: 'Beijing', nameZh: '北京市', areaKm2: 16411, fu2023Zone: 'east', li2024Region: 'north' }
 */
export function loadProvinces(): Province[] {
  const regions = loadRegions();
  const regionOf = (scheme: string, code: string): string => {
    const m = regions.find((r) => r.scheme === scheme && r.provinceCode === code);
    if (!m) throw new Error(`data/regions.csv: no ${scheme} region for province ${code}`);
    return m.region;
  };
  return parseCsvObjects(readVerified('provinces.csv'), 'data/provinces.csv').map((r) => ({
    code: r.code,
    nameEn: r.name_en,
    nameZh: r.name_zh,
    nameZhShort: r.name_zh_short,
    aliases: r.aliases ? r.aliases.split('|') : [],
    areaKm2: Number(r.area_km2),
    areaSource: r.area_source,
    fu2023Zone: regionOf('fu2023', r.code),
    li2024Region: regionOf('li2024', r.code),
  }));
}

/**
 * Normalize a name for lookup: Unicode NFKC (full-width letters and digits to ASCII), lower case, and spaces,
 * hyphens, underscores and dots removed. Apostrophes are kept ("Shan'xi" is not silently made "Shanxi").
 * @example
 * normalizeProvinceName('Ｉｎｎｅｒ Mongolia'); // => 'innermongolia'
 * normalizeProvinceName("Shan'xi"); // => "shan'xi"
 */
export function normalizeProvinceName(name: string): string {
  if (typeof name !== 'string') throw new TypeError(`normalizeProvinceName: name must be text (got ${name === null ? 'null' : typeof name})`);
  return name.normalize('NFKC').toLowerCase().replace(/[\s\-_.\u00a0\u3000]+/g, '');
}

const ENGLISH_SUFFIXES = ['province', 'municipality', 'autonomousregion', 'city', 'sheng', 'shi', 'zizhiqu'];
const SHANXI = '140000';
const SHAANXI = '610000';

interface NameIndex {
  byName: Map<string, string>;
  provinces: Province[];
  names: { key: string; display: string; code: string }[];
}
let index: NameIndex | undefined;

function nameIndex(): NameIndex {
  if (index) return index;
  const provinces = loadProvinces();
  const byName = new Map<string, string>();
  const names: NameIndex['names'] = [];
  for (const p of provinces) {
    for (const n of [p.code, p.nameEn, p.nameZh, p.nameZhShort, ...p.aliases]) {
      const key = normalizeProvinceName(n);
      const prior = byName.get(key);
      if (prior && prior !== p.code) throw new Error(`data/provinces.csv: name ${n} belongs to ${prior} and ${p.code}`);
      byName.set(key, p.code);
      names.push({ key, display: n, code: p.code });
    }
  }
  index = { byName, provinces, names };
  return index;
}

/**
 * The GB/T 2260 code of a province name, or undefined. Accepts the code itself, Chinese full or short names,
 * English names and the aliases of data/provinces.csv, ignoring case, spaces and full-width characters, and an
 * English suffix such as " Province" or " Autonomous Region". Never fuzzy: use provinceCode to fail with
 * suggestions instead.
 * @example
 * findProvinceCode('Guangdong Province'); // => '440000'
 * findProvinceCode(110000); // => '110000'
 * findProvinceCode('Shanxii'); // => undefined
 */
export function findProvinceCode(name: string | number): string | undefined {
  const { byName } = nameIndex();
  const key = normalizeProvinceName(String(name));
  const exact = byName.get(key);
  if (exact) return exact;
  for (const suffix of ENGLISH_SUFFIXES) {
    if (key.length > suffix.length && key.endsWith(suffix)) {
      const hit = byName.get(key.slice(0, -suffix.length));
      if (hit) return hit;
    }
  }
  return undefined;
}

/** A suggested province for an unknown name. */
export interface ProvinceSuggestion {
  name: string;
  code: string;
  nameEn: string;
  distance: number;
}

/**
 * Up to `limit` nearest known names (Levenshtein on normalized names), one per province, nearest first
 * (ties by code). Codes are not suggested.
 * @param limit how many suggestions @default 3
 * @example
 * suggestProvinces('Shanxii', 2);
 * // => [{ name: 'Shanxi', code: '140000', distance: 1 },
 * //     { name: 'Shaanxi', code: '610000', distance: 2 }]
 */
export function suggestProvinces(name: string, limit = 3): ProvinceSuggestion[] {
  if (typeof name !== 'string') throw new TypeError(`suggestProvinces: name must be text (got ${name === null ? 'null' : typeof name})`);
  if (!(Number.isInteger(limit) && limit >= 1)) throw new RangeError(`suggestProvinces: limit must be a whole number >= 1 (got ${String(limit)})`);
  const { names, provinces } = nameIndex();
  // bounded cost: no province name is longer than 40 normalized characters, so a longer input is compared by its
  // first 64 (a 100,000-character cell costs what a short one does)
  const key = normalizeProvinceName(name.slice(0, 256)).slice(0, 64);
  const best = new Map<string, ProvinceSuggestion>();
  for (const n of names) {
    if (/^\d+$/.test(n.display)) continue;
    const d = levenshtein(key, n.key);
    const prior = best.get(n.code);
    if (!prior || d < prior.distance) {
      const p = provinces.find((x) => x.code === n.code) as Province;
      best.set(n.code, { name: n.display, code: n.code, nameEn: p.nameEn, distance: d });
    }
  }
  return [...best.values()].sort((a, b) => a.distance - b.distance || a.code.localeCompare(b.code)).slice(0, limit);
}

/**
 * Describe the suggestions for an unknown name, with the Shanxi/Shaanxi warning when relevant.
 * @example
 * suggestionText('Guangdon'); // => 'did you mean Guangdong (Guangdong, 440000) or Guangxi (Guangxi, 450000)?'
 */
export function suggestionText(name: string): string {
  const s = suggestProvinces(name, 2);
  const near = s.filter((x) => x.distance <= Math.max(2, Math.ceil(normalizeProvinceName(name.slice(0, 256)).length / 3)));
  const list = (near.length ? near : s.slice(0, 1)).map((x) => `${x.name} (${x.nameEn}, ${x.code})`);
  let text = `did you mean ${list.join(' or ')}?`;
  if (s.some((x) => x.code === SHANXI || x.code === SHAANXI)) {
    text += ' Note: Shanxi (山西, 140000) and Shaanxi (陕西, 610000) are different provinces; write the name exactly.';
  }
  return text;
}

/**
 * Thrown by provinceCode (and province) for a name that is not a known province; it carries the input and the
 * nearest known names.
 * @example
 * provinceCode('Shanxii'); // => throws ProvinceNameError: unknown province "Shanxii": did you mean Shanxi (Shanxi, 140000)
 * const error = (() => { try { provinceCode('Shanxii'); } catch (e) { return e; } })();
 * error instanceof ProvinceNameError; // => true
 * error.input; // => 'Shanxii'
 * error.suggestions.map((s) => s.code); // => ['140000', '610000', '310000']
 */
export class ProvinceNameError extends Error {
  constructor(
    readonly input: string,
    readonly suggestions: ProvinceSuggestion[],
    message: string,
  ) {
    super(message);
    this.name = 'ProvinceNameError';
  }
}

/**
 * The GB/T 2260 code of a province name (Chinese, English, pinyin or alias; see findProvinceCode).
 * @throws ProvinceNameError naming the nearest known names when the name is unknown
 * @example
 * provinceCode('内蒙古自治区'); // => '150000'
 * provinceCode('Shaanxi'); // => '610000'
 * provinceCode('Shanxi'); // => '140000'
 * provinceCode('Shanxii'); // => throws ProvinceNameError: did you mean Shanxi (Shanxi, 140000) or Shaanxi (Shaanxi, 610000)?
 */
export function provinceCode(name: string | number): string {
  if (typeof name !== 'string' && typeof name !== 'number') {
    throw new TypeError(`provinceCode: name must be a province name or code, text or a number (got ${name === null ? 'null' : typeof name})`);
  }
  const code = findProvinceCode(name);
  if (code) return code;
  const input = String(name);
  throw new ProvinceNameError(input, suggestProvinces(input, 3), `unknown province ${quotedName(input)}: ${suggestionText(input)}`);
}

/**
 * A name from a user's file or call, quoted for an error message and cut to `max` characters (a 100,000-character
 * cell gives a message of one line, not of 100,000 characters): `"Shanxii"`, `"QQQQ…" (100000 characters)`.
 */
export function quotedName(text: string, max = 80): string {
  return text.length <= max ? JSON.stringify(text) : `${JSON.stringify(`${text.slice(0, max)}…`)} (${text.length} characters)`;
}

/**
 * The Province record of a name or code (any spelling provinceCode accepts).
 * @throws ProvinceNameError when the name is unknown
 * @example
 * province('陕西'); // => { code: '610000', nameEn: 'Shaanxi', fu2023Zone: 'west', li2024Region: 'northwest' }
 */
export function province(name: string | number): Province {
  if (typeof name !== 'string' && typeof name !== 'number') {
    throw new TypeError(`province: name must be a province name or code, text or a number (got ${name === null ? 'null' : typeof name})`);
  }
  const code = provinceCode(name);
  return nameIndex().provinces.find((p) => p.code === code) as Province;
}
