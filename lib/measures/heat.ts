/**
 * The summary measures of health inequality of the WHO Health Equity Assessment Toolkit (HEAT, HEAT Plus) and its R
 * twin `healthequal` (WHOequity/healthequal 1.0.1), for one dimension of subgroups (quintiles of wealth, regions, sexes):
 * each subgroup's estimate, population, optional standard error, order (for an ordered dimension) and whether it is
 * the reference. Formulas and standard errors follow healthequal's R code (cited per function, with the file), and the
 * tests compare with the values of healthequal's own tests (tests/testthat/test-*.R): the 5 ordered subgroups and the
 * 25 non-ordered ones, rebuilt with a port of R's random numbers (test/helpers/r-random.ts).
 *
 * Reference for the family: Schlotheuber A, Hosseinpoor AR (2022). Summary measures of health inequality: a review of
 * existing measures and their application. International Journal of Environmental Research and Public Health
 * 19(6):3697. doi:10.3390/ijerph19063697
 */
import { concentrationIndex } from './concentration';
import { checkBoolean, checkChoice, checkFiniteNumber, checkOptions, roundingError as kernelRoundingError } from './kernel';
import { theil } from './theil';

/** The 0.975 quantile of the standard normal distribution: the 95% intervals are estimate ± Z95 × standard error. */
const Z95 = 1.959963984540054;

/** One subgroup of a dimension of inequality (a wealth quintile, a region, a sex). */
export interface HeatSubgroup {
  /** The subgroup's name (used in error messages). */
  name?: string;
  /** The indicator's estimate in the subgroup (e.g. 45.2 for 45.2% coverage), finite. */
  estimate: number;
  /** Population of the subgroup (a count, or a share): finite, non-negative. Needed by the weighted measures. */
  population?: number;
  /** Standard error of the estimate, finite, >= 0: gives the analytic standard errors where HEAT has them. */
  standardError?: number;
  /** Rank of the subgroup in an ordered dimension: integers 1..k from the most disadvantaged (1) to the most advantaged (k). */
  order?: number;
  /** `true` for the one reference subgroup of a non-ordered dimension (used by D, R and MDR). */
  reference?: boolean;
}

/** Options shared by the HEAT measures. */
export interface HeatOptions {
  /**
   * `'favourable'` (higher is better: coverage) or `'adverse'` (higher is worse: mortality). Required by the measures
   * that depend on the direction (D, R, PAR, PAF, MDB); the others refuse it as unknown.
   */
  indicator?: 'favourable' | 'adverse';
  /**
   * The indicator's scale: 100 for a percentage, 1 for a proportion, 1000 for a rate per 1,000. Used by PAR and PAF
   * for their standard errors and by the logistic SII and RII (estimate / scale is the proportion).
   */
  scale?: number;
}

/** One summary measure with its standard error and 95% interval (null where HEAT gives none or data lack SEs). */
export interface HeatMeasure {
  /** HEAT's abbreviation: 'D', 'R', 'PAR', 'PAF', 'SII', 'RII', 'BGV', 'BGSD', 'COV', 'MDBU', ... */
  measure: string;
  estimate: number;
  /** Standard error on the scale of `estimate` (for R and RII: of its natural log). */
  standardError: number | null;
  /** 95% interval: estimate ± 1.96 SE (R and RII: exp(ln estimate ± 1.96 SE)). */
  lower: number | null;
  upper: number | null;
}

interface Columns {
  k: number;
  names: string[];
  estimate: Float64Array;
  population: Float64Array | null;
  standardError: Float64Array | null;
  order: Int32Array | null;
  reference: number;
}

function subgroupName(c: { names: string[] }, i: number): string {
  return c.names[i] === String(i) ? `subgroup ${i}` : `subgroup ${i}: ${c.names[i]}`;
}

const SUBGROUP_KEYS = ['name', 'estimate', 'population', 'standardError', 'order', 'reference'];

function readSubgroups(fn: string, subgroups: unknown, minLength = 2): Columns {
  if (!Array.isArray(subgroups)) throw new TypeError(`${fn}: subgroups must be an array of { estimate, population, ... } records`);
  const k = subgroups.length;
  if (k < minLength) throw new RangeError(`${fn} requires at least ${minLength} subgroups (got ${k})`);
  const names: string[] = [];
  const estimate = new Float64Array(k);
  const population = new Float64Array(k);
  const standardError = new Float64Array(k);
  const order = new Int32Array(k);
  let withPopulation = 0;
  let withError = 0;
  let withOrder = 0;
  let reference = -1;
  for (let i = 0; i < k; i++) {
    const s = subgroups[i] as HeatSubgroup;
    if (s === null || typeof s !== 'object') throw new TypeError(`${fn}: subgroup ${i} must be an object`);
    checkOptions(`${fn} (subgroup ${i})`, s, SUBGROUP_KEYS);
    names.push(s.name === undefined ? String(i) : String(s.name));
    const label = (): string => subgroupName({ names }, i);
    estimate[i] = checkFiniteNumber(fn, `estimate of ${label()}`, s.estimate);
    if (s.population !== undefined) {
      population[i] = checkFiniteNumber(fn, `population of ${label()}`, s.population);
      if (population[i] < 0) throw new RangeError(`${fn}: population must be non-negative (${label()} is ${population[i]})`);
      withPopulation++;
    }
    if (s.standardError !== undefined) {
      standardError[i] = checkFiniteNumber(fn, `standardError of ${label()}`, s.standardError);
      if (standardError[i] < 0) throw new RangeError(`${fn}: standardError must be non-negative (${label()} is ${standardError[i]})`);
      withError++;
    }
    if (s.order !== undefined) {
      const o = checkFiniteNumber(fn, `order of ${label()}`, s.order);
      if (!Number.isInteger(o)) throw new RangeError(`${fn}: order must be an integer (${label()} is ${o})`);
      order[i] = o;
      withOrder++;
    }
    if (checkBoolean(fn, `reference of ${label()}`, s.reference, false)) {
      if (reference >= 0) throw new RangeError(`${fn}: only one subgroup can be the reference (${subgroupName({ names }, reference)} and ${label()})`);
      reference = i;
    }
  }
  const some = (count: number, what: string): boolean => {
    if (count !== 0 && count !== k) throw new RangeError(`${fn}: ${what} is given for ${count} of the ${k} subgroups: give it for all or none`);
    return count === k;
  };
  const hasPopulation = some(withPopulation, 'population');
  const hasError = some(withError, 'standardError');
  const hasOrder = some(withOrder, 'order');
  if (hasOrder) {
    const sorted = Array.from(order).sort((a, b) => a - b);
    sorted.forEach((o, j) => {
      if (o !== j + 1) throw new RangeError(`${fn}: the orders must be 1..${k}, each once (got ${Array.from(order).join(', ')})`);
    });
    if (reference >= 0) throw new RangeError(`${fn}: an ordered dimension has no reference subgroup (its ends are the reference)`);
  }
  if (hasPopulation) {
    let total = 0;
    for (let i = 0; i < k; i++) total += population[i];
    if (!(total > 0)) throw new RangeError(`${fn}: population must have a positive total`);
  }
  return {
    k,
    names,
    estimate,
    population: hasPopulation ? population : null,
    standardError: hasError ? standardError : null,
    order: hasOrder ? order : null,
    reference,
  };
}

