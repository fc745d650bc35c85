/**
 * The analysis layer: a tidy panel (one row per unit and year) in, every stage of the three-stage analysis of
 * health-resource allocation out, for every year, nationally and within each group (region).
 *
 * - Stage 0: volume — totals, density per population and per area, growth between years and by period (AAGR).
 * - Stage 1: Lorenz curve and Gini coefficient by population and by area.
 * - Stage 2: Theil index by population and by area, decomposed between/within groups, with each group's and each
 *   unit's contribution.
 * - Stage 3: concentration curve and index, units ranked by `rankBy` (income per person).
 * - Agglomeration: HRAD, PAD and HRAD/PAD per unit and per group.
 *
 * Every number is a direct call of a measure in lib/measures, on the inputs each result's doc names; this module
 * only groups rows by year, checks them, and arranges the results.
 */
import { agglomeration } from '../measures/agglomeration';
import { concentrationCurve, concentrationIndex } from '../measures/concentration';
import type { ConcentrationCorrection, ConcentrationCurve, ConcentrationIndexResult } from '../measures/concentration';
import { gini } from '../measures/gini';
import { growthBetween } from '../measures/growth';
import { checkBoolean, checkChoice, checkOptions, sum } from '../measures/kernel';
import { lorenzCurve } from '../measures/lorenz';
import type { LorenzCurve } from '../measures/lorenz';
import { theilContributions, theilDecomposition } from '../measures/theil';
import type { TheilVariant } from '../measures/theil';
import { parseTableNumber } from '../data/readProvinceTable';

/** The columns of a panel: which column holds what. Only `unit`, `resource` and `population` are required. */
export interface PanelSpec {
  /** The unit's name or code (province, district, country, hospital …): text, never blank. */
  unit: string;
  /** The year (a whole number). Omit for a one-year table: its results then have `year: null`. */
  year?: string;
  /** The resource, a count (physicians, nurses, beds …), >= 0. */
  resource: string;
  /** The population, > 0, in any unit (persons, 10,000 persons …): see `PanelOptions.scale`. */
  population: string;
  /** The land area, > 0 (e.g. km²). Without it the by-area results and the agglomeration degrees are null. */
  area?: string;
  /** A group (region) per unit, e.g. eastern/central/western. Without it the Theil index is not decomposed. */
  group?: string;
  /** A ranking variable (income per person, GDP per person) for the concentration index. Without it Stage 3 is null. */
  rankBy?: string;
  /** A display name per unit (e.g. English province names); defaults to the unit column. */
  label?: string;
}

/** Options of `analysePanel`. Every option is checked: an unknown key or a bad value throws. */
export interface PanelOptions {
  /**
   * Densities are given per `scale` units of the population column: with population in persons, 1000 gives
   * "per 1,000 people"; with population in 10,000 persons (NBS yearbooks), 1 gives "per 10,000 people".
   * Only the densities depend on it; no index does.
   * @default 1000
   */
  scale?: number;
  /** Area densities are given per `areaScale` units of the area column (100 with km² gives "per 100 km²"). @default 1 */
  areaScale?: number;
  /** Theil variant ('L', the mean log deviation, or 'T') and log base (any number > 1), passed to the measures. @default { variant: 'L', base: Math.E } */
  theil?: { variant?: TheilVariant; base?: number };
  /** Correction and bounds of the concentration index, passed to `concentrationIndex`. @default { correction: 'none' } */
  concentration?: { correction?: ConcentrationCorrection; bounds?: readonly [number, number] };
  /** Analyse only these years (each must be in the data). @default every year of the data */
  years?: readonly number[];
  /**
   * Periods for the average annual growth rates, as [fromYear, toYear] pairs. Growth between consecutive years is
   * always reported. @default [[first year, last year]] when there are two years or more
   */
  periods?: ReadonlyArray<readonly [number, number]>;
  /**
   * Drop every unit that lacks a value (or a row) in any analysed year, and list it in `dropped`, instead of
   * throwing. The panel stays balanced: a dropped unit is dropped from every year. @default false
   */
  dropIncomplete?: boolean;
}

/** The options as applied (defaults filled in). */
export interface ResolvedPanelOptions {
  scale: number;
  areaScale: number;
  theil: { variant: TheilVariant; base: number };
  concentration: { correction: ConcentrationCorrection; bounds?: readonly [number, number] };
  years: number[] | null;
  periods: [number, number][];
  dropIncomplete: boolean;
}

