/**
 * The generalized entropy family (Shorrocks 1980): GE(alpha), the Atkinson index and the coefficient of variation,
 * and the termwise GE kernel that the Theil indices (theil.ts) share. The barrel exports only the three measures.
 */
import { checkFiniteNumber, checkOptions, checkValues, checkWeights, LabelOptions, roundingError as kernelRoundingError, scaleNearOne, unitName } from './kernel';

/** Validated values and optional weights, with the weighted total weight and mean. Internal. */
export interface Distribution {
  x: Float64Array;
  w: Float64Array | null;
  totalWeight: number;
  mean: number;
}

export function distribution(fn: string, values: unknown, weights: unknown, labels?: ArrayLike<string>): Distribution {
  const roundingError = kernelRoundingError; // a local constant: see roundingError in kernel.ts
  const x = checkValues(fn, 'values', values, { minLength: 2, labels });
  const n = x.length;
  const w = weights === undefined || weights === null ? null : checkWeights(fn, weights, n, labels);
  // Every measure of the family is scale-free in values and in weights: bring both near 1 by a power of two (exact),
  // so that no total, mean or square overflows (values of 1e160 squared) or underflows (1e-200 squared).
  const original = x.slice();
  scaleNearOne(x);
  if (w !== null) {
    const originalWeights = w.slice();
    scaleNearOne(w);
    for (let i = 0; i < n; i++) {
      if (w[i] === 0 && originalWeights[i] > 0) {
        throw new RangeError(`${fn}: weights span more than the double range (${unitName(i, labels)} has weight ${originalWeights[i]}): their ratio cannot be held in double precision`);
      }
    }
  }
  for (let i = 0; i < n; i++) {
    // a positive value that the scaling took below the smallest double: the values span more than the double range
    if (x[i] === 0 && original[i] > 0 && (w === null || w[i] > 0)) {
      let largest = 0;
      for (const v of original) if (v > largest) largest = v;
      throw new RangeError(`${fn}: values span more than the double range (${unitName(i, labels)} is ${original[i]}, the largest ${largest}): their ratio cannot be held in double precision`);
    }
  }
  let weight = 0;
  let weightError = 0;
  let resource = 0;
  let resourceError = 0;
  for (let i = 0; i < n; i++) {
    const wi = w === null ? 1 : w[i];
    const ri = wi * x[i];
    weightError += roundingError(weight, wi);
    weight += wi;
    resourceError += roundingError(resource, ri);
    resource += ri;
  }
  const totalWeight = weight + weightError;
  const totalResource = resource + resourceError;
  if (!(totalResource > 0)) {
    throw new RangeError(`${fn}: values are all zero (or carry zero weight), so inequality is undefined`);
  }
  return { x, w, totalWeight, mean: totalResource / totalWeight };
}

/**
 * ln sum_i f_i r_i^alpha (r_i = x_i / mean, f_i = w_i / sum w) as a log-sum-exp, for an alpha so large in magnitude
 * that r^alpha leaves the double range; units with zero weight, and zero values when alpha > 0, add nothing. The
 * callers have refused zero values when alpha <= 0.
 */
function logPowerMean(alpha: number, d: Distribution): number {
  const { x, w, totalWeight, mean } = d;
  let max = -Infinity;
  const logs: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const wi = w === null ? 1 : w[i];
    if (wi === 0 || x[i] === 0) continue;
    const v = Math.log(wi / totalWeight) + alpha * Math.log(x[i] / mean);
    logs.push(v);
    if (v > max) max = v;
  }
  let total = 0;
  for (const v of logs) total += Math.exp(v - max);
  return max + Math.log(total);
}

/**
 * `ln(x / mean)` for any x > 0 and mean > 0, to a few ulps: `log1p((x - mean) / mean)` near 1 (|x / mean - 1| < 1/2),
 * where the ratio itself would lose the digits of a small difference; `ln(x / mean)` elsewhere, where the difference
 * would lose a value tiny beside the mean (1e-17 beside 1: (x - mean) / mean rounds to -1 and log1p gives -Infinity);
 * `ln x - ln mean` when the ratio underflows. Internal.
 */
