/**
 * Li et al. (2024) Table 5 and the GM(1,1) forecasts: the 21 printed models with their corrected row labels, each
 * rebuilt from its printed a and u with `gm11FromParameters` and checked against Table 2, the grade of Table 1,
 * the forecasts to 2030 under stated population assumptions, and the text's claims built on them.
 *
 * Li S, Liao C, Zhang S (2024). The role of Construction of Healthcare Consortium on the allocation of human
 * resources for primary care resources and its equity in China. Preprint, 2024 (no DOI).
 * GM(1,1): Deng J (1982). Control problems of grey systems. Systems & Control Letters 1:288-294.
 * doi:10.1016/S0167-6911(82)80025-X
 */
import { gm11FromParameters } from '../../measures/gm11';
import type { GreyModel } from '../../measures/gm11';
import { compareCell, roundingTolerance } from '../reproduction';
import type { ReproductionRow } from '../reproduction';
import {
  LI2024_INDICATORS, LI2024_INDICATOR_LABEL, LI2024_REGIONS, LI2024_REGION_LABEL, LI2024_TABLE2_YEARS,
  scopePopulation, table2Cell,
} from './inputs';
import type { Li2024Indicator, Li2024Inputs, Li2024Region, Li2024Scope } from './inputs';
import type { Table3Cell } from './growth';

const PRINTED_LABEL: Record<string, Li2024Indicator> = {
  'Health technical personnel': 'phc_health_technical_personnel',
  'Practicing physicians': 'phc_practising_physicians',
  'Registered nurses': 'phc_registered_nurses',
};

/** One printed Table 5 model. */
export interface Table5Model {
  /** Printed row, 1-21. */
  rowOrder: number;
  /** The indicator the printed (shifted) group label gives the row. */
  printedIndicator: Li2024Indicator;
  /** The indicator after the errata: rows 1-7 HTP, 8-14 physicians, 15-21 nurses. */
  indicator: Li2024Indicator;
  scope: Li2024Scope;
  /** Development coefficient a, grey input u (= b), posterior variance ratio C, small-error probability P. */
  a: number;
  u: number;
  C: number;
  P: number;
  /** The printed texts of a, u, C, P. */
  text: Record<'a' | 'u' | 'C' | 'P', string>;
  /** Errata applied to the row (the label reassignment). */
  errata: string[];
}

const MEASURE_KEY: Record<string, 'a' | 'u' | 'C' | 'P'> = {
  gm11_development_coefficient_a: 'a', gm11_grey_input_u: 'u',
  gm11_posterior_variance_ratio_C: 'C', gm11_small_error_probability_P: 'P',
};

/**
 * The 21 models of Table 5, one record per printed row, with the printed (shifted) label and the corrected one.
 * @example
 * const models = table5Models(loadLi2024Inputs());
 * models.length; // => 21
 * models.filter((m) => m.printedIndicator !== m.indicator).map((m) => m.rowOrder); // => [4, 5, 6, 7, 14]
 */
export function table5Models(inputs: Li2024Inputs): Table5Model[] {
  const byRow = new Map<number, Table5Model>();
  let group = '';
  for (const r of inputs.table5.slice().sort((x, y) => x.rowOrder - y.rowOrder || x.columnOrder - y.columnOrder)) {
    if (!byRow.has(r.rowOrder)) {
      group = r.rowGroupLabel || group;
      byRow.set(r.rowOrder, {
        rowOrder: r.rowOrder, printedIndicator: PRINTED_LABEL[group], indicator: r.indicator as Li2024Indicator,
        scope: r.regionId as Li2024Scope, a: NaN, u: NaN, C: NaN, P: NaN, text: { a: '', u: '', C: '', P: '' }, errata: r.errata,
      });
    }
    const m = byRow.get(r.rowOrder) as Table5Model;
    const key = MEASURE_KEY[r.measure];
    if (!key) throw new RangeError(`table5Models: unknown Table 5 measure ${r.measure} (row ${r.rowOrder})`);
    m[key] = r.value;
    m.text[key] = r.valueText;
  }
  return [...byRow.values()];
}

/** The evidence for one row's label: u against the 2012 total under either label, and the literal model's miss. */
export interface Table5LabelEvidence {
  rowOrder: number;
  scope: Li2024Scope;
  printedIndicator: Li2024Indicator;
  indicator: Li2024Indicator;
  /** u / 2012 total of the printed label's series (about 0.9 for a right label). */
  uOverFirstPrinted: number;
  /** u / 2012 total of the corrected label's series. */
  uOverFirstCorrected: number;
  /** The model read with the printed label: relative error of its 2021 value; null when the labels agree. */
  error2021Printed: number | null;
}

