/**
 * Records shaped for the walk-through and audit notebooks: a section's published-vs-reproduced table and the
 * before/after-2016 growth of every region. Plain records; the notebooks display them.
 *
 * Li S, Liao C, Zhang S (2024). The role of Construction of Healthcare Consortium on the allocation of human
 * resources for primary care resources and its equity in China. Preprint, 2024 (no DOI).
 */
import type { ReproductionRow, ReproductionStatus } from '../reproduction';
import { LI2024_INDICATORS, LI2024_INDICATOR_SHORT, LI2024_REGIONS, LI2024_REGION_LABEL, LI2024_SCOPES } from './inputs';
import type { Li2024Indicator, Li2024Scope } from './inputs';
import type { Table3Cell } from './growth';
import type { Li2024Study } from './study';
import { forecastPath } from './greyModels';

/** One published cell beside its reproduction, without the note (for a table in a notebook). */
export type ComparisonRecord = {
  row: string;
  column: string;
  published: number;
  reproduced: number | null;
  difference: number | null;
  status: ReproductionStatus;
};

/**
 * The reproduction rows of one table (and an optional filter) as published-vs-reproduced records.
 * @example
 * comparisonRows(li2024Reproduction(), 'Text 3.1').length; // => 6
 * comparisonRows(li2024Reproduction(), 'Table 2', (r) => r.row === '2021 Northwest')[0];
 * // => { row: '2021 Northwest', column: 'Health technical personnel per 1,000', published: 2.19, status: 'reproduced' }
 */
export function comparisonRows(rows: readonly ReproductionRow[], table: string, keep: (row: ReproductionRow) => boolean = () => true): ComparisonRecord[] {
  const selected = rows.filter((r) => r.table === table && keep(r));
  if (selected.length === 0) throw new RangeError(`comparisonRows: no reproduction row of ${table} matches`);
  return selected.map((r) => ({ row: r.row, column: r.column, published: r.published, reproduced: r.reproduced, difference: r.difference, status: r.status }));
}

/** Growth of one region (or the nation) and indicator before and after the 2016 pilot, percent a year. */
export interface BeforeAfter {
  scope: Li2024Scope;
  indicator: Li2024Indicator;
  /** 2012-2016, unrounded per-1,000 values. */
  before: number;
  /** 2016-2021, unrounded per-1,000 values. */
  after: number;
  /** after − before, percentage points. */
  acceleration: number;
}

/**
 * The before/after-2016 comparison of every region, the nation and every indicator (Table 3, unrounded).
 * @example
 * const t3 = table3Growth(loadLi2024Inputs());
 * beforeAfter(t3).length; // => 21
 * beforeAfter(t3).every((b) => b.acceleration > 0); // => true
 */
export function beforeAfter(table3: readonly Table3Cell[]): BeforeAfter[] {
  const rate = (s: Li2024Scope, i: Li2024Indicator, p: string): number => {
    const c = table3.find((x) => x.scope === s && x.indicator === i && x.period === p);
    if (!c) throw new RangeError(`beforeAfter: no Table 3 cell ${s} ${i} ${p}`);
    return c.fromUnrounded;
  };
  return LI2024_INDICATORS.flatMap((indicator) => LI2024_SCOPES.map((scope) => {
    const before = rate(scope, indicator, '2012-2016');
    const after = rate(scope, indicator, '2016-2021');
    return { scope, indicator, before, after, acceleration: after - before };
  }));
}

/** A row of a notebook table: column label → value. */
export type ViewRow = Record<string, string | number | null>;

const SHORT: Record<string, string> = { ...LI2024_INDICATOR_SHORT };
const LABEL: Record<string, string> = { ...LI2024_REGION_LABEL };

/**
 * Section 3.1's acceleration (percentage points): the text's value and the three readings tried.
 * @example
 * accelerationTable(li2024Study())[0]; // => { indicator: 'HTP', 'text (pp)': '4.01' }
 */
