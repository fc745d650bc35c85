/**
 * Fu et al. (2023): what the numbers depend on — which Theil formula and logarithm, which population vintage,
 * which land-area table — and whether a change between two years exceeds a bootstrap yardstick. Each function
 * returns records; the audit notebook shows them.
 *
 * Fu Y, Wang J, Sun J, Zhang S, Huang D (2023). Healthcare 11(3):398. doi:10.3390/healthcare11030398
 */
import { bootstrap } from '../../measures/bootstrap';
import type { BootstrapResult } from '../../measures/bootstrap';
import { gini } from '../../measures/gini';
import type { TheilVariant } from '../../measures/theil';
import { roundingTolerance } from '../reproduction';
import { printedValue } from '../common';
import { fu2023Analysis, fu2023Stats, fu2023StatsOf } from './equity';
import type { Fu2023Stats } from './equity';
import { FU2023_REGION_ID, FU2023_ZONES, fu2023Cell, fu2023ProvinceIndices } from './inputs';
import { fu2023StatsWithImpliedAreas } from './study';
import type { Fu2023Study } from './study';
import { FU2023_SWAP_2016, FU2023_TABLE7_COLUMNS, fu2023BandTolerance, fu2023RatioRoundingBound } from './tables';

/** A candidate Theil formula: variant and base of the logarithm. */
export interface Fu2023TheilCandidate {
  label: string;
  variant: TheilVariant;
  base: number;
  /** Largest |ours - Table 7| over 2012-2019, per column label ('T pop', 'B pop', …, 'W area'). */
  maxDifference: Record<string, number>;
  /** The statistics per year with this formula. */
  stats: Fu2023Stats[];
}

/**
 * Table 7 computed with Theil L and T in base 10, e and 2 (through `analysePanel`): only Theil L in log10 fits.
 * @example
 * const c = fu2023TheilCandidates(fu2023Study());
 * c.map((x) => x.label); // => ['Theil L, log10', 'Theil L, ln', 'Theil L, log2', 'Theil T, log10', 'Theil T, ln']
 * c[0].maxDifference['T pop'] < 0.0003; // => true
 */
export function fu2023TheilCandidates(study: Fu2023Study): Fu2023TheilCandidate[] {
  const { inputs } = study;
  const candidates = [
    { label: 'Theil L, log10', variant: 'L' as const, base: 10 },
    { label: 'Theil L, ln', variant: 'L' as const, base: Math.E },
    { label: 'Theil L, log2', variant: 'L' as const, base: 2 },
    { label: 'Theil T, log10', variant: 'T' as const, base: 10 },
    { label: 'Theil T, ln', variant: 'T' as const, base: Math.E },
  ];
  return candidates.map((c) => {
    const stats = fu2023Analysis({ theil: { variant: c.variant, base: c.base } }, inputs).years.map(fu2023Stats);
    const maxDifference = Object.fromEntries(FU2023_TABLE7_COLUMNS.slice(0, 6).map(({ key, measure, basis, label }) => [
      label,
      Math.max(...inputs.years.map((y, t) => Math.abs(stats[t][key] - printedValue(fu2023Cell(7, { measure, basis, year: y }, inputs))))),
    ]));
    return { ...c, maxDifference, stats };
  });
}

/** The population-based indices under each population vintage, one year. */
export type Fu2023VintageEffect = {
  year: number;
  giniFirstPublished: number;
  /** (a) re-analysis: GP counts kept, densities GP / revised population. */
  giniReanalysis: number;
  /** (b) weights only: printed densities, revised population weights. */
  giniWeightsOnly: number;
  theilFirstPublished: number;
  theilReanalysis: number;
  theilWeightsOnly: number;
  /** Largest |revised / first-published - 1| over the provinces, %. */
  largestRevisionPct: number;
};

/**
 * What the revised population series (after the 2020 census) would change: (a) a re-analysis and (b) weights only.
 * @example
 * const v = fu2023VintageEffects(fu2023Study());
 * v.every((r) => r.giniWeightsOnly > r.giniFirstPublished); // => true
 */
