/**
 * The bad-input catalogue (issue 14): inputs a careless user or an adversary gives to every public function, reader
 * and loader, each with what must happen — an error of the right class (TypeError for the wrong kind of thing,
 * RangeError for a bad domain, ProvinceTableError for a bad file) whose message names the function (or file) and the
 * unit (or row and column, or the option), or else the correct result, whose source is written beside it.
 *
 * `makeCases(dir)` writes the bad files it needs (all SYNTHETIC) into `dir` and returns the cases.
 */
import { mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import * as iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import * as L from '../../lib/index';
import { ProvinceNameError, ProvinceTableError } from '../../lib/index';
import { csvField, formatCsv, parseCsvRecords, writeCsvFile } from '../../lib/data/csv';
import { compareCell, roundingTolerance, writeReproduction } from '../../lib/studies/reproduction';
import { figureHtml, tableHtml } from '../../lib/display/notebook';
import { saveFigure } from '../../lib/display/save';
import * as Teaching from '../../lib/teaching/index';
import type { BadInput } from './classify';

/** A value of the wrong type, on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const bad = (x: unknown): any => x;
const near = (a: number, b: number, rel = 1e-9) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));
const R = RangeError;
const T = TypeError;

/** The 31 provinces' English names (data/provinces.csv, through the loader). */
const PROVINCES = L.loadProvinces().map((p) => p.nameEn);

/** A one-year table of the 31 provinces (synthetic numbers), with `edit` applied to the lines after the header. */
function oneYearCsv(edit: (lines: string[]) => void = () => undefined, header = 'province,population,physicians'): string {
  const lines = PROVINCES.map((p, i) => `${csvField(p)},${1000 + 37 * i},${20 + 3 * i}`);
  edit(lines);
  return `${header}\n${lines.join('\n')}\n`;
}

/** A long table of the 31 provinces for 2019-2020 (synthetic numbers). */
function longCsv(edit: (lines: string[]) => void = () => undefined): string {
  const lines: string[] = [];
  PROVINCES.forEach((p, i) => [2019, 2020].forEach((y) => lines.push(`${csvField(p)},${y},physicians,${100 + i + y - 2019}`)));
  edit(lines);
  return `province,year,indicator,value\n${lines.join('\n')}\n`;
}

/** The three rows of analysePanel's own @example. */
const PANEL = [
  { unit: 'A', region: 'x', doctors: 10, people: 1000, km2: 50, income: 1 },
  { unit: 'B', region: 'x', doctors: 30, people: 1000, km2: 20, income: 2 },
  { unit: 'C', region: 'y', doctors: 60, people: 2000, km2: 30, income: 3 },
];
const SPEC = { unit: 'unit', resource: 'doctors', population: 'people', area: 'km2', group: 'region' };
const withRow = (i: number, patch: Record<string, unknown>) => PANEL.map((r, j) => (j === i ? { ...r, ...patch } : r));

async function xlsx(file: string, fill: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('Sheet1'));
  await wb.xlsx.writeFile(file);
  return file;
}

/** Measures that take (values, weights?, options?): the same generic bad inputs for each. */
const ONE_ARGUMENT: [string, (v: unknown, w?: unknown, o?: unknown) => unknown][] = [
  ['gini', (v, w, o) => L.gini(bad(v), bad(w), bad(o))],
  ['theil', (v, w, o) => L.theil(bad(v), bad(w), bad(o))],
  ['theilContributions', (v, w, o) => L.theilContributions(bad(v), bad(w), bad(o))],
  ['lorenzCurve', (v, w, o) => L.lorenzCurve(bad(v), bad(w), bad(o))],
  ['coefficientOfVariation', (v, w, o) => L.coefficientOfVariation(bad(v), bad(w), bad(o))],
  ['generalizedEntropy', (v, w, o) => L.generalizedEntropy(bad(v), 2, bad(w), bad(o))],
  ['atkinson', (v, w, o) => L.atkinson(bad(v), 0.5, bad(w), bad(o))],
];

