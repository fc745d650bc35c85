/**
 * Fu et al. (2023) through the analysis layer: the provinces as a panel for `analysePanel` (Stage 0 volumes and
 * growth, Stage 1 Gini by population and area, Stage 2 Theil L in base-10 logarithms decomposed over the three
 * zones, agglomeration), the statistics the paper prints as one flat record per year, and the density-rounding band
 * (a seeded Monte Carlo over the printed densities) that sets the tolerance of every Gini and Theil cell.
 *
 * Fu Y, Wang J, Sun J, Zhang S, Huang D (2023). Healthcare 11(3):398. doi:10.3390/healthcare11030398
 */
import { analysePanel } from '../../analysis/panel';
import type { PanelAnalysis, PanelYear } from '../../analysis/panel';
import { gini } from '../../measures/gini';
import { theilDecomposition } from '../../measures/theil';
import type { TheilDecomposition, TheilVariant } from '../../measures/theil';
import { seededRandom } from '../../measures/random';
import { quantileBand } from '../common';
import type { RoundingBand } from '../common';
import { fu2023GpCounts, loadFu2023Inputs } from './inputs';
import type { Fu2023Inputs } from './inputs';

/** The paper's Theil index: the mean log deviation (Theil L) in base-10 logarithms (shown in the audit notebook). */
export const FU2023_THEIL = Object.freeze({ variant: 'L' as TheilVariant, base: 10 });

/** One row of the provinces panel handed to `analysePanel` (a type alias, so that it is a plain record). */
export type Fu2023PanelRow = {
  province: string;
  code: string;
  zone: string;
  year: number;
  /** Rebuilt GP count: printed density × population. */
  gp: number;
  /** 10,000 persons. */
  population: number;
  /** km². */
  area: number;
};

/** Which inputs a panel uses: population vintage and land-area table. */
export interface Fu2023PanelOptions {
  /** 'first-published' (the paper's, default), or 'revised' (GP counts kept, densities GP / revised population). */
  population?: 'first-published' | 'revised';
  /** 'land-survey' (the 2008 land survey, default) or 'wikipedia'. */
  area?: 'land-survey' | 'wikipedia';
}

/**
 * The provinces panel: one record per province and year, the GP count rebuilt from the printed density and the
 * first-published population. With `population: 'revised'` the counts stay and the population changes.
 * @example
 * const rows = fu2023PanelRows();
 * rows.length; // => 248
 * rows[0]; // => { province: 'Beijing', zone: 'East', year: 2012, population: 2069 }
 */
export function fu2023PanelRows(options: Fu2023PanelOptions = {}, inputs: Fu2023Inputs = loadFu2023Inputs()): Fu2023PanelRow[] {
  const gp = fu2023GpCounts(inputs);
  const population = options.population === 'revised' ? inputs.populationRevised : inputs.population;
  return inputs.years.flatMap((year, t) => inputs.provinces.map((p, i) => ({
    province: p.name, code: p.code, zone: p.zone, year, gp: gp[t][i], population: population[t][i],
    area: options.area === 'wikipedia' ? p.areaWikipediaKm2 : p.areaKm2,
  })));
}

/**
 * `analysePanel` on the provinces panel with the paper's choices: density per 10,000 people (population is in
 * 10,000 persons, so `scale: 1`), Theil L in base-10 logarithms, zones as groups, growth over 2012-2019.
 * @example
 * const result = fu2023Analysis();
 * result.years[0].byPopulation.gini; // => 0.31225
 * result.years[7].byPopulation.theil.within; // => 0.01642
 */
export function fu2023Analysis(options: Fu2023PanelOptions & { theil?: { variant?: TheilVariant; base?: number } } = {}, inputs: Fu2023Inputs = loadFu2023Inputs()): PanelAnalysis {
  const { theil = FU2023_THEIL, ...panel } = options;
  return analysePanel(
    fu2023PanelRows(panel, inputs),
    { unit: 'province', year: 'year', resource: 'gp', population: 'population', area: 'area', group: 'zone' },
    { scale: 1, theil: { variant: theil.variant ?? 'L', base: theil.base ?? 10 }, periods: [[2012, 2019]] },
  );
}

/** The statistics of Tables 6 and 7, for one year. */
export type Fu2023Stats = {
  giniPopulation: number;
  giniArea: number;
  theilPopulation: number;
  betweenPopulation: number;
  withinPopulation: number;
  /** 100 × within / total. */
  withinPctPopulation: number;
  theilArea: number;
  betweenArea: number;
  withinArea: number;
  withinPctArea: number;
};
/** The keys of `Fu2023Stats`. */
export type Fu2023StatKey = keyof Fu2023Stats;
/** The keys of `Fu2023Stats`, in table order. */
export const FU2023_STAT_KEYS: readonly Fu2023StatKey[] = Object.freeze([
  'giniPopulation', 'giniArea', 'theilPopulation', 'betweenPopulation', 'withinPopulation', 'withinPctPopulation',
  'theilArea', 'betweenArea', 'withinArea', 'withinPctArea',
] as Fu2023StatKey[]);