export function fu2023VintageEffects(study: Fu2023Study): Fu2023VintageEffect[] {
  const { inputs } = study;
  const revised = fu2023Analysis({ population: 'revised' }, inputs).years.map(fu2023Stats);
  const zones = inputs.provinces.map((p) => p.zone);
  const areas = inputs.provinces.map((p) => p.areaKm2);
  return inputs.years.map((year, t) => {
    const weightsOnly = fu2023StatsOf(inputs.density[t], inputs.populationRevised[t], areas, zones);
    return {
      year,
      giniFirstPublished: study.stats[t].giniPopulation, giniReanalysis: revised[t].giniPopulation, giniWeightsOnly: weightsOnly.giniPopulation,
      theilFirstPublished: study.stats[t].theilPopulation, theilReanalysis: revised[t].theilPopulation, theilWeightsOnly: weightsOnly.theilPopulation,
      largestRevisionPct: Math.max(...inputs.provinces.map((_, i) => Math.abs(100 * (inputs.populationRevised[t][i] / inputs.population[t][i] - 1)))),
    };
  });
}

/** The area-based indices with each land-area table, one year, against the paper. */
export type Fu2023AreaSourceEffect = {
  year: number;
  giniPublished: number;
  giniSurvey: number;
  giniWikipedia: number;
  /** With the area shares implied by the paper's other years of Table 10 (an internal check, not a source). */
  giniImplied: number;
  theilPublished: number;
  theilSurvey: number;
  theilWikipedia: number;
  theilImplied: number;
  betweenPublished: number;
  betweenSurvey: number;
  betweenWikipedia: number;
  withinPublished: number;
  withinSurvey: number;
  withinWikipedia: number;
  /** Whether the area Gini lies within its band tolerance (band computed with the same areas). */
  giniSurveyWithin: boolean;
  giniWikipediaWithin: boolean;
  /** |Wikipedia - survey| area Gini over the rounding SD of the area Gini. */
  giniShiftOverSd: number;
};

/**
 * The area Gini and area Theil (with its parts) with the land survey, the Wikipedia areas and the implied shares.
 * @example
 * const e = fu2023AreaSourceEffects(fu2023Study());
 * e.filter((r) => r.giniSurveyWithin).length; // => 8
 * e.filter((r) => r.giniWikipediaWithin).length; // => 0
 */
export function fu2023AreaSourceEffects(study: Fu2023Study): Fu2023AreaSourceEffect[] {
  const { inputs } = study;
  return inputs.years.map((year, t) => {
    const c7 = (measure: string) => printedValue(fu2023Cell(7, { measure, basis: 'geographical_area', year }, inputs));
    const giniCell = fu2023Cell(6, { basis: 'geographical_area', year }, inputs);
    const implied = fu2023StatsWithImpliedAreas(study, t);
    const s = study.stats[t];
    const w = study.statsWikipedia[t];
    const giniPublished = printedValue(giniCell);
    return {
      year, giniPublished, giniSurvey: s.giniArea, giniWikipedia: w.giniArea, giniImplied: implied.giniArea,
      theilPublished: c7('theil_total'), theilSurvey: s.theilArea, theilWikipedia: w.theilArea, theilImplied: implied.theilArea,
      betweenPublished: c7('theil_between'), betweenSurvey: s.betweenArea, betweenWikipedia: w.betweenArea,
      withinPublished: c7('theil_within'), withinSurvey: s.withinArea, withinWikipedia: w.withinArea,
      giniSurveyWithin: Math.abs(s.giniArea - giniPublished) <= fu2023BandTolerance(study, t, 'giniArea', giniCell.valueText),
      giniWikipediaWithin: Math.abs(w.giniArea - giniPublished) <= fu2023BandTolerance(study, t, 'giniArea', giniCell.valueText, true),
      giniShiftOverSd: Math.abs(w.giniArea - s.giniArea) / study.band[t].giniArea.sd,
    };
  });
}