function measureCases(): BadInput[] {
  const cases: BadInput[] = [];
  for (const [fn, f] of ONE_ARGUMENT) {
    const name = new RegExp(`^${fn}\\b`);
    cases.push(
      { name: `${fn}: empty values`, run: () => f([]), expect: { error: R, message: [name, /values/] } },
      { name: `${fn}: NaN in values`, run: () => f([1, NaN, 3]), expect: { error: R, message: [name, /unit 1/] } },
      { name: `${fn}: Infinity in values`, run: () => f([1, 2, Infinity]), expect: { error: R, message: [name, /unit 2/] } },
      { name: `${fn}: null in values`, run: () => f([1, null, 3]), expect: { error: T, message: [name, /unit 1/] } },
      { name: `${fn}: a string '1,234' in values`, run: () => f(['1,234', 2]), expect: { error: T, message: [name, /unit 0/] } },
      { name: `${fn}: negative value, labelled`, run: () => f([1, -2, 3], null, { labels: ['A', 'B', 'C'] }), expect: { error: R, message: [name, /unit 1: B/] } },
      { name: `${fn}: values is a string`, run: () => f('123'), expect: { error: T, message: [name, /values/] } },
      { name: `${fn}: weights shorter than values`, run: () => f([1, 2, 3], [1, 1]), expect: { error: R, message: [name, /weights/, /3 and 2/] } },
      { name: `${fn}: all weights zero`, run: () => f([1, 2, 3], [0, 0, 0]), expect: { error: R, message: [name, /weight/] } },
      { name: `${fn}: misspelt option`, run: () => f([1, 2, 3], null, { lables: ['A', 'B', 'C'] }), expect: { error: T, message: [name, /lables/, /labels/] } },
      { name: `${fn}: labels of the wrong length`, run: () => f([1, 2, 3], null, { labels: ['A'] }), expect: { error: R, message: [name, /labels/] } },
    );
  }
  // overflow and underflow (the examples, true values by hand)
  cases.push(
    // weights scale out: the weighted Gini of [1, 2] with equal weights is the unweighted one, 1/6
    { name: 'gini: weights of 1e300', run: () => L.gini([1, 2], [1e300, 1e300]), expect: { result: (g: number) => near(g, 1 / 6) } },
    // scale invariance: gini(c x) = gini(x); gini([1, 1.5]) = |1 - 1.5| * 2 / (2 * 4 * 1.25) = 0.1
    { name: 'gini: values of 1e308', run: () => L.gini([1e308, 1.5e308]), expect: { result: (g: number) => near(g, 0.1) } },
    { name: 'gini: equal values of 1e308 are not "all zero"', run: () => L.gini([1e308, 1e308, 1e308]), expect: { result: (g: number) => g === 0 } },
    // CV of [1, 3]: mean 2, population sd 1, CV 0.5
    { name: 'coefficientOfVariation: values of 1e160', run: () => L.coefficientOfVariation([1e160, 3e160]), expect: { result: (c: number) => near(c, 0.5) } },
    { name: 'coefficientOfVariation: values of 1e-200', run: () => L.coefficientOfVariation([1e-200, 3e-200]), expect: { result: (c: number) => near(c, 0.5) } },
    // A = 1 - ((1^-999 + 10^-999) / 2)^(-1/999) / 5.5 = 1 - 2^(1/999) / 5.5 (10^-999 is negligible)
    { name: 'atkinson: epsilon 1000', run: () => L.atkinson([1, 10], 1000), expect: { result: (a: number) => near(a, 1 - 2 ** (1 / 999) / 5.5) } },
    { name: 'atkinson: values of 1e300, epsilon 3', run: () => L.atkinson([1e300, 2e300], 3), expect: { result: (a: number) => near(a, L.atkinson([1, 2], 3)) } },
    { name: 'atkinson: negative epsilon', run: () => L.atkinson([1, 2], -1), expect: { error: R, message: [/^atkinson/, /epsilon/] } },
    { name: 'atkinson: epsilon as a string', run: () => L.atkinson([1, 2], bad('1')), expect: { error: T, message: [/^atkinson/, /epsilon/] } },
    { name: 'generalizedEntropy: alpha NaN', run: () => L.generalizedEntropy([1, 2], NaN), expect: { error: R, message: [/^generalizedEntropy/, /alpha/] } },
    // scale invariance of GE(2) = CV^2 / 2: for [1, 3], 0.125
    { name: 'generalizedEntropy: values of 1e200, alpha 2', run: () => L.generalizedEntropy([1e200, 3e200], 2), expect: { result: (g: number) => near(g, 0.125) } },
    { name: 'theil: values of 1e-300', run: () => L.theil([1e-300, 2e-300]), expect: { result: (t: number) => near(t, L.theil([1, 2])) } },
    { name: 'theil: variant misspelt as option', run: () => L.theil([1, 2], null, bad({ varient: 'T' })), expect: { error: T, message: [/^theil/, /varient/, /variant/] } },
    { name: "theil: variant 't'", run: () => L.theil([1, 2], null, bad({ variant: 't' })), expect: { error: R, message: [/^theil/, /variant/] } },
    { name: 'theil: base 1', run: () => L.theil([1, 2], null, { base: 1 }), expect: { error: R, message: [/^theil/, /base/] } },
    { name: 'theil: zero value with variant L', run: () => L.theil([0, 1, 2], null, { labels: ['A', 'B', 'C'] }), expect: { error: R, message: [/^theil/, /A/] } },
    { name: 'gini: correction misspelt', run: () => L.gini([1, 2], null, bad({ corection: true })), expect: { error: T, message: [/^gini/, /corection/] } },
    { name: "gini: correction 'yes'", run: () => L.gini([1, 2], null, bad({ correction: 'yes' })), expect: { error: T, message: [/^gini/, /correction/] } },
    { name: 'gini: a single value', run: () => L.gini([5]), expect: { error: R, message: [/^gini/, /at least (two|2)/] } },
    { name: 'theilDecomposition: groups shorter than values', run: () => L.theilDecomposition([1, 2, 3], ['a', 'b']), expect: { error: R, message: [/^theilDecomposition/, /groups/] } },
    { name: 'theilDecomposition: a blank group', run: () => L.theilDecomposition([1, 2, 3], ['a', '', 'b']), expect: { error: R, message: [/^theilDecomposition/, /unit 1/] } },
    { name: 'theilDecomposition: a null group', run: () => L.theilDecomposition([1, 2, 3], bad(['a', null, 'b'])), expect: { error: T, message: [/^theilDecomposition/, /unit 1/] } },
    { name: 'theilDecomposition: NaN value', run: () => L.theilDecomposition([1, NaN, 3], ['a', 'a', 'b']), expect: { error: R, message: [/^theilDecomposition/, /unit 1/] } },
    { name: 'theilDecomposition: misspelt option', run: () => L.theilDecomposition([1, 2, 3], ['a', 'a', 'b'], null, bad({ bse: 10 })), expect: { error: T, message: [/^theilDecomposition/, /bse/] } },
  );
  // concentration
  cases.push(
    { name: 'concentrationIndex: rankBy does not vary', run: () => L.concentrationIndex([1, 2, 3], [5, 5, 5]), expect: { error: R, message: [/^concentrationIndex/, /rankBy/] } },
    { name: 'concentrationIndex: rankBy shorter than values', run: () => L.concentrationIndex([1, 2, 3], [1, 2]), expect: { error: R, message: [/^concentrationIndex/, /rankBy/, /3 and 2/] } },
    { name: 'concentrationIndex: NaN in rankBy', run: () => L.concentrationIndex([1, 2, 3], [1, NaN, 3]), expect: { error: R, message: [/^concentrationIndex/, /rankBy/, /unit 1/] } },
    { name: 'concentrationIndex: null in values', run: () => L.concentrationIndex(bad([1, null, 3]), [1, 2, 3]), expect: { error: T, message: [/^concentrationIndex/, /unit 1/] } },
    { name: "concentrationIndex: correction 'Wagstaff'", run: () => L.concentrationIndex([1, 2, 3], [1, 2, 3], null, bad({ correction: 'Wagstaff' })), expect: { error: R, message: [/^concentrationIndex/, /correction/, /wagstaff/] } },
    { name: 'concentrationIndex: erreygers without bounds', run: () => L.concentrationIndex([0.1, 0.2, 0.3], [1, 2, 3], null, { correction: 'erreygers' }), expect: { error: R, message: [/^concentrationIndex/, /bounds/] } },
    { name: 'concentrationIndex: a value outside the bounds', run: () => L.concentrationIndex([0.1, 2, 0.3], [1, 2, 3], null, { correction: 'erreygers', bounds: [0, 1] }), expect: { error: R, message: [/^concentrationIndex/, /unit 1/] } },
    { name: 'concentrationIndex: bounds without a correction', run: () => L.concentrationIndex([1, 2, 3], [1, 2, 3], null, { bounds: [0, 5] }), expect: { error: R, message: [/^concentrationIndex/, /bounds/] } },
    { name: 'concentrationIndex: misspelt option', run: () => L.concentrationIndex([1, 2, 3], [1, 2, 3], null, bad({ corection: 'wagstaff' })), expect: { error: T, message: [/^concentrationIndex/, /corection/] } },
    { name: 'concentrationIndex: weights all zero', run: () => L.concentrationIndex([1, 2, 3], [1, 2, 3], [0, 0, 0]), expect: { error: R, message: [/^concentrationIndex/, /weight/] } },
    { name: 'concentrationIndex: values all zero', run: () => L.concentrationIndex([0, 0, 0], [1, 2, 3]), expect: { error: R, message: [/^concentrationIndex/, /values|zero/] } },
    { name: 'concentrationCurve: rankBy as a string', run: () => L.concentrationCurve([1, 2, 3], bad('123')), expect: { error: T, message: [/^concentrationCurve/, /rankBy/] } },
    // scale invariance in the ranking variable: ranks of [1e300, 2e300, 3e300] are those of [1, 2, 3]
    { name: 'concentrationIndex: rankBy of 1e300', run: () => L.concentrationIndex([1, 2, 3], [1e300, 2e300, 3e300]).index, expect: { result: (c: number) => near(c, L.concentrationIndex([1, 2, 3], [1, 2, 3]).index) } },
  );
  // agglomeration
  const A = { resource: [10, 30, 60], population: [1000, 1000, 2000], area: [50, 20, 30] };
  cases.push(
    { name: 'agglomeration: perPopulation misspelt', run: () => L.agglomeration(bad({ ...A, perPopulaton: 1000 })), expect: { error: T, message: [/^agglomeration/, /perPopulaton/, /perPopulation/] } },
    { name: 'agglomeration: zero area', run: () => L.agglomeration({ ...A, area: [50, 0, 30], labels: ['A', 'B', 'C'] }), expect: { error: R, message: [/^agglomeration/, /area/, /unit 1: B/] } },
    { name: 'agglomeration: negative population', run: () => L.agglomeration({ ...A, population: [1000, -5, 2000] }), expect: { error: R, message: [/^agglomeration/, /population/, /unit 1/] } },
    { name: 'agglomeration: resource shorter', run: () => L.agglomeration({ ...A, resource: [10, 30] }), expect: { error: R, message: [/^agglomeration/, /resource/] } },
    { name: 'agglomeration: perPopulation 0', run: () => L.agglomeration({ ...A, perPopulation: 0 }), expect: { error: R, message: [/^agglomeration/, /perPopulation/] } },
    { name: "agglomeration: perArea '100'", run: () => L.agglomeration(bad({ ...A, perArea: '100' })), expect: { error: T, message: [/^agglomeration/, /perArea/] } },
    { name: 'agglomeration: input null', run: () => L.agglomeration(bad(null)), expect: { error: T, message: [/^agglomeration/] } },
    { name: 'agglomeration: no resource anywhere', run: () => L.agglomeration({ ...A, resource: [0, 0, 0] }), expect: { error: R, message: [/^agglomeration/, /resource/] } },
    // shares are scale-free: resource 1e308 each gives shares 1/2 (totals past the double range must not be Infinity)
    {
      name: 'agglomeration: resources of 1e308',
      run: () => L.agglomeration({ resource: [1e308, 1e308], population: [1, 1], area: [1, 1] }),
      expect: { result: (a: L.AgglomerationResult) => near(a.resourceShare[0], 0.5), orError: R, message: [/^agglomeration/, /resource/, /overflow|too large|double/] },
    },
  );
  // growth
  cases.push(
    { name: 'averageAnnualGrowthRate: first 0', run: () => L.averageAnnualGrowthRate(0, 5, 2), expect: { error: R, message: [/^averageAnnualGrowthRate/, /first/] } },
    { name: 'averageAnnualGrowthRate: years 0', run: () => L.averageAnnualGrowthRate(1, 2, 0), expect: { error: R, message: [/^averageAnnualGrowthRate/, /years/] } },
    { name: "averageAnnualGrowthRate: first '1'", run: () => L.averageAnnualGrowthRate(bad('1'), 2, 3), expect: { error: T, message: [/^averageAnnualGrowthRate/, /first/] } },
    { name: 'averageAnnualGrowthRate: NaN last', run: () => L.averageAnnualGrowthRate(1, NaN, 3), expect: { error: R, message: [/^averageAnnualGrowthRate/, /last/] } },
    // (1e300 / 1e-300)^(1/1) - 1 = 1e600: past the double range
    { name: 'averageAnnualGrowthRate: a rate past the double range', run: () => L.averageAnnualGrowthRate(1e-300, 1e300, 1), expect: { error: R, message: [/^averageAnnualGrowthRate/, /overflow|too large|double/] } },
    // (1e300 / 1e-300)^(1/100) - 1 = 1e6 - 1: representable, must be computed
    { name: 'averageAnnualGrowthRate: extreme ratio over 100 years', run: () => L.averageAnnualGrowthRate(1e-300, 1e300, 100), expect: { result: (g: number) => near(g, 1e6 - 1, 1e-9) } },
    { name: 'growthBetween: years and values differ in length', run: () => L.growthBetween([2019, 2020], [1], 2019, 2020), expect: { error: R, message: [/^growthBetween/, /years and values/] } },
    { name: 'growthBetween: fromYear not in the data', run: () => L.growthBetween([2019, 2020], [1, 2], 2018, 2020), expect: { error: R, message: [/^growthBetween/, /2018/] } },
    { name: 'growthBetween: a year twice', run: () => L.growthBetween([2019, 2019], [1, 2], 2019, 2019), expect: { error: R, message: [/^growthBetween/, /2019/] } },
    { name: 'growthBetween: toYear before fromYear', run: () => L.growthBetween([2019, 2020], [1, 2], 2020, 2019), expect: { error: R, message: [/^growthBetween/, /2019|2020/] } },
    { name: 'growthBetween: NaN value', run: () => L.growthBetween([2019, 2020], [1, NaN], 2019, 2020), expect: { error: R, message: [/^growthBetween/, /2020/] } },
    { name: 'growthByPeriod: a period that is not a pair', run: () => L.growthByPeriod([2019, 2020], [1, 2], bad([[2019]])), expect: { error: T, message: [/^growthByPeriod/, /period/] } },
    { name: 'growthByPeriod: records with a null value', run: () => L.growthByPeriod(bad([{ year: 2019, value: 1 }, { year: 2020, value: null }]), [[2019, 2020]]), expect: { error: T, message: [/^growthByPeriod/, /2020|record 1/] } },
  );
  // GM(1,1)
  cases.push(
    { name: 'gm11: three points', run: () => L.gm11([1, 2, 3]), expect: { error: R, message: [/^gm11/, /at least 4/] } },
    { name: 'gm11: NaN point', run: () => L.gm11([1, NaN, 3, 4]), expect: { error: R, message: [/^gm11/, /point 1|NaN/] } },
    { name: 'gm11: zero point', run: () => L.gm11([1, 0, 3, 4]), expect: { error: R, message: [/^gm11/, /positive/] } },
    { name: 'gm11: times not equally spaced', run: () => L.gm11([1, 2, 3, 4], { times: [2010, 2011, 2013, 2014] }), expect: { error: R, message: [/^gm11/, /times/] } },
    { name: 'gm11: misspelt option', run: () => L.gm11([1, 2, 3, 4], bad({ time: [1, 2, 3, 4] })), expect: { error: T, message: [/^gm11/, /time/, /times/] } },
    { name: "gm11: standardDeviation 'Population'", run: () => L.gm11([1, 2, 3, 4], bad({ standardDeviation: 'Population' })), expect: { error: R, message: [/^gm11/, /standardDeviation/] } },
    { name: "gm11: includeFirstResidual 'no'", run: () => L.gm11([1, 2, 3, 4], bad({ includeFirstResidual: 'no' })), expect: { error: T, message: [/^gm11/, /includeFirstResidual/] } },
    { name: 'gm11: a constant series', run: () => L.gm11([5, 5, 5, 5]), expect: { error: R, message: [/^gm11/, /constant/] } },
    // scale: GM(1,1) is homogeneous (x -> c x scales b and the fit by c, keeps a, C and P): fit [1, 1.1, 1.2, 1.3]
    {
      name: 'gm11: values near 1e308 are not "constant"',
      run: () => L.gm11([1e308, 1.1e308, 1.2e308, 1.3e308]),
      expect: { result: (m: L.Gm11Result) => near(m.developmentCoefficient, L.gm11([1, 1.1, 1.2, 1.3]).developmentCoefficient, 1e-9), orError: R, message: [/^gm11/, /overflow|too large|double/] },
    },
    { name: 'gm11: values of 1e-300', run: () => L.gm11([1e-300, 1.1e-300, 1.2e-300, 1.3e-300]).developmentCoefficient, expect: { result: (a: number) => near(a, L.gm11([1, 1.1, 1.2, 1.3]).developmentCoefficient, 1e-9) } },
    { name: 'gm11: forecast past the double range', run: () => L.gm11([1, 10, 100, 1000]).forecast(2000), expect: { error: R, message: [/gm11|forecast/, /overflow|too large|double/] } },
    { name: 'gm11: forecast of -1 steps', run: () => L.gm11([1, 2, 3, 4]).forecast(-1), expect: { error: R, message: [/gm11|forecast/, /-1/] } },
    { name: 'gm11FromParameters: NaN development coefficient', run: () => L.gm11FromParameters(NaN, 1, 1), expect: { error: R, message: [/^gm11FromParameters/, /developmentCoefficient/] } },
    { name: 'gm11FromParameters: zero first value', run: () => L.gm11FromParameters(-0.1, 1, 0), expect: { error: R, message: [/^gm11FromParameters/, /firstValue/] } },
    // a = 0 is allowed (documented): linear accumulation x1hat(k) = x0(1) + b (k - 1), so x0hat(k) = b for k >= 2
    { name: 'gm11FromParameters: a zero development coefficient is linear growth', run: () => L.gm11FromParameters(0, 2, 1).values(3), expect: { result: (v: number[]) => v.length === 3 && v[0] === 1 && near(v[1], 2) && near(v[2], 2) } },
    { name: 'gm11FromParameters: a prediction past the double range', run: () => L.gm11FromParameters(-800, 1, 1).predict(3), expect: { error: R, message: [/^gm11FromParameters/, /k = 3/, /overflow/] } },
    { name: 'levelRatioTest: a zero in the series', run: () => L.levelRatioTest([1, 0, 2, 3]), expect: { error: R, message: [/^levelRatioTest/, /positive/] } },
    { name: 'levelRatioTest: a string', run: () => L.levelRatioTest(bad('1234')), expect: { error: T, message: [/^levelRatioTest/, /series/] } },
  );
  // bootstrap
  const G = ({ values }: { values: Float64Array }) => L.gini(values);
  cases.push(
    { name: 'bootstrap: replicates misspelt', run: () => L.bootstrap(G, { values: [1, 2, 3] }, bad({ replicate: 10 })), expect: { error: T, message: [/^bootstrap/, /replicate/, /replicates/] } },
    { name: 'bootstrap: 2^32 replicates', run: () => L.bootstrap(G, { values: [1, 2, 3] }, { replicates: 2 ** 32 }), expect: { error: R, message: [/^bootstrap/, /replicates/] } },
    { name: 'bootstrap: 1.5 replicates', run: () => L.bootstrap(G, { values: [1, 2, 3] }, { replicates: 1.5 }), expect: { error: R, message: [/^bootstrap/, /replicates/] } },
    { name: 'bootstrap: null in the data', run: () => L.bootstrap(G, { values: bad([1, null, 3]) }), expect: { error: T, message: [/^bootstrap/, /values/, /unit 1/] } },
    { name: "bootstrap: '1' in the data", run: () => L.bootstrap(G, { values: bad(['1', 2, 3]) }), expect: { error: T, message: [/^bootstrap/, /values/, /unit 0/] } },
    { name: 'bootstrap: NaN in the data', run: () => L.bootstrap(G, { values: [1, NaN, 3] }), expect: { error: R, message: [/^bootstrap/, /values/, /unit 1/] } },
    { name: 'bootstrap: columns of different lengths', run: () => L.bootstrap((v: Float64Array, w: Float64Array) => L.gini(v, w), [[1, 2, 3], [1, 1]]), expect: { error: R, message: [/^bootstrap/, /length/] } },
    { name: 'bootstrap: statistic gives NaN', run: () => L.bootstrap(() => NaN, { values: [1, 2, 3] }, { replicates: 10 }), expect: { error: R, message: [/^bootstrap/, /statistic/] } },
    { name: 'bootstrap: statistic not a function', run: () => L.bootstrap(bad('gini'), { values: [1, 2, 3] }), expect: { error: T, message: [/^bootstrap/, /statistic/] } },
    { name: 'bootstrap: seed -1', run: () => L.bootstrap(G, { values: [1, 2, 3] }, { seed: -1 }), expect: { error: R, message: [/^bootstrap/, /seed/] } },
    { name: 'bootstrap: level 1', run: () => L.bootstrap(G, { values: [1, 2, 3] }, { level: 1 }), expect: { error: R, message: [/^bootstrap/, /level/] } },
    { name: 'bootstrap: empty data', run: () => L.bootstrap(bad(G), {}), expect: { error: R, message: [/^bootstrap/, /data|column/] } },
    { name: "seededRandom: seed 'a'", run: () => L.seededRandom(bad('a')), expect: { error: T, message: [/^seededRandom/, /seed/] } },
    { name: 'seededRandom: seed NaN', run: () => L.seededRandom(NaN), expect: { error: R, message: [/^seededRandom/, /seed/] } },
  );
  return cases;
}

