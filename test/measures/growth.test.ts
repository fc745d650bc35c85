import { describe, expect, it } from 'vitest';
import { averageAnnualGrowthRate, growthBetween, growthByPeriod } from '../../lib/measures/growth';

/**
 * Range of the AAGR when both end values are only known to the printed precision (+-half a unit of the last
 * decimal): the smallest rate comes from the largest first and smallest last value, and vice versa.
 */
function rateInterval(first: number, last: number, years: number, halfUnit: number): [number, number] {
  return [
    averageAnnualGrowthRate(first + halfUnit, last - halfUnit, years),
    averageAnnualGrowthRate(first - halfUnit, last + halfUnit, years),
  ];
}

describe('Fu et al. 2023, Table 2 (GPs per 10,000 people, 2012 and 2019, AAGR %), doi:10.3390/healthcare11030398', () => {
  // [area, density 2012, density 2019, AAGR % as printed]. "Shanxi" appears twice in the paper; the second
  // (western) row is Shaanxi (../shared/seeds/README.md).
  const rows: [string, number, number, number][] = [
    ['Total', 0.81, 2.61, 18.19], ['Eastern region', 1.19, 3.28, 15.59], ['Middle region', 0.52, 2.17, 22.64],
    ['Western region', 0.58, 2.05, 19.77], ['Beijing', 3.93, 4.3, 1.29], ['Tianjin', 0.77, 2.92, 20.98],
    ['Hebei', 0.48, 2.42, 26.0], ['Shanxi', 0.71, 1.75, 13.75], ['Inner Mongolia', 0.67, 2.28, 19.12],
    ['Liaoning', 0.75, 2.49, 18.7], ['Jilin', 0.45, 2.8, 29.84], ['Heilongjiang', 0.54, 1.76, 18.39],
    ['Shanghai', 2.24, 4.09, 8.98], ['Jiangsu', 1.9, 5.9, 17.57], ['Zhejiang', 2.24, 4.68, 11.1],
    ['Anhui', 0.53, 2.37, 23.86], ['Fujian', 0.69, 2.3, 18.77], ['Jiangxi', 0.46, 1.44, 17.71],
    ['Shandong', 0.7, 2.09, 16.91], ['Henan', 0.5, 2.36, 24.82], ['Hubei', 0.65, 2.17, 18.79],
    ['Hunan', 0.39, 2.42, 29.79], ['Guangdong', 0.75, 2.77, 20.52], ['Guangxi', 0.66, 2.15, 18.38],
    ['Hainan', 0.47, 2.07, 23.59], ['Chongqing', 0.55, 2.6, 24.85], ['Sichuan', 0.58, 2.13, 20.42],
    ['Guizhou', 0.3, 1.78, 28.96], ['Yunnan', 0.69, 1.81, 14.77], ['Tibet', 0.11, 1.83, 49.43],
    ['Shaanxi', 0.49, 1.37, 15.82], ['Gansu', 0.54, 2.26, 22.69], ['Qinghai', 0.81, 2.49, 17.4],
    ['Ningxia', 0.4, 2.16, 27.24], ['Xinjiang', 0.86, 2.17, 14.14],
  ];

  it('Beijing 3.93 -> 4.30 over 2012-2019 gives 1.29 %', () => {
    expect(100 * averageAnnualGrowthRate(3.93, 4.3, 7)).toBeCloseTo(1.2937, 4);
  });

  it('every row: the AAGR of the densities as printed rounds to the printed AAGR', () => {
    // Fu et al. evidently computed the AAGR from the 2-decimal densities themselves: all 35 rows agree to the
    // printed 2 decimals (tolerance 0.005 percentage points, half a unit of the last printed digit, plus 1e-6 for
    // values that sit on a rounding boundary such as Guizhou's 28.965).
    for (const [area, first, last, printed] of rows) {
      const ours = 100 * averageAnnualGrowthRate(first, last, 7);
      expect(Math.abs(ours - printed), area).toBeLessThanOrEqual(0.005 + 1e-6);
    }
  });

  it('every row lies inside the range allowed by the rounding of the densities', () => {
    for (const [area, first, last, printed] of rows) {
      const [low, high] = rateInterval(first, last, 7, 0.005);
      expect(100 * low - 0.005, area).toBeLessThanOrEqual(printed);
      expect(100 * high + 0.005, area).toBeGreaterThanOrEqual(printed);
    }
  });
});

