/**
 * Fu et al. (2023), table by table: each published cell next to Equilab's value, with the tolerance its printed
 * precision (or the density-rounding band) allows and the status; and the records of the checks behind each
 * `explained` or `unexplained` cell (denominators tried, the paper's own identities, swaps, the area table).
 * `fu2023Reproduction()` returns every row, in the order of the paper's tables.
 *
 * Fu Y, Wang J, Sun J, Zhang S, Huang D (2023). Healthcare 11(3):398. doi:10.3390/healthcare11030398
 */
import { averageAnnualGrowthRate } from '../../measures/growth';
import { parseTableNumber } from '../../data/readProvinceTable';
import { loadPublishedTable } from '../../data/published';
import type { PublishedCell } from '../../data/published';
import { compareCell, roundingTolerance } from '../reproduction';
import type { ReproductionRow } from '../reproduction';
import { bandTolerance, median, printedValue } from '../common';
import type { Fu2023StatKey } from './equity';
import { FU2023_REGION_ID, FU2023_ROW_LABEL, FU2023_ZONES, fu2023Cell, fu2023ProvinceIndices } from './inputs';
import type { Fu2023Scope } from './inputs';
import { fu2023ImpliedAreaShares, fu2023ImpliedAreaYears, fu2023StatsWithImpliedAreas, fu2023Study } from './study';
import type { Fu2023Study } from './study';

const SCOPES: Fu2023Scope[] = ['Total', ...FU2023_ZONES];
const sumOver = (x: number[], idx: number[]): number => idx.reduce((s, i) => s + x[i], 0);

// ---------------------------------------------------------------------------------------------- Table 1

/** A zone's (or the nation's) GP count rebuilt from the printed densities, against Table 1. */
export type Fu2023RebuiltCount = {
  scope: Fu2023Scope;
  year: number;
  published: number;
  rebuilt: number;
  /** Standard deviation of the rebuilt sum under uniform density rounding: sqrt(Σ (0.005 P)² / 3). */
  sigma: number;
  /** (rebuilt - published) / sigma. */
  z: number;
};

/**
 * Σ d_it P_it over a zone (or all 31 provinces) in year index t, with its rounding standard deviation.
 * @example
 * const c = fu2023RebuiltCount(fu2023Study(), 'Total', 0);
 * c.published; // => 109794
 * Math.abs(c.z) < 3; // => true
 */
export function fu2023RebuiltCount(study: Fu2023Study, scope: Fu2023Scope, t: number, population: number[][] = study.inputs.population): Fu2023RebuiltCount {
  const { inputs } = study;
  const idx = fu2023ProvinceIndices(scope, inputs);
  const rebuilt = idx.reduce((s, i) => s + inputs.density[t][i] * population[t][i], 0);
  const sigma = Math.sqrt(idx.reduce((s, i) => s + (0.005 * population[t][i]) ** 2 / 3, 0));
  const published = inputs.table1[scope][t];
  return { scope, year: inputs.years[t], published, rebuilt, sigma, z: (rebuilt - published) / sigma };
}

/**
 * Table 1: the rebuilt counts against the printed ones, tolerance 3σ of density rounding plus half a person.
 * @example
 * fu2023Table1Rows(fu2023Study()).filter((r) => r.status === 'reproduced').length; // => 32
 */
export function fu2023Table1Rows(study: Fu2023Study): ReproductionRow[] {
  return study.inputs.years.flatMap((y, t) => SCOPES.map((scope) => {
    const { rebuilt, sigma, published } = fu2023RebuiltCount(study, scope, t);
    const n = fu2023ProvinceIndices(scope, study.inputs).length;
    return compareCell({
      table: 'Table 1', row: String(y), column: scope, published, reproduced: rebuilt,
      tolerance: 3 * sigma + 0.5,
      note: `sum over ${n} provinces of printed density x first-published population; tolerance 3 sigma of density rounding (sigma ${sigma.toFixed(0)})`,
    });
  }));
}

/** Which population the paper used: the Middle zone's 2013 count and the national residuals under each series. */
export type Fu2023PopulationTest = {
  population: string;
  middle2013Residual: number;
  middle2013Z: number;
  nationalResidualPctMin: number;
  nationalResidualPctMax: number;
};

/**
 * Rebuild Table 1 with the population as printed (Heilongjiang 2013 = 3535), with the erratum (3835) and with the
 * revised series: only the first-published series with the erratum fits.
 * @example
 * fu2023PopulationTests(fu2023Study()).map((r) => Math.abs(r.middle2013Z) < 3); // => [false, true, false]
 */
export function fu2023PopulationTests(study: Fu2023Study): Fu2023PopulationTest[] {
  const { inputs } = study;
  return [
    { population: 'as printed in the copy (Heilongjiang 2013 = 3535)', pop: inputs.populationAsPrinted },
    { population: 'with erratum (3835)', pop: inputs.population },
    { population: 'revised NBS series (after the 2020 census)', pop: inputs.populationRevised },
  ].map(({ population, pop }) => {
    const middle = fu2023RebuiltCount(study, 'Middle', 1, pop);
    const national = inputs.years.map((_, t) => {
      const r = fu2023RebuiltCount(study, 'Total', t, pop);
      return (100 * (r.rebuilt - r.published)) / r.published;
    });
    return {
      population, middle2013Residual: middle.rebuilt - middle.published, middle2013Z: middle.z,
      nationalResidualPctMin: Math.min(...national), nationalResidualPctMax: Math.max(...national),
    };
  });
}

// ---------------------------------------------------------------------------------------------- Table 2

/** A candidate national denominator of Table 2's "Total" row in one year. */
export type Fu2023DenominatorFit = {
  year: number;
  key: 'national total' | '31-province sum' | 'revised 31-province sum';
  label: string;
  /** 10,000 persons. */
  denominator: number;
  /** Table 1 total / denominator. */
  value: number;
  printed: string;
  /** Whether the value rounds to the printed cell. */
  fits: boolean;
};

