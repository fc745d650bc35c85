/**
 * Agglomeration degrees of health resources and population (HRAD, PAD) and the densities behind them.
 */
import { checkFiniteNumber, checkOptions, checkSameLength, checkValues, sum, unitName } from './kernel';

/** Input of {@link agglomeration}: one entry per unit (province, region), in the same order. */
export interface AgglomerationInput {
  /** Health resource of each unit (e.g. general practitioners), >= 0, with a positive total. */
  resource: ArrayLike<number>;
  /** Population of each unit, > 0 (any unit: persons, 10,000 persons, ...). */
  population: ArrayLike<number>;
  /** Land area of each unit, > 0 (any unit, e.g. km²). */
  area: ArrayLike<number>;
  /** Names of the units (strings, as many as units: else it throws), for error messages and echoed in the result. */
  labels?: ArrayLike<string>;
  /**
   * Scale of the per-population density: resource per `perPopulation` population units. With population in
   * persons, 1000 gives "per 1,000 people"; with population in 10,000 persons (as in the NBS yearbooks), 1 already
   * gives "per 10,000 people".
   * @default 1
   */
  perPopulation?: number;
  /** Scale of the per-area density: resource per `perArea` area units (e.g. 100 for per 100 km²). @default 1 */
  perArea?: number;
}

/** Result of {@link agglomeration}: columns in input order (one entry per unit), plus totals. */
export interface AgglomerationResult {
  labels?: string[];
  /** R_i / sum R. */
  resourceShare: number[];
  /** P_i / sum P. */
  populationShare: number[];
  /** A_i / sum A. */
  areaShare: number[];
  /** Health resource agglomeration degree HRAD_i = resourceShare_i / areaShare_i (1 = as concentrated as the land). */
  hrad: number[];
  /** Population agglomeration degree PAD_i = populationShare_i / areaShare_i. */
  pad: number[];
  /** HRAD_i / PAD_i = resourceShare_i / populationShare_i = (R_i / P_i) / (sum R / sum P); 1 = fair by population. */
  hradToPad: number[];
  /** R_i / P_i * perPopulation (resource per `perPopulation` population units). */
  resourcePerPopulation: number[];
  /** R_i / A_i * perArea (resource per `perArea` area units). */
  resourcePerArea: number[];
  /** P_i / A_i (population per area unit, the population density). */
  populationPerArea: number[];
  totals: {
    resource: number;
    population: number;
    area: number;
    /** sum R / sum P * perPopulation. */
    resourcePerPopulation: number;
    /** sum R / sum A * perArea. */
    resourcePerArea: number;
    /** sum P / sum A. */
    populationPerArea: number;
  };
  perPopulation: number;
  perArea: number;
}

/**
 * Health resource agglomeration degree (HRAD) and population agglomeration degree (PAD).
 *
 * HRAD_i = (R_i / sum R) / (A_i / sum A) and PAD_i = (P_i / sum P) / (A_i / sum A), where R is the resource,
 * P the population and A the land area of unit i. HRAD_i / PAD_i = (R_i / P_i) / (sum R / sum P) compares the
 * unit's resource per person with the whole's.
 *
 * Reading: HRAD > 1 means the resource is more concentrated in the unit than its land; HRAD / PAD = 1 means the
 * resource matches the unit's population (fair by population), > 1 a relative surplus, < 1 a relative shortage.
 * HRAD and PAD range over (0, sum A / A_i]; both are 1 for every unit when the shares are equal.
 *
 * @param input `resource` (>= 0 with a positive total; a zero gives HRAD = HRAD/PAD = 0), `population` (> 0),
 *   `area` (> 0), all the same length; optional `labels` (named in error messages), `perPopulation` and `perArea`
 *   (density scales, @default 1 each). Shares use compensated sums. NaN, infinite, negative values, zero
 *   population or area, and mismatched lengths throw a RangeError naming the unit; so does a total or a ratio
 *   past the double range (about 1.8e308), saying which overflowed.
 * @returns columns `resourceShare`, `populationShare`, `areaShare`, `hrad`, `pad`, `hradToPad`,
 *   `resourcePerPopulation`, `resourcePerArea`, `populationPerArea`, and the `totals`.
 *
 * Reference: Yuan S.W., Wei F.Q., Liu W.W., Zhang Z., Ma J. (2015) Methodology discussion of health resource
 * allocation equity evaluation based on agglomeration degree. Chin. Hosp. Manag. 35:3-5 (we know of no DOI for it;
 * Fu et al. cite it without one); Fu Y., Wang J., Sun J., Zhang S., Huang D. (2023) Equity in the allocation of
 * general practitioner resources in mainland China from 2012 to 2019. Healthcare 11:398, Sec. 2.3,
 * doi:10.3390/healthcare11030398.
 *
 * @example
 * const result = agglomeration({ resource: [10, 30], population: [100, 100], area: [1, 3] });
 * result.hrad; // => [1, 1]
 * result.pad; // => [2, 0.6666667]
 * result.hradToPad; // => [0.5, 1.5]
 * result.resourcePerPopulation; // => [0.1, 0.3]
 * agglomeration({ resource: [10, 30], population: [100, 100], area: [1, 3], perPopulation: 1000 }).totals;
 * // => { resource: 40, population: 200, area: 4, resourcePerPopulation: 200, resourcePerArea: 10, populationPerArea: 50 }
 */