function needPopulation(fn: string, c: Columns): Float64Array {
  if (c.population === null) throw new RangeError(`${fn} needs the population of every subgroup`);
  return c.population;
}

function needOrder(fn: string, c: Columns): Int32Array {
  if (c.order === null) throw new RangeError(`${fn} needs an ordered dimension (an order 1..k for every subgroup)`);
  return c.order;
}

function readIndicator(fn: string, options: HeatOptions): 'favourable' | 'adverse' {
  if (options.indicator === undefined) throw new TypeError(`${fn}: options.indicator must be 'favourable' or 'adverse' (it sets which end is better)`);
  return checkChoice(fn, 'indicator', options.indicator, ['favourable', 'adverse'] as const, 'favourable');
}

function readScale(fn: string, options: HeatOptions): number | null {
  return options.scale === undefined ? null : checkFiniteNumber(fn, 'scale', options.scale, 'positive');
}

/** Population shares p_j = N_j / sum N (compensated) and the weighted mean sum p_j y_j. */
function sharesAndMean(population: Float64Array, estimate: Float64Array): { share: Float64Array; mean: number } {
  const roundingError = kernelRoundingError; // a local constant: see roundingError in kernel.ts
  let total = 0;
  let error = 0;
  for (let i = 0; i < population.length; i++) {
    error += roundingError(total, population[i]);
    total += population[i];
  }
  total += error;
  const share = population.map((p) => p / total);
  let mean = 0;
  let meanError = 0;
  for (let i = 0; i < share.length; i++) {
    const v = share[i] * estimate[i];
    meanError += roundingError(mean, v);
    mean += v;
  }
  return { share, mean: mean + meanError };
}

function measure(name: string, estimate: number, standardError: number | null, logScale = false): HeatMeasure {
  let result: HeatMeasure;
  if (standardError === null) result = { measure: name, estimate, standardError: null, lower: null, upper: null };
  else if (logScale) {
    const log = Math.log(estimate);
    result = { measure: name, estimate, standardError, lower: Math.exp(log - Z95 * standardError), upper: Math.exp(log + Z95 * standardError) };
  } else result = { measure: name, estimate, standardError, lower: estimate - Z95 * standardError, upper: estimate + Z95 * standardError };
  // never NaN or Infinity for finite input: estimates, populations or standard errors whose products or squares leave
  // the double range give a RangeError saying so
  for (const key of ['estimate', 'standardError', 'lower', 'upper'] as const) {
    const v = result[key];
    if (v !== null && !Number.isFinite(v)) {
      throw new RangeError(`HEAT measure ${name}: the ${key === 'estimate' ? 'estimate' : key === 'standardError' ? 'standard error' : '95% interval'} is ${v}: the subgroups' estimates, populations or standard errors span more than the double range (about 1e-308 to 1.8e308); express them in other units`);
    }
  }
  return result;
}

/** The two subgroups D and R compare (healthequal R/d.R and R/r.R): [y1, y2] indices. */
function pairForDifference(c: Columns, indicator: 'favourable' | 'adverse'): [number, number] {
  const { estimate: y, k } = c;
  if (c.order !== null) {
    const low = c.order.indexOf(1);
    const high = c.order.indexOf(k);
    return indicator === 'favourable' ? [high, low] : [low, high];
  }
  const argmax = (skip: number): number => {
    let best = -1;
    for (let i = 0; i < k; i++) if (i !== skip && (best < 0 || y[i] > y[best])) best = i;
    return best;
  };
  const argmin = (skip: number): number => {
    let best = -1;
    for (let i = 0; i < k; i++) if (i !== skip && (best < 0 || y[i] < y[best])) best = i;
    return best;
  };
  if (c.reference < 0) return [argmax(-1), argmin(-1)];
  return indicator === 'favourable' ? [c.reference, argmin(c.reference)] : [argmax(c.reference), c.reference];
}

/**
 * Difference (D), HEAT's simple absolute measure: `D = y1 - y2`, the estimate of one subgroup minus another's.
 *
 * Which two (healthequal R/d.R): in an ordered dimension the most advantaged (order k) minus the most disadvantaged
 * (order 1) for a favourable indicator, the most disadvantaged minus the most advantaged for an adverse one; in a
 * non-ordered dimension without a reference, the highest minus the lowest estimate; with a reference subgroup, the
 * reference minus the lowest other (favourable) or the highest other minus the reference (adverse).
 * Standard error `sqrt(se1^2 + se2^2)`, given when every subgroup has one.
 *
 * - `subgroups`: at least 2 (see `HeatSubgroup`); `order` for all or none; at most one `reference`.
 * - `options.indicator`: 'favourable' or 'adverse' (required).
 * - Result in the indicator's units: 0 means no difference.
 *
 * Reference: Schlotheuber A, Hosseinpoor AR (2022). Int J Environ Res Public Health 19(6):3697.
 * doi:10.3390/ijerph19063697; WHOequity/healthequal R/d.R.
 *
 * @example
 * const q = [20, 30, 40, 50, 60].map((estimate, i) => ({ estimate, order: i + 1, standardError: [5, 7, 10, 12, 14][i] }));
 * difference(q, { indicator: 'favourable' }); // => { measure: 'D', estimate: 40, standardError: 14.866069 }
 */
