/**
 * Li et al. (2024) at the province level: the paper's Stages 1-3 over the 31 provinces (Gini, Theil decomposed
 * between/within the six regions, concentration index ranked by GDP per person) through `analysePanel`, and GM(1,1)
 * fitted directly to annual series with a hold-out check. The yearbook data are not public: the stages run on the
 * user's file (`loadLi2024ProvincePanel(file)`, e.g. from EQUILAB_PHC_FILE) or, without one, on a clearly labelled
 * DEMONSTRATION panel (Fu et al. 2023's GP densities × population: not Li et al.'s data, never its result).
 *
 * Li S, Liao C, Zhang S (2024). The role of Construction of Healthcare Consortium on the allocation of human
 * resources for primary care resources and its equity in China. Preprint, 2024 (no DOI).
 * Fu Y, Wang J, Sun J, Zhang S, Huang D (2023). Equity in the allocation of general practitioner resources in
 * mainland China from 2012 to 2019. Healthcare 11(3):398. doi:10.3390/healthcare11030398
 */
import { analysePanel } from '../../analysis/panel';
import type { PanelTheil, PanelYear } from '../../analysis/panel';
import { gini } from '../../measures/gini';
import { gm11 } from '../../measures/gm11';
import type { Gm11Result } from '../../measures/gm11';
import type { ConcentrationIndexResult } from '../../measures/concentration';
import { loadPublishedTable } from '../../data/published';
import { readProvinceTable } from '../../data/readProvinceTable';
import { compareCell, roundingTolerance } from '../reproduction';
import type { ReproductionRow } from '../reproduction';
import {
  LI2024_INDICATORS, LI2024_INDICATOR_LABEL, LI2024_REGIONS, LI2024_REGION_LABEL, LI2024_SCOPES,
  gdpPerCapita, provincePopulation,
} from './inputs';
import type { Li2024Inputs, Li2024Region, Li2024Scope } from './inputs';
import { LI2024_PER_THOUSAND_SCALE } from './sixRegions';
import type { SixRegionStage, Table4Implication } from './sixRegions';
import type { Table5Model } from './greyModels';

/** Province-level counts: the user's yearbook file, or the demonstration data. */
export interface Li2024ProvincePanel {
  mode: 'user' | 'demonstration';
  /** The user's file path, or a description of the demonstration data. */
  source: string;
  /** One line saying what the data are (for a banner). */
  description: string;
  /** The indicators held (the user file's among Li's three; 'gp' for the demonstration). */
  indicators: string[];
  /** Display name of each indicator. */
  label: Record<string, string>;
  years: number[];
  /** counts[indicator][year]: persons, one per province in `inputs.provinceCodes` order. */
  counts: Record<string, Record<number, number[]>>;
}

/** The missing input of every province-level cell. */
export const LI2024_MISSING_PROVINCE_DATA = 'province-level PHC workforce (health technical personnel, practising (assistant) physicians, registered nurses) by province for 2012, 2016 and 2021 from the China Health Statistics Yearbook 2013-2022; pass it with EQUILAB_PHC_FILE';

/**
 * The DEMONSTRATION panel: general practitioners by province 2012-2019 (Fu et al. 2023 Table 2 densities per
 * 10,000 × population as first published, so approximate counts), for the province-level method only.
 * @example
 * const demo = demonstrationPanel(loadLi2024Inputs());
 * [demo.mode, demo.years.length, demo.counts.gp[2012].length]; // => ['demonstration', 8, 31]
 */
