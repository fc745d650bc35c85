/**
 * The Fu et al. (2023) study computed once: inputs, the analysis layer's result with each land-area table, the
 * statistics of Tables 6-7 per year, the density-rounding bands, and the land-area identification from Table 10
 * (the area shares the paper's own HRADs imply).
 *
 * Fu Y, Wang J, Sun J, Zhang S, Huang D (2023). Healthcare 11(3):398. doi:10.3390/healthcare11030398
 */
import type { PanelAnalysis } from '../../analysis/panel';
import { median, printedValue } from '../common';
import { fu2023Analysis, fu2023RoundingBand, fu2023Stats, fu2023StatsOf } from './equity';
import type { Fu2023RoundingBand, Fu2023StatKey, Fu2023Stats } from './equity';
import { fu2023Cell, fu2023GpCounts, loadFu2023Inputs } from './inputs';
import type { Fu2023Inputs } from './inputs';
import type { PublishedCell } from '../../data/published';

/** Everything the reproduction and the notebooks reuse. Matrices are [year index][province index]. */
export interface Fu2023Study {
  inputs: Fu2023Inputs;
  /** Rebuilt GP counts (printed density × first-published population). */
  gp: number[][];
  /** `analysePanel` with the 2008 land-survey areas (the paper's table). */
  analysis: PanelAnalysis;
  /** The same with the Wikipedia areas (the sensitivity check). */
  analysisWikipedia: PanelAnalysis;
  /** Tables 6-7 statistics per year, land survey. */
  stats: Fu2023Stats[];
  /** Tables 6-7 statistics per year, Wikipedia areas. */
  statsWikipedia: Fu2023Stats[];
  /** Density-rounding band per year and statistic, land survey. */
  band: Fu2023RoundingBand;
  /** The same band with the Wikipedia areas (same seed). */
  bandWikipedia: Fu2023RoundingBand;
  /** Each province's share of the GPs, per year. */
  gpShare: number[][];
  /** Area shares: 2008 land survey and Wikipedia. */
  areaShare: number[];
  areaShareWikipedia: number[];
  /** The printed Table 10 cells, [year][province]. */
  hradCells: PublishedCell[][];
  /** The printed Table 11 cells, [year][province]. */
  hradToPadCells: PublishedCell[][];
}

const shares = (x: number[]): number[] => {
  const total = x.reduce((a, b) => a + b, 0);
  return x.map((v) => v / total);
};

let cached: Fu2023Study | null = null;

/**
 * Compute the study once (cached): about 30,000 evaluations of the indices for the two rounding bands.
 * @example
 * const study = fu2023Study();
 * study.stats[7].giniPopulation; // => 0.18705
 * study.band[0].giniPopulation.sd < 0.001; // => true
 */
export function fu2023Study(): Fu2023Study {
  if (cached) return cached;
  const inputs = loadFu2023Inputs();
  const analysis = fu2023Analysis({}, inputs);
  const analysisWikipedia = fu2023Analysis({ area: 'wikipedia' }, inputs);
  const gp = fu2023GpCounts(inputs);
  const cellsOf = (k: number) => inputs.years.map((y) => inputs.provinces.map((p) => fu2023Cell(k, { provinceCode: p.code, year: y }, inputs)));
  cached = {
    inputs,
    gp,
    analysis,
    analysisWikipedia,
    stats: analysis.years.map(fu2023Stats),
    statsWikipedia: analysisWikipedia.years.map(fu2023Stats),
    band: fu2023RoundingBand(undefined, {}, inputs),
    bandWikipedia: fu2023RoundingBand(inputs.provinces.map((p) => p.areaWikipediaKm2), {}, inputs),
    gpShare: gp.map(shares),
    areaShare: shares(inputs.provinces.map((p) => p.areaKm2)),
    areaShareWikipedia: shares(inputs.provinces.map((p) => p.areaWikipediaKm2)),
    hradCells: cellsOf(10),
    hradToPadCells: cellsOf(11),
  };
  return cached;
}

/**
 * The area share implied by Table 10 in year index t for province i: GP share / printed HRAD.
 * @example
 * fu2023ImpliedAreaShareIn(fu2023Study(), 7, 0) * 100; // => 0.1726
 */
export function fu2023ImpliedAreaShareIn(study: Fu2023Study, t: number, i: number): number {
  return study.gpShare[t][i] / printedValue(study.hradCells[t][i]);
}

/**
 * The year indices whose implied shares are pooled: all but `skip`, and never 2016 (its swapped cells).
 * @example
 * fu2023ImpliedAreaYears(fu2023Study(), 0); // => [1, 2, 3, 5, 6, 7]
 */
export function fu2023ImpliedAreaYears(study: Fu2023Study, skip: number | null): number[] {
  return study.inputs.years.map((_, t) => t).filter((t) => t !== skip && study.inputs.years[t] !== 2016);
}

/**
 * Each province's area share implied by Table 10: the median over the years other than `skip` (and 2016).
 * @example
 * fu2023ImpliedAreaShares(fu2023Study(), null).length; // => 31
 */
