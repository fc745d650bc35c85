/**
 * The exercises of the six teaching primers (notebooks/00-primer-1-lorenz-gini.ipynb … 00-primer-6-uncertainty.ipynb).
 * Each has its own toy data, small enough to work by hand; the expected answer is always recomputed from that data
 * with the library's measures, never stored. Ids: `<topic>-<n>` (gini, theil, ci, agg, gm, unc).
 */
import { agglomeration, bootstrap, concentrationCurve, concentrationIndex, gini, gm11, lorenzCurve } from '../measures/index';
import { theil, theilDecomposition, theilPermutationTest } from '../measures/index';
import { sum } from '../measures/kernel';
import { defineExercise } from './define';

/** Three decimals: an answer within half a unit of the third decimal is correct. */
const THREE_DECIMALS = 5e-4;

export const EXERCISES = {
  // ---------------------------------------------------------------------------------------- 1. Lorenz and Gini
  'gini-1': defineExercise({
    primer: 1,
    title: 'Gini of four regions, each counted once',
    question: 'Four regions have the doctor densities `values`. Counting each region once (no weights), what is ' +
      'the Gini coefficient? Use the mean absolute difference: G = sum over all ordered pairs of ' +
      '`|x_i - x_j|`, divided by `2 n² mean`.',
    data: { values: [1, 2, 3, 6] },
    expected: (d) => gini(d.values),
    tolerance: THREE_DECIMALS,
    hint: 'List the 6 unordered pairs and their absolute differences, double the sum for ordered pairs, and divide ' +
      'by 2 n² times the mean (n = 4). Or call gini(values) with no weights.',
  }),
  'gini-2': defineExercise({
    primer: 1,
    title: 'Population-weighted Gini by the trapezoid formula',
    question: 'Three regions have the densities `density` (doctors per 1,000) and populations `population`. What is ' +
      'the population-weighted Gini, `G = 1 - sum (X_i - X_(i-1)) (Y_i + Y_(i-1))`?',
    data: { density: [2, 1, 4], population: [10, 30, 60] },
    expected: (d) => gini(d.density, d.population),
    tolerance: THREE_DECIMALS,
    hint: 'Sort the regions by density first. X is the cumulative population share; Y is the cumulative share of ' +
      'doctors, and a region\'s doctors are density × population, not density alone.',
  }),
  'gini-3': defineExercise({
    primer: 1,
    title: 'Reading a Lorenz curve',
    question: 'Four regions have `doctors` and `population`. Sorted by doctors per person, the least-supplied ' +
      'regions make up exactly half of the population. What share of the doctors (a fraction between 0 and 1) do ' +
      'they have?',
    data: { doctors: [40, 10, 30, 20], population: [20, 20, 30, 30] },
    expected: (d) => {
      const density = d.doctors.map((x, i) => x / d.population[i]);
      const curve = lorenzCurve(density, d.population);
      const half = Array.from(curve.p).findIndex((p) => Math.abs(p - 0.5) < 1e-12);
      return curve.L[half];
    },
    tolerance: THREE_DECIMALS,
    hint: 'Compute doctors per person, sort the regions by it, and add up populations until you reach half of ' +
      'the total; the answer is the doctors of those regions divided by all doctors.',
  }),
  'gini-4': defineExercise({
    primer: 1,
    title: 'Gini by area',
    question: 'Four regions have `doctors` and land areas `area`. What is the Gini of doctors by area ' +
      '(doctors per km², each region weighted by its area)?',
    data: { doctors: [40, 10, 30, 20], area: [10, 40, 30, 20] },
    expected: (d) => gini(d.doctors.map((x, i) => x / d.area[i]), d.area),
    tolerance: THREE_DECIMALS,
    hint: 'It is the same trapezoid formula with area in place of population: sort by doctors per km², X is the ' +
      'cumulative area share. Two regions tie; their order does not matter.',
  }),

  // ------------------------------------------------------------------------------------------------ 2. Theil
  'theil-1': defineExercise({
    primer: 2,
    title: 'Theil L of two regions',
    question: 'Two regions with equal populations `population` have the densities `density`. What is the Theil L ' +
      'index (natural logarithm), `L = sum P_i ln(P_i / Y_i)`?',
    data: { density: [1, 3], population: [1, 1] },
    expected: (d) => theil(d.density, d.population),
    tolerance: THREE_DECIMALS,
    hint: 'P_i is each region\'s population share (both 1/2); Y_i its share of the doctors, density × ' +
      'population over the total. Use the natural logarithm (Math.log).',
  }),
  'theil-2': defineExercise({
    primer: 2,
    title: 'The between-region part',
    question: 'Four provinces, counted once each, have the densities `density` and belong to the regions `region`. ' +
      'What is the between-region component of Theil L, `sum over regions P_g ln(P_g / Y_g)`?',
    data: { density: [1, 2, 4, 8], region: ['a', 'a', 'b', 'b'] },
    expected: (d) => theilDecomposition(d.density, d.region).between,
    tolerance: THREE_DECIMALS,
    hint: 'Treat each region as one unit: P_g is its share of the provinces (population), Y_g its share of the ' +
      'total density (resource). Then it is the Theil L of two units.',
  }),
  'theil-3': defineExercise({
    primer: 2,
    title: 'What share lies within regions?',
    question: 'Six provinces have the densities `density`, the populations `population` and the regions `region`. ' +
      'What fraction (between 0 and 1) of Theil L lies within the regions?',
    data: {
      density: [1.5, 2.5, 2.0, 2.2, 3.4, 2.8],
      population: [30, 10, 20, 25, 5, 10],
      region: ['West', 'West', 'West', 'East', 'East', 'East'],
    },
    expected: (d) => theilDecomposition(d.density, d.region, d.population).withinShare,
    tolerance: THREE_DECIMALS,
    hint: 'within = sum P_g L_g, each region\'s own Theil L weighted by its population share; divide by the total ' +
      'Theil L of all six provinces (or compute total - between). Give a fraction, not a percentage.',
  }),
  'theil-4': defineExercise({
    primer: 2,
    title: 'Theil T in base 10',
    question: 'Two regions have the densities `density` and populations `population`. What is Theil T, ' +
      '`sum Y_i log10(Y_i / P_i)`, with base-10 logarithms?',
    data: { density: [1, 3], population: [3, 1] },
    expected: (d) => theil(d.density, d.population, { variant: 'T', base: 10 }),
    tolerance: THREE_DECIMALS,
    hint: 'T weights each log ratio by the resource share Y_i (not P_i) and puts Y_i over P_i. log10(x) = ln(x) / ' +
      'ln(10); in the library, theil(values, weights, { variant: \'T\', base: 10 }).',
  }),

  // ------------------------------------------------------------------------------------- 3. Concentration index
  'ci-1': defineExercise({
    primer: 3,
    title: 'Concentration index by the curve-area formula',
    question: 'Four regions of equal population have the doctor densities `density` and incomes `income`. What is ' +
      'the concentration index, `C = 1 - sum (p_t - p_(t-1)) (L_t + L_(t-1))`, ranking by income?',
    data: { density: [2, 1, 3, 2], income: [5, 10, 15, 20] },
    expected: (d) => concentrationIndex(d.density, d.income).index,
    tolerance: THREE_DECIMALS,
    hint: 'Rank by income, poorest first; p steps by 1/4; L is the cumulative share of the doctors in that order. ' +
      'The curve-area and covariance formulas give the same number.',
  }),
  'ci-2': defineExercise({
    primer: 3,
    title: 'A fractional rank',
    question: 'Three regions have the populations `population` and incomes `income` (densities `density`). What is ' +
      'the fractional rank of the richest region: the population share poorer than it plus half its own share?',
    data: { density: [2, 1, 4], income: [3, 1, 2], population: [10, 30, 60] },
    expected: (d) => {
      const richest = d.income.indexOf(Math.max(...d.income));
      return concentrationCurve(d.density, d.income, d.population).rank[richest];
    },
    tolerance: THREE_DECIMALS,
    hint: 'Sort by income. Add the population shares of the poorer regions, then half of the richest region\'s ' +
      'own share. Shares are of the total population.',
  }),
  'ci-3': defineExercise({
    primer: 3,
    title: 'Erreygers correction for a proportion',
    question: 'Four districts of equal population have the vaccination coverage `coverage` (a proportion, bounded ' +
      'by 0 and 1) and incomes `income`. What is the Erreygers-corrected concentration index, E = 4 mu C / (1 - 0)?',
    data: { coverage: [0.5, 0.6, 0.8, 0.9], income: [1, 2, 3, 4] },
    expected: (d) => concentrationIndex(d.coverage, d.income, null, { correction: 'erreygers', bounds: [0, 1] }).index,
    tolerance: THREE_DECIMALS,
    hint: 'First the standard C (covariance of coverage with the fractional rank, times 2, over the mean), then ' +
      'multiply by 4 × mean / (max - min) with the bounds 0 and 1.',
  }),
  'ci-4': defineExercise({
    primer: 3,
    title: 'Is C far from zero?',
    question: 'Six regions of equal population have the densities `density` and incomes `income`. How many ' +
      'standard errors is the concentration index away from zero (z = C / SE)?',
    data: { density: [1.8, 2.1, 1.9, 2.6, 2.4, 3.0], income: [11, 14, 17, 22, 29, 41] },
    expected: (d) => {
      const result = concentrationIndex(d.density, d.income);
      return result.index / result.standardError;
    },
    tolerance: 5e-3,
    hint: 'concentrationIndex returns both index and standardError (Kakwani, Wagstaff & van Doorslaer 1997, with ' +
      'n = the number of regions). Divide one by the other; give two decimals.',
  }),

  // ---------------------------------------------------------------------------------------------- 4. Agglomeration
  'agg-1': defineExercise({
    primer: 4,
    title: 'HRAD of region B',
    question: 'Three regions A, B, C (in that order) have `doctors`, `population` and `area`. What is the health ' +
      'resource agglomeration degree of region B, HRAD = (its share of the doctors) / (its share of the land)?',
    data: { doctors: [30, 50, 20], population: [20, 60, 20], area: [10, 30, 60], region: ['A', 'B', 'C'] },
    expected: (d) => agglomeration({ resource: d.doctors, population: d.population, area: d.area }).hrad[1],
    tolerance: THREE_DECIMALS,
    hint: 'Shares are of the totals of all three regions: doctors of B over all doctors, area of B over all area.',
  }),
  'agg-2': defineExercise({
    primer: 4,
    title: 'PAD of region C',
    question: 'Same three regions. What is the population agglomeration degree of region C, PAD = (its share of ' +
      'the population) / (its share of the land)?',
    data: { doctors: [30, 50, 20], population: [20, 60, 20], area: [10, 30, 60], region: ['A', 'B', 'C'] },
    expected: (d) => agglomeration({ resource: d.doctors, population: d.population, area: d.area }).pad[2],
    tolerance: THREE_DECIMALS,
    hint: 'PAD uses population where HRAD uses doctors; both divide by the share of the land.',
  }),
  'agg-3': defineExercise({
    primer: 4,
    title: 'HRAD/PAD of region A',
    question: 'Same three regions. What is HRAD/PAD for region A? (Above 1: more doctors than its share of the ' +
      'population.)',
    data: { doctors: [30, 50, 20], population: [20, 60, 20], area: [10, 30, 60], region: ['A', 'B', 'C'] },
    expected: (d) => agglomeration({ resource: d.doctors, population: d.population, area: d.area }).hradToPad[0],
    tolerance: THREE_DECIMALS,
    hint: 'The area shares cancel: HRAD/PAD = (share of the doctors) / (share of the population).',
  }),

  // ------------------------------------------------------------------------------------------------- 5. GM(1,1)
  'gm-1': defineExercise({
    primer: 5,
    title: 'The accumulated series',
    question: 'A series of doctors per 1,000 people over five years is `series`. What is the fourth value of the ' +
      'accumulated series, x1(4)?',
    data: { series: [2.0, 2.2, 2.5, 2.6, 3.0] },
    expected: (d) => sum(d.series.slice(0, 4)),
    tolerance: THREE_DECIMALS,
    hint: 'x1(k) is the running total x0(1) + ... + x0(k).',
  }),
  'gm-2': defineExercise({
    primer: 5,
    title: 'The development coefficient',
    question: 'For the same `series`, what is the development coefficient a of GM(1,1)?',
    data: { series: [2.0, 2.2, 2.5, 2.6, 3.0] },
    expected: (d) => gm11(d.series).a,
    tolerance: THREE_DECIMALS / 10,
    hint: 'Fit x0(k) = b - a z(k) by least squares over k = 2..n, z being the background values (means of ' +
      'consecutive x1). a is minus the slope; it is negative for a growing series. Four decimals.',
  }),
  'gm-3': defineExercise({
    primer: 5,
    title: 'A one-step forecast',
    question: 'For the same `series`, what does GM(1,1) forecast for the sixth year?',
    data: { series: [2.0, 2.2, 2.5, 2.6, 3.0] },
    expected: (d) => gm11(d.series).forecast(1)[0],
    tolerance: THREE_DECIMALS,
    hint: 'x0hat(k) = x1hat(k) - x1hat(k - 1), with the time response x1hat(k) = (x0(1) - b/a) e^(-a (k-1)) + b/a; ' +
      'or gm11(series).forecast(1).',
  }),

  // --------------------------------------------------------------------------------------------- 6. Uncertainty
  'unc-1': defineExercise({
    primer: 6,
    title: 'A bootstrap standard error',
    question: 'Six provinces have the densities `density` and populations `population`. With `bootstrap`, ' +
      '`replicates` replicates and seed `seed`, what is the bootstrap standard error of the population-weighted Gini?',
    data: { density: [1.2, 1.8, 2.5, 3.1, 4.0, 2.2], population: [5, 8, 3, 6, 2, 4], replicates: 500, seed: 11 },
    expected: (d) => {
      const columns = [d.density, d.population];
      return bootstrap((v, w) => gini(v, w), columns, { replicates: d.replicates, seed: d.seed }).standardError;
    },
    tolerance: THREE_DECIMALS,
    hint: 'Resample provinces with their populations (both columns together), with the seed and number of ' +
      'replicates given: bootstrap((v, w) => gini(v, w), [density, population], { replicates, seed }).',
  }),
  'unc-2': defineExercise({
    primer: 6,
    title: 'How far can rounding move a Gini?',
    question: 'A paper prints the densities `printed` to one decimal, for populations `population`. Move the two ' +
      'lowest densities down by half a printed unit (0.05) and the two highest up by 0.05: what is the Gini then?',
    data: { printed: [1.2, 1.8, 2.5, 3.1], population: [4, 3, 2, 1] },
    expected: (d) => {
      const order = d.printed.map((_, i) => i).sort((i, j) => d.printed[i] - d.printed[j]);
      const moved = d.printed.slice();
      order.forEach((i, rank) => (moved[i] += rank < 2 ? -0.05 : 0.05));
      return gini(moved, d.population);
    },
    tolerance: THREE_DECIMALS,
    hint: 'Spreading the values apart raises the Gini: subtract 0.05 from the two smallest densities, add 0.05 to ' +
      'the two largest, and keep the populations.',
  }),
  'unc-3': defineExercise({
    primer: 6,
    title: 'How often did the Gini fall?',
    question: 'Six provinces have densities in two years, `before` and `after`, and populations `population`. ' +
      'Bootstrap the change in the Gini (after minus before), resampling provinces with both years, with ' +
      '`replicates` replicates and seed `seed`. What fraction of the replicates shows a fall (a change below 0)?',
    data: {
      before: [1.2, 1.8, 2.5, 3.1, 4.0, 2.2],
      after: [1.4, 1.9, 2.5, 3.0, 3.9, 2.4],
      population: [5, 8, 3, 6, 2, 4],
      replicates: 400,
      seed: 5,
    },
    expected: (d) => {
      const change = (b: Float64Array, a: Float64Array, w: Float64Array) => gini(a, w) - gini(b, w);
      const columns = [d.before, d.after, d.population];
      const result = bootstrap(change, columns, { replicates: d.replicates, seed: d.seed });
      return result.distribution.filter((c) => c < 0).length / d.replicates;
    },
    tolerance: THREE_DECIMALS,
    hint: 'Pass all three columns to one bootstrap, so that each replicate keeps a province\'s two years ' +
      'together; then count the replicates in result.distribution that are below 0 and divide by their number.',
  }),
  'unc-4': defineExercise({
    primer: 6,
    title: 'A permutation test of the regions',
    question: 'Six provinces have the densities `density`, populations `population` and regions `region`. Shuffle ' +
      'the region labels `permutations` times with seed `seed` (`theilPermutationTest`): what is the p-value of the ' +
      'between-region share of Theil L?',
    data: {
      density: [1.4, 1.9, 2.5, 3.0, 3.9, 2.4],
      population: [5, 8, 3, 6, 2, 4],
      region: ['West', 'West', 'East', 'East', 'East', 'West'],
      permutations: 199,
      seed: 3,
    },
    expected: (d) => {
      const options = { permutations: d.permutations, seed: d.seed };
      return theilPermutationTest(d.density, d.region, d.population, options).pValue;
    },
    tolerance: THREE_DECIMALS,
    hint: 'The p-value counts the observed grouping as one of the assignments: (1 + the number of shuffles with a ' +
      'share at least as large) / (shuffles + 1). Pass the populations as weights, and the seed and number of ' +
      'shuffles given.',
  }),
};

/** The id of an exercise. */
export type ExerciseId = keyof typeof EXERCISES;