export function logOfRatio(x: number, mean: number): number {
  const delta = (x - mean) / mean;
  if (Math.abs(delta) < 0.5) return Math.log1p(delta);
  const r = x / mean;
  return r > 0 && r < Infinity ? Math.log(r) : Math.log(x) - Math.log(mean);
}

/**
 * `phi(1 + delta)` by its Taylor series `sum_{k>=2} c_k delta^k`, `c_2 = 1/2`, `c_{k+1} = c_k (alpha - k) / (k + 1)`
 * (from `(1 + delta)^alpha = sum_k C(alpha, k) delta^k`; alpha = 0 gives `delta^2/2 - delta^3/3 + ...`, the series of
 * `delta - log1p(delta)`). Used where `|delta| (|alpha| + 2) < 1/4`: every term is at most a quarter of the one
 * before, so the sum keeps full relative precision where the closed forms cancel (r^alpha - 1 - alpha (r - 1) is of
 * order delta^2, its parts of order delta).
 */
function entropySeries(alpha: number, delta: number): number {
  let coefficient = 0.5;
  let power = delta * delta;
  let total = coefficient * power;
  for (let k = 2; k < 200; k++) {
    coefficient *= (alpha - k) / (k + 1);
    power *= delta;
    const term = coefficient * power;
    total += term;
    if (Math.abs(term) <= 1e-18 * Math.abs(total)) break;
  }
  return total;
}

/**
 * The GE(alpha) term of one unit with value `x` against `mean` (relative value `r = x / mean`), written so that
 * every term is >= 0: `phi(r) = (r^alpha - 1 - alpha (r - 1)) / (alpha (alpha - 1))`, with the limits
 * `r - 1 - ln r` (alpha = 0) and `r ln r - r + 1` (alpha = 1). The added `alpha (r - 1)` terms sum to zero over a
 * distribution, so `GE(alpha) = sum f_i phi(r_i)`; each term being non-negative, the sum never comes out slightly
 * below zero. Accurate to a few ulps relative for every x >= 0: near equality by the Taylor series (see
 * `entropySeries`), elsewhere from `logOfRatio(x, mean)`, so that a value tiny beside the mean keeps its digits
 * (`theil([1e-12, 1, 2, 3])` lost five, `theil([1e-17, 1])` was NaN). Callers reject x = 0 when alpha <= 0.
 */
export function entropyTerm(alpha: number, x: number, mean: number): number {
  const delta = (x - mean) / mean;
  if (Math.abs(delta) * (Math.abs(alpha) + 2) < 0.25) return entropySeries(alpha, delta);
  if (x === 0) return alpha === 1 ? 1 : (-1 + alpha) / (alpha * (alpha - 1)); // r = 0, alpha > 0: 1 / alpha
  const logR = logOfRatio(x, mean);
  const r = Math.abs(delta) < 0.5 ? 1 + delta : x / mean;
  if (alpha === 0) return delta - logR;
  if (alpha === 1) return r * logR - delta;
  const power = Math.expm1(alpha * logR); // r^alpha - 1
  return (power - alpha * delta) / (alpha * (alpha - 1));
}

/** Weighted sum over units of f_i phi(x_i / mean); throws for a zero value when alpha <= 0. Compensated. */
export function entropySum(
  fn: string,
  alpha: number,
  d: Distribution,
  labels: ArrayLike<string> | undefined,
  zeroMessage: (unit: string) => string,
): number {
  const roundingError = kernelRoundingError; // a local constant: see roundingError in kernel.ts
  const { x, w, totalWeight, mean } = d;
  let total = 0;
  let error = 0;
  for (let i = 0; i < x.length; i++) {
    const wi = w === null ? 1 : w[i];
    if (wi === 0) continue;
    if (alpha <= 0 && x[i] === 0) throw new RangeError(`${fn}: ${zeroMessage(unitName(i, labels))}`);
    const v = (wi / totalWeight) * entropyTerm(alpha, x[i], mean);
    error += roundingError(total, v);
    total += v;
  }
  return total + error;
}

