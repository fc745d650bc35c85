import { checkChoice, checkOptions, checkSameLength, checkValues, checkWeights, LabelOptions, unitName } from './internal';

/**
 * Which Theil index: `'L'` is GE(0), the mean log deviation `sum P_i ln(P_i / Y_i)` (Theil's second measure);
 * `'T'` is GE(1), `sum Y_i ln(Y_i / P_i)` (Theil's first measure, R ineq's `Theil(x)`, PySAL's `Theil`).
 * `P_i` is unit i's population (weight) share and `Y_i` its resource share.
 */
export type TheilVariant = 'T' | 'L';

export interface TheilOptions extends LabelOptions {
  /**
   * `'L'` (mean log deviation, GE(0)) or `'T'` (Theil T, GE(1)).
   * The default is `'L'` because it is the index the studies reproduced here define, `T = sum P_i ln(P_i / Y_i)`
   * with P the population share and Y the resource share (Li et al. Eq. 3; the usual formula of Chinese
   * health-resource equity studies), and because it is the one Theil index whose within-group part is weighted by
   * population shares (Shorrocks 1980), as their decomposition Eq. (6) assumes. R ineq `Theil(x)` and PySAL `Theil`
   * compute `'T'`: pass `{ variant: 'T' }` to compare with them.
   * @default 'L'
   */
  variant?: TheilVariant;
  /**
   * Base of the logarithm: the index is divided by ln(base). Some published tables (Fu et al. 2023) use 10.
   * Must be a finite number greater than 1: a base in (0, 1) has a negative logarithm and would turn the index
   * negative, so it throws a RangeError.
   * @default Math.E
   */
  base?: number;
}

/** Validated values and optional weights, with the weighted total weight and mean. Internal. */
interface Distribution {
  x: Float64Array;
  w: Float64Array | null;
  totalWeight: number;
  mean: number;
}

function distribution(fn: string, values: unknown, weights: unknown, labels?: ArrayLike<string>): Distribution {
  const x = checkValues(fn, 'values', values, { minLength: 2, labels });
  const n = x.length;
  const w = weights === undefined || weights === null ? null : checkWeights(fn, weights, n, labels);
  let totalWeight = 0;
  let weightComp = 0;
  let resource = 0;
  let resourceComp = 0;
  for (let i = 0; i < n; i++) {
    const wi = w === null ? 1 : w[i];
    let t = totalWeight + wi;
    weightComp += Math.abs(totalWeight) >= Math.abs(wi) ? totalWeight - t + wi : wi - t + totalWeight;
    totalWeight = t;
    const ri = wi * x[i];
    t = resource + ri;
    resourceComp += Math.abs(resource) >= Math.abs(ri) ? resource - t + ri : ri - t + resource;
    resource = t;
  }
  totalWeight += weightComp;
  resource += resourceComp;
  if (!(resource > 0)) {
    throw new RangeError(`${fn}: values are all zero (or carry zero weight), so inequality is undefined`);
  }
  return { x, w, totalWeight, mean: resource / totalWeight };
}

/**
 * The GE(alpha) term of one unit with relative value `r = x / mean`, written so that every term is >= 0:
 * `phi(r) = (r^alpha - 1 - alpha (r - 1)) / (alpha (alpha - 1))`, with the limits `r - 1 - ln r` (alpha = 0) and
 * `r ln r - r + 1` (alpha = 1). The added `alpha (r - 1)` terms sum to zero over a distribution, so
 * `GE(alpha) = sum f_i phi(r_i)`; each term being non-negative, the sum never comes out slightly below zero.
 * `delta = (x - mean) / mean` is passed too, for log1p accuracy near equality. Callers reject r = 0 when alpha <= 0.
 */
function entropyTerm(alpha: number, delta: number): number {
  const r = 1 + delta;
  if (alpha === 0) return delta - Math.log1p(delta);
  if (alpha === 1) return r === 0 ? 1 : r * Math.log1p(delta) - delta;
  const power = r === 0 ? -1 : Math.expm1(alpha * Math.log1p(delta)); // r^alpha - 1
  return (power - alpha * delta) / (alpha * (alpha - 1));
}

/** Weighted sum over units of f_i phi(x_i / mean); throws for a zero value when alpha <= 0. Compensated. */
function entropySum(
  fn: string,
  alpha: number,
  d: Distribution,
  labels: ArrayLike<string> | undefined,
  zeroMessage: (unit: string) => string,
): number {
  const { x, w, totalWeight, mean } = d;
  let total = 0;
  let comp = 0;
  for (let i = 0; i < x.length; i++) {
    const wi = w === null ? 1 : w[i];
    if (wi === 0) continue;
    if (alpha <= 0 && x[i] === 0) throw new RangeError(`${fn}: ${zeroMessage(unitName(i, labels))}`);
    const v = (wi / totalWeight) * entropyTerm(alpha, (x[i] - mean) / mean);
    const t = total + v;
    comp += Math.abs(total) >= Math.abs(v) ? total - t + v : v - t + total;
    total = t;
  }
  return total + comp;
}