describe('Li et al. 2024, Tables 2 and 3 (HR for PHC per 1,000 people; AAGR by phase, %)', () => {
  // Table 2: per-1000 densities [health technical personnel, practicing physicians, registered nurses] in 2012,
  // 2016, 2021, printed to 2 decimals. Table 3: AAGR % for 2012-2016, 2016-2021, 2012-2021 per indicator.
  const density: Record<string, [number, number, number][]> = {
    Northern: [[1.51, 0.83, 0.33], [1.6, 0.9, 0.4], [2.36, 1.35, 0.69]],
    Northeast: [[1.39, 0.71, 0.38], [1.43, 0.72, 0.41], [2.07, 1.08, 0.7]],
    Eastern: [[1.6, 0.76, 0.43], [1.79, 0.88, 0.55], [2.46, 1.23, 0.86]],
    'South-central': [[1.52, 0.73, 0.4], [1.75, 0.84, 0.54], [2.26, 1.07, 0.83]],
    Southwest: [[1.4, 0.74, 0.33], [1.65, 0.77, 0.48], [2.44, 1.08, 0.9]],
    Northwest: [[1.62, 0.67, 0.43], [1.78, 0.72, 0.53], [2.19, 0.96, 0.71]],
    National: [[1.52, 0.75, 0.39], [1.71, 0.83, 0.5], [2.34, 1.14, 0.82]],
  };
  const table3: Record<string, number[]> = {
    Northern: [1.54, 8.06, 5.11, 1.87, 8.47, 5.49, 4.63, 11.48, 8.38],
    Northeast: [0.77, 7.61, 4.52, 0.42, 8.31, 4.73, 2.15, 11.4, 7.19],
    Eastern: [2.89, 6.6, 4.93, 3.6, 6.97, 5.46, 6.27, 9.58, 8.1],
    'South-central': [3.55, 5.24, 4.48, 3.46, 4.9, 4.25, 7.37, 8.98, 8.26],
    Southwest: [4.17, 8.09, 6.33, 0.9, 7.15, 4.33, 9.79, 13.32, 11.74],
    Northwest: [2.29, 4.21, 3.35, 1.87, 5.84, 4.06, 5.34, 6.07, 5.75],
    National: [2.99, 6.47, 4.91, 2.57, 6.55, 4.76, 6.41, 10.4, 8.61],
  };
  const periods: [number, number][] = [[2012, 2016], [2016, 2021], [2012, 2021]];
  const years = [2012, 2016, 2021];

  it('the national rows reproduce to the printed 2 decimals', () => {
    for (let indicator = 0; indicator < 3; indicator++) {
      const values = density.National.map((d) => d[indicator]);
      const phases = growthByPeriod(years, values, periods);
      phases.forEach((p, j) => expect(100 * p.averageAnnualGrowthRate).toBeCloseTo(table3.National[indicator * 3 + j], 2));
    }
  });

  it('all 63 published rates lie inside the range allowed by the 2-decimal densities', () => {
    // Li et al. computed from unrounded densities (e.g. Northern physicians 2012-2016: 0.83 -> 0.90 gives 2.04 %,
    // printed 1.87 %), so only the interval test applies: densities +-0.005 and the printed rate +-0.005 points.
    for (const [region, rows] of Object.entries(density)) {
      for (let indicator = 0; indicator < 3; indicator++) {
        const values = rows.map((d) => d[indicator]);
        growthByPeriod(years, values, periods).forEach((p, j) => {
          const printed = table3[region][indicator * 3 + j];
          const [low, high] = rateInterval(p.first, p.last, p.years, 0.005);
          const label = `${region}, indicator ${indicator}, ${p.fromYear}-${p.toYear}`;
          expect(100 * low - 0.005, label).toBeLessThanOrEqual(printed);
          expect(100 * high + 0.005, label).toBeGreaterThanOrEqual(printed);
        });
      }
    }
  });
});