export function difference(subgroups: readonly HeatSubgroup[], options: HeatOptions): HeatMeasure {
  const fn = 'difference';
  checkOptions(fn, options, ['indicator']);
  const c = readSubgroups(fn, subgroups);
  const [a, b] = pairForDifference(c, readIndicator(fn, options));
  const se = c.standardError === null ? null : Math.hypot(c.standardError[a], c.standardError[b]);
  return measure('D', c.estimate[a] - c.estimate[b], se);
}

/**
 * Ratio (R), HEAT's simple relative measure: `R = y1 / y2`, the same two subgroups as `difference`.
 *
 * Standard error of ln R (healthequal R/r.R): `sqrt((se1^2 + R^2 se2^2) / y2^2) / R`; the interval is
 * `exp(ln R ± 1.96 SE)`. Estimates must be positive (a ratio with a zero or negative estimate is undefined: it throws).
 *
 * - `subgroups`, `options.indicator`: as for `difference`.
 * - Result > 0: 1 means no difference.
 *
 * Reference: Schlotheuber A, Hosseinpoor AR (2022). Int J Environ Res Public Health 19(6):3697.
 * doi:10.3390/ijerph19063697; WHOequity/healthequal R/r.R.
 *
 * @example
 * const q = [20, 30, 40, 50, 60].map((estimate, i) => ({ estimate, order: i + 1, standardError: [5, 7, 10, 12, 14][i] }));
 * ratio(q, { indicator: 'favourable' }); // => { measure: 'R', estimate: 3, standardError: 0.3419714 }
 */
export function ratio(subgroups: readonly HeatSubgroup[], options: HeatOptions): HeatMeasure {
  const fn = 'ratio';
  checkOptions(fn, options, ['indicator']);
  const c = readSubgroups(fn, subgroups);
  const [a, b] = pairForDifference(c, readIndicator(fn, options));
  const y1 = c.estimate[a];
  const y2 = c.estimate[b];
  if (!(y1 > 0 && y2 > 0)) throw new RangeError(`${fn}: the ratio needs positive estimates (${subgroupName(c, a)} is ${y1}, ${subgroupName(c, b)} is ${y2})`);
  const r = y1 / y2;
  let se: number | null = null;
  if (c.standardError !== null) {
    const s1 = c.standardError[a];
    const s2 = c.standardError[b];
    se = Math.sqrt((s1 * s1 + r * r * s2 * s2) / (y2 * y2)) / r;
  }
  return measure('R', r, se, true);
}

/** PAR and PAF share their reference subgroup and standard error (healthequal R/parisk.R and R/paf.R). */
function attributable(fn: string, subgroups: readonly HeatSubgroup[], options: HeatOptions) {
  checkOptions(fn, options, ['indicator', 'scale']);
  const c = readSubgroups(fn, subgroups);
  const indicator = readIndicator(fn, options);
  const scale = readScale(fn, options);
  const population = needPopulation(fn, c);
  const { mean } = sharesAndMean(population, c.estimate);
  // The reference: the most advantaged subgroup (order k) of an ordered dimension; otherwise the best estimate.
  let ref = 0;
  if (c.order !== null) ref = c.order.indexOf(c.k);
  else for (let i = 1; i < c.k; i++) if (indicator === 'favourable' ? c.estimate[i] > c.estimate[ref] : c.estimate[i] < c.estimate[ref]) ref = i;
  const gap = c.estimate[ref] - mean;
  // A reference worse than the mean gives 0 (no gain from reaching it).
  const par = (gap < 0 && indicator === 'favourable') || (gap > 0 && indicator === 'adverse') ? 0 : gap;
  // Standard error of the PAF (as a fraction) from the 2 x 2 table of the reference against the rest.
  let pafFractionSe: number | null = null;
  if (scale !== null) {
    let total = 0;
    for (let i = 0; i < c.k; i++) total += population[i];
    const refPopulation = population[ref];
    const cc = (c.estimate[ref] / scale) * refPopulation;
    const d = refPopulation - cc;
    const a = (mean / scale) * total - cc;
    const b = total - a - refPopulation;
    const N = a + b + cc + d;
    pafFractionSe = Math.sqrt((cc * N * (a * d * (N - cc) + b * cc * cc)) / ((a + cc) ** 3 * (cc + d) ** 3));
  }
  return { mean, par, pafFractionSe };
}

/**
 * Population attributable risk (PAR): how much the setting average would change if every subgroup had the
 * reference subgroup's level, `PAR = y_ref - mu`, with `mu = sum p_j y_j` the population-weighted mean.
 *
 * The reference (healthequal R/parisk.R): the most advantaged subgroup (order k) of an ordered dimension; otherwise
 * the highest estimate (favourable indicator) or the lowest (adverse). PAR is set to 0 when the reference is worse
 * than the mean. Standard error `mu × SE(PAF as a fraction)`, the PAF's from the 2 × 2 table of reference against
 * the rest (Ahn et al. 2018; needs `options.scale`).
 *
 * - `subgroups`: at least 2, each with `population`; `options.indicator` required; `options.scale` (100 for %)
 *   for the standard error.
 * - Result in the indicator's units; 0 means no gain from reaching the reference.
 *
 * Reference: Schlotheuber A, Hosseinpoor AR (2022). doi:10.3390/ijerph19063697; Ahn J et al. (2018). Variance
 * estimation and confidence intervals for 11 commonly used health disparity measures. JCO Clinical Cancer
 * Informatics 2:1-19. doi:10.1200/CCI.18.00011; WHOequity/healthequal R/parisk.R.
 *
 * @example
 * const q = [20, 30, 40, 50, 60].map((estimate, i) => ({ estimate, order: i + 1, population: [78, 91, 162, 103, 105][i] }));
 * populationAttributableRisk(q, { indicator: 'favourable', scale: 100 }); // => { measure: 'PAR', estimate: 18.775510, standardError: 4.406635 }
 */
export function populationAttributableRisk(subgroups: readonly HeatSubgroup[], options: HeatOptions): HeatMeasure {
  const { mean, par, pafFractionSe } = attributable('populationAttributableRisk', subgroups, options);
  return measure('PAR', par, pafFractionSe === null ? null : mean * pafFractionSe);
}