/** One unit in one year, as read from the panel, with its densities. */
export interface PanelUnit {
  unit: string;
  label: string;
  group: string | null;
  resource: number;
  population: number;
  area: number | null;
  rankBy: number | null;
  /** resource / population × scale. */
  density: number;
  /** resource / area × areaScale, or null without area. */
  areaDensity: number | null;
}

/** Totals of a set of units (the nation, or one group). */
export interface PanelTotals {
  units: number;
  resource: number;
  population: number;
  area: number | null;
  /** Σ resource / Σ population × scale. */
  density: number;
  /** Σ resource / Σ area × areaScale, or null without area. */
  areaDensity: number | null;
}

/** The Theil index of one basis (population or area), decomposed when groups are given. */
export interface PanelTheil {
  variant: TheilVariant;
  base: number;
  total: number;
  /** Between-group component; null without groups. */
  between: number | null;
  /** Within-group component; null without groups. */
  within: number | null;
  /** between / total; null without groups. */
  betweenShare: number | null;
  /** One record per group (its own index, its contribution to the within part, its share of it); empty without groups. */
  groups: { group: string; units: number; populationShare: number; resourceShare: number; theil: number; contribution: number; shareOfWithin: number }[];
  /** Each unit's term of the index; the terms add up to `total`. */
  units: { unit: string; label: string; populationShare: number; resourceShare: number; contribution: number }[];
}

/** Stages 1 and 2 on one basis: by population (weights = population) or by area (weights = area). */
export interface PanelInequality {
  /** Lorenz curve of the resource against the cumulative share of the basis (`lorenzCurve(values, weights)`). */
  lorenz: LorenzCurve;
  /** `gini(values, weights)`: values = resource / basis, weights = basis. */
  gini: number;
  /** `theilDecomposition(values, groups, weights, theil)` or `theilContributions(values, weights, theil)`. */
  theil: PanelTheil;
}

/** Agglomeration degrees of one unit or group: HRAD = resource share / area share, PAD = population share / area share. */
export interface PanelAgglomeration {
  name: string;
  hrad: number;
  pad: number;
  /** HRAD / PAD = resource share / population share: 1 is a fair share by population. */
  hradOverPad: number;
}

/** Every stage for one year. */
export interface PanelYear {
  /** The year, or null for a one-year table without a year column. */
  year: number | null;
  /** The units analysed this year, in the order of the data. */
  units: PanelUnit[];
  /** Stage 0, national. */
  total: PanelTotals;
  /** Stage 0 per group, with the Gini within each group (null for a group of fewer than two units). Empty without groups. */
  groups: (PanelTotals & { group: string; giniByPopulation: number | null; giniByArea: number | null })[];
  /** Stages 1 and 2 by population. */
  byPopulation: PanelInequality;
  /** Stages 1 and 2 by area; null without an area column. */
  byArea: PanelInequality | null;
  /** Stage 3: `concentrationCurve` and `concentrationIndex(density, rankBy, population)`; null without `rankBy`. */
  concentration: { curve: ConcentrationCurve; index: ConcentrationIndexResult } | null;
  /** HRAD, PAD, HRAD/PAD per unit and per group (`agglomeration`); null without area. */
  agglomeration: { units: PanelAgglomeration[]; groups: PanelAgglomeration[] } | null;
}

/** Growth of a total or a density between two years (`growthBetween`). */
export interface PanelGrowth {
  scope: 'national' | 'group' | 'unit';
  name: string;
  measure: 'resource' | 'density';
  fromYear: number;
  toYear: number;
  first: number;
  last: number;
  change: number;
  /** Average annual growth rate, a fraction (0.05 = 5 % a year). */
  averageAnnualGrowthRate: number;
  /** 'consecutive' for adjacent analysed years, 'period' for a period of `options.periods`. */
  kind: 'consecutive' | 'period';
}

/** One number of the analysis in tidy long form. */
export interface PanelLongRow {
  year: number | null;
  scope: 'national' | 'group' | 'unit';
  /** 'national', the group, or the unit. */
  name: string;
  /** e.g. 'density', 'gini.population', 'theil.area.between', 'theil.population.contribution', 'hrad'. */
  measure: string;
  value: number;
}

/** A unit left out because of `dropIncomplete`, with the first gap found. */
export interface DroppedUnit {
  unit: string;
  year: number | null;
  column: string;
  reason: string;
}

