/**
 * Read a user's own table of units × years × indicators — the China Health Statistics Yearbook tables by province,
 * a paper's Table 1, a table of countries, states, districts or hospitals — from CSV (UTF-8 with or without BOM,
 * GB18030/GBK) or XLSX (exceljs), in one of four layouts, match its unit names, and validate everything. Nothing is
 * dropped silently: all problems are collected and thrown together as one ProvinceTableError naming file, row and
 * column.
 *
 * Layouts (`layout`):
 * - `long`: one value per row: unit, year, indicator, value (data/templates/phc_workforce.csv);
 * - `wide`: a grid of units × years for one indicator (years in the header, or in the first column);
 * - `one-year`: one row per unit, one column per indicator, no year column (a paper's Table 1:
 *   `province,population,area,physicians`); the year is `options.year`, or absent (`year: null`);
 * - `panel`: one row per unit and year, one column per indicator (`district,group,year,physicians,population,area`).
 *
 * Units (`units`): the 31 provinces of mainland China by default (names in Chinese, English or pinyin, or GB/T 2260
 * codes; Shanxi and Shaanxi never confused), the user's own list of names, or the names as they stand ('as-is').
 *
 * Completeness is checked by default: every unit (the 31 provinces, or every name of a units list), each with every
 * year from the table's first to its last year, for every indicator. Opt out explicitly: `requireAllProvinces: false`
 * checks only the provinces present; `allowIncomplete: true` returns the missing unit-years in `gaps` instead of
 * failing.
 */
import { readFileSync, statSync } from 'fs';
import * as path from 'path';
import { CsvSyntaxError, parseCsvRecords } from './csv';
import { findProvinceCode, loadProvinces, normalizeProvinceName, quotedName, suggestionText } from './provinces';
import type { Province } from './provinces';
import { checkBoolean, checkChoice, checkOptions, nearest } from '../measures/kernel';

/** One problem found in a table. `row` is the 1-based line (CSV) or sheet row (XLSX); null when no row exists. */
export interface ProvinceTableProblem {
  file: string;
  row: number | null;
  column: string;
  message: string;
}

/** The problems a ProvinceTableError's message lists; the rest are counted ("… and 1,950 more problems"). */
const MESSAGE_PROBLEMS = 50;
/** The problems readProvinceTable keeps in `ProvinceTableError.problems`; the rest are counted in `omitted`. */
const KEPT_PROBLEMS = 1000;

/**
 * Thrown by readProvinceTable with every problem of a table at once (file, row, column and message of each). The
 * message lists the first 50 and counts the rest; `problems` holds the first 1,000 and `omitted` counts the others
 * (a file of a million bad rows gives a message of 50 lines, not of 180 MB).
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
    /** Problems found but not kept in `problems` (beyond the first 1,000). */
    readonly omitted = 0,
  ) {
    const total = problems.length + omitted;
    const more = total - Math.min(problems.length, MESSAGE_PROBLEMS);
    super(
      `${total.toLocaleString('en-US')} problem${total === 1 ? '' : 's'} in ${file}:\n` +
        problems
          .slice(0, MESSAGE_PROBLEMS)
          .map((p) => `  - ${p.row === null ? 'row -' : `row ${p.row}`}, column ${p.column || '-'}: ${p.message}`)
          .join('\n') +
        (more > 0 ? `\n  … and ${more.toLocaleString('en-US')} more problem${more === 1 ? '' : 's'} (error.problems lists the first ${problems.length.toLocaleString('en-US')})` : ''),
    );
    this.name = 'ProvinceTableError';
  }
}

/** The layouts readProvinceTable reads (see the module comment). */
export type TableLayout = 'long' | 'wide' | 'one-year' | 'panel';

/** The kind of units of a result: the province dictionary, a list the user gave, or names as they stand. */
export type TableUnitKind = 'china-provinces' | 'list' | 'as-is';

/**
 * A unit-year-indicator that the table lacks, reported (instead of thrown) with `allowIncomplete: true`.
 * `kind` is 'province' (province tables) or 'unit' (other units) when the unit has no value of that indicator in
 * any year, else 'year'.
 */
export interface UnitTableGap {
  /** The unit's name (see UnitTableRow.unit). */
  unit: string;
  /** GB/T 2260 code with units 'china-provinces'; null otherwise. */
  provinceCode: string | null;
  /** English name (data/provinces.csv) with units 'china-provinces'; absent otherwise. */
  province?: string;
  indicator: string;
  /** null in a one-year table read without `year`. */
  year: number | null;
  kind: 'province' | 'unit' | 'year';
}

/** A gap of a province table (units 'china-provinces' and a year on every row). */
export interface ProvinceTableGap extends UnitTableGap {
  provinceCode: string;
  /** English name (data/provinces.csv). */
  province: string;
  year: number;
  kind: 'province' | 'year';
}

/** One value of a table, whatever its units and layout. */
export interface UnitTableRow {
  /**
   * The unit's name, usable as a key: the English name of data/provinces.csv ('Inner Mongolia', 'Shaanxi') with
   * units 'china-provinces'; the matching name of `options.units` with a list; the cell, trimmed, with 'as-is'.
   */
  unit: string;
  /** GB/T 2260 code with units 'china-provinces' (the default); null with a units list or 'as-is'. */
  provinceCode: string | null;
  /** With units 'china-provinces': the province as written in the file ('北京市', 'Nei Mongol'); absent otherwise. */
  province?: string;
  /** The year; null in a one-year table read without `options.year`. */
  year: number | null;
  indicator: string;
  value: number;
  /** Row of the file the value came from (1-based). */
  row: number;
  /**
   * Other columns of the row, as text: a long table's extra columns (e.g. source, note), or the `textColumns` of a
   * one-year or panel table (e.g. group).
   */
  extra: Record<string, string>;
}

/** One value of a province table (units 'china-provinces' and a year on every row). */
export interface ProvinceTableRow extends UnitTableRow {
  provinceCode: string;
  /** Province name as written in the file. */
  province: string;
  year: number;
}

export interface ReadProvinceTableOptions {
  /**
   * long: one value per row (unit, year, indicator, value); wide: a grid of units x years for one indicator;
   * one-year: one row per unit, one column per indicator, no year column; panel: one row per unit and year, one
   * column per indicator.
   * @default detected from the header: 'long' when it has a value column; 'one-year' when it has no value column,
   *   no year column, no year among its cells and no indicator column; anything else is an error naming the layout
   *   to pass
   */
  layout?: TableLayout;
  /** Wide only: units in rows and years in columns, or years in rows and units in columns. @default 'provinces-in-rows' */
  orientation?: 'provinces-in-rows' | 'years-in-rows';
  /** One-year only: the year of every value. Without it the rows have `year: null`. */
  year?: number;
  /**
   * The units: 'china-provinces' (the 31 provinces, any spelling data/provinces.csv knows, or GB/T 2260 codes); a
   * list of names (each cell must be one of them, spaces around it ignored; every one is required); or 'as-is' (any
   * non-blank name, taken as it stands; blanks, duplicates and total rows are refused). @default 'china-provinces'
   */
  units?: 'china-provinces' | 'as-is' | readonly string[];
  /** Long and wide: the indicator of every value when the file has no indicator column (required for wide tables). */
  indicator?: string;
  /** Allowed indicator names (long, wide), or the allowed indicator columns (one-year, panel); any other is a problem. */
  indicators?: readonly string[];
  /** One-year and panel: columns kept as text in each row's `extra` (e.g. 'group', 'note') instead of read as indicators. */
  textColumns?: readonly string[];
  /** Wide, one-year and panel: header cells to skip (e.g. 'AAGR (%)'). Reported in the result, not dropped silently. */
  ignoreColumns?: readonly string[];
  /**
   * CSV text encoding. 'auto': UTF-16 (by its BOM, or by the zero bytes of ASCII text without one), else UTF-8 (BOM
   * or valid UTF-8), else GB18030 (a superset of GBK). An explicit encoding that does not fit the bytes is refused
   * (UTF-16 read as anything else) or hinted at when the table then fails (GBK bytes asked as 'utf-8', valid UTF-8
   * asked as 'gbk'). @default 'auto'
   */
  encoding?: 'auto' | 'utf-8' | 'gb18030' | 'gbk';
  /** CSV field separator, one character. @default ',' (tab when the header has tabs and no commas) */
  delimiter?: string;
  /** CSV: lines starting with this string are comments (e.g. '#'). */
  comment?: string;
  /** Lines (CSV) or rows (XLSX) before the header, e.g. 2 for NBS exports. @default 0 */
  skipRows?: number;
  /** XLSX: worksheet name or 1-based index. @default 1 */
  sheet?: string | number;
  /**
   * Column names (not for wide tables). `unit` (or its older name `province`): the units' column, found by default
   * by the names province, province_code, 省份, 省, unit, district, county, country, state, hospital, city, 地区 (and,
   * in long tables, region and area); `year`: year|年份|年度|年; long only: `indicator` (indicator|指标|variable) and
   * `value` (value|数值|值).
   */
  columns?: { unit?: string; province?: string; year?: string; indicator?: string; value?: string };
  /**
   * Units 'china-provinces' only: require all 31 provinces for every indicator. With `false`, only the provinces
   * present in the table must be complete (every year of the range, for every indicator). @default true
   */
  requireAllProvinces?: boolean;
  /**
   * Not for one-year tables (use `year`): the years every unit must have, inclusive [first, last]; a year outside it
   * is a problem. @default the table's own first to last year (so an interior gap, e.g. 2012 and 2014 without 2013,
   * is a problem)
   */
  years?: readonly [number, number];
  /**
   * Accept missing unit-years: report them in the result's `gaps` instead of failing. Bad cells still fail.
   * @default false
   */
  allowIncomplete?: boolean;
  /** Accept blank (or -, —, …, NA) cells and report them in `missing` instead of failing. @default false */
  allowMissing?: boolean;
  /** Accept negative values. @default false */
  allowNegative?: boolean;
  /**
   * The largest file read, in bytes; a larger file is a ProvinceTableError naming its size (pass a larger maxBytes to
   * read it: a 50 MB CSV takes about 10 s and well under 1 GB of memory). @default 200 MB (200 * 2^20 bytes)
   */
  maxBytes?: number;
}

