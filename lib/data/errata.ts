/**
 * Errata (data/errata.csv): corrections to the sources, applied by the loaders at load time and reported.
 *
 * An erratum names a data file, a row selector (`column=value` pairs joined by `;`, alternatives by `|`:
 * `province_code=230000;year=2013`, `row_order=4|5|6|7`), the column it corrects, the value as printed and the
 * corrected value. Applying it checks that every selected row still holds the printed value: if the file
 * changed underneath an erratum, loading fails instead of silently correcting the wrong cell.
 */
import { parseCsvObjects } from './csv';
import { readVerified } from './checksum';
import { checkBoolean } from '../measures/kernel';

/** One row of data/errata.csv. */
export interface Erratum {
  id: string;
  /** Data file, relative to data/. */
  file: string;
  /** Row selector, e.g. `province_code=230000;year=2013`. */
  row: string;
  column: string;
  printed: string;
  corrected: string;
  evidence: string;
  foundBy: string;
}

/** An erratum as applied by a loader. */
export interface AppliedErratum extends Erratum {
  /** How many rows of the file it changed. */
  rowsChanged: number;
}

/**
 * All errata of data/errata.csv (transcribed by the project), in file order, each with the printed value, the
 * corrected value and the evidence. The loaders apply them through applyErrata; this function only lists them.
 * The file's sha256 is checked against data/datapackage.json.
 * @throws DataChecksumError when data/errata.csv changed
 * @example
 * loadErrata().find((e) => e.id === 'csy2020-heilongjiang-2013');
 * // => { file: 'population_csy2020.csv', row: 'province_code=230000;year=2013', column: 'value',
 * //      printed: '3535', corrected: '3835' }
 */
export function loadErrata(): Erratum[] {
  return parseCsvObjects(readVerified('errata.csv'), 'data/errata.csv').map((r) => ({
    id: r.id,
    file: r.file,
    row: r.row,
    column: r.column,
    printed: r.printed,
    corrected: r.corrected,
    evidence: r.evidence,
    foundBy: r.found_by,
  }));
}

/**
 * Parse an erratum's row selector into [column, allowed values] pairs (`;` separates conditions, all of which must
 * hold; `|` separates the values a condition allows).
 * @throws RangeError for a part without `column=` (naming the condition); TypeError for a selector that is not text
 * @example
 * parseSelector('province_code=230000;year=2013'); // => [['province_code', ['230000']], ['year', ['2013']]]
 * parseSelector('row_order=4|5|6|7'); // => [['row_order', ['4', '5', '6', '7']]]
 * parseSelector('oops'); // => throws RangeError: expected column=value
 */
export function parseSelector(selector: string): [string, string[]][] {
  if (typeof selector !== 'string') throw new TypeError(`parseSelector: selector must be text such as 'year=2013' (got ${selector === null ? 'null' : typeof selector})`);
  return selector.split(';').map((part, i) => {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new RangeError(`parseSelector: erratum selector ${JSON.stringify(selector.length > 80 ? `${selector.slice(0, 80)}…` : selector)}, condition ${i + 1}: expected column=value`);
    return [part.slice(0, eq), part.slice(eq + 1).split('|')];
  });
}

/**
 * Apply the errata of `file` to its raw records (mutating copies, not the inputs) and report them.
 * @param file path relative to data/
 * @param records raw CSV objects
 * @param apply when false, nothing is changed and nothing is reported (load the data as printed)
 * @returns corrected copies of the records, `rowErrata[i]`: the ids applied to record i, and the applied errata
 * @throws Error when an erratum selects no row, or a selected cell no longer holds the printed value
 * @example
 * const raw = [{ province_code: '230000', year: '2013', value: '3535' }];
 * const fixed = applyErrata('population_csy2020.csv', raw);
 * fixed.records[0].value; // => '3835'
 * fixed.rowErrata; // => [['csy2020-heilongjiang-2013']]
 * raw[0].value; // => '3535'
 * applyErrata('population_csy2020.csv', raw, false).records[0].value; // => '3535'
 * applyErrata('population_csy2020.csv', [{ province_code: '230000', year: '2013', value: '3835' }]);
 * // => throws Error: not the printed value "3535"
 */
export function applyErrata(
  file: string,
  records: Record<string, string>[],
  apply = true,
): { records: Record<string, string>[]; rowErrata: string[][]; applied: AppliedErratum[] } {
  checkBoolean('applyErrata', 'apply', apply, true);
  if (typeof file !== 'string') throw new TypeError(`applyErrata: file must be a path relative to data/ (got ${typeof file})`);
  if (!Array.isArray(records)) throw new TypeError('applyErrata: records must be an array of CSV records (objects of text)');
  const out = records.map((r) => ({ ...r }));
  const rowErrata = out.map(() => [] as string[]);
  if (!apply) return { records: out, rowErrata, applied: [] };
  const applied: AppliedErratum[] = [];
  for (const e of loadErrata().filter((x) => x.file === file)) {
    const selector = parseSelector(e.row);
    for (const [column] of selector) {
      if (out.length && !(column in out[0])) throw new Error(`erratum ${e.id}: data/${file} has no column ${column}`);
    }
    if (out.length && !(e.column in out[0])) throw new Error(`erratum ${e.id}: data/${file} has no column ${e.column}`);
    const hits = out.map((r, i) => ({ r, i })).filter(({ r }) => selector.every(([c, values]) => values.includes(r[c])));
    if (!hits.length) throw new Error(`erratum ${e.id}: selector ${e.row} matches no row of data/${file}`);
    for (const { r, i } of hits) {
      if (r[e.column] !== e.printed) {
        throw new Error(
          `erratum ${e.id}: data/${file} row ${e.row} column ${e.column} holds ${JSON.stringify(r[e.column])}, ` +
            `not the printed value ${JSON.stringify(e.printed)}; the file or the erratum is out of date`,
        );
      }
      r[e.column] = e.corrected;
      rowErrata[i].push(e.id);
    }
    applied.push({ ...e, rowsChanged: hits.length });
  }
  return { records: out, rowErrata, applied };
}
