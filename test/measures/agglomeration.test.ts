import { describe, expect, it } from 'vitest';
import { agglomeration } from '../../lib/measures/agglomeration';

describe('agglomeration: hand cases', () => {
  it('two units: HRAD = resource share / area share, PAD = population share / area share', () => {
    // Shares: resource 1/4, 3/4; population 1/2, 1/2; area 1/4, 3/4.
    const r = agglomeration({ resource: [10, 30], population: [100, 100], area: [1, 3] });
    expect(r.resourceShare).toEqual([0.25, 0.75]);
    expect(r.populationShare).toEqual([0.5, 0.5]);
    expect(r.areaShare).toEqual([0.25, 0.75]);
    expect(r.hrad).toEqual([1, 1]);
    expect(r.pad[0]).toBe(2);
    expect(r.pad[1]).toBeCloseTo(2 / 3, 15);
    expect(r.hradToPad).toEqual([0.5, 1.5]);
    expect(r.resourcePerPopulation).toEqual([0.1, 0.3]);
    expect(r.resourcePerArea).toEqual([10, 10]);
    expect(r.populationPerArea).toEqual([100, 100 / 3]);
    expect(r.totals).toEqual({
      resource: 40,
      population: 200,
      area: 4,
      resourcePerPopulation: 0.2,
      resourcePerArea: 10,
      populationPerArea: 50,
    });
    expect(r.perPopulation).toBe(1);
    expect(r.perArea).toBe(1);
    expect(r.labels).toBeUndefined();
  });

  it('equal shares give 1 everywhere', () => {
    const r = agglomeration({ resource: [5, 5, 5], population: [2, 2, 2], area: [7, 7, 7] });
    for (const column of [r.hrad, r.pad, r.hradToPad]) column.forEach((v) => expect(v).toBeCloseTo(1, 15));
  });

  it('a unit without resource has HRAD = HRAD/PAD = 0', () => {
    const r = agglomeration({ resource: [0, 4], population: [1, 1], area: [1, 1] });
    expect(r.hrad).toEqual([0, 2]);
    expect(r.hradToPad).toEqual([0, 2]);
    expect(r.pad).toEqual([1, 1]);
  });

  it('density scales: perPopulation = 1000 gives resource per 1,000 people, perArea = 100 per 100 km²', () => {
    const r = agglomeration({ resource: [30, 10], population: [10000, 20000], area: [50, 200], perPopulation: 1000, perArea: 100 });
    expect(r.resourcePerPopulation).toEqual([3, 0.5]);
    expect(r.resourcePerArea).toEqual([60, 5]);
    expect(r.totals.resourcePerPopulation).toBeCloseTo((40 / 30000) * 1000, 14);
    expect(r.totals.resourcePerArea).toBeCloseTo((40 / 250) * 100, 14);
    // The agglomeration degrees do not depend on the scales.
    const plain = agglomeration({ resource: [30, 10], population: [10000, 20000], area: [50, 200] });
    expect(r.hrad).toEqual(plain.hrad);
    expect(r.hradToPad).toEqual(plain.hradToPad);
  });

  it('labels are echoed', () => {
    const r = agglomeration({ resource: [1, 2], population: [1, 1], area: [1, 1], labels: ['Beijing', 'Tianjin'] });
    expect(r.labels).toEqual(['Beijing', 'Tianjin']);
  });
});

