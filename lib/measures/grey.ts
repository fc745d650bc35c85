/**
 * Grey forecasting models beside GM(1,1) (gm11.ts): the discrete grey model DGM(1,1), the grey Verhulst model for
 * saturating series, rolling (metabolic) GM(1,1) forecasting, and `holdOut`, which compares any of them on the last
 * points of a series by MAPE and RMSE.
 */
import { gm11 } from './gm11';
import { checkChoice, checkOptions, isArrayLike, sum } from './kernel';

/** What every fitted grey model here offers: its values on the data and its forecasts. */
export interface GreyForecast {
  /** Model values on the n data points, in the series' own terms. */
  fitted: number[];
  /** Residuals e(k) = x(k) - fitted(k), k = 1..n. */
  residuals: number[];
  /** Mean absolute percentage error over k = 2..n, in percent (the first point anchors the model). */
  meanAbsolutePercentageError: number;
  /** The next h model values after the data. */
  forecast(h: number): number[];
}

/** Result of `dgm11`. */
export interface Dgm11Result extends GreyForecast {
  /** beta1 of x1(k+1) = beta1 x1(k) + beta2 (e^(-a) of the matching GM(1,1)). */
  beta1: number;
  /** beta2 of x1(k+1) = beta1 x1(k) + beta2. */
  beta2: number;
}

/** Result of `greyVerhulst`. */
export interface GreyVerhulstResult extends GreyForecast {
  /** a of the whitening equation dx1/dt + a x1 = b x1^2 (negative for a growing series). */
  a: number;
  /** b of the whitening equation. */
  b: number;
  /** The saturation level a / b that the accumulated (level) series approaches (Infinity when b = 0). */
  saturation: number;
  /** Which series the model was fitted to (see `GreyVerhulstOptions.series`). */
  series: 'level' | 'increments';
}

function checkIndex(fn: string, name: string, k: unknown, min: number): number {
  if (typeof k !== 'number' || !Number.isInteger(k) || k < min) {
    throw new RangeError(`${fn}: ${name} must be an integer >= ${min} (got ${String(k)})`);
  }
  return k;
}

/** A positive, finite series of at least `minLength` points, copied (messages as gm11's). */
function checkSeries(fn: string, x: unknown, minLength: number): number[] {
  if (!isArrayLike(x)) throw new TypeError(`${fn}: series must be an array or typed array of numbers`);
  if (x.length < minLength) throw new RangeError(`${fn} requires at least ${minLength} points (series has ${x.length})`);
  const out: number[] = new Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (typeof v !== 'number') throw new TypeError(`${fn}: series must hold numbers (point ${i} is ${typeof v})`);
    if (!Number.isFinite(v)) throw new RangeError(`${fn}: series is ${Number.isNaN(v) ? 'NaN' : 'infinite'} (point ${i})`);
    if (!(v > 0)) throw new RangeError(`${fn}: series must be positive (point ${i} is ${v})`);
    out[i] = v;
  }
  return out;
}

function mape(actual: number[], fitted: number[]): number {
  const errors = actual.slice(1).map((v, i) => Math.abs(v - fitted[i + 1]) / v);
  return (100 * sum(errors)) / errors.length;
}

/**
 * Least squares y = p u + q v without a constant (two regressors), by the normal equations in centred-free form.
 * Returns [p, q]; throws when the regressors are collinear.
 */
function leastSquares2(fn: string, u: number[], v: number[], y: number[]): [number, number] {
  let uu = 0;
  let uv = 0;
  let vv = 0;
  let uy = 0;
  let vy = 0;
  for (let i = 0; i < y.length; i++) {
    uu += u[i] * u[i];
    uv += u[i] * v[i];
    vv += v[i] * v[i];
    uy += u[i] * y[i];
    vy += v[i] * y[i];
  }
  const det = uu * vv - uv * uv;
  if (!(Math.abs(det) > 1e-14 * uu * vv)) throw new RangeError(`${fn}: the least-squares system is singular (the series is too regular to fit)`);
  return [(vv * uy - uv * vy) / det, (uu * vy - uv * uy) / det];
}

