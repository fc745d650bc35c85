/**
 * Li et al. (2024) Stages 1-3 with the six regions as the units: what the printed regional tables allow of the
 * paper's province-level Gini, Theil and concentration index (exactly their between-region part), computed by
 * `analysePanel` (population-weighted, regions ranked by GDP per person); the province-level Theil totals that
 * Table 4's shares imply; the published concentration indices beside the six-region ones; and the sensitivity of
 * the six-region index to the data vintages.
 *
 * Li S, Liao C, Zhang S (2024). The role of Construction of Healthcare Consortium on the allocation of human
 * resources for primary care resources and its equity in China. Preprint, 2024 (no DOI).
 */
import { analysePanel } from '../../analysis/panel';
import type { PanelYear } from '../../analysis/panel';
import { concentrationIndex } from '../../measures/concentration';
import { roundingTolerance } from '../reproduction';
import {
  LI2024_INDICATORS, LI2024_INDICATOR_LABEL, LI2024_REGIONS, LI2024_REGION_LABEL, LI2024_TABLE2_YEARS,
  gdpPerCapita, provincePopulation, scopePopulation, sumPopulation, table2Cell,
} from './inputs';
import type { Li2024Indicator, Li2024Inputs, Li2024Region } from './inputs';

/** Population is in 10,000 persons: a density per 1,000 people is resource / population × 0.1. */
export const LI2024_PER_THOUSAND_SCALE = 0.1;

/**
 * Table 2 as a panel with the six regions as units: one record per region and year (2012, 2016, 2021) with the
 * printed total of `indicator`, the region's population (10,000 persons, Li's vintage, Xinjiang in the northwest)
 * and its GDP per person (yuan), ready for `analysePanel`.
 * @example
 * const rows = sixRegionRecords(loadLi2024Inputs(), 'phc_registered_nurses');
 * rows.length; // => 18
 * rows[0]; // => { region: 'north', label: 'Northern', year: 2012, total: 56411 }
 */
export function sixRegionRecords(inputs: Li2024Inputs, indicator: Li2024Indicator): Record<string, string | number>[] {
  return LI2024_TABLE2_YEARS.flatMap((year) => LI2024_REGIONS.map((region) => ({
    region, label: LI2024_REGION_LABEL[region], year,
    total: table2Cell(inputs, year, region, indicator).total,
    population: scopePopulation(inputs, region, year),
    gdpPerCapita: gdpPerCapita(inputs, inputs.regionCodes[region], year),
  })));
}

/** Stages 1-3 of one indicator and year over the six regions. */
export interface SixRegionStage {
  year: number;
  indicator: Li2024Indicator;
  /** Population-weighted Gini of the regional per-1,000 values. */
  gini: number;
  /** Theil L (natural log) over the six regions = the between-region part of the province-level Theil. */
  theilBetween: number;
  /** Concentration index, curve-area formula (the one the paper says it used). */
  ciCurve: number;
  /** Concentration index, covariance formula. */
  ciCovariance: number;
  /** Concentration curve, regions from the poorest to the richest; `labels[0]` is '(start)'. */
  curve: { p: number[]; L: number[]; labels: string[] };
  /** The analysis layer's record for this year (units, totals, Lorenz curve, Theil terms…). */
  analysis: PanelYear;
}

/**
 * The six-region Gini, Theil and concentration index of every indicator and Table 2 year, through `analysePanel`
 * (spec: unit = region, resource = total, population, rankBy = GDP per person; scale 0.1 for per 1,000).
 * @example
 * const six = sixRegionStages(loadLi2024Inputs());
 * six.length; // => 9
 * six.every((s) => s.ciCurve > 0); // => true
 */