/** The result of `analysePanel`. */
export interface PanelAnalysis {
  spec: PanelSpec;
  options: ResolvedPanelOptions;
  /** One record per year, in ascending order (one record with `year: null` for a one-year table). */
  years: PanelYear[];
  /** Growth of national, group and unit totals and densities; empty for a single year. */
  growth: PanelGrowth[];
  /** Units dropped by `dropIncomplete` (always empty otherwise). */
  dropped: DroppedUnit[];
  /** Every number above, one row per year × scope × name × measure: `toDataFrame(result.long)` makes it a frame. */
  long: PanelLongRow[];
}

/** A row of a panel: a plain record, keyed by column name. */
export type PanelRow = Readonly<Record<string, unknown>>;

/** A danfo DataFrame, or anything else with `columns` and row-major `values`. */
export interface FrameLike {
  columns: readonly string[];
  values: readonly (readonly unknown[])[];
}

const FN = 'analysePanel';

function isFrameLike(x: unknown): x is FrameLike {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return false;
  const f = x as { columns?: unknown; values?: unknown };
  return Array.isArray(f.columns) && Array.isArray(f.values);
}

/** Rows as records: an array of records as it is, a frame's `values` zipped with its `columns`. */
function rowsOf(input: unknown): PanelRow[] {
  if (Array.isArray(input)) {
    input.forEach((r, i) => {
      if (r === null || typeof r !== 'object' || Array.isArray(r)) {
        throw new TypeError(`${FN}: row ${i + 1} must be a record (an object keyed by column name)`);
      }
    });
    return input as PanelRow[];
  }
  if (isFrameLike(input)) {
    const columns = input.columns;
    return input.values.map((values) => {
      const r: Record<string, unknown> = {};
      columns.forEach((c, j) => (r[c] = values[j]));
      return r;
    });
  }
  throw new TypeError(`${FN}: rows must be an array of records or a DataFrame (with columns and values)`);
}

function checkSpec(spec: unknown, columns: Set<string>): PanelSpec {
  checkOptions(`${FN}: spec`, spec, ['unit', 'year', 'resource', 'population', 'area', 'group', 'rankBy', 'label']);
  const s = spec as Record<string, unknown>;
  for (const key of ['unit', 'resource', 'population']) {
    if (s[key] === undefined) throw new TypeError(`${FN}: spec.${key} is required (the name of the ${key} column)`);
  }
  for (const [key, value] of Object.entries(s)) {
    if (value === undefined) continue;
    if (typeof value !== 'string' || value === '') {
      throw new TypeError(`${FN}: spec.${key} must be a column name (got ${JSON.stringify(value)})`);
    }
    if (!columns.has(value)) {
      const known = [...columns];
      const near = known
        .map((c) => ({ c, d: c.toLowerCase() === value.toLowerCase() ? 0 : 1 + Math.abs(c.length - value.length) }))
        .sort((a, b) => a.d - b.d)
        .slice(0, 3)
        .map((x) => x.c);
      throw new RangeError(`${FN}: spec.${key} names column '${value}', which the data lack (columns: ${known.join(', ')}${near.length ? `; nearest: ${near.join(', ')}` : ''})`);
    }
  }
  return s as unknown as PanelSpec;
}

function checkPositive(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number') throw new TypeError(`${FN}: ${name} must be a number`);
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`${FN}: ${name} must be positive and finite (got ${value})`);
  return value;
}

function checkYear(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new TypeError(`${FN}: ${name} must be whole years (got ${JSON.stringify(value)})`);
  }
  return value;
}