/**
 * Discrete grey model DGM(1,1) (Xie & Liu 2009): the GM(1,1) idea with a discrete equation in place of the
 * differential one, so that the fit and the forecast come from the same equation.
 *
 * With the accumulated series x1(k) = x0(1) + ... + x0(k), fit `x1(k+1) = beta1 x1(k) + beta2` (k = 1..n-1) by least
 * squares; then x1hat(1) = x0(1), x1hat(k+1) = beta1 x1hat(k) + beta2, and the model values are x0hat(1) = x0(1),
 * x0hat(2) = (beta1 - 1) x0(1) + beta2, x0hat(k+1) = beta1 x0hat(k) (k >= 2). A homogeneous exponential series
 * x0(k) = c q^k is reproduced exactly (Xie & Liu 2009, Theorem 3), which GM(1,1) only approximates.
 *
 * - `series`: positive, finite, equally spaced, at least 4 points (RangeError naming the point otherwise).
 * - Result: `beta1`, `beta2`, `fitted`, `residuals`, `meanAbsolutePercentageError` (k = 2..n, percent),
 *   `forecast(h)`.
 *
 * Reference: Xie N, Liu S (2009). Discrete grey forecasting model and its optimization. Applied Mathematical
 * Modelling 33(2):1173-1186. doi:10.1016/j.apm.2008.01.011
 *
 * @param series positive values in time order
 * @example
 * const m = dgm11([2, 4, 8, 16, 32]);
 * m.beta1; // => 2
 * m.fitted; // => [2, 4, 8, 16, 32]
 * m.forecast(2); // => [64, 128]
 * @example
 * dgm11([2.874, 3.278, 3.337, 3.39, 3.679]).forecast(1); // => [3.749960]
 */
export function dgm11(series: ArrayLike<number>): Dgm11Result {
  const fn = 'dgm11';
  const x = checkSeries(fn, series, 4);
  const n = x.length;
  const x1: number[] = [];
  let acc = 0;
  for (const v of x) x1.push((acc += v));
  const ones = new Array<number>(n - 1).fill(1);
  const [beta1, beta2] = leastSquares2(fn, x1.slice(0, n - 1), ones, x1.slice(1));
  const second = (beta1 - 1) * x[0] + beta2;
  const value = (k: number): number => (k === 1 ? x[0] : second * beta1 ** (k - 2)); // k = 1, 2, ...
  const fitted = x.map((_, i) => value(i + 1));
  return {
    beta1,
    beta2,
    fitted,
    residuals: x.map((v, i) => v - fitted[i]),
    meanAbsolutePercentageError: mape(x, fitted),
    forecast: (h: number): number[] => {
      checkIndex(fn, 'h', h, 0);
      return Array.from({ length: h }, (_, i) => {
        const v = value(n + i + 1);
        if (!Number.isFinite(v)) throw new RangeError(`${fn}: the forecast ${i + 1} steps ahead overflows (past the largest double, about 1.8e308): forecast fewer steps`);
        return v;
      });
    },
  };
}

/** Options of `greyVerhulst`. */
export interface GreyVerhulstOptions {
  /**
   * `'level'`: the series is itself S-shaped (a density that saturates) and is the model's accumulated series x1;
   * its first differences are x0 (Liu & Lin 2010, Sec. 7.4: "when the original sequence is S-shaped, take it as
   * x1"). `'increments'`: the series is x0 (the yearly additions) and x1 is its accumulation, as in GM(1,1); the
   * fitted values are differenced back. Fitted values and forecasts are always in the series' own terms.
   * @default 'level'
   */
  series?: 'level' | 'increments';
}