/** What readProvinceTable read, whatever its units and layout. */
export interface UnitTableResult {
  file: string;
  format: 'csv' | 'xlsx';
  /** Encoding used to decode a CSV ('utf-8', 'utf-8 (BOM)', 'gb18030'); 'xlsx' for workbooks. */
  encoding: string;
  /** The layout read: `options.layout`, or the one detected from the header. */
  layout: TableLayout;
  /** The kind of units: 'china-provinces', 'list' (options.units was a list) or 'as-is'. */
  unitKind: TableUnitKind;
  /** The units' names (as in `rows[].unit`), in the order they first appear in the file. */
  units: string[];
  /** The indicators: the indicator columns in header order (one-year, panel), else in the order they first appear. */
  indicators: string[];
  rows: UnitTableRow[];
  /** Blank cells accepted because of `allowMissing`. */
  missing: ProvinceTableProblem[];
  /** Columns ignored because of `ignoreColumns`. */
  ignoredColumns: string[];
  /**
   * Missing unit-years accepted because of `allowIncomplete`, in indicator, unit and year order (provinces in code
   * order, a units list in its order); always empty otherwise (a missing unit-year is then an error).
   */
  gaps: UnitTableGap[];
  /** The year range checked for completeness, [first, last]; null when the table has no values or no year. */
  yearRange: [number, number] | null;
}

/** What readProvinceTable read from a province table (units 'china-provinces' and a year on every row). */
export interface ProvinceTableResult extends UnitTableResult {
  rows: ProvinceTableRow[];
  gaps: ProvinceTableGap[];
}

/** Options that make the result a ProvinceTableResult: the province dictionary and a layout that gives every row a year. */
export type ProvinceTableOptions = ReadProvinceTableOptions & { units?: 'china-provinces' } & (
    | { layout: 'long' | 'wide' | 'panel' }
    | { layout: 'one-year'; year: number }
  );

interface Grid {
  /** Each row: its 1-based row number and its cells as text. */
  rows: { row: number; cells: string[] }[];
  encoding: string;
  format: 'csv' | 'xlsx';
  /** Said with the problems when the table fails: an encoding that fits the bytes better. */
  hint?: string;
}

/** A plain non-negative number as most cells hold it ('1234', '12.5'): read without trimming or normalizing. */
const PLAIN_NUMBER = /^\d+(\.\d+)?$/;
/** The `extra` of every row that has no other columns: one frozen empty object (a 50 MB file has 1.8 million rows). */
const EMPTY_EXTRA: Record<string, string> = Object.freeze({}) as Record<string, string>;

const MISSING_MARKERS = new Set(['', '-', '—', '–', '…', '...', 'na', 'n/a', '无']);
const NATIONAL_NAMES = new Set(['全国', '合计', '总计', 'national', 'nationaltotal', 'total', 'china', 'nationalaverage']);

/** A refusal of the whole file: a ProvinceTableError with one problem and no row. */
function fileError(name: string, message: string, row: number | null = null): ProvinceTableError {
  return new ProvinceTableError(name, [{ file: name, row, column: '', message }]);
}

/** Sizes for messages: 1.2 GB, 51.3 MB, 900 bytes. */
function sizeText(bytes: number): string {
  if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(1)} GB`;
  if (bytes >= 2 ** 20) return `${(bytes / 2 ** 20).toFixed(1)} MB`;
  if (bytes >= 2 ** 10) return `${(bytes / 2 ** 10).toFixed(1)} kB`;
  return `${bytes} bytes`;
}

/** The file's bytes, after checking that it exists, is a file and is not larger than maxBytes. */
function readSource(file: string, name: string, maxBytes: number): Buffer {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw fileError(name, `${quotedName(file, 200)} is a directory, not a CSV or XLSX file`);
    size = stat.size;
  } catch (e) {
    if (e instanceof ProvinceTableError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw fileError(name, `no such file: ${quotedName(file, 200)} (the path is relative to ${quotedName(process.cwd(), 200)})`);
    throw fileError(name, `cannot read ${quotedName(file, 200)}: ${(e as Error).message}`);
  }
  if (size > maxBytes) {
    throw fileError(name, `the file is ${sizeText(size)}, more than maxBytes (${sizeText(maxBytes)}): pass a larger maxBytes to read it`);
  }
  return readFileSync(file);
}

/**
 * UTF-16 text: by its byte order mark, or, without one, by the zero bytes that ASCII characters (digits, commas,
 * Latin names) have in every other byte.
 */
function detectUtf16(bytes: Buffer): { encoding: 'utf-16le' | 'utf-16be'; bom: boolean } | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > 0.4 * pairs && evenZeros < 0.05 * pairs) return { encoding: 'utf-16le', bom: false };
  if (evenZeros > 0.4 * pairs && oddZeros < 0.05 * pairs) return { encoding: 'utf-16be', bom: false };
  return undefined;
}

/** Whether bytes are valid UTF-8 that is not plain ASCII (so reading them as GBK garbles them). */
function isNonAsciiUtf8(bytes: Buffer): boolean {
  if (!bytes.some((b) => b >= 0x80)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Decode CSV bytes; `hint` is said when the table then fails (an encoding that fits the bytes better). */
function decode(bytes: Buffer, name: string, encoding: ReadProvinceTableOptions['encoding'] = 'auto'): { text: string; encoding: string; hint?: string } {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const iconv = () => require('iconv-lite') as typeof import('iconv-lite');
  const utf16 = detectUtf16(bytes);
  if (utf16) {
    if (encoding !== 'auto') {
      throw fileError(name, `the file is ${utf16.encoding.toUpperCase()} text${utf16.bom ? ' (it starts with a byte order mark)' : ''}, not ${encoding}: pass encoding: 'auto' to read it, or save it as UTF-8`);
    }
    const text = iconv().decode(bytes, utf16.encoding === 'utf-16le' ? 'utf16le' : 'utf16-be');
    return { text, encoding: `${utf16.encoding}${utf16.bom ? ' (BOM)' : ''}` };
  }
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (encoding === 'gb18030' || encoding === 'gbk') {
    const hint = isNonAsciiUtf8(bytes)
      ? `the file's bytes are valid UTF-8${hasBom ? ' (with a BOM)' : ''}: if names look garbled, read it with encoding: 'utf-8' (or 'auto') instead of '${encoding}'`
      : undefined;
    return { text: iconv().decode(bytes, encoding), encoding, hint };
  }
  const utf8 = (b: Buffer) => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(b);
    } catch {
      return undefined;
    }
  };
  if (encoding === 'utf-8' || hasBom) {
    const text = utf8(hasBom ? bytes.subarray(3) : bytes);
    if (text === undefined) {
      throw fileError(name, `not valid utf-8 text (${hasBom ? 'after its UTF-8 BOM, ' : ''}the bytes look like GBK/GB18030, as Chinese Windows saves them); try { encoding: 'gb18030' } or 'auto'`);
    }
    return { text, encoding: hasBom ? 'utf-8 (BOM)' : 'utf-8' };
  }
  const text = utf8(bytes);
  if (text !== undefined) return { text, encoding: 'utf-8' };
  return { text: iconv().decode(bytes, 'gb18030'), encoding: 'gb18030' };
}