describe('hand cases and invariants', () => {
  it('doubling in 1 year is 100 %; 100 -> 121 in 2 years is 10 %; no change is 0; last = 0 is -1', () => {
    expect(averageAnnualGrowthRate(5, 10, 1)).toBe(1);
    expect(averageAnnualGrowthRate(100, 121, 2)).toBeCloseTo(0.1, 15);
    expect(averageAnnualGrowthRate(3, 3, 9)).toBe(0);
    expect(averageAnnualGrowthRate(3, 0, 4)).toBe(-1);
    expect(averageAnnualGrowthRate(4, 1, 2)).toBeCloseTo(-0.5, 15);
  });

  it('compounding the rate over the years gives back the last value; scale invariant', () => {
    const r = averageAnnualGrowthRate(1.52, 2.34, 9);
    expect(1.52 * (1 + r) ** 9).toBeCloseTo(2.34, 13);
    expect(averageAnnualGrowthRate(1520, 2340, 9)).toBeCloseTo(r, 14);
    expect(averageAnnualGrowthRate(1.52, 2.34, 4.5)).toBeCloseTo((1 + r) ** 2 - 1, 14); // fractional years
  });

  it('small rates keep their digits (expm1 form)', () => {
    // (1000001 / 1000000)^1 - 1 computed naively is off by 8e-17 (relative 8e-11); the expm1/log1p form is exact to 1e-21.
    expect(averageAnnualGrowthRate(1e6, 1e6 + 1, 1)).toBeCloseTo(1e-6, 20);
    expect(averageAnnualGrowthRate(1e6, 1e6 + 1, 2)).toBeCloseTo(1e-6 / (Math.sqrt(1 + 1e-6) + 1), 20); // sqrt(1 + x) - 1 without cancellation
  });

  it('growthBetween: both call forms, any order of years, the years in between do not matter', () => {
    const years = Object.freeze([2016, 2012, 2014, 2021]);
    const values = Object.freeze([1.71, 1.52, 99, 2.34]);
    const a = growthBetween(years, values, 2012, 2021);
    const b = growthBetween(
      years.map((year, i) => ({ year, value: values[i] })),
      2012,
      2021,
    );
    expect(a).toEqual(b);
    expect(a).toEqual({
      fromYear: 2012,
      toYear: 2021,
      years: 9,
      first: 1.52,
      last: 2.34,
      change: 2.34 - 1.52,
      ratio: 2.34 / 1.52,
      averageAnnualGrowthRate: averageAnnualGrowthRate(1.52, 2.34, 9),
    });
    expect(growthBetween(new Float64Array([2012, 2013]), new Float64Array([1, 2]), 2012, 2013).averageAnnualGrowthRate).toBe(1);
  });

  it('growthByPeriod: the phases compose: (1 + r1)^4 (1 + r2)^5 = (1 + r)^9', () => {
    const [first, second, whole] = growthByPeriod([2012, 2016, 2021], [1.52, 1.71, 2.34], [[2012, 2016], [2016, 2021], [2012, 2021]]);
    expect((1 + first.averageAnnualGrowthRate) ** 4 * (1 + second.averageAnnualGrowthRate) ** 5).toBeCloseTo(
      (1 + whole.averageAnnualGrowthRate) ** 9,
      13,
    );
    const records = growthByPeriod([{ year: 2012, value: 1.52 }, { year: 2021, value: 2.34 }], [[2012, 2021]]);
    expect(records[0]).toEqual(whole);
    expect(growthByPeriod([2012, 2021], [1, 2], [])).toEqual([]);
  });
});