function checkFiniteNumber(fn: string, name: string, v: unknown): number {
  if (typeof v !== 'number') throw new TypeError(`${fn}: ${name} must be a number`);
  if (!Number.isFinite(v)) throw new RangeError(`${fn}: ${name} must be finite (got ${v})`);
  return v;
}

function resolveTheilOptions(fn: string, options: TheilOptions): { variant: TheilVariant; base: number; logBase: number } {
  checkOptions(fn, options);
  const variant = checkChoice<TheilVariant>(fn, 'variant', options.variant, ['T', 'L'], 'L');
  const base = options.base === undefined ? Math.E : checkFiniteNumber(fn, 'base', options.base);
  if (!(base > 1)) throw new RangeError(`${fn}: base must be greater than 1 (got ${base})`);
  return { variant, base, logBase: Math.log(base) };
}

function theilZeroMessage(unit: string): string {
  return `variant 'L' takes the log of each value, and ${unit} has value 0; variant 'T' accepts zeros`;
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
  checkOptions(fn, options);
  checkFiniteNumber(fn, 'alpha', alpha);
  const d = distribution(fn, values, weights, options.labels);
  return entropySum(
    fn,
    alpha,
    d,
    options.labels,
    (unit) => `alpha = ${alpha} needs positive values, and ${unit} has value 0; alpha > 0 accepts zeros`,
  );
}

/**
 * Theil index, either variant (Theil 1967): `'L'`, the mean log deviation GE(0), or `'T'`, GE(1).
 *
 * With population shares `P_i = w_i / sum w` and resource shares `Y_i = w_i x_i / sum w x`:
 * - `L = sum_i P_i ln(P_i / Y_i) = sum_i P_i ln(mu / x_i)` — the studies' formula (Li et al. Eq. 3), given
 *   `values` = resource per person and `weights` = population;
 * - `T = sum_i Y_i ln(Y_i / P_i) = sum_i P_i (x_i / mu) ln(x_i / mu)`.
 * Both are divided by `ln(base)` (base 10 reproduces tables that used log10). O(n), no sort.
 *
 * - `values`: finite, non-negative, at least two, not all zero. Variant `'L'` needs every unit with positive weight
 *   to have a positive value (it takes `ln x_i`); a zero throws and names the unit. `'T'` accepts zeros (their
 *   term is 0, the limit of `Y ln Y`), like R ineq, which drops zeros from T.
 * - `weights`: optional population per unit; without them every unit weighs 1. At least two units must have
 *   positive weight (a measure of inequality compares units: one unit alone would give a meaningless 0, so it
 *   throws). Zero weight changes nothing.
 * - `options`: `variant` 'T' or 'L' (anything else throws), `base` a finite number > 1 (a base below 1 would make
 *   the index negative; it throws a RangeError), `labels` one string per unit.
 * - Result >= 0, 0 for an equal distribution. 'T' is at most `ln(1 / min P_i) / ln(base)` (`ln n` unweighted,
 *   reached when one unit holds everything), not 1; 'L' is unbounded as some unit's value tends to 0.
 *
 * References: Theil H (1967). Economics and Information Theory. Amsterdam: North-Holland (a book: no DOI).
 * Shorrocks AF (1980). Econometrica 48(3):613-625. doi:10.2307/1913126
 *
 * @param values resource per unit of weight (e.g. nurses per 1,000 people), one per unit
 * @param weights optional weight per unit (population)
 * @param options `variant` ('L' default, see `TheilOptions`), `base` (e default), `labels`
 * @example
 * theil([541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261], null, { variant: 'T' }); // => 0.3623412
 * @example
 * theil([541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261]); // => 0.4335946
 * @example
 * theil([0, 0, 0, 10, 10, 10], null, { variant: 'T' }); // => 0.6931472
 */
export function theil(values: ArrayLike<number>, weights?: ArrayLike<number> | null, options: TheilOptions = {}): number {
  const fn = 'theil';
  const { variant, logBase } = resolveTheilOptions(fn, options);
  const d = distribution(fn, values, weights, options.labels);
  return entropySum(fn, variant === 'L' ? 0 : 1, d, options.labels, theilZeroMessage) / logBase;
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
  checkOptions(fn, options);
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
  return 0 - Math.expm1(Math.log1p(a * (a - 1) * ge) / a);
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
  const fn = 'coefficientOfVariation';
  checkOptions(fn, options);
  const { x, w, totalWeight, mean } = distribution(fn, values, weights, options.labels);
  let total = 0;
  let comp = 0;
  for (let i = 0; i < x.length; i++) {
    const wi = w === null ? 1 : w[i];
    const deviation = x[i] - mean;
    const v = wi * deviation * deviation;
    const t = total + v;
    comp += Math.abs(total) >= Math.abs(v) ? total - t + v : v - t + total;
    total = t;
  }
  return Math.sqrt((total + comp) / totalWeight) / mean;
}

