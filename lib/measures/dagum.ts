/**
 * The Dagum (1997) decomposition of the Gini coefficient by subgroups: within-group inequality, net between-group
 * inequality and transvariation (the overlap of the groups' distributions).
 */
import { gini } from './gini';
import { checkOptions, checkValues, checkWeights, indexGroups, LabelOptions, roundingError as kernelRoundingError, sortOrder } from './kernel';

/** One group (region) of a Dagum decomposition. */
export interface DagumGroup {
  /** The group's label as given in `groups`. */
  group: string | number;
  /** Number of units in the group. */
  units: number;
  /** `p_j = W_j / W`: the group's share of the total weight (population). */
  populationShare: number;
  /** `s_j = R_j / R`: the group's share of the total resource (`sum w x`). */
  resourceShare: number;
  /** The group's mean, `R_j / W_j` (weighted). */
  mean: number;
  /** The Gini coefficient within the group, `G_jj` (0 for a group whose values are all equal, or all zero). */
  gini: number;
  /** The group's term of the within component, `G_jj p_j s_j`. */
  withinContribution: number;
}

/** One pair of groups of a Dagum decomposition. */
export interface DagumPair {
  /** The two groups' labels, in order of first appearance in `groups`. */
  groups: [string | number, string | number];
  /**
   * The between-group Gini `G_jh = E|y_j - y_h| / (mean_j + mean_h)`: the mean absolute difference between a unit of
   * one group and a unit of the other (weighted), over the sum of the two means. 0 when both groups are all zero.
   */
  gini: number;
  /**
   * Dagum's relative economic affluence `D_jh = (d_jh - p_jh) / (d_jh + p_jh) = |mean_j - mean_h| / E|y_j - y_h|`,
   * in [0, 1]: 1 when every unit of the richer group is above every unit of the poorer (no overlap), 0 when the means
   * are equal. 0 when both groups hold one and the same value (no difference at all).
   */
  relativeAffluence: number;
  /** The pair's term of the net between component, `G_jh (p_j s_h + p_h s_j) D_jh`. */
  netBetweenContribution: number;
  /** The pair's term of the transvariation, `G_jh (p_j s_h + p_h s_j) (1 - D_jh)`. */
  transvariationContribution: number;
}

/** Result of `dagumGiniDecomposition`. */
export interface DagumDecomposition {
  /** The Gini coefficient of all units: exactly `gini(values, weights)`. */
  total: number;
  /** Within-group component `G_w = sum_j G_jj p_j s_j`. */
  within: number;
  /** Net between-group component `G_nb = sum_{j<h} G_jh (p_j s_h + p_h s_j) D_jh`. */
  netBetween: number;
  /** Transvariation (intensity of overlap) `G_t = sum_{j<h} G_jh (p_j s_h + p_h s_j) (1 - D_jh)`. */
  transvariation: number;
  /** `within / total`, `netBetween / total`, `transvariation / total` (the "contribution rates"; 0 when total is 0). */
  withinShare: number;
  netBetweenShare: number;
  transvariationShare: number;
  /** One record per group, in order of first appearance in `groups`. */
  groups: DagumGroup[];
  /** One record per pair of groups j < h (order of first appearance): k (k - 1) / 2 records for k groups. */
  pairs: DagumPair[];
}

/** A group's units sorted by value, with compensated cumulative weights from both ends. Internal. */
interface SortedGroup {
  values: Float64Array;
  /** below[i] = total weight of the first i sorted units (i = 0..m) */
  below: Float64Array;
  /** above[i] = total weight of sorted units i..m-1 (i = 0..m), summed from the top so that it is accurate near 0 */
  above: Float64Array;
  weight: number;
}

function sortGroup(x: Float64Array, w: Float64Array | null, members: number[]): SortedGroup {
  const roundingError = kernelRoundingError; // a local constant: see roundingError in kernel.ts
  const m = members.length;
  const keys = new Float64Array(m);
  for (let i = 0; i < m; i++) keys[i] = x[members[i]];
  const order = sortOrder(keys);
  const values = new Float64Array(m);
  const weights = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    values[k] = keys[order[k]];
    weights[k] = w === null ? 1 : w[members[order[k]]];
  }
  const below = new Float64Array(m + 1);
  const above = new Float64Array(m + 1);
  let total = 0;
  let error = 0;
  for (let k = 0; k < m; k++) {
    error += roundingError(total, weights[k]);
    total += weights[k];
    below[k + 1] = total + error;
  }
  total = 0;
  error = 0;
  for (let k = m - 1; k >= 0; k--) {
    error += roundingError(total, weights[k]);
    total += weights[k];
    above[k] = total + error;
  }
  return { values, below, above, weight: below[m] };
}