export function sixRegionStages(inputs: Li2024Inputs): SixRegionStage[] {
  const out: SixRegionStage[] = [];
  const byIndicator = LI2024_INDICATORS.map((ind) => analysePanel(
    sixRegionRecords(inputs, ind),
    { unit: 'region', year: 'year', resource: 'total', population: 'population', rankBy: 'gdpPerCapita', label: 'label' },
    { scale: LI2024_PER_THOUSAND_SCALE },
  ));
  for (const year of LI2024_TABLE2_YEARS) {
    LI2024_INDICATORS.forEach((ind, k) => {
      const y = byIndicator[k].years.find((x) => x.year === year) as PanelYear;
      const c = y.concentration as NonNullable<PanelYear['concentration']>;
      out.push({
        year, indicator: ind, gini: y.byPopulation.gini, theilBetween: y.byPopulation.theil.total,
        ciCurve: c.index.curveAreaFormula, ciCovariance: c.index.covarianceFormula,
        curve: { p: Array.from(c.curve.p), L: Array.from(c.curve.L), labels: ['(start)', ...Array.from(c.curve.order, (i) => y.units[i].label)] },
        analysis: y,
      });
    });
  }
  return out;
}

/** What one Table 4 between-share implies for the province-level Theil index (2021). */
export interface Table4Implication {
  indicator: Li2024Indicator;
  /** The printed between-region share, a fraction. */
  share: number;
  shareText: string;
  /** Our six-region (between-region) Theil. */
  between: number;
  /** between / share: the province-level total the share implies. */
  total: number;
  /** The interval from the rounding of the printed percentage (±0.5 point). */
  low: number;
  high: number;
}

/**
 * Table 4 (2021): the printed between-region share and our between-region Theil imply the paper's province-level
 * total T = between / share, within [between / (share + 0.005), between / (share − 0.005)].
 * @example
 * const t4 = table4Implied(loadLi2024Inputs(), sixRegionStages(loadLi2024Inputs()));
 * t4.map((t) => t.shareText); // => ['18%', '39%', '25%']
 */
export function table4Implied(inputs: Li2024Inputs, six: readonly SixRegionStage[]): Table4Implication[] {
  return LI2024_INDICATORS.map((ind) => {
    const s = six.find((x) => x.year === 2021 && x.indicator === ind);
    const pub = inputs.table4.find((r) => r.indicator === ind && r.category === 'between');
    if (!s || !pub) throw new RangeError(`table4Implied: no 2021 between-region cell for ${ind}`);
    const share = pub.value / 100;
    const half = roundingTolerance(pub.valueText) / 100;
    return {
      indicator: ind, share, shareText: pub.valueText, between: s.theilBetween, total: s.theilBetween / share,
      low: s.theilBetween / (share + half), high: s.theilBetween / (share - half),
    };
  });
}

/** A published province-level concentration index beside the six-region one. */
export interface PublishedConcentration {
  year: number;
  indicator: Li2024Indicator;
  published: number;
  publishedText: string;
  sixRegions: number;
}

/**
 * Section 3.2.3's nine province-level concentration indices, each with the six-region index of the same year and
 * indicator.
 * @example
 * const ci = publishedConcentration(loadLi2024Inputs(), sixRegionStages(loadLi2024Inputs()));
 * ci.find((c) => c.year === 2021 && c.indicator === 'phc_practising_physicians').publishedText; // => '0.0280'
 */
export function publishedConcentration(inputs: Li2024Inputs, six: readonly SixRegionStage[]): PublishedConcentration[] {
  return inputs.text.filter((r) => r.measure === 'concentration_index_gdp_per_capita').map((claim) => {
    const s = six.find((x) => x.year === claim.year && x.indicator === claim.indicator);
    if (!s) throw new RangeError(`publishedConcentration: no six-region value for ${claim.year} ${claim.indicator}`);
    return { year: claim.year as number, indicator: claim.indicator as Li2024Indicator, published: claim.value, publishedText: claim.valueText, sixRegions: s.ciCurve };
  });
}

/** The six-region concentration index of one year and indicator under other data vintages. */
export interface ConcentrationSensitivity {
  year: number;
  indicator: Li2024Indicator;
  baseline: number;
  /** (a) revised population instead of the first-published one. */
  revisedPopulation: number;
  /** (b) 2012 only: regional income from GDP per person as first published (where held); null for 2016. */
  incomeAsPublished: number | null;
  /** The regional order of (b), poorest first; '' for 2016. */
  incomeAsPublishedOrder: string;
  /** (c) 2016 only: the northwest's and southwest's incomes swapped; null for 2012. */
  northwestSouthwestSwapped: number | null;
  /** Northwest minus southwest GDP per person (yuan), 2016; null for 2012. */
  northwestMinusSouthwest: number | null;
}