export function demonstrationPanel(inputs: Li2024Inputs): Li2024ProvincePanel {
  const fu = loadPublishedTable('fu2023', 'table2').rows.filter((r) => r.geoType === 'province' && r.measure === 'per_10000');
  const years = [...new Set(fu.map((r) => r.year as number))].sort((a, b) => a - b);
  const counts: Li2024ProvincePanel['counts'] = { gp: {} };
  for (const y of years) {
    const byCode = new Map(fu.filter((r) => r.year === y).map((r) => [r.provinceCode, r.value]));
    counts.gp[y] = inputs.provinceCodes.map((c) => {
      const d = byCode.get(c);
      if (d === undefined) throw new RangeError(`demonstrationPanel: Fu et al. Table 2 has no ${y} density for ${inputs.provinceName[c]}`);
      return d * provincePopulation(inputs, c, y);
    });
  }
  return {
    mode: 'demonstration', source: 'Fu et al. 2023 Table 2 GP densities x population as first published', indicators: ['gp'],
    label: { gp: 'General practitioners' }, years, counts,
    description: 'DEMONSTRATION — not Li et al.\'s data, not the paper\'s result: general practitioners by province 2012-2019 (Fu et al. 2023 Table 2 densities × population as first published), grouped into Li et al.\'s six regions (Xinjiang in the northwest).',
  };
}

/**
 * The user's yearbook file (long layout of data/templates/phc_workforce.csv, read by `readProvinceTable`, all 31
 * provinces required) as a province panel; without a file, the demonstration panel.
 * @noExample it reads the user's file (test/studies/li2024.test.ts runs it on the synthetic fixture)
 */
export async function loadLi2024ProvincePanel(inputs: Li2024Inputs, file?: string): Promise<Li2024ProvincePanel> {
  if (file === undefined || file.trim() === '') return demonstrationPanel(inputs);
  const table = await readProvinceTable(file, { layout: 'long', comment: '#', requireAllProvinces: true, indicators: [...LI2024_INDICATORS] });
  const indicators = LI2024_INDICATORS.filter((i) => table.rows.some((r) => r.indicator === i));
  const years = [...new Set(table.rows.map((r) => r.year))].sort((a, b) => a - b);
  const counts: Li2024ProvincePanel['counts'] = {};
  for (const ind of indicators) {
    counts[ind] = {};
    for (const y of years) {
      const byCode = new Map(table.rows.filter((r) => r.indicator === ind && r.year === y).map((r) => [r.provinceCode, r.value]));
      if (byCode.size === 0) continue;
      counts[ind][y] = inputs.provinceCodes.map((c) => {
        const v = byCode.get(c);
        if (v === undefined) throw new RangeError(`${file}: no ${ind} value for ${inputs.provinceName[c]} ${y}`);
        return v;
      });
    }
  }
  return {
    mode: 'user', source: file, indicators, label: { ...LI2024_INDICATOR_LABEL }, years, counts,
    description: `your file ${file} (${table.format}, ${table.encoding}; ${table.rows.length} values; ${indicators.length} indicators; ${years[0]}-${years[years.length - 1]})`,
  };
}

/**
 * One indicator of a province panel as `analysePanel` records: province, name, region, year, count, population
 * (10,000 persons, Li's vintage) and GDP per person (yuan).
 * @example
 * const inputs = loadLi2024Inputs();
 * provinceRecords(inputs, demonstrationPanel(inputs), 'gp')[0];
 * // => { province: '110000', name: 'Beijing', region: 'north', year: 2012 }
 */
export function provinceRecords(inputs: Li2024Inputs, panel: Li2024ProvincePanel, indicator: string): Record<string, string | number>[] {
  const byYear = panel.counts[indicator];
  if (!byYear) throw new RangeError(`provinceRecords: the panel has no indicator ${indicator} (has ${panel.indicators.join(', ')})`);
  return panel.years.filter((y) => byYear[y]).flatMap((year) => inputs.provinceCodes.map((code, i) => ({
    province: code, name: inputs.provinceName[code], region: inputs.regionOf[code], year,
    count: byYear[year][i], population: provincePopulation(inputs, code, year), gdpPerCapita: gdpPerCapita(inputs, [code], year),
  })));
}

/** Stages 1-3 of one indicator and year over the 31 provinces. */
export interface ProvinceStage {
  indicator: string;
  year: number;
  /** Population-weighted Gini over the 31 provinces. */
  gini: number;
  /** The same over the six regions (their summed counts and population). */
  giniSixRegions: number;
  /** Each region's Gini over its own provinces. */
  regionalGini: Record<Li2024Region, number>;
  /** Theil L (natural log), decomposed between/within the six regions. */
  theil: PanelTheil;
  /** Concentration index, provinces ranked by GDP per person. */
  ci: ConcentrationIndexResult;
  /** The analysis layer's record of the year (units, Lorenz curve, concentration curve…). */
  analysis: PanelYear;
}