/** Table 10 (HRAD) with one land-area table: how many cells fall within the density-rounding tolerance. */
export type Fu2023HradSourceFit = {
  source: 'land survey 2008' | 'Wikipedia';
  /** Province cells within the tolerance of Table 10 (of 248). */
  provincesWithin: number;
  /** The province cells outside it ('Guangxi 2016', …). */
  misses: string[];
  /** Largest |difference| apart from the swapped 2016 cells. */
  worstOutsideSwap: number;
  /** Zone cells within half a printed unit (of 24). */
  zonesWithin: number;
};

/**
 * HRAD of every province and zone with each land-area table, against Table 10.
 * @example
 * fu2023HradBySource(fu2023Study()).map((s) => s.provincesWithin); // => [246, 67]
 */
export function fu2023HradBySource(study: Fu2023Study): Fu2023HradSourceFit[] {
  const { inputs } = study;
  return [
    { source: 'land survey 2008' as const, shareOf: study.areaShare },
    { source: 'Wikipedia' as const, shareOf: study.areaShareWikipedia },
  ].map(({ source, shareOf }) => {
    let provincesWithin = 0;
    let worst = 0;
    const misses: string[] = [];
    inputs.years.forEach((y, t) => inputs.provinces.forEach((p, i) => {
      const cell = study.hradCells[t][i];
      const hrad = study.gpShare[t][i] / shareOf[i];
      const d = hrad - printedValue(cell);
      if (Math.abs(d) <= fu2023RatioRoundingBound(study, hrad, t, i, cell.valueText)) provincesWithin++;
      else misses.push(`${p.name} ${y}`);
      if (!(y === 2016 && FU2023_SWAP_2016[p.name])) worst = Math.max(worst, Math.abs(d));
    }));
    let zonesWithin = 0;
    inputs.years.forEach((y, t) => FU2023_ZONES.forEach((zone) => {
      const cell = fu2023Cell(10, { regionId: FU2023_REGION_ID[zone], year: y }, inputs);
      const idx = fu2023ProvinceIndices(zone, inputs);
      const hrad = (inputs.table1[zone][t] / inputs.table1.Total[t]) / idx.reduce((s, i) => s + shareOf[i], 0);
      if (Math.abs(hrad - printedValue(cell)) <= roundingTolerance(cell.valueText) * (1 + 1e-9)) zonesWithin++;
    }));
    return { source, provincesWithin, misses, worstOutsideSwap: worst, zonesWithin };
  });
}

/** Seed, replicates and level of the bootstrap intervals. */
export const FU2023_BOOTSTRAP = Object.freeze({ replicates: 2000, seed: 20230398, level: 0.95 });

/** The Gini by population of one year with its bootstrap interval, and the paired interval of the change. */
export type Fu2023GiniInterval = {
  year: number;
  gini: BootstrapResult;
  /** Change from the previous year, provinces resampled in pairs; null for the first year. */
  change: BootstrapResult | null;
  /** Whether the paired interval of the change excludes 0. */
  changeBeyondUncertainty: boolean | null;
  /** Standard deviation of the Gini under density rounding alone. */
  roundingSd: number;
};

/**
 * Percentile bootstrap of the Gini by population (provinces resampled with replacement), and of each year-to-year
 * change with the provinces resampled together for both years.
 * @example
 * const b = fu2023GiniIntervals(fu2023Study(), { replicates: 200 });
 * b[0].gini.lower < b[0].gini.estimate; // => true
 */
export function fu2023GiniIntervals(study: Fu2023Study, options: { replicates?: number; seed?: number; level?: number } = {}): Fu2023GiniInterval[] {
  const { inputs } = study;
  const settings = { ...FU2023_BOOTSTRAP, ...options };
  return inputs.years.map((year, t) => {
    const g = bootstrap((d, w) => gini(d, w), [inputs.density[t], inputs.population[t]], settings);
    const change = t === 0 ? null : bootstrap(
      ({ d0, w0, d1, w1 }) => gini(d1, w1) - gini(d0, w0),
      { d0: inputs.density[t - 1], w0: inputs.population[t - 1], d1: inputs.density[t], w1: inputs.population[t] },
      settings,
    );
    return {
      year, gini: g, change, changeBeyondUncertainty: change === null ? null : change.upper < 0 || change.lower > 0,
      roundingSd: study.band[t].giniPopulation.sd,
    };
  });
}
