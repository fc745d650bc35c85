/**
 * Side-by-side reproduction records: each published number next to Equilab's, with the difference, the tolerance
 * that the printed precision allows, and a status. The study notebooks write them to `out/reproduction/<study>.csv`
 * (columns: table, row, column, published, reproduced, difference, tolerance, status, note) and
 * `npm run reproduce` prints one summary line per study.
 * Bookkeeping helpers: they implement no published method, so they have no reference or DOI to cite.
 */
import * as path from 'path';
import { formatCsv, writeTextFile } from '../data/csv';
import { checkOptions } from '../measures/kernel';

/** The keys of a CellComparison (a misspelt one, e.g. `tolerence`, is refused with the nearest name). */
const CELL_COMPARISON_KEYS = ['table', 'row', 'column', 'published', 'reproduced', 'tolerance', 'explanation', 'missingInput', 'note'] as const;

/**
 * - `reproduced`: |reproduced - published| <= tolerance;
 * - `explained`: outside the tolerance, and the note says why (with evidence);
 * - `unexplained`: outside the tolerance and no explanation found (the notebook says what was tried);
 * - `not-reproducible`: the public data cannot produce this cell; the note names the missing input.
 */
export type ReproductionStatus = 'reproduced' | 'explained' | 'unexplained' | 'not-reproducible';

/** One published cell compared with its reproduction. */
export interface ReproductionRow {
  table: string;
  row: string;
  column: string;
  published: number;
  reproduced: number | null;
  difference: number | null;
  tolerance: number | null;
  status: ReproductionStatus;
  note: string;
}

/** What `compareCell` needs to classify one published cell. */
export interface CellComparison {
  table: string;
  row: string;
  column: string;
  published: number;
  /** Equilab's value; `null` when the public data cannot produce it (then `missingInput` is required). */
  reproduced: number | null;
  /** Largest difference that still counts as reproduced (e.g. half a unit of the last printed digit). */
  tolerance?: number;
  /** Why the numbers differ beyond the tolerance, with evidence: makes the status `explained`. */
  explanation?: string;
  /** For `reproduced: null`: the input that is missing. */
  missingInput?: string;
  /** Any other remark (kept in the note). */
  note?: string;
}

/**
 * Half a unit of the last printed digit: the rounding a printed value carries. `'0.3123'` → 5e-5, `'18.19'` → 0.005,
 * `'109,794'` → 0.5.
 * @example
 * roundingTolerance('0.3123'); // => 0.00005
 */
export function roundingTolerance(printed: string): number {
  const text = printed.trim().replace(/[,\s%]/g, '');
  if (!/^[-+]?\d*\.?\d+$/.test(text)) throw new RangeError(`roundingTolerance: not a printed number: ${JSON.stringify(printed)}`);
  const dot = text.indexOf('.');
  const decimals = dot < 0 ? 0 : text.length - dot - 1;
  return 0.5 * Math.pow(10, -decimals);
}

/**
 * Classify one published cell against its reproduction.
 * @example
 * compareCell({ table: 'Table 6', row: 'Population', column: '2012', published: 0.3123, reproduced: 0.31234, tolerance: 0.0005 }).status; // => "reproduced"
 */
export function compareCell(input: CellComparison): ReproductionRow {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) throw new TypeError('compareCell: input must be an object { table, row, column, published, reproduced, tolerance, … }');
  checkOptions('compareCell', input, CELL_COMPARISON_KEYS);
  const { table, row, column, published, reproduced } = input;
  for (const key of ['table', 'row', 'column'] as const) {
    if (typeof input[key] !== 'string') throw new TypeError(`compareCell: ${key} must be text (got ${typeof input[key]})`);
  }
  if (typeof published !== 'number') throw new TypeError(`compareCell: published value of ${table} ${row} ${column} must be a number (got ${typeof published})`);
  if (reproduced !== null && typeof reproduced !== 'number') {
    throw new TypeError(`compareCell: reproduced value of ${table} ${row} ${column} must be a number or null (got ${typeof reproduced})`);
  }
  for (const key of ['tolerance'] as const) {
    if (input[key] !== undefined && typeof input[key] !== 'number') throw new TypeError(`compareCell: ${key} of ${table} ${row} ${column} must be a number (got ${typeof input[key]})`);
  }
  if (!Number.isFinite(published)) throw new RangeError(`compareCell: published value of ${table} ${row} ${column} is not a number`);
  const notes = input.note ? [input.note] : [];
  if (reproduced === null) {
    if (!input.missingInput) {
      throw new RangeError(`compareCell: ${table} ${row} ${column} has no reproduced value: name the missing input`);
    }
    return { table, row, column, published, reproduced: null, difference: null, tolerance: null, status: 'not-reproducible', note: [`missing input: ${input.missingInput}`, ...notes].join('; ') };
  }
  if (!Number.isFinite(reproduced)) throw new RangeError(`compareCell: reproduced value of ${table} ${row} ${column} is not finite`);
  if (input.tolerance === undefined || !(input.tolerance >= 0)) {
    throw new RangeError(`compareCell: ${table} ${row} ${column} needs a non-negative tolerance`);
  }
  const difference = reproduced - published;
  // A hair of floating-point slack so that a difference of exactly half a printed unit counts as rounding.
  const within = Math.abs(difference) <= input.tolerance * (1 + 1e-9) + 1e-15;
  let status: ReproductionStatus;
  if (within) status = 'reproduced';
  else if (input.explanation) status = 'explained';
  else status = 'unexplained';
  if (!within && input.explanation) notes.unshift(input.explanation);
  return { table, row, column, published, reproduced, difference, tolerance: input.tolerance, status, note: notes.join('; ') };
}

