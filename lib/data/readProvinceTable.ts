/**
 * Read a user's own province-level table (e.g. the China Health Statistics Yearbook primary health care
 * workforce tables) from CSV (UTF-8 with or without BOM, GB18030/GBK) or XLSX (exceljs), in long or wide
 * layout, map province names to GB/T 2260 codes, and validate everything. Nothing is dropped silently: all
 * problems are collected and thrown together as one ProvinceTableError naming file, row and column.
 *
 * Completeness is checked by default: all 31 provinces, each with every year from the table's first to its last
 * year, for every indicator. Opt out explicitly: `requireAllProvinces: false` checks only the provinces present;
 * `allowIncomplete: true` returns the missing province-years in `gaps` instead of failing.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { parseCsvRecords } from './csv';
import { findProvinceCode, loadProvinces, normalizeProvinceName, suggestionText } from './provinces';

/** One problem found in a table. `row` is the 1-based line (CSV) or sheet row (XLSX); null when no row exists. */
export interface ProvinceTableProblem {
  file: string;
  row: number | null;
  column: string;
  message: string;
}

/**
 * Thrown by readProvinceTable with every problem of a table at once (file, row, column and message of each).
 * @example
 * const error = new ProvinceTableError('gp.csv', [{ file: 'gp.csv', row: 3, column: 'province', message: 'unknown province "Shanxii"' }]);
 * error.name; // => 'ProvinceTableError'
 * error.problems.length; // => 1
 * error.message; // => '1 problem in gp.csv:\n  - row 3, column province: unknown province "Shanxii"'
 */
