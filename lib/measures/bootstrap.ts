import { checkNumber, checkOptions, checkValues, isArrayLike, mulberry32 } from './kernel';

/** Equal-length numeric columns describing the units: e.g. `{ values, weights }` or `{ values, rankBy, weights }`. */
export type BootstrapData = Readonly<Record<string, ArrayLike<number>>>;

/** One bootstrap sample: the same columns, resampled together (a unit keeps its weight and rank variable). */
export type BootstrapSample<D extends BootstrapData> = { readonly [K in keyof D]: Float64Array };

/** Columns given positionally instead: `[values, weights]` or `[values, rankBy, weights]`. */
export type BootstrapColumns = readonly ArrayLike<number>[];

/** The resampled columns, passed to the statistic as arguments in the same order. */
export type BootstrapArguments<C extends BootstrapColumns> = { [K in keyof C]: Float64Array };

/** The most replicates `bootstrap` runs (80 MB of kept replicates). */
const MAX_REPLICATES = 10_000_000;

export interface BootstrapOptions {
  /** Number of bootstrap replicates, an integer from 2 to 10,000,000. @default 1000 */
  replicates?: number;
  /** Seed of the pseudo-random generator (mulberry32), an integer in [0, 2^32). Same seed, same result. @default 1 */
  seed?: number;
  /** Confidence level of the percentile interval, in (0, 1). @default 0.95 */
  level?: number;
}

/** Result of `bootstrap`. */
export interface BootstrapResult {
  /** The statistic on the original data. */
  estimate: number;
  /** Lower end of the percentile interval: the (1 - level) / 2 quantile of the replicates. */
  lower: number;
  /** Upper end: the (1 + level) / 2 quantile of the replicates. */
  upper: number;
  level: number;
  /** Standard deviation of the replicates (divisor R - 1): the bootstrap standard error. */
  standardError: number;
  /** Mean of the replicates minus the estimate. */
  bias: number;
  replicates: number;
  seed: number;
  /** The statistic of each replicate, in the order drawn. */
  distribution: Float64Array;
}

/**
 * Nonparametric bootstrap (Efron 1979) with a percentile confidence interval, seeded and reproducible.
 *
 * Each replicate draws n units with replacement (uniformly, from a mulberry32 stream seeded with `seed`) and
 * resamples every column of `data` with the same draws, so each unit keeps its weight and its rank variable; then
 * it evaluates `statistic` on the resampled columns. Columns are given either by name, `{ values, weights }`, and
 * the statistic receives one object with the same keys, or positionally, `[values, weights]`, and the statistic
 * receives them as arguments in that order: `bootstrap((v, w) => gini(v, w), [values, weights])`. The interval is `[Q((1 - level) / 2), Q((1 + level) / 2)]` of
 * the replicate values, with quantiles interpolated linearly between order statistics (R's type 7, NumPy's default).
 *
 * - `statistic`: any measure of the library (or your own) returning a finite number; it receives Float64Arrays that
 *   are reused between replicates, so it must not keep references to them. If it throws or returns a non-finite
 *   number on some replicate (e.g. a resample with every value zero), `bootstrap` throws a RangeError naming the
 *   replicate; an error on the original data (bad input) is rethrown with its class and message after
 *   `bootstrap: statistic failed on the original data: `.
 * - `data`: an object or an array of at least one column; all columns the same length n >= 1, arrays or typed
 *   arrays of finite numbers (null, text such as '1', NaN and infinities are refused naming bootstrap, the column and
 *   the unit, never turned into 0 or 1); the domain (non-negative, positive) is the statistic's to check on the
 *   original data.
 * - `options`: `replicates` (default 1000), an integer from 2 (the standard error divides by R - 1) to 10,000,000; `seed`
 *   (default 1), an integer in [0, 2^32); `level` (default 0.95), in (0, 1). A non-number throws a TypeError, a
 *   number out of its domain a RangeError.
 * - Result: see `BootstrapResult`. The same data, statistic, seed and replicates give the same numbers on any machine.
 *
 * Reference: Efron B (1979). Bootstrap methods: another look at the jackknife. The Annals of Statistics 7(1):1-26.
 * doi:10.1214/aos/1176344552. Generator: mulberry32 (T. Ettinger, public domain).
 *
 * @param statistic function of one sample (an object with the keys of `data`, or the columns as arguments)
 * @param data equal-length columns, one entry per unit, by name (object) or by position (array)
 * @param options `replicates`, `seed`, `level`
 * @example
 * bootstrap(({ values }) => gini(values), { values: [1, 2, 3, 4, 5, 6, 7, 8] }, { replicates: 200, seed: 7 }).estimate; // => 0.2916667
 * @example
 * bootstrap(({ values }) => gini(values), { values: [1, 2, 3, 4, 5, 6, 7, 8] }, { replicates: 200, seed: 7 }).upper; // => 0.3922911
 * @example
 * bootstrap((v, w) => gini(v, w), [[1, 2, 3, 4], [4, 3, 2, 1]], { replicates: 100, seed: 3 }).estimate; // => 0.27
 */