/**
 * Population attributable fraction (PAF), in percent: `PAF = 100 (y_ref - mu) / mu`, the PAR relative to the mean
 * (same reference and 0 rule as `populationAttributableRisk`).
 *
 * Standard error, in percent: `100 × sqrt(c N (a d (N - c) + b c^2) / ((a + c)^3 (c + d)^3))`, with the 2 × 2 table
 * `c = y_ref / scale × N_ref`, `d = N_ref - c`, `a = mu / scale × N - c`, `b = N - a - N_ref` (healthequal R/paf.R;
 * Ahn et al. 2018). Convention that differs: healthequal prints this standard error as a fraction (0.1069 for a PAF of
 * 45.54%) and adds it to the percentage for its interval; here it is on the PAF's own scale (10.69).
 *
 * - `subgroups`, `options`: as for `populationAttributableRisk`.
 * - Result in percent, 0 when the reference is no better than the mean.
 *
 * Reference: Schlotheuber A, Hosseinpoor AR (2022). doi:10.3390/ijerph19063697; Ahn J et al. (2018). JCO Clinical
 * Cancer Informatics 2:1-19. doi:10.1200/CCI.18.00011; WHOequity/healthequal R/paf.R.
 *
 * @example
 * const q = [20, 30, 40, 50, 60].map((estimate, i) => ({ estimate, order: i + 1, population: [78, 91, 162, 103, 105][i] }));
 * populationAttributableFraction(q, { indicator: 'favourable', scale: 100 }); // => { measure: 'PAF', estimate: 45.544554, standardError: 10.689362 }
 */
export function populationAttributableFraction(subgroups: readonly HeatSubgroup[], options: HeatOptions): HeatMeasure {
  const fn = 'populationAttributableFraction';
  const { mean, par, pafFractionSe } = attributable(fn, subgroups, options);
  if (!(mean > 0)) throw new RangeError(`${fn}: the population-weighted mean must be positive (got ${mean})`);
  return measure('PAF', (100 * par) / mean, pafFractionSe === null ? null : 100 * pafFractionSe);
}

/** Options of the slope and relative index of inequality. */
export interface SlopeIndexOptions {
  /**
   * `'logistic'`: healthequal's default, a quasi-binomial logistic regression of the subgroups' proportions on their
   * ridit rank (needs `scale`); `'linear'`: weighted least squares of the estimates on the rank (weights =
   * population), the form HEAT's technical notes describe for indicators not on a 0-1 or 0-100 scale.
   * @default 'logistic'
   */
  model?: 'logistic' | 'linear';
  /** The indicator's scale (100 for %): required by the logistic model. */
  scale?: number;
}

/** Fit of SII / RII: predicted values at rank 0 and 1 and their gradients with the robust (HC1) covariance. */
function slopeFit(fn: string, subgroups: readonly HeatSubgroup[], options: SlopeIndexOptions) {
  checkOptions(fn, options, ['model', 'scale']);
  const model = checkChoice(fn, 'model', options.model, ['logistic', 'linear'] as const, 'logistic');
  const c = readSubgroups(fn, subgroups, 3);
  if (c.estimate.every((y) => y === c.estimate[0])) {
    throw new RangeError(`${fn}: every subgroup has the same estimate (${c.estimate[0]}), so there is no gradient to fit (healthequal stops too)`);
  }
  const order = needOrder(fn, c);
  const population = needPopulation(fn, c);
  const scale = model === 'logistic' ? readScale(fn, options) : 1;
  if (scale === null) throw new RangeError(`${fn}: the logistic model needs options.scale (100 for a percentage, 1 for a proportion)`);
  const k = c.k;
  // Subgroups sorted by order; ridit rank = (population before + half its own) / total.
  const idx = Array.from({ length: k }, (_, i) => i).sort((a, b) => order[a] - order[b]);
  const rank = new Float64Array(k);
  const y = new Float64Array(k);
  const prior = new Float64Array(k);
  let total = 0;
  for (const i of idx) total += model === 'logistic' ? Math.ceil(population[i]) : population[i];
  let before = 0;
  idx.forEach((i, j) => {
    const p = model === 'logistic' ? Math.ceil(population[i]) : population[i];
    rank[j] = (before + p / 2) / total;
    before += p;
    if (model === 'logistic') {
      // healthequal: events = round(estimate / scale × population) of ceiling(population) trials; R's glm with
      // cbind(events, non-events) and weights = population uses prior weights population × trials.
      const events = Math.round((c.estimate[i] / scale) * p);
      if (events < 0 || events > p) throw new RangeError(`${fn}: ${subgroupName(c, i)} has estimate ${c.estimate[i]} outside [0, scale = ${scale}]`);
      y[j] = events / p;
      prior[j] = p * p;
    } else {
      y[j] = c.estimate[i];
      prior[j] = p;
    }
  });
  const link = model === 'logistic' ? (eta: number): number => 1 / (1 + Math.exp(-eta)) : (eta: number): number => eta;
  const variance = model === 'logistic' ? (mu: number): number => mu * (1 - mu) : (): number => 1;
  // Iteratively reweighted least squares (one step is exact for the linear model).
  let b0 = 0;
  let b1 = 0;
  for (let iteration = 0; iteration < 100; iteration++) {
    let s00 = 0;
    let s01 = 0;
    let s11 = 0;
    let g0 = 0;
    let g1 = 0;
    for (let j = 0; j < k; j++) {
      const mu = link(b0 + b1 * rank[j]);
      const w = prior[j] * variance(mu);
      s00 += w;
      s01 += w * rank[j];
      s11 += w * rank[j] * rank[j];
      const score = prior[j] * (y[j] - mu);
      g0 += score;
      g1 += score * rank[j];
    }
    const det = s00 * s11 - s01 * s01;
    const d0 = (s11 * g0 - s01 * g1) / det;
    const d1 = (s00 * g1 - s01 * g0) / det;
    b0 += d0;
    b1 += d1;
    if (Math.abs(d0) + Math.abs(d1) <= 1e-15 * (1 + Math.abs(b0) + Math.abs(b1))) break;
  }
  if (!(Number.isFinite(b0) && Number.isFinite(b1))) {
    throw new RangeError(`${fn}: the ${model} regression does not converge (estimates of 0 or of the full scale in every subgroup?)`);
  }
  // Robust covariance HC1 (as healthequal, through marginaleffects' vcov = "HC1"): n / (n - 2) B M B.
  let s00 = 0;
  let s01 = 0;
  let s11 = 0;
  let m00 = 0;
  let m01 = 0;
  let m11 = 0;
  for (let j = 0; j < k; j++) {
    const mu = link(b0 + b1 * rank[j]);
    const w = prior[j] * variance(mu);
    s00 += w;
    s01 += w * rank[j];
    s11 += w * rank[j] * rank[j];
    const score = prior[j] * (y[j] - mu);
    m00 += score * score;
    m01 += score * score * rank[j];
    m11 += score * score * rank[j] * rank[j];
  }
  const det = s00 * s11 - s01 * s01;
  const B = [s11 / det, -s01 / det, s00 / det]; // symmetric 2 x 2: [00, 01, 11]
  const BM00 = B[0] * m00 + B[1] * m01;
  const BM01 = B[0] * m01 + B[1] * m11;
  const BM10 = B[1] * m00 + B[2] * m01;
  const BM11 = B[1] * m01 + B[2] * m11;
  const factor = k / (k - 2);
  const V00 = factor * (BM00 * B[0] + BM01 * B[1]);
  const V01 = factor * (BM00 * B[1] + BM01 * B[2]);
  const V11 = factor * (BM10 * B[1] + BM11 * B[2]);
  const p0 = link(b0);
  const p1 = link(b0 + b1);
  const dp0 = model === 'logistic' ? p0 * (1 - p0) : 1; // d p / d eta
  const dp1 = model === 'logistic' ? p1 * (1 - p1) : 1;
  const quadratic = (a: number, b: number): number => Math.sqrt(a * a * V00 + 2 * a * b * V01 + b * b * V11);
  return { scale, p0, p1, dp0, dp1, quadratic };
}