/**
 * Why u / (2012 total) identifies the rows: for a series growing like A r^(k−1), GM(1,1) gives b ≈ A (1 + a/2), so
 * u is close to the first value. Each row under its printed and its corrected label.
 * @example
 * const ev = table5LabelEvidence(loadLi2024Inputs(), table5Models(loadLi2024Inputs()));
 * ev[3].uOverFirstPrinted > 1.5 && ev[3].uOverFirstCorrected < 1; // => true
 */
export function table5LabelEvidence(inputs: Li2024Inputs, models: readonly Table5Model[]): Table5LabelEvidence[] {
  return models.map((m) => {
    const firstPrinted = table2Cell(inputs, 2012, m.scope, m.printedIndicator).total;
    const literal = gm11FromParameters(m.a, m.u, firstPrinted).predict(10) / table2Cell(inputs, 2021, m.scope, m.printedIndicator).total - 1;
    return {
      rowOrder: m.rowOrder, scope: m.scope, printedIndicator: m.printedIndicator, indicator: m.indicator,
      uOverFirstPrinted: m.u / firstPrinted, uOverFirstCorrected: m.u / table2Cell(inputs, 2012, m.scope, m.indicator).total,
      error2021Printed: m.printedIndicator === m.indicator ? null : literal,
    };
  });
}

/**
 * The national u of each indicator against the sum of its six regional u (corrected rows): GM(1,1) is nearly
 * additive across series growing at similar rates, so the ratio should be near 1.
 * @example
 * nationalUAgainstRegions(table5Models(loadLi2024Inputs())).map((r) => Number(r.ratio.toFixed(2)));
 * // => [1.00, 1.00, 0.29]
 */
export function nationalUAgainstRegions(models: readonly Table5Model[]): { indicator: Li2024Indicator; regionalSum: number; national: number; ratio: number }[] {
  return LI2024_INDICATORS.map((ind) => {
    const regionalSum = models.filter((m) => m.indicator === ind && m.scope !== 'national').reduce((s, m) => s + m.u, 0);
    const national = (models.find((m) => m.indicator === ind && m.scope === 'national') as Table5Model).u;
    return { indicator: ind, regionalSum, national, ratio: national / regionalSum };
  });
}

/**
 * The grade of a (C, P) pair by Li et al.'s Table 1: each statistic graded on its own, the model gets the worse grade.
 * @example
 * gradeByTable1(loadLi2024Inputs(), 0.12, 1); // => 'superior'
 * gradeByTable1(loadLi2024Inputs(), 0.7, 1); // => 'disqualified'
 */
export function gradeByTable1(inputs: Li2024Inputs, C: number, P: number): string {
  const order = ['superior', 'qualified', 'marginal', 'disqualified'];
  const inside = (g: Li2024Inputs['table1'][number], v: number): boolean =>
    (g.lower === null || (g.lowerInclusive ? v >= g.lower : v > g.lower)) && (g.upper === null || (g.upperInclusive ? v <= g.upper : v < g.upper));
  const of = (stat: 'C' | 'P', v: number): number => {
    const g = inputs.table1.find((x) => x.statistic === stat && inside(x, v));
    if (!g) throw new RangeError(`gradeByTable1: ${stat} = ${v} falls in no class of Table 1`);
    return order.indexOf(g.accuracyClass);
  };
  return order[Math.max(of('C', C), of('P', P))];
}

/** A Table 5 model rebuilt from its printed a and u and the 2012 total, against Table 2. */
export interface RebuiltModel extends Table5Model {
  model: GreyModel;
  fitted2016: number;
  fitted2021: number;
  /** Relative errors against Table 2's totals. */
  error2016: number;
  error2021: number;
  /** 0.6745 (x2021 − x2012): the largest residual the printed P = 1.000 allows. */
  bound: number;
  /** Lower bound on C from the three known residuals. */
  cLowerBound: number;
  /** Grade of the printed C and P by Table 1. */
  grade: string;
  /** Whether both fitted totals lie within `bound`. */
  withinBound: boolean;
}