/**
 * How much the six-region CI of 2012 and 2016 moves with (a) the revised population, (b) 2012 regional income from
 * GDP per person as first published (21 provinces held; a region with a province missing keeps the revised-GRP
 * value), (c) 2016 with the northwest's and southwest's incomes swapped.
 * @example
 * ciSensitivity(loadLi2024Inputs()).length; // => 6
 */
export function ciSensitivity(inputs: Li2024Inputs): ConcentrationSensitivity[] {
  const out: ConcentrationSensitivity[] = [];
  const ci = (year: number, ind: Li2024Indicator, pop: number[], income: number[]): number => {
    const per = LI2024_REGIONS.map((r, i) => table2Cell(inputs, year, r, ind).total / (10 * pop[i]));
    return concentrationIndex(per, income, pop).curveAreaFormula;
  };
  for (const year of [2012, 2016]) {
    const popLi = LI2024_REGIONS.map((r) => scopePopulation(inputs, r, year));
    const popRev = LI2024_REGIONS.map((r) => sumPopulation(inputs, inputs.regionCodes[r], year, 'revised'));
    const incomeLi = LI2024_REGIONS.map((r) => gdpPerCapita(inputs, inputs.regionCodes[r], year));
    const incomeRev = LI2024_REGIONS.map((r) => gdpPerCapita(inputs, inputs.regionCodes[r], year, 'revised'));
    for (const ind of LI2024_INDICATORS) {
      const rec: ConcentrationSensitivity = {
        year, indicator: ind, baseline: ci(year, ind, popLi, incomeLi), revisedPopulation: ci(year, ind, popRev, incomeRev),
        incomeAsPublished: null, incomeAsPublishedOrder: '', northwestSouthwestSwapped: null, northwestMinusSouthwest: null,
      };
      if (year === 2012) {
        const published = inputs.gdpPerCapitaAsPublished2012;
        const income = LI2024_REGIONS.map((r, i) => {
          const codes = inputs.regionCodes[r];
          if (!codes.every((c) => published.has(c))) return incomeLi[i];
          const p = codes.map((c) => provincePopulation(inputs, c, 2012, 'first-published'));
          return codes.reduce((s, c, k) => s + (published.get(c) as number) * p[k], 0) / p.reduce((s, x) => s + x, 0);
        });
        rec.incomeAsPublished = ci(year, ind, popLi, income);
        rec.incomeAsPublishedOrder = LI2024_REGIONS.map((r, i) => ({ r, v: income[i] })).sort((x, y) => x.v - y.v).map((x) => LI2024_REGION_LABEL[x.r]).join(' < ');
      } else {
        const income = incomeLi.slice();
        const nw = LI2024_REGIONS.indexOf('northwest');
        const sw = LI2024_REGIONS.indexOf('southwest');
        [income[nw], income[sw]] = [income[sw], income[nw]];
        rec.northwestSouthwestSwapped = ci(year, ind, popLi, income);
        rec.northwestMinusSouthwest = Math.round(incomeLi[nw] - incomeLi[sw]);
      }
      out.push(rec);
    }
  }
  return out;
}

/**
 * Regional GDP per person (yuan) and its rank (1 = poorest) in each Table 2 year.
 * @example
 * regionIncome(loadLi2024Inputs()).filter((r) => r.year === 2021 && r.rank === 6)[0].region; // => 'east'
 */
export function regionIncome(inputs: Li2024Inputs): { year: number; region: Li2024Region; gdpPerCapita: number; rank: number }[] {
  return LI2024_TABLE2_YEARS.flatMap((year) => {
    const v = LI2024_REGIONS.map((r) => gdpPerCapita(inputs, inputs.regionCodes[r], year));
    return LI2024_REGIONS.map((region, i) => ({ year, region, gdpPerCapita: v[i], rank: 1 + v.filter((o) => o < v[i]).length }));
  });
}
