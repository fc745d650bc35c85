import { checkChoice, checkOptions, checkSameLength, checkValues, checkWeights, fractionalRanks, isArrayLike, LabelOptions, roundingError as kernelRoundingError, sortWithOrder, unitName } from './kernel';

/** Points of a concentration curve, from (0, 0) to (1, 1). */
export interface ConcentrationCurve {
  /**
   * Cumulative population (weight) share of units ranked by `rankBy`, one point per distinct `rankBy` value:
   * `p[0] = 0`, ..., `p[B] = 1`, where B is the number of distinct ranks (n when there are no ties).
   */
  p: Float64Array;
  /** Cumulative share of the resource (`sum w x`) at the same points: `L[0] = 0`, `L[B] = 1`. */
  L: Float64Array;
  /** Input indices sorted by `rankBy` ascending (ties keep input order). */
  order: Uint32Array;
  /**
   * Fractional rank of each unit, in input order: the population share ranked below it plus half its own tie
   * block's share, `r_i = F(before block) + W_block / (2 W)`; tied units share their block's mean rank.
   */
  rank: Float64Array;
}

/** Which correction of the concentration index to report as `index`. */
export type ConcentrationCorrection = 'none' | 'wagstaff' | 'erreygers';

export interface ConcentrationOptions extends LabelOptions {
  /**
   * `'none'`: the standard concentration index C. `'wagstaff'`: Wagstaff's (2005) normalization for a bounded
   * variable, `C* / (1 - mu*)` with the variable rescaled to [0, 1] by `bounds`. `'erreygers'`: Erreygers' (2009)
   * corrected index `4 mu / (max - min) * C`. Both corrections need `bounds`.
   * @default 'none'
   */
  correction?: ConcentrationCorrection;
  /** `[min, max]`: the bounds of `values` (e.g. [0, 1] for a proportion). Required by, and only used with, a correction. */
  bounds?: readonly [number, number];
}

/** Result of `concentrationIndex`. */
export interface ConcentrationIndexResult {
  /** The index requested: `covarianceFormula` when `correction` is 'none', otherwise the corrected index. */
  index: number;
  correction: ConcentrationCorrection;
  /** The bounds used by the correction, or null. */
  bounds: [number, number] | null;
  /** Standard concentration index C from `2 cov_w(x, r) / mu` (the uncorrected index). */
  covarianceFormula: number;
  /** Standard concentration index C from the curve: `1 - sum_t (p_t - p_{t-1})(L_t + L_{t-1})`. Equals the above up to rounding. */
  curveAreaFormula: number;
  /** Generalized (absolute) concentration index `mu * C = 2 cov_w(x, r)`, in the units of `values`. */
  generalized: number;
  /** Weighted mean of `values`, `mu = sum w x / sum w`. */
  mean: number;
  /** Standard error of the standard index C (Kakwani, Wagstaff & van Doorslaer 1997), with n = `units`. */
  standardError: number;
  /** n of the standard error: the number of units with positive weight (e.g. 31 provinces, not their population), >= 2. */
  units: number;
  /** Number of distinct `rankBy` values (tie blocks), i.e. of segments of the concentration curve. */
  distinctRanks: number;
}

/** Units sorted by rank with their tie blocks; the common first step of the curve and the index. Internal. */
interface RankedBlocks {
  order: Uint32Array;
  /** values and weights in rank order */
  sortedValues: Float64Array;
  sortedWeights: Float64Array | null;
  /** blockEnd[b]: one past the last sorted position of block b */
  blockEnd: Uint32Array;
  /** cumulative weight share and resource share at the end of each block, with a leading 0 */
  p: Float64Array;
  L: Float64Array;
  /** fractional rank of each block */
  blockRank: Float64Array;
  totalWeight: number;
  mean: number;
  units: number;
}

