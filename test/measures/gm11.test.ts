import { describe, expect, it } from 'vitest';
import { gm11, gm11FromParameters, levelRatioTest } from '../../lib/measures/gm11';

// GM(1,1) textbook series, ../shared/reference/README.md (least squares, background value z(k) = (x1(k) + x1(k-1)) / 2).
const X0 = Object.freeze([2.874, 3.278, 3.337, 3.39, 3.679]);

// National general practitioners 2012-2019, China Health Statistics Yearbook as quoted by Fu et al. 2023 Table 1
// (doi:10.3390/healthcare11030398) and ../shared/data/raw/SOURCES.md.
const GP_YEARS = Object.freeze([2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019]);
const GP = Object.freeze([109794, 145511, 172597, 188649, 209083, 252717, 308740, 365082]);

/** Reference values are printed to 7 significant digits (a, b) and 6 decimals (fitted): allow half a unit of the last digit. */
const close = (actual: number, expected: number, decimals: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(0.5 * 10 ** -decimals);

describe('gm11: reference values (../shared/reference/README.md, GM(1,1) textbook series)', () => {
  const model = gm11(X0);

  it('development coefficient a = -0.0372044 and grey input b = 3.0653633', () => {
    close(model.developmentCoefficient, -0.0372044, 7);
    close(model.greyInput, 3.0653633, 7);
    expect(model.a).toBe(model.developmentCoefficient);
    expect(model.b).toBe(model.greyInput);
  });

  it('fitted values and the next two forecasts', () => {
    [2.874, 3.232039, 3.35455, 3.481704, 3.613679].forEach((v, i) => close(model.fitted[i], v, 6));
    const next = model.forecast(2);
    close(next[0], 3.750656, 6);
    close(next[1], 3.892825, 6);
  });

  it('C = 0.21247 with population SDs and the k = 1 residual; 0.23755 without it; P = 1', () => {
    close(model.posteriorVarianceRatio, 0.21247, 5);
    expect(model.C).toBe(model.posteriorVarianceRatio);
    expect(model.smallErrorProbability).toBe(1);
    expect(model.P).toBe(1);
    close(gm11(X0, { includeFirstResidual: false }).posteriorVarianceRatio, 0.23755, 5);
    expect(model.grade).toBe('Superior');
  });

  it('MAPE over k >= 2 = 1.602 %', () => {
    close(model.meanAbsolutePercentageError, 1.602, 3);
  });

  it('records the conventions used (defaults: population SD, k = 1 residual counted)', () => {
    expect(model.standardDeviation).toBe('population');
    expect(model.includeFirstResidual).toBe(true);
  });
});

describe('gm11: second implementation of the least squares and the accuracy statistics', () => {
  it('a, b equal (B^T B)^-1 B^T Y with B = [-z, 1]', () => {
    const x1 = X0.map((_, i) => X0.slice(0, i + 1).reduce((s, v) => s + v, 0));
    const z = x1.slice(1).map((v, i) => (v + x1[i]) / 2);
    const y = X0.slice(1);
    // Normal equations for (a, b): [sum z^2, -sum z; -sum z, m] (a, b) = (-sum z y, sum y)
    const m = z.length;
    const szz = z.reduce((s, v) => s + v * v, 0);
    const sz = z.reduce((s, v) => s + v, 0);
    const szy = z.reduce((s, v, i) => s + v * y[i], 0);
    const sy = y.reduce((s, v) => s + v, 0);
    const det = szz * m - sz * sz;
    const a = (m * -szy + sz * sy) / det;
    const b = (szz * sy - sz * szy) / det;
    const model = gm11(X0);
    expect(model.a).toBeCloseTo(a, 12);
    expect(model.b).toBeCloseTo(b, 12);
  });

  it('sample SDs: C is unchanged when all n residuals count (the divisors cancel), and differs without k = 1', () => {
    const population = gm11(X0);
    const sample = gm11(X0, { standardDeviation: 'sample' });
    expect(sample.C).toBeCloseTo(population.C, 14);
    // By hand: S1 with n - 1, S2 over k = 2..n with (n - 1) - 1.
    const withoutFirst = gm11(X0, { standardDeviation: 'sample', includeFirstResidual: false });
    const sd = (v: readonly number[]) => {
      const mean = v.reduce((s, x) => s + x, 0) / v.length;
      return Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / (v.length - 1));
    };
    const residuals = population.residuals.slice(1);
    expect(withoutFirst.C).toBeCloseTo(sd(residuals) / sd(X0), 14);
    expect(withoutFirst.standardDeviation).toBe('sample');
  });
});