/**
 * Every indicator and year of a province panel through `analysePanel` (spec: unit = province, group = Li's region,
 * rankBy = GDP per person; scale 0.1: per 1,000 people).
 * @example
 * const inputs = loadLi2024Inputs();
 * const stages = provinceStages(inputs, demonstrationPanel(inputs));
 * stages.length; // => 8
 * stages.every((s) => s.giniSixRegions <= s.gini); // => true
 */
export function provinceStages(inputs: Li2024Inputs, panel: Li2024ProvincePanel): ProvinceStage[] {
  return panel.indicators.flatMap((ind) => {
    const result = analysePanel(
      provinceRecords(inputs, panel, ind),
      { unit: 'province', year: 'year', resource: 'count', population: 'population', group: 'region', rankBy: 'gdpPerCapita', label: 'name' },
      { scale: LI2024_PER_THOUSAND_SCALE },
    );
    return result.years.map((y) => {
      const groups = LI2024_REGIONS.map((r) => y.groups.find((g) => g.group === r) as PanelYear['groups'][number]);
      return {
        indicator: ind, year: y.year as number, gini: y.byPopulation.gini,
        giniSixRegions: gini(groups.map((g) => g.density), groups.map((g) => g.population)),
        regionalGini: Object.fromEntries(groups.map((g) => [g.group, g.giniByPopulation as number])) as Record<Li2024Region, number>,
        theil: y.byPopulation.theil,
        ci: (y.concentration as NonNullable<PanelYear['concentration']>).index,
        analysis: y,
      };
    });
  });
}

/** GM(1,1) fitted to one annual series of a province panel, with a hold-out check of its last three years. */
export interface DirectFit {
  indicator: string;
  scope: Li2024Scope;
  years: number[];
  values: number[];
  /** Fit on the whole series. */
  fit: Gm11Result;
  /** Fit without the last three years, and its forecasts of them. */
  holdout: { trainYears: number[]; forecastYears: number[]; forecast: number[]; actual: number[]; errors: number[]; mape: number };
}

/**
 * GM(1,1) fitted (`gm11`) to each region's and the nation's annual totals, and a hold-out: fit all but the last
 * three years, forecast them, report the errors and their mean absolute percentage. Series of fewer than seven
 * consecutive years are listed in `skipped`.
 * @example
 * const inputs = loadLi2024Inputs();
 * const direct = directFits(inputs, demonstrationPanel(inputs));
 * [direct.fits.length, direct.fits[6].holdout.forecastYears]; // => [7, [2017, 2018, 2019]]
 */
export function directFits(inputs: Li2024Inputs, panel: Li2024ProvincePanel): { fits: DirectFit[]; skipped: { indicator: string; scope: Li2024Scope; years: number[] }[] } {
  const fits: DirectFit[] = [];
  const skipped: { indicator: string; scope: Li2024Scope; years: number[] }[] = [];
  for (const ind of panel.indicators) {
    for (const scope of LI2024_SCOPES) {
      const years = panel.years.filter((y) => panel.counts[ind][y]);
      const values = years.map((y) => inputs.provinceCodes.reduce((s, c, i) => s + (scope === 'national' || inputs.regionOf[c] === scope ? panel.counts[ind][y][i] : 0), 0));
      const consecutive = years.every((y, i) => i === 0 || y === years[i - 1] + 1);
      if (!consecutive || years.length < 7) {
        skipped.push({ indicator: ind, scope, years });
        continue;
      }
      const h = 3;
      const train = gm11(values.slice(0, -h), { times: years.slice(0, -h) });
      const forecast = train.forecast(h);
      const actual = values.slice(-h);
      const errors = forecast.map((f, i) => f / actual[i] - 1);
      fits.push({
        indicator: ind, scope, years, values, fit: gm11(values, { times: years }),
        holdout: { trainYears: years.slice(0, -h), forecastYears: years.slice(-h), forecast, actual, errors, mape: (100 * errors.reduce((t, e) => t + Math.abs(e), 0)) / h },
      });
    }
  }
  return { fits, skipped };
}