/**
 * Slope index of inequality (SII): the difference in the indicator between the top (rank 1) and the bottom (rank 0)
 * of an ordered dimension, from a regression of the subgroups' estimates on their ridit rank
 * `r_j = (N_1 + ... + N_{j-1} + N_j / 2) / N` (subgroups in order, weighted by population).
 *
 * `model: 'logistic'` (healthequal R/sii.R's default): `logit p = b0 + b1 r`, fitted as R's
 * `glm(cbind(events, non-events) ~ rank, weights = population, family = quasibinomial)`, with `events =
 * round(estimate / scale × population)` of `ceiling(population)` trials, as healthequal does (R then weighs each
 * subgroup by population × trials; HEAT's own engine, WHOequity/HEAT-Measures R/calc-sii.R, fits the same model with
 * `family = binomial`: the same estimates and HC1 standard errors); `SII = scale × (expit(b0 + b1) - expit(b0))`. `model: 'linear'`: weighted least
 * squares, `SII = b1`. Standard error by the delta method with the robust HC1 covariance (healthequal uses
 * marginaleffects' `avg_comparisons(vcov = "HC1")`), on the scale of the estimate. Convention that differs:
 * healthequal prints the logistic SII's standard error on the 0-1 scale (0.0219 for an SII of 44.45); here it is
 * multiplied by the scale (2.19), the one its interval uses.
 *
 * - `subgroups`: at least 3, each with `order` (1..k) and `population`; `options.scale` for the logistic model.
 * - Result in the indicator's units; positive when the indicator rises towards the advantaged end.
 *
 * Reference: Schlotheuber A, Hosseinpoor AR (2022). doi:10.3390/ijerph19063697; WHOequity/healthequal R/sii.R.
 *
 * @example
 * const q = [20, 30, 40, 50, 60].map((estimate, i) => ({ estimate, order: i + 1, population: [78, 91, 162, 103, 105][i] }));
 * slopeIndexOfInequality(q, { scale: 100 }); // => { measure: 'SII', estimate: 44.44502, standardError: 2.190821 }
 */
export function slopeIndexOfInequality(subgroups: readonly HeatSubgroup[], options: SlopeIndexOptions = {}): HeatMeasure {
  const { scale, p0, p1, dp0, dp1, quadratic } = slopeFit('slopeIndexOfInequality', subgroups, options);
  return measure('SII', scale * (p1 - p0), scale * quadratic(dp1 - dp0, dp1));
}

/**
 * Relative index of inequality (RII): the ratio of the predicted indicator at the top (rank 1) to the bottom (rank 0)
 * of an ordered dimension, from the same regression as `slopeIndexOfInequality`: `RII = p(1) / p(0)`.
 *
 * Standard error of ln RII by the delta method with the HC1 covariance (healthequal R/rii.R:
 * `avg_comparisons(comparison = "lnratio", vcov = "HC1")`); the interval is `exp(ln RII ± 1.96 SE)`.
 *
 * - `subgroups`, `options`: as for `slopeIndexOfInequality`. The linear model needs p(0) > 0 (else it throws).
 * - Result > 0: 1 means no gradient.
 *
 * Reference: Schlotheuber A, Hosseinpoor AR (2022). doi:10.3390/ijerph19063697; WHOequity/healthequal R/rii.R.
 *
 * @example
 * const q = [20, 30, 40, 50, 60].map((estimate, i) => ({ estimate, order: i + 1, population: [78, 91, 162, 103, 105][i] }));
 * relativeIndexOfInequality(q, { scale: 100 }); // => { measure: 'RII', estimate: 3.159506, standardError: 0.07644001 }
 */
export function relativeIndexOfInequality(subgroups: readonly HeatSubgroup[], options: SlopeIndexOptions = {}): HeatMeasure {
  const fn = 'relativeIndexOfInequality';
  const { p0, p1, dp0, dp1, quadratic } = slopeFit(fn, subgroups, options);
  if (!(p0 > 0 && p1 > 0)) throw new RangeError(`${fn}: the fitted values at the ends must be positive (got ${p0} and ${p1})`);
  // ln p1 - ln p0: gradient (dp1/p1 - dp0/p0, dp1/p1) in (b0, b1).
  return measure('RII', p1 / p0, quadratic(dp1 / p1 - dp0 / p0, dp1 / p1), true);
}

/**
 * Between-group variance (BGV): `BGV = sum_j p_j (y_j - mu)^2`, the population-weighted variance of the subgroup
 * estimates around the weighted mean `mu = sum p_j y_j`, in squared units of the indicator.
 *
 * Standard error (healthequal R/bgv.R; Ahn et al. 2018): `sqrt(4 sum p^2 se^2 (y - mu)^2 + 2 ((sum p^2 se^2)^2 -
 * sum p^4 se^4 + sum p^2 (1 - p)^2 se^4))`, when every subgroup has a standard error.
 *
 * - `subgroups`: at least 2, each with `population`.
 * - Result >= 0; 0 when every subgroup has the same estimate.
 *
 * Reference: Schlotheuber A, Hosseinpoor AR (2022). doi:10.3390/ijerph19063697; Ahn J et al. (2018). JCO Clinical
 * Cancer Informatics 2:1-19. doi:10.1200/CCI.18.00011; WHOequity/healthequal R/bgv.R.
 *
 * @example
 * betweenGroupVariance([{ estimate: 2, population: 1 }, { estimate: 6, population: 3 }]); // => { measure: 'BGV', estimate: 3 }
 */