describe('gm11: hand cases', () => {
  it('[1, 2, 2, 2] gives a = 0, b = 2 and an exact fit (the a -> 0 limit of the time response)', () => {
    const model = gm11([1, 2, 2, 2]);
    expect(model.a).toBe(0);
    expect(model.b).toBeCloseTo(2, 14);
    model.fitted.forEach((v, i) => expect(v).toBeCloseTo([1, 2, 2, 2][i], 14));
    expect(model.forecast(2)).toEqual([expect.closeTo(2, 14), expect.closeTo(2, 14)]);
    expect(model.timeResponse(4)).toBeCloseTo(7, 14);
    expect(model.C).toBeCloseTo(0, 14);
    expect(model.P).toBe(1);
    // ... and its level ratio 1/2 is outside (e^(-2/5), e^(2/5)): reported, not thrown.
    expect(model.levelRatioTest.passed).toBe(false);
    expect(model.levelRatioTest.failing).toEqual([{ index: 1, ratio: 0.5 }]);
    expect(model.levelRatioTest.lower).toBeCloseTo(Math.exp(-0.4), 15);
    expect(model.levelRatioTest.upper).toBeCloseTo(Math.exp(0.4), 15);
  });

  it('grade is the worse of the C grade and the P grade', () => {
    // Model constant 10 against [10, 10, 10, 10, 10, 30]: residuals 0 x5 and 20; S1 = S2 so C = 1 (Disqualified);
    // mean residual 20/6, |e - mean| = 3.33 (5 times) < 0.6745 S1 = 5.03, and 16.67 once: P = 5/6 (Qualified).
    const fit = gm11FromParameters(0, 10, 10).evaluate([10, 10, 10, 10, 10, 30]);
    expect(fit.C).toBeCloseTo(1, 12);
    expect(fit.P).toBeCloseTo(5 / 6, 15);
    expect(fit.gradeByC).toBe('Disqualified');
    expect(fit.gradeByP).toBe('Qualified');
    expect(fit.grade).toBe('Disqualified');
    // Residuals 0 and +-4 alternating: C = 1, and no residual lies within 0.6745 S1 of the mean: P = 0.
    const bad = gm11FromParameters(0, 1, 1).evaluate([1, 5, 1, 5, 1, 5]);
    expect(bad.C).toBeCloseTo(1, 12);
    expect(bad.P).toBe(0);
    expect(bad.grade).toBe('Disqualified');
  });
});

