/**
 * The project's one CSV reader and writer (RFC 4180: quoted fields, doubled quotes, CRLF or LF), shared by lib/
 * (loaders, readProvinceTable, the reproduction records of lib/studies) and the data scripts (scripts/build-data.mjs,
 * scripts/check-transcriptions.mjs, scripts/transcribe-seeds.mjs, run through tsx). Internal: not exported from
 * lib/index.ts. Bookkeeping helpers: they implement no published method, so they have no reference or DOI to cite.
 */
import { mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';

/** One parsed record with the 1-based line number on which it starts. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * A CSV syntax error (an unterminated quoted field), with the 1-based line on which the bad field starts. The readers
 * catch it and report it with the file's name (readProvinceTable: a ProvinceTableError naming file and line).
 */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** How many line feeds `s` holds. */
function countLineFeeds(s: string): number {
  let count = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) count++;
  return count;
}

/**
 * Parse CSV text into records. A leading BOM is removed. A quote opens a quoted field only at the start of a field
 * (elsewhere it is an ordinary character); inside one, a doubled quote is a quote and line breaks are kept.
 * Linear in the length of the text: unquoted fields are sliced, never built character by character (a 50 MB file
 * parses in a few seconds).
 * @param text CSV text
 * @param delimiter field separator, one character (default ',')
 * @param comment lines starting with this string (outside quotes, at the start of a record) are skipped
 * @throws CsvSyntaxError for a quoted field that never closes (with the line on which it opens); TypeError for a
 *   delimiter that is not one character
 */
export function parseCsvRecords(text: string, delimiter = ',', comment?: string): CsvRecord[] {
  if (typeof delimiter !== 'string' || delimiter.length !== 1) throw new TypeError(`parseCsvRecords: delimiter must be one character (got ${JSON.stringify(delimiter)})`);
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const n = s.length;
  const d = delimiter.charCodeAt(0);
  const out: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  /** Index of the end of the unquoted run starting at `k`: the next delimiter, line feed, carriage return or end. */
  const runEnd = (k: number): number => {
    while (k < n) {
      const c = s.charCodeAt(k);
      if (c === d || c === 10 || c === 13) break;
      k++;
    }
    return k;
  };
  // fields of the current record; each record keeps an exact-size copy (an array grown by push keeps room for 17
  // fields: 1.8 million records of 4 fields would hold 4 times the memory they need)
  const fields: string[] = [];
  let count = 0;
  const interned = new Map<string, string>();
  const done = (start: number) => {
    out.push({ line: start, cells: fields.slice(0, count) });
    count = 0;
  };
  while (i < n) {
    if (comment && s.startsWith(comment, i)) {
      const nl = s.indexOf('\n', i);
      if (nl < 0) return out;
      line++;
      i = nl + 1;
      continue;
    }
    const start = line;
    for (;;) {
      let field: string;
      if (s.charCodeAt(i) === 34) {
        const opened = line;
        let parts = '';
        let j = i + 1;
        for (;;) {
          const q = s.indexOf('"', j);
          if (q < 0) {
            throw new CsvSyntaxError(`unterminated quoted field starting on line ${opened}: a quote opens a field that never closes`, opened);
          }
          const chunk = s.slice(j, q);
          parts += chunk;
          line += countLineFeeds(chunk);
          if (s.charCodeAt(q + 1) === 34) {
            parts += '"';
            j = q + 2;
          } else {
            j = q + 1;
            break;
          }
        }
        const k = runEnd(j);
        field = k > j ? parts + s.slice(j, k) : parts;
        i = k;
      } else {
        const k = runEnd(i);
        field = s.slice(i, k);
        i = k;
      }
      // short fields repeat (names, years, indicators): one copy of each kept, the rest left to the collector
      if (field.length <= 32) {
        const known = interned.get(field);
        if (known !== undefined) field = known;
        else if (interned.size < 100_000) interned.set(field, field);
      }
      fields[count++] = field;
      if (i >= n) {
        done(start);
        return out;
      }
      if (s.charCodeAt(i) === d) {
        i++;
        if (i >= n) {
          fields[count++] = '';
          done(start);
          return out;
        }
        continue;
      }
      if (s.charCodeAt(i) === 13 && s.charCodeAt(i + 1) === 10) i++;
      i++;
      line++;
      done(start);
      break;
    }
  }
  return out;
}