function resolveOptions(options: unknown): ResolvedPanelOptions {
  checkOptions(FN, options, ['scale', 'areaScale', 'theil', 'concentration', 'years', 'periods', 'dropIncomplete']);
  const o = options as PanelOptions;
  const theil = o.theil ?? {};
  checkOptions(`${FN}: theil`, theil, ['variant', 'base']);
  const concentration = o.concentration ?? {};
  checkOptions(`${FN}: concentration`, concentration, ['correction', 'bounds']);
  let years: number[] | null = null;
  if (o.years !== undefined) {
    if (!Array.isArray(o.years) || o.years.length === 0) throw new TypeError(`${FN}: years must be a non-empty array of years`);
    years = o.years.map((y, i) => checkYear(`years[${i}]`, y));
  }
  let periods: [number, number][] = [];
  if (o.periods !== undefined) {
    if (!Array.isArray(o.periods)) throw new TypeError(`${FN}: periods must be an array of [fromYear, toYear] pairs`);
    periods = o.periods.map((p, i) => {
      if (!Array.isArray(p) || p.length !== 2) throw new TypeError(`${FN}: periods[${i}] must be a [fromYear, toYear] pair`);
      const from = checkYear(`periods[${i}]`, p[0]);
      const to = checkYear(`periods[${i}]`, p[1]);
      if (!(to > from)) throw new RangeError(`${FN}: periods[${i}] must end after it starts (${from} to ${to})`);
      return [from, to];
    });
  }
  const resolved: ResolvedPanelOptions = {
    scale: checkPositive('scale', o.scale, 1000),
    areaScale: checkPositive('areaScale', o.areaScale, 1),
    theil: {
      variant: checkChoice<TheilVariant>(FN, 'theil.variant', theil.variant, ['L', 'T'], 'L'),
      base: theil.base === undefined ? Math.E : checkPositive('theil.base', theil.base, Math.E),
    },
    concentration: { correction: checkChoice<ConcentrationCorrection>(FN, 'concentration.correction', concentration.correction, ['none', 'wagstaff', 'erreygers'], 'none') },
    years,
    periods,
    dropIncomplete: checkBoolean(FN, 'dropIncomplete', o.dropIncomplete, false),
  };
  if (!(resolved.theil.base > 1)) throw new RangeError(`${FN}: theil.base must be greater than 1 (got ${resolved.theil.base})`);
  if (concentration.bounds !== undefined) resolved.concentration.bounds = concentration.bounds;
  return resolved;
}

/** A cell as a number: numbers as they are, text through `parseTableNumber` ("1,234"); blank, null, NaN → undefined. */
function cellNumber(value: unknown): number | undefined | 'bad' {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value;
  if (typeof value === 'string') {
    if (value.trim() === '') return undefined;
    const v = parseTableNumber(value);
    return v === undefined ? 'bad' : v;
  }
  return 'bad';
}

function cellText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return undefined;
}

interface ParsedRow {
  unit: string;
  label: string;
  year: number | null;
  group: string | null;
  values: Partial<Record<'resource' | 'population' | 'area' | 'rankBy', number>>;
  /** The first missing value of this row: column and reason. */
  gap: { column: string; reason: string } | null;
}

const NUMERIC = ['resource', 'population', 'area', 'rankBy'] as const;

function parseRows(rows: PanelRow[], spec: PanelSpec): ParsedRow[] {
  return rows.map((r, i) => {
    const where = `row ${i + 1}`;
    const unit = cellText(r[spec.unit]);
    if (unit === undefined) throw new RangeError(`${FN}: ${where}, column ${spec.unit}: the unit is blank`);
    let year: number | null = null;
    if (spec.year !== undefined) {
      const y = cellNumber(r[spec.year]);
      if (y === undefined || y === 'bad' || !Number.isInteger(y)) {
        throw new RangeError(`${FN}: ${where} (${unit}), column ${spec.year}: not a year (${JSON.stringify(r[spec.year])})`);
      }
      year = y;
    }
    const at = year === null ? unit : `${unit}, ${year}`;
    const label = spec.label !== undefined ? cellText(r[spec.label]) ?? unit : unit;
    let group: string | null = null;
    if (spec.group !== undefined) {
      const g = cellText(r[spec.group]);
      if (g === undefined) throw new RangeError(`${FN}: ${at}, column ${spec.group}: the group is blank`);
      group = g;
    }
    const values: ParsedRow['values'] = {};
    let gap: ParsedRow['gap'] = null;
    for (const key of NUMERIC) {
      const column = spec[key];
      if (column === undefined) continue;
      const v = cellNumber(r[column]);
      if (v === 'bad') throw new TypeError(`${FN}: ${at}, column ${column}: not a number (${JSON.stringify(r[column])})`);
      if (v === undefined) {
        gap ??= { column, reason: 'missing value' };
        continue;
      }
      if (!Number.isFinite(v)) throw new RangeError(`${FN}: ${at}, column ${column}: ${v} is not finite`);
      if (key === 'resource' && v < 0) throw new RangeError(`${FN}: ${at}, column ${column}: the resource must be non-negative (got ${v})`);
      if ((key === 'population' || key === 'area') && !(v > 0)) {
        throw new RangeError(`${FN}: ${at}, column ${column}: the ${key} must be positive (got ${v})`);
      }
      values[key] = v;
    }
    return { unit, label, year, group, values, gap };
  });
}