function rankedBlocks(
  fn: string,
  values: unknown,
  rankBy: unknown,
  weights: unknown,
  labels: ArrayLike<string> | undefined,
): RankedBlocks {
  const roundingError = kernelRoundingError; // a local constant: see roundingError in kernel.ts
  const x = checkValues(fn, 'values', values, { minLength: 2, labels });
  const z = checkValues(fn, 'rankBy', rankBy, { minLength: 2, domain: 'any', labels });
  checkSameLength(fn, 'values', x, 'rankBy', z);
  const n = x.length;
  const w = weights === undefined || weights === null ? null : checkWeights(fn, weights, n, labels);
  const { sorted: sortedRank, order } = sortWithOrder(z);
  const sortedValues = new Float64Array(n);
  const sortedWeights = w === null ? null : new Float64Array(n);
  let units = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    sortedValues[k] = x[i];
    if (sortedWeights !== null && w !== null) {
      sortedWeights[k] = w[i];
      if (w[i] > 0) units++;
    }
  }
  if (w === null) units = n;

  // Tie blocks, their fractional ranks and cumulative weights; then the compensated cumulative resource at each
  // block end. Both cumulative arrays are turned into the curve's shares in place.
  const { blockEnd, cumulativeWeight: p, rank: blockRank } = fractionalRanks(sortedRank, sortedWeights);
  const blocks = blockEnd.length;
  const L = new Float64Array(blocks + 1);
  let resource = 0;
  let resourceError = 0;
  for (let k = 0, b = 0; k < n; k++) {
    const v = (sortedWeights === null ? 1 : sortedWeights[k]) * sortedValues[k];
    resourceError += roundingError(resource, v);
    resource += v;
    if (k + 1 === blockEnd[b]) L[++b] = resource + resourceError;
  }
  const totalWeight = p[blocks];
  const totalResource = L[blocks];
  if (!(totalResource > 0)) {
    throw new RangeError(`${fn}: values are all zero (or carry zero weight), so their concentration is undefined`);
  }
  for (let b = 1; b < blocks; b++) {
    p[b] /= totalWeight;
    L[b] /= totalResource;
  }
  p[blocks] = 1;
  L[blocks] = 1;
  return {
    order,
    sortedValues,
    sortedWeights,
    blockEnd,
    p,
    L,
    blockRank,
    totalWeight,
    mean: totalResource / totalWeight,
    units,
  };
}

/**
 * Concentration curve (Kakwani 1977; O'Donnell et al. 2008, ch. 7): cumulative share of a resource against the
 * cumulative population share, units ranked by another variable (usually income, e.g. GDP per person), poorest first.
 *
 * Points: `p_t = sum_{rank <= t} w / sum w`, `L_t = sum_{rank <= t} w x / sum w x`. Units with equal `rankBy` form
 * one block and one point (the curve is straight across a tie, so it does not depend on the order of tied units).
 * A curve above the diagonal means the resource is concentrated among the lower-ranked (poorer) units.
 *
 * - `values`: resource per unit of weight; finite, non-negative, at least two, not all zero.
 * - `rankBy`: the ranking variable, any finite numbers (ties allowed), same length.
 * - `weights`: optional population per unit; finite, non-negative, at least two units with positive weight (a
 *   curve of one unit is the diagonal whatever the data, so it throws). A zero weight changes nothing.
 * - `options.labels`: one string per unit, for error messages (a different length throws).
 * - Result: see `ConcentrationCurve`; `p` and `L` have (number of distinct `rankBy` values) + 1 points, start at
 *   (0, 0) and end exactly at (1, 1). Unlike a Lorenz curve, L may exceed p and need not be convex.
 *
 * Reference: Kakwani NC (1977). Measurement of tax progressivity: an international comparison. The Economic Journal
 * 87(345):71-80. doi:10.2307/2231833. O'Donnell O, van Doorslaer E, Wagstaff A, Lindelow M (2008). Analyzing Health
 * Equity Using Household Survey Data. World Bank. doi:10.1596/978-0-8213-6933-3
 *
 * @param values resource per unit of weight (e.g. physicians per 1,000 people), one per unit
 * @param rankBy ranking variable per unit (e.g. GDP per person)
 * @param weights optional weight per unit (population)
 * @param options `labels` for error messages
 * @example
 * Array.from(concentrationCurve([3, 1, 2], [30, 10, 20]).L); // => [0, 0.1666667, 0.5, 1]
 * @example
 * Array.from(concentrationCurve([3, 1, 2], [30, 10, 20]).rank); // => [0.8333333, 0.1666667, 0.5]
 */
export function concentrationCurve(
  values: ArrayLike<number>,
  rankBy: ArrayLike<number>,
  weights?: ArrayLike<number> | null,
  options: LabelOptions = {},
): ConcentrationCurve {
  checkOptions('concentrationCurve', options, ['labels']);
  const ranked = rankedBlocks('concentrationCurve', values, rankBy, weights, options.labels);
  const { order, blockEnd, blockRank } = ranked;
  const rank = new Float64Array(order.length);
  let start = 0;
  for (let b = 0; b < blockEnd.length; b++) {
    for (let k = start; k < blockEnd[b]; k++) rank[order[k]] = blockRank[b];
    start = blockEnd[b];
  }
  return { p: ranked.p, L: ranked.L, order, rank };
}

function checkBounds(fn: string, bounds: unknown): [number, number] {
  if (!isArrayLike(bounds) || bounds.length !== 2) {
    throw new TypeError(`${fn}: bounds must be an array [min, max]`);
  }
  const [min, max] = bounds as unknown[];
  if (typeof min !== 'number' || typeof max !== 'number') throw new TypeError(`${fn}: bounds must be numbers`);
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(min < max)) {
    throw new RangeError(`${fn}: bounds must be finite with min < max (got [${min}, ${max}])`);
  }
  return [min, max];
}

