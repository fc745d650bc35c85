import { describe, expect, it } from 'vitest';
import { dgm11, gm11, greyVerhulst, holdOut, rollingGm11 } from '../../lib/index';

// GM(1,1) textbook series (the one of test/measures/gm11.test.ts, ../shared/reference/README.md).
const X0 = Object.freeze([2.874, 3.278, 3.337, 3.39, 3.679]);
// National general practitioners 2012-2019 (Fu et al. 2023 Table 1, doi:10.3390/healthcare11030398).
const GP = Object.freeze([109794, 145511, 172597, 188649, 209083, 252717, 308740, 365082]);

/**
 * A second least-squares solver, written independently of the library: modified Gram-Schmidt QR of the two columns,
 * then back substitution. Returns the coefficients of y ~ p u + q v (no constant).
 */
function qrLeastSquares(u: number[], v: number[], y: number[]): [number, number] {
  const dot = (a: number[], b: number[]) => a.reduce((s, ai, i) => s + ai * b[i], 0);
  const r11 = Math.sqrt(dot(u, u));
  const q1 = u.map((x) => x / r11);
  const r12 = dot(q1, v);
  const w = v.map((x, i) => x - r12 * q1[i]);
  const r22 = Math.sqrt(dot(w, w));
  const q2 = w.map((x) => x / r22);
  const c1 = dot(q1, y);
  const c2 = dot(q2, y);
  const q = c2 / r22;
  return [(c1 - r12 * q) / r11, q];
}

function accumulate(x: readonly number[]): number[] {
  let acc = 0;
  return x.map((v) => (acc += v));
}

describe('dgm11: DGM(1,1) (Xie & Liu 2009)', () => {
  it('reproduces a homogeneous exponential series exactly (Xie & Liu 2009, Theorem 3), where GM(1,1) does not', () => {
    const x = [3, 3.6, 4.32, 5.184, 6.2208, 7.46496]; // 3 * 1.2^(k-1)
    const m = dgm11(x);
    expect(m.beta1).toBeCloseTo(1.2, 12);
    m.fitted.forEach((v, i) => expect(v).toBeCloseTo(x[i], 11));
    expect(m.forecast(2)[1]).toBeCloseTo(3 * 1.2 ** 7, 10);
    expect(m.meanAbsolutePercentageError).toBeLessThan(1e-10);
    expect(gm11(x).meanAbsolutePercentageError).toBeGreaterThan(1e-4);
  });

  it('beta1 and beta2 equal a QR least-squares fit of x1(k+1) on x1(k) and 1, on the textbook and GP series', () => {
    for (const x of [X0, GP]) {
      const x1 = accumulate(x);
      const [p, q] = qrLeastSquares(x1.slice(0, -1), x1.slice(0, -1).map(() => 1), x1.slice(1));
      const m = dgm11(x);
      expect(m.beta1).toBeCloseTo(p, 10);
      expect(Math.abs(m.beta2 - q)).toBeLessThan(1e-9 * Math.abs(q));
      // the recursion x1hat(k+1) = beta1 x1hat(k) + beta2, x1hat(1) = x0(1), differenced
      let prev = x[0];
      const fitted = [x[0]];
      for (let k = 1; k < x.length + 2; k++) {
        const next = p * prev + q;
        fitted.push(next - prev);
        prev = next;
      }
      m.fitted.forEach((v, i) => expect(Math.abs(v - fitted[i])).toBeLessThan(1e-9 * fitted[i]));
      m.forecast(2).forEach((v, i) => expect(Math.abs(v - fitted[x.length + i])).toBeLessThan(1e-9 * v));
    }
  });

  it('is close to GM(1,1) on a smooth series (beta1 = e^(-a) nearly)', () => {
    expect(dgm11(X0).beta1).toBeCloseTo(Math.exp(-gm11(X0).a), 3);
  });

  it('bad input', () => {
    expect(() => dgm11([1, 2, 3])).toThrow(/dgm11 requires at least 4 points/);
    expect(() => dgm11([1, 2, 0, 4])).toThrow(/dgm11: series must be positive \(point 2 is 0\)/);
    expect(() => dgm11('1234' as never)).toThrow(TypeError);
    expect(() => dgm11(X0).forecast(-1)).toThrow(/h must be an integer >= 0/);
  });
});

