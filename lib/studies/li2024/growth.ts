/**
 * Li et al. (2024) Stage 0: Table 3's average annual growth of the per-1,000 values by period, and the text's claims
 * about the acceleration after 2016 and the fastest-growing regions.
 *
 * Li S, Liao C, Zhang S (2024). The role of Construction of Healthcare Consortium on the allocation of human
 * resources for primary care resources and its equity in China. Preprint, 2024 (no DOI).
 */
import { growthByPeriod } from '../../measures/growth';
import { compareCell, roundingTolerance } from '../reproduction';
import type { ReproductionRow } from '../reproduction';
import {
  LI2024_INDICATORS, LI2024_INDICATOR_LABEL, LI2024_PERIODS, LI2024_REGIONS, LI2024_REGION_LABEL, LI2024_SCOPES,
  LI2024_TABLE2_YEARS, table2Cell,
} from './inputs';
import type { Li2024Indicator, Li2024Inputs, Li2024Region, Li2024Scope } from './inputs';
import { perThousand } from './table2';

/** One Table 3 cell: printed, from the unrounded per-1,000 values, and from Table 2's rounded ones. */
export interface Table3Cell {
  scope: Li2024Scope;
  indicator: Li2024Indicator;
  /** '2012-2016', '2016-2021' or '2012-2021'. */
  period: string;
  printed: number;
  printedText: string;
  /** Percent a year, compound rate of the unrounded per-1,000 values (n = calendar years elapsed). */
  fromUnrounded: number;
  /** Percent a year, the same from Table 2's rounded per-1,000 values. */
  fromRounded: number;
  row: ReproductionRow;
}

/**
 * Table 3 rebuilt: r = (v_end / v_start)^(1/n) − 1 (`growthByPeriod`) of the unrounded per-1,000 values; a cell
 * outside rounding that the rounded values reproduce is `explained` (the national row's recipe).
 * @example
 * const t3 = table3Growth(loadLi2024Inputs());
 * t3.length; // => 63
 * t3.filter((c) => c.scope !== 'national' && c.row.status === 'reproduced').length; // => 54
 */
export function table3Growth(inputs: Li2024Inputs): Table3Cell[] {
  const out: Table3Cell[] = [];
  const periods = LI2024_PERIODS.map(([a, b]) => [a, b] as [number, number]);
  for (const scope of LI2024_SCOPES) {
    for (const ind of LI2024_INDICATORS) {
      const years = [...LI2024_TABLE2_YEARS];
      const exact = growthByPeriod(years, years.map((y) => perThousand(inputs, y, scope, ind)), periods);
      const rounded = growthByPeriod(years, years.map((y) => table2Cell(inputs, y, scope, ind).perThousand), periods);
      periods.forEach(([from, to], k) => {
        const period = `${from}-${to}`;
        const pub = inputs.table3.find((r) => r.regionId === scope && r.indicator === ind && r.period === period);
        if (!pub) throw new RangeError(`table3Growth: Table 3 has no cell ${scope} ${ind} ${period}`);
        const fromUnrounded = 100 * exact[k].averageAnnualGrowthRate;
        const fromRounded = 100 * rounded[k].averageAnnualGrowthRate;
        const tolerance = roundingTolerance(pub.valueText);
        const row = compareCell({
          table: 'Table 3', row: LI2024_REGION_LABEL[scope], column: `${LI2024_INDICATOR_LABEL[ind]} ${period} (%)`,
          published: pub.value, reproduced: fromUnrounded, tolerance,
          explanation: Math.abs(fromRounded - pub.value) <= tolerance + 1e-9
            ? `the paper computed this row from the rounded per-1,000 values of Table 2 (that gives ${fromRounded.toFixed(4)}, within rounding of the printed value), while the regional rows use unrounded values; ${fromUnrounded.toFixed(2)} is the rate of the unrounded values`
            : undefined,
          note: 'compound rate of total / population (unrounded), n = calendar years elapsed',
        });
        out.push({ scope, indicator: ind, period, printed: pub.value, printedText: pub.valueText, fromUnrounded, fromRounded, row });
      });
    }
  }
  return out;
}

/** The acceleration after 2016 of one indicator (percentage points, 2016-2021 minus 2012-2016), read several ways. */
export interface GrowthAcceleration {
  indicator: Li2024Indicator;
  /** The text's value (Section 3.1). */
  claimed: number;
  claimedText: string;
  /** Unweighted mean of the seven printed Table 3 rows (six regions and National): the reading that matches. */
  meanOfSevenRows: number;
  /** Unweighted mean of the six regions' printed rows. */
  meanOfSixRegions: number;
  /** The National row, printed rates. */
  nationalPrinted: number;
  /** The National row, unrounded rates. */
  nationalUnrounded: number;
  row: ReproductionRow;
}

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * Section 3.1's "4.01, 4.79 and 4.18 percentage points": the readings tried, and the record (as the mean of the
 * seven printed rows, the one reading that gives them).
 * @example
 * growthAcceleration(loadLi2024Inputs(), table3Growth(loadLi2024Inputs())).map((a) => a.row.status);
 * // => ['reproduced', 'reproduced', 'reproduced']
 */
