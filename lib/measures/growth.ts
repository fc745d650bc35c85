/**
 * Average annual growth rates (compound growth) and the growth between two years of a series.
 */
import { checkFiniteNumber, isArrayLike } from './kernel';

/** One observation of a yearly series, for the record form of {@link growthBetween} and {@link growthByPeriod}. */
export interface YearValue {
  year: number;
  value: number;
}

/** Growth of a series between two of its years. */
export interface GrowthPeriod {
  fromYear: number;
  toYear: number;
  /** toYear - fromYear. */
  years: number;
  /** Value in fromYear. */
  first: number;
  /** Value in toYear. */
  last: number;
  /** last - first. */
  change: number;
  /** last / first. */
  ratio: number;
  /** (last / first)^(1 / years) - 1, as a fraction (0.0129 is 1.29% a year). */
  averageAnnualGrowthRate: number;
}

function aagr(fn: string, first: unknown, last: unknown, years: unknown): number {
  const f = checkFiniteNumber(fn, 'first', first);
  const l = checkFiniteNumber(fn, 'last', last);
  const y = checkFiniteNumber(fn, 'years', years);
  if (!(f > 0)) throw new RangeError(`${fn}: first must be positive (got ${f})`);
  if (l < 0) throw new RangeError(`${fn}: last must be non-negative (got ${l})`);
  if (!(y > 0)) throw new RangeError(`${fn}: years must be positive (got ${y})`);
  // expm1(log1p((l - f) / f) / y) equals (l / f)^(1 / y) - 1 but keeps the digits of small rates
  // (l - f is exact when l and f are close); l = 0 gives expm1(-Infinity) = -1. When l / f itself leaves the double
  // range (1e300 / 1e-300 overflows, 1e-300 / 1e300 underflows to 0), ln(l / f) = ln l - ln f still holds it.
  const relative = (l - f) / f;
  const ratio = l / f;
  // (a fall to below 2^-20 of the first value also takes the logs: (l - f) / f then rounds towards -1 and loses l)
  const logRatio = l > 0 && (!Number.isFinite(relative) || ratio < 2 ** -20) ? Math.log(l) - Math.log(f) : Math.log1p(relative);
  const rate = Math.expm1(logRatio / y);
  if (!Number.isFinite(rate)) {
    throw new RangeError(`${fn}: the growth rate overflows: (last / first)^(1 / years) - 1 = e^${(logRatio / y).toPrecision(4)} - 1 is past the largest double (about 1.8e308)`);
  }
  return rate;
}

/**
 * Average annual growth rate (AAGR, compound annual growth rate) between two values.
 *
 * AAGR = (last / first)^(1 / years) - 1, the constant yearly rate that takes `first` to `last` in `years` years
 * (Fu et al. 2023 Table 2, Li et al. 2024 Table 3 use it for densities per 10,000 and per 1,000 people).
 *
 * @param first the starting value, > 0.
 * @param last the final value, >= 0 (0 gives -1, a total loss).
 * @param years the length of the period, > 0 (need not be whole: 2.5 years is allowed).
 * @returns a fraction > -1 (multiply by 100 for percent); 0 when last = first. Non-finite inputs, first <= 0,
 *   last < 0 and years <= 0 throw a RangeError; non-numbers a TypeError.
 *
 * Reference: Fu Y., Wang J., Sun J., Zhang S., Huang D. (2023) Healthcare 11:398, Table 2,
 * doi:10.3390/healthcare11030398.
 *
 * @example
 * averageAnnualGrowthRate(3.93, 4.30, 7); // => 0.0129366
 * averageAnnualGrowthRate(100, 121, 2); // => 0.1
 */
export function averageAnnualGrowthRate(first: number, last: number, years: number): number {
  return aagr('averageAnnualGrowthRate', first, last, years);
}

interface Series {
  years: number[];
  values: number[];
}

/** Read either (years, values) or an array of { year, value } records; check them. */
function readSeries(fn: string, first: unknown, second: unknown): Series {
  let years: number[];
  let values: number[];
  if (isArrayLike(second)) {
    if (!isArrayLike(first)) throw new TypeError(`${fn}: years must be an array of numbers`);
    if (first.length !== second.length) {
      throw new RangeError(`${fn}: years and values differ in length (${first.length} and ${second.length})`);
    }
    years = Array.from(first as ArrayLike<number>);
    values = Array.from(second as ArrayLike<number>);
  } else {
    if (!Array.isArray(first)) {
      throw new TypeError(`${fn} takes (years, values, ...) or an array of { year, value } records`);
    }
    years = [];
    values = [];
    first.forEach((r: unknown, i: number) => {
      if (r === null || typeof r !== 'object') throw new TypeError(`${fn}: record ${i} must be an object { year, value }`);
      years.push((r as YearValue).year);
      values.push((r as YearValue).value);
    });
  }
  const seen = new Set<number>();
  for (let i = 0; i < years.length; i++) {
    const y = years[i];
    if (typeof y !== 'number' || !Number.isFinite(y)) throw new RangeError(`${fn}: year ${i} must be a finite number (got ${String(y)})`);
    if (seen.has(y)) throw new RangeError(`${fn}: year ${y} appears twice`);
    seen.add(y);
    checkFiniteNumber(fn, `value of ${y}`, values[i]);
  }
  return { years, values };
}

