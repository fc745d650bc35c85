/**
 * What a report of a panel analysis is made of, computed from an `analysePanel` result: the JSON contract that other
 * tools read (`analysisJson`), the tables a report writes (`reportTables`) and the sentences that read its numbers
 * (`analysisReadings`). Pure: no file is read or written here (the command `npm run analyse` and the workbook
 * notebooks/templates/three-stage-analysis.ipynb write them). No measure is computed here either: every number is
 * copied from the result (bookkeeping: no reference or DOI to cite).
 */
import type { PanelAnalysis, PanelInequality, PanelYear } from './panel';
import { stageTables, wideTable } from './tables';
import { checkOptions } from '../measures/kernel';

/** A number of the JSON contract: finite, or null (JSON has no NaN or Infinity). */
type JsonNumber = number | null;

/** The Theil index of one basis in the JSON contract. */
export interface AnalysisJsonTheil {
  total: JsonNumber;
  between: JsonNumber;
  within: JsonNumber;
  betweenShare: JsonNumber;
  groups: { group: string; contribution: JsonNumber; shareOfWithin: JsonNumber }[];
  units: { unit: string; contribution: JsonNumber }[];
}

/** One year of the JSON contract. */
export interface AnalysisJsonYear {
  year: number | null;
  units: number;
  total: { resource: JsonNumber; population: JsonNumber; area: JsonNumber };
  gini: { population: JsonNumber; area: JsonNumber };
  theil: { population: AnalysisJsonTheil; area: AnalysisJsonTheil | null };
  concentration: { index: JsonNumber; standardError: JsonNumber } | null;
  agglomeration: { unit: string; hrad: JsonNumber; pad: JsonNumber; hradOverPad: JsonNumber }[] | null;
}

/** The JSON contract of `npm run analyse -- FILE --json OUT` (keys exactly so: other tools read them). */
export interface AnalysisJson {
  equilab: string;
  input: { file: string; sha256: string; rows: number };
  options: Record<string, unknown>;
  years: AnalysisJsonYear[];
}

function num(x: number | null | undefined): JsonNumber {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

function theilJson(r: PanelInequality): AnalysisJsonTheil {
  const t = r.theil;
  return {
    total: num(t.total),
    between: num(t.between),
    within: num(t.within),
    betweenShare: num(t.betweenShare),
    groups: t.groups.map((g) => ({ group: g.group, contribution: num(g.contribution), shareOfWithin: num(g.shareOfWithin) })),
    units: t.units.map((u) => ({ unit: u.unit, contribution: num(u.contribution) })),
  };
}

function yearJson(y: PanelYear): AnalysisJsonYear {
  return {
    year: y.year,
    units: y.total.units,
    total: { resource: num(y.total.resource), population: num(y.total.population), area: num(y.total.area) },
    gini: { population: num(y.byPopulation.gini), area: y.byArea === null ? null : num(y.byArea.gini) },
    theil: { population: theilJson(y.byPopulation), area: y.byArea === null ? null : theilJson(y.byArea) },
    concentration:
      y.concentration === null ? null : { index: num(y.concentration.index.index), standardError: num(y.concentration.index.standardError) },
    agglomeration:
      y.agglomeration === null
        ? null
        : y.agglomeration.units.map((a) => ({ unit: a.name, hrad: num(a.hrad), pad: num(a.pad), hradOverPad: num(a.hradOverPad) })),
  };
}

/**
 * The JSON contract of an analysis (what `npm run analyse -- FILE --json OUT` writes):
 * `{ equilab, input: { file, sha256, rows }, options, years: [{ year, units, total: { resource, population, area },
 * gini: { population, area }, theil: { population: { total, between, within, betweenShare, groups: [{ group,
 * contribution, shareOfWithin }], units: [{ unit, contribution }] }, area }, concentration: { index, standardError },
 * agglomeration: [{ unit, hrad, pad, hradOverPad }] }] }`.
 *
 * Every value is copied from `analysis` (see `analysePanel` for what each one is). A measure that cannot be computed
 * is `null`, never left out: without an area column `total.area`, `gini.area`, `theil.area` and `agglomeration`;
 * without groups `between`, `within` and `betweenShare` (and `groups` is empty); without a rank variable
 * `concentration`. A number that is not finite is written as null (JSON has no NaN). `options` holds the columns
 * (`analysis.spec`), the options as applied (`analysis.options`), then `meta.options` (e.g. the reader's layout).
 *
 * @param analysis the result of `analysePanel`
 * @param meta the Equilab version, the input file (its name, sha256 and number of data rows) and extra options
 * @returns the JSON contract as a plain object (`JSON.stringify` it)
 * @example
 * const rows = [
 *   { unit: 'A', doctors: 10, people: 1000 },
 *   { unit: 'B', doctors: 30, people: 1000 },
 * ];
 * const json = analysisJson(analysePanel(rows, { unit: 'unit', resource: 'doctors', population: 'people' }), {
 *   equilab: '0.1.0', input: { file: 'mine.csv', sha256: 'ab', rows: 2 },
 * });
 * json.years[0].gini; // => { population: 0.25, area: null }
 * json.years[0].theil.area; // => null
 */
export function analysisJson(
  analysis: PanelAnalysis,
  meta: { equilab: string; input: { file: string; sha256: string; rows: number }; options?: Record<string, unknown> },
): AnalysisJson {
  if (analysis === null || typeof analysis !== 'object' || !Array.isArray((analysis as PanelAnalysis).years)) {
    throw new TypeError('analysisJson: analysis must be the result of analysePanel');
  }
  if (meta === null || typeof meta !== 'object' || typeof meta.equilab !== 'string' || meta.input === null || typeof meta.input !== 'object') {
    throw new TypeError('analysisJson: meta must be { equilab, input: { file, sha256, rows }, options? }');
  }
  const { file, sha256, rows } = meta.input;
  if (typeof file !== 'string' || typeof sha256 !== 'string' || !(Number.isInteger(rows) && rows >= 0)) {
    throw new TypeError('analysisJson: meta.input must be { file: text, sha256: text, rows: a whole number >= 0 }');
  }
  const o = analysis.options;
  return {
    equilab: meta.equilab,
    input: { file, sha256, rows },
    options: {
      columns: { ...analysis.spec },
      scale: o.scale,
      areaScale: o.areaScale,
      theil: { ...o.theil },
      concentration: { ...o.concentration },
      years: analysis.years.map((y) => y.year),
      periods: o.periods.map((p) => [...p]),
      dropIncomplete: o.dropIncomplete,
      ...(meta.options ?? {}),
    },
    years: analysis.years.map(yearJson),
  };
}

/** One table of a report: a file name (without .csv), a caption, its columns and its rows. */
export interface ReportTable {
  name: string;
  caption: string;
  columns: string[];
  rows: Record<string, string | number | null>[];
}

function table(name: string, caption: string, rows: ReadonlyArray<object>): ReportTable | null {
  if (rows.length === 0) return null;
  const columns: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!columns.includes(k)) columns.push(k);
  return { name, caption, columns, rows: rows.map((r) => ({ ...(r as Record<string, string | number | null>) })) };
}