/**
 * Table 1's national count divided by each candidate population, per year: [year index][candidate].
 * @example
 * const fits = fu2023NationalDenominators(fu2023Study());
 * fits[2].map((f) => f.fits); // => [false, true, false]
 */
export function fu2023NationalDenominators(study: Fu2023Study): Fu2023DenominatorFit[][] {
  const { inputs } = study;
  const all = fu2023ProvinceIndices('Total', inputs);
  const candidates = [
    { key: 'national total' as const, label: 'national year-end total (CSY2020)', of: (t: number) => inputs.nationalPopulation[t] },
    { key: '31-province sum' as const, label: 'sum of the 31 provinces, as first published', of: (t: number) => sumOver(inputs.population[t], all) },
    { key: 'revised 31-province sum' as const, label: 'sum of the 31 provinces, revised series', of: (t: number) => sumOver(inputs.populationRevised[t], all) },
  ];
  return inputs.years.map((y, t) => {
    const cell = fu2023Cell(2, { regionId: 'national', year: y, measure: 'per_10000' }, inputs);
    return candidates.map((d) => {
      const value = inputs.table1.Total[t] / d.of(t);
      return {
        year: y, key: d.key, label: d.label, denominator: d.of(t), value, printed: cell.valueText,
        fits: Math.abs(value - printedValue(cell)) <= roundingTolerance(cell.valueText) * (1 + 1e-9),
      };
    });
  });
}

/**
 * The years in which each denominator rounds to the printed "Total", as one sentence.
 * @example
 * fu2023DenominatorSummary(fu2023Study()).startsWith('national total fits 2012, 2013, 2015'); // => true
 */
export function fu2023DenominatorSummary(study: Fu2023Study): string {
  const fits = fu2023NationalDenominators(study);
  return fits[0].map((d, k) => {
    const years = study.inputs.years.filter((_, t) => fits[t][k].fits);
    return `${d.key} fits ${years.join(', ') || 'no year'}`;
  }).join('; ');
}

/** A zone's density from Table 1 (zone count / zone population; Total: / national year-end population). */
function zoneDensity(study: Fu2023Study, scope: Fu2023Scope, t: number, pop: number[][]): number {
  const { inputs } = study;
  return scope === 'Total'
    ? inputs.table1.Total[t] / inputs.nationalPopulation[t]
    : inputs.table1[scope][t] / sumOver(pop[t], fu2023ProvinceIndices(scope, inputs));
}

/**
 * Table 2, zone and national rows: Table 1 counts / population, tolerance half a printed unit; the "Total" row
 * with the denominators tried.
 * @example
 * fu2023Table2ZoneRows(fu2023Study()).filter((r) => r.status !== 'reproduced').map((r) => r.column); // => ['2014', '2018']
 */
export function fu2023Table2ZoneRows(study: Fu2023Study): ReproductionRow[] {
  const { inputs } = study;
  const fits = fu2023NationalDenominators(study);
  const summary = fu2023DenominatorSummary(study);
  const rows: ReproductionRow[] = [];
  for (const scope of SCOPES) {
    inputs.years.forEach((y, t) => {
      const cell = fu2023Cell(2, { regionId: FU2023_REGION_ID[scope], year: y, measure: 'per_10000' }, inputs);
      const ours = zoneDensity(study, scope, t, inputs.population);
      const base = { table: 'Table 2', row: FU2023_ROW_LABEL[scope], column: String(y), published: printedValue(cell), reproduced: ours, tolerance: roundingTolerance(cell.valueText) };
      if (scope !== 'Total') {
        rows.push(compareCell({ ...base, note: 'Table 1 zone count / sum of the zone population' }));
        return;
      }
      const tried = fits[t].map((f) => `/ ${f.label} (${f.denominator.toLocaleString('en-US')}) = ${f.value.toFixed(4)}${f.fits ? '' : ' (does not round to ' + cell.valueText + ')'}`).join(', ');
      const fitting = fits[t].filter((f) => f.fits && f.key !== 'national total');
      const explanation = fitting.length
        ? `the row mixes denominators: ${cell.valueText} is Table 1 total / ${fitting.map((f) => `${f.label} = ${f.value.toFixed(4)}`).join(' and ')}, while the national total gives ${fits[t][0].value.toFixed(4)}; over 2012-2019 ${summary}`
        : undefined;
      rows.push(compareCell({
        ...base, explanation,
        note: Math.abs(ours - printedValue(cell)) <= roundingTolerance(cell.valueText) * (1 + 1e-9)
          ? 'Table 1 total / national year-end population (CSY2020)'
          : `Table 1 total / national year-end population (CSY2020); tried: Table 1 total ${tried}`,
      }));
    });
  }
  return rows;
}

/**
 * Table 2, AAGR (%): recomputed from the printed 2012 and 2019 densities, tolerance half a printed unit. Rows:
 * the nation, the three zones, then the 31 provinces.
 * @example
 * fu2023AagrRows(fu2023Study()).length; // => 35
 */
export function fu2023AagrRows(study: Fu2023Study): ReproductionRow[] {
  const { inputs } = study;
  const rowsOfTable2 = [
    ...SCOPES.map((scope) => ({ label: FU2023_ROW_LABEL[scope], where: { regionId: FU2023_REGION_ID[scope] } as Partial<PublishedCell> })),
    ...inputs.provinces.map((p) => ({ label: p.name, where: { provinceCode: p.code } as Partial<PublishedCell> })),
  ];
  return rowsOfTable2.map(({ label, where }) => {
    const first = printedValue(fu2023Cell(2, { ...where, year: 2012, measure: 'per_10000' }, inputs));
    const last = printedValue(fu2023Cell(2, { ...where, year: 2019, measure: 'per_10000' }, inputs));
    const printedAagr = fu2023Cell(2, { ...where, measure: 'aagr_pct' }, inputs);
    return compareCell({
      table: 'Table 2', row: label, column: 'AAGR (%)', published: printedValue(printedAagr),
      reproduced: 100 * averageAnnualGrowthRate(first, last, 7), tolerance: roundingTolerance(printedAagr.valueText),
      note: 'from the printed 2012 and 2019 densities',
    });
  });
}

