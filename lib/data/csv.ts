/**
 * A small RFC 4180 CSV parser for the project's own UTF-8 data files (quoted fields, doubled quotes,
 * CRLF or LF). Internal to lib/data.
 */

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