/**
 * The tables of a report of an analysis, in reading order; a table without rows (no groups, no area, no rank
 * variable, one year) is left out. Names (the CSV files): `units` (each unit's values and densities per year),
 * `volume`, `groups`, `growth`, `gini`, `theil`, `theil-groups`, `theil-units`, `concentration`, `agglomeration`, and
 * `density-by-year` (units × years, with two years or more). The rows are those of `stageTables` (plus the units'
 * own values from `analysis.years` and `wideTable(analysis.long, 'unit', 'density')`).
 * @param analysis the result of `analysePanel`
 * @example
 * const rows = [
 *   { unit: 'A', doctors: 10, people: 1000 },
 *   { unit: 'B', doctors: 30, people: 1000 },
 * ];
 * reportTables(analysePanel(rows, { unit: 'unit', resource: 'doctors', population: 'people' })).map((t) => t.name);
 * // => ['units', 'volume', 'gini', 'theil', 'theil-units']
 */
export function reportTables(analysis: PanelAnalysis): ReportTable[] {
  const s = stageTables(analysis);
  const units = analysis.years.flatMap((y) =>
    y.units.map((u) => ({
      year: y.year,
      unit: u.unit,
      ...(u.label !== u.unit ? { label: u.label } : {}),
      ...(u.group !== null ? { group: u.group } : {}),
      resource: u.resource,
      population: u.population,
      ...(u.area !== null ? { area: u.area } : {}),
      ...(u.rankBy !== null ? { rankBy: u.rankBy } : {}),
      density: u.density,
      ...(u.areaDensity !== null ? { areaDensity: u.areaDensity } : {}),
    })),
  );
  const dated = analysis.years.filter((y) => y.year !== null).length;
  const all = [
    table('units', 'Each unit: resource, population, area and densities', units),
    table('volume', 'Stage 0: totals and densities', s.volume),
    table('groups', 'Stage 0 by group, with the Gini coefficient within each group', s.groups),
    table('growth', 'Stage 0: growth of totals and densities (average annual growth rate, a fraction)', s.growth),
    table('gini', 'Stage 1: Gini coefficient by population and by area', s.gini),
    table('theil', 'Stage 2: Theil index, between and within groups', s.theil),
    table('theil-groups', "Stage 2: each group's contribution to the within-group part", s.theilGroups),
    table('theil-units', "Stage 2: each unit's term of the Theil index", s.theilUnits),
    table('concentration', 'Stage 3: concentration index', s.concentration),
    table('agglomeration', 'Agglomeration: HRAD, PAD and HRAD/PAD', s.agglomeration),
    dated >= 2 ? table('density-by-year', 'Density per unit, one column per year', wideTable(analysis.long, 'unit', 'density')) : null,
  ];
  return all.filter((t): t is ReportTable => t !== null);
}

