/**
 * GM(1,1): the first-order, one-variable grey model for short, positive, equally spaced series
 * (Deng 1982; Liu & Forrest 2010), with its accuracy checks (posterior variance ratio C, small error
 * probability P, the Li et al. accuracy grade) and the level-ratio (class ratio) test of the data.
 */
import { checkBoolean, checkChoice, checkFiniteNumber, checkOptions, isArrayLike, scaleFactors, sum, TOLERANCE } from './kernel';

/** Accuracy grade of a grey model (Li et al. 2024, Table 1; the usual four-level scale of grey forecasting). */
export type Gm11Grade = 'Superior' | 'Qualified' | 'Marginal' | 'Disqualified';

/** Conventions for the accuracy statistics, on which published code disagrees. */
export interface Gm11AccuracyOptions {
  /**
   * Divisor of both standard deviations S1 (data) and S2 (residuals): `'population'` divides by the number of
   * terms m, `'sample'` by m - 1. When all n residuals count (`includeFirstResidual: true`) the divisors cancel in
   * C = S2 / S1, so the choice changes only P (through the bound 0.6745 S1); without the first residual it
   * changes C too. Any other value throws.
   * @default 'population' (Liu & Forrest 2010, Sec. 6.5)
   */
  standardDeviation?: 'population' | 'sample';
  /**
   * Whether the residual of the first point counts in S2, the mean residual and P. For a fitted model it is
   * always 0 (x0hat(1) = x0(1)); counting it lowers C a little (0.21247 instead of 0.23755 for the textbook
   * series). S1 always uses all n data points. Must be `true` or `false` (anything else throws a TypeError).
   * @default true (the residual sequence of Liu & Forrest runs over k = 1..n)
   */
  includeFirstResidual?: boolean;
  /**
   * Which residuals S2, the mean residual and P are computed from: `'signed'`, e(k) = x0(k) - x0hat(k) (Liu &
   * Forrest 2010, Sec. 6.5), or `'absolute'`, |e(k)|, the convention of the published GM(1,1) studies whose C cannot
   * be matched otherwise (a 20-point model printed with C = 0.16, P = 1.00, where the four signed combinations give
   * 0.30-0.31). The absolute convention gives a smaller C for the same fit: the SD of |e| is below that of e when
   * residuals change sign. Anything else throws.
   * @default 'signed'
   */
  residuals?: 'signed' | 'absolute';
}

/** Options of {@link gm11}. */
export interface Gm11Options extends Gm11AccuracyOptions {
  /**
   * The times of the observations (e.g. years). They must be strictly increasing and equally spaced; they are
   * checked and used for {@link Gm11Result.forecastTimes}. Without them the times are 1, 2, ..., n.
   */
  times?: ArrayLike<number>;
}

/** Accuracy of a grey model against an observed series (see {@link GreyModel.evaluate}). */
export interface Gm11Accuracy {
  /** The observed series x0(1..n). */
  actual: number[];
  /** Model values x0hat(1..n); x0hat(1) is the model's first value. */
  fitted: number[];
  /** Residuals e(k) = x0(k) - x0hat(k), k = 1..n (the first is 0 for a fitted model). */
  residuals: number[];
  /** Relative errors |e(k)| / x0(k), k = 1..n, as fractions (not percent). */
  relativeErrors: number[];
  /** Mean absolute percentage error, in percent: 100 * mean of |e(k)| / x0(k) over k = 2..n (the first point is the model's anchor, not a prediction). */
  meanAbsolutePercentageError: number;
  /** S1: standard deviation of the observed series (all n points). */
  dataStandardDeviation: number;
  /** S2: standard deviation of the residuals counted (see `includeFirstResidual`). */
  residualStandardDeviation: number;
  /** Mean of the residuals counted. */
  meanResidual: number;
  /** Posterior variance ratio C = S2 / S1 (smaller is better; 0 for a perfect fit). */
  posteriorVarianceRatio: number;
  /** Alias of `posteriorVarianceRatio` (the textbook symbol C). */
  C: number;
  /** Small error probability P = share of counted residuals with |e(k) - mean e| < 0.6745 S1 (0..1; larger is better). */
  smallErrorProbability: number;
  /** Alias of `smallErrorProbability` (the textbook symbol P). */
  P: number;
  /** Grade of C alone: <= 0.35 Superior, <= 0.50 Qualified, <= 0.65 Marginal, else Disqualified. */
  gradeByC: Gm11Grade;
  /** Grade of P alone: >= 0.95 Superior, >= 0.80 Qualified, >= 0.70 Marginal, else Disqualified. */
  gradeByP: Gm11Grade;
  /** The model's grade: the worse of `gradeByC` and `gradeByP`. */
  grade: Gm11Grade;
  /** The conventions used. */
  standardDeviation: 'population' | 'sample';
  includeFirstResidual: boolean;
  /** Whether S2, the mean residual and P used the signed residuals or their absolute values (option `residuals`). */
  residualConvention: 'signed' | 'absolute';
}