/**
 * Grey Verhulst model: GM(1,1)'s companion for saturating (S-shaped) series, whose whitening equation is the
 * logistic `dx1/dt + a x1 = b x1^2`.
 *
 * With background values z(k) = (x1(k) + x1(k-1)) / 2, fit `x0(k) + a z(k) = b z(k)^2` (k = 2..n) by least squares
 * (no constant); the time response is `x1hat(k) = a x1(1) / (b x1(1) + (a - b x1(1)) e^(a (k-1)))`, which tends to
 * the saturation level a / b for a < 0 < b. Which series is x1 is the option `series` (see `GreyVerhulstOptions`).
 *
 * - `series`: positive, finite, equally spaced, at least 4 points. Any such series is fitted; the model assumes an
 *   S shape (check `saturation` and the residuals: a series still growing exponentially gives a meaningless level).
 * - Result: `a`, `b`, `saturation` (a / b, the limit of the level), `fitted`, `residuals`, `meanAbsolutePercentageError`
 *   (k = 2..n, percent), `forecast(h)`.
 *
 * Reference: Liu S, Lin Y (2010). Grey Systems: Theory and Applications. Springer, Sec. 7.4.
 * doi:10.1007/978-3-642-16158-2; Deng J (1982). Control problems of grey systems. Systems & Control Letters
 * 1(5):288-294. doi:10.1016/S0167-6911(82)80025-X
 *
 * @param series positive values in time order
 * @param options `series`: 'level' (default) or 'increments'
 * @example
 * const m = greyVerhulst([10, 18, 30, 45, 60, 72, 80, 85]);
 * m.saturation; // => 90.27
 * m.forecast(2); // => [87.25, 88.71]
 */
export function greyVerhulst(series: ArrayLike<number>, options: GreyVerhulstOptions = {}): GreyVerhulstResult {
  const fn = 'greyVerhulst';
  checkOptions(fn, options, ['series']);
  const kind = checkChoice(fn, 'series', options.series, ['level', 'increments'] as const, 'level');
  const data = checkSeries(fn, series, 4);
  const n = data.length;
  let x1: number[];
  if (kind === 'level') x1 = data;
  else {
    x1 = [];
    let acc = 0;
    for (const v of data) x1.push((acc += v));
  }
  const z: number[] = [];
  const z2: number[] = [];
  const y: number[] = [];
  for (let k = 1; k < n; k++) {
    const zk = (x1[k] + x1[k - 1]) / 2;
    z.push(-zk);
    z2.push(zk * zk);
    y.push(x1[k] - x1[k - 1]);
  }
  const [a, b] = leastSquares2(fn, z, z2, y);
  const first = x1[0];
  const level = (k: number): number => (a * first) / (b * first + (a - b * first) * Math.exp(a * (k - 1))); // k = 1, 2, ...
  const value = (k: number): number => (kind === 'level' ? level(k) : k === 1 ? first : level(k) - level(k - 1));
  const fitted = data.map((_, i) => value(i + 1));
  return {
    a,
    b,
    saturation: b === 0 ? Infinity : a / b,
    series: kind,
    fitted,
    residuals: data.map((v, i) => v - fitted[i]),
    meanAbsolutePercentageError: mape(data, fitted),
    forecast: (h: number): number[] => {
      checkIndex(fn, 'h', h, 0);
      return Array.from({ length: h }, (_, i) => value(n + i + 1));
    },
  };
}

/** Options of `rollingGm11`. */
export interface RollingGm11Options {
  /** Number of latest points each GM(1,1) is fitted to, an integer >= 4. @default 5 */
  window?: number;
}

/** Result of `rollingGm11`. */
export interface RollingGm11Result {
  window: number;
  /** The next h values: each from a GM(1,1) refitted on the latest `window` values (data, then forecasts). */
  forecast(h: number): number[];
}

/**
 * Rolling (metabolic) GM(1,1) forecasting: forecast one step with a GM(1,1) fitted to the latest `window` values,
 * append the forecast and drop the oldest value, and refit for the next step, so that every step uses the newest
 * information and the model's development coefficient can change along the horizon (the "metabolism" model of grey
 * forecasting; with `window` = n and h = 1 it is exactly `gm11(series).forecast(1)`).
 *
 * - `series`: positive, finite, equally spaced, at least `window` points.
 * - `options.window`: an integer >= 4 (GM(1,1)'s minimum), at most the series' length. @default 5
 * - Result: `{ window, forecast(h) }`.
 *
 * Reference: Liu S, Lin Y (2010). Grey Systems: Theory and Applications. Springer, Sec. 6.4 (metabolic GM(1,1)).
 * doi:10.1007/978-3-642-16158-2
 *
 * @param series positive values in time order
 * @param options `window`
 * @example
 * rollingGm11([2.874, 3.278, 3.337, 3.39, 3.679], { window: 5 }).forecast(1); // => [3.750656]
 * rollingGm11([2.874, 3.278, 3.337, 3.39, 3.679], { window: 4 }).forecast(2); // => [3.828234, 4.088717]
 */
