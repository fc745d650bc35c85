import { checkOptions, checkValues, checkWeights, LabelOptions, roundingError as kernelRoundingError, sortOrder } from './kernel';

/** Points of a Lorenz curve, from (0, 0) to (1, 1). */
export interface LorenzCurve {
  /** Cumulative population (weight) share: `p[0] = 0`, `p[k]` = share of the k poorest units, `p[n] = 1`. */
  p: Float64Array;
  /** Cumulative resource share at the same points: `L[0] = 0`, `L[n] = 1`. */
  L: Float64Array;
  /** Input indices sorted by value ascending (ties keep input order): point k + 1 adds unit `order[k]`. */
  order: Uint32Array;
}

/**
 * Lorenz curve (Lorenz 1905): cumulative share of the resource held by the poorest fraction `p` of the population.
 *
 * Units are sorted by `values` ascending; with weights the curve passes through
 * `p_k = sum_{j<=k} w_j / sum w` and `L_k = sum_{j<=k} w_j x_j / sum w x`, where `x` is the resource per unit of
 * weight (doctors per person) and `w` the weight (population), so `w x` is the unit's resource. Without weights each
 * unit weighs 1. These are exactly the points `(X_i, Y_i)` of Eq. (1) in Li et al. (population share against
 * resource share, areas sorted by resource per person).
 *
 * - `values`: finite, non-negative, at least two, not all zero (weighted total > 0).
 * - `weights`: optional, finite, non-negative, with at least two units of positive weight (the curve of one unit
 *   is the diagonal whatever the data, so it throws). A zero weight adds a repeated point and changes nothing else.
 * - Result: Float64Arrays of n + 1 points, non-decreasing, `p[0] = L[0] = 0`, `p[n] = L[n] = 1` (set exactly);
 *   `L[k] <= p[k]` up to rounding. Tied values keep input order; tied points lie on one straight segment, so the
 *   curve does not depend on the order of ties. Zero values are allowed (a flat start).
 * - Errors: RangeError for fewer than two units (or fewer than two with positive weight), NaN, infinite or negative
 *   values, lengths that differ (labels included), or a zero total; messages name the unit (or its label from
 *   `options.labels`).
 *
 * Reference: Lorenz MO (1905). Methods of measuring the concentration of wealth. Publications of the American
 * Statistical Association 9(70):209-219. doi:10.2307/2276207
 *
 * @param values resource per unit of weight, one per unit
 * @param weights optional weight (population, area) per unit
 * @param options `labels` to name units in error messages
 * @example
 * Array.from(lorenzCurve([1, 2, 3, 4]).L); // => [0, 0.1, 0.3, 0.6, 1]
 * @example
 * Array.from(lorenzCurve([2, 1], [1, 3]).p); // => [0, 0.75, 1]
 */
export function lorenzCurve(
  values: ArrayLike<number>,
  weights?: ArrayLike<number> | null,
  options: LabelOptions = {},
): LorenzCurve {
  const roundingError = kernelRoundingError; // a local constant: see roundingError in kernel.ts
  checkOptions('lorenzCurve', options, ['labels']);
  const { labels } = options;
  const x = checkValues('lorenzCurve', 'values', values, { minLength: 2, labels });
  const w = weights === undefined || weights === null ? null : checkWeights('lorenzCurve', weights, x.length, labels);
  const order = sortOrder(x);
  const n = x.length;
  const p = new Float64Array(n + 1);
  const L = new Float64Array(n + 1);
  // Compensated running sums of weight and resource.
  let weight = 0;
  let weightError = 0;
  let resource = 0;
  let resourceError = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const wi = w === null ? 1 : w[i];
    const ri = wi * x[i];
    weightError += roundingError(weight, wi);
    weight += wi;
    resourceError += roundingError(resource, ri);
    resource += ri;
    p[k + 1] = weight + weightError;
    L[k + 1] = resource + resourceError;
  }
  const totalWeight = p[n];
  const totalResource = L[n];
  if (!(totalResource > 0)) {
    throw new RangeError('lorenzCurve: the total resource is zero, so its shares are undefined');
  }
  for (let k = 1; k < n; k++) {
    p[k] /= totalWeight;
    L[k] /= totalResource;
  }
  p[n] = 1;
  L[n] = 1;
  return { p, L, order };
}