/**
 * The Table 6 and 7 statistics of one year of `analysePanel`'s result.
 * @example
 * fu2023Stats(fu2023Analysis().years[0]).theilPopulation; // => 0.07413
 */
export function fu2023Stats(year: PanelYear): Fu2023Stats {
  const pop = year.byPopulation.theil;
  const area = year.byArea?.theil;
  if (!area || year.byArea === null || pop.within === null || pop.between === null || area.within === null || area.between === null) {
    throw new RangeError(`fu2023Stats: year ${year.year} lacks the area or the zones`);
  }
  return {
    giniPopulation: year.byPopulation.gini, giniArea: year.byArea.gini,
    theilPopulation: pop.total, betweenPopulation: pop.between, withinPopulation: pop.within, withinPctPopulation: (100 * pop.within) / pop.total,
    theilArea: area.total, betweenArea: area.between, withinArea: area.within, withinPctArea: (100 * area.within) / area.total,
  };
}

/**
 * The same statistics straight from the measures, for any densities, population and area (or area shares): used by
 * the Monte Carlo band and the sensitivity checks, where the inputs are perturbed thousands of times.
 * `gini(d, P)`, `gini(GP / A, A)`, `theilDecomposition(d, zones, P, theil)`, `theilDecomposition(GP / A, zones, A, theil)`.
 * @example
 * const inputs = loadFu2023Inputs();
 * const zones = inputs.provinces.map((p) => p.zone);
 * const areas = inputs.provinces.map((p) => p.areaKm2);
 * fu2023StatsOf(inputs.density[0], inputs.population[0], areas, zones).giniPopulation; // => 0.31225
 */
export function fu2023StatsOf(
  density: ArrayLike<number>, population: ArrayLike<number>, area: ArrayLike<number>, zones: ArrayLike<string>,
  theil: { variant: TheilVariant; base: number } = FU2023_THEIL,
): Fu2023Stats {
  const d = Array.from(density);
  const perKm2 = d.map((x, i) => (x * population[i]) / area[i]);
  const zoneList = Array.from(zones);
  const byPop: TheilDecomposition = theilDecomposition(d, zoneList, population, theil);
  const byArea: TheilDecomposition = theilDecomposition(perKm2, zoneList, area, theil);
  return {
    giniPopulation: gini(d, population), giniArea: gini(perKm2, area),
    theilPopulation: byPop.total, betweenPopulation: byPop.between, withinPopulation: byPop.within, withinPctPopulation: 100 * byPop.withinShare,
    theilArea: byArea.total, betweenArea: byArea.between, withinArea: byArea.within, withinPctArea: 100 * byArea.withinShare,
  };
}

/** Seed and number of draws of the density-rounding band. */
export const FU2023_ROUNDING_BAND = Object.freeze({ seed: 20230398, draws: 2000, level: 0.99 });

/** The band of every statistic in every year: `band[t][key]`. */
export type Fu2023RoundingBand = Array<Record<Fu2023StatKey, RoundingBand>>;

/**
 * The density-rounding band: each printed density is drawn uniformly within ±0.005 of its printed value (seeded
 * Mulberry32, draws in the order draw → year → province), every statistic recomputed, and the central 99 % and the
 * standard deviation of the draws kept. It says how far the rounding of the paper's inputs alone can move each index.
 * @param area land areas (km²) per province, default the 2008 land survey
 * @example
 * const band = fu2023RoundingBand(undefined, { draws: 200 });
 * band[0].giniPopulation.sd < 0.001; // => true
 */
export function fu2023RoundingBand(
  area?: ArrayLike<number>, options: { seed?: number; draws?: number; level?: number } = {}, inputs: Fu2023Inputs = loadFu2023Inputs(),
): Fu2023RoundingBand {
  const { seed, draws: n, level } = { ...FU2023_ROUNDING_BAND, ...options };
  const areas = area ?? inputs.provinces.map((p) => p.areaKm2);
  const zones = inputs.provinces.map((p) => p.zone);
  const random = seededRandom(seed);
  const draws = inputs.years.map(() => Object.fromEntries(FU2023_STAT_KEYS.map((k) => [k, [] as number[]])) as Record<Fu2023StatKey, number[]>);
  for (let s = 0; s < n; s++) {
    inputs.years.forEach((_, t) => {
      const perturbed = inputs.density[t].map((d) => d + (random() - 0.5) * 0.01);
      const stats = fu2023StatsOf(perturbed, inputs.population[t], areas, zones);
      for (const k of FU2023_STAT_KEYS) draws[t][k].push(stats[k]);
    });
  }
  return draws.map((byKey) => Object.fromEntries(FU2023_STAT_KEYS.map((k) => [k, quantileBand(byKey[k], level)])) as Record<Fu2023StatKey, RoundingBand>);
}