/** The first line of `text` that is not blank and not a comment (for guessing the delimiter), without splitting it all. */
function firstContentLine(text: string, comment: string | undefined): string {
  for (let i = 0; i < text.length; ) {
    let nl = text.indexOf('\n', i);
    if (nl < 0) nl = text.length;
    const line = text.slice(i, nl).replace(/^\uFEFF/, '');
    if (line.trim() && !(comment && line.startsWith(comment))) return line;
    i = nl + 1;
  }
  return '';
}

function readCsvGrid(bytes: Buffer, name: string, options: ReadProvinceTableOptions): Grid {
  const { text, encoding, hint } = decode(bytes, name, options.encoding);
  const firstLine = firstContentLine(text, options.comment);
  const delimiter = options.delimiter ?? (firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',');
  let records;
  try {
    records = parseCsvRecords(text, delimiter, options.comment);
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    throw fileError(name, `unterminated quote: the quoted field that opens on line ${e.line} never closes (a stray " in a name?)`, e.line);
  }
  return { rows: records.map((r) => ({ row: r.line, cells: r.cells })), encoding, format: 'csv', hint };
}

/**
 * A cell that cannot be read as text: a marker, then the reason (reported as the cell's problem by readValue, with
 * its row and column).
 */
const REFUSED = '\u0000';

/**
 * A number as plain decimal text that parseTableNumber reads back to the same double: 1e21 →
 * '1000000000000000000000', 1e-7 → '0.0000001' (String() would give '1e+21' and '1e-7', which a table of printed
 * numbers refuses).
 */
function plainDecimal(v: number): string {
  const text = String(v);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign, first, rest = '', exp] = m;
  const digits = first + rest;
  const point = 1 + Number(exp); // position of the decimal point in `digits`
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Text of an exceljs cell value (numbers as plain decimals; dates, formulas without a value and errors refused). */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? plainDecimal(v) : `${REFUSED}not a finite number (${v})`;
  if (typeof v === 'boolean') return `${REFUSED}a TRUE/FALSE cell, not a number`;
  if (typeof v === 'string') return v;
  if (v instanceof Date) {
    const day = Number.isNaN(v.getTime()) ? 'an invalid date' : v.toISOString().slice(0, 10);
    return `${REFUSED}a date cell (${day}), not a number: format the cell as a number (or as text for a name) and save again`;
  }
  if (typeof v === 'object') {
    const o = v as { result?: unknown; formula?: string; sharedFormula?: string; richText?: { text: string }[]; text?: string; error?: string };
    if (o.formula !== undefined || o.sharedFormula !== undefined) {
      if (o.result === undefined || o.result === null) {
        return `${REFUSED}formula without a value (=${String(o.formula ?? o.sharedFormula).slice(0, 60)}): recalculate and save the workbook in Excel or LibreOffice`;
      }
      if (typeof o.result === 'object' && o.result !== null && 'error' in o.result) return `${REFUSED}formula gives the error ${String((o.result as { error: unknown }).error)}`;
      return cellText(o.result);
    }
    if ('result' in o) return cellText(o.result);
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (typeof o.text === 'string') return o.text;
    if (o.error) return `${REFUSED}an error cell (${String(o.error)})`;
  }
  return `${REFUSED}a cell of an unknown kind`;
}

/** The first bytes of the file tell an XLSX workbook (a zip archive) from a renamed CSV, an old .xls or nothing. */
function checkXlsxBytes(bytes: Buffer, name: string): void {
  if (bytes.length === 0) throw fileError(name, 'the file is empty (0 bytes), not an XLSX workbook');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return;
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw fileError(name, 'an old Excel 97-2003 (.xls) workbook, not XLSX: save it as .xlsx (or as CSV UTF-8) and read that');
  }
  const head = bytes.subarray(0, 512);
  const text = head.every((b) => b === 9 || b === 10 || b === 13 || b >= 32);
  throw fileError(
    name,
    text ? 'not an XLSX workbook: the file holds text (a CSV file named .xlsx?): rename it .csv' : 'not an XLSX workbook (it is not a zip archive): open it in Excel or LibreOffice and save it as .xlsx',
  );
}

async function readXlsxGrid(bytes: Buffer, name: string, options: ReadProvinceTableOptions): Promise<Grid> {
  checkXlsxBytes(bytes, name);
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw fileError(name, `not a readable XLSX workbook (${String((e as Error).message ?? e).slice(0, 200)}): open it in Excel or LibreOffice and save it again`);
  }
  const sheetOption = options.sheet ?? 1;
  const sheet = typeof sheetOption === 'number' ? workbook.worksheets[sheetOption - 1] : workbook.getWorksheet(sheetOption);
  if (!sheet) {
    throw fileError(name, `no worksheet ${JSON.stringify(sheetOption)} (sheets: ${workbook.worksheets.map((w) => w.name).join(', ')})`);
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
 * Parse a printed number: full-width digits/commas (NFKC), thousands separators "1,234,567" or "1 234 567",
 * surrounding spaces. Anything else (misplaced commas or spaces — '1 2' is not 12 —, missing-value markers, units,
 * exponents) gives undefined, never a guess.
 * @throws TypeError when `text` is not a string
 * @example
 * parseTableNumber('1,234'); // => 1234
 * parseTableNumber('１２３４.５'); // => 1234.5
 * parseTableNumber('12,34'); // => undefined
 * parseTableNumber('1 234'); // => 1234
 * parseTableNumber('12 34'); // => undefined
 * parseTableNumber('-'); // => undefined
 */
export function parseTableNumber(text: string): number | undefined {
  if (typeof text !== 'string') throw new TypeError(`parseTableNumber: text must be text, a printed number (got ${text === null ? 'null' : typeof text})`);
  const t = text.normalize('NFKC').trim();
  if (/^[-+]?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  // a space inside a number only as a thousands separator (1 234 567; NFKC makes no-break and thin spaces a space)
  if (/^[-+]?\d{1,3}( \d{3})+(\.\d+)?$/.test(t)) return Number(t.replace(/ /g, ''));
  return undefined;
}

/** Parse a year header or cell: 2015, "2015", "2015年". */
function parseYear(text: string): number | undefined {
  const m = text.normalize('NFKC').trim().match(/^(\d{4})(年)?$/);
  if (!m) return undefined;
  const y = Number(m[1]);
  return y >= 1900 && y <= 2100 ? y : undefined;
}

const FN = 'readProvinceTable';
const LAYOUTS: readonly TableLayout[] = ['long', 'wide', 'one-year', 'panel'];
const OPTION_NAMES = [
  'layout', 'orientation', 'year', 'units', 'indicator', 'indicators', 'textColumns', 'ignoreColumns', 'encoding', 'delimiter',
  'comment', 'skipRows', 'sheet', 'columns', 'requireAllProvinces', 'years', 'allowIncomplete', 'allowMissing', 'allowNegative',
  'maxBytes',
] as const;
/** The default of options.maxBytes: 200 MB. */
const DEFAULT_MAX_BYTES = 200 * 2 ** 20;

/** Column names looked for when `options.columns` does not name the column (case-insensitive). */
const COLUMN_DEFAULTS = {
  /** Long tables: the first header cell that is one of these holds the units. */
  longUnit: ['province', 'province_code', '省份', '地区', 'region', '省', 'area', 'unit', 'district', 'county', 'country', 'state', 'hospital', 'city'],
  /** One-year and panel tables: exactly one header cell may be one of these (region and area are left out: they are often a group or an indicator). */
  rowUnit: ['province', 'province_code', '省份', '省', 'unit', 'district', 'county', 'country', 'state', 'hospital', 'city', '地区'],
  year: ['year', '年份', '年度', '年'],
  indicator: ['indicator', '指标', 'variable'],
  value: ['value', '数值', '值'],
};

/** Names of a total row in a table of other units (compared lower case, without spaces, hyphens, dots or underscores). */
const TOTAL_NAMES = new Set(['total', 'totals', 'grandtotal', 'sum', 'national', 'nationaltotal', '合计', '总计', '全国']);

/** The units option, checked. */
type UnitSpec = { kind: 'china-provinces' } | { kind: 'as-is' } | { kind: 'list'; names: string[] };

/** The options after checking (types, enumerations, ranges); which layout they fit is checked by checkLayoutOptions. */
interface CheckedOptions {
  layout: TableLayout | undefined;
  units: UnitSpec;
  years: [number, number] | undefined;
}

function stringList(name: string, value: unknown): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new TypeError(`${FN}: ${name} must be an array of strings`);
}

function nonEmptyString(name: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== 'string' || value === '') throw new TypeError(`${FN}: ${name} must be a non-empty string (got ${JSON.stringify(value)})`);
}

