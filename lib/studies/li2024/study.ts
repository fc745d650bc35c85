/**
 * The whole Li et al. (2024) reproduction in one call: every record of every section, and every reproduction row in
 * the order of out/reproduction/li2024.csv.
 *
 * Li S, Liao C, Zhang S (2024). The role of Construction of Healthcare Consortium on the allocation of human
 * resources for primary care resources and its equity in China. Preprint, 2024 (no DOI).
 */
import type { ReproductionRow } from '../reproduction';
import { loadLi2024Inputs } from './inputs';
import type { Li2024Inputs } from './inputs';
import { impliedPopulation, table2PerThousand, table2Totals } from './table2';
import type { ImpliedPopulation, Table2PerThousand } from './table2';
import { fastestRegions, growthAcceleration, table3Growth } from './growth';
import type { FastestRegion, GrowthAcceleration, Table3Cell } from './growth';
import { publishedConcentration, sixRegionStages, table4Implied } from './sixRegions';
import type { PublishedConcentration, SixRegionStage, Table4Implication } from './sixRegions';
import { forecast2030, rebuildTable5, regionalGap, table5ConsistencyRows, table5Models } from './greyModels';
import type { Forecast2030, RebuiltModel, RegionalGapClaims, Table5Model } from './greyModels';
import { demonstrationPanel, directFits, provinceLevelRows, provinceStages, table5Rows } from './province';
import type { DirectFit, Li2024ProvincePanel, ProvinceStage } from './province';

/** Options of `li2024Study` and `li2024Reproduction`. */
export interface Li2024Options {
  /**
   * The province-level data: a panel from `loadLi2024ProvincePanel(inputs, file)`. A user panel is compared with
   * the paper's province-level cells; without one (or with the demonstration panel) those cells are
   * `not-reproducible`. @default the demonstration panel
   */
  panel?: Li2024ProvincePanel;
}

/** Every record of the reproduction. */
export interface Li2024Study {
  inputs: Li2024Inputs;
  panel: Li2024ProvincePanel;
  impliedPopulation: ImpliedPopulation[];
  table2: Table2PerThousand[];
  table2Totals: ReproductionRow[];
  table3: Table3Cell[];
  acceleration: GrowthAcceleration[];
  fastest: FastestRegion[];
  sixRegions: SixRegionStage[];
  table4: Table4Implication[];
  concentration: PublishedConcentration[];
  models: Table5Model[];
  rebuilt: RebuiltModel[];
  forecast2030: Forecast2030[];
  regionalGap: RegionalGapClaims;
  provinceStages: ProvinceStage[];
  directFits: DirectFit[];
  /** Every reproduction row, in the order of the CSV. */
  rows: ReproductionRow[];
}

/**
 * Run every section of the Li et al. reproduction and return its records.
 * @example
 * const study = li2024Study();
 * [study.table2.length, study.models.length, study.panel.mode]; // => [63, 21, 'demonstration']
 */
export function li2024Study(options: Li2024Options = {}): Li2024Study {
  const inputs = loadLi2024Inputs();
  const panel = options.panel ?? demonstrationPanel(inputs);
  const table2 = table2PerThousand(inputs);
  const totals = table2Totals(inputs);
  const table3 = table3Growth(inputs);
  const acceleration = growthAcceleration(inputs, table3);
  const fastest = fastestRegions(inputs, table3);
  const six = sixRegionStages(inputs);
  const table4 = table4Implied(inputs, six);
  const models = table5Models(inputs);
  const rebuilt = rebuildTable5(inputs, models);
  const forecasts = forecast2030(inputs, rebuilt);
  const gap = regionalGap(inputs, rebuilt);
  const stages = provinceStages(inputs, panel);
  const fits = directFits(inputs, panel).fits;
  const rows = [
    ...table2.map((c) => c.row),
    ...totals,
    ...table3.map((c) => c.row),
    ...acceleration.map((a) => a.row),
    ...fastest.map((f) => f.row),
    ...provinceLevelRows(inputs, six, table4, panel, stages),
    ...table5ConsistencyRows(inputs, rebuilt),
    ...forecasts.map((f) => f.row),
    ...gap.rows,
    ...table5Rows(models, rebuilt, panel, fits),
  ];
  return {
    inputs, panel, impliedPopulation: impliedPopulation(inputs), table2, table2Totals: totals, table3, acceleration, fastest,
    sixRegions: six, table4, concentration: publishedConcentration(inputs, six), models, rebuilt, forecast2030: forecasts,
    regionalGap: gap, provinceStages: stages, directFits: fits, rows,
  };
}

/**
 * Every reproduction row of Li et al. (2024): Table 2, Table 3, the text's claims, the province-level cells, Table 5
 * against Table 2, the 2030 values, the regional gap and Table 5's own cells (287 rows).
 * @example
 * const rows = li2024Reproduction();
 * rows.length; // => 287
 * summarizeReproduction(rows); // => { reproduced: 172, explained: 11, unexplained: 1, 'not-reproducible': 103 }
 */
export function li2024Reproduction(options: Li2024Options = {}): ReproductionRow[] {
  return li2024Study(options).rows;
}