/**
 * Every Table 5 model rebuilt (`gm11FromParameters(a, u, 2012 total)`), with its fitted 2016 (k = 5) and 2021
 * (k = 10) totals, the bound the printed P implies, and a lower bound on C: with residuals 0, e2016, e2021 and seven
 * unknown ones, S2 ≥ √(SS3/10), and S1 ≤ (x2021 − x2012)/2.
 * @example
 * const rebuilt = rebuildTable5(loadLi2024Inputs(), table5Models(loadLi2024Inputs()));
 * rebuilt.filter((m) => m.withinBound).length; // => 20
 * Math.round(100 * rebuilt[20].error2021); // => -88
 */
export function rebuildTable5(inputs: Li2024Inputs, models: readonly Table5Model[]): RebuiltModel[] {
  return models.map((m) => {
    const x = LI2024_TABLE2_YEARS.map((y) => table2Cell(inputs, y, m.scope, m.indicator).total);
    const model = gm11FromParameters(m.a, m.u, x[0]);
    const fitted2016 = model.predict(5);
    const fitted2021 = model.predict(10);
    const e = [0, x[1] - fitted2016, x[2] - fitted2021];
    const eMean = (e[0] + e[1] + e[2]) / 3;
    const ss3 = e.reduce((s, v) => s + (v - eMean) ** 2, 0);
    const bound = 0.6745 * (x[2] - x[0]);
    return {
      ...m, model, fitted2016, fitted2021, error2016: fitted2016 / x[1] - 1, error2021: fitted2021 / x[2] - 1,
      bound, cLowerBound: Math.sqrt(ss3 / 10) / ((x[2] - x[0]) / 2), grade: gradeByTable1(inputs, m.C, m.P),
      withinBound: Math.abs(fitted2016 - x[1]) < bound && Math.abs(fitted2021 - x[2]) < bound,
    };
  });
}

/**
 * The reproduction rows "Table 5 vs Table 2": each rebuilt model's fitted 2016 and 2021 totals against Table 2,
 * tolerance = the residual bound of the printed P (a consistency check, not a re-estimate of a or u). The national
 * nurses model (row 21) is `explained` as an error of the paper.
 * @example
 * const rows = table5ConsistencyRows(loadLi2024Inputs(), rebuildTable5(loadLi2024Inputs(), table5Models(loadLi2024Inputs())));
 * rows.length; // => 42
 * rows.filter((r) => r.status === 'explained').length; // => 2
 */
export function table5ConsistencyRows(inputs: Li2024Inputs, rebuilt: readonly RebuiltModel[]): ReproductionRow[] {
  const out: ReproductionRow[] = [];
  for (const m of rebuilt) {
    for (const [year, fitted] of [[2016, m.fitted2016], [2021, m.fitted2021]] as Array<[number, number]>) {
      const actual = table2Cell(inputs, year, m.scope, m.indicator).total;
      const growth = Math.pow(table2Cell(inputs, 2021, 'national', m.indicator).total / table2Cell(inputs, 2012, 'national', m.indicator).total, 1 / 9) - 1;
      const regionalU = rebuilt.filter((o) => o.indicator === m.indicator && o.scope !== 'national').reduce((s, o) => s + o.u, 0);
      out.push(compareCell({
        table: 'Table 5 vs Table 2', row: `${LI2024_INDICATOR_LABEL[m.indicator]}, ${LI2024_REGION_LABEL[m.scope]} (printed row ${m.rowOrder})`,
        column: `fitted ${year} total`, published: actual, reproduced: fitted, tolerance: m.bound,
        explanation: m.rowOrder === 21
          ? `the printed a = ${m.text.a} and u = ${m.text.u} cannot describe the national nurses series: they imply ${(100 * (Math.exp(-m.a) - 1)).toFixed(1)}% growth a year (Table 2: ${(100 * growth).toFixed(1)}%), u is ${(m.u / regionalU).toFixed(2)} of the sum of the regional nurses' u, and C must be >= ${m.cLowerBound.toFixed(2)} (printed ${m.text.C}); an error in the paper, no correction can be identified`
          : undefined,
        note: `rebuilt from printed a and u with the 2012 total; tolerance = 0.6745 (x2021 - x2012), the largest residual the printed P = 1.000 allows; relative error ${(100 * (fitted / actual - 1)).toFixed(1)}%`,
      }));
    }
  }
  return out;
}

/** How the population after 2021 is assumed: (A) each area's 2021 population held; (B) the 2021-2024 linear trend. */
export type PopulationAssumption = 'A' | 'B';