/** Check every option's kind and value (unknown keys, enumerations, booleans, numbers, lists) before reading the file. */
function checkTableOptions(options: unknown): CheckedOptions {
  checkOptions(FN, options, OPTION_NAMES);
  const o = options as ReadProvinceTableOptions;
  const layout = o.layout === undefined ? undefined : checkChoice(FN, 'layout', o.layout, LAYOUTS, 'long');
  checkChoice(FN, 'orientation', o.orientation, ['provinces-in-rows', 'years-in-rows'] as const, 'provinces-in-rows');
  checkChoice(FN, 'encoding', o.encoding, ['auto', 'utf-8', 'gb18030', 'gbk'] as const, 'auto');
  for (const flag of ['requireAllProvinces', 'allowIncomplete', 'allowMissing', 'allowNegative'] as const) checkBoolean(FN, flag, o[flag], false);
  if (o.year !== undefined) {
    if (typeof o.year !== 'number') throw new TypeError(`${FN}: year must be a number (got ${JSON.stringify(o.year)})`);
    if (!Number.isInteger(o.year) || o.year < 1900 || o.year > 2100) throw new RangeError(`${FN}: year must be a whole year from 1900 to 2100 (got ${o.year})`);
  }
  nonEmptyString('indicator', o.indicator);
  nonEmptyString('comment', o.comment);
  if (o.delimiter !== undefined && (typeof o.delimiter !== 'string' || o.delimiter.length !== 1)) {
    throw new TypeError(`${FN}: delimiter must be one character (got ${JSON.stringify(o.delimiter)})`);
  }
  for (const list of ['indicators', 'textColumns', 'ignoreColumns'] as const) stringList(list, o[list]);
  if (o.maxBytes !== undefined) {
    if (typeof o.maxBytes !== 'number') throw new TypeError(`${FN}: maxBytes must be a number of bytes (got ${JSON.stringify(o.maxBytes)})`);
    if (!(Number.isInteger(o.maxBytes) && o.maxBytes > 0)) throw new RangeError(`${FN}: maxBytes must be a whole number of bytes > 0 (got ${o.maxBytes})`);
  }
  if (o.skipRows !== undefined && !(typeof o.skipRows === 'number' && Number.isInteger(o.skipRows) && o.skipRows >= 0)) {
    throw new TypeError(`${FN}: skipRows must be a whole number >= 0 (got ${JSON.stringify(o.skipRows)})`);
  }
  if (o.sheet !== undefined && !(typeof o.sheet === 'string' || (typeof o.sheet === 'number' && Number.isInteger(o.sheet) && o.sheet >= 1))) {
    throw new TypeError(`${FN}: sheet must be a worksheet name or a 1-based index (got ${JSON.stringify(o.sheet)})`);
  }
  if (o.columns !== undefined) {
    checkOptions(`${FN}: columns`, o.columns, ['unit', 'province', 'year', 'indicator', 'value']);
    for (const [key, value] of Object.entries(o.columns)) nonEmptyString(`columns.${key}`, value);
    if (o.columns.unit !== undefined && o.columns.province !== undefined) {
      throw new TypeError(`${FN}: columns.unit and columns.province name the same column: pass one of them`);
    }
  }
  let years: [number, number] | undefined;
  if (o.years !== undefined) {
    const y = o.years as unknown;
    if (!Array.isArray(y) || y.length !== 2 || !y.every((v) => typeof v === 'number')) {
      throw new TypeError(`${FN}: options.years must be [first, last] (got ${JSON.stringify(o.years)})`);
    }
    const [first, last] = y as [number, number];
    if (!(Number.isInteger(first) && Number.isInteger(last) && first <= last)) {
      throw new RangeError(`${FN}: options.years must be [first, last] with first <= last (got ${JSON.stringify(o.years)})`);
    }
    years = [first, last];
  }
  let units: UnitSpec;
  if (o.units === undefined || o.units === 'china-provinces') units = { kind: 'china-provinces' };
  else if (o.units === 'as-is') units = { kind: 'as-is' };
  else if (Array.isArray(o.units)) {
    const names: string[] = [];
    (o.units as unknown[]).forEach((u, i) => {
      if (typeof u !== 'string') throw new TypeError(`${FN}: units must be an array of names (units[${i}] is ${typeof u})`);
      const t = u.trim();
      if (!t) throw new RangeError(`${FN}: units[${i}] is blank`);
      if (names.includes(t)) throw new RangeError(`${FN}: units lists ${JSON.stringify(t)} twice`);
      names.push(t);
    });
    if (!names.length) throw new RangeError(`${FN}: units is an empty list`);
    units = { kind: 'list', names };
  } else {
    const message = `${FN}: units must be 'china-provinces', 'as-is' or an array of unit names (got ${String(o.units)})`;
    throw typeof o.units === 'string' ? new RangeError(message) : new TypeError(message);
  }
  if (o.requireAllProvinces !== undefined && units.kind !== 'china-provinces') {
    throw new TypeError(
      `${FN}: requireAllProvinces is an option of units 'china-provinces' (with a units list every name is required; ` +
        `with 'as-is' only the units present; allowIncomplete: true reports gaps instead)`,
    );
  }
  return { layout, units, years };
}

/** Refuse options that the layout does not use (a misplaced option is never silently ignored). */
function checkLayoutOptions(layout: TableLayout, o: ReadProvinceTableOptions, detected: boolean): void {
  const how = detected ? ' (the layout was detected from the header: pass layout to choose another)' : '';
  const refuse = (name: string, where: string) => {
    throw new TypeError(`${FN}: ${name} is an option of ${where}, not of layout '${layout}'${how}`);
  };
  const rowLayout = layout === 'one-year' || layout === 'panel';
  if (o.orientation !== undefined && layout !== 'wide') refuse('orientation', "layout 'wide'");
  if (o.year !== undefined && layout !== 'one-year') refuse('year', "layout 'one-year' (the other layouts read the year from the file)");
  if (o.years !== undefined && layout === 'one-year') refuse('years', "layouts 'long', 'wide' and 'panel' (a one-year table takes year)");
  if (o.indicator !== undefined && rowLayout) refuse('indicator', "layouts 'long' and 'wide' (here each column is an indicator; indicators lists the allowed ones)");
  if (o.textColumns !== undefined && !rowLayout) refuse('textColumns', "layouts 'one-year' and 'panel' (a long table keeps its other columns in extra)");
  if (o.ignoreColumns !== undefined && layout === 'long') refuse('ignoreColumns', "layouts 'wide', 'one-year' and 'panel'");
  if (o.columns !== undefined) {
    if (layout === 'wide') refuse('columns', "layouts 'long', 'one-year' and 'panel' (a wide table has its units in its first column or its header)");
    if ((o.columns.indicator !== undefined || o.columns.value !== undefined) && layout !== 'long') refuse('columns.indicator or columns.value', "layout 'long'");
    if (o.columns.year !== undefined && layout === 'one-year') refuse('columns.year', "layouts 'long' and 'panel'");
  }
}

/** Index of the first header cell named `wanted`, or else one of `candidates` (case-insensitive); -1 when none. */
function findColumn(header: string[], wanted: string | undefined, candidates: string[]): number {
  const names = (wanted ? [wanted] : candidates).map((c) => c.toLowerCase());
  return header.findIndex((h) => names.includes(h.toLowerCase()));
}

/** How a name cell becomes a unit: the province dictionary, the user's list, or the name as it stands. */
interface UnitBook {
  kind: TableUnitKind;
  /** 'province' or 'unit', for messages. */
  noun: string;
  /** The unit of a cell, or undefined after recording a problem. */
  read(text: string, row: number, column: string): { unit: string; provinceCode: string | null } | undefined;
  /** Sort key of a unit: dictionary or list order, or first appearance. */
  order(unit: string): number;
  /** The units every indicator and year must have, given those present. */
  required(present: string[]): string[];
  /** 'province Tibet (西藏自治区, 540000)' or 'unit District C'. */
  long(unit: string): string;
  /** 'Tibet (540000)' or 'District C'. */
  short(unit: string): string;
  /** The province record of a unit (china-provinces only). */
  province(unit: string): Province | undefined;
  /** How many names were read as units, and which were unknown. */
  counts: { known: number; unknown: Set<string> };
}