export function accelerationTable(study: Li2024Study): ViewRow[] {
  return study.acceleration.map((a) => ({
    indicator: SHORT[a.indicator], 'text (pp)': a.claimedText, 'mean of the 7 rows of Table 3': a.meanOfSevenRows,
    'mean of the 6 regions': a.meanOfSixRegions, 'National row': a.nationalPrinted,
  }));
}

/**
 * Stages 1-3 over the six regions, one row per year and indicator.
 * @example
 * sixRegionTable(li2024Study()).length; // => 9
 */
export function sixRegionTable(study: Li2024Study): ViewRow[] {
  return study.sixRegions.map((s) => ({
    year: s.year, indicator: SHORT[s.indicator], Gini: s.gini, 'Theil (between regions)': s.theilBetween,
    'CI (curve)': s.ciCurve, 'CI (covariance)': s.ciCovariance,
  }));
}

/**
 * Table 4 (2021): the printed between-region share, our between part, and the province-level total it implies.
 * @example
 * table4Table(li2024Study()).map((r) => r['between share (Table 4)']); // => ['18%', '39%', '25%']
 */
export function table4Table(study: Li2024Study): ViewRow[] {
  return study.table4.map((t) => ({
    indicator: SHORT[t.indicator], 'between share (Table 4)': t.shareText, 'between part (six regions)': t.between,
    'implied province-level T': t.total, 'implied within part': t.total - t.between,
  }));
}

/**
 * Each region's contribution to the within-region Theil of the province panel in one year.
 * @example
 * contributionTable(li2024Study(), 2019).length; // => 6
 */
export function contributionTable(study: Li2024Study, year: number): ViewRow[] {
  return study.provinceStages.filter((s) => s.year === year).flatMap((s) => s.theil.groups.map((g) => ({
    indicator: study.panel.label[s.indicator], region: LABEL[g.group], 'regional Theil': g.theil,
    'P_g T_g': g.contribution, 'share of within (%)': 100 * g.shareOfWithin,
  })));
}

/**
 * The paper's province-level concentration indices beside the six-region ones.
 * @example
 * concentrationTable(li2024Study()).length; // => 9
 */
export function concentrationTable(study: Li2024Study): ViewRow[] {
  return study.concentration.map((c) => ({
    year: c.year, indicator: SHORT[c.indicator], 'published CI (provinces)': c.publishedText, 'CI, six regions': c.sixRegions,
  }));
}

/**
 * The province panel's Stages 1-3 by indicator and year.
 * @example
 * provinceTable(li2024Study())[0]; // => { indicator: 'General practitioners', year: 2012 }
 */
export function provinceTable(study: Li2024Study): ViewRow[] {
  return study.provinceStages.map((s) => ({
    indicator: study.panel.label[s.indicator], year: s.year, 'Gini (31 provinces)': s.gini, 'Gini (six regions)': s.giniSixRegions,
    'Theil total': s.theil.total, between: s.theil.between, within: s.theil.within,
    'CI (curve)': s.ci.curveAreaFormula, 'CI (covariance)': s.ci.covarianceFormula, 'CI s.e.': s.ci.standardError,
  }));
}

/**
 * Table 5's models rebuilt from a and u, against Table 2.
 * @example
 * rebuiltTable(li2024Study())[20]; // => { row: 21, indicator: 'RN', region: 'National', 'consistent with P': 'NO' }
 */
export function rebuiltTable(study: Li2024Study): ViewRow[] {
  return study.rebuilt.map((m) => ({
    row: m.rowOrder, indicator: SHORT[m.indicator], region: LABEL[m.scope], a: m.text.a, u: m.text.u,
    'fitted 2016 (% off)': 100 * m.error2016, 'fitted 2021 (% off)': 100 * m.error2021,
    'fitted 2030': Math.round(m.model.predict(19)), 'printed C': m.text.C, 'C at least': m.cLowerBound,
    'printed P': m.text.P, 'consistent with P': m.withinBound ? 'yes' : 'NO',
  }));
}

/**
 * The national 2030 values: ours under the two population assumptions, the published ones, the population implied.
 * @example
 * forecastTable(li2024Study()).map((r) => r['published 2030']); // => ['3.88', '1.91', '1.84']
 */