describe('agglomeration: invariants', () => {
  const resource = Object.freeze([120, 45, 300, 8, 61]);
  const population = Object.freeze([2154, 1562, 11521, 351, 4081]);
  const area = Object.freeze([16411, 11917, 179700, 1228400, 211800]);
  const r = agglomeration({ resource, population, area });

  it('HRAD / PAD = hradToPad = (R_i / P_i) / (sum R / sum P)', () => {
    r.hrad.forEach((h, i) => {
      expect(h / r.pad[i]).toBeCloseTo(r.hradToPad[i], 13);
      expect(r.hradToPad[i]).toBeCloseTo(r.resourcePerPopulation[i] / r.totals.resourcePerPopulation, 13);
      expect(h).toBeCloseTo(r.resourcePerArea[i] / r.totals.resourcePerArea, 13);
      expect(r.pad[i]).toBeCloseTo(r.populationPerArea[i] / r.totals.populationPerArea, 13);
    });
  });

  it('shares sum to 1; area-weighted HRAD and PAD average 1; population-weighted HRAD/PAD averages 1', () => {
    for (const shares of [r.resourceShare, r.populationShare, r.areaShare]) {
      expect(shares.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14);
    }
    expect(r.hrad.reduce((s, v, i) => s + v * r.areaShare[i], 0)).toBeCloseTo(1, 14);
    expect(r.pad.reduce((s, v, i) => s + v * r.areaShare[i], 0)).toBeCloseTo(1, 14);
    expect(r.hradToPad.reduce((s, v, i) => s + v * r.populationShare[i], 0)).toBeCloseTo(1, 14);
  });

  it('scale invariant in each input; permuting units permutes the results; typed arrays work; inputs untouched', () => {
    const scaled = agglomeration({ resource: resource.map((v) => v * 7), population: population.map((v) => v / 3), area: area.map((v) => v * 100) });
    scaled.hrad.forEach((v, i) => expect(v).toBeCloseTo(r.hrad[i], 12));
    scaled.pad.forEach((v, i) => expect(v).toBeCloseTo(r.pad[i], 12));
    scaled.hradToPad.forEach((v, i) => expect(v).toBeCloseTo(r.hradToPad[i], 12));
    const order = [3, 0, 4, 2, 1];
    const permuted = agglomeration({
      resource: order.map((i) => resource[i]),
      population: order.map((i) => population[i]),
      area: order.map((i) => area[i]),
    });
    order.forEach((i, j) => expect(permuted.hrad[j]).toBeCloseTo(r.hrad[i], 14));
    const typed = agglomeration({ resource: new Float64Array(resource), population: new Int32Array(population), area: new Float64Array(area) });
    expect(typed.hrad).toEqual(r.hrad);
  });
});

describe('Fu et al. 2023 (doi:10.3390/healthcare11030398): HRAD/PAD of 2012 from the densities of Table 2', () => {
  // [province, GPs per 10,000 people in 2012 (Table 2), HRAD/PAD 2012 as printed (the HRAD/PAD table)];
  // population: year-end 2012, 10,000 persons, China Statistical Yearbook 2020 table 2-5 as first published
  // (../shared/data/raw/gcam_china_China_Statistics_Yearbook_population_CSY2020.csv), the vintage Fu et al. used.
  const rows: [string, number, number, number][] = [
    ['Beijing', 3.93, 4.828, 2069], ['Tianjin', 0.77, 0.951, 1413], ['Hebei', 0.48, 0.588, 7288],
    ['Shanxi', 0.71, 0.868, 3611], ['Inner Mongolia', 0.67, 0.828, 2490], ['Liaoning', 0.75, 0.924, 4389],
    ['Jilin', 0.45, 0.55, 2750], ['Heilongjiang', 0.54, 0.666, 3834], ['Shanghai', 2.24, 2.746, 2380],
    ['Jiangsu', 1.9, 2.336, 7920], ['Zhejiang', 2.24, 2.746, 5477], ['Anhui', 0.53, 0.654, 5988],
    ['Fujian', 0.69, 0.85, 3748], ['Jiangxi', 0.46, 0.567, 4504], ['Shandong', 0.7, 0.859, 9685],
    ['Henan', 0.5, 0.616, 9406], ['Hubei', 0.65, 0.797, 5779], ['Hunan', 0.39, 0.477, 6639],
    ['Guangdong', 0.75, 0.92, 10594], ['Guangxi', 0.66, 0.809, 4682], ['Hainan', 0.47, 0.583, 887],
    ['Chongqing', 0.55, 0.68, 2945], ['Sichuan', 0.58, 0.709, 8076], ['Guizhou', 0.3, 0.364, 3484],
    ['Yunnan', 0.69, 0.846, 4659], ['Tibet', 0.11, 0.136, 308], ['Shaanxi', 0.49, 0.597, 3753],
    ['Gansu', 0.54, 0.661, 2578], ['Qinghai', 0.81, 0.99, 573], ['Ningxia', 0.4, 0.493, 647],
    ['Xinjiang', 0.86, 1.058, 2233],
  ];

  it('every province lies within the range allowed by the 2-decimal densities', () => {
    // GP counts are not published by province: rebuild them as density x population. HRAD/PAD does not depend on
    // area, so any positive area will do. Each density is known to +-0.005, the national density (sum R / sum P)
    // to +-0.005 as well, and the printed ratio to +-0.0005: the test allows exactly that.
    const population = rows.map((r) => r[3]);
    const resource = rows.map((r) => r[1] * r[3]);
    const result = agglomeration({ resource, population, area: rows.map(() => 1), labels: rows.map((r) => r[0]) });
    const national = result.totals.resourcePerPopulation;
    expect(national).toBeCloseTo(0.81, 2); // Table 2 "Total" 2012: 0.81
    rows.forEach(([province, density, printed], i) => {
      expect(result.hradToPad[i]).toBeCloseTo(density / national, 12);
      const low = (density - 0.005) / (national + 0.005) - 0.0005;
      const high = (density + 0.005) / (national - 0.005) + 0.0005;
      expect(printed, province).toBeGreaterThanOrEqual(low);
      expect(printed, province).toBeLessThanOrEqual(high);
    });
  });
});