/**
 * Concentration index (Kakwani 1977; Kakwani, Wagstaff & van Doorslaer 1997): twice the area between the
 * concentration curve and the diagonal; the Gini-like measure of how a resource is distributed across units
 * ranked by income.
 *
 * - Covariance formula: `C = 2 cov_w(x, r) / mu`, with population shares `f_i = w_i / sum w`, weighted mean `mu`,
 *   and fractional rank `r_i` = population share ranked below unit i plus half its own (tie block's) share.
 * - Curve-area ("geometric") formula: `C = 1 - sum_t (p_t - p_{t-1})(L_t + L_{t-1})` over the concentration curve
 *   (Li et al. Eq. 1 with units sorted by GDP per person, as they compute CI). The two are algebraically identical
 *   for grouped data with these ranks; both are returned.
 * - Corrections for a bounded variable with `bounds: [a, b]`: Wagstaff `W = (b - a) mu C / ((b - mu)(mu - a))`
 *   (C / (1 - mu) for a [0, 1] variable), Erreygers `E = 4 mu C / (b - a)`.
 * - Standard error of C (Kakwani, Wagstaff & van Doorslaer 1997, grouped data):
 *   `var(C) = (1/n) [ sum_t f_t a_t^2 - (1 + C)^2 ]`, `a_t = (x_t / mu)(2 r_t - 1 - C) + 2 - L_{t-1} - L_t`, computed
 *   in the equal, centred form `(1/n) sum_t f_t (a_t - mean a)^2`. Here each unit is a group t with population share
 *   f_t, and `n` is the number of units with positive weight (reported as `units`): the provinces are treated as the
 *   sample, not the people in them. Tied units use their block's rank and curve ordinates.
 *
 * Domains: `values` finite, non-negative, at least two, not all zero (and within `bounds` for a correction);
 * `rankBy` any finite numbers that vary among the units with positive weight (a constant rankBy ranks nobody: a
 * RangeError, never an index of 0 with a standard error of 0); `weights` optional, non-negative, with at least two units of positive weight (a
 * measure of inequality compares units: with one unit the index would be 0 with a standard error of 0, so it
 * throws); a zero weight changes nothing. `options`: `correction` one of 'none', 'wagstaff', 'erreygers';
 * `bounds` a pair of finite numbers with min < max, given exactly when a correction is; `labels` one string per
 * unit.
 * Range: C in (-1, 1); negative when the resource is concentrated among lower-ranked (poorer) units, 0 when it is
 * spread in proportion to population (or unrelated to rank). Ties in `rankBy` share their mean rank (handled as a block).
 *
 * References: Kakwani N, Wagstaff A, van Doorslaer E (1997). Socioeconomic inequalities in health: measurement,
 * computation, and statistical inference. Journal of Econometrics 77(1):87-103. doi:10.1016/S0304-4076(96)01807-6.
 * Wagstaff A (2005). The bounds of the concentration index when the variable of interest is binary, with an
 * application to immunization inequality. Health Economics 14(4):429-432. doi:10.1002/hec.953.
 * Erreygers G (2009). Correcting the concentration index. Journal of Health Economics 28(2):504-515.
 * doi:10.1016/j.jhealeco.2008.02.003
 *
 * @param values resource per unit of weight, one per unit
 * @param rankBy ranking variable per unit (e.g. GDP per person)
 * @param weights optional weight per unit (population)
 * @param options `correction` ('none' default), `bounds` [min, max], `labels`
 * @example
 * concentrationIndex([1, 2, 3, 4], [10, 20, 30, 40]).index; // => 0.25
 * @example
 * concentrationIndex([0.2, 0.4, 0.5, 0.9], [1, 2, 3, 4], null, { correction: 'erreygers', bounds: [0, 1] }).index; // => 0.55
 */