describe('gm11: invariants', () => {
  const model = gm11(X0);

  it('the first fitted value is x0(1), its residual 0; residual = actual - fitted; relative error = |residual| / actual', () => {
    expect(model.fitted[0]).toBe(X0[0]);
    expect(model.residuals[0]).toBe(0);
    model.residuals.forEach((e, i) => expect(e).toBeCloseTo(X0[i] - model.fitted[i], 15));
    model.relativeErrors.forEach((r, i) => expect(r).toBeCloseTo(Math.abs(model.residuals[i]) / X0[i], 15));
    const mape = (100 * model.relativeErrors.slice(1).reduce((s, v) => s + v, 0)) / 4;
    expect(model.meanAbsolutePercentageError).toBeCloseTo(mape, 12);
  });

  it('timeResponse(k) is the running sum of predict(1..k); forecast(h) continues values()', () => {
    const values = model.values(8);
    for (let k = 1; k <= 8; k++) {
      expect(model.timeResponse(k)).toBeCloseTo(values.slice(0, k).reduce((s, v) => s + v, 0), 12);
      expect(model.predict(k)).toBe(values[k - 1]);
    }
    expect(model.forecast(3)).toEqual(values.slice(5, 8));
    expect(model.forecast(0)).toEqual([]);
    expect(model.growthFactor).toBeCloseTo(values[6] / values[5], 12);
  });

  it('x1hat(k+1) = (x0(1) - b/a) e^(-a k) + b/a (the textbook form)', () => {
    const { a, b } = model;
    for (let k = 0; k < 7; k++) {
      expect(model.timeResponse(k + 1)).toBeCloseTo((X0[0] - b / a) * Math.exp(-a * k) + b / a, 11);
    }
  });

  it('scaling the series by c scales b and the fit by c and leaves a, C, P, MAPE unchanged', () => {
    const c = 1234.5;
    const scaled = gm11(X0.map((v) => v * c));
    expect(scaled.a).toBeCloseTo(model.a, 13);
    expect(scaled.b / c).toBeCloseTo(model.b, 12);
    scaled.fitted.forEach((v, i) => expect(v / c).toBeCloseTo(model.fitted[i], 12));
    expect(scaled.C).toBeCloseTo(model.C, 12);
    expect(scaled.P).toBe(model.P);
    expect(scaled.meanAbsolutePercentageError).toBeCloseTo(model.meanAbsolutePercentageError, 11);
  });

  it('typed arrays and frozen arrays give the same model, and are not mutated', () => {
    const typed = new Float64Array(X0);
    const fromTyped = gm11(typed);
    expect(fromTyped.a).toBe(model.a);
    expect(fromTyped.fitted).toEqual(model.fitted);
    expect(Array.from(typed)).toEqual([...X0]);
  });

  it('gm11FromParameters(a, b, x0(1)) reproduces gm11 own fit, forecasts and accuracy', () => {
    const rebuilt = gm11FromParameters(model.a, model.b, X0[0]);
    expect(rebuilt.values(5)).toEqual(model.fitted);
    expect(rebuilt.values(7).slice(5)).toEqual(model.forecast(2));
    const fit = rebuilt.evaluate(X0);
    expect(fit.residuals).toEqual(model.residuals);
    expect(fit.C).toBe(model.C);
    expect(fit.P).toBe(model.P);
    expect(fit.meanAbsolutePercentageError).toBe(model.meanAbsolutePercentageError);
    expect(fit.grade).toBe(model.grade);
    expect(rebuilt.evaluate(X0, { includeFirstResidual: false }).C).toBe(gm11(X0, { includeFirstResidual: false }).C);
  });

  it('times: forecastTimes continue the equally spaced times', () => {
    const withTimes = gm11(GP, { times: GP_YEARS });
    expect(withTimes.times).toEqual([...GP_YEARS]);
    expect(withTimes.forecastTimes(3)).toEqual([2020, 2021, 2022]);
    expect(gm11(X0).forecastTimes(2)).toEqual([6, 7]);
    expect(gm11(GP, { times: [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.25] }).forecastTimes(1)).toEqual([2.5]);
  });
});

