import { mulberry32 } from './internal';

/** Equal-length numeric columns describing the units: e.g. `{ values, weights }` or `{ values, rankBy, weights }`. */
export type BootstrapData = Readonly<Record<string, ArrayLike<number>>>;

/** One bootstrap sample: the same columns, resampled together (a unit keeps its weight and rank variable). */
export type BootstrapSample<D extends BootstrapData> = { readonly [K in keyof D]: Float64Array };

export interface BootstrapOptions {
  /** Number of bootstrap replicates, an integer >= 2. @default 1000 */
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
 * it evaluates `statistic` on the resampled columns. The interval is `[Q((1 - level) / 2), Q((1 + level) / 2)]` of
 * the replicate values, with quantiles interpolated linearly between order statistics (R's type 7, NumPy's default).
 *
 * - `statistic`: any measure of the library (or your own) returning a finite number; it receives Float64Arrays that
 *   are reused between replicates, so it must not keep references to them. If it throws or returns a non-finite
 *   number on some replicate (e.g. a resample with every value zero), `bootstrap` throws, naming the replicate.
 * - `data`: at least one column; all columns the same length n >= 1 (arrays or typed arrays; not checked further:
 *   `statistic` validates the values as usual on the original data).
 * - `options`: `replicates` (default 1000), `seed` (default 1), `level` (default 0.95).
 * - Result: see `BootstrapResult`. The same data, statistic, seed and replicates give the same numbers on any machine.
 *
 * Reference: Efron B (1979). Bootstrap methods: another look at the jackknife. The Annals of Statistics 7(1):1-26.
 * doi:10.1214/aos/1176344552. Generator: mulberry32 (T. Ettinger, public domain).
 *
 * @param statistic function of one sample (an object with the same keys as `data`) returning a number
 * @param data equal-length columns, one entry per unit
 * @param options `replicates`, `seed`, `level`
 * @example
 * bootstrap(({ values }) => gini(values), { values: [1, 2, 3, 4, 5, 6, 7, 8] }, { replicates: 200, seed: 7 }).estimate; // => 0.2916667
 * @example
 * bootstrap(({ values }) => gini(values), { values: [1, 2, 3, 4, 5, 6, 7, 8] }, { replicates: 200, seed: 7 }).upper; // => 0.3803571
 */
export function bootstrap<D extends BootstrapData>(
  statistic: (sample: BootstrapSample<D>) => number,
  data: D,
  options: BootstrapOptions = {},
): BootstrapResult {
  const fn = 'bootstrap';
  const { replicates = 1000, seed = 1, level = 0.95 } = options;
  if (typeof statistic !== 'function') throw new TypeError(`${fn}: statistic must be a function`);
  if (!Number.isInteger(replicates) || replicates < 2) {
    throw new RangeError(`${fn}: replicates must be an integer >= 2 (got ${replicates})`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
    throw new RangeError(`${fn}: seed must be an integer in [0, 2^32) (got ${seed})`);
  }
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    throw new RangeError(`${fn}: level must be in (0, 1) (got ${level})`);
  }
  if (data === null || typeof data !== 'object') throw new TypeError(`${fn}: data must be an object of columns`);
  const names = Object.keys(data) as (keyof D & string)[];
  if (names.length === 0) throw new RangeError(`${fn}: data has no columns`);
  const columns: Float64Array[] = [];
  let n = -1;
  for (const name of names) {
    const column = data[name];
    if (column === null || typeof column !== 'object' || !(Array.isArray(column) || ArrayBuffer.isView(column))) {
      throw new TypeError(`${fn}: column ${name} must be an array or typed array of numbers`);
    }
    if (n === -1) n = column.length;
    else if (column.length !== n) {
      throw new RangeError(`${fn}: columns differ in length (${names[0]} has ${n}, ${name} has ${column.length})`);
    }
    columns.push(Float64Array.from(column));
  }
  if (n < 1) throw new RangeError(`${fn}: data is empty`);

  const evaluate = (sample: BootstrapSample<D>, replicate: number): number => {
    let value: number;
    try {
      value = statistic(sample);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new RangeError(`${fn}: statistic failed on ${replicate === 0 ? 'the original data' : `replicate ${replicate}`}: ${message}`);
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new RangeError(`${fn}: statistic returned ${String(value)} on ${replicate === 0 ? 'the original data' : `replicate ${replicate}`}`);
    }
    return value;
  };

  const original = {} as Record<string, Float64Array>;
  names.forEach((name, c) => (original[name] = columns[c].slice()));
  const estimate = evaluate(original as BootstrapSample<D>, 0);

  // One set of sample buffers, refilled for every replicate.
  const buffers = columns.map(() => new Float64Array(n));
  const sample = {} as Record<string, Float64Array>;
  names.forEach((name, c) => (sample[name] = buffers[c]));
  const random = mulberry32(seed);
  const distribution = new Float64Array(replicates);
  const m = columns.length;
  for (let r = 0; r < replicates; r++) {
    for (let k = 0; k < n; k++) {
      const i = Math.floor(random() * n);
      for (let c = 0; c < m; c++) buffers[c][k] = columns[c][i];
    }
    distribution[r] = evaluate(sample as BootstrapSample<D>, r + 1);
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