/** A GM(1,1) time response with given parameters (fitted by {@link gm11} or rebuilt by {@link gm11FromParameters}). */
export interface GreyModel {
  /** Development coefficient a (negative for a growing series: the model grows like e^(-a k)). */
  developmentCoefficient: number;
  /** Alias of `developmentCoefficient` (the textbook symbol a). */
  a: number;
  /** Grey input b (Li et al. call it the endogenous control grey number u). */
  greyInput: number;
  /** Alias of `greyInput` (the textbook symbol b). */
  b: number;
  /** x0(1), the first value, on which the time response is anchored. */
  firstValue: number;
  /** Growth factor per step of the fitted values, e^(-a) (1.0379 means +3.79% a step). */
  growthFactor: number;
  /** Accumulated response x1hat(k) = (x0(1) - b/a) e^(-a (k-1)) + b/a, for k = 1, 2, ... (k = 1 is the first point). */
  timeResponse(k: number): number;
  /** Model value x0hat(k) = x1hat(k) - x1hat(k-1) for k >= 2 and x0hat(1) = x0(1); k = 1, 2, ... */
  predict(k: number): number;
  /** Model values x0hat(1..count). */
  values(count: number): number[];
  /** Residuals, relative errors, MAPE, C, P and grade of this model against an observed series x0(1..n). */
  evaluate(actual: ArrayLike<number>, options?: Gm11AccuracyOptions): Gm11Accuracy;
}

/** Result of the level-ratio (class ratio) test. */
export interface LevelRatioTest {
  /** Level ratios lambda(k) = x0(k-1) / x0(k); `ratios[i - 1]` belongs to series index i (0-based), i = 1..n-1. */
  ratios: number[];
  /** Lower bound of the admissible open interval, e^(-2/(n+1)). */
  lower: number;
  /** Upper bound, e^(2/(n+1)). */
  upper: number;
  /** Whether every ratio lies strictly inside (lower, upper). */
  passed: boolean;
  /** The ratios outside the interval: `index` is the 0-based series index of the later point x0(k). */
  failing: { index: number; ratio: number }[];
}

/** Result of {@link gm11}: the fitted model, its accuracy on the data, and the level-ratio test of the data. */
export interface Gm11Result extends GreyModel, Gm11Accuracy {
  /** Number of observations n. */
  n: number;
  /** Times of the observations (the `times` option, or 1..n). */
  times: number[];
  /** The level-ratio test of the data (a failing test is reported here, not thrown). */
  levelRatioTest: LevelRatioTest;
  /** The next h model values x0hat(n+1..n+h). */
  forecast(h: number): number[];
  /** The times of those forecasts: last time + step, + 2 step, ... */
  forecastTimes(h: number): number[];
}

// ---------------------------------------------------------------------------------------------------------------

/** expm1(x) / x, continuous at 0 (= 1). */
function expm1OverX(x: number): number {
  return x === 0 ? 1 : Math.expm1(x) / x;
}