/**
 * Generalized entropy index GE(alpha) (Shorrocks 1980), the family that contains both Theil indices.
 *
 * `GE(alpha) = 1 / (alpha (alpha - 1)) * sum_i f_i [ (x_i / mu)^alpha - 1 ]`, with population shares
 * `f_i = w_i / sum w` and weighted mean `mu = sum f_i x_i`; `GE(0) = sum f_i ln(mu / x_i)` (mean log deviation,
 * Theil L) and `GE(1) = sum f_i (x_i / mu) ln(x_i / mu)` (Theil T); `GE(2)` is half the squared coefficient of
 * variation. Computed termwise in a form where each term is non-negative (see the source), in O(n).
 *
 * - `values`: finite, non-negative, at least two units, not all zero. For `alpha <= 0` every unit with positive
 *   weight must have a positive value (the index takes a log or a negative power of it); for `alpha > 0` zeros are
 *   allowed (`0^alpha = 0`; for alpha = 1, `0 ln 0 = 0`).
 * - `alpha`: any finite number. Lower alpha is more sensitive to the bottom of the distribution.
 * - `weights`: optional population (or other base) per unit; at least two units must have positive weight (a
 *   measure of inequality compares units: one unit alone would give a meaningless 0, so it throws). A unit with
 *   zero weight changes nothing. `options.labels`: one string per unit (a different length throws).
 * - Result >= 0, 0 exactly when all units (with positive weight) have the same value. Unbounded above for
 *   alpha <= 0 (as some value tends to 0); for alpha > 0 at most its value when one unit holds everything
 *   (GE(1) <= ln(1 / min f_i), ln n unweighted).
 *
 * Reference: Shorrocks AF (1980). The class of additively decomposable inequality measures. Econometrica
 * 48(3):613-625. doi:10.2307/1913126
 *
 * @param values resource per unit of weight, one per unit
 * @param alpha the sensitivity parameter
 * @param weights optional weight per unit (population)
 * @param options `labels` for error messages
 * @example
 * generalizedEntropy([541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261], 1); // => 0.3623412
 * @example
 * generalizedEntropy([1, 3], 2); // => 0.125
 */
export function generalizedEntropy(
  values: ArrayLike<number>,
  alpha: number,
  weights?: ArrayLike<number> | null,
  options: LabelOptions = {},
): number {
  const fn = 'generalizedEntropy';
  checkOptions(fn, options, ['labels']);
  checkFiniteNumber(fn, 'alpha', alpha);
  const d = distribution(fn, values, weights, options.labels);
  const ge = entropySum(
    fn,
    alpha,
    d,
    options.labels,
    (unit) => `alpha = ${alpha} needs positive values, and ${unit} has value 0; alpha > 0 accepts zeros`,
  );
  if (Number.isFinite(ge)) return ge;
  // an alpha so large in magnitude that some (x / mean)^alpha overflows: then S = sum f (x / mean)^alpha is huge and
  // GE = (S - 1) / (alpha (alpha - 1)) is S / (alpha (alpha - 1)) to double precision
  const logGe = logPowerMean(alpha, d) - Math.log(alpha * (alpha - 1));
  if (logGe < Math.log(Number.MAX_VALUE)) return Math.exp(logGe);
  throw new RangeError(`${fn}: GE(${alpha}) overflows: it is about e^${logGe.toPrecision(5)}, past the largest double (about 1.8e308); a smaller |alpha| weighs the extremes less`);
}

/**
 * Atkinson index (Atkinson 1970): the share of the total that could be given up, with the rest shared equally,
 * without lowering social welfare under inequality aversion `epsilon`.
 *
 * `A(epsilon) = 1 - (sum_i f_i (x_i / mu)^(1 - epsilon))^(1 / (1 - epsilon))`, and for epsilon = 1
 * `A = 1 - exp(sum_i f_i ln x_i) / mu` (one minus geometric over arithmetic mean), with `f_i = w_i / sum w`.
 * Computed from GE(1 - epsilon) as `1 - (1 + a (a - 1) GE(a))^(1 / a)`, a = 1 - epsilon, which is accurate near 0.
 *
 * - `values`: finite, non-negative, at least two, not all zero; for `epsilon >= 1` every unit with positive weight
 *   must be positive (a zero would make A = 1 regardless of everything else; it throws instead and names the unit).
 * - `epsilon`: finite, >= 0 (0 gives 0: no aversion).
 * - `weights`: optional population per unit; at least two units must have positive weight (a measure of
 *   inequality compares units: one unit alone would give a meaningless 0, so it throws). Zero weight changes nothing.
 * - Result in [0, 1): 0 for an equal distribution.
 *
 * Reference: Atkinson AB (1970). On the measurement of inequality. Journal of Economic Theory 2(3):244-263.
 * doi:10.1016/0022-0531(70)90039-6
 *
 * @param values resource per unit of weight, one per unit
 * @param epsilon inequality aversion, >= 0
 * @param weights optional weight per unit (population)
 * @param options `labels` for error messages
 * @example
 * atkinson([541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261], 0.5); // => 0.1796591
 */