export function betweenGroupVariance(subgroups: readonly HeatSubgroup[]): HeatMeasure {
  const fn = 'betweenGroupVariance';
  const c = readSubgroups(fn, subgroups);
  const { share, mean } = sharesAndMean(needPopulation(fn, c), c.estimate);
  let bgv = 0;
  for (let j = 0; j < c.k; j++) bgv += share[j] * (c.estimate[j] - mean) ** 2;
  let se: number | null = null;
  if (c.standardError !== null) {
    let se2 = 0;
    let s2 = 0;
    let s4 = 0;
    let se4 = 0;
    for (let j = 0; j < c.k; j++) {
      const p2 = share[j] * share[j];
      const v = c.standardError[j] ** 2;
      se2 += p2 * v * (c.estimate[j] - mean) ** 2;
      s2 += p2 * v;
      s4 += p2 * p2 * v * v;
      se4 += p2 * (1 - share[j]) ** 2 * v * v;
    }
    se = Math.sqrt(4 * se2 + 2 * (s2 * s2 - s4 + se4));
  }
  return measure('BGV', bgv, se);
}

/**
 * Between-group standard deviation (BGSD) `= sqrt(BGV)`, in the indicator's units, and the coefficient of variation
 * (COV) `= 100 BGSD / mu`, in percent (healthequal R/bgsd.R and R/covar.R).
 *
 * No analytic standard error: healthequal draws parametric simulations (R's `rnorm`, which a JavaScript library
 * cannot reproduce draw for draw); `standardError` is null. Use `bootstrap` or your own simulation with
 * `seededRandom` for an interval.
 *
 * - `subgroups`: at least 2, each with `population`.
 * - Result: `[BGSD, COV]`, both >= 0.
 *
 * Reference: Schlotheuber A, Hosseinpoor AR (2022). doi:10.3390/ijerph19063697; WHOequity/healthequal R/bgsd.R.
 *
 * @example
 * betweenGroupStandardDeviation([{ estimate: 2, population: 1 }, { estimate: 6, population: 3 }]);
 * // => [{ measure: 'BGSD', estimate: 1.7320508 }, { measure: 'COV', estimate: 34.641016 }]
 */
export function betweenGroupStandardDeviation(subgroups: readonly HeatSubgroup[]): [HeatMeasure, HeatMeasure] {
  const fn = 'betweenGroupStandardDeviation';
  const c = readSubgroups(fn, subgroups);
  const { mean } = sharesAndMean(needPopulation(fn, c), c.estimate);
  const bgsd = Math.sqrt(betweenGroupVariance(subgroups).estimate);
  return [measure('BGSD', bgsd, null), measure('COV', (100 * bgsd) / mean, null)];
}

/** Options of `meanDifference` and `indexOfDisparity`. */
export interface MeanDifferenceOptions extends HeatOptions {
  /** Weight the subgroups by population share (MDBW, MDMW, MDRW, IDISW) or equally (MDBU, MDMU, MDRU, IDISU). */
  weighted?: boolean;
  /** `meanDifference` only: from the best subgroup, the population-weighted mean, or the reference subgroup. */
  from?: 'best' | 'mean' | 'reference';
  /** The setting average, when it is known from elsewhere (replaces the weighted mean of the subgroups; unweighted forms). */
  settingAverage?: number;
}

/**
 * Mean difference from a point: MDB (from the best subgroup), MDM (from the mean), MDR (from a reference subgroup),
 * unweighted `sum |y_j - ref| / k` or population-weighted `sum p_j |y_j - ref|` (healthequal R/mdbu.R, mdbw.R,
 * mdmu.R, mdmw.R, mdru.R, mdrw.R).
 *
 * The point: the highest estimate (favourable) or the lowest (adverse) for `from: 'best'` (needs `indicator`);
 * `mu = sum p_j y_j` for `'mean'` (or `settingAverage` in the unweighted form, as healthequal's `setting_average`);
 * the subgroup with `reference: true` for `'reference'`. No analytic standard error (healthequal simulates):
 * `standardError` is null.
 *
 * - `subgroups`: at least 2; `population` for the weighted forms and for the mean.
 * - `options`: `from` (required), `weighted` (required, true or false), `indicator` (for 'best'), `settingAverage`.
 * - Result >= 0 in the indicator's units.
 *
 * Reference: Schlotheuber A, Hosseinpoor AR (2022). doi:10.3390/ijerph19063697; WHOequity/healthequal R/mdbu.R.
 *
 * @example
 * const g = [{ estimate: 2, population: 1 }, { estimate: 6, population: 3 }, { estimate: 5, population: 4 }];
 * meanDifference(g, { from: 'best', weighted: false, indicator: 'favourable' }); // => { measure: 'MDBU', estimate: 1.6666667 }
 * meanDifference(g, { from: 'mean', weighted: true }); // => { measure: 'MDMW', estimate: 0.75 }
 */
