/**
 * Tables of a panel analysis for reading: one list of plain records per stage (ready for `showTable`,
 * `console.table` or a CSV file), and a pivot of the long form (units × years). No measure is computed here:
 * every value is copied from the `PanelAnalysis` records (bookkeeping: no reference or DOI to cite).
 */
import type { PanelAnalysis, PanelLongRow } from './panel';

/** The stages of a `PanelAnalysis` as tables of plain records, one list per table. */
export interface StageTables {
  /** Stage 0, national: one row per year. */
  volume: { year: number | null; units: number; resource: number; population: number; area: number | null; density: number; areaDensity: number | null }[];
  /** Stage 0 per group, with the Gini within each group: one row per year and group (empty without groups). */
  groups: {
    year: number | null;
    group: string;
    units: number;
    resource: number;
    population: number;
    area: number | null;
    density: number;
    areaDensity: number | null;
    giniByPopulation: number | null;
    giniByArea: number | null;
  }[];
  /** Stage 0, growth: national and group totals and densities, each consecutive pair of years and each period. */
  growth: { scope: string; name: string; measure: string; fromYear: number; toYear: number; first: number; last: number; averageAnnualGrowthRate: number }[];
  /** Stage 1: one row per year. */
  gini: { year: number | null; byPopulation: number; byArea: number | null }[];
  /** Stage 2: one row per year and basis (population, area). */
  theil: { year: number | null; basis: string; total: number; between: number | null; within: number | null; betweenShare: number | null }[];
  /** Stage 2, who contributes: one row per year, basis and group (empty without groups). */
  theilGroups: { year: number | null; basis: string; group: string; theil: number; contribution: number; shareOfWithin: number }[];
  /** Stage 2, each unit's term: one row per year, basis and unit. */
  theilUnits: { year: number | null; basis: string; unit: string; populationShare: number; resourceShare: number; contribution: number }[];
  /** Stage 3: one row per year (empty without `rankBy`). */
  concentration: { year: number | null; index: number; standardError: number; correction: string }[];
  /** Agglomeration degrees: one row per year and unit, then per group (empty without area). */
  agglomeration: { year: number | null; scope: string; name: string; hrad: number; pad: number; hradOverPad: number }[];
}

/**
 * Every stage of a panel analysis as a table of plain records (see `StageTables`): the tables a report shows.
 * Growth rows are the national and group ones (unit growth stays in `analysis.growth`).
 * @param analysis the result of `analysePanel`
 * @example
 * const rows = [
 *   { unit: 'A', doctors: 10, people: 1000 },
 *   { unit: 'B', doctors: 30, people: 1000 },
 * ];
 * stageTables(analysePanel(rows, { unit: 'unit', resource: 'doctors', population: 'people' })).gini;
 * // => [{ year: null, byPopulation: 0.25, byArea: null }]
 */
export function stageTables(analysis: PanelAnalysis): StageTables {
  if (analysis === null || typeof analysis !== 'object' || !Array.isArray((analysis as PanelAnalysis).years)) {
    throw new TypeError('stageTables: analysis must be the result of analysePanel');
  }
  const out: StageTables = { volume: [], groups: [], growth: [], gini: [], theil: [], theilGroups: [], theilUnits: [], concentration: [], agglomeration: [] };
  for (const y of analysis.years) {
    const year = y.year;
    const t = y.total;
    out.volume.push({ year, units: t.units, resource: t.resource, population: t.population, area: t.area, density: t.density, areaDensity: t.areaDensity });
    for (const g of y.groups) {
      out.groups.push({
        year,
        group: g.group,
        units: g.units,
        resource: g.resource,
        population: g.population,
        area: g.area,
        density: g.density,
        areaDensity: g.areaDensity,
        giniByPopulation: g.giniByPopulation,
        giniByArea: g.giniByArea,
      });
    }
    out.gini.push({ year, byPopulation: y.byPopulation.gini, byArea: y.byArea === null ? null : y.byArea.gini });
    for (const [basis, r] of [['population', y.byPopulation], ['area', y.byArea]] as const) {
      if (r === null) continue;
      const th = r.theil;
      out.theil.push({ year, basis, total: th.total, between: th.between, within: th.within, betweenShare: th.betweenShare });
      for (const g of th.groups) {
        out.theilGroups.push({ year, basis, group: g.group, theil: g.theil, contribution: g.contribution, shareOfWithin: g.shareOfWithin });
      }
      for (const u of th.units) {
        out.theilUnits.push({ year, basis, unit: u.unit, populationShare: u.populationShare, resourceShare: u.resourceShare, contribution: u.contribution });
      }
    }
    if (y.concentration !== null) {
      const c = y.concentration.index;
      out.concentration.push({ year, index: c.index, standardError: c.standardError, correction: c.correction });
    }
    if (y.agglomeration !== null) {
      for (const [scope, list] of [['unit', y.agglomeration.units], ['group', y.agglomeration.groups]] as const) {
        for (const a of list) out.agglomeration.push({ year, scope, name: a.name, hrad: a.hrad, pad: a.pad, hradOverPad: a.hradOverPad });
      }
    }
  }
  for (const g of analysis.growth) {
    if (g.scope === 'unit') continue;
    out.growth.push({
      scope: g.scope,
      name: g.name,
      measure: g.measure,
      fromYear: g.fromYear,
      toYear: g.toYear,
      first: g.first,
      last: g.last,
      averageAnnualGrowthRate: g.averageAnnualGrowthRate,
    });
  }
  return out;
}

/**
 * One measure of the long form as a wide table: a row per name (unit, group or 'national') and a column per year
 * (the column `value` for a one-year table), in the order of first appearance.
 * @param long `analysis.long`
 * @param scope 'national', 'group' or 'unit'
 * @param measure a measure of the long form, e.g. 'density' or 'theil.population.contribution'
 * @example
 * const long = [
 *   { year: 2018, scope: 'unit', name: 'A', measure: 'density', value: 1 },
 *   { year: 2019, scope: 'unit', name: 'A', measure: 'density', value: 2 },
 * ];
 * wideTable(long, 'unit', 'density'); // => [{ name: 'A', 2018: 1, 2019: 2 }]
 */
export function wideTable(
  long: readonly PanelLongRow[],
  scope: PanelLongRow['scope'],
  measure: string,
): Record<string, string | number | null>[] {
  if (!Array.isArray(long)) throw new TypeError('wideTable: long must be the long form of analysePanel (an array of rows)');
  if (scope !== 'national' && scope !== 'group' && scope !== 'unit') {
    throw new RangeError(`wideTable: scope must be 'national', 'group' or 'unit' (got ${String(scope)})`);
  }
  const rows = new Map<string, Record<string, string | number | null>>();
  const years = new Set<string>();
  let found = false;
  for (const r of long) {
    if (r.measure !== measure) continue;
    found = true;
    if (r.scope !== scope) continue;
    const column = r.year === null ? 'value' : String(r.year);
    years.add(column);
    let row = rows.get(r.name);
    if (!row) rows.set(r.name, (row = { name: r.name }));
    row[column] = r.value;
  }
  if (!found) {
    const measures = [...new Set(long.map((r) => r.measure))];
    throw new RangeError(`wideTable: no measure '${measure}' in the long form (measures: ${measures.join(', ')})`);
  }
  // A name without a value in some year gets null there, never a missing key.
  for (const row of rows.values()) for (const y of years) if (!(y in row)) row[y] = null;
  return [...rows.values()];
}