/** The functions other issues added (HEAT measures, Dagum, grey models, permutation tests). */
function newMeasureCases(): BadInput[] {
  const q = [20, 30, 40, 50, 60].map((estimate, i) => ({ estimate, order: i + 1, population: [78, 91, 162, 103, 105][i], standardError: [5, 7, 10, 12, 14][i] }));
  const fav = { indicator: 'favourable' as const };
  const withSubgroup = (i: number, patch: Record<string, unknown>) => q.map((g, j) => (j === i ? { ...g, ...patch } : g));
  const heat: [string, (g: unknown, o?: unknown) => unknown][] = [
    ['difference', (g, o = fav) => L.difference(bad(g), bad(o))],
    ['ratio', (g, o = fav) => L.ratio(bad(g), bad(o))],
    ['populationAttributableRisk', (g, o = { ...fav, scale: 100 }) => L.populationAttributableRisk(bad(g), bad(o))],
    ['populationAttributableFraction', (g, o = { ...fav, scale: 100 }) => L.populationAttributableFraction(bad(g), bad(o))],
    ['slopeIndexOfInequality', (g, o = { scale: 100 }) => L.slopeIndexOfInequality(bad(g), bad(o))],
    ['relativeIndexOfInequality', (g, o = { scale: 100 }) => L.relativeIndexOfInequality(bad(g), bad(o))],
    ['betweenGroupVariance', (g) => L.betweenGroupVariance(bad(g))],
    ['betweenGroupStandardDeviation', (g) => L.betweenGroupStandardDeviation(bad(g))],
    ['meanDifference', (g, o = { from: 'mean', weighted: true }) => L.meanDifference(bad(g), bad(o))],
    ['indexOfDisparity', (g, o = { weighted: true }) => L.indexOfDisparity(bad(g), bad(o))],
    ['heatSummary', (g, o = { ...fav, scale: 100 }) => L.heatSummary(bad(g), bad(o))],
  ];
  const cases: BadInput[] = [];
  for (const [fn, f] of heat) {
    const name = new RegExp(`^${fn}\\b`);
    cases.push(
      { name: `${fn}: no subgroups`, run: () => f([]), expect: { error: R, message: [name, /subgroup/] } },
      { name: `${fn}: a NaN estimate`, run: () => f(withSubgroup(2, { estimate: NaN })), expect: { error: R, message: [name, /estimate/, /subgroup|3/] } },
      { name: `${fn}: an estimate '40'`, run: () => f(withSubgroup(2, { estimate: '40' })), expect: { error: T, message: [name, /estimate/] } },
      { name: `${fn}: subgroups is not an array`, run: () => f('q'), expect: { error: T, message: [name, /subgroups/] } },
    );
  }
  cases.push(
    { name: 'difference: indicator misspelt', run: () => L.difference(q, bad({ indicater: 'favourable' })), expect: { error: T, message: [/^difference/, /indicater/] } },
    { name: "ratio: indicator 'good'", run: () => L.ratio(q, bad({ indicator: 'good' })), expect: { error: R, message: [/^ratio/, /indicator/, /favourable/] } },
    { name: 'slopeIndexOfInequality: an order of 2.5', run: () => L.slopeIndexOfInequality(withSubgroup(1, { order: 2.5 }), { scale: 100 }), expect: { error: R, message: [/^slopeIndexOfInequality/, /order/] } },
    { name: 'betweenGroupVariance: a negative population', run: () => L.betweenGroupVariance(withSubgroup(0, { population: -1 })), expect: { error: R, message: [/^betweenGroupVariance/, /population/] } },
    { name: 'dagumGiniDecomposition: groups shorter than values', run: () => L.dagumGiniDecomposition([1, 2, 3], ['a', 'b']), expect: { error: R, message: [/^dagumGiniDecomposition/, /groups/] } },
    { name: 'dagumGiniDecomposition: NaN value', run: () => L.dagumGiniDecomposition([1, NaN, 3, 4], ['a', 'a', 'b', 'b']), expect: { error: R, message: [/^dagumGiniDecomposition/, /unit 1/] } },
    { name: 'dagumGiniDecomposition: misspelt option', run: () => L.dagumGiniDecomposition([1, 2, 3, 4], ['a', 'a', 'b', 'b'], null, bad({ label: [] })), expect: { error: T, message: [/^dagumGiniDecomposition/, /label/] } },
    // scale invariance: values of 1e300 give the decomposition of [1, 5, 2, 6] (its @example: total 0.3214286)
    { name: 'dagumGiniDecomposition: values of 1e300', run: () => L.dagumGiniDecomposition([1e300, 5e300, 2e300, 6e300], ['A', 'A', 'B', 'B']).total, expect: { result: (g: number) => near(g, L.dagumGiniDecomposition([1, 5, 2, 6], ['A', 'A', 'B', 'B']).total) } },
    { name: 'theilPermutationTest: permutations misspelt', run: () => L.theilPermutationTest([1, 2, 3, 4], ['a', 'a', 'b', 'b'], null, bad({ permutation: 99 })), expect: { error: T, message: [/^theilPermutationTest/, /permutation/] } },
    { name: 'theilPermutationTest: 2^32 permutations', run: () => L.theilPermutationTest([1, 2, 3, 4], ['a', 'a', 'b', 'b'], null, { permutations: 2 ** 32 }), expect: { error: R, message: [/^theilPermutationTest/, /permutations/] } },
    { name: 'theilPermutationTest: null value', run: () => L.theilPermutationTest(bad([1, null, 3, 4]), ['a', 'a', 'b', 'b']), expect: { error: T, message: [/^theilPermutationTest/, /unit 1/] } },
    { name: "dagumPermutationTest: component 'net'", run: () => L.dagumPermutationTest([1, 2, 3, 4], ['a', 'a', 'b', 'b'], null, bad({ component: 'net' })), expect: { error: R, message: [/^dagumPermutationTest/, /component/] } },
    { name: 'dgm11: three points', run: () => L.dgm11([1, 2, 3]), expect: { error: R, message: [/^dgm11/, /at least 4|points/] } },
    { name: 'dgm11: a zero point', run: () => L.dgm11([1, 0, 3, 4]), expect: { error: R, message: [/^dgm11/, /positive/] } },
    { name: 'dgm11: a forecast past the double range', run: () => L.dgm11([1, 1e10, 1e20, 1e30]).forecast(100), expect: { error: R, message: [/^dgm11/, /overflow/] } },
    { name: 'greyVerhulst: misspelt option', run: () => L.greyVerhulst([10, 18, 30, 45, 60], bad({ inpt: 'level' })), expect: { error: T, message: [/^greyVerhulst/, /inpt/] } },
    { name: 'greyVerhulst: NaN point', run: () => L.greyVerhulst([10, NaN, 30, 45, 60]), expect: { error: R, message: [/^greyVerhulst/, /NaN|point 1/] } },
    { name: 'rollingGm11: window 2', run: () => L.rollingGm11([1, 2, 3, 4, 5], { window: 2 }), expect: { error: R, message: [/^rollingGm11/, /window/] } },
    { name: 'rollingGm11: window misspelt', run: () => L.rollingGm11([1, 2, 3, 4, 5], bad({ windw: 4 })), expect: { error: T, message: [/^rollingGm11/, /windw/] } },
    { name: 'holdOut: k larger than the series', run: () => L.holdOut(L.dgm11, [1, 2, 3, 4, 5], 5), expect: { error: R, message: [/^holdOut/, /points|k/] } },
    { name: 'holdOut: model not a function', run: () => L.holdOut(bad('gm11'), [1, 2, 3, 4, 5, 6], 1), expect: { error: T, message: [/^holdOut/, /model/] } },
  );
  return cases;
}