export function meanDifference(subgroups: readonly HeatSubgroup[], options: MeanDifferenceOptions): HeatMeasure {
  const fn = 'meanDifference';
  checkOptions(fn, options, ['from', 'weighted', 'indicator', 'settingAverage']);
  if (options.from === undefined) throw new TypeError(`${fn}: options.from must be 'best', 'mean' or 'reference'`);
  const from = checkChoice(fn, 'from', options.from, ['best', 'mean', 'reference'] as const, 'best');
  if (options.weighted === undefined) throw new TypeError(`${fn}: options.weighted must be true or false`);
  const weighted = checkBoolean(fn, 'weighted', options.weighted, false);
  const c = readSubgroups(fn, subgroups);
  let point: number;
  if (from === 'best') {
    const indicator = readIndicator(fn, options);
    point = indicator === 'favourable' ? Math.max(...c.estimate) : Math.min(...c.estimate);
  } else if (from === 'reference') {
    if (c.reference < 0) throw new RangeError(`${fn}: from 'reference' needs one subgroup with reference: true`);
    point = c.estimate[c.reference];
  } else if (options.settingAverage !== undefined) {
    if (weighted) throw new RangeError(`${fn}: settingAverage is for the unweighted form (healthequal's mdmu); the weighted form uses the subgroups' mean`);
    point = checkFiniteNumber(fn, 'settingAverage', options.settingAverage);
  } else {
    point = sharesAndMean(needPopulation(fn, c), c.estimate).mean;
  }
  if (options.settingAverage !== undefined && from !== 'mean') throw new RangeError(`${fn}: settingAverage applies to from: 'mean' only`);
  let total = 0;
  if (weighted) {
    const { share } = sharesAndMean(needPopulation(fn, c), c.estimate);
    for (let j = 0; j < c.k; j++) total += share[j] * Math.abs(c.estimate[j] - point);
  } else {
    for (let j = 0; j < c.k; j++) total += Math.abs(c.estimate[j] - point);
    total /= c.k;
  }
  const name = `MD${from === 'best' ? 'B' : from === 'mean' ? 'M' : 'R'}${weighted ? 'W' : 'U'}`;
  return measure(name, total, null);
}

/**
 * Index of disparity (IDIS), in percent: the mean absolute difference of the subgroups from the mean, relative to the
 * mean. Unweighted `IDISU = 100 / k × sum |y_j - mu| / mu`, weighted `IDISW = 100 sum p_j |y_j - mu| / mu`, with
 * `mu = sum p_j y_j` (or `settingAverage`, unweighted form only) (healthequal R/idisu.R and R/idisw.R). No analytic
 * standard error (healthequal simulates): `standardError` is null.
 *
 * - `subgroups`: at least 2, with `population` (for mu and the weights) unless `settingAverage` is given.
 * - `options.weighted`: true or false (required).
 * - Result >= 0, in percent of the mean.
 *
 * Reference: Pearcy JN, Keppel KG (2002). A summary measure of health disparity. Public Health Reports
 * 117(3):273-280. doi:10.1093/phr/117.3.273; WHOequity/healthequal R/idisu.R.
 *
 * @example
 * const g = [{ estimate: 2, population: 1 }, { estimate: 6, population: 3 }, { estimate: 5, population: 4 }];
 * indexOfDisparity(g, { weighted: true }); // => { measure: 'IDISW', estimate: 15 }
 */
export function indexOfDisparity(subgroups: readonly HeatSubgroup[], options: MeanDifferenceOptions): HeatMeasure {
  const fn = 'indexOfDisparity';
  checkOptions(fn, options, ['weighted', 'settingAverage']);
  if (options.weighted === undefined) throw new TypeError(`${fn}: options.weighted must be true or false`);
  const weighted = checkBoolean(fn, 'weighted', options.weighted, false);
  const c = readSubgroups(fn, subgroups);
  let mean: number;
  if (options.settingAverage !== undefined) {
    if (weighted) throw new RangeError(`${fn}: settingAverage is for the unweighted form (healthequal's idisu)`);
    mean = checkFiniteNumber(fn, 'settingAverage', options.settingAverage, 'positive');
  } else mean = sharesAndMean(needPopulation(fn, c), c.estimate).mean;
  if (!(mean > 0)) throw new RangeError(`${fn}: the mean must be positive (got ${mean})`);
  let total = 0;
  if (weighted) {
    const { share } = sharesAndMean(needPopulation(fn, c), c.estimate);
    for (let j = 0; j < c.k; j++) total += share[j] * Math.abs(c.estimate[j] - mean);
  } else {
    for (let j = 0; j < c.k; j++) total += Math.abs(c.estimate[j] - mean);
    total /= c.k;
  }
  return measure(weighted ? 'IDISW' : 'IDISU', (100 * total) / mean, null);
}

/**
 * ACI and RCI by HEAT's "convenient regression" (healthequal R/aci.R, R/rci.R): with ridit ranks r_j,
 * `sigma^2 = sum p_j (r_j - 1/2)^2`, regress `2 sigma^2 y_j sqrt(N_j)` (ACI) or `2 sigma^2 (y_j / mu) sqrt(N_j)`
 * (RCI) on `r_j sqrt(N_j)` and `sqrt(N_j)` without a constant; the slope is the index and its OLS standard error the
 * standard error. The slope equals Equilab's `concentrationIndex(y, order, population)` (generalized for ACI, C for
 * RCI) to rounding; the tests check both against healthequal.
 */
function convenientRegression(fn: string, c: Columns, relative: boolean): HeatMeasure {
  const order = needOrder(fn, c);
  const population = needPopulation(fn, c);
  const k = c.k;
  const { share, mean } = sharesAndMean(population, c.estimate);
  const idx = Array.from({ length: k }, (_, i) => i).sort((a, b) => order[a] - order[b]);
  const rank = new Float64Array(k);
  let before = 0;
  for (const i of idx) {
    rank[i] = before + share[i] / 2;
    before += share[i];
  }
  let sigma2 = 0;
  for (let i = 0; i < k; i++) sigma2 += share[i] * (rank[i] - 0.5) ** 2;
  // y = b1 x1 + b2 x2, x1 = r sqrt(N), x2 = sqrt(N): normal equations.
  let a11 = 0;
  let a12 = 0;
  let a22 = 0;
  let c1 = 0;
  let c2 = 0;
  const lhs = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const root = Math.sqrt(population[i]);
    lhs[i] = 2 * sigma2 * (relative ? c.estimate[i] / mean : c.estimate[i]) * root;
    const x1 = rank[i] * root;
    a11 += x1 * x1;
    a12 += x1 * root;
    a22 += root * root;
    c1 += x1 * lhs[i];
    c2 += root * lhs[i];
  }
  const det = a11 * a22 - a12 * a12;
  const b1 = (a22 * c1 - a12 * c2) / det;
  const b2 = (a11 * c2 - a12 * c1) / det;
  let rss = 0;
  for (let i = 0; i < k; i++) {
    const root = Math.sqrt(population[i]);
    rss += (lhs[i] - b1 * rank[i] * root - b2 * root) ** 2;
  }
  const se = k > 2 ? Math.sqrt(((rss / (k - 2)) * a22) / det) : null;
  // The slope, computed directly (concentrationIndex) rather than from the normal equations, for accuracy.
  const ci = concentrationIndex(c.estimate, Array.from(order), population);
  return measure(relative ? 'RCI' : 'ACI', relative ? ci.covarianceFormula : ci.generalized, se);
}