export function forecastTable(study: Li2024Study): ViewRow[] {
  return study.forecast2030.map((f) => ({
    indicator: SHORT[f.indicator], 'model(s)': f.models, 'published 2030': f.publishedText,
    '(A) 2021 population held': f.perThousandA, '(B) 2021-24 trend': f.perThousandB,
    'population implied (million)': `${f.impliedPopulationLow.toFixed(0)}-${f.impliedPopulationHigh.toFixed(0)}`,
  }));
}

/**
 * GM(1,1) fitted to the province panel's annual series, with the level-ratio test and the hold-out error.
 * @example
 * directFitTable(li2024Study())[6]; // => { indicator: 'General practitioners', region: 'National' }
 */
export function directFitTable(study: Li2024Study): ViewRow[] {
  return study.directFits.map((f) => ({
    indicator: study.panel.label[f.indicator], region: LABEL[f.scope], years: `${f.years[0]}-${f.years[f.years.length - 1]}`,
    a: f.fit.developmentCoefficient, u: f.fit.greyInput, C: f.fit.posteriorVarianceRatio, P: f.fit.smallErrorProbability,
    grade: f.fit.grade, 'level ratios': f.fit.levelRatioTest.passed ? 'pass' : 'FAIL', 'hold-out MAPE (%)': f.holdout.mape,
  }));
}

/**
 * The reproduction record counted by table and status.
 * @example
 * recordByTable(li2024Reproduction())[0]; // => { table: 'Table 2', reproduced: 72, total: 72 }
 */
export function recordByTable(rows: readonly ReproductionRow[]): ViewRow[] {
  return [...new Set(rows.map((r) => r.table))].map((table) => {
    const rs = rows.filter((r) => r.table === table);
    const n = (s: ReproductionStatus): number => rs.filter((r) => r.status === s).length;
    return { table, reproduced: n('reproduced'), explained: n('explained'), unexplained: n('unexplained'), 'not reproducible': n('not-reproducible'), total: rs.length };
  });
}

/** A curve on the unit square (the shape display's `lorenzFigure` draws). */
export interface CurveRecord { name: string; p: number[]; L: number[]; labels?: string[] }
/** A named x-y series (the shape display's `lineFigure` and `barFigure` draw). */
export interface SeriesRecord { name: string; x: (number | string)[]; y: number[]; dash?: 'solid' | 'dash' | 'dot' | 'dashdot' }

/**
 * The six regions' curves of one year, one per indicator: Lorenz curves (regions sorted by density) or
 * concentration curves (regions sorted by GDP per person, poorest first), with the region added at each point.
 * @example
 * sixRegionCurves(li2024Study(), 2021, 'concentration')[0].labels.length; // => 7
 */
export function sixRegionCurves(study: Li2024Study, year: number, kind: 'lorenz' | 'concentration'): CurveRecord[] {
  return study.sixRegions.filter((s) => s.year === year).map((s) => {
    if (kind === 'concentration') return { name: SHORT[s.indicator], p: s.curve.p, L: s.curve.L, labels: s.curve.labels };
    const c = s.analysis.byPopulation.lorenz;
    return { name: SHORT[s.indicator], p: Array.from(c.p), L: Array.from(c.L), labels: ['(start)', ...Array.from(c.order, (k) => s.analysis.units[k].label)] };
  });
}

/**
 * The province panel's concentration curves of one year, one per indicator (provinces ranked by GDP per person).
 * @example
 * provinceCurves(li2024Study(), 2019)[0].p.length; // => 32
 */
export function provinceCurves(study: Li2024Study, year: number): CurveRecord[] {
  return study.provinceStages.filter((s) => s.year === year).map((s) => {
    const c = (s.analysis.concentration as NonNullable<typeof s.analysis.concentration>).curve;
    return { name: study.panel.label[s.indicator], p: Array.from(c.p), L: Array.from(c.L), labels: ['(start)', ...Array.from(c.order, (k) => s.analysis.units[k].label)] };
  });
}