function analysisCases(): BadInput[] {
  const P = (rows: unknown, spec: unknown = SPEC, options?: unknown) => () => L.analysePanel(bad(rows), bad(spec), bad(options));
  const analysis = L.analysePanel(PANEL, SPEC);
  return [
    { name: 'analysePanel: spec names a column the data lack', run: P(PANEL, { ...SPEC, population: 'peple' }), expect: { error: R, message: [/^analysePanel/, /peple/, /people/] } },
    { name: 'analysePanel: misspelt spec key', run: P(PANEL, { ...SPEC, groop: 'region' }), expect: { error: T, message: [/^analysePanel/, /groop/] } },
    { name: 'analysePanel: misspelt option', run: P(PANEL, SPEC, { scael: 1000 }), expect: { error: T, message: [/^analysePanel/, /scael/, /scale/] } },
    { name: 'analysePanel: zero population', run: P(withRow(1, { people: 0 })), expect: { error: R, message: [/^analysePanel/, /B/, /people/] } },
    { name: 'analysePanel: negative resource', run: P(withRow(2, { doctors: -1 })), expect: { error: R, message: [/^analysePanel/, /C/, /doctors/] } },
    { name: "analysePanel: resource 'abc'", run: P(withRow(0, { doctors: 'abc' })), expect: { error: T, message: [/^analysePanel/, /A|row 1/, /doctors/] } },
    { name: 'analysePanel: resource NaN', run: P(withRow(0, { doctors: NaN })), expect: { error: R, message: [/^analysePanel/, /A|row 1/, /doctors/] } },
    { name: 'analysePanel: resource null', run: P(withRow(0, { doctors: null })), expect: { error: R, message: [/^analysePanel/, /A|row 1/, /doctors/] } },
    { name: 'analysePanel: a unit twice', run: P([...PANEL, PANEL[0]]), expect: { error: R, message: [/^analysePanel/, /unit A/, /twice/] } },
    { name: 'analysePanel: rows not an array', run: P('rows'), expect: { error: T, message: [/^analysePanel/, /rows/] } },
    { name: 'analysePanel: no rows', run: P([]), expect: { error: R, message: [/^analysePanel/, /no rows/] } },
    { name: 'analysePanel: a year not in the data', run: P(PANEL.map((r) => ({ ...r, year: 2020 })), { ...SPEC, year: 'year' }, { years: [2019] }), expect: { error: R, message: [/^analysePanel/, /2019/] } },
    { name: "analysePanel: theil variant 't'", run: P(PANEL, SPEC, { theil: { variant: 't' } }), expect: { error: R, message: [/^analysePanel/, /variant/] } },
    { name: 'analysePanel: theil option misspelt', run: P(PANEL, SPEC, { theil: { bse: 10 } }), expect: { error: T, message: [/^analysePanel/, /bse/] } },
    { name: 'analysePanel: a blank unit', run: P(withRow(1, { unit: ' ' })), expect: { error: R, message: [/^analysePanel/, /row 2/, /unit/] } },
    { name: 'analysePanel: a year 2019.5', run: P(PANEL.map((r, i) => ({ ...r, year: i ? 2019 : 2019.5 })), { ...SPEC, year: 'year' }), expect: { error: R, message: [/^analysePanel/, /A/, /year/] } },
    { name: 'analysePanel: a rankBy that does not vary', run: P(PANEL.map((r) => ({ ...r, income: 5 })), { ...SPEC, rankBy: 'income' }), expect: { error: R, message: [/analysePanel|concentrationIndex/, /rankBy|income/] } },
    { name: 'analysePanel: scale -1', run: P(PANEL, SPEC, { scale: -1 }), expect: { error: R, message: [/^analysePanel/, /scale/] } },
    { name: 'analysePanel: periods that end before they start', run: P(PANEL.map((r) => ({ ...r, year: 2020 })), { ...SPEC, year: 'year' }, { periods: [[2020, 2019]] }), expect: { error: R, message: [/^analysePanel/, /periods\[0\]/] } },
    { name: 'analysePanel: one unit', run: P([PANEL[0]]), expect: { error: R, message: [/^analysePanel/, /at least two|1 unit/] } },
    { name: 'stageTables: null', run: () => L.stageTables(bad(null)), expect: { error: T, message: [/^stageTables/, /analysePanel/] } },
    { name: 'stageTables: an object that is no analysis', run: () => L.stageTables(bad({ years: 'x' })), expect: { error: T, message: [/^stageTables/, /analysePanel/] } },
    { name: "wideTable: scope 'province'", run: () => L.wideTable(analysis.long, bad('province'), 'density'), expect: { error: R, message: [/^wideTable/, /scope/] } },
    { name: 'wideTable: a measure the long form lacks', run: () => L.wideTable(analysis.long, 'unit', 'densty'), expect: { error: R, message: [/^wideTable/, /densty/] } },
    { name: 'wideTable: long is not an array', run: () => L.wideTable(bad(null), 'unit', 'density'), expect: { error: T, message: [/^wideTable/, /long/] } },
    { name: 'panelRecords: null', run: () => L.panelRecords(bad(null)), expect: { error: T, message: [/^panelRecords/, /readProvinceTable/] } },
    { name: "panelRecords: an indicator named 'unit'", run: () => L.panelRecords(bad({ layout: 'long', rows: [{ unit: 'A', provinceCode: null, year: 2020, indicator: 'unit', value: 1, row: 2, extra: {} }] })), expect: { error: R, message: [/^panelRecords/, /row 2/, /unit/] } },
    { name: 'panelRecords: rows of the wrong kind', run: () => L.panelRecords(bad({ layout: 'long', rows: [null] })), expect: { error: T, message: [/^panelRecords/, /row/] } },
    { name: 'giniBand: NaN', run: () => L.giniBand(NaN), expect: { error: R, message: [/^giniBand/, /gini/] } },
    { name: 'giniBand: 1.5', run: () => L.giniBand(1.5), expect: { error: R, message: [/^giniBand/, /gini/] } },
    { name: 'reportTables: null', run: () => L.reportTables(bad(null)), expect: { error: T, message: [/^reportTables|^stageTables/, /analysePanel/] } },
    { name: 'analysisJson: null', run: () => L.analysisJson(bad(null), bad(undefined)), expect: { error: T, message: [/^analysisJson/, /analysePanel/] } },
    { name: 'analysisReadings: misspelt name', run: () => L.analysisReadings(analysis, bad({ resorce: 'doctors' })), expect: { error: T, message: [/^analysisReadings/, /resorce/] } },
  ];
}

