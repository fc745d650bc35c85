/**
 * Li et al. (2024) Table 2: which population the per-1,000 values were divided by (vintage, Xinjiang, the national
 * denominator), and every per-1,000 value rebuilt as total / population.
 *
 * Li S, Liao C, Zhang S (2024). The role of Construction of Healthcare Consortium on the allocation of human
 * resources for primary care resources and its equity in China. Preprint, 2024 (no DOI).
 */
import type { PopulationVintage } from '../../data/series';
import { compareCell, roundingTolerance } from '../reproduction';
import type { ReproductionRow } from '../reproduction';
import {
  LI2024_INDICATORS, LI2024_INDICATOR_LABEL, LI2024_REGION_LABEL, LI2024_SCOPES, LI2024_TABLE2_YEARS, XINJIANG,
  li2024Vintage, scopeCodes, sumPopulation, table2Cell,
} from './inputs';
import type { Li2024Indicator, Li2024Inputs, Li2024Scope } from './inputs';

/** A candidate denominator: a population sum and whether it lies in the interval Table 2 implies. */
export interface PopulationCandidate {
  /** e.g. 'first-published, provinces as listed', 'revised, with Xinjiang', 'NBS national total'. */
  candidate: string;
  /** 10,000 persons. */
  population: number;
  inside: boolean;
}

/** The population interval one region's three printed per-1,000 values allow, and the candidates tried. */
export interface ImpliedPopulation {
  year: number;
  scope: Li2024Scope;
  /** Intersection over the three indicators of [T / (10 (v + 0.005)), T / (10 (v − 0.005))], 10,000 persons. */
  low: number;
  high: number;
  candidates: PopulationCandidate[];
}

/**
 * The population behind each Table 2 row. A per-1,000 value v printed to two decimals and a total T allow a
 * population N (10,000 persons) with T / (10 (v + 0.005)) ≤ N ≤ T / (10 (v − 0.005)); the three indicators of a row
 * must share N, so the interval is their intersection. Candidates: both vintages with the provinces as the paper
 * lists them and with Xinjiang (northwest), and for the nation the NBS total and the 30 provinces without Xinjiang.
 * @example
 * const implied = impliedPopulation(loadLi2024Inputs());
 * const nw = implied.find((r) => r.year === 2012 && r.scope === 'northwest');
 * nw.candidates.every((c) => c.inside === c.candidate.endsWith('with Xinjiang')); // => true
 * const national = implied.find((r) => r.year === 2016 && r.scope === 'national');
 * national.candidates.filter((c) => c.inside).map((c) => c.candidate); // => ['first-published, provinces as listed']
 */
export function impliedPopulation(inputs: Li2024Inputs): ImpliedPopulation[] {
  const out: ImpliedPopulation[] = [];
  for (const year of LI2024_TABLE2_YEARS) {
    for (const scope of LI2024_SCOPES) {
      let low = 0;
      let high = Infinity;
      for (const ind of LI2024_INDICATORS) {
        const c = table2Cell(inputs, year, scope, ind);
        low = Math.max(low, c.total / (10 * (c.perThousand + 0.005)));
        high = Math.min(high, c.total / (10 * (c.perThousand - 0.005)));
      }
      const candidates: PopulationCandidate[] = [];
      const add = (candidate: string, population: number): void => {
        candidates.push({ candidate, population, inside: population >= low && population <= high });
      };
      const listed = scope === 'national' ? inputs.provinceCodes : inputs.regionCodesListed[scope];
      const vintages: PopulationVintage[] = year <= 2019 ? ['first-published', 'revised'] : ['revised'];
      for (const v of vintages) {
        add(`${v}, provinces as listed`, sumPopulation(inputs, listed, year, v));
        if (scope === 'northwest') add(`${v}, with Xinjiang`, sumPopulation(inputs, inputs.regionCodes.northwest, year, v));
      }
      if (scope === 'national') {
        const nbs = inputs.nationalPopulation.get(year);
        if (nbs !== undefined) add('NBS national total (first-published)', nbs);
        add('revised, 30 provinces (no Xinjiang)', sumPopulation(inputs, inputs.provinceCodes.filter((c) => c !== XINJIANG), year, 'revised'));
      }
      out.push({ year, scope, low, high, candidates });
    }
  }
  return out;
}