/**
 * The vertical distance of a curve below the line of equality, p − L, against p (magnifies a curve near the diagonal).
 * @example
 * distanceFromEquality({ name: 'x', p: [0, 0.5, 1], L: [0, 0.4, 1] }); // => { name: 'x', x: [0, 0.5, 1], y: [0, 0.1, 0] }
 */
export function distanceFromEquality(curve: CurveRecord): SeriesRecord {
  return { name: curve.name, x: curve.p.slice(), y: curve.p.map((p, i) => p - curve.L[i]) };
}

/**
 * Growth per 1,000 before (2012-2016) and after (2016-2021) the pilot, by region, for one indicator: two bar series.
 * @example
 * growthBars(li2024Study(), 'phc_registered_nurses').map((s) => s.x.length); // => [7, 7]
 */
export function growthBars(study: Li2024Study, indicator: Li2024Indicator): SeriesRecord[] {
  const rows = beforeAfter(study.table3).filter((g) => g.indicator === indicator);
  const x = rows.map((g) => LABEL[g.scope]);
  return [
    { name: '2012-2016 (before the pilot)', x, y: rows.map((g) => g.before) },
    { name: '2016-2021 (after)', x, y: rows.map((g) => g.after) },
  ];
}

/**
 * The province panel's Gini by year for one indicator: over the 31 provinces (solid) and within each region (dotted).
 * @example
 * giniLines(li2024Study(), 'gp').map((s) => s.name)[0]; // => 'National (31 provinces)'
 */
export function giniLines(study: Li2024Study, indicator: string): SeriesRecord[] {
  const s = study.provinceStages.filter((x) => x.indicator === indicator);
  const x = s.map((r) => r.year);
  return [
    { name: 'National (31 provinces)', x, y: s.map((r) => r.gini) },
    ...LI2024_REGIONS.map((r) => ({ name: LABEL[r], x, y: s.map((v) => v.regionalGini[r]), dash: 'dot' as const })),
  ];
}

/**
 * The province panel's Theil index by year for one indicator, as between- and within-region bar series.
 * @example
 * theilBars(li2024Study(), 'gp').map((s) => s.name); // => ['between regions', 'within regions']
 */
export function theilBars(study: Li2024Study, indicator: string): SeriesRecord[] {
  const s = study.provinceStages.filter((x) => x.indicator === indicator);
  const x = s.map((r) => String(r.year));
  return [
    { name: 'between regions', x, y: s.map((r) => r.theil.between as number) },
    { name: 'within regions', x, y: s.map((r) => r.theil.within as number) },
  ];
}

/**
 * National per 1,000, 2012-2030: each indicator's model path (assumption A after 2021) and the published 2030 point.
 * @example
 * forecastLines(li2024Study()).map((s) => s.x.length); // => [19, 19, 19, 1, 1, 1]
 */
export function forecastLines(study: Li2024Study): SeriesRecord[] {
  const paths = LI2024_INDICATORS.map((ind) => {
    const p = forecastPath(study.inputs, study.rebuilt, ind, 'national', 'A');
    return { name: `${SHORT[ind]} model`, x: p.map((v) => v.year), y: p.map((v) => v.perThousand) };
  });
  const published = study.forecast2030.map((f) => ({ name: `${SHORT[f.indicator]} published 2030`, x: [2030], y: [f.published] }));
  return [...paths, ...published];
}

/**
 * Each region's per-1,000 forecast of one indicator, 2021-2030, with its 2021 population held (assumption A).
 * @example
 * regionalForecastLines(li2024Study(), 'phc_registered_nurses').map((s) => s.x.length); // => [10, 10, 10, 10, 10, 10]
 */
export function regionalForecastLines(study: Li2024Study, indicator: Li2024Indicator): SeriesRecord[] {
  return LI2024_REGIONS.map((r) => {
    const p = forecastPath(study.inputs, study.rebuilt, indicator, r, 'A').filter((v) => v.year >= 2021);
    return { name: LABEL[r], x: p.map((v) => v.year), y: p.map((v) => v.perThousand) };
  });
}