/**
 * Population of a region or the nation (10,000 persons, revised series) in a forecast year under an assumption:
 * (A) the 2021 value; (B) the least-squares line through the revised 2021-2024 values, extrapolated.
 * @example
 * Math.round(assumedPopulation(loadLi2024Inputs(), 'A', 'national', 2030)); // => 141060
 * assumedPopulation(loadLi2024Inputs(), 'B', 'national', 2030) < 141060; // => true
 */
export function assumedPopulation(inputs: Li2024Inputs, which: PopulationAssumption, scope: Li2024Scope, year: number): number {
  const pop = (y: number): number => scopePopulation(inputs, scope, y, 'revised');
  if (which === 'A') return pop(2021);
  const xs = [2021, 2022, 2023, 2024];
  const ys = xs.map(pop);
  const mx = xs.reduce((s, x) => s + x, 0) / 4;
  const my = ys.reduce((s, y) => s + y, 0) / 4;
  const slope = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  return my + slope * (year - mx);
}

/**
 * A model's total in a year (k = year − 2011); the nation's nurses = the sum of the six regional nurse models,
 * because the printed national nurses model (row 21) does not fit its data.
 * @example
 * const rebuilt = rebuildTable5(loadLi2024Inputs(), table5Models(loadLi2024Inputs()));
 * forecastTotal(rebuilt, 'phc_health_technical_personnel', 'national', 2012); // => 2051751
 */
export function forecastTotal(rebuilt: readonly RebuiltModel[], indicator: Li2024Indicator, scope: Li2024Scope, year: number): number {
  const k = year - 2011;
  const of = (s: Li2024Scope): RebuiltModel => {
    const m = rebuilt.find((x) => x.indicator === indicator && x.scope === s);
    if (!m) throw new RangeError(`forecastTotal: no Table 5 model for ${indicator} ${s}`);
    return m;
  };
  if (scope === 'national' && indicator === 'phc_registered_nurses') return LI2024_REGIONS.reduce((s, r) => s + of(r).model.predict(k), 0);
  return of(scope).model.predict(k);
}

/** The national 2030 per-1,000 value of one indicator: ours under (A) and (B), the published one, and what it implies. */
export interface Forecast2030 {
  indicator: Li2024Indicator;
  /** 'national row 7', 'national row 14' or 'sum of regional rows 15-20'. */
  models: string;
  total2030: number;
  perThousandA: number;
  perThousandB: number;
  published: number;
  publishedText: string;
  /** The 2030 population (million) the published value implies, with its rounding and that of a (±0.0005). */
  impliedPopulationLow: number;
  impliedPopulationHigh: number;
  /** Row 21 read literally, per 1,000 under (A) (nurses only; null otherwise). */
  row21PerThousandA: number | null;
  row: ReproductionRow;
}

/**
 * Section 3.2.4's national 2030 values (3.88, 1.91, 1.84 per 1,000): our forecasts under assumptions A and B, and
 * the 2030 population the published values imply; recorded `not-reproducible` (the population projection is missing).
 * @example
 * const inputs = loadLi2024Inputs();
 * const f = forecast2030(inputs, rebuildTable5(inputs, table5Models(inputs)));
 * f.map((x) => Number(x.perThousandA.toFixed(2))); // => [3.99, 1.94, 1.91]
 */
export function forecast2030(inputs: Li2024Inputs, rebuilt: readonly RebuiltModel[]): Forecast2030[] {
  const national2021 = scopePopulation(inputs, 'national', 2021, 'revised');
  return inputs.text.filter((r) => r.measure === 'projected_per_1000').map((claim) => {
    const ind = claim.indicator as Li2024Indicator;
    const total2030 = forecastTotal(rebuilt, ind, 'national', 2030);
    const a = total2030 / (10 * assumedPopulation(inputs, 'A', 'national', 2030));
    const b = total2030 / (10 * assumedPopulation(inputs, 'B', 'national', 2030));
    const nurses = ind === 'phc_registered_nurses';
    const sources = rebuilt.filter((m) => m.indicator === ind && (nurses ? m.scope !== 'national' : m.scope === 'national'));
    const totalWithA = (da: number): number => sources.reduce((s, m) => s + gm11FromParameters(m.a + da, m.u, m.model.firstValue).predict(19), 0);
    const low = totalWithA(+0.0005) / (10 * (claim.value + 0.005)) / 100;
    const high = totalWithA(-0.0005) / (10 * (claim.value - 0.005)) / 100;
    const row21 = nurses ? (rebuilt.find((m) => m.indicator === ind && m.scope === 'national') as RebuiltModel).model.predict(19) / (10 * assumedPopulation(inputs, 'A', 'national', 2030)) : null;
    const row = compareCell({
      table: 'Text 3.2.4', row: 'national per 1,000 in 2030', column: LI2024_INDICATOR_LABEL[ind], published: claim.value, reproduced: null,
      missingInput: 'the 2022-2030 provincial population projection of Zhang et al. 2023 (low fertility, stable migration scenario)',
      note: `with the 2021 population held: ${a.toFixed(2)}; with the 2021-2024 trend: ${b.toFixed(2)}; the published value implies a 2030 population of ${low.toFixed(0)}-${high.toFixed(0)} million (2021: ${(national2021 / 100).toFixed(1)} million)` + (row21 !== null ? `; the printed national nurses model (row 21) would give ${row21.toFixed(2)}, so the published 1.84 was not produced by it` : ''),
    });
    return {
      indicator: ind, models: nurses ? 'sum of regional rows 15-20' : `national row ${sources[0].rowOrder}`, total2030, perThousandA: a, perThousandB: b,
      published: claim.value, publishedText: claim.valueText, impliedPopulationLow: low, impliedPopulationHigh: high, row21PerThousandA: row21, row,
    };
  });
}

