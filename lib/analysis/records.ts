/**
 * From what `readProvinceTable` reads (one row per value) to the panel `analysePanel` takes (one record per unit and
 * year, one key per indicator). Bookkeeping: no reference or DOI to cite.
 */
import type { UnitTableResult } from '../data/readProvinceTable';

/**
 * One record per unit and year of a table read by `readProvinceTable`, in the order units first appear: `unit`
 * (the unit's key name: the English province name with the province dictionary), `provinceCode` (with the province
 * dictionary), `year` (absent for a one-year table without a year), one key per indicator with its value, and the
 * text columns the reader kept (`textColumns` of a one-year or panel table, e.g. a region). A long table's extra
 * columns (source, note) belong to single values, not to a unit-year, and stay in `table.rows[].extra`.
 *
 * A unit-year without a value of some indicator (a table read with `allowIncomplete` or `allowMissing`) gets no key
 * for it, so `analysePanel` reports it (or drops the unit with `dropIncomplete`). An indicator or text column named
 * `unit`, `year` or `provinceCode`, or a text column that differs between the rows of one unit-year, throws.
 *
 * @param table the result of `readProvinceTable`
 * @returns records for `analysePanel(records, { unit: 'unit', year: 'year', resource: …, population: … })`
 * @example
 * const table = {
 *   units: ['A', 'B'],
 *   rows: [
 *     { unit: 'A', provinceCode: null, year: null, indicator: 'doctors', value: 10, row: 2, extra: { region: 'x' } },
 *     { unit: 'A', provinceCode: null, year: null, indicator: 'people', value: 1000, row: 2, extra: { region: 'x' } },
 *     { unit: 'B', provinceCode: null, year: null, indicator: 'doctors', value: 30, row: 3, extra: { region: 'y' } },
 *   ],
 *   layout: 'one-year',
 * };
 * panelRecords(table);
 * // => [{ unit: 'A', doctors: 10, people: 1000, region: 'x' }, { unit: 'B', doctors: 30, region: 'y' }]
 */
export function panelRecords(table: Pick<UnitTableResult, 'rows' | 'layout'>): Record<string, string | number>[] {
  const fn = 'panelRecords';
  if (table === null || typeof table !== 'object' || !Array.isArray((table as UnitTableResult).rows)) {
    throw new TypeError(`${fn}: table must be the result of readProvinceTable`);
  }
  const keepExtra = table.layout === 'one-year' || table.layout === 'panel';
  const reserved = new Set(['unit', 'year', 'provinceCode']);
  const records = new Map<string, Record<string, string | number>>();
  table.rows.forEach((r, i) => {
    if (r === null || typeof r !== 'object' || typeof r.unit !== 'string' || typeof r.indicator !== 'string' || typeof r.value !== 'number') {
      throw new TypeError(`${fn}: row ${i + 1} of table.rows is not a row of readProvinceTable (it needs unit, indicator and value)`);
    }
  });
  for (const r of table.rows) {
    const key = `${r.unit}\u0000${r.year ?? ''}`;
    let record = records.get(key);
    if (!record) {
      record = { unit: r.unit };
      if (r.provinceCode !== null && r.provinceCode !== undefined) record.provinceCode = r.provinceCode;
      if (r.year !== null) record.year = r.year;
      records.set(key, record);
    }
    const at = `${r.unit}${r.year === null ? '' : `, ${r.year}`} (row ${r.row})`;
    if (reserved.has(r.indicator)) throw new RangeError(`${fn}: indicator '${r.indicator}' clashes with the record's own key (${at})`);
    if (r.indicator in record) throw new RangeError(`${fn}: ${at} has indicator ${r.indicator} twice`);
    record[r.indicator] = r.value;
    if (!keepExtra) continue;
    for (const [column, text] of Object.entries(r.extra ?? {})) {
      if (reserved.has(column)) throw new RangeError(`${fn}: column '${column}' clashes with the record's own key (${at})`);
      if (column in record && record[column] !== text) {
        throw new RangeError(`${fn}: ${at}: column ${column} is '${text}' here and '${record[column]}' in another row of the same unit-year`);
      }
      record[column] = text;
    }
  }
  return [...records.values()];
}