export function concentrationIndex(
  values: ArrayLike<number>,
  rankBy: ArrayLike<number>,
  weights?: ArrayLike<number> | null,
  options: ConcentrationOptions = {},
): ConcentrationIndexResult {
  const roundingError = kernelRoundingError; // a local constant: see roundingError in kernel.ts
  const fn = 'concentrationIndex';
  checkOptions(fn, options, ['correction', 'bounds', 'labels']);
  const { labels } = options;
  const correction = checkChoice<ConcentrationCorrection>(fn, 'correction', options.correction, ['none', 'wagstaff', 'erreygers'], 'none');
  let bounds: [number, number] | null = null;
  if (correction === 'none') {
    if (options.bounds !== undefined) {
      throw new RangeError(`${fn}: bounds are used only by the 'wagstaff' and 'erreygers' corrections`);
    }
  } else {
    if (options.bounds === undefined) throw new RangeError(`${fn}: correction '${correction}' needs bounds [min, max]`);
    bounds = checkBounds(fn, options.bounds);
  }
  const ranked = rankedBlocks(fn, values, rankBy, weights, labels);
  const { order, sortedValues: xs, sortedWeights: ws, blockEnd, p, L, blockRank, totalWeight, mean, units } = ranked;
  const blocks = blockEnd.length;
  // a ranking variable that does not vary (among the units with positive weight) ranks nobody: the index would be a
  // meaningless 0 with standard error 0
  let rankedBlocksWithWeight = 0;
  for (let b = 0; b < blocks && rankedBlocksWithWeight < 2; b++) if (p[b + 1] > p[b]) rankedBlocksWithWeight++;
  if (rankedBlocksWithWeight < 2) {
    throw new RangeError(`${fn}: rankBy does not vary (every unit with positive weight has the same rank value), so the units cannot be ranked and the index is undefined`);
  }
  if (bounds !== null) {
    const [min, max] = bounds;
    for (let k = 0; k < xs.length; k++) {
      if (xs[k] < min || xs[k] > max) {
        throw new RangeError(`${fn}: values must lie within bounds [${min}, ${max}] (${unitName(order[k], labels)} is ${xs[k]})`);
      }
    }
  }

  // Covariance formula: sum over blocks and their units of w_i (x_i - mu)(r_block - 1/2); the mean rank is 1/2.
  // Curve-area formula: sum over blocks of (p_b - p_{b-1})(L_b + L_{b-1}).
  let cov = 0;
  let covError = 0;
  let area = 0;
  let areaError = 0;
  let start = 0;
  for (let b = 0; b < blocks; b++) {
    const centredRank = blockRank[b] - 0.5;
    for (let k = start; k < blockEnd[b]; k++) {
      const v = (ws === null ? 1 : ws[k]) * (xs[k] - mean) * centredRank;
      covError += roundingError(cov, v);
      cov += v;
    }
    start = blockEnd[b];
    const v = (p[b + 1] - p[b]) * (L[b + 1] + L[b]);
    areaError += roundingError(area, v);
    area += v;
  }
  const covariance = (cov + covError) / totalWeight;
  const covarianceFormula = (2 * covariance) / mean;
  const curveAreaFormula = 1 - (area + areaError);
  const C = covarianceFormula;

  // Standard error (Kakwani, Wagstaff & van Doorslaer 1997), centred form; two compensated passes.
  let aSum = 0;
  let aError = 0;
  start = 0;
  for (let b = 0; b < blocks; b++) {
    const slope = 2 * blockRank[b] - 1 - C;
    const ordinates = 2 - L[b] - L[b + 1];
    for (let k = start; k < blockEnd[b]; k++) {
      const v = ((ws === null ? 1 : ws[k]) / totalWeight) * ((xs[k] / mean) * slope + ordinates);
      aError += roundingError(aSum, v);
      aSum += v;
    }
    start = blockEnd[b];
  }
  const aMean = aSum + aError;
  let squares = 0;
  let squaresError = 0;
  start = 0;
  for (let b = 0; b < blocks; b++) {
    const slope = 2 * blockRank[b] - 1 - C;
    const ordinates = 2 - L[b] - L[b + 1];
    for (let k = start; k < blockEnd[b]; k++) {
      const d = (xs[k] / mean) * slope + ordinates - aMean;
      const v = ((ws === null ? 1 : ws[k]) / totalWeight) * d * d;
      squaresError += roundingError(squares, v);
      squares += v;
    }
    start = blockEnd[b];
  }
  const standardError = Math.sqrt((squares + squaresError) / units);
  if (!Number.isFinite(standardError) || !Number.isFinite(C)) {
    // values (or weights) so spread (1e-300 beside 1e300) that a unit's value over the weighted mean leaves the
    // double range: no finite index or standard error can be computed
    throw new RangeError(`${fn}: the values relative to their weighted mean overflow (they span more than the double range, about 1e308): the index and its standard error cannot be computed`);
  }

  let index = C;
  if (bounds !== null) {
    const [min, max] = bounds;
    if (correction === 'wagstaff') {
      if (!(mean > min && mean < max)) {
        throw new RangeError(`${fn}: the Wagstaff correction needs a mean strictly inside the bounds (mean ${mean})`);
      }
      index = ((max - min) * mean * C) / ((max - mean) * (mean - min));
    } else {
      index = (4 * mean * C) / (max - min);
    }
  }
  return {
    index,
    correction,
    bounds,
    covarianceFormula,
    curveAreaFormula,
    generalized: 2 * covariance,
    mean,
    standardError,
    units,
    distinctRanks: blocks,
  };
}