/** One group (region) of a Theil decomposition. */
export interface TheilGroup {
  /** The group's label as given in `groups`. */
  group: string | number;
  /** Number of units in the group. */
  units: number;
  /** `P_g`: the group's share of the total weight (population). */
  populationShare: number;
  /** `Y_g`: the group's share of the total resource (`sum w x`). */
  resourceShare: number;
  /** The chosen Theil index computed within the group alone (`L_g` or `T_g`), in the chosen base. */
  theil: number;
  /** The group's part of the within-group component: `P_g L_g` (variant 'L') or `Y_g T_g` (variant 'T'). */
  withinContribution: number;
  /** `withinContribution` divided by the sum of all groups' contributions (0 when that sum is 0). */
  shareOfWithin: number;
}

/** Result of `theilDecomposition`. `between + within === total` holds by construction. */
export interface TheilDecomposition {
  variant: TheilVariant;
  /** Base of the logarithm used. */
  base: number;
  /**
   * The Theil index of all units: `theil(values, weights, options)`, stored as `between + within` so that the
   * identity is exact in floating point (it may differ from the direct value in the last bit).
   */
  total: number;
  /** Between-group component: `sum P_g ln(P_g / Y_g)` ('L') or `sum Y_g ln(Y_g / P_g)` ('T'). */
  between: number;
  /** Within-group component, computed as `total - between` (as PySAL's TheilD does). */
  within: number;
  /** `between / total` (0 when total is 0). */
  betweenShare: number;
  /** `within / total` (0 when total is 0). */
  withinShare: number;
  /** One record per group, in order of first appearance in `groups`. */
  groups: TheilGroup[];
}

export interface TheilDecompositionOptions extends TheilOptions {}

/**
 * Theil index decomposed into between-group and within-group components (Shorrocks 1980), for either variant.
 *
 * With group population shares `P_g`, resource shares `Y_g` and the group's own index `L_g` or `T_g`:
 * - variant 'L': `L = sum_g P_g ln(P_g / Y_g) + sum_g P_g L_g` — the within part is weighted by population shares;
 * - variant 'T': `T = sum_g Y_g ln(Y_g / P_g) + sum_g Y_g T_g` — the within part is weighted by resource shares.
 * Both identities are exact. `total` is computed directly, `within = total - between`, and `total` is stored as
 * `between + within` (re-rounding it by at most one ulp), so `between + within === total` holds exactly in the code;
 * the sum of the groups' `withinContribution` equals `within` up to rounding (~1e-16), which the tests check. (Li et al. print the names of Eqs. 5 and 6 the wrong way round:
 * `sum P_g ln(P_g / Y_g)` is the between-region part.)
 *
 * - `values`, `weights`, `options`: as for `theil` (variant 'L' by default; `base` e by default, any finite number
 *   > 1; at least two units with positive weight in all).
 * - `groups`: one label (string or finite number) per unit, e.g. the region of each province; 1 and '1' are
 *   different groups. Every group needs a positive total weight (else it throws and names the group). With
 *   variant 'T' a group whose units are all 0 is allowed: its units are equal, so its `theil` is reported as 0, and
 *   its contribution `Y_g T_g` is 0 (Y_g = 0) — PySAL's edge case y = [0,0,0,10,10,10] gives between = ln 2.
 * - Result: see `TheilDecomposition`; components >= 0 up to rounding; shares of the total are 0 when total is 0.
 *
 * Reference: Shorrocks AF (1980). The class of additively decomposable inequality measures. Econometrica
 * 48(3):613-625. doi:10.2307/1913126. PySAL inequality `TheilD` (variant 'T', unweighted).
 *
 * @param values resource per unit of weight, one per unit
 * @param groups group label per unit
 * @param weights optional weight per unit (population)
 * @param options `variant`, `base`, `labels`
 * @example
 * theilDecomposition([0, 0, 0, 10, 10, 10], [0, 0, 0, 1, 1, 1], null, { variant: 'T' }).between; // => 0.6931472
 * @example
 * theilDecomposition([1, 2, 4, 8], ['a', 'a', 'b', 'b']).within; // => 0.05889152
 */