describe('agglomeration: bad input', () => {
  const ok = { resource: [1, 2], population: [3, 4], area: [5, 6] };

  it('wrong kinds', () => {
    expect(() => agglomeration(undefined as unknown as typeof ok)).toThrow('agglomeration requires an object { resource, population, area }');
    expect(() => agglomeration({ ...ok, resource: 'x' as unknown as number[] })).toThrow(TypeError);
    expect(() => agglomeration({ ...ok, area: undefined as unknown as number[] })).toThrow('agglomeration: area must be an array or typed array of numbers');
    expect(() => agglomeration({ ...ok, labels: 5 as unknown as string[] })).toThrow('agglomeration: labels must be an array of strings');
    expect(() => agglomeration({ ...ok, perPopulation: '1000' as unknown as number })).toThrow(TypeError);
  });

  it('empty input and lengths that differ', () => {
    expect(() => agglomeration({ resource: [], population: [], area: [] })).toThrow('agglomeration: resource is empty');
    expect(() => agglomeration({ ...ok, population: [1] })).toThrow('agglomeration: resource and population differ in length (2 and 1)');
    expect(() => agglomeration({ ...ok, area: [1, 2, 3] })).toThrow('agglomeration: resource and area differ in length (2 and 3)');
    expect(() => agglomeration({ ...ok, labels: ['a'] })).toThrow('agglomeration: resource and labels differ in length (2 and 1)');
  });

  it('NaN, infinite, negative, zero population or area name the unit (or its label)', () => {
    expect(() => agglomeration({ ...ok, resource: [1, NaN] })).toThrow('agglomeration: resource is NaN (unit 1)');
    expect(() => agglomeration({ ...ok, resource: [-1, 2] })).toThrow('agglomeration: resource must be non-negative (unit 0 is -1)');
    expect(() => agglomeration({ ...ok, population: [3, 0] })).toThrow('agglomeration: population must be positive (unit 1 is 0)');
    expect(() => agglomeration({ ...ok, area: [Infinity, 6] })).toThrow('agglomeration: area is infinite (unit 0)');
    expect(() => agglomeration({ ...ok, area: [5, 0], labels: ['Beijing', 'Tibet'] })).toThrow(
      'agglomeration: area must be positive (unit 1: Tibet is 0)',
    );
  });

  it('no resource at all, and bad scales', () => {
    expect(() => agglomeration({ ...ok, resource: [0, 0] })).toThrow('agglomeration: resource must have a positive total');
    expect(() => agglomeration({ ...ok, perPopulation: 0 })).toThrow('agglomeration: perPopulation must be positive and finite (got 0)');
    expect(() => agglomeration({ ...ok, perArea: Infinity })).toThrow('agglomeration: perArea must be positive and finite (got Infinity)');
  });
});

describe('agglomeration: labels found loose in review (issue 3)', () => {
  const ok = { resource: [1, 2], population: [3, 4], area: [5, 6] };
  it('labels must be strings, one per unit (checked by the helper shared with the other measures)', () => {
    expect(() => agglomeration({ ...ok, labels: ['a', 'b', 'c'] })).toThrow(RangeError);
    expect(() => agglomeration({ ...ok, labels: ['a', 'b', 'c'] })).toThrow('agglomeration: resource and labels differ in length (2 and 3)');
    expect(() => agglomeration({ ...ok, labels: null as unknown as string[] })).toThrow('agglomeration: labels must be an array of strings');
    expect(() => agglomeration({ ...ok, labels: ['a', 3] as unknown as string[] })).toThrow(
      'agglomeration: labels must be an array of strings (label 1 is number)',
    );
  });
});

describe('unknown options (kernel checkOptions): the input object is the options', () => {
  it('agglomeration: a misspelt option is a TypeError naming the function and the key', () => {
    const call = (): unknown => agglomeration({ resource: [1, 2], population: [1, 1], area: [1, 1], perPopulaton: 1000 } as never);
    expect(call).toThrow(TypeError);
    expect(call).toThrow("agglomeration: unknown option 'perPopulaton': did you mean 'perPopulation'? (known: resource, population, area, labels, perPopulation, perArea)");
  });
});