function unitBook(spec: UnitSpec, requireAllProvinces: boolean, problem: (row: number | null, column: string, message: string | (() => string)) => void): UnitBook {
  if (spec.kind === 'china-provinces') {
    const provinces = loadProvinces();
    const byName = new Map(provinces.map((p, i) => [p.nameEn, { p, i }]));
    const byCode = new Map(provinces.map((p) => [p.code, p]));
    const get = (unit: string) => byName.get(unit) as { p: Province; i: number };
    const counts = { known: 0, unknown: new Set<string>() };
    /** Each distinct name is looked up once (a 50 MB table repeats 31 names 1.8 million times). */
    const codeCache = new Map<string, string | undefined>();
    return {
      kind: 'china-provinces',
      noun: 'province',
      counts,
      read(text, row, column) {
        const t = text.trim();
        if (!t) {
          problem(row, column, 'blank province name');
          return undefined;
        }
        let code = codeCache.get(t);
        if (code === undefined && !codeCache.has(t)) {
          code = findProvinceCode(t);
          if (codeCache.size < 10_000) codeCache.set(t, code);
        }
        if (code) {
          counts.known++;
          return { unit: (byCode.get(code) as Province).nameEn, provinceCode: code };
        }
        if (counts.unknown.size < 100) counts.unknown.add(t);
        if (NATIONAL_NAMES.has(normalizeProvinceName(t))) {
          problem(row, column, `${quotedName(t)} is a national total, not a province: remove the row (totals are computed from the provinces)`);
        } else {
          problem(row, column, () => `unknown province ${quotedName(t)}: ${suggestionText(t)}`);
        }
        return undefined;
      },
      order: (unit) => get(unit).i,
      required: (present) => (requireAllProvinces ? provinces.map((p) => p.nameEn) : present),
      long: (unit) => `province ${unit} (${get(unit).p.nameZh}, ${get(unit).p.code})`,
      short: (unit) => `${unit} (${get(unit).p.code})`,
      province: (unit) => get(unit).p,
    };
  }
  const isTotal = (t: string) => TOTAL_NAMES.has(t.normalize('NFKC').toLowerCase().replace(/[\s\-_.]+/g, ''));
  const totalText = (t: string, advice: string) => `${quotedName(t)} is a total, not a unit: remove the row (totals are computed from the units)${advice}`;
  const common = { noun: 'unit', long: (unit: string) => `unit ${unit}`, short: (unit: string) => unit, province: () => undefined, counts: { known: 0, unknown: new Set<string>() } };
  if (spec.kind === 'list') {
    const index = new Map(spec.names.map((n, i) => [n, i]));
    const longestName = Math.max(...spec.names.map((n) => n.length));
    const shown = spec.names.length <= 12 ? spec.names.join(', ') : `${spec.names.slice(0, 12).join(', ')}, … (${spec.names.length} names)`;
    return {
      ...common,
      kind: 'list',
      read(text, row, column) {
        const t = text.trim();
        if (!t) {
          problem(row, column, 'blank unit name');
          return undefined;
        }
        if (index.has(t)) return { unit: t, provinceCode: null };
        if (isTotal(t)) problem(row, column, totalText(t, ''));
        else {
          // bounded cost: no nearest name for a cell far longer than any name of the list
          const near = t.length > longestName + 10 ? undefined : nearest(t, spec.names);
          problem(row, column, `unknown unit ${quotedName(t)}: ${near === undefined ? `not in options.units (${shown})` : `did you mean ${quotedName(near)}?`}`);
        }
        return undefined;
      },
      order: (unit) => index.get(unit) as number,
      required: () => spec.names,
    };
  }
  // 'as-is': names as they stand; two names that differ only in case or spacing are refused (one is a typo)
  const seen = new Map<string, number>();
  const folded = new Map<string, { name: string; row: number }>();
  return {
    ...common,
    kind: 'as-is',
    read(text, row, column) {
      const t = text.trim();
      if (!t) {
        problem(row, column, 'blank unit name');
        return undefined;
      }
      if (isTotal(t)) {
        problem(row, column, totalText(t, ', or list the units in options.units'));
        return undefined;
      }
      const fold = t.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
      const first = folded.get(fold);
      if (first && first.name !== t) {
        problem(row, column, `unit ${quotedName(t)} differs from ${quotedName(first.name)} (row ${first.row}) only in case or spacing: write it one way`);
        return undefined;
      }
      if (!first) folded.set(fold, { name: t, row });
      if (!seen.has(t)) seen.set(t, seen.size);
      return { unit: t, provinceCode: null };
    },
    order: (unit) => seen.get(unit) as number,
    required: (present) => present,
  };
}

/**
 * The layout of a table read without `options.layout`, from its header; never a guess: what the header does not
 * settle is a ProvinceTableError that names the layout to pass.
 */
function detectLayout(header: string[], o: ReadProvinceTableOptions, name: string, headerRow: number): TableLayout {
  if (findColumn(header, o.columns?.value, COLUMN_DEFAULTS.value) >= 0) return 'long';
  const yearCells = header.slice(1).filter((h) => parseYear(h) !== undefined);
  const yearColumn = findColumn(header, o.columns?.year, COLUMN_DEFAULTS.year);
  const indicatorColumn = findColumn(header, o.columns?.indicator, COLUMN_DEFAULTS.indicator);
  let why: string;
  if (yearCells.length) {
    why = `years stand in the header (${yearCells.slice(0, 3).join(', ')}${yearCells.length > 3 ? ', …' : ''}): pass layout: 'wide' and the indicator of its values (indicator: '…')`;
  } else if (o.indicator !== undefined || o.columns?.value !== undefined || o.columns?.indicator !== undefined) {
    return 'long'; // the options describe a long table; its missing columns are reported as such
  } else if (yearColumn >= 0) {
    why =
      `it has a year column (${header[yearColumn]}) and no value column: pass layout: 'panel' if each row holds one unit and year ` +
      `with one column per indicator, or layout: 'long' with columns.value naming the value column`;
  } else if (indicatorColumn >= 0) {
    why = `it has an indicator column (${header[indicatorColumn]}) and no value column: pass layout: 'long' with columns.value naming the value column`;
  } else return 'one-year';
  throw new ProvinceTableError(name, [{ file: name, row: headerRow, column: '', message: `cannot tell the layout from the header (${headerText(header)}): ${why}` }]);
}

/** A header for a message: its cells, each cut to 40 characters, at most 12 of them (a 2,000-column header is one line). */
function headerText(header: readonly string[]): string {
  const cut = header.slice(0, 12).map((h) => (h.length > 40 ? `${h.slice(0, 40)}…` : h));
  return header.length > 12 ? `${cut.join(', ')}, … (${header.length} columns)` : cut.join(', ');
}

const SEP = '\u0001';
/** Factors of a cell's numeric key: (unit id * 256 + year - 1900 (255 for no year)) * 2^21 + indicator id. */
const YEAR_SLOTS = 256;
const INDICATOR_IDS = 2 ** 21;
const UNIT_IDS = 2 ** 24;

/**
 * Read and validate a table of units × years × indicators (CSV or XLSX; see ReadProvinceTableOptions for the four
 * layouts and the three kinds of units). Values are returned as read, in the file's own units: nothing is converted,
 * corrected or dropped. Each row of the result is one value: `{ unit, provinceCode, province?, year, indicator,
 * value, row, extra }`.
 *
 * Usage, on the template data/templates/phc_workforce.csv (comment lines start with `#`; its one data row is a
 * labelled example, not data):
 *
 *     const table = await readProvinceTable(dataPath('templates/phc_workforce.csv'), { layout: 'long', comment: '#',
 *       requireAllProvinces: false }); // one example row: Beijing only
 *     table.rows[0]; // { unit: 'Beijing', provinceCode: '110000', province: '北京市', year: 2021,
 *                    //   indicator: 'phc_health_technical_personnel', value: 0, row: 18, extra: { source, note } }
 *     table.encoding; // 'utf-8'
 *
 * on a paper's Table 1 (one row per province, one column per indicator; data/templates/one_year_provinces.csv,
 * whose physicians are SYNTHETIC):
 *
 *     const t1 = await readProvinceTable(dataPath('templates/one_year_provinces.csv'), { layout: 'one-year',
 *       year: 2018, comment: '#' });
 *     t1.indicators; // ['population', 'area', 'physicians']
 *     t1.rows[0]; // { unit: 'Beijing', provinceCode: '110000', province: 'Beijing', year: 2018,
 *                 //   indicator: 'population', value: 2154, row: 3, extra: {} }
 *     // without year: every row has year: null, yearRange is null (and the result is typed UnitTableResult)
 *
 * and on a table of other units (data/templates/districts_long.csv, SYNTHETIC):
 *
 *     const d = await readProvinceTable(dataPath('templates/districts_long.csv'), { layout: 'panel', comment: '#',
 *       units: 'as-is', textColumns: ['group'] }); // or units: ['Arvenna', 'Belmora', …] to check every name
 *     d.rows[0]; // { unit: 'Arvenna', provinceCode: null, year: 2021, indicator: 'physicians', value: 112,
 *                //   row: 3, extra: { group: 'North' } }
 *     d.units.length; // 12 (in file order); d.indicators: ['physicians', 'population', 'area']
 *
 * A complete user file: `await readProvinceTable('my_phc_workforce.csv', { layout: 'long', comment: '#',
 * years: [2012, 2021] })` (31 provinces x 10 years x each indicator, or it throws).
 *
 * Layout: `options.layout`, or detected from the header — 'long' when it has a value column, 'one-year' when it has
 * no value, year or indicator column and no year among its cells; anything else (a year column without a value
 * column, years in the header) is a ProvinceTableError naming the layout to pass.
 *
 * Completeness (by default, strict): every indicator of the table must have, for every required unit (all 31
 * provinces, or every name of a units list; with 'as-is' or `requireAllProvinces: false`, the units present), every
 * year from the table's first to its last year (or of `years`). A province with no value is reported once per
 * indicator ("missing province Tibet (西藏自治区, 540000) for x: no value in any year 2012-2021"), an interior gap
 * once per year ("missing Beijing (110000) 2013 x: the table's years run 2012-2014"); in one-year and panel tables,
 * once per unit ("missing province Tibet (西藏自治区, 540000): no row") or unit-year. `allowIncomplete: true`
 * returns the missing unit-years in `gaps` (with the rows) instead of failing. A blank or bad cell is not counted as
 * missing: it is reported as itself.
 * @returns the values as typed rows, with the layout read, the kind of units, the units and indicators in file order,
 *   the encoding used, any accepted blank cells, the year range checked and, with `allowIncomplete`, the gaps. With
 *   units 'china-provinces' and an explicit layout that gives every row a year ('long', 'wide', 'panel', or
 *   'one-year' with `year`), the result is typed ProvinceTableResult (`provinceCode: string`, `year: number`).
 * @throws TypeError or RangeError for a bad option (unknown key with the nearest name, a value outside its list, an
 *   option the layout does not use); ProvinceTableError listing every problem of the file (unknown unit with the
 *   nearest name, duplicate unit-year-indicator, missing units or years, non-numeric, negative or blank cells, a
 *   layout the header cannot settle), each with file, row (null for a missing unit-year) and column; also for the
 *   file itself: missing, a directory, larger than `maxBytes`, empty, header without data rows, an unterminated
 *   quote (with its line), UTF-16 under another encoding, a corrupt, renamed or .xls workbook; an XLSX date cell or
 *   a formula without a saved value is a problem of its row and column
 * @noExample it is async (returns a Promise) and the @example runner (test/examples.test.ts) checks only synchronous
 *   expressions; the usages above were run on the templates, and test/data/readProvinceTable.test.ts runs them.
 */