/**
 * The paper's province-level cells: Section 3.2.3's nine concentration indices and Table 4's six shares (2021),
 * compared with a user panel's results, or `not-reproducible` (the missing input named, the six-region values in
 * the note) without one.
 * @example
 * const inputs = loadLi2024Inputs();
 * const six = sixRegionStages(inputs);
 * const rows = provinceLevelRows(inputs, six, table4Implied(inputs, six));
 * [rows.length, rows.every((r) => r.status === 'not-reproducible')]; // => [15, true]
 */
export function provinceLevelRows(
  inputs: Li2024Inputs,
  six: readonly SixRegionStage[],
  table4: readonly Table4Implication[],
  panel?: Li2024ProvincePanel,
  stages?: readonly ProvinceStage[],
): ReproductionRow[] {
  const user = panel?.mode === 'user' ? panel : undefined;
  const mine = (ind: string, year: number): ProvinceStage | undefined => (user ? stages?.find((r) => r.indicator === ind && r.year === year) : undefined);
  const rows: ReproductionRow[] = [];
  for (const claim of inputs.text.filter((r) => r.measure === 'concentration_index_gdp_per_capita')) {
    const s = six.find((x) => x.year === claim.year && x.indicator === claim.indicator) as SixRegionStage;
    const m = mine(claim.indicator, claim.year as number);
    rows.push(compareCell({
      table: 'Text 3.2.3', row: `national CI ${claim.year}`, column: LI2024_INDICATOR_LABEL[claim.indicator as keyof typeof LI2024_INDICATOR_LABEL],
      published: claim.value, reproduced: m ? m.ci.curveAreaFormula : null, tolerance: m ? roundingTolerance(claim.valueText) : undefined,
      missingInput: m ? undefined : LI2024_MISSING_PROVINCE_DATA,
      note: m
        ? `from ${user?.source}: 31 provinces ranked by GRP (pre-2025 revision) per capita; six-region CI ${s.ciCurve.toFixed(4)}`
        : `six-region (between-region) CI from Table 2 = ${s.ciCurve.toFixed(4)}, GDP ranking by the revised GRP series`,
    }));
  }
  for (const pub of inputs.table4) {
    const m = mine(pub.indicator, 2021);
    const implied = table4.find((t) => t.indicator === pub.indicator) as Table4Implication;
    const t = m?.theil;
    const ours = t ? 100 * (pub.category === 'between' ? (t.betweenShare as number) : (t.within as number) / t.total) : null;
    rows.push(compareCell({
      table: 'Table 4', row: pub.rowLabel, column: LI2024_INDICATOR_LABEL[pub.indicator as keyof typeof LI2024_INDICATOR_LABEL],
      published: pub.value, reproduced: ours, tolerance: m ? roundingTolerance(pub.valueText) : undefined,
      missingInput: m ? undefined : LI2024_MISSING_PROVINCE_DATA.replace('2012, 2016 and 2021', '2021'),
      note: m && t
        ? `from ${user?.source}: Theil L (ln), six regions; your total T = ${t.total.toFixed(5)} (Table 4 implies ${implied.low.toFixed(5)}-${implied.high.toFixed(5)})`
        : `the six-region between part is ${implied.between.toFixed(5)}; with the printed share it implies a province-level total T of ${implied.total.toFixed(5)} [${implied.low.toFixed(5)}, ${implied.high.toFixed(5)}]`,
    }));
  }
  return rows;
}

/**
 * The 84 printed cells of Table 5 (a, u, C, P of 21 models): compared with a user panel's direct fits over
 * 2012-2021 (first, in the fits' order), the rest `not-reproducible` (the annual series are not printed).
 * @example
 * const inputs = loadLi2024Inputs();
 * const models = table5Models(inputs);
 * const rows = table5Rows(models, rebuildTable5(inputs, models));
 * [rows.length, rows[0].column, rows[0].status]; // => [84, 'a', 'not-reproducible']
 */