/** The best-minus-worst regional per-1,000 gap of one indicator in 2021 (Table 2) and 2030 (forecasts A and B). */
export interface RegionalGap {
  indicator: Li2024Indicator;
  gap2021: number;
  best2021: Li2024Region;
  worst2021: Li2024Region;
  gap2030A: number;
  best2030A: Li2024Region;
  worst2030A: Li2024Region;
  gap2030B: number;
  best2030B: Li2024Region;
  worst2030B: Li2024Region;
}

function spread(values: Record<string, number>): { gap: number; best: Li2024Region; worst: Li2024Region } {
  const keys = Object.keys(values).sort((p, q) => values[q] - values[p]);
  return { gap: values[keys[0]] - values[keys[keys.length - 1]], best: keys[0] as Li2024Region, worst: keys[keys.length - 1] as Li2024Region };
}

/** The Discussion's "0.27 in 2021, 1.69 by 2030": every reading tried, and the two reproduction rows. */
export interface RegionalGapClaims {
  byIndicator: RegionalGap[];
  /** Mean of the three indicators' gaps, 2021 and 2030 (A). */
  meanGap2021: number;
  meanGap2030A: number;
  /** Gap of the regions' three-indicator means, 2021 and 2030 (A). */
  gapOfMeans2021: number;
  gapOfMeans2030A: number;
  rows: ReproductionRow[];
}

/**
 * The regional gap claims: per indicator, their mean, and the gap of the regional means; the 2021 claim recorded
 * against the mean of the indicators' gaps (no reading gives 0.27), the 2030 claim `not-reproducible`.
 * @example
 * const inputs = loadLi2024Inputs();
 * const g = regionalGap(inputs, rebuildTable5(inputs, table5Models(inputs)));
 * g.byIndicator.map((x) => Number(x.gap2021.toFixed(2))); // => [0.39, 0.39, 0.21]
 * g.rows[0].status; // => 'unexplained'
 */