function loaderCases(): BadInput[] {
  return [
    { name: 'loadPopulation: no options', run: () => L.loadPopulation(bad(undefined)), expect: { error: T, message: [/^loadPopulation/, /vintage/] } },
    { name: "loadPopulation: vintage 'latest'", run: () => L.loadPopulation(bad({ vintage: 'latest' })), expect: { error: R, message: [/^loadPopulation/, /vintage/, /revised/] } },
    { name: 'loadPopulation: source misspelt as key', run: () => L.loadPopulation(bad({ vintage: 'revised', sauce: 'nbs_pik' })), expect: { error: T, message: [/^loadPopulation/, /sauce/, /source/] } },
    { name: "loadPopulation: errata 'no'", run: () => L.loadPopulation(bad({ vintage: 'revised', errata: 'no' })), expect: { error: T, message: [/^loadPopulation/, /errata/] } },
    { name: 'loadPopulation: a source of the other vintage', run: () => L.loadPopulation(bad({ vintage: 'revised', source: 'csy2020' })), expect: { error: R, message: [/^loadPopulation/, /source/, /csy2020/] } },
    { name: "loadRegions: 'LI2024'", run: () => L.loadRegions(bad('LI2024')), expect: { error: R, message: [/^loadRegions/, /scheme/, /li2024/] } },
    { name: "loadPublishedTable: study 'xx'", run: () => L.loadPublishedTable(bad('xx'), 'table2'), expect: { error: R, message: [/^loadPublishedTable/, /xx/, /fu2023/] } },
    { name: "loadPublishedTable: table 'table99'", run: () => L.loadPublishedTable('fu2023', 'table99'), expect: { error: R, message: [/^loadPublishedTable/, /table99/, /table\d/] } },
    { name: 'loadPublishedTable: misspelt option', run: () => L.loadPublishedTable('fu2023', 'table6', bad({ erata: false })), expect: { error: T, message: [/^loadPublishedTable/, /erata/] } },
    { name: "loadGdp: series 'nbs'", run: () => L.loadGdp(bad({ series: 'nbs' })), expect: { error: R, message: [/^loadGdp/, /series/, /nbs_pik/] } },
    { name: "loadGdpPerCapita: national 'yes'", run: () => L.loadGdpPerCapita(bad({ national: 'yes' })), expect: { error: T, message: [/^loadGdpPerCapita/, /national/] } },
    { name: "loadLandArea: source 'wikipedia'", run: () => L.loadLandArea(bad({ source: 'wikipedia' })), expect: { error: R, message: [/^loadLandArea/, /source/, /henrylin03/] } },
    { name: 'loadNationalPopulation: errata 1', run: () => L.loadNationalPopulation(bad({ errata: 1 })), expect: { error: T, message: [/^loadNationalPopulation/, /errata/] } },
    { name: "loadTextValues: study 'fu2023'", run: () => L.loadTextValues(bad('fu2023')), expect: { error: R, message: [/^loadTextValues/, /li2024/] } },
    { name: "listPublishedTables: study 'FU2023'", run: () => L.listPublishedTables(bad('FU2023')), expect: { error: R, message: [/^listPublishedTables/, /fu2023/] } },
    { name: "provinceCode: 'Shanxii'", run: () => L.provinceCode('Shanxii'), expect: { error: ProvinceNameError, message: [/Shanxii/, /Shanxi/] } },
    { name: 'provinceCode: a name of 10,000 characters is truncated in the message', run: () => L.provinceCode('x'.repeat(10_000)), expect: { error: ProvinceNameError, message: [/x{10}/, /^[\s\S]{0,600}$/] } },
    { name: 'province: null', run: () => L.province(bad(null)), expect: { error: T, message: [/^province/, /name/] } },
    // the one spelling Shanxi/Shaanxi that must never be confused (data/provinces.csv: 140000 and 610000)
    { name: "findProvinceCode: 'Shaanxi' is not Shanxi", run: () => L.findProvinceCode('Shaanxi'), expect: { result: (c: string) => c === '610000' } },
    { name: "parseTableNumber: '1 2' is not 12", run: () => L.parseTableNumber('1 2'), expect: { result: (v: undefined) => v === undefined } },
    { name: "parseTableNumber: '12 34' is not 1234", run: () => L.parseTableNumber('12 34'), expect: { result: (v: undefined) => v === undefined } },
    // a space as the thousands separator (SI style): 1 234 567 is 1234567
    { name: "parseTableNumber: '1 234 567' is 1234567", run: () => L.parseTableNumber('1 234 567'), expect: { result: (v: number) => v === 1234567 } },
    { name: 'parseTableNumber: a number instead of text', run: () => L.parseTableNumber(bad(12)), expect: { error: T, message: [/^parseTableNumber/, /text/] } },
    { name: 'dataPath: a path that leaves data/', run: () => L.dataPath('../package.json'), expect: { error: R, message: [/^dataPath/, /package\.json/] } },
    { name: 'readVerified: a file not in datapackage.json', run: () => L.readVerified('nowhere.csv'), expect: { error: Error, message: [/nowhere\.csv/, /datapackage/] } },
    { name: 'resourceFor: a file not in datapackage.json', run: () => L.resourceFor('nowhere.csv'), expect: { error: Error, message: [/nowhere\.csv/, /datapackage/] } },
    { name: 'sha256Hex: a number', run: () => L.sha256Hex(bad(42)), expect: { error: T, message: [/^sha256Hex/, /text|bytes/] } },
    { name: 'levenshtein: null', run: () => L.levenshtein(bad(null), 'a'), expect: { error: T, message: [/^levenshtein/] } },
    { name: 'normalizeProvinceName: a number', run: () => L.normalizeProvinceName(bad(110000)), expect: { error: T, message: [/^normalizeProvinceName/, /name/] } },
    { name: 'suggestProvinces: limit -1', run: () => L.suggestProvinces('Shanxii', -1), expect: { error: R, message: [/^suggestProvinces/, /limit/] } },
    { name: 'applyErrata: a file with no errata returns the records unchanged', run: () => L.applyErrata('regions.csv', [{ a: '1' }]).records, expect: { result: (r: { a: string }[]) => r.length === 1 && r[0].a === '1' } },
    { name: 'applyErrata: records not an array', run: () => L.applyErrata('population_csy2020.csv', bad(null)), expect: { error: T, message: [/^applyErrata/, /records/] } },
    // the loaders without arguments: the files' checksums are verified (a changed file is a DataChecksumError)
    { name: 'loadErrata: every erratum names its file', run: () => L.loadErrata().every((e) => e.file.endsWith('.csv')), expect: { result: (ok: boolean) => ok } },
    { name: 'loadInconsistencies: every finding names its study', run: () => L.loadInconsistencies().every((x) => typeof x.study === 'string' && x.study !== ''), expect: { result: (ok: boolean) => ok } },
    { name: 'loadDataPackage: every resource has a sha256', run: () => L.loadDataPackage().resources.every((r) => /^sha256:[0-9a-f]{64}$/.test(r.hash)), expect: { result: (ok: boolean) => ok } },
    { name: 'loadProvinces: 31 provinces', run: () => L.loadProvinces().length, expect: { result: (n: number) => n === 31 } },
    { name: "writeCsvFile: a cell '=1+1' is written neutralised", run: () => { const f = writeCsvFile(path.join(require('os').tmpdir(), `equilab-csv-${process.pid}.csv`), ['a'], [{ a: '=1+1' }]); return require('fs').readFileSync(f, 'utf8'); }, expect: { result: (t: string) => t === "a\n'=1+1\n" } },
    { name: "parseSelector: 'garbage'", run: () => L.parseSelector('garbage'), expect: { error: R, message: [/^parseSelector/, /garbage/] } },
    { name: 'formatCsv: an object as a value', run: () => formatCsv(['a'], [{ a: bad({}) }]), expect: { error: T, message: [/^csvField|^formatCsv/, /object/] } },
    { name: 'formatCsv: NaN as a value', run: () => formatCsv(['a'], [{ a: NaN }]), expect: { error: R, message: [/^csvField|^formatCsv/, /NaN/] } },
    // OWASP CSV injection: a text cell starting with = + - @ tab or CR gets a leading ', numbers stay numbers
    { name: 'csvField: =HYPERLINK(…) is neutralised', run: () => csvField('=HYPERLINK("http://x","y")'), expect: { result: (s: string) => s === '"\'=HYPERLINK(""http://x"",""y"")"' } },
    { name: 'csvField: @SUM(A1) is neutralised', run: () => csvField('@SUM(A1)'), expect: { result: (s: string) => s === "'@SUM(A1)" } },
    { name: 'csvField: +cmd is neutralised', run: () => csvField('+cmd|x'), expect: { result: (s: string) => s === "'+cmd|x" } },
    { name: 'csvField: -2+3 is neutralised', run: () => csvField('-2+3'), expect: { result: (s: string) => s === "'-2+3" } },
    { name: 'csvField: a leading tab is neutralised', run: () => csvField('\t=1'), expect: { result: (s: string) => s === "'\t=1" } },
    { name: 'csvField: a leading CR is neutralised', run: () => csvField('\r=1'), expect: { result: (s: string) => s === '"\'\r=1"' } },
    { name: "csvField: text '-0.5' stays a number", run: () => csvField('-0.5'), expect: { result: (s: string) => s === '-0.5' } },
    { name: 'csvField: the number -0.5 stays a number', run: () => csvField(-0.5), expect: { result: (s: string) => s === '-0.5' } },
    { name: 'parseCsvRecords: an unterminated quote', run: () => parseCsvRecords('a,b\n"x,1\n2,3\n'), expect: { error: Error, message: [/unterminated/, /line 2/] } },
    { name: 'compareCell: tolerance misspelt', run: () => compareCell(bad({ table: 'T', row: 'r', column: 'c', published: 1, reproduced: 1, tolerence: 0.1 })), expect: { error: T, message: [/^compareCell/, /tolerence/, /tolerance/] } },
    { name: 'compareCell: negative tolerance', run: () => compareCell({ table: 'T', row: 'r', column: 'c', published: 1, reproduced: 1, tolerance: -1 }), expect: { error: R, message: [/^compareCell/, /T r c/, /tolerance/] } },
    { name: 'compareCell: published NaN', run: () => compareCell({ table: 'T', row: 'r', column: 'c', published: NaN, reproduced: 1, tolerance: 0 }), expect: { error: R, message: [/^compareCell/, /T r c/, /published/] } },
    { name: 'compareCell: reproduced Infinity', run: () => compareCell({ table: 'T', row: 'r', column: 'c', published: 1, reproduced: Infinity, tolerance: 0 }), expect: { error: R, message: [/^compareCell/, /T r c/, /reproduced/] } },
    { name: 'compareCell: null without the missing input', run: () => compareCell({ table: 'T', row: 'r', column: 'c', published: 1, reproduced: null }), expect: { error: R, message: [/^compareCell/, /T r c/, /missing input/] } },
    { name: "compareCell: published '1'", run: () => compareCell(bad({ table: 'T', row: 'r', column: 'c', published: '1', reproduced: 1, tolerance: 0 })), expect: { error: T, message: [/^compareCell/, /T r c/, /published/] } },
    { name: "roundingTolerance: 'n/a'", run: () => roundingTolerance('n/a'), expect: { error: R, message: [/^roundingTolerance/, /n\/a/] } },
    { name: "writeReproduction: a study name with '../'", run: () => writeReproduction('../../escape', [], path.join(path.sep, 'tmp', 'equilab-never')), expect: { error: R, message: [/^writeReproduction/, /study/] } },
    { name: 'writeReproduction: an explained row without a note', run: () => writeReproduction('t', [{ table: 'T', row: 'r', column: 'c', published: 1, reproduced: 2, difference: 1, tolerance: 0, status: 'explained', note: '' }], path.join(path.sep, 'tmp', 'equilab-never')), expect: { error: R, message: [/^writeReproduction/, /T r c/] } },
    { name: 'figureHtml: a width that breaks out of the style attribute', run: () => figureHtml({ data: [], layout: bad({ width: '1px" onmouseover="alert(1)' }) }), expect: { error: T, message: [/^figureHtml/, /width/] } },
    { name: "figureHtml: a width '800' is 800 pixels", run: () => figureHtml({ data: [], layout: bad({ width: '800' }) }, { id: 'f' }), expect: { result: (h: string) => h.includes('width:800px') && !h.includes('onmouseover') } },
    { name: 'figureHtml: an id with a quote is escaped', run: () => figureHtml({ data: [], layout: {} }, { id: 'a" onmouseover="x' }), expect: { result: (h: string) => !h.includes('" onmouseover="') } },
    { name: "saveFigure: a file named .gif", run: () => saveFigure({ data: [], layout: {} }, path.join(path.sep, 'tmp', 'equilab-never.gif')), expect: { error: R, message: [/^saveFigure/, /\.gif/, /\.png or \.svg/] } },
    { name: "saveFigure: a width '1px\"'", run: () => saveFigure({ data: [], layout: {} }, path.join(path.sep, 'tmp', 'equilab-never.svg'), bad({ width: '1px"' })), expect: { error: T, message: [/^saveFigure/, /width/] } },
    { name: "checkAnswer: an exercise id that does not exist", run: () => Teaching.checkAnswer('gini-9', 0.3), expect: { error: R, message: [/^check/, /gini-9/, /gini-1/] } },
    // a wrong kind of answer is a hint for the student, not an error (lib/teaching's contract)
    { name: "checkAnswer: the answer '0.3' as text", run: () => Teaching.checkAnswer('gini-1', '0.3'), expect: { result: (r: { status: string; message: string }) => r.status === 'incorrect' && /finite number/.test(r.message) } },
    { name: 'exerciseIds: a primer that does not exist', run: () => Teaching.exerciseIds(9), expect: { error: R, message: [/^exerciseIds/, /primer 9/] } },
    { name: 'exerciseText: null', run: () => Teaching.exerciseText(bad(null)), expect: { error: T, message: [/^exerciseText/, /id/] } },
    { name: 'tableHtml: a cell with a script is escaped', run: () => tableHtml([{ a: '<script>alert(1)</script>' }]).html, expect: { result: (h: string) => !h.includes('<script>') } },
  ];
}