function pointName(i: number, times?: ArrayLike<number>): string {
  return times ? `point ${i}: ${times[i]}` : `point ${i}`;
}

/** Check a positive series of at least `minLength` points; returns a plain copy. */
function checkSeries(fn: string, name: string, x: unknown, minLength: number, times?: ArrayLike<number>): number[] {
  if (!isArrayLike(x)) throw new TypeError(`${fn}: ${name} must be an array or typed array of numbers`);
  if (x.length < minLength) {
    throw new RangeError(`${fn} requires at least ${minLength} points (${name} has ${x.length})`);
  }
  const out: number[] = new Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (typeof v !== 'number') throw new TypeError(`${fn}: ${name} must hold numbers (${pointName(i, times)} is ${typeof v})`);
    if (Number.isNaN(v)) throw new RangeError(`${fn}: ${name} is NaN (${pointName(i, times)})`);
    if (!Number.isFinite(v)) throw new RangeError(`${fn}: ${name} is infinite (${pointName(i, times)})`);
    if (!(v > 0)) throw new RangeError(`${fn}: ${name} must be positive (${pointName(i, times)} is ${v})`);
    out[i] = v;
  }
  return out;
}

function checkTimes(fn: string, times: unknown, n: number): number[] {
  if (!isArrayLike(times)) throw new TypeError(`${fn}: times must be an array or typed array of numbers`);
  if (times.length !== n) throw new RangeError(`${fn}: series and times differ in length (${n} and ${times.length})`);
  const t: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const v = times[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`${fn}: times must be finite numbers (point ${i} is ${v})`);
    t[i] = v;
  }
  const step = t[1] - t[0];
  if (!(step > 0)) throw new RangeError(`${fn}: times must be strictly increasing (point 1: ${t[1]} follows ${t[0]})`);
  const scale = Math.max(Math.abs(t[0]), Math.abs(t[n - 1]), step);
  for (let i = 2; i < n; i++) {
    const d = t[i] - t[i - 1];
    if (Math.abs(d - step) > TOLERANCE * scale) {
      throw new RangeError(
        `${fn} requires equally spaced times (point ${i}: ${t[i]} is ${d} after ${t[i - 1]}; the first step is ${step})`,
      );
    }
  }
  return t;
}

function checkIndex(fn: string, name: string, k: unknown, min: number): number {
  if (typeof k !== 'number' || !Number.isInteger(k) || k < min) {
    throw new RangeError(`${fn}: ${name} must be an integer >= ${min} (got ${String(k)})`);
  }
  return k;
}

/** Compensated mean; series near the ends of the double range are scaled first (the sum of 1e308s overflows). */
function mean(x: number[]): number {
  const [f1, f2] = scaleFactors(x);
  if (f1 === 1 && f2 === 1) return sum(x) / x.length;
  return sum(x.map((v) => v * f1 * f2)) / x.length / f1 / f2;
}

function standardDeviation(x: number[], kind: 'population' | 'sample'): number {
  const [f1, f2] = scaleFactors(x);
  const scaled = f1 === 1 && f2 === 1 ? x : x.map((v) => v * f1 * f2);
  const m = mean(scaled);
  let ss = 0;
  for (const v of scaled) ss += (v - m) * (v - m);
  return Math.sqrt(ss / (kind === 'sample' ? x.length - 1 : x.length)) / f1 / f2;
}

/** A value of the model, refused when it leaves the double range (never returned as Infinity). */
function finiteValue(fn: string, k: number, v: number): number {
  if (!Number.isFinite(v)) {
    throw new RangeError(`${fn}: the model's value at k = ${k} overflows (past the largest double, about 1.8e308): forecast fewer steps`);
  }
  return v;
}

const GRADES: Gm11Grade[] = ['Superior', 'Qualified', 'Marginal', 'Disqualified'];