// ---------------------------------------------------------------------------------------------- Tables 3-5

/** The paper's own identities between Tables 1, 3, 4 and 5, per year. */
export type Fu2023RegistrationCheck = {
  year: number;
  table1Gps: number;
  registrations: number;
  certificates: number;
  /** registrations + certificates - Table 1 (0 when the identity holds). */
  identityGap: number;
  /** Sum of the three institution columns of the registrations. */
  institutionSum: number;
  /** 100 × registrations / Table 1. */
  registrationPct: number;
  /** Table 4's printed national rate. */
  table4Pct: number;
  /** Physicians implied by Table 1 / Table 3 (persons). */
  impliedPhysicians: number;
  /** Change from the previous year, % (null in 2012). */
  impliedPhysiciansChangePct: number | null;
};

/**
 * Registrations + certificates = Table 1? Table 4 = registrations / Table 1? Physicians implied by Table 1 / Table 3.
 * @example
 * fu2023RegistrationChecks(fu2023Study()).find((r) => r.year === 2015).identityGap; // => -30000
 */
export function fu2023RegistrationChecks(study: Fu2023Study): Fu2023RegistrationCheck[] {
  const { inputs } = study;
  const c = (k: number, where: Partial<PublishedCell>) => printedValue(fu2023Cell(k, where, inputs));
  const implied = inputs.years.map((y, t) => inputs.table1.Total[t] / (c(3, { regionId: 'national', year: y }) / 100));
  return inputs.years.map((y, t) => {
    const registrations = c(5, { year: y, measure: 'registrations', category: 'total' });
    const certificates = c(5, { year: y, measure: 'training_certificates', category: 'total' });
    const parts = ['hospital', 'community_hospital', 'township_hospital'].map((category) => c(5, { year: y, measure: 'registrations', category }));
    return {
      year: y, table1Gps: inputs.table1.Total[t], registrations, certificates,
      identityGap: registrations + certificates - inputs.table1.Total[t],
      institutionSum: parts.reduce((a, b) => a + b, 0),
      registrationPct: (100 * registrations) / inputs.table1.Total[t],
      table4Pct: c(4, { regionId: 'national', year: y }),
      impliedPhysicians: implied[t],
      impliedPhysiciansChangePct: t === 0 ? null : 100 * (implied[t] / implied[t - 1] - 1),
    };
  });
}

/** Fu et al. Table 3 against Yu et al. (2021) Table 5, 2012-2017. */
export type Fu2023YuComparison = {
  /** Cells of Table 3, 2012-2017, equal to Yu et al.'s. */
  equal: number;
  compared: number;
  /** Rows of Yu et al.'s table whose 2013 and 2014 cells are identical. */
  yu2013Equals2014: number;
  yuRows: number;
};

/**
 * Compare Table 3 with Yu et al. (2021), Hum Resour Health 19:20 (doi:10.1186/s12960-021-00561-4), Table 5.
 * @example
 * fu2023YuComparison(fu2023Study()); // => { equal: 24, compared: 24, yu2013Equals2014: 35, yuRows: 35 }
 */
export function fu2023YuComparison(study: Fu2023Study): Fu2023YuComparison {
  const { inputs } = study;
  const yu = loadPublishedTable('yu2021', 'table5').rows;
  let equal = 0;
  let compared = 0;
  for (const scope of SCOPES) {
    for (const y of inputs.years.filter((v) => v <= 2017)) {
      const ours3 = printedValue(fu2023Cell(3, { regionId: FU2023_REGION_ID[scope], year: y }, inputs));
      const theirs = yu.find((c) => c.regionId === FU2023_REGION_ID[scope] && c.year === y);
      compared++;
      if (theirs && parseTableNumber(theirs.valueText) === ours3) equal++;
    }
  }
  const of2013 = yu.filter((c) => c.year === 2013);
  const same = of2013.filter((c) => {
    const next = yu.find((d) => d.rowOrder === c.rowOrder && d.year === 2014);
    return next !== undefined && next.valueText === c.valueText;
  }).length;
  return { equal, compared, yu2013Equals2014: same, yuRows: of2013.length };
}

/**
 * Tables 3-5: not reproducible from public data, except Table 4's national row (registrations / Table 1).
 * @example
 * fu2023Tables345Rows(fu2023Study()).filter((r) => r.status === 'explained').length; // => 1
 */