/** The XLSX files of the reader cases: numbers stored as numbers, a date cell, formulas with and without a value. */
async function writeWorkbooks(numbersXlsx: string, datesXlsx: string, cachedXlsx: string, uncachedXlsx: string): Promise<void> {
  await xlsx(numbersXlsx, (s) => {
    s.addRow(['province', 'population', 'physicians']);
    PROVINCES.forEach((p, i) => s.addRow([p, i === 0 ? 1e21 : 1000 + i, i === 0 ? 1e-7 : 20 + i]));
  });
  await xlsx(datesXlsx, (s) => {
    s.addRow(['province', 'population', 'physicians']);
    PROVINCES.forEach((p, i) => s.addRow([p, i === 1 ? new Date(Date.UTC(2020, 0, 1)) : 1000 + i, 20 + i]));
  });
  await xlsx(cachedXlsx, (s) => {
    s.addRow(['province', 'population', 'physicians']);
    PROVINCES.forEach((p, i) => s.addRow([p, 1000 + i, i === 2 ? { formula: 'A1*0+22', result: 22 } : 20 + i]));
  });
  await xlsx(uncachedXlsx, (s) => {
    s.addRow(['province', 'population', 'physicians']);
    PROVINCES.forEach((p, i) => s.addRow([p, 1000 + i, i === 2 ? { formula: 'B4*2' } : 20 + i]));
  });
}