function gradeOfC(c: number): Gm11Grade {
  return c <= 0.35 ? 'Superior' : c <= 0.5 ? 'Qualified' : c <= 0.65 ? 'Marginal' : 'Disqualified';
}

function gradeOfP(p: number): Gm11Grade {
  return p >= 0.95 ? 'Superior' : p >= 0.8 ? 'Qualified' : p >= 0.7 ? 'Marginal' : 'Disqualified';
}

/** The option names of `evaluate` (`Gm11AccuracyOptions`) and of `gm11` (`Gm11Options`). */
const ACCURACY_OPTIONS = ['standardDeviation', 'includeFirstResidual', 'residuals'];
const GM11_OPTIONS = [...ACCURACY_OPTIONS, 'times'];

function accuracy(
  fn: string,
  model: GreyModel,
  actualInput: unknown,
  options: Gm11AccuracyOptions,
  known: readonly string[] = ACCURACY_OPTIONS,
): Gm11Accuracy {
  checkOptions(fn, options, known);
  const sdKind = checkChoice(fn, 'standardDeviation', options.standardDeviation, ['population', 'sample'] as const, 'population');
  const includeFirstResidual = checkBoolean(fn, 'includeFirstResidual', options.includeFirstResidual, true);
  const residualConvention = checkChoice(fn, 'residuals', options.residuals, ['signed', 'absolute'] as const, 'signed');
  const actual = checkSeries(fn, 'actual', actualInput, 4);
  const n = actual.length;
  const fitted = model.values(n);
  const residuals = actual.map((v, i) => v - fitted[i]);
  const relativeErrors = residuals.map((e, i) => Math.abs(e) / actual[i]);
  const meanAbsolutePercentageError = 100 * mean(relativeErrors.slice(1));
  const s1 = standardDeviation(actual, sdKind);
  if (!(s1 > 0)) throw new RangeError(`${fn}: the series is constant, so C = S2 / S1 is undefined`);
  const kept = includeFirstResidual ? residuals : residuals.slice(1);
  const counted = residualConvention === 'absolute' ? kept.map(Math.abs) : kept;
  const meanResidual = mean(counted);
  const s2 = standardDeviation(counted, sdKind);
  const c = s2 / s1;
  const bound = 0.6745 * s1;
  let inside = 0;
  for (const e of counted) if (Math.abs(e - meanResidual) < bound) inside++;
  const p = inside / counted.length;
  const gradeByC = gradeOfC(c);
  const gradeByP = gradeOfP(p);
  const grade = GRADES[Math.max(GRADES.indexOf(gradeByC), GRADES.indexOf(gradeByP))];
  return {
    actual,
    fitted,
    residuals,
    relativeErrors,
    meanAbsolutePercentageError,
    dataStandardDeviation: s1,
    residualStandardDeviation: s2,
    meanResidual,
    posteriorVarianceRatio: c,
    C: c,
    smallErrorProbability: p,
    P: p,
    gradeByC,
    gradeByP,
    grade,
    standardDeviation: sdKind,
    includeFirstResidual,
    residualConvention,
  };
}

function makeModel(fn: string, a: number, b: number, firstValue: number): GreyModel {
  // Written with expm1 so that the model stays exact as a -> 0 (the limit is linear growth x1hat = x0(1) + b (k-1)).
  const expm1A = Math.expm1(a);
  const stepScale = b * expm1OverX(a) - firstValue * expm1A; // = (x0(1) - b/a)(1 - e^a)
  const timeResponse = (k: number): number => {
    checkIndex(fn, 'k', k, 1);
    const m = k - 1;
    return finiteValue(fn, k, firstValue * Math.exp(-a * m) + b * m * expm1OverX(-a * m));
  };
  const predictUnchecked = (k: number): number => (k === 1 ? firstValue : finiteValue(fn, k, stepScale * Math.exp(-a * (k - 1))));
  const predict = (k: number): number => predictUnchecked(checkIndex(fn, 'k', k, 1));
  const values = (count: number): number[] => {
    checkIndex(fn, 'count', count, 0);
    const out: number[] = new Array(count);
    for (let k = 1; k <= count; k++) out[k - 1] = predictUnchecked(k);
    return out;
  };
  const model: GreyModel = {
    developmentCoefficient: a,
    a,
    greyInput: b,
    b,
    firstValue,
    growthFactor: Math.exp(-a),
    timeResponse,
    predict,
    values,
    evaluate: (actual, options = {}) => accuracy(fn, model, actual, options),
  };
  return model;
}