export function agglomeration(input: AgglomerationInput): AgglomerationResult {
  const fn = 'agglomeration';
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new TypeError(`${fn} requires an object { resource, population, area }`);
  }
  checkOptions(fn, input, ['resource', 'population', 'area', 'labels', 'perPopulation', 'perArea']);
  const { labels } = input; // checked (an array of strings as long as resource) by checkValues
  const resource = checkValues(fn, 'resource', input.resource, { domain: 'nonnegative', labels });
  const population = checkValues(fn, 'population', input.population, { domain: 'positive', labels });
  const area = checkValues(fn, 'area', input.area, { domain: 'positive', labels });
  checkSameLength(fn, 'resource', resource, 'population', population);
  checkSameLength(fn, 'resource', resource, 'area', area);
  const perPopulation = input.perPopulation === undefined ? 1 : checkFiniteNumber(fn, 'perPopulation', input.perPopulation, 'positive');
  const perArea = input.perArea === undefined ? 1 : checkFiniteNumber(fn, 'perArea', input.perArea, 'positive');

  const totalResource = sum(resource);
  const totalPopulation = sum(population);
  const totalArea = sum(area);
  for (const [name, total] of [['resource', totalResource], ['population', totalPopulation], ['area', totalArea]] as const) {
    if (!Number.isFinite(total)) throw new RangeError(`${fn}: the total of ${name} overflows (past the largest double, about 1.8e308): express ${name} in larger units`);
  }
  if (!(totalResource > 0)) throw new RangeError(`${fn}: resource must have a positive total`);

  const n = resource.length;
  const out: AgglomerationResult = {
    resourceShare: new Array(n),
    populationShare: new Array(n),
    areaShare: new Array(n),
    hrad: new Array(n),
    pad: new Array(n),
    hradToPad: new Array(n),
    resourcePerPopulation: new Array(n),
    resourcePerArea: new Array(n),
    populationPerArea: new Array(n),
    totals: {
      resource: totalResource,
      population: totalPopulation,
      area: totalArea,
      resourcePerPopulation: (totalResource / totalPopulation) * perPopulation,
      resourcePerArea: (totalResource / totalArea) * perArea,
      populationPerArea: totalPopulation / totalArea,
    },
    perPopulation,
    perArea,
  };
  if (labels !== undefined) out.labels = Array.from(labels, (l) => String(l));
  for (let i = 0; i < n; i++) {
    const rs = resource[i] / totalResource;
    const ps = population[i] / totalPopulation;
    const as = area[i] / totalArea;
    out.resourceShare[i] = rs;
    out.populationShare[i] = ps;
    out.areaShare[i] = as;
    out.hrad[i] = rs / as;
    out.pad[i] = ps / as;
    out.hradToPad[i] = rs / ps;
    out.resourcePerPopulation[i] = (resource[i] / population[i]) * perPopulation;
    out.resourcePerArea[i] = (resource[i] / area[i]) * perArea;
    out.populationPerArea[i] = population[i] / area[i];
  }
  // a ratio past the double range (a resource of 1e308 on an area of 1e-10) is refused, never returned as Infinity
  for (const key of ['hrad', 'pad', 'hradToPad', 'resourcePerPopulation', 'resourcePerArea', 'populationPerArea'] as const) {
    const i = out[key].findIndex((v) => !Number.isFinite(v));
    if (i >= 0) throw new RangeError(`${fn}: ${key} overflows for ${unitName(i, labels)} (past the largest double, about 1.8e308): express the inputs in other units`);
  }
  for (const [key, v] of Object.entries(out.totals)) {
    if (!Number.isFinite(v)) throw new RangeError(`${fn}: totals.${key} overflows (past the largest double, about 1.8e308): express the inputs in other units`);
  }
  return out;
}
