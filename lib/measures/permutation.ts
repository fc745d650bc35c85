/**
 * Permutation inference for the between-group part of an inequality decomposition (PySAL's `TheilDSim`): is the
 * share of inequality between regions larger than it would be if the same units were assigned to regions at random?
 */
import { dagumGiniDecomposition } from './dagum';
import { checkChoice, checkNumber, checkOptions, isArrayLike, mulberry32 } from './kernel';
import { theilDecomposition, TheilOptions } from './theil';

/** Result of a permutation test of a between-group share. */
export interface PermutationTestResult {
  /** The between-group share of the observed grouping (see the function for which share). */
  observed: number;
  /**
   * `(1 + #{permutations with a share >= observed}) / (permutations + 1)`: the observed grouping counts as one of
   * the equally likely assignments (PySAL's `bg_pvalue`), so it is never 0.
   */
  pValue: number;
  permutations: number;
  seed: number;
  /** The between-group share of each random assignment, in the order drawn. */
  distribution: Float64Array;
}

/** Options shared by the permutation tests. */
export interface PermutationOptions {
  /** Number of random assignments, an integer >= 1. @default 999 */
  permutations?: number;
  /** Seed of the generator (the library's one, mulberry32 as `seededRandom`), an integer in [0, 2^32). @default 1 */
  seed?: number;
}

/** The most permutations a test runs (80 MB of kept shares). */
const MAX_PERMUTATIONS = 10_000_000;

/** The statistic on the observed grouping: an error (bad input) is rethrown with its class, the test's name in front. */
function observedShare(fn: string, share: () => number): number {
  try {
    return share();
  } catch (e) {
    if (!(e instanceof Error)) throw e;
    const Kind = e instanceof TypeError ? TypeError : RangeError;
    throw new Kind(`${fn}: ${e.message}`);
  }
}

