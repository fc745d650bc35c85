/**
 * Internal helpers shared by the measures: input checks with terse, specific messages, and compensated sums.
 * Not part of the public API (not exported from `lib/index.ts`).
 */

/** One named tolerance for floating-point identities (shares summing to 1, between + within = total). */
export const TOLERANCE = 1e-12;

/** Optional labels used in error messages instead of bare unit indices. */
export interface LabelOptions {
  /** Names of the units, in input order (e.g. province names). Used only in error messages. */
  labels?: ArrayLike<string>;
}

/** Describe unit `index` for an error message: `unit 4: Tibet` when labels are given, else `unit 4`. */
export function unitName(index: number, labels?: ArrayLike<string>): string {
  return labels && index < labels.length ? `unit ${index}: ${labels[index]}` : `unit ${index}`;
}

function isArrayLikeOfNumbers(x: unknown): x is ArrayLike<number> {
  return (
    x != null &&
    typeof x === 'object' &&
    typeof (x as ArrayLike<number>).length === 'number' &&
    (Array.isArray(x) || ArrayBuffer.isView(x))
  );
}

export interface CheckOptions extends LabelOptions {
  /** Smallest permitted number of units. @default 1 */
  minLength?: number;
  /** `'nonnegative'` (>= 0), `'positive'` (> 0) or `'any'` finite value. @default 'nonnegative' */
  domain?: 'nonnegative' | 'positive' | 'any';
}

/**
 * Validate a numeric input and copy it into a Float64Array.
 * Throws `TypeError` when `x` is not an array or typed array, `RangeError` for too few units,
 * NaN, infinite values or values outside the domain. Messages start with the function's name.
 */
export function checkValues(fn: string, name: string, x: unknown, options: CheckOptions = {}): Float64Array {
  const { minLength = 1, domain = 'nonnegative', labels } = options;
  if (!isArrayLikeOfNumbers(x)) {
    throw new TypeError(`${fn}: ${name} must be an array or typed array of numbers`);
  }
  const n = x.length;
  if (n < minLength) {
    throw new RangeError(
      minLength <= 1
        ? `${fn}: ${name} is empty`
        : `${fn} requires at least ${minLength} units (${name} has ${n})`,
    );
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (typeof v !== 'number') {
      throw new TypeError(`${fn}: ${name} must hold numbers (${unitName(i, labels)} is ${typeof v})`);
    }
    if (Number.isNaN(v)) throw new RangeError(`${fn}: ${name} is NaN (${unitName(i, labels)})`);
    if (!Number.isFinite(v)) throw new RangeError(`${fn}: ${name} is infinite (${unitName(i, labels)})`);
    if (domain === 'nonnegative' && v < 0) {
      throw new RangeError(`${fn}: ${name} must be non-negative (${unitName(i, labels)} is ${v})`);
    }
    if (domain === 'positive' && !(v > 0)) {
      throw new RangeError(`${fn}: ${name} must be positive (${unitName(i, labels)} is ${v})`);
    }
    out[i] = v;
  }
  return out;
}

/**
 * Validate optional weights against values of length `n`. Without weights every unit weighs 1.
 * Weights must be finite and non-negative, with a positive total; a zero weight removes a unit's influence.
 */
export function checkWeights(fn: string, weights: unknown, n: number, labels?: ArrayLike<string>): Float64Array {
  if (weights === undefined || weights === null) return new Float64Array(n).fill(1);
  const w = checkValues(fn, 'weights', weights, { minLength: 1, domain: 'nonnegative', labels });
  if (w.length !== n) {
    throw new RangeError(`${fn}: values and weights differ in length (${n} and ${w.length})`);
  }
  if (!(sum(w) > 0)) throw new RangeError(`${fn}: weights must have a positive total`);
  return w;
}

/** Throw a RangeError unless two inputs have the same length. */
export function checkSameLength(fn: string, nameA: string, a: ArrayLike<unknown>, nameB: string, b: ArrayLike<unknown>): void {
  if (a.length !== b.length) {
    throw new RangeError(`${fn}: ${nameA} and ${nameB} differ in length (${a.length} and ${b.length})`);
  }
}

/**
 * Compensated (Kahan-Babuska / Neumaier) sum: the rounding error of the running total is carried along,
 * so shares of millions of units still sum to 1 within a few ulps.
 */
export function sum(x: ArrayLike<number>): number {
  let total = 0;
  let compensation = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const t = total + v;
    if (Math.abs(total) >= Math.abs(v)) compensation += total - t + v;
    else compensation += v - t + total;
    total = t;
  }
  return total + compensation;
}

/** Compensated sum of the products x[i] * y[i]. */
export function sumOfProducts(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let total = 0;
  let compensation = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] * y[i];
    const t = total + v;
    if (Math.abs(total) >= Math.abs(v)) compensation += total - t + v;
    else compensation += v - t + total;
    total = t;
  }
  return total + compensation;
}

/** Indices 0..n-1 sorted ascending by `key` (stable: ties keep input order). O(n log n). */
export function sortOrder(key: ArrayLike<number>): Uint32Array {
  const n = key.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // Typed-array sort with a comparator is stable in V8 (TimSort) since Node 11.
  order.sort((a, b) => key[a] - key[b] || a - b);
  return order;
}
