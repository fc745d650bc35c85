import { checkBoolean, checkOptions, checkValues, checkWeights, LabelOptions, roundingError as kernelRoundingError, scaleNearOne, sortWithOrder, sum, sumOfProducts } from './kernel';

export interface GiniOptions extends LabelOptions {
  /**
   * Multiply by n / (n - 1), the small-sample correction of R ineq's `Gini(x, corr = TRUE)`. Unweighted data only:
   * with weights the number of units is not the sample size, so asking for it throws a RangeError. Must be a
   * boolean (`true` or `false`); anything else throws a TypeError.
   * @default false
   */
  correction?: boolean;
}

/**
 * Gini coefficient (Gini 1912): half the mean absolute difference between units, relative to the mean; equivalently
 * one minus twice the area under the Lorenz curve.
 *
 * `G = sum_i sum_j f_i f_j |x_i - x_j| / (2 mu)`, with population shares `f_i = w_i / sum w` and mean
 * `mu = sum f_i x_i`. It is computed after one sort, in O(n log n), as
 * `G = (1 / mu) sum_k f_k x_k (F_{k-1} + F_k - 1)` over units sorted by `x`, where `F_k` is the cumulative
 * population share (twice the covariance of `x` with its fractional rank, divided by the mean).
 *
 * With weights this is the grouped-data Gini of the studies, Li et al. Eq. (1),
 * `G = 1 - sum_i (X_i - X_{i-1})(Y_i + Y_{i-1})`, where `X` is the cumulative population share and `Y` the
 * cumulative resource share of areas sorted by resource per person: pass `values` = resource per person and
 * `weights` = population. The two expressions are algebraically identical (the tests check it on real data), so
 * "the Gini by population" of a table of provinces is the population-weighted Gini of per-capita values.
 * Unweighted, it is R ineq's `Gini(x)` and PySAL's `Gini`.
 *
 * - `values`: finite, non-negative, at least two units, not all zero. Zeros are allowed.
 * - `weights`: optional, finite, non-negative, at least two units with positive weight (a measure of inequality
 *   compares units: one unit alone would give a meaningless 0, so it throws); a unit with zero weight changes nothing.
 * - `options`: `correction` a boolean; `labels` one string per unit (a different length throws a RangeError).
 * - Result in [0, 1): 0 when every unit has the same value; at most `1 - min f_i` (unweighted `(n - 1) / n`, which
 *   the correction maps to 1). Ties need no special handling (tied units lie on one straight Lorenz segment).
 *
 * Reference: Gini C (1912). Variabilità e mutabilità. Bologna: Tipografia di Paolo Cuppini (a monograph: no DOI).
 * Grouped form: Li S, Liao C, Zhang S (2024, preprint), Eq. (1) (no DOI or address in our copy of the preprint);
 * see also Lerman RI, Yitzhaki S (1984). A note on the calculation and interpretation of the Gini index. Economics
 * Letters 15:363-368. doi:10.1016/0165-1765(84)90126-5
 *
 * @param values resource per unit of weight (e.g. physicians per 1,000 people), one per unit
 * @param weights optional weight per unit (population, area)
 * @param options `correction` (n / (n - 1), unweighted only), `labels` for error messages
 * @example
 * gini([541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261]); // => 0.4620911
 * @example
 * gini([541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261], null, { correction: true }); // => 0.5134346
 * @example
 * gini([2, 1, 4], [10, 30, 60]); // => 0.2379310
 */
export function gini(values: ArrayLike<number>, weights?: ArrayLike<number> | null, options: GiniOptions = {}): number {
  const roundingError = kernelRoundingError; // a local constant: see roundingError in kernel.ts
  checkOptions('gini', options, ['correction', 'labels']);
  const { labels } = options;
  const correction = checkBoolean('gini', 'correction', options.correction, false);
  const x = checkValues('gini', 'values', values, { minLength: 2, labels });
  const n = x.length;
  const weighted = weights !== undefined && weights !== null;
  if (correction && weighted) {
    throw new RangeError('gini: the n/(n-1) correction applies to unweighted data only (weights were given)');
  }
  const w = weighted ? checkWeights('gini', weights, n, labels) : null;
  // The index is scale-free in values and in weights: bring both near 1 by a power of two (exact), so that no sum or
  // product below overflows (values or weights of 1e300) or underflows (1e-300).
  scaleNearOne(x);
  if (w !== null) scaleNearOne(w);
  const { sorted, order } = sortWithOrder(x);

  // Totals: weight W and resource R = sum w x (compensated).
  const totalWeight = w === null ? n : sum(w);
  const totalResource = w === null ? sum(x) : sumOfProducts(w, x);
  if (!(totalResource > 0)) {
    throw new RangeError('gini: values are all zero (or carry zero weight), so the Gini coefficient is undefined');
  }

  // sum_k w_k (x_k - x_min) (S_{k-1} + S_k - W), S_k the cumulative weight in sorted order (both sums compensated).
  // Subtracting the smallest value changes nothing in exact arithmetic (sum_k w_k (S_{k-1} + S_k - W) = W^2 - W^2 = 0)
  // but everything in floating point: equal values give exactly 0 (they gave -9.6e-17 for [0.1, 0.1] weighted
  // [0.1, 0.2]), and nearly equal ones keep their digits, since x_k - x_min is exact for close values.
  const smallest = sorted[0];
  let cumulative = 0;
  let cumulativeError = 0;
  let terms = 0;
  let termsError = 0;
  for (let k = 0; k < n; k++) {
    const wi = w === null ? 1 : w[order[k]];
    const before = cumulative + cumulativeError;
    cumulativeError += roundingError(cumulative, wi);
    cumulative += wi;
    const term = wi * (sorted[k] - smallest) * (before + (cumulative + cumulativeError) - totalWeight);
    termsError += roundingError(terms, term);
    terms += term;
  }
  const g = (terms + termsError) / (totalWeight * totalResource);
  // g >= 0 exactly; a negative g is rounding (one unit holding nearly all the weight): it is 0 to double precision
  const clamped = g < 0 ? 0 : g;
  return correction ? (clamped * n) / (n - 1) : clamped;
}

