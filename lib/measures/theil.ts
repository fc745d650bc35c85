import { Distribution, distribution, entropySum, entropyTerm, logOfRatio } from './entropy';
import { checkChoice, checkFiniteNumber, checkOptions, indexGroups, LabelOptions, roundingError as kernelRoundingError, unitName } from './kernel';

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
  /**
   * The mean each unit is compared with: `'weighted'`, the population-weighted mean `mu = sum P_i x_i` (the textbook
   * index: terms `P_i ln(mu / x_i)` for 'L', `P_i (x_i / mu) ln(x_i / mu)` for 'T'); or `'unweighted'`, the plain
   * mean of the units' values (densities) `m = (1 / n) sum x_i` over the units with positive weight, the convention of
   * published tables that take each unit's term against the average of the provinces' densities: `P_i ln(m / x_i)`
   * and `P_i (x_i / m) ln(x_i / m)`. The unweighted form equals the textbook one when the weights are equal; with
   * unequal weights it is not an inequality index (it can be negative: 'L' is the textbook value plus
   * ln(m / mu)). For `theil` and `theilContributions`; `theilDecomposition` refuses 'unweighted' (its identity
   * needs the weighted mean).
   * @default 'weighted'
   */
  reference?: 'weighted' | 'unweighted';
}

function resolveTheilOptions(
  fn: string,
  options: TheilOptions,
): { variant: TheilVariant; base: number; logBase: number; reference: 'weighted' | 'unweighted' } {
  checkOptions(fn, options, ['variant', 'base', 'reference', 'labels']);
  const variant = checkChoice<TheilVariant>(fn, 'variant', options.variant, ['T', 'L'], 'L');
  const base = options.base === undefined ? Math.E : checkFiniteNumber(fn, 'base', options.base);
  if (!(base > 1)) throw new RangeError(`${fn}: base must be greater than 1 (got ${base})`);
  const reference = checkChoice(fn, 'reference', options.reference, ['weighted', 'unweighted'] as const, 'weighted');
  return { variant, base, logBase: Math.log(base), reference };
}

/**
 * Unit terms and their compensated total against the unweighted mean m of the values of the units with positive
 * weight (option `reference: 'unweighted'`): `-P_i ln(x_i / m)` ('L') or `P_i (x_i / m) ln(x_i / m)` ('T').
 */
function unweightedReferenceTerms(
  fn: string,
  d: Distribution,
  variant: TheilVariant,
  logBase: number,
  labels?: ArrayLike<string>,
): { total: number; units: TheilUnit[] } {
  const roundingError = kernelRoundingError; // a local constant: see roundingError in kernel.ts
  const { x, w } = d;
  let count = 0;
  let values = 0;
  let valuesError = 0;
  for (let i = 0; i < x.length; i++) {
    if (w !== null && w[i] === 0) continue;
    if (variant === 'L' && x[i] === 0) throw new RangeError(`${fn}: ${theilZeroMessage(unitName(i, labels))}`);
    valuesError += roundingError(values, x[i]);
    values += x[i];
    count++;
  }
  const m = (values + valuesError) / count;
  const units = unitTerms(d, variant, logBase, labels);
  let total = 0;
  let error = 0;
  for (const unit of units) {
    const i = unit.index;
    let contribution = 0;
    if (unit.populationShare > 0 && !(variant === 'T' && x[i] === 0)) {
      const logRatio = logOfRatio(x[i], m) / logBase;
      contribution = variant === 'L' ? 0 - unit.populationShare * logRatio : unit.populationShare * (x[i] / m) * logRatio;
    }
    unit.contribution = contribution;
    error += roundingError(total, contribution);
    total += contribution;
  }
  return { total: total + error, units };
}