describe('level-ratio test', () => {
  it('passes for the textbook series', () => {
    const test = levelRatioTest(X0);
    expect(test.passed).toBe(true);
    expect(test.failing).toEqual([]);
    expect(test.ratios).toHaveLength(4);
    expect(test.ratios[0]).toBeCloseTo(2.874 / 3.278, 15);
  });

  it('reports the national GP series 2012-2019: lambda(2013) = 109794/145511 = 0.7545 < e^(-2/9) = 0.8007', () => {
    const model = gm11(GP, { times: GP_YEARS });
    expect(model.levelRatioTest.passed).toBe(false);
    expect(model.levelRatioTest.failing).toEqual([{ index: 1, ratio: 109794 / 145511 }]);
    expect(GP_YEARS[model.levelRatioTest.failing[0].index]).toBe(2013);
    expect(model.levelRatioTest.lower).toBeCloseTo(Math.exp(-2 / 9), 15);
    // From 2014 on the series passes.
    expect(levelRatioTest(GP.slice(1)).passed).toBe(true);
  });

  it('flags ratios above the upper bound too (a falling series)', () => {
    expect(levelRatioTest([10, 5, 4.5, 4]).failing.map((f) => f.index)).toEqual([1]);
  });
});

describe('gm11FromParameters against Li et al. 2024, Tables 2 and 5', () => {
  // Table 5 prints a to 3 decimals and u (= b) to whole persons; Table 2 gives the 2012 totals (x0(1)) and the
  // 2016 and 2021 totals. A rebuilt model is off by its own fit residuals (not printed) plus the rounding of a
  // (+-0.0005 over 9 steps: +-0.45%). For a series growing ~5% a year the SD of the data is ~15% of its level, so
  // C ~ 0.13 means residuals of ~2% of the level; we allow 4% (about two residual SDs).
  const rebuild = (a: number, u: number, total2012: number) => gm11FromParameters(a, u, total2012);
  const within = (model: number, actual: number, tolerance: number) => Math.abs(model / actual - 1) <= tolerance;

  it('the row printed as "Practicing physicians, South-central" (a = -0.057, u = 531983) is health technical personnel', () => {
    // Table 2, South-central, health technical personnel: 2012 578866, 2016 683057, 2021 928674;
    // practicing physicians: 2012 278967, 2016 328067.
    const asPersonnel = rebuild(-0.057, 531983, 578866);
    expect(within(asPersonnel.predict(5), 683057, 0.04)).toBe(true);
    expect(within(asPersonnel.predict(10), 928674, 0.04)).toBe(true);
    const asPhysicians = rebuild(-0.057, 531983, 278967);
    expect(within(asPhysicians.predict(5), 328067, 0.5)).toBe(false); // off by more than half: the label is wrong
  });

  it('the first national row (a = -0.060, u = 1846650) fits national health technical personnel', () => {
    const model = rebuild(-0.06, 1846650, 2051751);
    expect(within(model.predict(5), 2354430, 0.04)).toBe(true);
    expect(within(model.predict(10), 3301599, 0.04)).toBe(true);
  });

  it('the second national row (a = -0.060, u = 897472) fits national practicing physicians', () => {
    const model = rebuild(-0.06, 897472, 1009567);
    expect(within(model.predict(5), 1145408, 0.04)).toBe(true);
    expect(within(model.predict(10), 1614973, 0.04)).toBe(true);
  });

  it('the last national row (a = -0.005, u = 134593.657) cannot be registered nurses (528178 in 2012, 1149879 in 2021)', () => {
    // Reported, not adjusted: with these parameters x0hat(2) is about 137,000, a quarter of the 2012 value.
    const model = rebuild(-0.005, 134593.657, 528178);
    expect(model.predict(2) / 528178).toBeLessThan(0.3);
    expect(within(model.predict(10), 1149879, 0.5)).toBe(false);
  });
});