function totalsOf(units: PanelUnit[], o: ResolvedPanelOptions, hasArea: boolean): PanelTotals {
  const resource = sum(units.map((u) => u.resource));
  const population = sum(units.map((u) => u.population));
  const area = hasArea ? sum(units.map((u) => u.area as number)) : 0;
  return {
    units: units.length,
    resource,
    population,
    area: hasArea ? area : null,
    density: (resource / population) * o.scale,
    areaDensity: hasArea ? (resource / area) * o.areaScale : null,
  };
}

/** Run a measure; an error gets the year in front, so a message says which year failed. */
function inYear<T>(year: number | null, compute: () => T): T {
  try {
    return compute();
  } catch (e) {
    if (e instanceof Error && year !== null) e.message = `${FN}, year ${year}: ${e.message}`;
    else if (e instanceof Error) e.message = `${FN}: ${e.message}`;
    throw e;
  }
}

function inequality(units: PanelUnit[], basis: 'population' | 'area', o: ResolvedPanelOptions, grouped: boolean): PanelInequality {
  const weights = units.map((u) => (basis === 'population' ? u.population : (u.area as number)));
  const values = units.map((u, i) => u.resource / weights[i]);
  const labels = units.map((u) => u.label);
  const theilOptions = { variant: o.theil.variant, base: o.theil.base, labels };
  const lorenz = lorenzCurve(values, weights, { labels });
  const g = gini(values, weights, { labels });
  let theil: PanelTheil;
  if (grouped) {
    const d = theilDecomposition(values, units.map((u) => u.group as string), weights, theilOptions);
    theil = {
      variant: d.variant,
      base: d.base,
      total: d.total,
      between: d.between,
      within: d.within,
      betweenShare: d.betweenShare,
      groups: d.groups.map((x) => ({
        group: String(x.group),
        units: x.units,
        populationShare: x.populationShare,
        resourceShare: x.resourceShare,
        theil: x.theil,
        contribution: x.withinContribution,
        shareOfWithin: x.shareOfWithin,
      })),
      units: unitTerms(units, d.units),
    };
  } else {
    const c = theilContributions(values, weights, theilOptions);
    theil = { variant: c.variant, base: c.base, total: c.total, between: null, within: null, betweenShare: null, groups: [], units: unitTerms(units, c.units) };
  }
  return { lorenz, gini: g, theil };
}

function unitTerms(
  units: PanelUnit[],
  terms: ReadonlyArray<{ index: number; populationShare: number; resourceShare: number; contribution: number }>,
): PanelTheil['units'] {
  return terms.map((t) => ({
    unit: units[t.index].unit,
    label: units[t.index].label,
    populationShare: t.populationShare,
    resourceShare: t.resourceShare,
    contribution: t.contribution,
  }));
}

function groupGini(members: PanelUnit[], basis: 'population' | 'area'): number | null {
  if (members.length < 2) return null;
  const weights = members.map((u) => (basis === 'population' ? u.population : (u.area as number)));
  if (members.every((u) => u.resource === 0)) return null;
  return gini(members.map((u, i) => u.resource / weights[i]), weights, { labels: members.map((u) => u.label) });
}

function analyseYear(year: number | null, units: PanelUnit[], o: ResolvedPanelOptions, spec: PanelSpec): PanelYear {
  const hasArea = spec.area !== undefined;
  const grouped = spec.group !== undefined;
  const groupNames: string[] = [];
  const members = new Map<string, PanelUnit[]>();
  if (grouped) {
    for (const u of units) {
      const g = u.group as string;
      if (!members.has(g)) {
        members.set(g, []);
        groupNames.push(g);
      }
      (members.get(g) as PanelUnit[]).push(u);
    }
  }
  const groups = groupNames.map((group) => {
    const m = members.get(group) as PanelUnit[];
    return {
      group,
      ...totalsOf(m, o, hasArea),
      giniByPopulation: groupGini(m, 'population'),
      giniByArea: hasArea ? groupGini(m, 'area') : null,
    };
  });
  const byPopulation = inequality(units, 'population', o, grouped);
  const byArea = hasArea ? inequality(units, 'area', o, grouped) : null;
  let concentration: PanelYear['concentration'] = null;
  if (spec.rankBy !== undefined) {
    const values = units.map((u) => u.resource / u.population);
    const rankBy = units.map((u) => u.rankBy as number);
    const population = units.map((u) => u.population);
    const labels = units.map((u) => u.label);
    concentration = {
      curve: concentrationCurve(values, rankBy, population, { labels }),
      index: concentrationIndex(values, rankBy, population, { ...o.concentration, labels }),
    };
  }
  let agg: PanelYear['agglomeration'] = null;
  if (hasArea) {
    const a = agglomeration({
      resource: units.map((u) => u.resource),
      population: units.map((u) => u.population),
      area: units.map((u) => u.area as number),
      labels: units.map((u) => u.label),
    });
    const aggUnits = units.map((u, i) => ({ name: u.unit, hrad: a.hrad[i], pad: a.pad[i], hradOverPad: a.hradToPad[i] }));
    let aggGroups: PanelAgglomeration[] = [];
    if (groups.length > 1) {
      const ga = agglomeration({
        resource: groups.map((g) => g.resource),
        population: groups.map((g) => g.population),
        area: groups.map((g) => g.area as number),
        labels: groups.map((g) => g.group),
      });
      aggGroups = groups.map((g, i) => ({ name: g.group, hrad: ga.hrad[i], pad: ga.pad[i], hradOverPad: ga.hradToPad[i] }));
    }
    agg = { units: aggUnits, groups: aggGroups };
  }
  return { year, units, total: totalsOf(units, o, hasArea), groups, byPopulation, byArea, concentration, agglomeration: agg };
}