/**
 * Level-ratio (class ratio) test: whether a series is smooth enough for GM(1,1).
 *
 * lambda(k) = x0(k-1) / x0(k), k = 2..n, must lie in the open interval (e^(-2/(n+1)), e^(2/(n+1))); a series
 * that fails is usually shifted by a constant or modelled otherwise (Liu & Forrest 2010, Sec. 6.2).
 *
 * @param series positive, finite values in time order, at least 4 points.
 * @returns the ratios, the interval, `passed`, and the `failing` points (0-based index of x0(k) and its ratio).
 * Zero or negative values are rejected (RangeError naming the point); nothing is dropped.
 *
 * Reference: Deng J. (1982) Control problems of grey systems. Systems & Control Letters 1:288-294,
 * doi:10.1016/S0167-6911(82)80025-X; Liu S., Lin Y. (Forrest J.) (2010) Grey Systems: Theory and Applications, Springer,
 * doi:10.1007/978-3-642-16158-2.
 *
 * @example
 * levelRatioTest([2.874, 3.278, 3.337, 3.39, 3.679]).passed; // => true
 * levelRatioTest([1, 2, 2.1, 2.2]).failing; // => [{ index: 1, ratio: 0.5 }]
 */
export function levelRatioTest(series: ArrayLike<number>): LevelRatioTest {
  const x = checkSeries('levelRatioTest', 'series', series, 4);
  return levelRatios('levelRatioTest', x);
}

function levelRatios(fn: string, x: number[]): LevelRatioTest {
  const n = x.length;
  const lower = Math.exp(-2 / (n + 1));
  const upper = Math.exp(2 / (n + 1));
  const ratios: number[] = [];
  const failing: { index: number; ratio: number }[] = [];
  for (let i = 1; i < n; i++) {
    const r = x[i - 1] / x[i];
    if (r === 0 || r === Infinity) {
      throw new RangeError(`${fn}: the level ratio of points ${i - 1} and ${i} (${x[i - 1]} / ${x[i]}) ${r === 0 ? 'underflows to 0' : 'overflows'}: the series spans more than the double range`);
    }
    ratios.push(r);
    if (!(r > lower && r < upper)) failing.push({ index: i, ratio: r });
  }
  return { ratios, lower, upper, passed: failing.length === 0, failing };
}