export function regionalGap(inputs: Li2024Inputs, rebuilt: readonly RebuiltModel[]): RegionalGapClaims {
  const per = (ind: Li2024Indicator, r: Li2024Region, which: PopulationAssumption): number =>
    forecastTotal(rebuilt, ind, r, 2030) / (10 * assumedPopulation(inputs, which, r, 2030));
  const byIndicator = LI2024_INDICATORS.map((ind) => {
    const g21 = spread(Object.fromEntries(LI2024_REGIONS.map((r) => [r, table2Cell(inputs, 2021, r, ind).perThousand])));
    const gA = spread(Object.fromEntries(LI2024_REGIONS.map((r) => [r, per(ind, r, 'A')])));
    const gB = spread(Object.fromEntries(LI2024_REGIONS.map((r) => [r, per(ind, r, 'B')])));
    return {
      indicator: ind, gap2021: g21.gap, best2021: g21.best, worst2021: g21.worst,
      gap2030A: gA.gap, best2030A: gA.best, worst2030A: gA.worst, gap2030B: gB.gap, best2030B: gB.best, worst2030B: gB.worst,
    };
  });
  const meanOf = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
  const gapOfMeans2021 = spread(Object.fromEntries(LI2024_REGIONS.map((r) => [r, meanOf(LI2024_INDICATORS.map((i) => table2Cell(inputs, 2021, r, i).perThousand))]))).gap;
  const gapOfMeans2030A = spread(Object.fromEntries(LI2024_REGIONS.map((r) => [r, meanOf(LI2024_INDICATORS.map((i) => per(i, r, 'A')))]))).gap;
  const meanGap2021 = meanOf(byIndicator.map((g) => g.gap2021));
  const claim = (year: number) => {
    const c = inputs.text.find((r) => r.measure === 'best_minus_worst_region_per_1000' && r.year === year);
    if (!c) throw new RangeError(`regionalGap: no text value for ${year}`);
    return c;
  };
  const c2021 = claim(2021);
  const c2030 = claim(2030);
  const rows = [
    compareCell({
      table: 'Text 4', row: 'best minus worst region per 1,000', column: '2021', published: c2021.value, reproduced: meanGap2021,
      tolerance: roundingTolerance(c2021.valueText),
      note: `indicator not stated; no plain reading of Table 2 gives 0.27: per indicator ${byIndicator.map((g) => g.gap2021.toFixed(2)).join(' / ')} (HTP / PHY / RN), their mean ${meanGap2021.toFixed(2)} (recorded here), gap of regional means ${gapOfMeans2021.toFixed(2)}`,
    }),
    compareCell({
      table: 'Text 4', row: 'best minus worst region per 1,000', column: '2030', published: c2030.value, reproduced: null,
      missingInput: 'the indicator the text means and the 2030 regional population projection (Zhang et al. 2023)',
      note: `with each region's 2021 population held: ${byIndicator.map((g) => g.gap2030A.toFixed(2)).join(' / ')} (HTP / PHY / RN); the gap widens under every reading`,
    }),
  ];
  return { byIndicator, meanGap2021, meanGap2030A: meanOf(byIndicator.map((g) => g.gap2030A)), gapOfMeans2021, gapOfMeans2030A, rows };
}

/** Per-1,000 growth of one region and indicator: 2012-2021 (Table 3, printed) and 2021-2030 by its model (A, B). */
export interface ForecastGrowth {
  region: Li2024Region;
  indicator: Li2024Indicator;
  /** Percent a year. */
  table3: number;
  forecastA: number;
  forecastB: number;
}

/**
 * The Discussion's "slower northwest": each region's printed 2012-2021 per-1,000 growth against its model's
 * 2021-2030 growth, e^(−a) − 1 under (A) and the compound rate under (B).
 * @example
 * const inputs = loadLi2024Inputs();
 * const rebuilt = rebuildTable5(inputs, table5Models(inputs));
 * const nw = forecastGrowth(inputs, rebuilt, table3Growth(inputs)).filter((g) => g.region === 'northwest');
 * nw.every((g) => g.forecastA > g.table3); // => true
 */
export function forecastGrowth(inputs: Li2024Inputs, rebuilt: readonly RebuiltModel[], table3: readonly Table3Cell[]): ForecastGrowth[] {
  return LI2024_REGIONS.flatMap((region) => LI2024_INDICATORS.map((ind) => {
    const t3 = table3.find((c) => c.scope === region && c.indicator === ind && c.period === '2012-2021') as Table3Cell;
    const m = rebuilt.find((x) => x.indicator === ind && x.scope === region) as RebuiltModel;
    const perB = (y: number): number => forecastTotal(rebuilt, ind, region, y) / assumedPopulation(inputs, 'B', region, y);
    return { region, indicator: ind, table3: t3.printed, forecastA: 100 * (Math.exp(-m.a) - 1), forecastB: 100 * (Math.pow(perB(2030) / perB(2021), 1 / 9) - 1) };
  }));
}

/**
 * The forecast per-1,000 path of a region or the nation, 2012-2030: Li's population to 2021, assumption (A) or (B)
 * after it.
 * @example
 * const inputs = loadLi2024Inputs();
 * const path = forecastPath(inputs, rebuildTable5(inputs, table5Models(inputs)), 'phc_health_technical_personnel', 'national', 'A');
 * path.length; // => 19
 */
export function forecastPath(inputs: Li2024Inputs, rebuilt: readonly RebuiltModel[], indicator: Li2024Indicator, scope: Li2024Scope, which: PopulationAssumption): { year: number; perThousand: number }[] {
  return Array.from({ length: 19 }, (_, i) => 2012 + i).map((year) => ({
    year,
    perThousand: forecastTotal(rebuilt, indicator, scope, year) / (10 * (year <= 2021 ? scopePopulation(inputs, scope, year) : assumedPopulation(inputs, which, scope, year))),
  }));
}