function growthRows(years: PanelYear[], o: ResolvedPanelOptions): PanelGrowth[] {
  const dated = years.filter((y): y is PanelYear & { year: number } => y.year !== null);
  if (dated.length < 2) return [];
  const pairs: { from: number; to: number; kind: PanelGrowth['kind'] }[] = [];
  for (let i = 1; i < dated.length; i++) pairs.push({ from: dated[i - 1].year, to: dated[i].year, kind: 'consecutive' });
  const periods = o.periods.length ? o.periods : [[dated[0].year, dated[dated.length - 1].year] as [number, number]];
  for (const [from, to] of periods) pairs.push({ from, to, kind: 'period' });
  // Series per scope, name and measure.
  const series = new Map<string, { scope: PanelGrowth['scope']; name: string; measure: PanelGrowth['measure']; years: number[]; values: number[] }>();
  const add = (scope: PanelGrowth['scope'], name: string, measure: PanelGrowth['measure'], year: number, value: number): void => {
    const key = `${scope}\u0000${name}\u0000${measure}`;
    let s = series.get(key);
    if (!s) series.set(key, (s = { scope, name, measure, years: [], values: [] }));
    s.years.push(year);
    s.values.push(value);
  };
  for (const y of dated) {
    add('national', 'national', 'resource', y.year, y.total.resource);
    add('national', 'national', 'density', y.year, y.total.density);
    for (const g of y.groups) {
      add('group', g.group, 'resource', y.year, g.resource);
      add('group', g.group, 'density', y.year, g.density);
    }
    for (const u of y.units) {
      add('unit', u.unit, 'resource', y.year, u.resource);
      add('unit', u.unit, 'density', y.year, u.density);
    }
  }
  const out: PanelGrowth[] = [];
  for (const { from, to, kind } of pairs) {
    for (const s of series.values()) {
      const i = s.years.indexOf(from);
      const j = s.years.indexOf(to);
      if (i < 0 || j < 0 || !(s.values[i] > 0)) continue; // growth from zero is undefined; the rate is left out
      const g = growthBetween(s.years, s.values, from, to);
      out.push({
        scope: s.scope,
        name: s.name,
        measure: s.measure,
        fromYear: from,
        toYear: to,
        first: g.first,
        last: g.last,
        change: g.change,
        averageAnnualGrowthRate: g.averageAnnualGrowthRate,
        kind,
      });
    }
  }
  return out;
}