export function fu2023ImpliedAreaShares(study: Fu2023Study, skip: number | null): number[] {
  const years = fu2023ImpliedAreaYears(study, skip);
  return study.inputs.provinces.map((_, i) => median(years.map((t) => fu2023ImpliedAreaShareIn(study, t, i))));
}

/** One province in the land-area identification. */
export type Fu2023ImpliedArea = {
  province: string;
  zone: string;
  areaKm2: number;
  areaWikipediaKm2: number;
  /** Land-survey share, %. */
  surveySharePct: number;
  /** Implied share (median over 2012-2019 without 2016), %. */
  impliedSharePct: number;
  /** (max - min) / median of the yearly implied shares, %. */
  spreadPct: number;
  /** implied share / land-survey share. */
  impliedOverSurvey: number;
  /** implied share / Wikipedia share. */
  impliedOverWikipedia: number;
  /** implied / Wikipedia share, divided by its median over the provinces (a common rescaling). */
  impliedOverWikipediaRescaled: number;
};

/** How far the implied shares lie from one source's shares. */
export interface Fu2023AreaGap {
  /** Largest |implied / source - 1|, %. */
  largestPct: number;
  /** Where it is. */
  province: string;
  /** The largest without Tibet (whose implied share is noisy: HRAD printed with one or two significant digits), %. */
  largestWithoutTibetPct: number;
  /** Median implied / source share over the provinces. */
  commonScale: number;
  /** Provinces more than 1.5 % off after dividing by the common scale, with that ratio. */
  far: { province: string; ratio: number }[];
}

/** Which land-area table the paper used, read from its Table 10. */
export interface Fu2023LandAreaIdentification {
  provinces: Fu2023ImpliedArea[];
  /** Sum of the implied shares (1 if one table fits all). */
  impliedShareSum: number;
  survey: Fu2023AreaGap;
  wikipedia: Fu2023AreaGap;
  /** The source whose shares the implied ones match: the one with the smaller largest gap without Tibet. */
  identified: 'nbs_land_survey_2008' | 'henrylin03_area_wikipedia';
}

/**
 * The land-area identification: since HRAD = GP share / area share, GP share / printed HRAD is the area share the
 * authors used; the median over the years is compared with the 2008 land survey and the Wikipedia figures.
 * @example
 * const id = fu2023LandAreaIdentification(fu2023Study());
 * id.identified; // => 'nbs_land_survey_2008'
 * id.survey; // => { largestPct: 0.91, province: 'Tibet', largestWithoutTibetPct: 0.27 }
 */
export function fu2023LandAreaIdentification(study: Fu2023Study): Fu2023LandAreaIdentification {
  const { inputs } = study;
  const implied = fu2023ImpliedAreaShares(study, null);
  const gap = (share: number[]): Fu2023AreaGap => {
    const ratio = implied.map((v, i) => v / share[i]);
    const dev = ratio.map((r) => Math.abs(r - 1));
    const i = dev.indexOf(Math.max(...dev));
    const commonScale = median(ratio);
    return {
      largestPct: 100 * dev[i],
      province: inputs.provinces[i].name,
      largestWithoutTibetPct: 100 * Math.max(...dev.filter((_, k) => inputs.provinces[k].name !== 'Tibet')),
      commonScale,
      far: ratio.map((r, k) => ({ province: inputs.provinces[k].name, ratio: r / commonScale })).filter((x) => Math.abs(x.ratio - 1) > 0.015),
    };
  };
  const survey = gap(study.areaShare);
  const wikipedia = gap(study.areaShareWikipedia);
  const provinces = inputs.provinces.map((p, i) => {
    const spread = fu2023ImpliedAreaYears(study, null).map((t) => fu2023ImpliedAreaShareIn(study, t, i));
    return {
      province: p.name, zone: p.zone, areaKm2: p.areaKm2, areaWikipediaKm2: p.areaWikipediaKm2,
      surveySharePct: 100 * study.areaShare[i], impliedSharePct: 100 * implied[i],
      spreadPct: (100 * (Math.max(...spread) - Math.min(...spread))) / implied[i],
      impliedOverSurvey: implied[i] / study.areaShare[i],
      impliedOverWikipedia: implied[i] / study.areaShareWikipedia[i],
      impliedOverWikipediaRescaled: implied[i] / study.areaShareWikipedia[i] / wikipedia.commonScale,
    };
  });
  return {
    provinces, impliedShareSum: implied.reduce((a, b) => a + b, 0), survey, wikipedia,
    identified: survey.largestWithoutTibetPct < wikipedia.largestWithoutTibetPct ? 'nbs_land_survey_2008' : 'henrylin03_area_wikipedia',
  };
}

/**
 * The Tables 6-7 statistics of year index t with the area shares implied by the paper's other years of Table 10.
 * @example
 * fu2023StatsWithImpliedAreas(fu2023Study(), 0).giniArea; // => 0.7417
 */
export function fu2023StatsWithImpliedAreas(study: Fu2023Study, t: number): Fu2023Stats {
  const { inputs } = study;
  return fu2023StatsOf(inputs.density[t], inputs.population[t], fu2023ImpliedAreaShares(study, t), inputs.provinces.map((p) => p.zone));
}

/** Re-export for the tables: which statistic a key names. */
export type { Fu2023StatKey };