describe('bad input', () => {
  it('averageAnnualGrowthRate', () => {
    expect(() => averageAnnualGrowthRate(0, 1, 1)).toThrow('averageAnnualGrowthRate: first must be positive (got 0)');
    expect(() => averageAnnualGrowthRate(-1, 1, 1)).toThrow(RangeError);
    expect(() => averageAnnualGrowthRate(1, -1, 1)).toThrow('averageAnnualGrowthRate: last must be non-negative (got -1)');
    expect(() => averageAnnualGrowthRate(1, 2, 0)).toThrow('averageAnnualGrowthRate: years must be positive (got 0)');
    expect(() => averageAnnualGrowthRate(1, NaN, 1)).toThrow('averageAnnualGrowthRate: last must be finite (got NaN)');
    expect(() => averageAnnualGrowthRate(1, 2, Infinity)).toThrow('averageAnnualGrowthRate: years must be finite (got Infinity)');
    expect(() => averageAnnualGrowthRate('1' as unknown as number, 2, 1)).toThrow(TypeError);
  });

  it('growthBetween', () => {
    const years = [2012, 2016, 2021];
    expect(() => growthBetween(years, [1, 2], 2012, 2016)).toThrow('growthBetween: years and values differ in length (3 and 2)');
    expect(() => growthBetween(years, [1, 2, 3], 2012, 2019)).toThrow('growthBetween: the series has no value for 2019');
    expect(() => growthBetween(years, [1, 2, 3], 2010, 2016)).toThrow('growthBetween: the series has no value for 2010');
    expect(() => growthBetween(years, [1, 2, 3], 2016, 2012)).toThrow('growthBetween: toYear must come after fromYear (2016 to 2012)');
    expect(() => growthBetween(years, [1, 2, 3], 2016, 2016)).toThrow(/toYear must come after fromYear/);
    expect(() => growthBetween([2012, 2012, 2021], [1, 2, 3], 2012, 2021)).toThrow('growthBetween: year 2012 appears twice');
    expect(() => growthBetween(years, [0, 2, 3], 2012, 2021)).toThrow('growthBetween: the value of 2012 must be positive (got 0)');
    expect(() => growthBetween(years, [1, 2, -3], 2012, 2021)).toThrow('growthBetween: the value of 2021 must be non-negative (got -3)');
    expect(() => growthBetween(years, [1, NaN, 3], 2012, 2021)).toThrow('growthBetween: value of 2016 must be finite (got NaN)');
    expect(() => growthBetween([2012, NaN], [1, 2], 2012, 2021)).toThrow('growthBetween: year 1 must be a finite number (got NaN)');
    expect(() => growthBetween('2012' as unknown as { year: number; value: number }[], 2012, 2021)).toThrow(TypeError);
    expect(() => growthBetween([3] as unknown as { year: number; value: number }[], 2012, 2021)).toThrow(
      'growthBetween: record 0 must be an object { year, value }',
    );
    expect(() => growthBetween(years, [1, '2', 3] as unknown as number[], 2012, 2021)).toThrow(TypeError);
  });

  it('growthByPeriod', () => {
    expect(() => growthByPeriod([2012, 2021], [1, 2], 'all' as unknown as [number, number][])).toThrow(
      'growthByPeriod: periods must be an array of [fromYear, toYear] pairs',
    );
    expect(() => growthByPeriod([2012, 2021], [1, 2], [[2012]] as unknown as [number, number][])).toThrow(
      'growthByPeriod: period 0 must be a [fromYear, toYear] pair',
    );
    expect(() => growthByPeriod([2012, 2021], [1, 2], [[2012, 2020]])).toThrow('growthByPeriod: the series has no value for 2020');
  });
});