function longRows(years: PanelYear[]): PanelLongRow[] {
  const out: PanelLongRow[] = [];
  for (const y of years) {
    const push = (scope: PanelLongRow['scope'], name: string, measure: string, value: number | null): void => {
      if (value !== null) out.push({ year: y.year, scope, name, measure, value });
    };
    const totals = (scope: PanelLongRow['scope'], name: string, t: PanelTotals): void => {
      push(scope, name, 'units', t.units);
      push(scope, name, 'resource', t.resource);
      push(scope, name, 'population', t.population);
      push(scope, name, 'area', t.area);
      push(scope, name, 'density', t.density);
      push(scope, name, 'areaDensity', t.areaDensity);
    };
    totals('national', 'national', y.total);
    for (const g of y.groups) {
      totals('group', g.group, g);
      push('group', g.group, 'gini.population', g.giniByPopulation);
      push('group', g.group, 'gini.area', g.giniByArea);
    }
    for (const u of y.units) {
      push('unit', u.unit, 'resource', u.resource);
      push('unit', u.unit, 'population', u.population);
      push('unit', u.unit, 'area', u.area);
      push('unit', u.unit, 'density', u.density);
      push('unit', u.unit, 'areaDensity', u.areaDensity);
      push('unit', u.unit, 'rankBy', u.rankBy);
    }
    for (const [basis, r] of [['population', y.byPopulation], ['area', y.byArea]] as const) {
      if (r === null) continue;
      push('national', 'national', `gini.${basis}`, r.gini);
      push('national', 'national', `theil.${basis}.total`, r.theil.total);
      push('national', 'national', `theil.${basis}.between`, r.theil.between);
      push('national', 'national', `theil.${basis}.within`, r.theil.within);
      push('national', 'national', `theil.${basis}.betweenShare`, r.theil.betweenShare);
      for (const g of r.theil.groups) {
        push('group', g.group, `theil.${basis}.index`, g.theil);
        push('group', g.group, `theil.${basis}.contribution`, g.contribution);
        push('group', g.group, `theil.${basis}.shareOfWithin`, g.shareOfWithin);
      }
      for (const u of r.theil.units) push('unit', u.unit, `theil.${basis}.contribution`, u.contribution);
    }
    if (y.concentration !== null) {
      push('national', 'national', 'concentration.index', y.concentration.index.index);
      push('national', 'national', 'concentration.standardError', y.concentration.index.standardError);
    }
    if (y.agglomeration !== null) {
      for (const [scope, list] of [['unit', y.agglomeration.units], ['group', y.agglomeration.groups]] as const) {
        for (const a of list) {
          push(scope, a.name, 'hrad', a.hrad);
          push(scope, a.name, 'pad', a.pad);
          push(scope, a.name, 'hradOverPad', a.hradOverPad);
        }
      }
    }
  }
  return out;
}

/**
 * Every stage of the three-stage analysis over a panel, in one call: for each year, Stage 0 (totals and
 * densities, nationally and per group; growth between years and by period), Stage 1 (Lorenz curve and Gini by
 * population and by area), Stage 2 (Theil by population and by area, between/within groups, each group's and each
 * unit's contribution), Stage 3 (concentration curve and index ranked by `rankBy`) and the agglomeration degrees.
 *
 * What each number is (so that a published table can be rebuilt from the measures directly):
 * - by population: `values = resource / population`, `weights = population`; by area: `values = resource / area`,
 *   `weights = area`; `gini(values, weights)`, `lorenzCurve(values, weights)`, `theilDecomposition(values, groups,
 *   weights, options.theil)` (or `theilContributions` without groups);
 * - Stage 3: `concentrationIndex(resource / population, rankBy, population, options.concentration)`;
 * - agglomeration: `agglomeration({ resource, population, area })` over the units, and over the groups' totals;
 * - densities: resource / population × `scale`, resource / area × `areaScale`; growth: `growthBetween` of the
 *   totals and densities (consecutive years, and each period).
 *
 * Input: `rows`, an array of records or a danfo DataFrame, one row per unit and year; `spec` names the columns
 * (see `PanelSpec`). Numbers may be numbers or text such as "1,234" (read by `parseTableNumber`).
 * - A blank unit, a year that is not a whole number, text that is not a number, a negative resource, a population
 *   or area that is not positive: an error naming the row (or unit and year) and the column.
 * - A unit listed twice in one year: RangeError. A missing value, or a unit without a row in a year that others
 *   have: RangeError naming unit, year and column — unless `dropIncomplete: true`, which drops the unit from every
 *   year and lists it in `dropped`.
 * - A measure's own error (e.g. a zero resource with Theil L) is rethrown with the year in front.
 *
 * Reference: the three stages as in Fu Y, Wang J, Sun J, Zhang S, Huang D (2023). Equity in the allocation of
 * general practitioner resources in mainland China from 2012 to 2019. Healthcare 11(3):398.
 * doi:10.3390/healthcare11030398; each measure cites its own source.
 *
 * @param rows the panel: records or a DataFrame
 * @param spec which column holds the unit, year, resource, population, area, group, rankBy and label
 * @param options `scale`, `areaScale`, `theil`, `concentration`, `years`, `periods`, `dropIncomplete`
 * @returns a `PanelAnalysis`: `years` (typed records), `growth`, `dropped`, and `long` (tidy long form)
 * @example
 * const rows = [
 *   { unit: 'A', region: 'x', doctors: 10, people: 1000, km2: 50 },
 *   { unit: 'B', region: 'x', doctors: 30, people: 1000, km2: 20 },
 *   { unit: 'C', region: 'y', doctors: 60, people: 2000, km2: 30 },
 * ];
 * const result = analysePanel(rows, { unit: 'unit', resource: 'doctors', population: 'people', area: 'km2', group: 'region' });
 * result.years[0].total.density; // => 25
 * result.years[0].byPopulation.gini; // => 0.15
 * result.years[0].agglomeration.units.map((a) => a.hrad); // => [0.2, 1.5, 2]
 */