/** One Table 2 per-1,000 value rebuilt, with the alternatives tried. */
export interface Table2PerThousand {
  year: number;
  scope: Li2024Scope;
  indicator: Li2024Indicator;
  printed: number;
  printedText: string;
  total: number;
  /** total / (10 × population), Li's vintage, Xinjiang in the northwest, national = 31 provinces. */
  reproduced: number;
  vintage: PopulationVintage;
  /** With the revised population instead. */
  withRevisedPopulation: number;
  /** The northwest without Xinjiang (the paper's list); equal to `reproduced` elsewhere. */
  withoutXinjiang: number;
  row: ReproductionRow;
}

/**
 * Every per-1,000 value of Table 2 (3 years × 7 rows × 3 indicators) rebuilt from the printed total and the
 * population, compared with the printed value at half a unit of its last digit.
 * @example
 * const t2 = table2PerThousand(loadLi2024Inputs());
 * t2.length; // => 63
 * t2.filter((r) => r.row.status === 'reproduced').length; // => 63
 */
export function table2PerThousand(inputs: Li2024Inputs): Table2PerThousand[] {
  const out: Table2PerThousand[] = [];
  for (const year of LI2024_TABLE2_YEARS) {
    for (const scope of LI2024_SCOPES) {
      for (const ind of LI2024_INDICATORS) {
        const c = table2Cell(inputs, year, scope, ind);
        const vintage = li2024Vintage(year);
        const codes = scopeCodes(inputs, scope);
        const reproduced = c.total / (10 * sumPopulation(inputs, codes, year));
        const row = compareCell({
          table: 'Table 2', row: `${year} ${LI2024_REGION_LABEL[scope]}`, column: `${LI2024_INDICATOR_LABEL[ind]} per 1,000`,
          published: c.perThousand, reproduced, tolerance: roundingTolerance(c.perThousandText),
          note: `total / population (${vintage} vintage${scope === 'northwest' ? ', Xinjiang included' : ''}${scope === 'national' ? ', sum of 31 provinces' : ''})`,
        });
        out.push({
          year, scope, indicator: ind, printed: c.perThousand, printedText: c.perThousandText, total: c.total, reproduced, vintage,
          withRevisedPopulation: c.total / (10 * sumPopulation(inputs, codes, year, 'revised')),
          withoutXinjiang: scope === 'northwest' ? c.total / (10 * sumPopulation(inputs, inputs.regionCodesListed.northwest, year)) : reproduced,
          row,
        });
      }
    }
  }
  return out;
}

/**
 * The exact (unrounded) per-1,000 value of a year, scope and indicator: printed total / population.
 * @example
 * perThousand(loadLi2024Inputs(), 2012, 'north', 'phc_health_technical_personnel'); // => 1.5053
 */
export function perThousand(inputs: Li2024Inputs, year: number, scope: Li2024Scope, indicator: Li2024Indicator): number {
  return table2Cell(inputs, year, scope, indicator).total / (10 * sumPopulation(inputs, scopeCodes(inputs, scope), year));
}

/**
 * Table 2's national totals against the sum of the six regional totals (a transcription and consistency check).
 * @example
 * table2Totals(loadLi2024Inputs()).every((r) => r.status === 'reproduced'); // => true
 */
export function table2Totals(inputs: Li2024Inputs): ReproductionRow[] {
  const out: ReproductionRow[] = [];
  for (const year of LI2024_TABLE2_YEARS) {
    for (const ind of LI2024_INDICATORS) {
      const sum = LI2024_SCOPES.filter((s) => s !== 'national').reduce((s, r) => s + table2Cell(inputs, year, r, ind).total, 0);
      const national = table2Cell(inputs, year, 'national', ind).total;
      out.push(compareCell({
        table: 'Table 2', row: `${year} National`, column: `${LI2024_INDICATOR_LABEL[ind]} total`, published: national,
        reproduced: sum, tolerance: roundingTolerance(String(national)), note: 'sum of the six regional totals',
      }));
    }
  }
  return out;
}