export function rollingGm11(series: ArrayLike<number>, options: RollingGm11Options = {}): RollingGm11Result {
  const fn = 'rollingGm11';
  checkOptions(fn, options, ['window']);
  const window = options.window === undefined ? 5 : checkIndex(fn, 'window', options.window, 4);
  const x = checkSeries(fn, series, 4);
  if (window > x.length) throw new RangeError(`${fn}: window (${window}) is longer than the series (${x.length} points)`);
  return {
    window,
    forecast: (h: number): number[] => {
      checkIndex(fn, 'h', h, 0);
      const latest = x.slice(x.length - window);
      const out: number[] = [];
      for (let step = 0; step < h; step++) {
        const next = gm11(latest).forecast(1)[0];
        out.push(next);
        latest.shift();
        latest.push(next);
      }
      return out;
    },
  };
}

/** Result of `holdOut`. */
export interface HoldOutResult {
  /** Number of points held out, k. */
  k: number;
  /** The last k observed values. */
  actual: number[];
  /** The model's forecasts for them, from a fit on the first n - k points. */
  predicted: number[];
  /** Mean absolute percentage error over the k points, in percent. */
  meanAbsolutePercentageError: number;
  /** Root mean square error over the k points, in the series' units. */
  rootMeanSquareError: number;
}

/**
 * Hold-out check of a forecasting model: fit it to the first n - k points, forecast k steps, and compare with the
 * last k points by MAPE (percent) and RMSE. Calling it for several models on the same series and k compares them
 * honestly (out of sample), which the in-sample grade of a grey model does not.
 *
 * `MAPE = 100 / k sum |x - xhat| / x`, `RMSE = sqrt(1 / k sum (x - xhat)^2)` over the held-out points.
 *
 * - `model`: a function of the training series returning an object with `forecast(h)` (e.g. `gm11`, `dgm11`,
 *   `greyVerhulst`, or `(x) => rollingGm11(x, { window: 4 })`). Its own checks apply to the training part.
 * - `series`: positive, finite, at least k + 4 points. `k`: an integer >= 1.
 * - Result: `{ k, actual, predicted, meanAbsolutePercentageError, rootMeanSquareError }`.
 *
 * Reference: Hyndman RJ, Koehler AB (2006). Another look at measures of forecast accuracy. International Journal of
 * Forecasting 22(4):679-688. doi:10.1016/j.ijforecast.2006.03.001
 *
 * @param model fitting function of the training points
 * @param series the whole series
 * @param k number of last points held out
 * @example
 * const x = [100, 110, 121, 133.1, 146.41, 161.051, 177.1561];
 * holdOut(dgm11, x, 2).meanAbsolutePercentageError < 1e-9; // => true
 * holdOut(gm11, x, 2).predicted; // => [160.8769, 176.9518]
 */
export function holdOut(model: (training: number[]) => { forecast(h: number): number[] }, series: ArrayLike<number>, k: number): HoldOutResult {
  const fn = 'holdOut';
  if (typeof model !== 'function') throw new TypeError(`${fn}: model must be a function of the training series (e.g. gm11)`);
  checkIndex(fn, 'k', k, 1);
  const x = checkSeries(fn, series, k + 4);
  const n = x.length;
  const fit = model(x.slice(0, n - k));
  const predicted = fit.forecast(k);
  if (!Array.isArray(predicted) || predicted.length !== k || !predicted.every((v) => Number.isFinite(v))) {
    throw new RangeError(`${fn}: the model's forecast(${k}) must return ${k} finite numbers`);
  }
  const actual = x.slice(n - k);
  const absolute = actual.map((v, i) => Math.abs(v - predicted[i]) / v);
  const squares = actual.map((v, i) => (v - predicted[i]) ** 2);
  const meanAbsolutePercentageError = (100 * sum(absolute)) / k;
  const rootMeanSquareError = Math.sqrt(sum(squares) / k);
  if (!Number.isFinite(meanAbsolutePercentageError) || !Number.isFinite(rootMeanSquareError)) {
    throw new RangeError(`${fn}: the forecast errors overflow (past the largest double, about 1.8e308): the series spans more than the double range`);
  }
  return { k, actual, predicted, meanAbsolutePercentageError, rootMeanSquareError };
}
