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
 * Parse CSV text into records. A leading BOM is removed.
 * @param text CSV text
 * @param delimiter field separator (default ',')
 * @param comment lines starting with this string (outside quotes, at the start of a record) are skipped
 */
export function parseCsvRecords(text: string, delimiter = ',', comment?: string): CsvRecord[] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const out: CsvRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let atRecordStart = true;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (atRecordStart && comment && s.startsWith(comment, i)) {
      const nl = s.indexOf('\n', i);
      if (nl < 0) return out;
      i = nl;
      line++;
      start = line;
      continue;
    }
    atRecordStart = false;
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === delimiter) {
      cells.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      cells.push(field);
      out.push({ line: start, cells });
      cells = [];
      field = '';
      line++;
      start = line;
      atRecordStart = true;
    } else {
      field += ch;
    }
  }
  if (quoted) throw new Error(`unterminated quoted field starting on line ${start}`);
  if (field !== '' || cells.length) {
    cells.push(field);
    out.push({ line: start, cells });
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

/** A value `csvField` can write: text, a number, a boolean, or nothing (null or undefined: an empty field). */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * One CSV field (RFC 4180): quoted, with inner quotes doubled, when it holds a comma, a quote or a line break;
 * otherwise as it is. Numbers are written with at most 12 significant digits (`0.1 + 0.2` gives `0.3`, not
 * `0.30000000000000004`), which is more than any printed table has; null and undefined give an empty field.
 * @throws TypeError for another kind of value (object, array, function); RangeError for NaN or an infinite number
 *   (CSV has no such value: write null for a missing one)
 * @example
 * csvField('missing input: physicians, "by province"'); // => '"missing input: physicians, ""by province"""'
 * csvField(0.1 + 0.2); // => '0.3'
 * csvField(null); // => ''
 * csvField(NaN); // => throws RangeError: csvField: NaN
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`csvField: ${value} cannot be written to a CSV file (write null for a missing value)`);
    text = String(Number(value.toPrecision(12)));
  } else if (typeof value === 'boolean') text = String(value);
  else if (typeof value === 'string') text = value;
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