describe('greyVerhulst', () => {
  const S = Object.freeze([10, 18, 30, 45, 60, 72, 80, 85]);

  it('a and b equal a QR least-squares fit of x0(k) on -z(k) and z(k)^2; fitted values are the time response', () => {
    const z = S.slice(1).map((v, i) => (v + S[i]) / 2);
    const [a, b] = qrLeastSquares(z.map((v) => -v), z.map((v) => v * v), S.slice(1).map((v, i) => v - S[i]));
    const m = greyVerhulst(S);
    expect(m.a).toBeCloseTo(a, 12);
    expect(m.b).toBeCloseTo(b, 14);
    expect(m.saturation).toBeCloseTo(a / b, 9);
    // x1hat(k) = a x1(1) / (b x1(1) + (a - b x1(1)) e^(a (k - 1)))
    const response = (k: number) => (a * 10) / (b * 10 + (a - b * 10) * Math.exp(a * (k - 1)));
    m.fitted.forEach((v, i) => expect(v).toBeCloseTo(response(i + 1), 9));
    expect(m.forecast(3)).toEqual([9, 10, 11].map((k) => expect.closeTo(response(k), 9)));
    expect(m.fitted[0]).toBeCloseTo(10, 12);
  });

  it('on a logistic curve it finds a saturation level near the true one (100)', () => {
    const logistic = Array.from({ length: 10 }, (_, k) => 100 / (1 + 9 * Math.exp(-0.6 * k)));
    const m = greyVerhulst(logistic);
    expect(Math.abs(m.saturation - 100)).toBeLessThan(3);
    expect(m.meanAbsolutePercentageError).toBeLessThan(3);
  });

  it("series: 'increments' fits the accumulation and differences back: the same as 'level' on the accumulated series", () => {
    const increments = S.slice(1).map((v, i) => v - S[i]);
    const inc = [S[0], ...increments];
    const a = greyVerhulst(inc, { series: 'increments' });
    const b = greyVerhulst(accumulate(inc));
    expect(a.a).toBeCloseTo(b.a, 12);
    expect(a.b).toBeCloseTo(b.b, 14);
    a.fitted.slice(1).forEach((v, i) => expect(v).toBeCloseTo(b.fitted[i + 1] - b.fitted[i], 9));
    expect(() => greyVerhulst(S, { series: 'cumulative' as never })).toThrow(/series must be 'level' or 'increments'/);
    expect(() => greyVerhulst(S, { serie: 'level' } as never)).toThrow(/unknown option 'serie'/);
  });
});

describe('rollingGm11 and holdOut', () => {
  it('with window = n and one step it is gm11(series).forecast(1); each step refits on the latest window', () => {
    expect(rollingGm11(GP, { window: 8 }).forecast(1)[0]).toBeCloseTo(gm11(GP).forecast(1)[0], 6);
    // by hand: step 1 fits the last 4 values, step 2 the last 3 and the first forecast
    const first = gm11(GP.slice(4)).forecast(1)[0];
    const second = gm11([...GP.slice(5), first]).forecast(1)[0];
    const rolled = rollingGm11(GP, { window: 4 }).forecast(2);
    expect(rolled[0]).toBe(first);
    expect(rolled[1]).toBe(second);
    expect(() => rollingGm11(GP, { window: 3 })).toThrow(/window must be an integer >= 4/);
    expect(() => rollingGm11(GP.slice(0, 5), { window: 6 })).toThrow(/window \(6\) is longer than the series/);
  });

  it('holdOut: MAPE and RMSE of the forecasts of the last k points, by hand', () => {
    const k = 3;
    const r = holdOut(gm11, GP, k);
    const predicted = gm11(GP.slice(0, 5)).forecast(3);
    expect(r.predicted).toEqual(predicted);
    expect(r.actual).toEqual(GP.slice(5));
    const mapeByHand = (100 / 3) * predicted.reduce((s, p, i) => s + Math.abs(GP[5 + i] - p) / GP[5 + i], 0);
    const rmseByHand = Math.sqrt(predicted.reduce((s, p, i) => s + (GP[5 + i] - p) ** 2, 0) / 3);
    expect(r.meanAbsolutePercentageError).toBeCloseTo(mapeByHand, 10);
    expect(r.rootMeanSquareError).toBeCloseTo(rmseByHand, 6);
    // models compared on the same hold-out
    const dgm = holdOut(dgm11, GP, k);
    const rolling = holdOut((x) => rollingGm11(x, { window: 4 }), GP, k);
    for (const m of [dgm, rolling]) expect(m.meanAbsolutePercentageError).toBeGreaterThan(0);
    expect(() => holdOut(gm11, GP, 5)).toThrow(/holdOut requires at least 9 points/);
    expect(() => holdOut(gm11, GP, 0)).toThrow(/k must be an integer >= 1/);
    expect(() => holdOut('gm11' as never, GP, 1)).toThrow(TypeError);
  });
});