function theilZeroMessage(unit: string): string {
  return `variant 'L' takes the log of each value, and ${unit} has value 0; variant 'T' accepts zeros`;
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
 *   term is 0, the limit of `Y ln Y`) and keeps them in the population and the mean, the textbook index:
 *   `theil([0, 0, 0, 10, 10, 10], null, { variant: 'T' })` is ln 2. R ineq's `Theil(x)` differs: it removes the
 *   zeros before it computes anything (`x <- x[!(x == 0)]` in ineq 0.2-13), so `Theil(c(0,0,0,10,10,10))` is 0, the
 *   Theil T of the non-zero units alone; to reproduce it, pass the values without their zeros.
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
 * @param options `variant` ('L' default, see `TheilOptions`), `base` (e default), `reference` ('weighted' default:
 *   the mean each unit is compared with, see `TheilOptions`), `labels`
 * @example
 * theil([541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261], null, { variant: 'T' }); // => 0.3623412
 * @example
 * theil([541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261]); // => 0.4335946
 * @example
 * theil([0, 0, 0, 10, 10, 10], null, { variant: 'T' }); // => 0.6931472
 * @example
 * theil([1, 3], [3, 1]); // => 0.1308120
 * theil([1, 3], [3, 1], { reference: 'unweighted' }); // => 0.4184941
 */
export function theil(values: ArrayLike<number>, weights?: ArrayLike<number> | null, options: TheilOptions = {}): number {
  const fn = 'theil';
  const { variant, logBase, reference } = resolveTheilOptions(fn, options);
  const d = distribution(fn, values, weights, options.labels);
  if (reference === 'unweighted') return unweightedReferenceTerms(fn, d, variant, logBase, options.labels).total;
  return entropySum(fn, variant === 'L' ? 0 : 1, d, options.labels, theilZeroMessage) / logBase;
}

/** One unit's term of a Theil index (see `theilContributions`). */
export interface TheilUnit {
  /** The unit's position in the input (0-based). */
  index: number;
  /** The unit's label, present when `options.labels` was given. */
  label?: string;
  /** `P_i = w_i / sum w`: the unit's share of the total weight (population); 0 for a zero-weight unit. */
  populationShare: number;
  /** `Y_i = w_i x_i / sum w x`: the unit's share of the total resource. */
  resourceShare: number;
  /**
   * The unit's term of the index, in the chosen base: `P_i ln(P_i / Y_i)` (variant 'L') or `Y_i ln(Y_i / P_i)`
   * (variant 'T'), divided by `ln(base)`. Negative for a unit whose share of the resource exceeds its share of the
   * population ('L'; the reverse for 'T'); 0 for a zero-weight unit and, under 'T', for a unit with value 0. The
   * terms add up to the index.
   */
  contribution: number;
}

/** Result of `theilContributions`: the index and each unit's term of it. */
export interface TheilContributions {
  variant: TheilVariant;
  /** Base of the logarithm used. */
  base: number;
  /** The Theil index of all units, exactly `theil(values, weights, options)`. */
  total: number;
  /** One record per unit, in input order; their `contribution`s add up to `total` (up to rounding, ~1e-16). */
  units: TheilUnit[];
}