export function table5Rows(
  models: readonly Table5Model[],
  rebuilt: readonly { rowOrder: number; error2016: number; error2021: number }[],
  panel?: Li2024ProvincePanel,
  fits?: readonly DirectFit[],
): ReproductionRow[] {
  const rows: ReproductionRow[] = [];
  const compared = new Set<number>();
  if (panel?.mode === 'user') {
    for (const f of fits ?? []) {
      const m = models.find((x) => x.indicator === f.indicator && x.scope === f.scope);
      if (!m || f.years[0] !== 2012 || f.years[f.years.length - 1] !== 2021) continue;
      compared.add(m.rowOrder);
      const ours = { a: f.fit.developmentCoefficient, u: f.fit.greyInput, C: f.fit.posteriorVarianceRatio, P: f.fit.smallErrorProbability };
      for (const k of ['a', 'u', 'C', 'P'] as const) {
        rows.push(compareCell({
          table: 'Table 5', row: `${LI2024_INDICATOR_LABEL[m.indicator]}, ${LI2024_REGION_LABEL[m.scope]} (printed row ${m.rowOrder})`, column: k,
          published: m[k], reproduced: ours[k], tolerance: roundingTolerance(m.text[k]),
          note: `gm11 fitted to ${panel.source} 2012-2021 (population SD, first residual counted)`,
        }));
      }
    }
  }
  for (const m of models.filter((x) => !compared.has(x.rowOrder))) {
    const r = rebuilt.find((x) => x.rowOrder === m.rowOrder) as { error2016: number; error2021: number };
    for (const k of ['a', 'u', 'C', 'P'] as const) {
      rows.push(compareCell({
        table: 'Table 5', row: `${LI2024_INDICATOR_LABEL[m.indicator]}, ${LI2024_REGION_LABEL[m.scope]} (printed row ${m.rowOrder})`, column: k,
        published: m[k], reproduced: null,
        missingInput: 'the annual totals 2012-2021 of this series (China Health Statistics Yearbook 2013-2022; Table 2 prints only 2012, 2016, 2021); pass them with EQUILAB_PHC_FILE',
        note: `model rebuilt from printed a and u: fitted 2016 ${(100 * r.error2016).toFixed(1)}%, 2021 ${(100 * r.error2021).toFixed(1)}% against Table 2` + (m.rowOrder === 21 ? '; this printed model does not fit the national nurses series (see Table 5 vs Table 2)' : ''),
      }));
    }
  }
  return rows;
}

/**
 * The demonstration's sanity anchor: the same pipeline on the same GP data must give Fu et al.'s own published
 * population Gini (Table 6) and Theil (Table 7, log base 10). Not part of Li et al.'s record.
 * @example
 * const inputs = loadLi2024Inputs();
 * const anchor = demonstrationAnchor(provinceStages(inputs, demonstrationPanel(inputs)));
 * anchor.every((a) => Math.abs(a.gini - a.fuGini) < 0.002); // => true
 */
export function demonstrationAnchor(stages: readonly ProvinceStage[]): { year: number; fuGini: number; fuGiniText: string; gini: number; fuTheil: number; fuTheilText: string; theilLog10: number }[] {
  const fuGini = loadPublishedTable('fu2023', 'table6').rows.filter((r) => r.basis === 'population' && r.measure === 'gini');
  const fuTheil = loadPublishedTable('fu2023', 'table7').rows.filter((r) => r.basis === 'population' && r.measure === 'theil_total');
  return stages.filter((s) => s.indicator === 'gp').map((s) => {
    const g = fuGini.find((x) => x.year === s.year);
    const t = fuTheil.find((x) => x.year === s.year);
    if (!g || !t) throw new RangeError(`demonstrationAnchor: Fu et al. print no population Gini or Theil for ${s.year}`);
    return { year: s.year, fuGini: g.value, fuGiniText: g.valueText, gini: s.gini, fuTheil: t.value, fuTheilText: t.valueText, theilLog10: s.theil.total / Math.LN10 };
  });
}