/** Options of `heatSummary`. */
export interface HeatSummaryOptions extends HeatOptions {
  /** Model of SII and RII (see `slopeIndexOfInequality`). @default 'logistic' (falls back to no SII/RII without `scale`) */
  model?: 'logistic' | 'linear';
}

/**
 * Every HEAT summary measure that applies to a dimension of subgroups, in HEAT's order, each with its standard error
 * and 95% interval where HEAT has an analytic one.
 *
 * - Always: D and R (`difference`, `ratio`; R only with positive estimates).
 * - With population: PAR and PAF (`options.scale` for their SEs).
 * - Ordered dimension (every subgroup has `order`) with population: SII and RII (logistic needs `scale`; at least 3
 *   subgroups), and ACI and RCI by the convenient regression (ACI in the indicator's units, RCI as a fraction: HEAT
 *   displays RCI × 100).
 * - Non-ordered dimension with population: BGV, BGSD, COV, MDBU, MDBW, MDMU, MDMW, IDISU, IDISW, and TI and MLD
 *   (Equilab's `theil` variants 'T' and 'L' times 1,000, HEAT's scale; their SEs as healthequal R/ti.R, R/mld.R:
 *   `sqrt(sum (1 + ln r_j - sum p r (1 + ln r))^2 p_j^2 se_j^2 / mu^2)` for TI and `sqrt(sum (1 - 1/r_j)^2 p_j^2
 *   se_j^2 / mu^2)` for MLD, r_j = y_j / mu, here multiplied by 1,000 like the estimate — healthequal leaves them
 *   unscaled). Convention that differs: healthequal replaces a zero estimate by 0.000001 before TI and MLD; here a
 *   zero makes MLD throw (its log is -infinity) and is omitted from the summary. With a reference subgroup: MDRU, MDRW.
 * - `options.indicator` ('favourable' | 'adverse') is required; `scale`, `model` optional.
 * - Result: one `HeatMeasure` per applicable measure, keyed by HEAT's abbreviation.
 *
 * Reference: Schlotheuber A, Hosseinpoor AR (2022). Summary measures of health inequality: a review of existing
 * measures and their application. Int J Environ Res Public Health 19(6):3697. doi:10.3390/ijerph19063697.
 *
 * @example
 * const q = [20, 30, 40, 50, 60].map((estimate, i) => ({ estimate, order: i + 1, population: [78, 91, 162, 103, 105][i] }));
 * const s = heatSummary(q, { indicator: 'favourable', scale: 100 });
 * Object.keys(s); // => ['D', 'R', 'PAR', 'PAF', 'SII', 'RII', 'ACI', 'RCI']
 * s.ACI; // => { measure: 'ACI', estimate: 7.3284203, standardError: 0.2936854 }
 */
export function heatSummary(subgroups: readonly HeatSubgroup[], options: HeatSummaryOptions): Record<string, HeatMeasure> {
  const fn = 'heatSummary';
  checkOptions(fn, options, ['indicator', 'scale', 'model']);
  const indicator = readIndicator(fn, options);
  const scale = readScale(fn, options);
  const model = checkChoice(fn, 'model', options.model, ['logistic', 'linear'] as const, 'logistic');
  const c = readSubgroups(fn, subgroups);
  const out: Record<string, HeatMeasure> = {};
  const withScale = scale === null ? {} : { scale };
  out.D = difference(subgroups, { indicator });
  if (c.estimate.every((y) => y > 0)) out.R = ratio(subgroups, { indicator });
  if (c.population === null) return out;
  out.PAR = populationAttributableRisk(subgroups, { indicator, ...withScale });
  out.PAF = populationAttributableFraction(subgroups, { indicator, ...withScale });
  if (c.order !== null) {
    if (c.k >= 3 && (model === 'linear' || scale !== null)) {
      const slope = model === 'linear' ? { model } : { model, scale: scale as number };
      out.SII = slopeIndexOfInequality(subgroups, slope);
      out.RII = relativeIndexOfInequality(subgroups, slope);
    }
    out.ACI = convenientRegression(fn, c, false);
    out.RCI = convenientRegression(fn, c, true);
    return out;
  }
  out.BGV = betweenGroupVariance(subgroups);
  [out.BGSD, out.COV] = betweenGroupStandardDeviation(subgroups);
  out.MDBU = meanDifference(subgroups, { from: 'best', weighted: false, indicator });
  out.MDBW = meanDifference(subgroups, { from: 'best', weighted: true, indicator });
  out.MDMU = meanDifference(subgroups, { from: 'mean', weighted: false });
  out.MDMW = meanDifference(subgroups, { from: 'mean', weighted: true });
  if (c.reference >= 0) {
    out.MDRU = meanDifference(subgroups, { from: 'reference', weighted: false });
    out.MDRW = meanDifference(subgroups, { from: 'reference', weighted: true });
  }
  out.IDISU = indexOfDisparity(subgroups, { weighted: false });
  out.IDISW = indexOfDisparity(subgroups, { weighted: true });
  const population = c.population;
  const { share, mean } = sharesAndMean(population, c.estimate);
  const se = c.standardError;
  const ti = 1000 * theil(c.estimate, population, { variant: 'T' });
  let tiSe: number | null = null;
  let mldSe: number | null = null;
  if (se !== null && c.estimate.every((y) => y > 0)) {
    let prep = 0;
    for (let j = 0; j < c.k; j++) {
      const r = c.estimate[j] / mean;
      prep += r * (1 + Math.log(r)) * share[j];
    }
    let t = 0;
    let m = 0;
    for (let j = 0; j < c.k; j++) {
      const r = c.estimate[j] / mean;
      const base = (share[j] * share[j] * se[j] * se[j]) / (mean * mean);
      t += (1 + Math.log(r) - prep) ** 2 * base;
      m += (1 - 1 / r) ** 2 * base;
    }
    tiSe = 1000 * Math.sqrt(t);
    mldSe = 1000 * Math.sqrt(m);
  }
  out.TI = measure('TI', ti, tiSe);
  if (c.estimate.every((y, j) => y > 0 || population[j] === 0)) {
    out.MLD = measure('MLD', 1000 * theil(c.estimate, population, { variant: 'L' }), mldSe);
  }
  return out;
}