function between(fn: string, s: Series, fromYear: unknown, toYear: unknown): GrowthPeriod {
  const from = checkFiniteNumber(fn, 'fromYear', fromYear);
  const to = checkFiniteNumber(fn, 'toYear', toYear);
  if (!(to > from)) throw new RangeError(`${fn}: toYear must come after fromYear (${from} to ${to})`);
  const i = s.years.indexOf(from);
  const j = s.years.indexOf(to);
  if (i < 0) throw new RangeError(`${fn}: the series has no value for ${from}`);
  if (j < 0) throw new RangeError(`${fn}: the series has no value for ${to}`);
  const first = s.values[i];
  const last = s.values[j];
  if (!(first > 0)) throw new RangeError(`${fn}: the value of ${from} must be positive (got ${first})`);
  if (last < 0) throw new RangeError(`${fn}: the value of ${to} must be non-negative (got ${last})`);
  const years = to - from;
  if (!Number.isFinite(last / first)) {
    throw new RangeError(`${fn}: the ratio of ${to} to ${from} overflows (${last} / ${first} is past the largest double, about 1.8e308)`);
  }
  return {
    fromYear: from,
    toYear: to,
    years,
    first,
    last,
    change: last - first,
    ratio: last / first,
    averageAnnualGrowthRate: aagr(fn, first, last, years),
  };
}

/**
 * Growth of a yearly series between two of its years: change, ratio and average annual growth rate.
 *
 * AAGR = (x(toYear) / x(fromYear))^(1 / (toYear - fromYear)) - 1; only the two end values enter (not the years
 * between, which may be missing).
 *
 * Call as `growthBetween(years, values, fromYear, toYear)` or `growthBetween(records, fromYear, toYear)` with
 * records `{ year, value }`.
 * @param years finite, distinct years (any order); `values` the same length, finite.
 * @param fromYear, toYear years present in the series, toYear > fromYear; the value of fromYear must be > 0 and
 *   that of toYear >= 0. A missing year, a repeated year, or lengths that differ throw a RangeError naming it.
 * @returns a {@link GrowthPeriod}: `first`, `last`, `change`, `ratio`, `years` and `averageAnnualGrowthRate`
 *   (a fraction).
 *
 * Reference: Li S., Liao C., Zhang S. (2024, preprint) Table 3 (a preprint: our copy gives no DOI and no address);
 * Fu et al. (2023) Healthcare 11:398, Table 2, doi:10.3390/healthcare11030398.
 *
 * @example
 * growthBetween([2012, 2016, 2021], [1.52, 1.71, 2.34], 2012, 2021).averageAnnualGrowthRate; // => 0.04911
 * growthBetween([{ year: 2012, value: 2 }, { year: 2014, value: 2.42 }], 2012, 2014);
 * // => { fromYear: 2012, toYear: 2014, years: 2, first: 2, last: 2.42, change: 0.42, ratio: 1.21, averageAnnualGrowthRate: 0.1 }
 */
export function growthBetween(years: ArrayLike<number>, values: ArrayLike<number>, fromYear: number, toYear: number): GrowthPeriod;
export function growthBetween(records: readonly YearValue[], fromYear: number, toYear: number): GrowthPeriod;
export function growthBetween(a: unknown, b: unknown, c?: unknown, d?: unknown): GrowthPeriod {
  const fn = 'growthBetween';
  const twoArrays = isArrayLike(b);
  const s = readSeries(fn, a, b);
  return twoArrays ? between(fn, s, c, d) : between(fn, s, b, c);
}

/**
 * Growth of a yearly series over several periods at once (a "phase table", e.g. 2012-2016, 2016-2021 and
 * 2012-2021 as in Li et al. 2024 Table 3).
 *
 * Call as `growthByPeriod(years, values, periods)` or `growthByPeriod(records, periods)`, with `periods` an array
 * of `[fromYear, toYear]` pairs. Each period is computed as by {@link growthBetween}, with the same checks.
 * @returns one {@link GrowthPeriod} per period, in the order given.
 *
 * Reference: Li S., Liao C., Zhang S. (2024, preprint) Table 3, the phase table this reproduces. It is a preprint:
 * the copy we work from gives no DOI and no address, so none can be cited. The compound
 * growth rate of each period is the one of {@link averageAnnualGrowthRate}, as used and printed by Fu et al. (2023)
 * Healthcare 11:398, Table 2, doi:10.3390/healthcare11030398.
 *
 * @example
 * growthByPeriod([2012, 2016, 2021], [1.52, 1.71, 2.34], [[2012, 2016], [2016, 2021]]).map((p) => p.averageAnnualGrowthRate);
 * // => [0.02988, 0.06474]
 */
export function growthByPeriod(
  years: ArrayLike<number>,
  values: ArrayLike<number>,
  periods: ReadonlyArray<readonly [number, number]>,
): GrowthPeriod[];
export function growthByPeriod(records: readonly YearValue[], periods: ReadonlyArray<readonly [number, number]>): GrowthPeriod[];
export function growthByPeriod(a: unknown, b: unknown, c?: unknown): GrowthPeriod[] {
  const fn = 'growthByPeriod';
  const records = c === undefined;
  const s = readSeries(fn, a, records ? undefined : b);
  const periods = records ? b : c;
  if (!Array.isArray(periods)) throw new TypeError(`${fn}: periods must be an array of [fromYear, toYear] pairs`);
  return periods.map((p: unknown, i: number) => {
    if (!Array.isArray(p) || p.length !== 2) throw new TypeError(`${fn}: period ${i} must be a [fromYear, toYear] pair`);
    return between(fn, s, p[0], p[1]);
  });
}