/**
 * GM(1,1) grey model: fit, accuracy checks and forecasts of a short positive series.
 *
 * With the accumulated series x1(k) = x0(1) + ... + x0(k) and background values z(k) = (x1(k) + x1(k-1)) / 2,
 * the grey differential equation x0(k) + a z(k) = b (k = 2..n) is fitted by least squares, which gives the
 * development coefficient a and the grey input b. The time response is
 * x1hat(k+1) = (x0(1) - b/a) e^(-a k) + b/a, and the fitted values are x0hat(1) = x0(1),
 * x0hat(k) = x1hat(k) - x1hat(k-1) = (1 - e^a)(x0(1) - b/a) e^(-a (k-1)). (Li et al. 2024 print this as their
 * Eq. 7 with b/a written a/u; their u is b.) When a = 0 exactly the limit b (k - 1) is used, so a constant-growth
 * series still works.
 *
 * Accuracy (posterior-error test): S1 = SD of the data, S2 = SD of the residuals e(k) = x0(k) - x0hat(k),
 * C = S2 / S1 and P = share of residuals with |e(k) - mean e| < 0.6745 S1. The grade follows Li et al. Table 1:
 * Superior (C <= 0.35, P >= 0.95), Qualified (C <= 0.50, P >= 0.80), Marginal (C <= 0.65, P >= 0.70), else
 * Disqualified; C and P are graded separately and the model gets the **worse** of the two grades.
 * MAPE is taken over k = 2..n (x0hat(1) = x0(1) is not a prediction).
 *
 * @param series positive, finite values at equally spaced times, at least 4 points (TypeError for a non-array,
 *   RangeError naming the point for zero, negative, NaN or infinite values; nothing is dropped or patched). Any
 *   magnitude from about 1e-300 to 1e308: a series near the ends of the double range is fitted scaled by a power of
 *   two (exact; a is unchanged, b scales with the series). A fitted value or forecast past the double range is a
 *   RangeError naming k, never Infinity.
 * @param options `standardDeviation` ('population' | 'sample', @default 'population'), `includeFirstResidual`
 *   (whether the k = 1 residual, always 0, counts in S2, the mean residual and P; @default true), `residuals`
 *   ('signed' | 'absolute': C and P from e(k) or |e(k)|, @default 'signed'), `times` (e.g. years; checked to be
 *   strictly increasing and equally spaced).
 * @returns the model (`developmentCoefficient` a, `greyInput` b, `timeResponse(k)`, `predict(k)`, `values(n)`,
 *   `forecast(h)`, `evaluate(actual)`), the fit (`fitted`, `residuals`, `relativeErrors`,
 *   `meanAbsolutePercentageError` in percent), `posteriorVarianceRatio` C (>= 0, smaller is better),
 *   `smallErrorProbability` P (0..1, larger is better), `grade`, and the `levelRatioTest` of the data (reported,
 *   not thrown: check `levelRatioTest.passed` before trusting a forecast). A constant series throws, since C is 0/0.
 *
 * Reference: Deng J. (1982) Control problems of grey systems. Systems & Control Letters 1:288-294,
 * doi:10.1016/S0167-6911(82)80025-X; Liu S., Lin Y. (2010) Grey Systems: Theory and Applications, Springer,
 * doi:10.1007/978-3-642-16158-2; Li S., Liao C., Zhang S. (2024, preprint) Table 1 for the grades (a preprint: our
 * copy gives no DOI and no address).
 *
 * @example
 * const model = gm11([2.874, 3.278, 3.337, 3.39, 3.679]);
 * model.developmentCoefficient; // => -0.0372044
 * model.greyInput; // => 3.0653633
 * model.fitted; // => [2.874, 3.232039, 3.354550, 3.481704, 3.613679]
 * model.forecast(2); // => [3.750656, 3.892825]
 * model.posteriorVarianceRatio; // => 0.21247
 * model.smallErrorProbability; // => 1
 * model.meanAbsolutePercentageError; // => 1.602
 * model.grade; // => 'Superior'
 * gm11([2.874, 3.278, 3.337, 3.39, 3.679], { includeFirstResidual: false }).C; // => 0.23755
 * gm11([2.874, 3.278, 3.337, 3.39, 3.679], { residuals: 'absolute' }).C; // => 0.12672
 */