export function readProvinceTable(file: string, options: ProvinceTableOptions): Promise<ProvinceTableResult>;
export function readProvinceTable(file: string, options?: ReadProvinceTableOptions): Promise<UnitTableResult>;
export async function readProvinceTable(file: string, options: ReadProvinceTableOptions = {}): Promise<UnitTableResult> {
  if (typeof file !== 'string' || file === '') throw new TypeError(`${FN}: file must be the path of a CSV or XLSX file`);
  const checked = checkTableOptions(options);
  if (checked.layout) checkLayoutOptions(checked.layout, options, false);
  const name = path.basename(file);
  const isXlsx = /\.xlsx$/i.test(file);
  const bytes = readSource(file, name, options.maxBytes ?? DEFAULT_MAX_BYTES);
  const grid = isXlsx ? await readXlsxGrid(bytes, name, options) : readCsvGrid(bytes, name, options);
  try {
    return readGrid(grid, name, options, checked);
  } catch (e) {
    // an encoding that fits the bytes better is said first when the table fails
    if (e instanceof ProvinceTableError && grid.hint) {
      throw new ProvinceTableError(name, [{ file: name, row: null, column: '', message: grid.hint }, ...e.problems], e.omitted);
    }
    throw e;
  }
}

/** Read the cells of a table (after its file was read and its options checked). */
function readGrid(grid: Grid, name: string, options: ReadProvinceTableOptions, checked: CheckedOptions): UnitTableResult {
  const problems: ProvinceTableProblem[] = [];
  let omitted = 0;
  const missing: ProvinceTableProblem[] = [];
  const ignoredColumns: string[] = [];
  const rows: UnitTableRow[] = [];
  /** Record a problem; past the first 1,000 only count it (a message given as a function is then never built). */
  const problem = (row: number | null, column: string, message: string | (() => string)) => {
    if (problems.length >= KEPT_PROBLEMS) omitted++;
    else problems.push({ file: name, row, column: column.length > 80 ? `${column.slice(0, 80)}…` : column, message: typeof message === 'string' ? message : message() });
  };
  const fail = () => new ProvinceTableError(name, problems, omitted);

  // rows after skipRows, without rows that are entirely empty
  const skip = options.skipRows ?? 0;
  const body = grid.rows.filter((r) => r.row > skip && r.cells.some((c) => c.trim() !== ''));
  if (!body.length) throw new ProvinceTableError(name, [{ file: name, row: null, column: '', message: 'no header row: the table is empty' }]);
  const headerRow = body[0];
  const header = headerRow.cells.map((c) => c.trim());
  const data = body.slice(1);
  if (!data.length) {
    throw new ProvinceTableError(name, [{ file: name, row: headerRow.row, column: '', message: `the table has a header (${headerText(header)}) but no data rows` }]);
  }

  const layout = checked.layout ?? detectLayout(header, options, name, headerRow.row);
  if (!checked.layout) checkLayoutOptions(layout, options, true);
  const detectedNote = checked.layout ? '' : ` (layout '${layout}' was detected from the header; pass layout to choose another)`;
  const units = unitBook(checked.units, options.requireAllProvinces ?? true, problem);
  const oneYear = layout === 'one-year';
  const noYearValue = oneYear ? (options.year ?? null) : undefined;

  /**
   * Validate a value cell; returns the number or undefined (problem or accepted blank recorded). `key` is the
   * cell's unit|year|indicator when all three are known: a cell that is present but blank or bad counts as
   * present for completeness (its own problem, or its entry in `missing`, already reports it).
   */
  // unit|year|indicator of every cell present -> index in `rows` of its first value, or -1 (a blank or bad cell)
  const presentCells = new Map<number, number>();
  // a cell's key is a number (no string built and hashed per cell): ids of units and indicators in order of appearance
  const unitIds = new Map<string, number>();
  const unitNames: string[] = [];
  const indicatorIds = new Map<string, number>();
  const indicatorNames: string[] = [];
  const idOf = (ids: Map<string, number>, names: string[], text: string, limit: number): number => {
    let id = ids.get(text);
    if (id === undefined) {
      id = names.length;
      if (id >= limit) throw new ProvinceTableError(name, [{ file: name, row: null, column: '', message: `more than ${limit.toLocaleString('en-US')} distinct units or indicators: split the table` }]);
      ids.set(text, id);
      names.push(text);
    }
    return id;
  };
  const cellKey = (unit: string | undefined, year: number | null | undefined, indicator: string | undefined): number | undefined =>
    unit !== undefined && year !== undefined && indicator !== undefined
      ? (idOf(unitIds, unitNames, unit, UNIT_IDS) * YEAR_SLOTS + (year === null ? YEAR_SLOTS - 1 : year - 1900)) * INDICATOR_IDS +
        idOf(indicatorIds, indicatorNames, indicator, INDICATOR_IDS)
      : undefined;
  /** Pairs [first, duplicate] of indices in `rows`: the same unit, year and indicator twice (long and wide tables). */
  const duplicates: [number, number][] = [];
  const readValue = (text: string, row: number, column: string, key: number | undefined): number | undefined => {
    if (key !== undefined && !presentCells.has(key)) presentCells.set(key, -1);
    // the common case first: a plain non-negative number (no trimming, no Unicode normalization)
    if (PLAIN_NUMBER.test(text)) return Number(text);
    if (text.startsWith(REFUSED)) {
      problem(row, column, text.slice(1));
      return undefined;
    }
    const t = text.trim();
    if (MISSING_MARKERS.has(t.toLowerCase())) {
      const what = t === '' ? 'blank cell' : `missing-value marker ${quotedName(t)}`;
      if (options.allowMissing) missing.push({ file: name, row, column, message: what });
      else problem(row, column, `${what} (pass { allowMissing: true } to accept and report blanks)`);
      return undefined;
    }
    const v = parseTableNumber(t);
    if (v === undefined) {
      problem(row, column, () => `not a number: ${quotedName(t)}${/^[-+]?\d+(\.\d+)?[eE][-+]?\d+$/.test(t) ? ' (write it without an exponent)' : / /.test(t) && /\d/.test(t) ? ' (a space inside a number is allowed only between groups of three digits: 1 234 567)' : ''}`);
      return undefined;
    }
    if (v < 0 && !options.allowNegative) {
      problem(row, column, `negative value ${t}`);
      return undefined;
    }
    return v;
  };
  const readIndicator = (text: string, row: number, column: string): string | undefined => {
    const t = text.trim();
    if (!t) {
      problem(row, column, 'blank indicator');
      return undefined;
    }
    if (options.indicators && !options.indicators.includes(t)) {
      problem(row, column, `unknown indicator ${quotedName(t)} (expected one of ${options.indicators.join(', ')})`);
      return undefined;
    }
    return t;
  };
  const tooManyFields = (r: { row: number; cells: string[] }) => {
    if (r.cells.length > header.length && r.cells.slice(header.length).some((c) => c.trim() !== '')) {
      problem(r.row, '', `${r.cells.length} fields but the header has ${header.length}`);
    }
  };
  const push = (ref: { unit: string; provinceCode: string | null }, written: string, year: number | null, indicator: string, value: number, row: number, extra: Record<string, string>) => {
    const key = cellKey(ref.unit, year, indicator) as number;
    const prior = presentCells.get(key);
    if (prior !== undefined && prior >= 0) duplicates.push([prior, rows.length]);
    else presentCells.set(key, rows.length);
    if (units.kind === 'china-provinces') rows.push({ unit: ref.unit, provinceCode: ref.provinceCode, province: written, year, indicator, value, row, extra });
    else rows.push({ unit: ref.unit, provinceCode: ref.provinceCode, year, indicator, value, row, extra });
  };
  /** Years of cells, parsed once per distinct text. */
  const yearCache = new Map<string, number | undefined>();
  const yearOf = (text: string): number | undefined => {
    if (yearCache.has(text)) return yearCache.get(text);
    const y = parseYear(text);
    if (yearCache.size < 100_000) yearCache.set(text, y);
    return y;
  };
  /** The cells of the row being read, and cell i of it ('' past its end): one closure, not one per row. */
  let current: string[] = [];
  const cell = (i: number) => (i >= 0 && i < current.length ? current[i] : '');
  /** Indicator columns of a one-year or panel table, in header order. */
  const indicatorColumns: { i: number; name: string }[] = [];

  if (layout === 'long') {
    const unitWanted = options.columns?.unit ?? options.columns?.province;
    const col = {
      unit: findColumn(header, unitWanted, COLUMN_DEFAULTS.longUnit),
      year: findColumn(header, options.columns?.year, COLUMN_DEFAULTS.year),
      indicator: findColumn(header, options.columns?.indicator, COLUMN_DEFAULTS.indicator),
      value: findColumn(header, options.columns?.value, COLUMN_DEFAULTS.value),
    };
    if (col.unit < 0) {
      problem(
        headerRow.row,
        '',
        units.kind === 'china-provinces' && options.columns?.unit === undefined
          ? `no province column (header: ${headerText(header)}); name it with options.columns.province${detectedNote}`
          : `no unit column (header: ${headerText(header)}); name it with options.columns.unit${detectedNote}`,
      );
    }
    for (const key of ['year', 'value'] as const) {
      if (col[key] < 0) problem(headerRow.row, '', `no ${key} column (header: ${headerText(header)}); name it with options.columns.${key}${detectedNote}`);
    }
    if (col.indicator < 0 && !options.indicator) {
      problem(headerRow.row, '', `no indicator column (header: ${headerText(header)}): add one or pass options.indicator`);
    }
    if (problems.length) throw fail();
    const extraColumns = header.map((h, i) => ({ h, i })).filter(({ i }) => !Object.values(col).includes(i));
    const noExtra = extraColumns.every(({ h }) => !h);
    for (const r of data) {
      current = r.cells;
      tooManyFields(r);
      const ref = units.read(cell(col.unit), r.row, header[col.unit]);
      const yearText = cell(col.year).trim();
      const year = yearOf(yearText);
      if (year === undefined) problem(r.row, header[col.year], `not a year: ${quotedName(yearText)}`);
      const indicator = col.indicator >= 0 ? readIndicator(cell(col.indicator), r.row, header[col.indicator]) : options.indicator;
      const value = readValue(cell(col.value), r.row, header[col.value], cellKey(ref?.unit, year, indicator));
      if (ref && year !== undefined && indicator !== undefined && value !== undefined) {
        const extra: Record<string, string> = noExtra ? EMPTY_EXTRA : {};
        if (!noExtra) for (const { h, i } of extraColumns) if (h) extra[h] = cell(i);
        push(ref, cell(col.unit).trim(), year, indicator, value, r.row, extra);
      }
    }
  } else if (layout === 'wide') {
    const indicator = options.indicator;
    if (!indicator) throw new ProvinceTableError(name, [{ file: name, row: null, column: '', message: 'a wide table needs options.indicator (the indicator of its values)' }]);
    if (options.indicators && !options.indicators.includes(indicator)) {
      problem(null, '', `unknown indicator ${JSON.stringify(indicator)} (expected one of ${options.indicators.join(', ')})`);
    }
    const ignore = new Set(options.ignoreColumns ?? []);
    const yearsInRows = options.orientation === 'years-in-rows';
    // header cells after the first: years (units in rows) or units (years in rows)
    const keys: ({ unit: string; provinceCode: string | null } | number | undefined)[] = header.map((h, i) => {
      if (i === 0) return undefined;
      if (h === '' && data.every((r) => (r.cells[i] ?? '').trim() === '')) return undefined; // empty trailing column
      if (ignore.has(h)) {
        ignoredColumns.push(h);
        return undefined;
      }
      if (yearsInRows) return units.read(h, headerRow.row, h || `column ${i + 1}`);
      const y = parseYear(h);
      if (y === undefined) problem(headerRow.row, h || `column ${i + 1}`, `header ${quotedName(h)} is not a year (list it in options.ignoreColumns to skip it)`);
      return y;
    });
    for (const r of data) {
      const label = (r.cells[0] ?? '').trim();
      let rowKey: { unit: string; provinceCode: string | null } | number | undefined;
      if (yearsInRows) {
        rowKey = yearOf(label);
        if (rowKey === undefined) problem(r.row, header[0] || 'column 1', `not a year: ${quotedName(label)}`);
      } else rowKey = units.read(label, r.row, header[0] || 'column 1');
      tooManyFields(r);
      keys.forEach((k, i) => {
        if (k === undefined) return;
        const ref = (yearsInRows ? k : rowKey) as { unit: string; provinceCode: string | null };
        const year = (yearsInRows ? rowKey : k) as number;
        const value = readValue(r.cells[i] ?? '', r.row, header[i], rowKey === undefined ? undefined : cellKey(ref.unit, year, indicator));
        if (rowKey === undefined || value === undefined) return;
        push(ref, yearsInRows ? header[i] : label, year, indicator, value, r.row, EMPTY_EXTRA);
      });
    }
  } else {
    // one-year and panel: one row per unit (and year), one column per indicator
    const unitWanted = options.columns?.unit ?? options.columns?.province;
    let unitColumn = -1;
    if (unitWanted !== undefined) {
      unitColumn = findColumn(header, unitWanted, []);
      if (unitColumn < 0) problem(headerRow.row, '', `no column ${JSON.stringify(unitWanted)} (header: ${headerText(header)}) for the units`);
    } else {
      const candidates = header.map((h, i) => ({ h, i })).filter(({ h }) => COLUMN_DEFAULTS.rowUnit.includes(h.toLowerCase()));
      if (candidates.length === 1) unitColumn = candidates[0].i;
      else if (candidates.length > 1) {
        problem(headerRow.row, '', `several columns could hold the units (${candidates.map((c) => c.h).join(', ')}): name one with options.columns.unit and list the others in textColumns or ignoreColumns`);
      } else {
        problem(headerRow.row, '', `no unit column (header: ${headerText(header)}): name it with options.columns.unit${detectedNote}`);
      }
    }
    const yearColumn = findColumn(header, options.columns?.year, COLUMN_DEFAULTS.year);
    if (oneYear && yearColumn >= 0) {
      problem(headerRow.row, header[yearColumn], `a one-year table has no year column: pass layout: 'panel' for one row per unit and year (or list ${JSON.stringify(header[yearColumn])} in ignoreColumns)`);
    }
    if (!oneYear && yearColumn < 0) {
      problem(headerRow.row, '', `no year column (header: ${headerText(header)}); name it with options.columns.year, or pass layout: 'one-year' for a table of one year`);
    }
    const text = new Set(options.textColumns ?? []);
    const ignore = new Set(options.ignoreColumns ?? []);
    for (const [list, names] of [['textColumns', text], ['ignoreColumns', ignore]] as const) {
      for (const n of names) if (!header.includes(n)) problem(headerRow.row, '', `${list} names ${JSON.stringify(n)}, which the header lacks (header: ${headerText(header)})`);
    }
    const textColumns: { i: number; name: string }[] = [];
    header.forEach((h, i) => {
      if (i === unitColumn || (!oneYear && i === yearColumn)) return;
      if (ignore.has(h)) {
        ignoredColumns.push(h);
        return;
      }
      if (h === '') {
        if (data.every((r) => (r.cells[i] ?? '').trim() === '')) return; // empty trailing column
        problem(headerRow.row, `column ${i + 1}`, 'a column with values has no header: name its indicator');
        return;
      }
      if (text.has(h)) {
        textColumns.push({ i, name: h });
        return;
      }
      if (oneYear && i === yearColumn) return; // reported above
      if (parseYear(h) !== undefined) {
        problem(headerRow.row, h, `header ${quotedName(h)} is a year: a table with years in its columns is layout 'wide'`);
        return;
      }
      if (indicatorColumns.some((c) => c.name === h)) {
        problem(headerRow.row, h, `two columns are named ${quotedName(h)}`);
        return;
      }
      if (options.indicators && !options.indicators.includes(h)) {
        problem(headerRow.row, h, `unknown indicator ${quotedName(h)} (expected one of ${options.indicators.join(', ')}; list other columns in textColumns or ignoreColumns)`);
        return;
      }
      indicatorColumns.push({ i, name: h });
    });
    // a column of text in every row (a group, a note) is one problem, not one per cell
    for (const c of [...indicatorColumns]) {
      const texts = data.map((r) => (r.cells[c.i] ?? '').trim()).filter((t) => !MISSING_MARKERS.has(t.toLowerCase()));
      if (texts.length && texts.every((t) => parseTableNumber(t) === undefined)) {
        problem(headerRow.row, c.name, `column ${quotedName(c.name)} holds text, not numbers (e.g. ${quotedName(texts[0])}): list it in textColumns to keep it in each row's extra, or in ignoreColumns`);
        indicatorColumns.splice(indicatorColumns.indexOf(c), 1);
      }
    }
    if (!indicatorColumns.length && !problems.length) problem(headerRow.row, '', `no indicator columns (header: ${headerText(header)})`);
    if (problems.length) throw fail();
    const unitHeader = header[unitColumn];
    const seenRows = new Map<string, number>();
    for (const r of data) {
      current = r.cells;
      tooManyFields(r);
      const ref = units.read(cell(unitColumn), r.row, unitHeader);
      let year: number | null | undefined = noYearValue;
      if (!oneYear) {
        const yearText = cell(yearColumn).trim();
        year = yearOf(yearText);
        if (year === undefined) problem(r.row, header[yearColumn], `not a year: ${quotedName(yearText)}`);
      }
      if (ref && year !== undefined) {
        const key = `${ref.unit}${SEP}${year ?? ''}`;
        const prior = seenRows.get(key);
        if (prior !== undefined) {
          const which = units.kind === 'china-provinces' ? `${cell(unitColumn).trim()} (${ref.provinceCode})` : quotedName(ref.unit);
          // reported once per row (not once per indicator), naming the unit column; its values are not read
          problem(r.row, unitHeader, `duplicate ${units.noun} ${which}${year === null ? '' : ` ${year}`}: also on row ${prior}`);
          continue;
        }
        seenRows.set(key, r.row);
      }
      const extra: Record<string, string> = {};
      for (const t of textColumns) extra[t.name] = cell(t.i).trim();
      for (const c of indicatorColumns) {
        const value = readValue(cell(c.i), r.row, c.name, ref ? cellKey(ref.unit, year, c.name) : undefined);
        if (ref && year !== undefined && value !== undefined) push(ref, cell(unitColumn).trim(), year, c.name, value, r.row, textColumns.length ? { ...extra } : EMPTY_EXTRA);
      }
    }
  }

  // duplicates of long and wide tables (one-year and panel rows are checked above, once per row)
  for (const [first, again] of duplicates) {
    const r = rows[again];
    const which = units.kind === 'china-provinces' ? `${r.province} (${r.provinceCode})` : r.unit;
    problem(r.row, '', `duplicate ${which} ${r.year} ${r.indicator}: also on row ${rows[first].row}`);
  }

  // completeness: every required unit x year x indicator present. A cell that is present but blank or bad
  // (reported above, or accepted in `missing`) is not reported again as missing.
  // one pass over the cells present (no array of 1.8 million records, no Math.min(...cells), which overflows the
  // stack past about 125,000 cells): the units and indicators in the order they first appear, the first and last year
  const unitsPresent = new Set<string>();
  const indicatorsPresent = new Set<string>();
  let firstYear = Infinity;
  let lastYear = -Infinity;
  for (const k of presentCells.keys()) {
    const indicatorId = k % INDICATOR_IDS;
    const rest = (k - indicatorId) / INDICATOR_IDS;
    const yearSlot = rest % YEAR_SLOTS;
    unitsPresent.add(unitNames[(rest - yearSlot) / YEAR_SLOTS]);
    indicatorsPresent.add(indicatorNames[indicatorId]);
    if (yearSlot !== YEAR_SLOTS - 1) {
      const y = 1900 + yearSlot;
      if (y < firstYear) firstYear = y;
      if (y > lastYear) lastYear = y;
    }
  }
  // indicators in header order (one-year, panel) or in the order they first appear
  const indicators = layout === 'one-year' || layout === 'panel' ? indicatorColumns.map((c) => c.name) : [...indicatorsPresent];
  if (!indicators.length && options.indicator) indicators.push(options.indicator);
  let yearRange: [number, number] | null = null;
  let years: (number | null)[] = [];
  if (oneYear) {
    years = [noYearValue ?? null];
    if (noYearValue !== null && noYearValue !== undefined) yearRange = [noYearValue, noYearValue];
  } else {
    if (checked.years) {
      const [first, last] = checked.years;
      for (const r of rows) {
        if ((r.year as number) < first || (r.year as number) > last) problem(r.row, '', `year ${r.year} is outside the required years ${first}-${last}`);
      }
      yearRange = [first, last];
    } else if (presentCells.size) {
      yearRange = [firstYear, lastYear];
    }
    if (yearRange) years = Array.from({ length: yearRange[1] - yearRange[0] + 1 }, (_, i) => (yearRange as [number, number])[0] + i);
  }
  const present = [...unitsPresent].sort((a, b) => units.order(a) - units.order(b));
  const gaps: UnitTableGap[] = [];
  // three names or more, none of them a province: a table of other units read with the default units
  const wrongUnits = units.kind === 'china-provinces' && units.counts.known === 0 && units.counts.unknown.size >= 3;
  if (years.length && !wrongUnits) {
    const required = units.required(present);
    const rangeText = options.years ? `years ${years[0]}-${years[years.length - 1]} are required` : `the table's years run ${years[0]}-${years[years.length - 1]}`;
    const span = `${years[0]}-${years[years.length - 1]}`;
    const absentByUnit = new Map<string, { indicator: string; years: (number | null)[] }[]>();
    for (const indicator of [...indicators].sort()) {
      for (const unit of required) {
        const absent = years.filter((y) => !presentCells.has(cellKey(unit, y, indicator) as number));
        if (!absent.length) continue;
        const kind: UnitTableGap['kind'] = absent.length === years.length ? (units.kind === 'china-provinces' ? 'province' : 'unit') : 'year';
        if (options.allowIncomplete) {
          const p = units.province(unit);
          for (const year of absent) gaps.push(p ? { unit, provinceCode: p.code, province: p.nameEn, indicator, year, kind } : { unit, provinceCode: null, indicator, year, kind });
        } else if (layout === 'one-year' || layout === 'panel') {
          absentByUnit.set(unit, [...(absentByUnit.get(unit) ?? []), { indicator, years: absent }]);
        } else if (kind !== 'year' && years.length > 1) {
          problem(null, '', `missing ${units.long(unit)} for ${indicator}: no value in any year ${span}`);
        } else {
          for (const y of absent) problem(null, '', `missing ${units.short(unit)} ${y} ${indicator}: ${rangeText}`);
        }
      }
    }
    // one-year and panel tables: a row holds every indicator, so a missing unit or unit-year is one problem
    for (const unit of required) {
      const absent = absentByUnit.get(unit);
      if (!absent) continue;
      const everyIndicator = absent.length === indicators.length;
      const yearsAbsent = absent[0].years;
      const sameYears = absent.every((a) => a.years.join() === yearsAbsent.join());
      if (everyIndicator && sameYears && yearsAbsent.length === years.length) {
        problem(null, '', `missing ${units.long(unit)}: no row${oneYear ? '' : ` in any year ${span}`}`);
      } else if (everyIndicator && sameYears && !oneYear) {
        for (const y of yearsAbsent) problem(null, '', `missing ${units.short(unit)} ${y}: no row (${rangeText})`);
      } else {
        for (const a of absent) for (const y of a.years) problem(null, '', `missing ${units.short(unit)}${y === null ? '' : ` ${y}`} ${a.indicator}`);
      }
    }
  }

  if (wrongUnits) {
    problems.unshift({ file: name, row: headerRow.row, column: '', message: "no name in the table is a province of mainland China: for other units pass options.units (a list of names, or 'as-is')" });
  }
  if (problems.length) throw fail();
  return {
    file: name,
    format: grid.format,
    encoding: grid.encoding,
    layout,
    unitKind: units.kind,
    units: [...unitsPresent],
    indicators,
    rows,
    missing,
    ignoredColumns,
    gaps,
    yearRange,
  };
}