/** Sentences that read an analysis, one per stage (Markdown); a stage the data cannot give is null. */
export interface AnalysisReadings {
  volume: string;
  gini: string;
  theil: string;
  concentration: string | null;
  agglomeration: string | null;
  growth: string | null;
}

function fixed(x: number, digits: number): string {
  return x.toFixed(digits);
}

function whole(x: number): string {
  const rounded = Math.round(x);
  return Math.abs(x - rounded) < 1e-9 ? rounded.toLocaleString('en-US') : x.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function percent(x: number, digits = 1): string {
  return `${(x * 100).toFixed(digits)} %`;
}

function inYear(y: PanelYear): string {
  return y.year === null ? 'In the table' : `In ${y.year}`;
}

/**
 * How unequal a Gini coefficient is, in the bands used by the health-resource equity literature (after the United
 * Nations' income bands): below 0.2 highly equal, 0.2 to 0.3 relatively equal, 0.3 to 0.4 reasonably equal, 0.4 to
 * 0.5 a large gap, 0.5 and above a very large gap. The bands are a reading convention of that literature, not a
 * statistical test (no DOI: a convention).
 * @example
 * giniBand(0.12); // => 'highly equal'
 * giniBand(0.45); // => 'a large gap'
 */
export function giniBand(gini: number): string {
  if (typeof gini !== 'number') throw new TypeError(`giniBand: gini must be a number (got ${typeof gini})`);
  if (!(gini >= 0 && gini <= 1)) throw new RangeError(`giniBand: gini must be a Gini coefficient in [0, 1] (got ${gini})`);
  if (gini < 0.2) return 'highly equal';
  if (gini < 0.3) return 'relatively equal';
  if (gini < 0.4) return 'reasonably equal';
  if (gini < 0.5) return 'a large gap';
  return 'a very large gap';
}

function change(first: number, last: number, digits: number): string {
  const d = last - first;
  if (Math.abs(d) < 0.5 * 10 ** -digits) return 'unchanged';
  return `${d > 0 ? 'up' : 'down'} ${fixed(Math.abs(d), digits)}`;
}

/**
 * Sentences that read the numbers of an analysis (Markdown), one per stage, for the last analysed year and, with
 * several years, the change since the first: totals and density; the Gini coefficients (with `giniBand`); the Theil
 * index, its between-group share, the group and the unit with the largest term; the concentration index and its sign;
 * the units with HRAD/PAD above 1; the average annual growth of the national total and density. Every number is the
 * result's own, rounded for reading (indices to 3 decimals, shares to 0.1 %).
 * @param analysis the result of `analysePanel`
 * @param names how to call the resource and the units in the sentences @default { resource: 'resource', units: 'units' }
 * @example
 * const rows = [
 *   { unit: 'A', doctors: 10, people: 1000 },
 *   { unit: 'B', doctors: 30, people: 1000 },
 * ];
 * analysisReadings(analysePanel(rows, { unit: 'unit', resource: 'doctors', population: 'people' })).gini;
 * // => 'In the table the Gini coefficient of doctors by population is **0.250** (relatively equal).'
 */
export function analysisReadings(analysis: PanelAnalysis, names: { resource?: string; units?: string } = {}): AnalysisReadings {
  if (analysis === null || typeof analysis !== 'object' || !Array.isArray((analysis as PanelAnalysis).years)) {
    throw new TypeError('analysisReadings: analysis must be the result of analysePanel');
  }
  checkOptions('analysisReadings', names, ['resource', 'units']);
  for (const [key, value] of Object.entries(names)) {
    if (value !== undefined && typeof value !== 'string') throw new TypeError(`analysisReadings: names.${key} must be text (got ${typeof value})`);
  }
  const resource = names.resource ?? analysis.spec.resource;
  const unitsName = names.units ?? 'units';
  const first = analysis.years[0];
  const last = analysis.years[analysis.years.length - 1];
  const several = analysis.years.length > 1;
  const scale = analysis.options.scale;

  const t = last.total;
  let volume =
    `${inYear(last)} the ${t.units} ${unitsName} have ${whole(t.resource)} ${resource} for a population of ` +
    `${whole(t.population)}: **${fixed(t.density, 3)}** per ${whole(scale)} of the population column`;
  const areaScale = analysis.options.areaScale;
  if (t.areaDensity !== null) volume += ` and ${fixed(t.areaDensity, 3)} per ${areaScale === 1 ? 'unit' : `${whole(areaScale)} units`} of area`;
  volume += '.';
  const densities = last.units.map((u) => u.density);
  const lo = last.units[densities.indexOf(Math.min(...densities))];
  const hi = last.units[densities.indexOf(Math.max(...densities))];
  volume += ` The density ranges from ${fixed(lo.density, 3)} (${lo.label}) to ${fixed(hi.density, 3)} (${hi.label}).`;

  const g = last.byPopulation.gini;
  let gini = `${inYear(last)} the Gini coefficient of ${resource} by population is **${fixed(g, 3)}** (${giniBand(g)})`;
  if (last.byArea !== null) gini += `; by area it is **${fixed(last.byArea.gini, 3)}** (${giniBand(last.byArea.gini)})`;
  gini += '.';
  if (several) {
    gini += ` Since ${first.year} the Gini by population is ${change(first.byPopulation.gini, g, 3)}`;
    if (last.byArea !== null && first.byArea !== null) gini += ` and by area ${change(first.byArea.gini, last.byArea.gini, 3)}`;
    gini += '.';
  }

  const th = last.byPopulation.theil;
  let theil = `${inYear(last)} the Theil ${th.variant} index by population is **${fixed(th.total, 4)}**`;
  if (th.between !== null && th.within !== null && th.betweenShare !== null) {
    theil += `: ${fixed(th.between, 4)} between groups (${percent(th.betweenShare)}) and ${fixed(th.within, 4)} within them`;
    theil += th.betweenShare < 0.5 ? ', so most of the inequality lies within the groups.' : ', so most of the inequality lies between the groups.';
    const topGroup = [...th.groups].sort((a, b) => b.contribution - a.contribution)[0];
    if (topGroup) theil += ` The group contributing most to the within part is ${topGroup.group} (${percent(topGroup.shareOfWithin)} of it).`;
  } else {
    theil += ' (no groups given, so it is not decomposed).';
  }
  const topUnit = [...th.units].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))[0];
  if (topUnit) {
    const sign = th.variant === 'L' ? 'negative' : 'positive';
    theil += ` The largest single term is ${topUnit.label}'s (${fixed(topUnit.contribution, 4)}; a ${sign} term is a unit with more than`;
    theil += ` its population's share of the ${resource}).`;
  }

  let concentration: string | null = null;
  if (last.concentration !== null) {
    const c = last.concentration.index;
    const toward = c.index > 0 ? 'higher-ranked (better-off)' : 'lower-ranked (worse-off)';
    concentration =
      `${inYear(last)} the concentration index of ${resource} per person, ranked by ${analysis.spec.rankBy}, is ` +
      `**${fixed(c.index, 4)}** (standard error ${fixed(c.standardError, 4)}): ${Math.abs(c.index) < 1e-12 ? 'no concentration' : `${resource} concentrate in the ${toward} ${unitsName}`}.`;
  }

  let agglomeration: string | null = null;
  if (last.agglomeration !== null) {
    const a = last.agglomeration.units;
    const above = a.filter((x) => x.hradOverPad > 1);
    const ratios = a.map((x) => x.hradOverPad);
    const top = a[ratios.indexOf(Math.max(...ratios))];
    const bottom = a[ratios.indexOf(Math.min(...ratios))];
    const label = (name: string): string => last.units.find((u) => u.unit === name)?.label ?? name;
    agglomeration =
      `${inYear(last)} ${above.length} of ${a.length} ${unitsName} have HRAD/PAD above 1 (a larger share of the ${resource} ` +
      `than of the population). Highest: ${label(top.name)} (${fixed(top.hradOverPad, 3)}); lowest: ${label(bottom.name)} ` +
      `(${fixed(bottom.hradOverPad, 3)}).`;
  }

  let growth: string | null = null;
  const national = analysis.growth.filter((x) => x.scope === 'national' && x.kind === 'period');
  if (national.length > 0) {
    growth = national
      .filter((x) => x.measure === 'resource' || x.measure === 'density')
      .map((x) => `From ${x.fromYear} to ${x.toYear} the national ${x.measure === 'resource' ? `total of ${resource}` : 'density'} grew by **${percent(x.averageAnnualGrowthRate, 2)}** a year (from ${fixed(x.first, x.measure === 'resource' ? 0 : 3)} to ${fixed(x.last, x.measure === 'resource' ? 0 : 3)}).`)
      .join(' ');
  }
  return { volume, gini, theil, concentration, agglomeration, growth };
}