export function theilDecomposition(
  values: ArrayLike<number>,
  groups: ArrayLike<string | number>,
  weights?: ArrayLike<number> | null,
  options: TheilDecompositionOptions = {},
): TheilDecomposition {
  const fn = 'theilDecomposition';
  const { variant, base, logBase } = resolveTheilOptions(fn, options);
  const { labels } = options;
  const d = distribution(fn, values, weights, labels);
  const { x, w, totalWeight, mean } = d;
  const n = x.length;
  if (groups === null || typeof groups !== 'object' || typeof groups.length !== 'number') {
    throw new TypeError(`${fn}: groups must be an array of labels`);
  }
  checkSameLength(fn, 'values', x, 'groups', groups);
  const alpha = variant === 'L' ? 0 : 1;
  const total = entropySum(fn, alpha, d, labels, theilZeroMessage);

  // Pass 1: group index of each unit, group weights and resources.
  const index = new Map<string | number, number>();
  const keys: (string | number)[] = [];
  const member = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const g = groups[i];
    if (typeof g !== 'string' && !(typeof g === 'number' && Number.isFinite(g))) {
      throw new TypeError(`${fn}: groups must be strings or finite numbers (${unitName(i, labels)} is ${String(g)})`);
    }
    let k = index.get(g);
    if (k === undefined) {
      k = keys.length;
      index.set(g, k);
      keys.push(g);
    }
    member[i] = k;
  }
  const m = keys.length;
  const groupWeight = new Float64Array(m);
  const groupWeightComp = new Float64Array(m);
  const groupResource = new Float64Array(m);
  const groupResourceComp = new Float64Array(m);
  const units = new Uint32Array(m);
  for (let i = 0; i < n; i++) {
    const k = member[i];
    const wi = w === null ? 1 : w[i];
    units[k]++;
    let s = groupWeight[k];
    let t = s + wi;
    groupWeightComp[k] += Math.abs(s) >= Math.abs(wi) ? s - t + wi : wi - t + s;
    groupWeight[k] = t;
    const ri = wi * x[i];
    s = groupResource[k];
    t = s + ri;
    groupResourceComp[k] += Math.abs(s) >= Math.abs(ri) ? s - t + ri : ri - t + s;
    groupResource[k] = t;
  }
  const groupMean = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    groupWeight[k] += groupWeightComp[k];
    groupResource[k] += groupResourceComp[k];
    if (!(groupWeight[k] > 0)) throw new RangeError(`${fn}: group ${String(keys[k])} has zero total weight`);
    // A zero-resource group is only possible for variant 'T' (variant 'L' rejects zero values): its units are all
    // equal (zero), so its own index is taken as 0; its contribution Y_g T_g is 0 whatever T_g is.
    groupMean[k] = groupResource[k] / groupWeight[k];
  }

  // Pass 2: each group's own index, sum over its units of (w_i / W_g) phi(x_i / mu_g).
  const groupIndex = new Float64Array(m);
  const groupIndexComp = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const wi = w === null ? 1 : w[i];
    if (wi === 0) continue;
    const k = member[i];
    if (groupMean[k] === 0) continue;
    const v = (wi / groupWeight[k]) * entropyTerm(alpha, (x[i] - groupMean[k]) / groupMean[k]);
    const s = groupIndex[k];
    const t = s + v;
    groupIndexComp[k] += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    groupIndex[k] = t;
  }

  // Between: sum P_g phi(mu_g / mu), which equals sum P_g ln(P_g / Y_g) ('L') or sum Y_g ln(Y_g / P_g) ('T').
  let between = 0;
  let betweenComp = 0;
  let contributions = 0;
  const records: TheilGroup[] = [];
  const totalResource = mean * totalWeight;
  for (let k = 0; k < m; k++) {
    const populationShare = groupWeight[k] / totalWeight;
    const resourceShare = groupResource[k] / totalResource;
    const v = populationShare * entropyTerm(alpha, (groupMean[k] - mean) / mean);
    const t = between + v;
    betweenComp += Math.abs(between) >= Math.abs(v) ? between - t + v : v - t + between;
    between = t;
    const own = (groupIndex[k] + groupIndexComp[k]) / logBase;
    const withinContribution = (variant === 'L' ? populationShare : resourceShare) * own;
    contributions += withinContribution;
    records.push({
      group: keys[k],
      units: units[k],
      populationShare,
      resourceShare,
      theil: own,
      withinContribution,
      shareOfWithin: 0,
    });
  }
  for (const r of records) r.shareOfWithin = contributions > 0 ? r.withinContribution / contributions : 0;
  const totalInBase = total / logBase;
  const betweenInBase = (between + betweenComp) / logBase;
  // within = total - between as in PySAL; total is then re-rounded as between + within (at most one ulp from the
  // direct value) so that the identity holds exactly in floating point: no double `within` can guarantee it alone.
  const within = totalInBase - betweenInBase;
  return {
    variant,
    base,
    total: betweenInBase + within,
    between: betweenInBase,
    within,
    betweenShare: totalInBase > 0 ? betweenInBase / totalInBase : 0,
    withinShare: totalInBase > 0 ? within / totalInBase : 0,
    groups: records,
  };
}