/** The reader: options, then files (written into `dir`; the XLSX files are written before the first case runs). */
function readerCases(dir: string): BadInput[] {
  mkdirSync(dir, { recursive: true });
  const file = (name: string, content: string | Buffer) => {
    const f = path.join(dir, name);
    writeFileSync(f, content);
    return f;
  };
  const read = (f: string, options: unknown = {}) => async () => {
    await workbooks;
    return L.readProvinceTable(f, bad(options));
  };
  const table = (f: string) => (t: L.UnitTableResult) => t.file === path.basename(f);
  const P = ProvinceTableError;
  const good = file('good.csv', oneYearCsv());
  const oneYear = { layout: 'one-year', year: 2020 };
  const valueOf = (unit: string, indicator: string) => (t: L.UnitTableResult) => t.rows.find((r) => r.unit === unit && r.indicator === indicator)?.value;

  // XLSX files: numbers, dates, formulas
  const numbersXlsx = path.join(dir, 'numbers.xlsx');
  const datesXlsx = path.join(dir, 'dates.xlsx');
  const cachedXlsx = path.join(dir, 'cached.xlsx');
  const uncachedXlsx = path.join(dir, 'uncached.xlsx');
  const workbooks = writeWorkbooks(numbersXlsx, datesXlsx, cachedXlsx, uncachedXlsx);

  const gbk = iconv.encode(oneYearCsv(undefined, 'province,population,physicians').replace('Beijing', '北京'), 'gbk');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(oneYearCsv(), 'utf16le')]);
  const utf16NoBom = iconv.encode(oneYearCsv(), 'utf16le');
  const utf16be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(oneYearCsv(), 'utf16-be')]);
  const many = oneYearCsv((lines) => {
    for (let i = 0; i < 2000; i++) lines.push(`Nowhere ${i},1,1`);
  });
  const longName = oneYearCsv((lines) => lines.push(`${'Q'.repeat(100_000)},1,1`));
  mkdirSync(path.join(dir, 'a-directory.csv'), { recursive: true });

  // 65,000 units x 2 years x 1 indicator = 130,000 cells, read without `years` (Math.min(...cells) overflowed)
  const big: string[] = ['unit,year,physicians'];
  for (let i = 0; i < 65_000; i++) big.push(`u${i},2019,${i % 97}`, `u${i},2020,${i % 89}`);
  const bigFile = file('130k-cells.csv', big.join('\n') + '\n');

  return [
    { name: 'readProvinceTable: file is not a string', run: read(bad(42)), expect: { error: T, message: [/^readProvinceTable/, /file/] } },
    { name: 'readProvinceTable: layout misspelt as key', run: read(good, { layot: 'wide' }), expect: { error: T, message: [/^readProvinceTable/, /layot/, /layout/] } },
    { name: "readProvinceTable: layout 'Long'", run: read(good, { layout: 'Long' }), expect: { error: R, message: [/^readProvinceTable/, /layout/, /long/] } },
    { name: 'readProvinceTable: year 1800', run: read(good, { layout: 'one-year', year: 1800 }), expect: { error: R, message: [/^readProvinceTable/, /year/] } },
    { name: 'readProvinceTable: skipRows -1', run: read(good, { skipRows: -1 }), expect: { error: T, message: [/^readProvinceTable/, /skipRows/] } },
    { name: "readProvinceTable: delimiter ';;'", run: read(good, { delimiter: ';;' }), expect: { error: T, message: [/^readProvinceTable/, /delimiter/] } },
    { name: 'readProvinceTable: units []', run: read(good, { units: [] }), expect: { error: R, message: [/^readProvinceTable/, /units/] } },
    { name: 'readProvinceTable: years reversed', run: read(good, { years: [2021, 2012] }), expect: { error: R, message: [/^readProvinceTable/, /years/] } },
    { name: 'readProvinceTable: year with layout long', run: read(good, { layout: 'long', year: 2020 }), expect: { error: T, message: [/^readProvinceTable/, /year/, /one-year/] } },
    { name: 'readProvinceTable: maxBytes 0', run: read(good, { maxBytes: 0 }), expect: { error: R, message: [/^readProvinceTable/, /maxBytes/] } },
    { name: 'readProvinceTable: a file larger than maxBytes', run: read(good, { ...oneYear, maxBytes: 100 }), expect: { error: P, message: [/good\.csv/, /maxBytes/] } },
    { name: 'readProvinceTable: a file that does not exist', run: read(path.join(dir, 'nowhere.csv')), expect: { error: P, message: [/nowhere\.csv/, /no such file|not found|does not exist/] } },
    { name: 'readProvinceTable: a directory', run: read(path.join(dir, 'a-directory.csv')), expect: { error: P, message: [/a-directory\.csv/, /directory/] } },
    { name: 'readProvinceTable: an empty file', run: read(file('empty.csv', '')), expect: { error: P, message: [/empty\.csv/, /empty/] } },
    { name: 'readProvinceTable: a header-only CSV', run: read(file('header-only.csv', 'province,population,physicians\n'), oneYear), expect: { error: P, message: [/header-only\.csv/, /row 1|no data|header/] } },
    { name: 'readProvinceTable: an unterminated quote', run: read(file('quote.csv', oneYearCsv((l) => (l[3] = `"Shanxi,1,1`)))), expect: { error: P, message: [/quote\.csv/, /row 5|line 5/, /quote/] } },
    { name: "readProvinceTable: '1 2' is not 12", run: read(file('space12.csv', oneYearCsv((l) => (l[0] = 'Beijing,1 2,3'))), oneYear), expect: { error: P, message: [/space12\.csv/, /row 2/, /population/, /not a number/] } },
    { name: "readProvinceTable: '12 34' is not 1234", run: read(file('space1234.csv', oneYearCsv((l) => (l[0] = 'Beijing,12 34,3'))), oneYear), expect: { error: P, message: [/space1234\.csv/, /row 2/, /population/] } },
    { name: "readProvinceTable: '1 234' is 1234 (thousands group)", run: read(file('space-thousands.csv', oneYearCsv((l) => (l[0] = 'Beijing,1 234,3'))), oneYear), expect: { result: (t: L.UnitTableResult) => valueOf('Beijing', 'population')(t) === 1234 } },
    { name: "readProvinceTable: 'Shanxii'", run: read(file('shanxii.csv', oneYearCsv((l) => (l[3] = 'Shanxii,1,1'))), oneYear), expect: { error: P, message: [/shanxii\.csv/, /row 5/, /province/, /Shanxi/] } },
    { name: 'readProvinceTable: a national total row', run: read(file('total.csv', oneYearCsv((l) => l.push('全国,1,1'))), oneYear), expect: { error: P, message: [/total\.csv/, /row 33/, /national total/] } },
    { name: 'readProvinceTable: a duplicate province', run: read(file('dup.csv', oneYearCsv((l) => l.push('Beijing,1,1'))), oneYear), expect: { error: P, message: [/dup\.csv/, /row 33/, /duplicate/] } },
    { name: 'readProvinceTable: a negative value', run: read(file('negative.csv', oneYearCsv((l) => (l[4] = 'Inner Mongolia,-5,1'))), oneYear), expect: { error: P, message: [/negative\.csv/, /row 6/, /population/, /negative/] } },
    { name: 'readProvinceTable: a blank value', run: read(file('blank.csv', oneYearCsv((l) => (l[4] = 'Inner Mongolia,,1'))), oneYear), expect: { error: P, message: [/blank\.csv/, /row 6/, /population/, /blank/] } },
    { name: 'readProvinceTable: a missing province', run: read(file('missing.csv', oneYearCsv((l) => l.splice(25, 1))), oneYear), expect: { error: P, message: [/missing\.csv/, /Tibet/] } },
    { name: "readProvinceTable: a value '1e5'", run: read(file('exp.csv', oneYearCsv((l) => (l[0] = 'Beijing,1e5,3'))), oneYear), expect: { error: P, message: [/exp\.csv/, /row 2/, /population/] } },
    { name: 'readProvinceTable: a value with a unit', run: read(file('unit.csv', oneYearCsv((l) => (l[0] = 'Beijing,12 persons,3'))), oneYear), expect: { error: P, message: [/unit\.csv/, /row 2/, /population/] } },
    { name: 'readProvinceTable: a year in a long table that is no year', run: read(file('year.csv', longCsv((l) => (l[0] = 'Beijing,20x9,physicians,1')))), expect: { error: P, message: [/year\.csv/, /row 2/, /year/] } },
    { name: 'readProvinceTable: GBK read as utf-8', run: read(file('gbk.csv', gbk), { ...oneYear, encoding: 'utf-8' }), expect: { error: P, message: [/gbk\.csv/, /gb18030/] } },
    { name: 'readProvinceTable: UTF-8 read as gbk', run: read(file('utf8-as-gbk.csv', oneYearCsv((l) => (l[0] = '北京,1037,20'))), { ...oneYear, encoding: 'gbk' }), expect: { error: P, message: [/utf8-as-gbk\.csv/, /utf-8|UTF-8/] } },
    { name: 'readProvinceTable: UTF-16LE with BOM', run: read(file('utf16.csv', utf16), oneYear), expect: { result: (t: L.UnitTableResult) => t.rows.length === 62 && valueOf('Beijing', 'population')(t) === 1000, orError: P, message: [/utf16\.csv/, /UTF-16/] } },
    { name: 'readProvinceTable: UTF-16LE without BOM', run: read(file('utf16-nobom.csv', utf16NoBom), oneYear), expect: { result: (t: L.UnitTableResult) => t.rows.length === 62, orError: P, message: [/utf16-nobom\.csv/, /UTF-16/] } },
    { name: 'readProvinceTable: UTF-16BE with BOM', run: read(file('utf16be.csv', utf16be), oneYear), expect: { result: (t: L.UnitTableResult) => t.rows.length === 62, orError: P, message: [/utf16be\.csv/, /UTF-16/] } },
    { name: 'readProvinceTable: 2,000 unknown names give a capped error list', run: read(file('many.csv', many), oneYear), expect: { error: P, message: [/many\.csv/, /Nowhere 0/, /and [\d,]+ more/, /^[\s\S]{0,20000}$/] } },
    { name: 'readProvinceTable: a name of 100,000 characters is truncated', run: read(file('long-name.csv', longName), oneYear), expect: { error: P, message: [/long-name\.csv/, /row 33/, /Q{20}/, /^[\s\S]{0,3000}$/] } },
    { name: 'readProvinceTable: 130,000 cells without years', run: read(bigFile, { layout: 'panel', units: 'as-is' }), expect: { result: (t: L.UnitTableResult) => t.rows.length === 130_000 && t.yearRange?.[0] === 2019 && t.yearRange?.[1] === 2020 } },
    { name: 'readProvinceTable: XLSX numbers 1e21 and 1e-7', run: read(numbersXlsx, oneYear), expect: { result: (t: L.UnitTableResult) => valueOf('Beijing', 'population')(t) === 1e21 && valueOf('Beijing', 'physicians')(t) === 1e-7 } },
    { name: 'readProvinceTable: XLSX date cell', run: read(datesXlsx, oneYear), expect: { error: P, message: [/dates\.xlsx/, /row 3/, /population/, /date/] } },
    { name: 'readProvinceTable: XLSX formula with a cached value', run: read(cachedXlsx, oneYear), expect: { result: (t: L.UnitTableResult) => valueOf('Hebei', 'physicians')(t) === 22 } },
    { name: 'readProvinceTable: XLSX formula without a value', run: read(uncachedXlsx, oneYear), expect: { error: P, message: [/uncached\.xlsx/, /row 4/, /physicians/, /recalculate/] } },
    { name: 'readProvinceTable: a corrupt XLSX', run: read(file('corrupt.xlsx', Buffer.from('PK\u0003\u0004 this is not a zip archive at all'))), expect: { error: P, message: [/corrupt\.xlsx/, /XLSX|xlsx|workbook/] } },
    { name: 'readProvinceTable: an empty XLSX', run: read(file('zero.xlsx', Buffer.alloc(0))), expect: { error: P, message: [/zero\.xlsx/, /empty/] } },
    { name: 'readProvinceTable: a CSV renamed .xlsx', run: read(file('renamed.xlsx', oneYearCsv())), expect: { error: P, message: [/renamed\.xlsx/, /CSV|csv|not an XLSX|workbook/] } },
    { name: "readProvinceTable: an XLSX sheet 'Data' that does not exist", run: read(numbersXlsx, { ...oneYear, sheet: 'Data' }), expect: { error: P, message: [/numbers\.xlsx/, /Data/, /Sheet1/] } },
    { name: 'readProvinceTable: the good file reads', run: read(good, oneYear), expect: { result: (t: L.UnitTableResult) => table(good)(t) && t.rows.length === 62 } },
  ];
}

export function makeCases(dir: string): BadInput[] {
  return [...measureCases(), ...newMeasureCases(), ...analysisCases(), ...loaderCases(), ...readerCases(dir)];
}