describe('bad input: a clear error, never a silent NaN', () => {
  it('fewer than 4 points', () => {
    expect(() => gm11([1, 2, 3])).toThrow(RangeError);
    expect(() => gm11([1, 2, 3])).toThrow('gm11 requires at least 4 points (series has 3)');
    expect(() => gm11([])).toThrow(/at least 4 points/);
    expect(() => levelRatioTest([1, 2])).toThrow('levelRatioTest requires at least 4 points (series has 2)');
  });

  it('non-positive, NaN and infinite values name the point (and its time)', () => {
    expect(() => gm11([1, 2, 0, 4])).toThrow('gm11: series must be positive (point 2 is 0)');
    expect(() => gm11([1, -2, 3, 4])).toThrow('gm11: series must be positive (point 1 is -2)');
    expect(() => gm11([1, 2, 0, 4], { times: [2012, 2013, 2014, 2015] })).toThrow('(point 2: 2014 is 0)');
    expect(() => gm11([1, NaN, 3, 4])).toThrow('gm11: series is NaN (point 1)');
    expect(() => gm11([1, 2, Infinity, 4])).toThrow('gm11: series is infinite (point 2)');
  });

  it('wrong kinds of input are TypeErrors', () => {
    expect(() => gm11('1,2,3,4' as unknown as number[])).toThrow(TypeError);
    expect(() => gm11(null as unknown as number[])).toThrow('gm11: series must be an array or typed array of numbers');
    expect(() => gm11([1, 2, '3', 4] as unknown as number[])).toThrow('gm11: series must hold numbers (point 2 is string)');
    expect(() => gm11(X0, 3 as unknown as object)).toThrow('gm11: options must be an object');
  });

  it('times must match, increase, and be equally spaced', () => {
    expect(() => gm11(X0, { times: [1, 2, 3, 4] })).toThrow('gm11: series and times differ in length (5 and 4)');
    expect(() => gm11(X0, { times: [2012, 2013, 2015, 2016, 2017] })).toThrow(
      'gm11 requires equally spaced times (point 2: 2015 is 2 after 2013; the first step is 1)',
    );
    expect(() => gm11(X0, { times: [5, 4, 3, 2, 1] })).toThrow('gm11: times must be strictly increasing');
    expect(() => gm11(X0, { times: [1, 2, NaN, 4, 5] })).toThrow('gm11: times must be finite numbers (point 2 is NaN)');
  });

  it('a constant series: C = S2 / S1 is 0/0', () => {
    expect(() => gm11([3, 3, 3, 3])).toThrow('gm11: the series is constant, so C = S2 / S1 is undefined');
  });

  it('bad options and indices', () => {
    expect(() => gm11(X0, { standardDeviation: 'unbiased' as 'sample' })).toThrow(
      "gm11: standardDeviation must be 'population' or 'sample' (got unbiased)",
    );
    expect(() => gm11(X0, { standardDeviation: 1 as unknown as 'sample' })).toThrow(TypeError);
    expect(() => gm11(X0, { includeFirstResidual: 0 as unknown as boolean })).toThrow(TypeError);
    expect(() => gm11(X0, { includeFirstResidual: 0 as unknown as boolean })).toThrow('gm11: includeFirstResidual must be true or false (got 0)');
    expect(() => gm11(X0, { includeFirstResidual: 'no' as unknown as boolean })).toThrow(
      "gm11: includeFirstResidual must be true or false (got 'no')",
    );
    const model = gm11(X0);
    expect(() => model.predict(0)).toThrow('gm11: k must be an integer >= 1 (got 0)');
    expect(() => model.predict(1.5)).toThrow(RangeError);
    expect(() => model.timeResponse(-1)).toThrow(/k must be an integer >= 1/);
    expect(() => model.forecast(-1)).toThrow('gm11: h must be an integer >= 0 (got -1)');
    expect(() => model.values(2.5)).toThrow('gm11: count must be an integer >= 0 (got 2.5)');
  });

  it('gm11FromParameters checks its parameters and evaluate() its series', () => {
    expect(() => gm11FromParameters(NaN, 1, 1)).toThrow('gm11FromParameters: developmentCoefficient must be finite (got NaN)');
    expect(() => gm11FromParameters(-0.1, Infinity, 1)).toThrow('gm11FromParameters: greyInput must be finite (got Infinity)');
    expect(() => gm11FromParameters(-0.1, 1, 0)).toThrow('gm11FromParameters: firstValue must be positive (got 0)');
    expect(() => gm11FromParameters('-0.1' as unknown as number, 1, 1)).toThrow(TypeError);
    const model = gm11FromParameters(-0.1, 1, 1);
    expect(() => model.evaluate([1, 2, 3])).toThrow('gm11FromParameters requires at least 4 points (actual has 3)');
    expect(() => model.evaluate([1, 2, -3, 4])).toThrow('gm11FromParameters: actual must be positive (point 2 is -3)');
    expect(() => model.evaluate([1, 2, 3, 4], null as unknown as {})).toThrow('gm11FromParameters: options must be an object');
    expect(() => model.evaluate([1, 2, 3, 4], { includeFirstResidual: 1 as unknown as boolean })).toThrow(
      'gm11FromParameters: includeFirstResidual must be true or false (got 1)',
    );
  });
});