export function analysePanel(rows: readonly PanelRow[] | FrameLike, spec: PanelSpec, options: PanelOptions = {}): PanelAnalysis {
  const records = rowsOf(rows);
  if (records.length === 0) throw new RangeError(`${FN}: the panel has no rows`);
  const columns = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) columns.add(k);
  const s = checkSpec(spec, columns);
  const o = resolveOptions(options);
  const parsed = parseRows(records, s);

  // Years to analyse, and the units expected in each.
  const allYears = [...new Set(parsed.map((r) => r.year))].sort((a, b) => (a ?? 0) - (b ?? 0));
  let years = allYears;
  if (o.years !== null) {
    for (const y of o.years) if (!allYears.includes(y)) throw new RangeError(`${FN}: year ${y} is not in the data (years: ${allYears.join(', ')})`);
    years = [...new Set(o.years)].sort((a, b) => a - b);
  }
  for (const [from, to] of o.periods) {
    for (const y of [from, to]) if (!years.includes(y)) throw new RangeError(`${FN}: period ${from}-${to}: year ${y} is not analysed (years: ${years.join(', ')})`);
  }
  const byYear = new Map<number | null, Map<string, ParsedRow>>();
  for (const y of years) byYear.set(y, new Map());
  const unitOrder: string[] = [];
  const seenUnits = new Set<string>();
  parsed.forEach((r, i) => {
    const table = byYear.get(r.year);
    if (!table) return; // a year not analysed
    if (table.has(r.unit)) {
      throw new RangeError(`${FN}: unit ${r.unit} appears twice${r.year === null ? '' : ` in ${r.year}`} (row ${i + 1})`);
    }
    table.set(r.unit, r);
    if (!seenUnits.has(r.unit)) {
      seenUnits.add(r.unit);
      unitOrder.push(r.unit);
    }
  });

  // Gaps: a missing value, or no row for a unit in a year.
  const dropped: DroppedUnit[] = [];
  const droppedUnits = new Set<string>();
  for (const unit of unitOrder) {
    for (const y of years) {
      const r = (byYear.get(y) as Map<string, ParsedRow>).get(unit);
      const gap = r === undefined ? { column: s.unit, reason: 'no row' } : r.gap;
      if (gap === null) continue;
      const at = y === null ? '' : ` in ${y}`;
      if (!o.dropIncomplete) {
        throw new RangeError(
          `${FN}: unit ${unit} has ${gap.reason === 'no row' ? 'no row' : `no value in column ${gap.column}`}${at} ` +
            '(fill it in, or pass dropIncomplete: true to leave such units out)',
        );
      }
      dropped.push({ unit, year: y, column: gap.column, reason: gap.reason });
      droppedUnits.add(unit);
      break;
    }
  }

  const analysed = years.map((y) => {
    const table = byYear.get(y) as Map<string, ParsedRow>;
    const units: PanelUnit[] = [];
    for (const unit of unitOrder) {
      if (droppedUnits.has(unit)) continue;
      const r = table.get(unit) as ParsedRow;
      const v = r.values;
      units.push({
        unit,
        label: r.label,
        group: r.group,
        resource: v.resource as number,
        population: v.population as number,
        area: s.area === undefined ? null : (v.area as number),
        rankBy: s.rankBy === undefined ? null : (v.rankBy as number),
        density: ((v.resource as number) / (v.population as number)) * o.scale,
        areaDensity: s.area === undefined ? null : ((v.resource as number) / (v.area as number)) * o.areaScale,
      });
    }
    if (units.length < 2) {
      throw new RangeError(`${FN}: ${y === null ? 'the table' : `year ${y}`} has ${units.length} unit${units.length === 1 ? '' : 's'} left; inequality needs at least two`);
    }
    return inYear(y, () => analyseYear(y, units, o, s));
  });
  const growth = growthRows(analysed, o);
  return { spec: s, options: o, years: analysed, growth, dropped, long: longRows(analysed) };
}