/**
 * Counts by status.
 * @example
 * summarizeReproduction([compareCell({ table: 'T', row: 'r', column: 'c', published: 1, reproduced: 1.2, tolerance: 0.05 })]).unexplained; // => 1
 */
export function summarizeReproduction(rows: ReadonlyArray<ReproductionRow>): Record<ReproductionStatus, number> & { total: number } {
  const counts = { reproduced: 0, explained: 0, unexplained: 0, 'not-reproducible': 0, total: rows.length };
  for (const r of rows) counts[r.status]++;
  return counts;
}

/** The columns of a reproduction record, in file order. */
const REPRODUCTION_COLUMNS: ReadonlyArray<keyof ReproductionRow> = ['table', 'row', 'column', 'published', 'reproduced', 'difference', 'tolerance', 'status', 'note'];

/**
 * The rows as CSV text (RFC 4180, lib/data's formatCsv: numbers to 12 significant digits), with the header line.
 * @example
 * reproductionCsv([compareCell({ table: 'T', row: 'r', column: 'c', published: 1, reproduced: 1, tolerance: 0 })]);
 * // => "table,row,column,published,reproduced,difference,tolerance,status,note\nT,r,c,1,1,0,0,reproduced,\n"
 */
export function reproductionCsv(rows: ReadonlyArray<ReproductionRow>): string {
  return formatCsv(REPRODUCTION_COLUMNS, rows);
}

/**
 * The one-line summary `npm run reproduce` prints for a study:
 * `fu2023: N reproduced, K explained, U unexplained of M` (M counts the reproducible cells), plus the cells that
 * public data cannot reproduce.
 * @example
 * reproductionSummaryLine('toy', [compareCell({ table: 'T', row: 'r', column: 'c', published: 1, reproduced: 1, tolerance: 0 })]); // => "toy: 1 reproduced, 0 explained, 0 unexplained of 1"
 */
export function reproductionSummaryLine(study: string, rows: ReadonlyArray<ReproductionRow>): string {
  const c = summarizeReproduction(rows);
  const reproducible = c.total - c['not-reproducible'];
  let line = `${study}: ${c.reproduced} reproduced, ${c.explained} explained, ${c.unexplained} unexplained of ${reproducible}`;
  if (c['not-reproducible'] > 0) line += ` (and ${c['not-reproducible']} cells not reproducible from public data)`;
  return line;
}

/**
 * Write `out/reproduction/<study>.csv` (relative to the project root, or to `$EQUILAB_OUT_DIR`), and beside it `<study>.summary.txt` with
 * the summary line that `npm run reproduce` prints; return the CSV's path.
 * Refuses a file in which an `explained` or `not-reproducible` row has no note.
 * @noExample it writes files under out/ (the study notebooks call it; test/reproduction.test.ts covers it)
 */
export function writeReproduction(study: string, rows: ReadonlyArray<ReproductionRow>, directory?: string): string {
  // the study names the file: a plain name, so that no '../' or '/' writes outside the reproduction folder
  if (typeof study !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(study)) {
    throw new RangeError(`writeReproduction: study must be a plain name of letters, digits, _ and - such as 'fu2023' (got ${JSON.stringify(String(study).slice(0, 80))})`);
  }
  if (!Array.isArray(rows)) throw new TypeError('writeReproduction: rows must be an array of compareCell results');
  for (const r of rows) {
    if ((r.status === 'explained' || r.status === 'not-reproducible') && !r.note) {
      throw new RangeError(`writeReproduction: ${r.table} ${r.row} ${r.column} is ${r.status} without a note`);
    }
  }
  // `npm run reproduce -- --output-dir DIR` runs the kernel with EQUILAB_OUT_DIR=DIR (the tests use it).
  const dir = directory ?? path.join(process.env.EQUILAB_OUT_DIR ?? path.resolve(__dirname, '..', '..', 'out'), 'reproduction');
  // files are written by lib/data, the one layer that touches files
  const file = writeTextFile(path.join(dir, `${study}.csv`), reproductionCsv(rows));
  writeTextFile(path.join(dir, `${study}.summary.txt`), reproductionSummaryLine(study, rows) + '\n');
  return file;
}