export function gm11(series: ArrayLike<number>, options: Gm11Options = {}): Gm11Result {
  const fn = 'gm11';
  checkOptions(fn, options, GM11_OPTIONS);
  if (!isArrayLike(series)) throw new TypeError(`${fn}: series must be an array or typed array of numbers`);
  const n = series.length;
  const times = options.times === undefined ? undefined : checkTimes(fn, options.times, n);
  const x = checkSeries(fn, 'series', series, 4, times);

  // Least squares of x0(k) = b - a z(k), k = 2..n, in centred form. The model is homogeneous (x -> c x keeps a and
  // scales b by c), so a series near the ends of the double range is fitted scaled by a power of two (exact): its
  // accumulation would overflow (1e308s) or its squares underflow (1e-300s).
  const [f1, f2] = scaleFactors(x);
  const xs = f1 === 1 && f2 === 1 ? x : x.map((v) => v * f1 * f2);
  const m = n - 1;
  const z: number[] = new Array(m);
  const y: number[] = new Array(m);
  let x1 = xs[0];
  for (let k = 1; k < n; k++) {
    const previous = x1;
    x1 += xs[k];
    z[k - 1] = 0.5 * (x1 + previous);
    y[k - 1] = xs[k];
  }
  const zMean = mean(z);
  const yMean = mean(y);
  let szz = 0;
  let szy = 0;
  for (let i = 0; i < m; i++) {
    const dz = z[i] - zMean;
    szz += dz * dz;
    szy += dz * (y[i] - yMean);
  }
  // szz > 0: z is strictly increasing for a positive series.
  const a = -szy / szz || 0; // (|| 0 turns -0 into 0)
  const b = (yMean + a * zMean) / f1 / f2;

  const model = makeModel(fn, a, b, x[0]);
  const fit = accuracy(fn, model, x, options, GM11_OPTIONS);
  const t = times ?? x.map((_, i) => i + 1);
  const step = t[1] - t[0];
  return {
    ...model,
    ...fit,
    n,
    times: t,
    levelRatioTest: levelRatios(fn, x),
    forecast: (h: number): number[] => {
      checkIndex(fn, 'h', h, 0);
      return model.values(n + h).slice(n);
    },
    forecastTimes: (h: number): number[] => {
      checkIndex(fn, 'h', h, 0);
      const out: number[] = [];
      for (let i = 1; i <= h; i++) out.push(t[n - 1] + i * step);
      return out;
    },
  };
}

/**
 * Rebuild a published GM(1,1) model from its parameters, to compare it with data.
 *
 * Gives the same time response as {@link gm11}: x1hat(k) = (x0(1) - b/a) e^(-a (k-1)) + b/a and
 * x0hat(k) = (1 - e^a)(x0(1) - b/a) e^(-a (k-1)) for k >= 2, x0hat(1) = x0(1). A paper that prints a, b (often
 * called u) and whose first data value is known can be checked this way: `evaluate(actual)` gives residuals,
 * MAPE, C, P and the grade against a series (same options as {@link gm11}). Published a and b are rounded, so
 * expect differences of that order.
 *
 * @param developmentCoefficient a, any finite number (negative for growth; a = 0 gives linear accumulation).
 * @param greyInput b (u in Li et al. 2024), any finite number.
 * @param firstValue x0(1), the first observed value, positive.
 * @returns a {@link GreyModel}: `timeResponse(k)`, `predict(k)`, `values(count)`, `evaluate(actual, options)`.
 *
 * Reference: Deng J. (1982) Systems & Control Letters 1:288-294, doi:10.1016/S0167-6911(82)80025-X;
 * Liu S., Lin Y. (2010) Grey Systems: Theory and Applications, Springer, doi:10.1007/978-3-642-16158-2.
 *
 * @example
 * const rebuilt = gm11FromParameters(-0.0372044, 3.0653633, 2.874);
 * rebuilt.values(5); // => [2.874, 3.23204, 3.35455, 3.48170, 3.61368]
 * rebuilt.predict(7); // => 3.89283
 * rebuilt.timeResponse(2); // => 6.10604
 * rebuilt.evaluate([2.874, 3.278, 3.337, 3.39, 3.679]).grade; // => 'Superior'
 */
export function gm11FromParameters(developmentCoefficient: number, greyInput: number, firstValue: number): GreyModel {
  const fn = 'gm11FromParameters';
  const a = checkFiniteNumber(fn, 'developmentCoefficient', developmentCoefficient);
  const b = checkFiniteNumber(fn, 'greyInput', greyInput);
  const x1 = checkFiniteNumber(fn, 'firstValue', firstValue);
  if (!(x1 > 0)) throw new RangeError(`${fn}: firstValue must be positive (got ${x1})`);
  return makeModel(fn, a, b, x1);
}