export function bootstrap<C extends BootstrapColumns>(
  statistic: (...columns: BootstrapArguments<C>) => number,
  data: readonly [...C],
  options?: BootstrapOptions,
): BootstrapResult;
export function bootstrap<D extends BootstrapData>(
  statistic: (sample: BootstrapSample<D>) => number,
  data: D,
  options?: BootstrapOptions,
): BootstrapResult;
export function bootstrap(
  statistic: (...args: never[]) => number,
  data: BootstrapData | BootstrapColumns,
  options: BootstrapOptions = {},
): BootstrapResult {
  const fn = 'bootstrap';
  if (typeof statistic !== 'function') throw new TypeError(`${fn}: statistic must be a function`);
  checkOptions(fn, options, ['replicates', 'seed', 'level']);
  const { replicates = 1000, seed = 1, level = 0.95 } = options;
  checkNumber(fn, 'replicates', replicates);
  checkNumber(fn, 'seed', seed);
  checkNumber(fn, 'level', level);
  if (!Number.isInteger(replicates) || replicates < 2) {
    throw new RangeError(`${fn}: replicates must be an integer >= 2 (got ${replicates})`);
  }
  if (replicates > MAX_REPLICATES) {
    throw new RangeError(
      `${fn}: replicates must be at most ${MAX_REPLICATES.toLocaleString('en-US')} (got ${replicates.toLocaleString('en-US')}): ` +
        'each replicate is kept (8 bytes), and past 10^4 to 10^5 more replicates no longer change a percentile interval',
    );
  }
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
    throw new RangeError(`${fn}: seed must be an integer in [0, 2^32) (got ${seed})`);
  }
  if (!(level > 0 && level < 1)) {
    throw new RangeError(`${fn}: level must be in (0, 1) (got ${level})`);
  }
  if (data === null || typeof data !== 'object') {
    throw new TypeError(`${fn}: data must be an object or an array of columns`);
  }
  const positional = Array.isArray(data);
  const names = positional ? data.map((_, c) => String(c)) : Object.keys(data);
  if (names.length === 0) throw new RangeError(`${fn}: data has no columns`);
  const columns: Float64Array[] = [];
  let n = -1;
  for (let c = 0; c < names.length; c++) {
    const name = names[c];
    const column: unknown = positional ? (data as BootstrapColumns)[c] : (data as BootstrapData)[name];
    if (!isArrayLike(column)) {
      throw new TypeError(`${fn}: column ${name} must be an array or typed array of numbers`);
    }
    const length = (column as ArrayLike<number>).length;
    if (n === -1) n = length;
    else if (length !== n) {
      throw new RangeError(`${fn}: columns differ in length (column ${names[0]} has ${n}, column ${name} has ${length})`);
    }
    // checked like a measure's input: numbers, finite (null would become 0 and '1' would become 1 in a Float64Array);
    // the domain (non-negative, positive) is the statistic's to check, on the original data
    columns.push(checkValues(fn, `column ${name}`, column, { minLength: 0, domain: 'any' }));
  }
  if (n < 1) throw new RangeError(`${fn}: data is empty`);

  // Call the statistic on a set of columns, by position or by name.
  const call = statistic as unknown as (...args: unknown[]) => unknown;
  const asSample = (set: Float64Array[]): (() => unknown) => {
    if (positional) return () => call(...set);
    const sample: Record<string, Float64Array> = {};
    names.forEach((name, c) => (sample[name] = set[c]));
    return () => call(sample);
  };
  const evaluate = (run: () => unknown, replicate: number): number => {
    let value: unknown;
    try {
      value = run();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const where = replicate === 0 ? 'the original data' : `replicate ${replicate}`;
      // bad input (the original data): the statistic's own error class and message, with bootstrap in front
      if (replicate === 0 && error instanceof TypeError) throw new TypeError(`${fn}: statistic failed on ${where}: ${message}`);
      throw new RangeError(`${fn}: statistic failed on ${where}: ${message}`);
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new RangeError(`${fn}: statistic returned ${String(value)} on ${replicate === 0 ? 'the original data' : `replicate ${replicate}`}`);
    }
    return value;
  };

  const estimate = evaluate(asSample(columns.map((column) => column.slice())), 0);

  // One set of sample buffers, refilled for every replicate.
  const buffers = columns.map(() => new Float64Array(n));
  const runSample = asSample(buffers);
  const random = mulberry32(seed);
  const distribution = new Float64Array(replicates);
  const m = columns.length;
  for (let r = 0; r < replicates; r++) {
    for (let k = 0; k < n; k++) {
      const i = Math.floor(random() * n);
      for (let c = 0; c < m; c++) buffers[c][k] = columns[c][i];
    }
    distribution[r] = evaluate(runSample, r + 1);
  }

  const sorted = distribution.slice().sort();
  const quantile = (q: number): number => {
    const h = (replicates - 1) * q;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, replicates - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  };
  let mean = 0;
  for (let r = 0; r < replicates; r++) mean += distribution[r];
  mean /= replicates;
  let squares = 0;
  for (let r = 0; r < replicates; r++) squares += (distribution[r] - mean) ** 2;
  return {
    estimate,
    lower: quantile((1 - level) / 2),
    upper: quantile((1 + level) / 2),
    level,
    standardError: Math.sqrt(squares / (replicates - 1)),
    bias: mean - estimate,
    replicates,
    seed,
    distribution,
  };
}