export class ProvinceTableError extends Error {
  constructor(
    readonly file: string,
    readonly problems: ProvinceTableProblem[],
  ) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${file}:\n` +
        problems.map((p) => `  - ${p.row === null ? 'row -' : `row ${p.row}`}, column ${p.column || '-'}: ${p.message}`).join('\n'),
    );
    this.name = 'ProvinceTableError';
  }
}

/**
 * A province-year-indicator that the table lacks, reported (instead of thrown) with `allowIncomplete: true`.
 * `kind` is 'province' when the province has no value of that indicator in any year, else 'year'.
 */
export interface ProvinceTableGap {
  provinceCode: string;
  /** English name (data/provinces.csv). */
  province: string;
  indicator: string;
  year: number;
  kind: 'province' | 'year';
}

/** One value of the table. */
export interface ProvinceTableRow {
  provinceCode: string;
  /** Province name as written in the file. */
  province: string;
  year: number;
  indicator: string;
  value: number;
  /** Row of the file the value came from (1-based). */
  row: number;
  /** Other columns of a long table (e.g. source, note), as text. */
  extra: Record<string, string>;
}

export interface ReadProvinceTableOptions {
  /** long: one value per row (province, year, indicator, value); wide: a grid of provinces x years. @default 'long' */
  layout?: 'long' | 'wide';
  /** Wide only: provinces in rows and years in columns, or years in rows and provinces in columns. @default 'provinces-in-rows' */
  orientation?: 'provinces-in-rows' | 'years-in-rows';
  /** Indicator of every value when the file has no indicator column (required for wide tables). */
  indicator?: string;
  /** Allowed indicator names; any other is a problem. */
  indicators?: string[];
  /** CSV text encoding. 'auto': UTF-8 (BOM or valid UTF-8), else GB18030 (a superset of GBK). @default 'auto' */
  encoding?: 'auto' | 'utf-8' | 'gb18030' | 'gbk';
  /** CSV field separator. @default ',' (tab when the header has tabs and no commas) */
  delimiter?: string;
  /** CSV: lines starting with this string are comments (e.g. '#'). */
  comment?: string;
  /** Lines (CSV) or rows (XLSX) before the header, e.g. 2 for NBS exports. @default 0 */
  skipRows?: number;
  /** XLSX: worksheet name or 1-based index. @default 1 */
  sheet?: string | number;
  /** Long layout column names. @default province|省份|地区|region, year|年份, indicator|指标, value|数值 */
  columns?: { province?: string; year?: string; indicator?: string; value?: string };
  /** Wide layout: header cells to ignore (e.g. 'AAGR (%)'). Reported in the result, not dropped silently. */
  ignoreColumns?: string[];
  /**
   * Require all 31 provinces for every indicator. With `false`, only the provinces present in the table must be
   * complete (every year of the range, for every indicator). @default true
   */
  requireAllProvinces?: boolean;
  /**
   * The years every province must have, inclusive [first, last]; a year outside it is a problem.
   * @default the table's own first to last year (so an interior gap, e.g. 2012 and 2014 without 2013, is a problem)
   */
  years?: [number, number];
  /**
   * Accept missing province-years: report them in the result's `gaps` instead of failing. Bad cells still fail.
   * @default false
   */
  allowIncomplete?: boolean;
  /** Accept blank (or -, —, …, NA) cells and report them in `missing` instead of failing. @default false */
  allowMissing?: boolean;
  /** Accept negative values. @default false */
  allowNegative?: boolean;
}

export interface ProvinceTableResult {
  file: string;
  format: 'csv' | 'xlsx';
  /** Encoding used to decode a CSV ('utf-8', 'utf-8 (BOM)', 'gb18030'); 'xlsx' for workbooks. */
  encoding: string;
  layout: 'long' | 'wide';
  rows: ProvinceTableRow[];
  /** Blank cells accepted because of `allowMissing`. */
  missing: ProvinceTableProblem[];
  /** Columns ignored because of `ignoreColumns`. */
  ignoredColumns: string[];
  /**
   * Missing province-years accepted because of `allowIncomplete`, in indicator, province-code and year order;
   * always empty otherwise (a missing province-year is then an error).
   */
  gaps: ProvinceTableGap[];
  /** The year range checked for completeness, [first, last]; null when the table has no values. */
  yearRange: [number, number] | null;
}

interface Grid {
  /** Each row: its 1-based row number and its cells as text. */
  rows: { row: number; cells: string[] }[];
  encoding: string;
  format: 'csv' | 'xlsx';
}

const MISSING_MARKERS = new Set(['', '-', '—', '–', '…', '...', 'na', 'n/a', '无']);
const NATIONAL_NAMES = new Set(['全国', '合计', '总计', 'national', 'nationaltotal', 'total', 'china', 'nationalaverage']);

/** Decode CSV bytes. */
function decode(bytes: Buffer, encoding: ReadProvinceTableOptions['encoding'] = 'auto'): { text: string; encoding: string } {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (encoding === 'gb18030' || encoding === 'gbk') {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const iconv = require('iconv-lite') as typeof import('iconv-lite');
    return { text: iconv.decode(bytes, encoding), encoding };
  }
  if (encoding === 'utf-8') {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(hasBom ? bytes.subarray(3) : bytes), encoding: hasBom ? 'utf-8 (BOM)' : 'utf-8' };
  }
  if (hasBom) return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)), encoding: 'utf-8 (BOM)' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const iconv = require('iconv-lite') as typeof import('iconv-lite');
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
  }
}

function readCsvGrid(file: string, options: ReadProvinceTableOptions): Grid {
  let decoded: { text: string; encoding: string };
  try {
    decoded = decode(readFileSync(file), options.encoding);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    const name = path.basename(file);
    throw new ProvinceTableError(name, [{ file: name, row: null, column: '', message: `not valid ${options.encoding} text (${e.message}); try { encoding: 'gb18030' } or 'auto'` }]);
  }
  const { text, encoding } = decoded;
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() && !(options.comment && l.startsWith(options.comment))) ?? '';
  const delimiter = options.delimiter ?? (firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',');
  const records = parseCsvRecords(text, delimiter, options.comment);
  return { rows: records.map((r) => ({ row: r.line, cells: r.cells })), encoding, format: 'csv' };
}

/** Text of an exceljs cell value. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: string; error?: string };
    if ('result' in o) return cellText(o.result);
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (typeof o.text === 'string') return o.text;
    if (o.error) return String(o.error);
  }
  return String(v);
}

async function readXlsxGrid(file: string, options: ReadProvinceTableOptions): Promise<Grid> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheetOption = options.sheet ?? 1;
  const sheet = typeof sheetOption === 'number' ? workbook.worksheets[sheetOption - 1] : workbook.getWorksheet(sheetOption);
  if (!sheet) {
    throw new ProvinceTableError(file, [
      { file, row: null, column: '', message: `no worksheet ${JSON.stringify(sheetOption)} (sheets: ${workbook.worksheets.map((w) => w.name).join(', ')})` },
    ]);
  }
  const rows: Grid['rows'] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    rows.push({ row: rowNumber, cells });
  });
  return { rows, encoding: 'xlsx', format: 'xlsx' };
}

/**
 * Parse a printed number: full-width digits/commas (NFKC), thousands separators "1,234,567", surrounding spaces.
 * Anything else (misplaced commas, missing-value markers, units) gives undefined, never a guess.
 * @example
 * parseTableNumber('1,234'); // => 1234
 * parseTableNumber('１２３４.５'); // => 1234.5
 * parseTableNumber('12,34'); // => undefined
 * parseTableNumber('-'); // => undefined
 */
export function parseTableNumber(text: string): number | undefined {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (/^[-+]?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  return undefined;
}

/** Parse a year header or cell: 2015, "2015", "2015年". */
function parseYear(text: string): number | undefined {
  const m = text.normalize('NFKC').trim().match(/^(\d{4})(年)?$/);
  if (!m) return undefined;
  const y = Number(m[1]);
  return y >= 1900 && y <= 2100 ? y : undefined;
}

const COLUMN_DEFAULTS: Record<'province' | 'year' | 'indicator' | 'value', string[]> = {
  province: ['province', 'province_code', '省份', '地区', 'region', '省', 'area'],
  year: ['year', '年份', '年度', '年'],
  indicator: ['indicator', '指标', 'variable'],
  value: ['value', '数值', '值'],
};

/**
 * Read and validate a province table (CSV or XLSX, long or wide; see ReadProvinceTableOptions). Values are
 * returned as read, in the file's own units: nothing is converted, corrected or dropped.
 *
 * Usage, on the template data/templates/phc_workforce.csv (comment lines start with `#`; its one data row is a
 * labelled example, not data):
 *
 *     const table = await readProvinceTable(dataPath('templates/phc_workforce.csv'), { layout: 'long', comment: '#',
 *       requireAllProvinces: false }); // one example row: Beijing only
 *     table.rows[0]; // { provinceCode: '110000', province: '北京市', year: 2021,
 *                    //   indicator: 'phc_health_technical_personnel', value: 0, row: 18, extra: { source, note } }
 *     table.encoding; // 'utf-8'
 *
 * and on a complete user file: `await readProvinceTable('my_phc_workforce.csv', { layout: 'long', comment: '#',
 * years: [2012, 2021] })` (31 provinces x 10 years x each indicator, or it throws).
 *
 * Completeness (by default, strict): every indicator of the table must have, for all 31 provinces, every year from
 * the table's first to its last year (or of `years`). A province with no value is reported once per indicator
 * ("missing province Tibet (西藏自治区, 540000) for x: no value in any year 2012-2021"), an interior gap once per year
 * ("missing Beijing (110000) 2013 x: the table's years run 2012-2014"). `requireAllProvinces: false` limits the
 * check to the provinces present; `allowIncomplete: true` returns the missing province-years in `gaps` (with the
 * rows) instead of failing. A blank or bad cell is not counted as missing: it is reported as itself.
 * @returns the values as typed rows, with the encoding used, any accepted blank cells, the year range checked and,
 *   with `allowIncomplete`, the gaps
 * @throws ProvinceTableError listing every problem (unknown province with the nearest name, duplicate
 *   province-year-indicator, missing provinces or years, non-numeric, negative or blank cells), each with
 *   file, row (null for a missing province-year) and column
 * @noExample it is async (returns a Promise) and the @example runner (test/examples.test.ts) checks only synchronous
 *   expressions; the usage above was run on the template, and test/readProvinceTable.test.ts runs it on every fixture.
 */
