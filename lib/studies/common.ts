/**
 * Generic pieces shared by the study modules (lib/studies/fu2023, lib/studies/li2024): finding one published cell,
 * reading the number as printed, the printed-precision test, and the tolerance given by a seeded rounding band.
 * Bookkeeping helpers: they implement no published method, so they have no reference or DOI to cite.
 */
import { parseTableNumber } from '../data/readProvinceTable';
import type { PublishedCell } from '../data/published';
import { roundingTolerance } from './reproduction';
import type { ReproductionRow } from './reproduction';

/**
 * The number as the paper printed it, before any erratum: `valueText` with thousands separators and a trailing `%`
 * removed ('109,794' → 109794, '36.24%' → 36.24). Throws a RangeError naming the cell when the text is no number.
 * @example
 * printedValue({ table: 'table4', rowLabel: 'Total', columnLabel: '2015', valueText: '36.24%' }); // => 36.24
 */
export function printedValue(cell: Pick<PublishedCell, 'valueText' | 'table' | 'rowLabel' | 'columnLabel'>): number {
  const value = parseTableNumber(cell.valueText.replace('%', ''));
  if (value === undefined) {
    throw new RangeError(`printedValue: ${cell.table} ${cell.rowLabel} / ${cell.columnLabel} is not a number: ${JSON.stringify(cell.valueText)}`);
  }
  return value;
}

/**
 * The one published cell of `table` whose fields equal those of `where`; throws a RangeError when none or several
 * match (so a wrong key never silently picks a neighbour).
 * @example
 * const cells = [
 *   { table: 'table6', basis: 'population', year: 2012, valueText: '0.3123' },
 *   { table: 'table6', basis: 'population', year: 2013, valueText: '0.2865' },
 * ];
 * findPublishedCell(cells, 'table6', { year: 2013 }).valueText; // => '0.2865'
 * findPublishedCell(cells, 'table6', { year: 2020 }); // => throws RangeError: 0 cells of table6
 */
export function findPublishedCell<C extends { table: string }>(cells: ReadonlyArray<C>, table: string, where: Partial<C>): C {
  const entries = Object.entries(where) as [keyof C, unknown][];
  const hits = cells.filter((c) => c.table === table && entries.every(([key, v]) => c[key] === v));
  if (hits.length !== 1) {
    throw new RangeError(`findPublishedCell: ${hits.length} cells of ${table} match ${JSON.stringify(where)}`);
  }
  return hits[0];
}

/**
 * Whether `value` rounds to the printed text: |value - printed| <= half a unit of its last digit (with a hair of
 * floating-point slack, 1e-9 relative, so that exactly half a unit counts).
 * @example
 * roundsToPrinted(1.2668, '1.27'); // => true
 * roundsToPrinted(1.2618, '1.27'); // => false
 */
export function roundsToPrinted(value: number, printedText: string): boolean {
  const printed = parseTableNumber(printedText.replace('%', ''));
  if (printed === undefined) throw new RangeError(`roundsToPrinted: not a printed number: ${JSON.stringify(printedText)}`);
  return Math.abs(value - printed) <= roundingTolerance(printedText) * (1 + 1e-9);
}

/** The spread of a statistic under a perturbation of its inputs: central quantiles and standard deviation. */
export interface RoundingBand {
  /** Lower quantile of the draws (the `(1 - level) / 2` quantile). */
  low: number;
  /** Upper quantile of the draws (the `(1 + level) / 2` quantile). */
  high: number;
  /** Standard deviation of the draws (divisor n - 1). */
  sd: number;
}

/**
 * The central `level` band of a set of draws: with the draws sorted, `low` = x[floor(q (n - 1))] for
 * q = (1 - level) / 2 and `high` = x[ceil((1 - q)(n - 1))] (the outer order statistics, so the band never
 * shrinks by interpolation), and the standard deviation (n - 1). At least two finite draws; level in (0, 1).
 * @example
 * quantileBand([1, 2, 3, 4, 5], 0.5); // => { low: 2, high: 4, sd: 1.5811388 }
 * quantileBand([1], 0.99); // => throws RangeError: at least two
 */
export function quantileBand(draws: ArrayLike<number>, level = 0.99): RoundingBand {
  if (draws.length < 2) throw new RangeError(`quantileBand: needs at least two draws (got ${draws.length})`);
  if (!(level > 0 && level < 1)) throw new RangeError(`quantileBand: level must lie in (0, 1) (got ${level})`);
  const x = Array.from(draws);
  x.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new RangeError(`quantileBand: draw ${i + 1} is not finite (${v})`);
  });
  x.sort((a, b) => a - b);
  const q = (1 - level) / 2;
  const mean = x.reduce((a, b) => a + b, 0) / x.length;
  const sd = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / (x.length - 1));
  // 1e-9 guards the index against the binary representation of q ((1 - 0.8) / 2 is 0.09999999999999998).
  const lowIndex = Math.floor(q * (x.length - 1) + 1e-9);
  const highIndex = Math.ceil((1 - q) * (x.length - 1) - 1e-9);
  return { low: x[lowIndex], high: x[highIndex], sd };
}