export function growthAcceleration(inputs: Li2024Inputs, table3: readonly Table3Cell[]): GrowthAcceleration[] {
  const cell = (scope: Li2024Scope, ind: Li2024Indicator, period: string): Table3Cell => {
    const c = table3.find((x) => x.scope === scope && x.indicator === ind && x.period === period);
    if (!c) throw new RangeError(`growthAcceleration: no Table 3 cell ${scope} ${ind} ${period}`);
    return c;
  };
  const diff = (scope: Li2024Scope, ind: Li2024Indicator, exact: boolean): number => {
    const get = (p: string): number => (exact ? cell(scope, ind, p).fromUnrounded : cell(scope, ind, p).printed);
    return get('2016-2021') - get('2012-2016');
  };
  return LI2024_INDICATORS.map((ind) => {
    const claim = inputs.text.find((r) => r.measure === 'growth_rate_difference_2016_2021_minus_2012_2016_pp' && r.indicator === ind);
    if (!claim) throw new RangeError(`growthAcceleration: no text value for ${ind}`);
    const meanOfSevenRows = mean(LI2024_SCOPES.map((r) => diff(r, ind, false)));
    const meanOfSixRegions = mean(LI2024_REGIONS.map((r) => diff(r, ind, false)));
    const nationalPrinted = diff('national', ind, false);
    const row = compareCell({
      table: 'Text 3.1', row: 'growth 2016-2021 minus 2012-2016', column: `${LI2024_INDICATOR_LABEL[ind]} (pp)`,
      published: claim.value, reproduced: meanOfSevenRows, tolerance: roundingTolerance(claim.valueText),
      note: 'only as the unweighted mean of the seven Table 3 rows, i.e. the six regions AND the National row (which double-counts the regions); the National difference alone is ' + nationalPrinted.toFixed(2) + ' pp, the six-region mean ' + meanOfSixRegions.toFixed(2) + ' pp; no test of significance is reported',
    });
    return {
      indicator: ind, claimed: claim.value, claimedText: claim.valueText, meanOfSevenRows, meanOfSixRegions,
      nationalPrinted, nationalUnrounded: diff('national', ind, true), row,
    };
  });
}

/** The fastest-growing region 2012-2021 of one indicator: the text's claim and our ranking. */
export interface FastestRegion {
  indicator: Li2024Indicator;
  claimedRegion: Li2024Region;
  claimedText: string;
  fastest: Li2024Region;
  fastestRate: number;
  runnerUp: Li2024Region;
  runnerUpRate: number;
  row: ReproductionRow;
}

/**
 * Section 3.1's fastest-growth statements (southwest for HTP and RN, north for PHY) against our Table 3.
 * @example
 * fastestRegions(loadLi2024Inputs(), table3Growth(loadLi2024Inputs())).map((f) => f.fastest);
 * // => ['southwest', 'southwest', 'north']
 */
export function fastestRegions(inputs: Li2024Inputs, table3: readonly Table3Cell[]): FastestRegion[] {
  const rate = (r: Li2024Scope, ind: string): number => {
    const c = table3.find((x) => x.scope === r && x.indicator === ind && x.period === '2012-2021');
    if (!c) throw new RangeError(`fastestRegions: no Table 3 cell ${r} ${ind} 2012-2021`);
    return c.fromUnrounded;
  };
  return inputs.text.filter((r) => r.measure === 'average_growth_rate_per_1000_pct').map((claim) => {
    const ind = claim.indicator as Li2024Indicator;
    const best = LI2024_REGIONS.slice().sort((a, b) => rate(b, ind) - rate(a, ind));
    const claimed = claim.regionId as Li2024Region;
    const row = compareCell({
      table: 'Text 3.1', row: `fastest 2012-2021 growth (${LI2024_REGION_LABEL[claimed]})`, column: `${LI2024_INDICATOR_LABEL[ind]} (%)`,
      published: claim.value, reproduced: best[0] === claimed ? rate(best[0], ind) : rate(claimed, ind), tolerance: roundingTolerance(claim.valueText),
      note: `fastest region by our Table 3: ${LI2024_REGION_LABEL[best[0]]} (${rate(best[0], ind).toFixed(2)}%), runner-up ${LI2024_REGION_LABEL[best[1]]} (${rate(best[1], ind).toFixed(2)}%)`,
    });
    return {
      indicator: ind, claimedRegion: claimed, claimedText: claim.valueText, fastest: best[0], fastestRate: rate(best[0], ind),
      runnerUp: best[1], runnerUpRate: rate(best[1], ind), row,
    };
  });
}