export async function readProvinceTable(file: string, options: ReadProvinceTableOptions = {}): Promise<ProvinceTableResult> {
  const name = path.basename(file);
  const isXlsx = /\.xlsx$/i.test(file);
  const grid = isXlsx ? await readXlsxGrid(file, options) : readCsvGrid(file, options);
  const layout = options.layout ?? 'long';
  const problems: ProvinceTableProblem[] = [];
  const missing: ProvinceTableProblem[] = [];
  const ignoredColumns: string[] = [];
  const rows: ProvinceTableRow[] = [];
  const problem = (row: number | null, column: string, message: string) => problems.push({ file: name, row, column, message });

  // rows after skipRows, without rows that are entirely empty
  const skip = options.skipRows ?? 0;
  const body = grid.rows.filter((r) => r.row > skip && r.cells.some((c) => c.trim() !== ''));
  if (!body.length) throw new ProvinceTableError(name, [{ file: name, row: null, column: '', message: 'no header row: the table is empty' }]);
  const headerRow = body[0];
  const header = headerRow.cells.map((c) => c.trim());
  const data = body.slice(1);

  /**
   * Validate a value cell; returns the number or undefined (problem or accepted blank recorded). `key` is the
   * cell's province|year|indicator when all three are known: a cell that is present but blank or bad counts as
   * present for completeness (its own problem, or its entry in `missing`, already reports it).
   */
  const presentCells = new Set<string>();
  const readValue = (text: string, row: number, column: string, key: string | undefined): number | undefined => {
    if (key) presentCells.add(key);
    const t = text.trim();
    if (MISSING_MARKERS.has(t.toLowerCase())) {
      const what = t === '' ? 'blank cell' : `missing-value marker ${JSON.stringify(t)}`;
      if (options.allowMissing) missing.push({ file: name, row, column, message: what });
      else problem(row, column, `${what} (pass { allowMissing: true } to accept and report blanks)`);
      return undefined;
    }
    const v = parseTableNumber(t);
    if (v === undefined) {
      problem(row, column, `not a number: ${JSON.stringify(t)}`);
      return undefined;
    }
    if (v < 0 && !options.allowNegative) {
      problem(row, column, `negative value ${t}`);
      return undefined;
    }
    return v;
  };
  const cellKey = (code: string | undefined, year: number | undefined, indicator: string | undefined): string | undefined =>
    code !== undefined && year !== undefined && indicator !== undefined ? `${code}|${year}|${indicator}` : undefined;
  /** Map a province cell to a code, recording a problem when it is unknown or national. */
  const readProvince = (text: string, row: number, column: string): string | undefined => {
    const t = text.trim();
    if (!t) {
      problem(row, column, 'blank province name');
      return undefined;
    }
    const code = findProvinceCode(t);
    if (code) return code;
    if (NATIONAL_NAMES.has(normalizeProvinceName(t))) {
      problem(row, column, `${JSON.stringify(t)} is a national total, not a province: remove the row (totals are computed from the provinces)`);
    } else {
      problem(row, column, `unknown province ${JSON.stringify(t)}: ${suggestionText(t)}`);
    }
    return undefined;
  };
  const readIndicator = (text: string, row: number, column: string): string | undefined => {
    const t = text.trim();
    if (!t) {
      problem(row, column, 'blank indicator');
      return undefined;
    }
    if (options.indicators && !options.indicators.includes(t)) {
      problem(row, column, `unknown indicator ${JSON.stringify(t)} (expected one of ${options.indicators.join(', ')})`);
      return undefined;
    }
    return t;
  };

  if (layout === 'long') {
    const find = (key: 'province' | 'year' | 'indicator' | 'value'): number => {
      const wanted = options.columns?.[key];
      const candidates = wanted ? [wanted] : COLUMN_DEFAULTS[key];
      return header.findIndex((h) => candidates.some((c) => h.toLowerCase() === c.toLowerCase()));
    };
    const col = { province: find('province'), year: find('year'), indicator: find('indicator'), value: find('value') };
    for (const key of ['province', 'year', 'value'] as const) {
      if (col[key] < 0) problem(headerRow.row, '', `no ${key} column (header: ${header.join(', ')}); name it with options.columns.${key}`);
    }
    if (col.indicator < 0 && !options.indicator) {
      problem(headerRow.row, '', `no indicator column (header: ${header.join(', ')}): add one or pass options.indicator`);
    }
    if (problems.length) throw new ProvinceTableError(name, problems);
    const extraColumns = header.map((h, i) => ({ h, i })).filter(({ i }) => !Object.values(col).includes(i));
    for (const r of data) {
      const cell = (i: number) => (i >= 0 && i < r.cells.length ? r.cells[i] : '');
      if (r.cells.length > header.length && r.cells.slice(header.length).some((c) => c.trim() !== '')) {
        problem(r.row, '', `${r.cells.length} fields but the header has ${header.length}`);
      }
      const code = readProvince(cell(col.province), r.row, header[col.province]);
      const yearText = cell(col.year).trim();
      const year = parseYear(yearText);
      if (year === undefined) problem(r.row, header[col.year], `not a year: ${JSON.stringify(yearText)}`);
      const indicator = col.indicator >= 0 ? readIndicator(cell(col.indicator), r.row, header[col.indicator]) : options.indicator;
      const value = readValue(cell(col.value), r.row, header[col.value], cellKey(code, year, indicator));
      if (code && year !== undefined && indicator !== undefined && value !== undefined) {
        const extra: Record<string, string> = {};
        for (const { h, i } of extraColumns) if (h) extra[h] = cell(i);
        rows.push({ provinceCode: code, province: cell(col.province).trim(), year, indicator, value, row: r.row, extra });
      }
    }
  } else {
    const indicator = options.indicator;
    if (!indicator) throw new ProvinceTableError(name, [{ file: name, row: null, column: '', message: 'a wide table needs options.indicator (the indicator of its values)' }]);
    if (options.indicators && !options.indicators.includes(indicator)) {
      problem(null, '', `unknown indicator ${JSON.stringify(indicator)} (expected one of ${options.indicators.join(', ')})`);
    }
    const ignore = new Set(options.ignoreColumns ?? []);
    const yearsInRows = options.orientation === 'years-in-rows';
    // header cells after the first: years (provinces-in-rows) or provinces (years-in-rows)
    const keys: (number | string | undefined)[] = header.map((h, i) => {
      if (i === 0) return undefined;
      if (h === '' && data.every((r) => (r.cells[i] ?? '').trim() === '')) return undefined; // empty trailing column
      if (ignore.has(h)) {
        ignoredColumns.push(h);
        return undefined;
      }
      if (yearsInRows) return readProvince(h, headerRow.row, h || `column ${i + 1}`);
      const y = parseYear(h);
      if (y === undefined) problem(headerRow.row, h || `column ${i + 1}`, `header ${JSON.stringify(h)} is not a year (list it in options.ignoreColumns to skip it)`);
      return y;
    });
    for (const r of data) {
      const label = (r.cells[0] ?? '').trim();
      let rowKey: string | number | undefined;
      if (yearsInRows) {
        rowKey = parseYear(label);
        if (rowKey === undefined) problem(r.row, header[0] || 'column 1', `not a year: ${JSON.stringify(label)}`);
      } else rowKey = readProvince(label, r.row, header[0] || 'column 1');
      if (r.cells.length > header.length && r.cells.slice(header.length).some((c) => c.trim() !== '')) {
        problem(r.row, '', `${r.cells.length} fields but the header has ${header.length}`);
      }
      keys.forEach((k, i) => {
        if (k === undefined) return;
        const code = (yearsInRows ? k : rowKey) as string;
        const year = (yearsInRows ? rowKey : k) as number;
        const value = readValue(r.cells[i] ?? '', r.row, header[i], rowKey === undefined ? undefined : cellKey(code, year, indicator));
        if (rowKey === undefined || value === undefined) return;
        rows.push({
          provinceCode: code,
          province: yearsInRows ? header[i] : label,
          year,
          indicator,
          value,
          row: r.row,
          extra: {},
        });
      });
    }
  }

  // duplicates
  const seen = new Map<string, ProvinceTableRow>();
  for (const r of rows) {
    const key = `${r.provinceCode}|${r.year}|${r.indicator}`;
    const prior = seen.get(key);
    if (prior) {
      problem(r.row, '', `duplicate ${r.province} (${r.provinceCode}) ${r.year} ${r.indicator}: also on row ${prior.row}`);
    } else seen.set(key, r);
  }
  // completeness: every required province x year x indicator present. A cell that is present but blank or bad
  // (reported above, or accepted in `missing`) is not reported again as missing.
  const provinces = loadProvinces();
  const cells = [...presentCells].map((k) => {
    const [code, year, indicator] = k.split('|');
    return { code, year: Number(year), indicator };
  });
  const indicators = [...new Set(cells.map((c) => c.indicator))].sort();
  if (!indicators.length && options.indicator) indicators.push(options.indicator);
  let yearRange: [number, number] | null = null;
  if (options.years) {
    const [first, last] = options.years;
    if (!(Number.isInteger(first) && Number.isInteger(last) && first <= last)) {
      throw new RangeError(`readProvinceTable: options.years must be [first, last] with first <= last (got ${JSON.stringify(options.years)})`);
    }
    for (const r of rows) {
      if (r.year < first || r.year > last) problem(r.row, '', `year ${r.year} is outside the required years ${first}-${last}`);
    }
    yearRange = [first, last];
  } else if (cells.length) {
    yearRange = [Math.min(...cells.map((c) => c.year)), Math.max(...cells.map((c) => c.year))];
  }
  const gaps: ProvinceTableGap[] = [];
  if (yearRange) {
    const [first, last] = yearRange;
    const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
    const rangeText = options.years ? `years ${first}-${last} are required` : `the table's years run ${first}-${last}`;
    const codes = options.requireAllProvinces === false ? [...new Set(cells.map((c) => c.code))].sort() : provinces.map((p) => p.code);
    for (const indicator of indicators) {
      for (const code of codes) {
        const p = provinces.find((x) => x.code === code) as (typeof provinces)[number];
        const absent = years.filter((y) => !presentCells.has(`${code}|${y}|${indicator}`));
        if (!absent.length) continue;
        const kind: 'province' | 'year' = absent.length === years.length ? 'province' : 'year';
        if (options.allowIncomplete) {
          for (const year of absent) gaps.push({ provinceCode: code, province: p.nameEn, indicator, year, kind });
        } else if (kind === 'province' && years.length > 1) {
          problem(null, '', `missing province ${p.nameEn} (${p.nameZh}, ${code}) for ${indicator}: no value in any year ${first}-${last}`);
        } else {
          for (const y of absent) problem(null, '', `missing ${p.nameEn} (${code}) ${y} ${indicator}: ${rangeText}`);
        }
      }
    }
  }

  if (problems.length) throw new ProvinceTableError(name, problems);
  return { file: name, format: grid.format, encoding: grid.encoding, layout, rows, missing, ignoredColumns, gaps, yearRange };
}