/**
 * Each unit's term of a Theil index (Shorrocks 1980): the index is a sum over units, and this returns the terms.
 *
 * With population shares `P_i = w_i / sum w` and resource shares `Y_i = w_i x_i / sum w x`, the unit's contribution
 * is its term of the published formula, divided by `ln(base)`:
 * - variant 'L': `P_i ln(P_i / Y_i)` (Li et al. Eq. 3 term by term), computed as `-P_i ln(x_i / mu)`;
 * - variant 'T': `Y_i ln(Y_i / P_i)`, computed as `Y_i ln(x_i / mu)` (both with `log1p`, accurate near equality).
 * The terms add up to `total`, which is exactly `theil(values, weights, options)` (up to rounding, ~1e-16 relative).
 * Unlike the index, a term can be negative: under 'L' a unit whose resource share exceeds its population share
 * (a better-supplied unit) has a negative term, under 'T' a worse-supplied one; the positive terms show where the
 * inequality sits. O(n), no sort.
 *
 * - `values`, `weights`, `options`: as for `theil` (variant 'L' by default; `base` e by default, any finite number
 *   > 1; at least two units with positive weight). Variant 'L' rejects a zero value (naming the unit); under 'T' a
 *   unit with value 0 contributes 0 (the limit of `Y ln Y`). A zero-weight unit contributes 0 and has shares 0.
 * - Result: `{ variant, base, total, units }`, one `TheilUnit` per input unit in input order (`index`, `label`
 *   when `options.labels` was given, `populationShare`, `resourceShare`, `contribution`).
 *
 * Reference: Shorrocks AF (1980). The class of additively decomposable inequality measures. Econometrica
 * 48(3):613-625. doi:10.2307/1913126
 *
 * @param values resource per unit of weight (e.g. physicians per 1,000 people), one per unit
 * @param weights optional weight per unit (population)
 * @param options `variant` ('L' default), `base` (e default), `labels` (echoed in the units)
 * @example
 * theilContributions([1, 2, 3, 4]).units.map((u) => u.contribution); // => [0.2290727, 0.0557859, -0.0455804, -0.1175009]
 * @example
 * theilContributions([1, 2, 3, 4]).total; // => 0.1217773
 * @example
 * theilContributions([1, 3], [3, 1], { variant: 'T', labels: ['A', 'B'] }).units[1];
 * // => { index: 1, label: 'B', populationShare: 0.25, resourceShare: 0.5, contribution: 0.3465736 }
 */
export function theilContributions(
  values: ArrayLike<number>,
  weights?: ArrayLike<number> | null,
  options: TheilOptions = {},
): TheilContributions {
  const fn = 'theilContributions';
  const { variant, base, logBase, reference } = resolveTheilOptions(fn, options);
  const { labels } = options;
  const d = distribution(fn, values, weights, labels);
  if (reference === 'unweighted') return { variant, base, ...unweightedReferenceTerms(fn, d, variant, logBase, labels) };
  const total = entropySum(fn, variant === 'L' ? 0 : 1, d, labels, theilZeroMessage) / logBase;
  return { variant, base, total, units: unitTerms(d, variant, logBase, labels) };
}