describe('unknown options (kernel checkOptions)', () => {
  it('gm11: a misspelt option is a TypeError naming the function and the key', () => {
    const call = (): unknown => gm11(X0, { time: [1, 2, 3, 4, 5] } as never);
    expect(call).toThrow(TypeError);
    expect(call).toThrow("gm11: unknown option 'time': did you mean 'times'? (known: standardDeviation, includeFirstResidual, residuals, times)");
  });
  it('evaluate of gm11: a misspelt option is a TypeError naming the function and the key', () => {
    const call = (): unknown => gm11(X0).evaluate(X0, { times: [1, 2, 3, 4, 5] } as never);
    expect(call).toThrow(TypeError);
    expect(call).toThrow("gm11: unknown option 'times' (known: standardDeviation, includeFirstResidual, residuals)");
  });
  it('evaluate of gm11FromParameters: a misspelt option is a TypeError naming the function and the key', () => {
    const call = (): unknown => gm11FromParameters(-0.0372044, 3.0653633, 2.874).evaluate(X0, { standardDeviaton: 'sample' } as never);
    expect(call).toThrow(TypeError);
    expect(call).toThrow("gm11FromParameters: unknown option 'standardDeviaton': did you mean 'standardDeviation'? (known: standardDeviation, includeFirstResidual, residuals)");
  });
});

describe("gm11: option residuals ('signed' | 'absolute') for C and P", () => {
  it("'absolute' computes S2, the mean residual and P from |e(k)| (by hand on the textbook series)", () => {
    const signed = gm11(X0);
    const absolute = gm11(X0, { residuals: 'absolute' });
    expect(signed.residualConvention).toBe('signed');
    expect(absolute.residualConvention).toBe('absolute');
    // the fit does not change, only the statistics
    expect(absolute.residuals).toEqual(signed.residuals);
    const e = signed.residuals.map(Math.abs);
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const sd = (v: number[]) => Math.sqrt(mean(v.map((x) => (x - mean(v)) ** 2)));
    expect(absolute.meanResidual).toBeCloseTo(mean(e), 15);
    expect(absolute.C).toBeCloseTo(sd(e) / sd([...X0]), 14);
    expect(absolute.C).toBeLessThan(signed.C);
    const withoutFirst = gm11(X0, { residuals: 'absolute', includeFirstResidual: false });
    expect(withoutFirst.C).toBeCloseTo(sd(e.slice(1)) / sd([...X0]), 14);
    // P counts | |e| - mean |e| | < 0.6745 S1
    const bound = 0.6745 * sd([...X0]);
    expect(absolute.P).toBe(e.filter((x) => Math.abs(x - mean(e)) < bound).length / e.length);
  });

  it('is also an option of evaluate, and anything else throws', () => {
    const model = gm11(X0);
    expect(model.evaluate(X0, { residuals: 'absolute' }).C).toBe(gm11(X0, { residuals: 'absolute' }).C);
    expect(() => gm11(X0, { residuals: 'abs' as never })).toThrow(/gm11: residuals must be 'signed' or 'absolute'/);
    expect(() => gm11(X0, { residual: 'absolute' } as never)).toThrow(/unknown option 'residual'.*did you mean 'residuals'/);
  });
});