export function atkinson(
  values: ArrayLike<number>,
  epsilon: number,
  weights?: ArrayLike<number> | null,
  options: LabelOptions = {},
): number {
  const fn = 'atkinson';
  checkOptions(fn, options, ['labels']);
  checkFiniteNumber(fn, 'epsilon', epsilon);
  if (epsilon < 0) throw new RangeError(`${fn}: epsilon must be non-negative (got ${epsilon})`);
  const d = distribution(fn, values, weights, options.labels);
  const a = 1 - epsilon;
  const ge = entropySum(
    fn,
    a,
    d,
    options.labels,
    (unit) => `epsilon = ${epsilon} needs positive values, and ${unit} has value 0; epsilon < 1 accepts zeros`,
  );
  // `0 - x` rather than `-x`, so that no inequality gives +0, not -0.
  if (a === 0) return 0 - Math.expm1(-ge);
  const index = 0 - Math.expm1(Math.log1p(a * (a - 1) * ge) / a);
  if (Number.isFinite(index)) return index;
  // a large epsilon: (x / mean)^(1 - epsilon) overflows for the smallest values; A = 1 - exp(ln S / (1 - epsilon))
  // with S = sum f (x / mean)^(1 - epsilon) taken as a log-sum-exp (A is always in [0, 1))
  return 0 - Math.expm1(logPowerMean(a, d) / a);
}

/**
 * Coefficient of variation: the (weighted) population standard deviation divided by the mean.
 *
 * `CV = sqrt(sum_i f_i (x_i - mu)^2) / mu`, `f_i = w_i / sum w`, `mu = sum f_i x_i`. The standard deviation is
 * the population one (divisor sum w, not n - 1), as in R ineq's `var.coeff`, so that `CV^2 = 2 GE(2)`.
 *
 * - `values`: finite, non-negative, at least two, not all zero; zeros are allowed.
 * - `weights`: optional population per unit; at least two units must have positive weight (a measure of
 *   inequality compares units: one unit alone would give a meaningless 0, so it throws). Zero weight changes nothing.
 * - Result >= 0, 0 for an equal distribution; at most `sqrt(1 / min f_i - 1)` (`sqrt(n - 1)` unweighted).
 *
 * Reference: Cowell FA (2011). Measuring Inequality, 3rd ed. Oxford University Press, section 2.3.
 * doi:10.1093/acprof:osobl/9780199594030.001.0001
 *
 * @param values resource per unit of weight, one per unit
 * @param weights optional weight per unit (population)
 * @param options `labels` for error messages
 * @example
 * coefficientOfVariation([1, 3]); // => 0.5
 */
export function coefficientOfVariation(
  values: ArrayLike<number>,
  weights?: ArrayLike<number> | null,
  options: LabelOptions = {},
): number {
  const roundingError = kernelRoundingError; // a local constant: see roundingError in kernel.ts
  const fn = 'coefficientOfVariation';
  checkOptions(fn, options, ['labels']);
  const { x, w, totalWeight, mean } = distribution(fn, values, weights, options.labels);
  let squares = 0;
  let error = 0;
  for (let i = 0; i < x.length; i++) {
    const deviation = x[i] - mean;
    const v = (w === null ? 1 : w[i]) * deviation * deviation;
    error += roundingError(squares, v);
    squares += v;
  }
  return Math.sqrt((squares + error) / totalWeight) / mean;
}