/** Each unit's term of the Theil index of a checked distribution (see `theilContributions`). */
function unitTerms(d: Distribution, variant: TheilVariant, logBase: number, labels?: ArrayLike<string>): TheilUnit[] {
  const { x, w, totalWeight, mean } = d;
  const totalResource = mean * totalWeight;
  const units: TheilUnit[] = new Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const wi = w === null ? 1 : w[i];
    const populationShare = wi / totalWeight;
    const resourceShare = (wi * x[i]) / totalResource;
    let contribution = 0;
    if (wi > 0) {
      // ln(P_i / Y_i) = ln(mu / x_i) = -logOfRatio(x_i, mu) (accurate for tiny x_i too); `0 - ...` keeps a unit at the mean at +0, not -0.
      const logRatio = logOfRatio(x[i], mean) / logBase;
      if (variant === 'L') contribution = 0 - populationShare * logRatio;
      else if (resourceShare > 0) contribution = resourceShare * logRatio;
    }
    const unit: TheilUnit = { index: i, populationShare, resourceShare, contribution };
    if (labels !== undefined) unit.label = labels[i];
    units[i] = unit;
  }
  return units;
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
  /** One record per unit, in input order: each unit's term of `total` (see `theilContributions`). */
  units: TheilUnit[];
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
  const roundingError = kernelRoundingError; // a local constant: see roundingError in kernel.ts
  const fn = 'theilDecomposition';
  const { variant, base, logBase, reference } = resolveTheilOptions(fn, options);
  if (reference === 'unweighted') {
    throw new RangeError(`${fn}: reference 'unweighted' breaks between + within = total; use theilContributions for such terms`);
  }
  const { labels } = options;
  const d = distribution(fn, values, weights, labels);
  const { x, w, totalWeight, mean } = d;
  const n = x.length;
  const { keys, member } = indexGroups(fn, groups, n, labels);
  const alpha = variant === 'L' ? 0 : 1;
  const total = entropySum(fn, alpha, d, labels, theilZeroMessage);

  // Pass 1: group weights and resources.
  const m = keys.length;
  const groupWeight = new Float64Array(m);
  const groupWeightError = new Float64Array(m);
  const groupResource = new Float64Array(m);
  const groupResourceError = new Float64Array(m);
  const units = new Uint32Array(m);
  for (let i = 0; i < n; i++) {
    const k = member[i];
    const wi = w === null ? 1 : w[i];
    const ri = wi * x[i];
    units[k]++;
    groupWeightError[k] += roundingError(groupWeight[k], wi);
    groupWeight[k] += wi;
    groupResourceError[k] += roundingError(groupResource[k], ri);
    groupResource[k] += ri;
  }
  const groupMean = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    groupWeight[k] += groupWeightError[k];
    groupResource[k] += groupResourceError[k];
    if (!(groupWeight[k] > 0)) throw new RangeError(`${fn}: group ${String(keys[k])} has zero total weight`);
    // A zero-resource group is only possible for variant 'T' (variant 'L' rejects zero values): its units are all
    // equal (zero), so its own index is taken as 0; its contribution Y_g T_g is 0 whatever T_g is.
    groupMean[k] = groupResource[k] / groupWeight[k];
  }

  // Pass 2: each group's own index, sum over its units of (w_i / W_g) phi(x_i / mu_g).
  const groupIndex = new Float64Array(m);
  const groupIndexError = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const wi = w === null ? 1 : w[i];
    if (wi === 0) continue;
    const k = member[i];
    if (groupMean[k] === 0) continue;
    const v = (wi / groupWeight[k]) * entropyTerm(alpha, x[i], groupMean[k]);
    groupIndexError[k] += roundingError(groupIndex[k], v);
    groupIndex[k] += v;
  }

  // Between: sum P_g phi(mu_g / mu), which equals sum P_g ln(P_g / Y_g) ('L') or sum Y_g ln(Y_g / P_g) ('T').
  let between = 0;
  let betweenError = 0;
  let contributions = 0;
  const records: TheilGroup[] = [];
  const totalResource = mean * totalWeight;
  for (let k = 0; k < m; k++) {
    const populationShare = groupWeight[k] / totalWeight;
    const resourceShare = groupResource[k] / totalResource;
    const v = populationShare * entropyTerm(alpha, groupMean[k], mean);
    betweenError += roundingError(between, v);
    between += v;
    const own = (groupIndex[k] + groupIndexError[k]) / logBase;
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
  const betweenInBase = (between + betweenError) / logBase;
  // within = total - between as in PySAL; total is then re-rounded as between + within (at most one ulp from the
  // direct value) so that the identity holds exactly in floating point: no double `within` can guarantee it alone.
  if (!Number.isFinite(totalInBase) || !Number.isFinite(betweenInBase)) {
    // a group's resource (sum of weight x value) left the double range although each value and weight is in it
    throw new RangeError(`${fn}: values times weights span more than the double range (a group's resource under- or overflows): the decomposition cannot be computed in double precision`);
  }
  let within = totalInBase - betweenInBase;
  let betweenInRange = betweenInBase;
  if (within < 0) {
    // within >= 0 exactly; a negative one is rounding (the between term came out a few ulps above the total, as when
    // one group holds nearly everything): the two are then the same number, and the shares stay in [0, 1]
    within = 0;
    betweenInRange = totalInBase;
  }
  return {
    variant,
    base,
    total: betweenInRange + within,
    between: betweenInRange,
    within,
    betweenShare: totalInBase > 0 ? betweenInRange / totalInBase : 0,
    withinShare: totalInBase > 0 ? within / totalInBase : 0,
    groups: records,
    units: unitTerms(d, variant, logBase, labels),
  };
}