export function fu2023Tables345Rows(study: Fu2023Study): ReproductionRow[] {
  const { inputs } = study;
  const checks = fu2023RegistrationChecks(study);
  const rows: ReproductionRow[] = [];
  for (const cell of inputs.cells.filter((c) => c.table === 'table3')) {
    rows.push(compareCell({
      table: 'Table 3', row: cell.rowLabel, column: cell.columnLabel, published: printedValue(cell), reproduced: null,
      missingInput: 'practising (assistant) physicians by zone and year (China Health Statistics Yearbook)',
      note: cell.year === 2014 ? `the 2014 column repeats 2013 (as in Yu et al. 2021 Table 5); physicians implied by Table 1 / Table 3 change ${(checks[2].impliedPhysiciansChangePct as number).toFixed(1)}% in 2014, then ${(checks[3].impliedPhysiciansChangePct as number).toFixed(1)}% in 2015` : undefined,
    }));
  }
  for (const cell of inputs.cells.filter((c) => c.table === 'table4')) {
    if (cell.regionId === 'national') {
      const t = inputs.years.indexOf(cell.year as number);
      rows.push(compareCell({
        table: 'Table 4', row: cell.rowLabel, column: cell.columnLabel, published: printedValue(cell), reproduced: checks[t].registrationPct,
        tolerance: roundingTolerance(cell.valueText),
        explanation: 'error in the paper (Table 5): the printed 2015 registrations 38,364 are a typo for 68,364, which gives 68,364 / 188,649 = 36.24% (erratum fu2023-t5-registrations-2015)',
        note: 'Table 5 registrations / Table 1 total, as printed',
      }));
    } else {
      rows.push(compareCell({ table: 'Table 4', row: cell.rowLabel, column: cell.columnLabel, published: printedValue(cell), reproduced: null, missingInput: 'GP registrations by zone and year' }));
    }
  }
  for (const cell of inputs.cells.filter((c) => c.table === 'table5')) {
    rows.push(compareCell({
      table: 'Table 5', row: cell.rowLabel, column: cell.columnLabel, published: printedValue(cell), reproduced: null,
      missingInput: 'GP registrations and training certificates by institution type (China Health Statistics Yearbook)',
      note: cell.errata.length ? `printed ${cell.valueText} is a typo for ${cell.value.toLocaleString('en-US')}: only that value satisfies registrations + certificates = Table 1 and Table 4's rate (erratum ${cell.errata.join(', ')})` : undefined,
    }));
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------- Tables 6-7

/**
 * The tolerance of a Gini or Theil cell: the 99 % density-rounding band around our value plus half a printed unit.
 * @example
 * fu2023BandTolerance(fu2023Study(), 0, 'giniPopulation', '0.3123') < 0.002; // => true
 */
export function fu2023BandTolerance(study: Fu2023Study, t: number, key: Fu2023StatKey, printedText: string, wikipedia = false): number {
  const stats = wikipedia ? study.statsWikipedia : study.stats;
  const band = wikipedia ? study.bandWikipedia : study.band;
  return bandTolerance(stats[t][key], band[t][key], printedText);
}

/** What else was tried for an area-based cell: the Wikipedia areas and the shares implied by Table 10. */
function areaAlternatives(study: Fu2023Study, t: number, key: Fu2023StatKey, cell: PublishedCell): string {
  const implied = fu2023StatsWithImpliedAreas(study, t)[key];
  const wiki = study.statsWikipedia[t][key];
  return `other area tables tried: Wikipedia areas ${wiki.toFixed(4)} (difference ${(wiki - printedValue(cell)).toFixed(4)}), the area shares implied by Table 10 ${implied.toFixed(4)} (difference ${(implied - printedValue(cell)).toFixed(4)})`;
}

/**
 * Table 6: the Gini by population and by area (2008 land survey), tolerance the rounding band.
 * @example
 * fu2023Table6Rows(fu2023Study()).every((r) => r.status === 'reproduced'); // => true
 */
export function fu2023Table6Rows(study: Fu2023Study): ReproductionRow[] {
  const { inputs } = study;
  const rows: ReproductionRow[] = [];
  inputs.years.forEach((y, t) => {
    const cell = fu2023Cell(6, { basis: 'population', year: y }, inputs);
    rows.push(compareCell({
      table: 'Table 6', row: 'Population', column: String(y), published: printedValue(cell), reproduced: study.stats[t].giniPopulation,
      tolerance: fu2023BandTolerance(study, t, 'giniPopulation', cell.valueText), note: '99% density-rounding band + half a printed unit',
    }));
  });
  inputs.years.forEach((y, t) => {
    const cell = fu2023Cell(6, { basis: 'geographical_area', year: y }, inputs);
    rows.push(compareCell({
      table: 'Table 6', row: 'Geographical area', column: String(y), published: printedValue(cell), reproduced: study.stats[t].giniArea,
      tolerance: fu2023BandTolerance(study, t, 'giniArea', cell.valueText),
      note: `2008 land-survey areas; 99% density-rounding band + half a printed unit; ${areaAlternatives(study, t, 'giniArea', cell)}`,
    }));
  });
  return rows;
}

/** The columns of Table 7 and the statistic each is compared with. */
export const FU2023_TABLE7_COLUMNS: ReadonlyArray<{ key: Fu2023StatKey; measure: string; basis: string; label: string }> = Object.freeze([
  { key: 'theilPopulation', measure: 'theil_total', basis: 'population', label: 'T pop' },
  { key: 'betweenPopulation', measure: 'theil_between', basis: 'population', label: 'B pop' },
  { key: 'withinPopulation', measure: 'theil_within', basis: 'population', label: 'W pop' },
  { key: 'theilArea', measure: 'theil_total', basis: 'geographical_area', label: 'T area' },
  { key: 'betweenArea', measure: 'theil_between', basis: 'geographical_area', label: 'B area' },
  { key: 'withinArea', measure: 'theil_within', basis: 'geographical_area', label: 'W area' },
  { key: 'withinPctPopulation', measure: 'within_contribution_pct', basis: 'population', label: 'W% pop' },
  { key: 'withinPctArea', measure: 'within_contribution_pct', basis: 'geographical_area', label: 'W% area' },
]);

/**
 * Table 7: Theil L (log10), between, within and the within contribution rate, by population and by area.
 * @example
 * fu2023Table7Rows(fu2023Study()).filter((r) => r.status === 'unexplained').length; // => 3
 */
export function fu2023Table7Rows(study: Fu2023Study): ReproductionRow[] {
  const { inputs } = study;
  const c7 = (measure: string, basis: string, year: number) => fu2023Cell(7, { measure, basis, year }, inputs);
  const rows: ReproductionRow[] = [];
  inputs.years.forEach((y, t) => {
    for (const { key, measure, basis } of FU2023_TABLE7_COLUMNS) {
      const cell = c7(measure, basis, y);
      const tolerance = fu2023BandTolerance(study, t, key, cell.valueText);
      let explanation: string | undefined;
      const notes: string[] = ['Theil L, log10; 99% density-rounding band + half a printed unit'];
      if (basis === 'geographical_area') {
        notes.push(`2008 land-survey areas; ${areaAlternatives(study, t, key, cell)}`);
        if (Math.abs(study.stats[t][key] - printedValue(cell)) > tolerance) {
          const fitting = inputs.years.filter((u, k) => {
            const other = c7(measure, basis, u);
            return Math.abs(study.stats[k][key] - printedValue(other)) <= fu2023BandTolerance(study, k, key, other.valueText);
          });
          notes.push(`the land survey reproduces this column in ${fitting.length} of ${inputs.years.length} years (${fitting.join(', ')}); suspected error in the paper (Section 4.2)`);
        }
      }
      if (measure === 'within_contribution_pct') {
        const total = c7('theil_total', basis, y);
        const within = c7('theil_within', basis, y);
        const printedRatio = (100 * printedValue(within)) / printedValue(total);
        notes.push(`the paper's own W/T = ${within.valueText}/${total.valueText} = ${printedRatio.toFixed(2)}`);
        // Rounding W and T to their printed digits moves W/T by at most this much (first order), plus the rate's half unit.
        const ratioBound = 100 * (roundingTolerance(within.valueText) / printedValue(total) + (printedValue(within) * roundingTolerance(total.valueText)) / printedValue(total) ** 2) + roundingTolerance(cell.valueText);
        if (Math.abs(printedRatio - printedValue(cell)) > ratioBound) {
          explanation = `error in the paper: the printed rate ${cell.valueText} is not its own row's W/T = ${printedRatio.toFixed(2)} (rounding of W and T allows ${ratioBound.toFixed(3)})`;
        }
      }
      rows.push(compareCell({ table: 'Table 7', row: String(y), column: cell.columnLabel, published: printedValue(cell), reproduced: study.stats[t][key], tolerance, explanation, note: notes.join('; ') }));
    }
  });
  return rows;
}

/** Table 7's printed values checked against each other, one basis and year. */
export type Fu2023Table7Consistency = {
  basis: 'population' | 'geographical_area';
  year: number;
  total: number;
  between: number;
  within: number;
  /** between + within - total, as printed (0 up to the rounding of three printed values). */
  sumGap: number;
  /** The printed contribution rate of the within part, %. */
  rate: number;
  /** 100 × within / total from the printed values. */
  rateFromPrinted: number;
  /** rate - rateFromPrinted. */
  rateGap: number;
};

/**
 * Table 7's internal identities from its printed values: B + W = T, and the rate = 100 W / T.
 * @example
 * const c = fu2023Table7Consistency(fu2023Study()).find((r) => r.basis === 'geographical_area' && r.year === 2012);
 * [c.rate, Number(c.rateFromPrinted.toFixed(2))]; // => [55.10, 55.23]
 */
export function fu2023Table7Consistency(study: Fu2023Study): Fu2023Table7Consistency[] {
  const { inputs } = study;
  return (['population', 'geographical_area'] as const).flatMap((basis) => inputs.years.map((year) => {
    const v = (measure: string) => printedValue(fu2023Cell(7, { measure, basis, year }, inputs));
    const [total, between, within, rate] = ['theil_total', 'theil_between', 'theil_within', 'within_contribution_pct'].map(v);
    const rateFromPrinted = (100 * within) / total;
    return { basis, year, total, between, within, sumGap: between + within - total, rate, rateFromPrinted, rateGap: rate - rateFromPrinted };
  }));
}

// ---------------------------------------------------------------------------------------------- Tables 8-9

/** Table 9 against the within-zone components of one basis and year. */
export type Fu2023ZoneTheilCheck = {
  basis: 'population' | 'geographical_area';
  year: number;
  /** Sum of the three printed Table 9 values. */
  table9Sum: number;
  /** Table 7's printed within part. */
  table7Within: number;
  zones: { zone: string; table9: number; ownTheil: number; contribution: number }[];
};

/**
 * Table 9 next to each zone's own Theil index and its contribution P_g T_g (from `analysePanel`), per basis and year.
 * @example
 * const checks = fu2023ZoneTheilChecks(fu2023Study());
 * const pop2019 = checks.find((c) => c.basis === 'population' && c.year === 2019);
 * [pop2019.table9Sum, pop2019.table7Within]; // => [0.0329, 0.0165]
 */
export function fu2023ZoneTheilChecks(study: Fu2023Study): Fu2023ZoneTheilCheck[] {
  const { inputs } = study;
  return (['population', 'geographical_area'] as const).flatMap((basis) => inputs.years.map((y, t) => {
    const year = study.analysis.years[t];
    const theil = basis === 'population' ? year.byPopulation.theil : (year.byArea as NonNullable<typeof year.byArea>).theil;
    const t9 = FU2023_ZONES.map((z) => printedValue(fu2023Cell(9, { basis, year: y, regionId: FU2023_REGION_ID[z] }, inputs)));
    return {
      basis, year: y, table9Sum: t9.reduce((a, b) => a + b, 0),
      table7Within: printedValue(fu2023Cell(7, { measure: 'theil_within', basis, year: y }, inputs)),
      zones: FU2023_ZONES.map((zone, g) => {
        const group = theil.groups.find((x) => x.group === zone);
        if (!group) throw new Error(`fu2023ZoneTheilChecks: no zone ${zone} in the analysis`);
        return { zone, table9: t9[g], ownTheil: group.theil, contribution: group.contribution };
      }),
    };
  }));
}

/**
 * Largest |100 × Table 9 / Σ Table 9 - Table 8| over all 48 cells, percentage points: Table 8 is Table 9 renormalised.
 * @example
 * fu2023Table8Renormalisation(fu2023Study()) < 0.01; // => true
 */
export function fu2023Table8Renormalisation(study: Fu2023Study): number {
  const { inputs } = study;
  let worst = 0;
  for (const basis of ['population', 'geographical_area']) {
    for (const y of inputs.years) {
      const t9 = FU2023_ZONES.map((z) => printedValue(fu2023Cell(9, { basis, year: y, regionId: FU2023_REGION_ID[z] }, inputs)));
      const t8 = FU2023_ZONES.map((z) => printedValue(fu2023Cell(8, { basis, year: y, regionId: FU2023_REGION_ID[z] }, inputs)));
      const total = t9.reduce((a, b) => a + b, 0);
      t9.forEach((v, g) => { worst = Math.max(worst, Math.abs((100 * v) / total - t8[g])); });
    }
  }
  return worst;
}

/**
 * Tables 8 and 9: not reproducible (no tested formula fits), with the two checks in the note.
 * @example
 * fu2023Tables89Rows(fu2023Study()).length; // => 96
 */
export function fu2023Tables89Rows(study: Fu2023Study): ReproductionRow[] {
  return ['Table 8', 'Table 9'].flatMap((table) => study.inputs.cells.filter((c) => c.table === table.replace('Table ', 'table')).map((cell) => compareCell({
    table, row: String(cell.year), column: cell.columnLabel, published: printedValue(cell), reproduced: null,
    missingInput: 'the paper\'s method for per-zone Theil values: none of the tested formulas (own T_g or P_g T_g, Theil L or T, log10 or ln) fits',
    note: table === 'Table 8'
      ? 'Table 8 equals Table 9 renormalised to 100 % (all 48 cells), not a contribution to Table 7'
      : 'the three zone values do not add up to the within part of Table 7',
  })));
}

// ---------------------------------------------------------------------------------------------- Tables 10-11

/** Inner Mongolia and Guangxi: their 2016 values are swapped in Tables 10 and 11. */
export const FU2023_SWAP_2016: Readonly<Record<string, string>> = Object.freeze({ 'Inner Mongolia': 'Guangxi', Guangxi: 'Inner Mongolia' });

/**
 * Rounding bound of a province's ratio to the national density (HRAD, HRAD/PAD): ratio × (0.005 / d_i + 0.005 / d_nat)
 * plus half a printed unit (first order, worst case).
 * @example
 * fu2023RatioRoundingBound(fu2023Study(), 1, 0, 0, '1.000') > 0.0005; // => true
 */
export function fu2023RatioRoundingBound(study: Fu2023Study, ratio: number, t: number, i: number, printedText: string): number {
  const national = study.analysis.years[t].total.density;
  return ratio * (0.005 / study.inputs.density[t][i] + 0.005 / national) + roundingTolerance(printedText);
}

/** Relative rounding error of a rebuilt GP share (printed density and national density, each ±0.005). */
function gpShareRelativeError(study: Fu2023Study, t: number, i: number): number {
  return 0.005 / study.inputs.density[t][i] + 0.005 / study.analysis.years[t].total.density;
}

const hradOf = (study: Fu2023Study, t: number, i: number): number => {
  const agg = study.analysis.years[t].agglomeration;
  if (!agg) throw new Error('fu2023: the analysis has no agglomeration (no area)');
  return agg.units[i].hrad;
};
const hradToPadOf = (study: Fu2023Study, t: number, i: number): number => {
  const agg = study.analysis.years[t].agglomeration;
  if (!agg) throw new Error('fu2023: the analysis has no agglomeration (no area)');
  return agg.units[i].hradOverPad;
};

/**
 * Table 10 (HRAD): province cells with the land-survey areas, tolerance the density-rounding bound; a miss is
 * checked against the 2016 swap and against the area shares implied by the paper's other years. Zone rows from
 * Table 1's counts, tolerance half a printed unit.
 * @example
 * fu2023Table10Rows(fu2023Study()).filter((r) => r.status === 'explained').map((r) => r.row); // => ['Inner Mongolia', 'Guangxi']
 */
export function fu2023Table10Rows(study: Fu2023Study): ReproductionRow[] {
  const { inputs } = study;
  const rows: ReproductionRow[] = [];
  const names = inputs.provinces.map((p) => p.name);
  const impliedBound = (value: number, t: number, i: number, from: number[], printedText: string): number =>
    value * (gpShareRelativeError(study, t, i) + Math.max(...from.map((u) => gpShareRelativeError(study, u, i) + roundingTolerance(study.hradCells[u][i].valueText) / printedValue(study.hradCells[u][i]))))
    + roundingTolerance(printedText);
  inputs.years.forEach((y, t) => {
    const loo = fu2023ImpliedAreaShares(study, t);
    names.forEach((name, i) => {
      const cell = study.hradCells[t][i];
      const hrad = hradOf(study, t, i);
      const tolerance = fu2023RatioRoundingBound(study, hrad, t, i, cell.valueText);
      const withImplied = study.gpShare[t][i] / loo[i];
      const toleranceImplied = impliedBound(withImplied, t, i, fu2023ImpliedAreaYears(study, t), cell.valueText);
      const withWiki = study.gpShare[t][i] / study.areaShareWikipedia[i];
      let explanation: string | undefined;
      const tried: string[] = [];
      const printed = printedValue(cell);
      if (Math.abs(hrad - printed) > tolerance && y === 2016 && FU2023_SWAP_2016[name]) {
        const j = names.indexOf(FU2023_SWAP_2016[name]);
        const partner = hradOf(study, t, j);
        const partnerBound = fu2023RatioRoundingBound(study, partner, t, j, cell.valueText);
        if (Math.abs(partner - printed) <= partnerBound) {
          explanation = `error in the paper: the 2016 values of Inner Mongolia and Guangxi are swapped (printed ${cell.valueText}; ${FU2023_SWAP_2016[name]} computes to ${partner.toFixed(3)} with the land-survey areas, within its bound ${partnerBound.toFixed(4)})`;
        } else {
          tried.push(`swap with ${FU2023_SWAP_2016[name]} (${partner.toFixed(3)}, outside its bound ${partnerBound.toFixed(4)})`);
        }
      }
      if (Math.abs(hrad - printed) > tolerance && !explanation) {
        if (Math.abs(withImplied - printed) <= toleranceImplied) {
          explanation = `area table: with the area share implied by the paper's other years (${(loo[i] / study.areaShare[i]).toFixed(4)} x the land-survey share) HRAD = ${withImplied.toFixed(3)}, within its rounding bound ${toleranceImplied.toFixed(4)}`;
        } else {
          tried.push(`area share implied by the other years: HRAD = ${withImplied.toFixed(3)} (outside its rounding bound ${toleranceImplied.toFixed(4)})`);
        }
      }
      const base = `GP share / area share (2008 land survey); tolerance: first-order bound of density rounding + half a printed unit; with the Wikipedia areas HRAD = ${withWiki.toFixed(3)}`;
      rows.push(compareCell({
        table: 'Table 10', row: name, column: String(y), published: printed, reproduced: hrad, tolerance, explanation,
        note: tried.length && !explanation ? `${base}; not explained; tried: ${tried.join('; ')}` : base,
      }));
    });
    FU2023_ZONES.forEach((zone) => {
      const cell = fu2023Cell(10, { regionId: FU2023_REGION_ID[zone], year: y }, inputs);
      const idx = fu2023ProvinceIndices(zone, inputs);
      const zoneShare = inputs.table1[zone][t] / inputs.table1.Total[t];
      const hrad = zoneShare / sumOver(study.areaShare, idx);
      const otherYears = inputs.years.map((_, u) => u).filter((u) => u !== t);
      const zoneCellOf = (u: number) => fu2023Cell(10, { regionId: FU2023_REGION_ID[zone], year: inputs.years[u] }, inputs);
      const impliedZoneShare = median(otherYears.map((u) => (inputs.table1[zone][u] / inputs.table1.Total[u]) / printedValue(zoneCellOf(u))));
      const withImplied = zoneShare / impliedZoneShare;
      const tolerance = roundingTolerance(cell.valueText);
      // Table 1 counts are exact; the implied share carries the half unit of the other years' printed HRADs.
      const boundImplied = withImplied * Math.max(...otherYears.map((u) => roundingTolerance(zoneCellOf(u).valueText) / printedValue(zoneCellOf(u)))) + tolerance;
      const fits = Math.abs(withImplied - printedValue(cell)) <= boundImplied;
      const withWiki = zoneShare / sumOver(study.areaShareWikipedia, idx);
      const base = `Table 1 zone share / zone area share (2008 land survey); tolerance: half a printed unit; with the Wikipedia areas HRAD = ${withWiki.toFixed(4)}`;
      rows.push(compareCell({
        table: 'Table 10', row: FU2023_ROW_LABEL[zone], column: String(y), published: printedValue(cell), reproduced: hrad, tolerance,
        explanation: fits
          ? `area table: with the zone's area share implied by the other years of Table 10 (ratio ${(impliedZoneShare / sumOver(study.areaShare, idx)).toFixed(4)} to the land survey) HRAD = ${withImplied.toFixed(4)}, within its rounding bound ${boundImplied.toFixed(4)}`
          : undefined,
        note: Math.abs(hrad - printedValue(cell)) <= tolerance * (1 + 1e-9) || fits
          ? base
          : `${base}; not explained: with the area share implied by the other years HRAD = ${withImplied.toFixed(4)}, outside its rounding bound ${boundImplied.toFixed(4)}`,
      }));
    });
  });
  return rows;
}

/** The printed 2016 value of a swapped province next to its printed values of the other years (Table 10). */
export type Fu2023SwapEvidence = {
  province: string;
  printed2016: number;
  /** Lowest and highest printed HRAD of the other years. */
  otherYearsMin: number;
  otherYearsMax: number;
  /** Equilab's 2016 HRAD of the province and of its swap partner. */
  computed2016: number;
  partnerComputed2016: number;
};

/**
 * The 2016 swap of Inner Mongolia and Guangxi in Table 10: each printed 2016 value lies far outside the province's
 * other years and next to its partner's computed value.
 * @example
 * fu2023SwapEvidence(fu2023Study()).map((r) => r.province); // => ['Inner Mongolia', 'Guangxi']
 */
export function fu2023SwapEvidence(study: Fu2023Study): Fu2023SwapEvidence[] {
  const { inputs } = study;
  const names = inputs.provinces.map((p) => p.name);
  const t16 = inputs.years.indexOf(2016);
  return Object.keys(FU2023_SWAP_2016).map((province) => {
    const i = names.indexOf(province);
    const other = inputs.years.map((_, t) => t).filter((t) => t !== t16).map((t) => printedValue(study.hradCells[t][i]));
    return {
      province, printed2016: printedValue(study.hradCells[t16][i]), otherYearsMin: Math.min(...other), otherYearsMax: Math.max(...other),
      computed2016: hradOf(study, t16, i), partnerComputed2016: hradOf(study, t16, names.indexOf(FU2023_SWAP_2016[province])),
    };
  });
}

/**
 * Σ_i p_i × printed HRAD/PAD_i per year: must be 1 (Σ GP shares); the 2015 column gives 0.9641.
 * @example
 * fu2023Table11ColumnMeans(fu2023Study())[3]; // => 0.9641
 */
export function fu2023Table11ColumnMeans(study: Fu2023Study): number[] {
  const { inputs } = study;
  const all = fu2023ProvinceIndices('Total', inputs);
  return inputs.years.map((_, t) => all.reduce((s, i) => s + (inputs.population[t][i] / sumOver(inputs.population[t], all)) * printedValue(study.hradToPadCells[t][i]), 0));
}

/**
 * Table 11 (HRAD/PAD): province cells (density / national density), zone cells (Table 1 counts); the 2015 column
 * and the 2016 swap explained; no half-unit rule beyond the printed precision.
 * @example
 * fu2023Table11Rows(fu2023Study()).filter((r) => r.status === 'unexplained').map((r) => r.row + ' ' + r.column); // => ['Eastern region 2014']
 */
export function fu2023Table11Rows(study: Fu2023Study): ReproductionRow[] {
  const { inputs } = study;
  const names = inputs.provinces.map((p) => p.name);
  const all = fu2023ProvinceIndices('Total', inputs);
  const means = fu2023Table11ColumnMeans(study);
  const rows: ReproductionRow[] = [];
  inputs.years.forEach((y, t) => {
    names.forEach((name, i) => {
      const cell = study.hradToPadCells[t][i];
      const ratio = hradToPadOf(study, t, i);
      let explanation: string | undefined;
      if (y === 2015) {
        explanation = `error in the paper: the whole 2015 column contradicts Table 2 (population-weighted mean of the printed column ${means[t].toFixed(4)}, must be 1)`;
      } else if (y === 2016 && FU2023_SWAP_2016[name]) {
        const j = names.indexOf(FU2023_SWAP_2016[name]);
        const partner = hradToPadOf(study, t, j);
        if (Math.abs(partner - printedValue(cell)) <= fu2023RatioRoundingBound(study, partner, t, j, cell.valueText)) {
          explanation = `error in the paper: the 2016 values of Inner Mongolia and Guangxi are swapped (printed ${cell.valueText}; ${FU2023_SWAP_2016[name]} computes to ${partner.toFixed(3)})`;
        }
      }
      rows.push(compareCell({
        table: 'Table 11', row: name, column: String(y), published: printedValue(cell), reproduced: ratio,
        tolerance: fu2023RatioRoundingBound(study, ratio, t, i, cell.valueText), explanation,
        note: 'density / national density (rebuilt counts); tolerance: first-order bound of density rounding + half a printed unit',
      }));
    });
    FU2023_ZONES.forEach((zone) => {
      const cell = fu2023Cell(11, { regionId: FU2023_REGION_ID[zone], year: y }, inputs);
      const ratio = zoneDensity(study, zone, t, inputs.population) / (inputs.table1.Total[t] / sumOver(inputs.population[t], all));
      const tolerance = roundingTolerance(cell.valueText);
      const within = Math.abs(ratio - printedValue(cell)) <= tolerance * (1 + 1e-9);
      let note = 'zone density / national density (31-province sum), both from Table 1 counts and the first-published population';
      if (!within && y !== 2015) {
        const withNationalTotal = zoneDensity(study, zone, t, inputs.population) / (inputs.table1.Total[t] / inputs.nationalPopulation[t]);
        const withRevised = zoneDensity(study, zone, t, inputs.populationRevised) / (inputs.table1.Total[t] / sumOver(inputs.populationRevised[t], all));
        const ofPrinted = printedValue(fu2023Cell(2, { regionId: FU2023_REGION_ID[zone], year: y, measure: 'per_10000' }, inputs))
          / printedValue(fu2023Cell(2, { regionId: 'national', year: y, measure: 'per_10000' }, inputs));
        // How far one province's population, printed in whole 10,000s, could move the ratio (not a tolerance: our
        // population is the yearbook's, and nothing shows the authors had other digits).
        const idx = fu2023ProvinceIndices(zone, inputs);
        const effect = ratio * (0.5 * idx.length * (1 / sumOver(inputs.population[t], idx) - 1 / sumOver(inputs.population[t], all)) + (0.5 * (31 - idx.length)) / sumOver(inputs.population[t], all));
        note += `; the exact ratio ${ratio.toFixed(7)} lies ${(Math.abs(ratio - printedValue(cell)) - tolerance).toExponential(1)} beyond half a printed unit. Tried: national year-end total as denominator ${withNationalTotal.toFixed(4)}, revised population ${withRevised.toFixed(4)}, ratio of the printed Table 2 densities ${ofPrinted.toFixed(4)}; none gives ${cell.valueText}. Had the authors used populations with more digits than the whole 10,000s printed in the yearbook, the ratio could move by up to ${effect.toExponential(1)}; nothing shows they did, so this is not counted as an explanation`;
      }
      rows.push(compareCell({
        table: 'Table 11', row: FU2023_ROW_LABEL[zone], column: String(y), published: printedValue(cell), reproduced: ratio, tolerance,
        explanation: y === 2015 ? 'error in the paper: the 2015 column contradicts Tables 1 and 2 (see the province rows)' : undefined,
        note,
      }));
    });
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------- all

/**
 * Every published cell of Fu et al. Tables 1-11 next to Equilab's value, in table order (Table 1; Table 2 zone rows
 * and AAGR; Tables 3-5; 6; 7; 8-9; 10; 11). The province densities of Table 2 are the input and are not rows.
 * @example
 * const rows = fu2023Reproduction();
 * rows.length; // => 947
 * summarizeReproduction(rows); // => { reproduced: 687, explained: 39, unexplained: 5, 'not-reproducible': 216 }
 */
export function fu2023Reproduction(study: Fu2023Study = fu2023Study()): ReproductionRow[] {
  return [
    ...fu2023Table1Rows(study),
    ...fu2023Table2ZoneRows(study),
    ...fu2023AagrRows(study),
    ...fu2023Tables345Rows(study),
    ...fu2023Table6Rows(study),
    ...fu2023Table7Rows(study),
    ...fu2023Tables89Rows(study),
    ...fu2023Table10Rows(study),
    ...fu2023Table11Rows(study),
  ];
}