/**
 * `E|X - X'|` for X, X' drawn independently from the weighted distributions of groups a and b (a = b allowed), as
 * the integral `int F_a(t) (1 - F_b(t)) + F_b(t) (1 - F_a(t)) dt` over the merged sorted values. Every term is >= 0,
 * so nothing cancels: identical values give exactly 0, and the result keeps full relative precision.
 */
function meanAbsoluteDifference(a: SortedGroup, b: SortedGroup): number {
  const roundingError = kernelRoundingError; // a local constant: see roundingError in kernel.ts
  let i = 0;
  let j = 0;
  const na = a.values.length;
  const nb = b.values.length;
  let total = 0;
  let error = 0;
  while (i < na || j < nb) {
    // the next breakpoint t: consume every unit of a and of b with value t
    const t = j >= nb || (i < na && a.values[i] <= b.values[j]) ? a.values[i] : b.values[j];
    while (i < na && a.values[i] === t) i++;
    while (j < nb && b.values[j] === t) j++;
    if (i >= na && j >= nb) break;
    const next = j >= nb || (i < na && a.values[i] <= b.values[j]) ? a.values[i] : b.values[j];
    const v =
      ((next - t) * (a.below[i] * b.above[j] + b.below[j] * a.above[i])) / (a.weight * b.weight);
    error += roundingError(total, v);
    total += v;
  }
  return total + error;
}

/**
 * Dagum's Gini decomposition by subgroups (Dagum 1997): the Gini coefficient of all units split exactly into
 * within-group inequality, net between-group inequality, and transvariation, the part due to the overlap of the
 * groups (units of a poorer group that are richer than units of a richer group).
 *
 * With groups j = 1..k, population shares `p_j = W_j / W`, resource shares `s_j = R_j / R`, means `Y_j = R_j / W_j`,
 * the within-group Gini `G_jj = E|y_j - y_j'| / (2 Y_j)` and the between-group Gini
 * `G_jh = E|y_j - y_h| / (Y_j + Y_h)` (E over pairs of units weighted by population), and the relative economic
 * affluence `D_jh = |Y_j - Y_h| / E|y_j - y_h|`:
 * - `G_w = sum_j G_jj p_j s_j` (within),
 * - `G_nb = sum_{j<h} G_jh (p_j s_h + p_h s_j) D_jh` (net between),
 * - `G_t = sum_{j<h} G_jh (p_j s_h + p_h s_j) (1 - D_jh)` (transvariation),
 * and `G = G_w + G_nb + G_t`. (Dagum writes `D_jh = (d_jh - p_jh) / (d_jh + p_jh)` with `d_jh` the expected
 * positive and `p_jh` the expected negative difference for `Y_j > Y_h`: `d_jh - p_jh = Y_j - Y_h` and
 * `d_jh + p_jh = E|y_j - y_h|`.) Unweighted, every unit weighs 1 (the form of the Chinese health-resource papers that
 * decompose by provinces); with `weights` = population it is the decomposition of the population-weighted Gini of
 * per-capita values. The mean absolute differences are computed after one sort per group, as integrals of
 * `F_j (1 - F_h) + F_h (1 - F_j)` over the merged values (non-negative terms, compensated sums): O(n log n + k n).
 *
 * - `values`: finite, non-negative, at least two units, not all zero.
 * - `groups`: one label (string or finite number) per unit; 1 and '1' are different groups. Every group needs a
 *   positive total weight. A single group is allowed (everything is within). A group whose values are all zero has
 *   `gini` 0 and contributes 0 to `within` (its resource share is 0).
 * - `weights`: optional population per unit (finite, non-negative, at least two units with positive weight).
 * - `options.labels`: one string per unit, used in error messages.
 * - Result: `total` is exactly `gini(values, weights)`; `within + netBetween + transvariation` equals it to rounding
 *   (~1e-16 relative, checked by the tests). Every component is >= 0.
 *
 * Reference: Dagum C (1997). A new approach to the decomposition of the Gini income inequality ratio. Empirical
 * Economics 22(4):515-531. doi:10.1007/BF01205777
 *
 * @param values resource per unit of weight (e.g. physicians per 1,000 people), one per unit
 * @param groups group (region) label per unit
 * @param weights optional weight per unit (population)
 * @param options `labels` for error messages
 * @example
 * const d = dagumGiniDecomposition([1, 5, 2, 6], ['A', 'A', 'B', 'B']);
 * d.total; // => 0.3214286
 * [d.within, d.netBetween, d.transvariation]; // => [0.1428571, 0.0714286, 0.1071429]
 * d.pairs[0].relativeAffluence; // => 0.4
 * @example
 * dagumGiniDecomposition([1, 3, 5, 7], ['A', 'A', 'B', 'B']).transvariation; // => 0
 */