/** Parse a CSV file with a header row into objects keyed by column name (values are strings). */
export function parseCsvObjects(text: string, file: string): Record<string, string>[] {
  const records = parseCsvRecords(text).filter((r) => !(r.cells.length === 1 && r.cells[0] === ''));
  if (!records.length) throw new Error(`${file}: empty file`);
  const header = records[0].cells;
  return records.slice(1).map((r) => {
    if (r.cells.length !== header.length) {
      throw new Error(`${file}: line ${r.line} has ${r.cells.length} fields, the header has ${header.length}`);
    }
    const o: Record<string, string> = {};
    header.forEach((h, i) => (o[h] = r.cells[i]));
    return o;
  });
}

/** The first characters with which a spreadsheet starts a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Text that is a plain number (a spreadsheet reads it as that number, never as a formula). */
const NUMBER_TEXT = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** A value `csvField` can write: text, a number, a boolean, or nothing (null or undefined: an empty field). */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * One CSV field (RFC 4180): quoted, with inner quotes doubled, when it holds a comma, a quote or a line break;
 * otherwise as it is. Numbers are written with at most 12 significant digits (`0.1 + 0.2` gives `0.3`, not
 * `0.30000000000000004`), which is more than any printed table has; null and undefined give an empty field.
 * Spreadsheet formula injection (CWE-1236) is neutralised: a text field that starts with `=`, `+`, `-`, `@`, a tab or
 * a carriage return gets a leading `'`, so a spreadsheet shows it as text and never runs it as a formula
 * (`'=HYPERLINK(…)'` is written `'=HYPERLINK(…)`). Numbers stay numbers: a number, or text that is a plain number
 * such as `'-0.5'` or `'+3'` or `'-1e-7'`, is written as it is.
 * @throws TypeError for another kind of value (object, array, function); RangeError for NaN or an infinite number
 *   (CSV has no such value: write null for a missing one)
 * @example
 * csvField('missing input: physicians, "by province"'); // => '"missing input: physicians, ""by province"""'
 * csvField(0.1 + 0.2); // => '0.3'
 * csvField(null); // => ''
 * csvField('=1+1'); // => "'=1+1"
 * csvField('-0.5'); // => '-0.5'
 * csvField(NaN); // => throws RangeError: csvField: NaN
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`csvField: ${value} cannot be written to a CSV file (write null for a missing value)`);
    text = String(Number(value.toPrecision(12)));
  } else if (typeof value === 'boolean') text = String(value);
  else if (typeof value === 'string') text = FORMULA_START.test(value) && !NUMBER_TEXT.test(value) ? `'${value}` : value;
  else throw new TypeError(`csvField: a field must be text, a number, a boolean or null (got ${Array.isArray(value) ? 'an array' : typeof value})`);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV text (RFC 4180, UTF-8, LF line ends, a final line end) of records: a header line of `columns`, then one line
 * per record with its values in the order of `columns` (see csvField; a key the record lacks gives an empty field).
 * @example
 * formatCsv(['province', 'value', 'note'], [{ province: 'Beijing', value: 2189, note: 'a, b' }, { province: 'Tianjin', value: 1387 }]);
 * // => 'province,value,note\nBeijing,2189,"a, b"\nTianjin,1387,\n'
 */
export function formatCsv<K extends string>(columns: readonly K[], records: ReadonlyArray<{ readonly [key in K]?: CsvValue }>): string {
  const lines = [columns.map(csvField).join(',')];
  for (const r of records) lines.push(columns.map((c) => csvField(r[c])).join(','));
  return lines.join('\n') + '\n';
}

/**
 * Write text to a file as UTF-8, creating its folder first; return the file's path. The one place outside the
 * loaders where the library writes a file (lib/studies writes its reproduction records through it).
 * @noExample it writes a file (test/data/csv.test.ts covers it)
 */
export function writeTextFile(file: string, text: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text, 'utf8');
  return file;
}

/**
 * Write records as a CSV file (formatCsv), creating its folder first; return the file's path.
 * @noExample it writes a file (test/data/csv.test.ts covers it)
 */
export function writeCsvFile<K extends string>(file: string, columns: readonly K[], records: ReadonlyArray<{ readonly [key in K]?: CsvValue }>): string {
  return writeTextFile(file, formatCsv(columns, records));
}