function readPermutationOptions(fn: string, options: PermutationOptions): { permutations: number; seed: number } {
  const permutations = options.permutations === undefined ? 999 : checkNumber(fn, 'permutations', options.permutations);
  const seed = options.seed === undefined ? 1 : checkNumber(fn, 'seed', options.seed);
  if (!Number.isInteger(permutations) || permutations < 1) throw new RangeError(`${fn}: permutations must be an integer >= 1 (got ${permutations})`);
  if (permutations > MAX_PERMUTATIONS) {
    throw new RangeError(`${fn}: permutations must be at most ${MAX_PERMUTATIONS.toLocaleString('en-US')} (got ${permutations.toLocaleString('en-US')}): each share is kept (8 bytes), and 10^4 already gives a p-value to about ±0.005`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) throw new RangeError(`${fn}: seed must be an integer in [0, 2^32) (got ${seed})`);
  return { permutations, seed };
}

/**
 * Shuffle the group labels over the units `permutations` times (Fisher-Yates with the seeded generator) and
 * evaluate `share` on each assignment. A unit keeps its value and weight: only its group changes, as in PySAL, which
 * permutes y over a fixed partition.
 */
function permute(
  groups: ArrayLike<string | number>,
  share: (labels: (string | number)[]) => number,
  permutations: number,
  seed: number,
  observed: number,
): PermutationTestResult {
  const random = mulberry32(seed);
  const labels = Array.from(groups);
  const distribution = new Float64Array(permutations);
  let atLeast = 0;
  // A share equal to the observed one up to rounding counts as "as large" (ties, e.g. a permutation that only swaps
  // units within groups, must not be lost to the last bit).
  const slack = 1e-12 * Math.max(1, Math.abs(observed));
  for (let p = 0; p < permutations; p++) {
    for (let i = labels.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = labels[i];
      labels[i] = labels[j];
      labels[j] = t;
    }
    const s = share(labels);
    distribution[p] = s;
    if (s >= observed - slack) atLeast++;
  }
  return { observed, pValue: (atLeast + 1) / (permutations + 1), permutations, seed, distribution };
}

/**
 * Permutation test of the between-group share of a Theil decomposition (PySAL `inequality.theil.TheilDSim`; Rey &
 * Sastré-Gutiérrez 2010): the share `between / total` of the observed grouping against its distribution when the
 * group labels are shuffled over the units at random.
 *
 * The total does not change under a shuffle (it ignores the groups), so the share and the between component give the
 * same test. `pValue = (1 + #{shuffles with share >= observed}) / (permutations + 1)`, PySAL's `bg_pvalue`. The
 * shuffles use the library's seeded generator (mulberry32): the same seed gives the same p-value on every machine,
 * but not PySAL's draws (NumPy's generator), so p-values agree with PySAL's to Monte Carlo error only.
 *
 * - `values`, `groups`, `weights`, `options.variant`, `options.base`, `options.labels`: as for `theilDecomposition`
 *   (variant 'L' by default; PySAL's `TheilDSim` is variant 'T', unweighted). A unit keeps its value and weight.
 *   Every group must keep a positive weight under every shuffle: give groups of units with positive weight.
 * - `options.permutations`: an integer >= 1 (999 default); `options.seed`: an integer in [0, 2^32) (1 default).
 * - Result: `{ observed, pValue, permutations, seed, distribution }`; pValue in (0, 1].
 *
 * Reference: Rey SJ, Sastré-Gutiérrez ML (2010). Interregional inequality dynamics in Mexico. Spatial Economic
 * Analysis 5(3):277-298. doi:10.1080/17421772.2010.493955
 *
 * @param values resource per unit of weight, one per unit
 * @param groups group label per unit
 * @param weights optional weight per unit (population)
 * @param options `permutations`, `seed`, and the Theil options `variant`, `base`, `labels`
 * @example
 * const t = theilPermutationTest([1, 2, 3, 10, 11, 12], ['a', 'a', 'a', 'b', 'b', 'b'], null, { permutations: 199, seed: 7 });
 * t.observed; // => 0.8687
 * t.pValue; // => 0.115
 */
export function theilPermutationTest(
  values: ArrayLike<number>,
  groups: ArrayLike<string | number>,
  weights?: ArrayLike<number> | null,
  options: TheilOptions & PermutationOptions = {},
): PermutationTestResult {
  const fn = 'theilPermutationTest';
  checkOptions(fn, options, ['permutations', 'seed', 'variant', 'base', 'labels']);
  const { permutations, seed } = readPermutationOptions(fn, options);
  const theilOptions: TheilOptions = {};
  if (options.variant !== undefined) theilOptions.variant = options.variant;
  if (options.base !== undefined) theilOptions.base = options.base;
  if (options.labels !== undefined) theilOptions.labels = options.labels;
  const observed = observedShare(fn, () => theilDecomposition(values, groups, weights, theilOptions).betweenShare);
  return permute(groups, (labels) => theilDecomposition(values, labels, weights, theilOptions).betweenShare, permutations, seed, observed);
}

/** Options of `dagumPermutationTest`. */
export interface DagumPermutationOptions extends PermutationOptions {
  /**
   * Which between-group share: `'netBetween'` (`G_nb / G`, Dagum's net between-group inequality) or `'grossBetween'`
   * (`(G_nb + G_t) / G = 1 - G_w / G`, everything that is not within groups).
   * @default 'netBetween'
   */
  component?: 'netBetween' | 'grossBetween';
  /** Unit names for error messages. */
  labels?: ArrayLike<string>;
}

/**
 * Permutation test of the between-group share of a Dagum Gini decomposition: the share of the observed grouping
 * against its distribution when the group labels are shuffled over the units at random (as `theilPermutationTest`
 * does for Theil). The Gini of all units does not change under a shuffle.
 *
 * - `values`, `groups`, `weights`, `options.labels`: as for `dagumGiniDecomposition`.
 * - `options.component`: 'netBetween' (default) or 'grossBetween' (net between + transvariation).
 * - `options.permutations` (999 default), `options.seed` (1 default), the library's seeded generator.
 * - Result: `{ observed, pValue, permutations, seed, distribution }`, pValue = (1 + #{share >= observed}) /
 *   (permutations + 1).
 *
 * Reference: Dagum C (1997). Empirical Economics 22(4):515-531. doi:10.1007/BF01205777; the test as Rey &
 * Sastré-Gutiérrez (2010), doi:10.1080/17421772.2010.493955
 *
 * @param values resource per unit of weight, one per unit
 * @param groups group label per unit
 * @param weights optional weight per unit (population)
 * @param options `component`, `permutations`, `seed`, `labels`
 * @example
 * dagumPermutationTest([1, 2, 3, 10, 11, 12], ['a', 'a', 'a', 'b', 'b', 'b'], null, { permutations: 199, seed: 7 }).pValue; // => 0.115
 */
export function dagumPermutationTest(
  values: ArrayLike<number>,
  groups: ArrayLike<string | number>,
  weights?: ArrayLike<number> | null,
  options: DagumPermutationOptions = {},
): PermutationTestResult {
  const fn = 'dagumPermutationTest';
  checkOptions(fn, options, ['permutations', 'seed', 'component', 'labels']);
  const { permutations, seed } = readPermutationOptions(fn, options);
  const component = checkChoice(fn, 'component', options.component, ['netBetween', 'grossBetween'] as const, 'netBetween');
  if (!isArrayLike(groups)) throw new TypeError(`${fn}: groups must be an array of labels`);
  const dagumOptions = options.labels === undefined ? {} : { labels: options.labels };
  const share = (labels: ArrayLike<string | number>): number => {
    const d = dagumGiniDecomposition(values, labels, weights, dagumOptions);
    return component === 'netBetween' ? d.netBetweenShare : d.netBetweenShare + d.transvariationShare;
  };
  return permute(groups, share, permutations, seed, observedShare(fn, () => share(groups)));
}