export function dagumGiniDecomposition(
  values: ArrayLike<number>,
  groups: ArrayLike<string | number>,
  weights?: ArrayLike<number> | null,
  options: LabelOptions = {},
): DagumDecomposition {
  const roundingError = kernelRoundingError; // a local constant: see roundingError in kernel.ts
  const fn = 'dagumGiniDecomposition';
  checkOptions(fn, options, ['labels']);
  const { labels } = options;
  const x = checkValues(fn, 'values', values, { minLength: 2, labels });
  const n = x.length;
  const w = weights === undefined || weights === null ? null : checkWeights(fn, weights, n, labels);
  const { keys, member } = indexGroups(fn, groups, n, labels);
  const total = gini(x, w, labels === undefined ? {} : { labels });

  const members: number[][] = keys.map(() => []);
  for (let i = 0; i < n; i++) members[member[i]].push(i);
  const k = keys.length;

  // Group weights and resources (compensated), and the overall totals.
  const groupWeight = new Float64Array(k);
  const groupResource = new Float64Array(k);
  let totalWeight = 0;
  let totalWeightError = 0;
  let totalResource = 0;
  let totalResourceError = 0;
  for (let g = 0; g < k; g++) {
    let weight = 0;
    let weightError = 0;
    let resource = 0;
    let resourceError = 0;
    for (const i of members[g]) {
      const wi = w === null ? 1 : w[i];
      const ri = wi * x[i];
      weightError += roundingError(weight, wi);
      weight += wi;
      resourceError += roundingError(resource, ri);
      resource += ri;
    }
    groupWeight[g] = weight + weightError;
    groupResource[g] = resource + resourceError;
    if (!(groupWeight[g] > 0)) throw new RangeError(`${fn}: group ${String(keys[g])} has zero total weight`);
    totalWeightError += roundingError(totalWeight, groupWeight[g]);
    totalWeight += groupWeight[g];
    totalResourceError += roundingError(totalResource, groupResource[g]);
    totalResource += groupResource[g];
  }
  totalWeight += totalWeightError;
  totalResource += totalResourceError;

  const sorted = members.map((m) => sortGroup(x, w, m));
  const records: DagumGroup[] = [];
  const groupMean = new Float64Array(k);
  let within = 0;
  let withinError = 0;
  for (let g = 0; g < k; g++) {
    const populationShare = groupWeight[g] / totalWeight;
    const resourceShare = groupResource[g] / totalResource;
    groupMean[g] = groupResource[g] / groupWeight[g];
    const own = groupMean[g] > 0 ? meanAbsoluteDifference(sorted[g], sorted[g]) / (2 * groupMean[g]) : 0;
    const withinContribution = own * populationShare * resourceShare;
    withinError += roundingError(within, withinContribution);
    within += withinContribution;
    records.push({
      group: keys[g],
      units: members[g].length,
      populationShare,
      resourceShare,
      mean: groupMean[g],
      gini: own,
      withinContribution,
    });
  }

  const pairs: DagumPair[] = [];
  let netBetween = 0;
  let netBetweenError = 0;
  let transvariation = 0;
  let transvariationError = 0;
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const difference = meanAbsoluteDifference(sorted[a], sorted[b]);
      const sumOfMeans = groupMean[a] + groupMean[b];
      const pairGini = sumOfMeans > 0 ? difference / sumOfMeans : 0;
      // |Y_a - Y_b| <= E|y_a - y_b| always; the min guards against a last-bit excess.
      const relativeAffluence = difference > 0 ? Math.min(1, Math.abs(groupMean[a] - groupMean[b]) / difference) : 0;
      const weightOfPair =
        records[a].populationShare * records[b].resourceShare + records[b].populationShare * records[a].resourceShare;
      const gross = pairGini * weightOfPair;
      const netBetweenContribution = gross * relativeAffluence;
      const transvariationContribution = gross * (1 - relativeAffluence);
      netBetweenError += roundingError(netBetween, netBetweenContribution);
      netBetween += netBetweenContribution;
      transvariationError += roundingError(transvariation, transvariationContribution);
      transvariation += transvariationContribution;
      pairs.push({
        groups: [keys[a], keys[b]],
        gini: pairGini,
        relativeAffluence,
        netBetweenContribution,
        transvariationContribution,
      });
    }
  }
  within += withinError;
  netBetween += netBetweenError;
  transvariation += transvariationError;
  return {
    total,
    within,
    netBetween,
    transvariation,
    withinShare: total > 0 ? within / total : 0,
    netBetweenShare: total > 0 ? netBetween / total : 0,
    transvariationShare: total > 0 ? transvariation / total : 0,
    groups: records,
    pairs,
  };
}