/**
 * The tolerance of a published cell given the rounding band of our value: the larger distance from our value to
 * either end of the band, plus half a unit of the paper's printed last digit (its own rounding).
 * @example
 * bandTolerance(0.3125, { low: 0.3118, high: 0.3131, sd: 0.0002 }, '0.3123'); // => 0.00075
 */
export function bandTolerance(value: number, band: RoundingBand, printedText: string): number {
  if (!(band.low <= band.high)) throw new RangeError(`bandTolerance: band low ${band.low} is above high ${band.high}`);
  return Math.max(band.high - value, value - band.low) + roundingTolerance(printedText);
}

/**
 * The median (mean of the two middle values for an even count). At least one value, none NaN.
 * @example
 * median([3, 1, 2]); // => 2
 * median([4, 1, 3, 2]); // => 2.5
 */
export function median(values: ArrayLike<number>): number {
  if (values.length === 0) throw new RangeError('median: needs at least one value');
  const s = Array.from(values);
  if (s.some((v) => Number.isNaN(v))) throw new RangeError('median: a value is NaN');
  s.sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** A reproduction row for reading: the published and reproduced values side by side, without the note. */
export type SideBySideRow = Omit<ReproductionRow, 'note'>;

/**
 * The rows of one table (optionally one row label or column), without their notes: the side-by-side table a
 * walk-through shows after each measure (the notes stay in the CSV and the audit notebook).
 * @example
 * const rows = [compareCell({ table: 'Table 6', row: 'Population', column: '2012', published: 0.3123, reproduced: 0.31225, tolerance: 0.0007 })];
 * sideBySide(rows, 'Table 6'); // => [{ row: 'Population', column: '2012', status: 'reproduced' }]
 * sideBySide(rows, 'Table 7'); // => throws RangeError: no rows of Table 7
 */
export function sideBySide(rows: ReadonlyArray<ReproductionRow>, table: string, where: { row?: string | RegExp; column?: string | RegExp } = {}): SideBySideRow[] {
  const matches = (value: string, want?: string | RegExp) => want === undefined || (typeof want === 'string' ? value === want : want.test(value));
  const hits = rows.filter((r) => r.table === table && matches(r.row, where.row) && matches(r.column, where.column));
  if (hits.length === 0) throw new RangeError(`sideBySide: no rows of ${table}${where.row || where.column ? ' matching ' + String(where.row ?? '') + ' ' + String(where.column ?? '') : ''}`);
  return hits.map(({ note, ...rest }) => rest);
}

/** Counts of one table's rows by status (a type alias: a plain record for showTable). */
export type TableStatusCount = {
  table: string;
  cells: number;
  reproduced: number;
  explained: number;
  unexplained: number;
  'not-reproducible': number;
};

/**
 * Counts by table and status, tables in the order of their number ('Table 2' before 'Table 10').
 * @example
 * const rows = [compareCell({ table: 'Table 10', row: 'r', column: 'c', published: 1, reproduced: 1, tolerance: 0 }),
 *   compareCell({ table: 'Table 2', row: 'r', column: 'c', published: 1, reproduced: 2, tolerance: 0 })];
 * reproductionByTable(rows).map((r) => r.table + ': ' + r.reproduced + '/' + r.cells); // => ['Table 2: 0/1', 'Table 10: 1/1']
 */
export function reproductionByTable(rows: ReadonlyArray<ReproductionRow>): TableStatusCount[] {
  const tables = Array.from(new Set(rows.map((r) => r.table)));
  const number = (t: string) => Number(/\d+/.exec(t)?.[0] ?? Infinity);
  tables.sort((a, b) => number(a) - number(b) || a.localeCompare(b));
  return tables.map((table) => {
    const own = rows.filter((r) => r.table === table);
    const count = (s: ReproductionRow['status']) => own.filter((r) => r.status === s).length;
    return { table, cells: own.length, reproduced: count('reproduced'), explained: count('explained'), unexplained: count('unexplained'), 'not-reproducible': count('not-reproducible') };
  });
}

/** A reproduction row as a plain record (a type alias, so that it is assignable to `Record<string, unknown>`). */
export type ReproductionRecord = Pick<ReproductionRow, keyof ReproductionRow>;

/**
 * The rows as plain records with every column, notes included: for tables that show the evidence (`showTable` takes
 * plain records; `ReproductionRow` is an interface). Copies, so the rows are not shared.
 * @example
 * const rows = [compareCell({ table: 'T', row: 'r', column: 'c', published: 1, reproduced: 1.5, tolerance: 0.1, explanation: 'typo' })];
 * reproductionRecords(rows)[0]; // => { status: 'explained', note: 'typo' }
 */
export function reproductionRecords(rows: ReadonlyArray<ReproductionRow>): ReproductionRecord[] {
  return rows.map((r) => ({ ...r }));
}
