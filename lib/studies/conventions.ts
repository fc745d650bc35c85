/**
 * Which convention did a paper use? Recompute its published numbers under each named variant (log base, Theil L or
 * T, the mean each unit is compared with, the GM(1,1) residual convention, ...) and report which variants reproduce
 * them within their printed precision: what the Fu et al. notebook did by hand to find that its Theil index uses
 * log10, as a tool.
 */
import type { Gm11AccuracyOptions } from '../measures/gm11';
import { checkChoice, checkOptions } from '../measures/kernel';
import type { TheilOptions } from '../measures/theil';
import { roundingTolerance } from './reproduction';

/** One named way of recomputing the published numbers: returns them in the published order. */
export interface ConventionCandidate {
  name: string;
  compute: () => ArrayLike<number>;
}

/** Options of `identifyConvention`. */
export interface IdentifyConventionOptions {
  /**
   * How far a recomputed number may be from the published one and still count as reproduced: `'printed'`, half a
   * unit of the last printed digit (`roundingTolerance`); a number, added to that (for inputs that were themselves
   * rounded, e.g. densities printed to two decimals: say how much in the caller, with the reason); or a function of
   * the printed text and the index returning the whole tolerance.
   * @default 'printed'
   */
  tolerance?: 'printed' | number | ((printed: string, index: number) => number);
}

/** How one candidate fares. */
export interface ConventionFit {
  name: string;
  /** The candidate's numbers, in the published order. */
  values: number[];
  /** `value - published`, one per number. */
  differences: number[];
  /** The tolerance each number was held to. */
  tolerances: number[];
  /** How many numbers are within their tolerance. */
  within: number;
  /** Whether every number is. */
  matches: boolean;
  /** The largest `|difference| / tolerance`: <= 1 when the candidate matches; ranks near misses. */
  worst: number;
}

/** Result of `identifyConvention`. */
export interface ConventionIdentification {
  /** The published numbers as given (text). */
  published: string[];
  /** One record per candidate, in the order given. */
  candidates: ConventionFit[];
  /** The names of the candidates that reproduce every number (empty when none does: then no named variant explains them). */
  matching: string[];
  /** The candidate with the smallest `worst` (the closest, whether or not it matches). */
  closest: string;
}

/**
 * Identify the convention behind a published set of numbers: recompute them under each named candidate and report
 * which candidates reproduce all of them within their printed precision.
 *
 * A number matches when `|candidate - published| <= tolerance`, the tolerance being half a unit of the last printed
 * digit (`'0.0742'` → 5e-5) by default. `matching` lists the candidates that match every number; one name there is
 * an identification, several mean the numbers cannot tell those variants apart, none means no named variant
 * reproduces them (look at `closest` and its `worst`).
 *
 * - `published`: the numbers as printed (strings keep trailing zeros, so `'0.0740'` is held to 4 decimals); a number
 *   is read through `String(value)` (so 0.074 means three decimals). At least one.
 * - `candidates`: `{ name, compute }` records, or an object `{ name: compute }`; each `compute()` returns as many
 *   finite numbers as were published, in the same order. Names must be distinct. Builders: `theilConventions`,
 *   `gm11Conventions`.
 * - `options.tolerance`: see `IdentifyConventionOptions`.
 * - Result: see `ConventionIdentification`.
 *
 * Reference: no DOI: a tool of this library. The Theil case is Fu et al. (2023), doi:10.3390/healthcare11030398.
 *
 * @param published the published numbers, as printed
 * @param candidates the named variants
 * @param options `tolerance`
 * @example
 * const x = [1, 2, 3, 4];
 * const r = identifyConvention(['0.0529'], theilConventions((o) => [theil(x, null, o)]));
 * r.matching; // => ['Theil L, log10, weighted mean', 'Theil L, log10, unweighted mean']
 * identifyConvention(['0.1218', '0.12'], { ln: () => [0.12178, 0.1218], log10: () => [0.0529, 0.0529] }).matching; // => ['ln']
 */
export function identifyConvention(
  published: readonly (string | number)[],
  candidates: readonly ConventionCandidate[] | Readonly<Record<string, () => ArrayLike<number>>>,
  options: IdentifyConventionOptions = {},
): ConventionIdentification {
  const fn = 'identifyConvention';
  checkOptions(fn, options, ['tolerance']);
  if (!Array.isArray(published) || published.length === 0) throw new TypeError(`${fn}: published must be a non-empty array of printed numbers`);
  const texts = published.map((p, i) => {
    if (typeof p === 'number' && Number.isFinite(p)) return String(p);
    if (typeof p === 'string') return p;
    throw new TypeError(`${fn}: published number ${i} must be a printed number (string) or a finite number (got ${String(p)})`);
  });
  const values = texts.map((t, i) => {
    const v = Number(t.trim().replace(/[,\s%]/g, ''));
    if (!Number.isFinite(v)) throw new RangeError(`${fn}: published number ${i} is not a number: ${JSON.stringify(t)}`);
    return v;
  });
  const { tolerance = 'printed' } = options;
  const tolerances = texts.map((t, i) => {
    if (tolerance === 'printed') return roundingTolerance(t);
    if (typeof tolerance === 'number') {
      if (!(tolerance >= 0 && Number.isFinite(tolerance))) throw new RangeError(`${fn}: tolerance must be a finite number >= 0 (got ${tolerance})`);
      return roundingTolerance(t) + tolerance;
    }
    if (typeof tolerance === 'function') {
      const v = tolerance(t, i);
      if (typeof v !== 'number' || !(v >= 0) || !Number.isFinite(v)) throw new RangeError(`${fn}: tolerance(${JSON.stringify(t)}, ${i}) must be a finite number >= 0 (got ${String(v)})`);
      return v;
    }
    throw new TypeError(`${fn}: tolerance must be 'printed', a number or a function`);
  });
  let list: ConventionCandidate[];
  if (Array.isArray(candidates)) list = candidates as ConventionCandidate[];
  else if (candidates !== null && typeof candidates === 'object') {
    list = Object.entries(candidates as Record<string, () => ArrayLike<number>>).map(([name, compute]) => ({ name, compute }));
  } else throw new TypeError(`${fn}: candidates must be an array of { name, compute } or an object of functions`);
  if (list.length === 0) throw new RangeError(`${fn}: no candidates`);
  const seen = new Set<string>();
  const fits = list.map((c, k) => {
    if (c === null || typeof c !== 'object' || typeof c.name !== 'string' || typeof c.compute !== 'function') {
      throw new TypeError(`${fn}: candidate ${k} must be { name: string, compute: () => numbers }`);
    }
    if (seen.has(c.name)) throw new RangeError(`${fn}: two candidates are named '${c.name}'`);
    seen.add(c.name);
    const out = c.compute();
    if (out === null || typeof out !== 'object' || typeof (out as ArrayLike<number>).length !== 'number') {
      throw new TypeError(`${fn}: candidate '${c.name}' must return an array of numbers`);
    }
    const ours = Array.from(out as ArrayLike<number>);
    if (ours.length !== values.length) {
      throw new RangeError(`${fn}: candidate '${c.name}' returned ${ours.length} numbers for ${values.length} published`);
    }
    ours.forEach((v, i) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`${fn}: candidate '${c.name}' gave ${String(v)} for published number ${i}`);
    });
    const differences = ours.map((v, i) => v - values[i]);
    const ratios = differences.map((d, i) => (tolerances[i] > 0 ? Math.abs(d) / tolerances[i] : d === 0 ? 0 : Infinity));
    const within = ratios.filter((r) => r <= 1).length;
    return {
      name: c.name,
      values: ours,
      differences,
      tolerances: tolerances.slice(),
      within,
      matches: within === values.length,
      worst: Math.max(...ratios),
    };
  });
  let closest = fits[0];
  for (const f of fits) if (f.worst < closest.worst) closest = f;
  return { published: texts, candidates: fits, matching: fits.filter((f) => f.matches).map((f) => f.name), closest: closest.name };
}

/**
 * The named Theil conventions of published tables, as candidates for `identifyConvention`: variant L or T × log
 * base e, 10 or 2 × the mean each unit is compared with (weighted, the textbook, or the unweighted mean of the units'
 * values), 12 in all, named like `'Theil L, log10, weighted mean'`. `compute` receives the Theil options of each
 * variant and returns the published set recomputed with them.
 *
 * - `compute`: a function of `TheilOptions` (`variant`, `base`, `reference`) returning the numbers in the published
 *   order, e.g. `(o) => years.map((t) => theil(density[t], population[t], o))`.
 * - `options.references`: which references to include. @default ['weighted', 'unweighted']
 *
 * Reference: no DOI: a tool of this library (Theil 1967, Shorrocks 1980 doi:10.2307/1913126 for the indices).
 *
 * @example
 * theilConventions(() => [0]).map((c) => c.name).slice(0, 3);
 * // => ['Theil L, ln, weighted mean', 'Theil L, log10, weighted mean', 'Theil L, log2, weighted mean']
 */
export function theilConventions(
  compute: (options: TheilOptions) => ArrayLike<number>,
  options: { references?: readonly ('weighted' | 'unweighted')[] } = {},
): ConventionCandidate[] {
  if (typeof compute !== 'function') throw new TypeError('theilConventions: compute must be a function of the Theil options');
  checkOptions('theilConventions', options, ['references']);
  const references = options.references ?? ['weighted', 'unweighted'];
  if (!Array.isArray(references) || references.length === 0) throw new TypeError("theilConventions: references must be a non-empty array of 'weighted' and 'unweighted'");
  for (const r of references) checkChoice('theilConventions', 'references', r, ['weighted', 'unweighted'] as const, 'weighted');
  const bases: [string, number][] = [['ln', Math.E], ['log10', 10], ['log2', 2]];
  const out: ConventionCandidate[] = [];
  for (const reference of references) {
    for (const variant of ['L', 'T'] as const) {
      for (const [label, base] of bases) {
        out.push({ name: `Theil ${variant}, ${label}, ${reference} mean`, compute: () => compute({ variant, base, reference }) });
      }
    }
  }
  return out;
}

/**
 * The GM(1,1) accuracy conventions of published models, as candidates for `identifyConvention`: residuals signed or
 * absolute × first residual counted or not × population or sample standard deviations, 8 in all, named like
 * `'signed residuals, first counted, population SD'`. `compute` receives the `gm11` accuracy options of each.
 *
 * - `compute`: a function of `Gm11AccuracyOptions` returning the numbers in the published order, e.g.
 *   `(o) => { const m = gm11(series, o); return [m.C, m.P]; }`.
 *
 * Reference: no DOI: a tool of this library (Liu & Lin 2010, doi:10.1007/978-3-642-16158-2, for C and P).
 *
 * @example
 * const series = [2.874, 3.278, 3.337, 3.39, 3.679];
 * const r = identifyConvention(['0.13'], gm11Conventions((o) => [gm11(series, o).C]));
 * r.matching; // => ['absolute residuals, first counted, population SD', 'absolute residuals, first counted, sample SD']
 */
export function gm11Conventions(compute: (options: Gm11AccuracyOptions) => ArrayLike<number>): ConventionCandidate[] {
  if (typeof compute !== 'function') throw new TypeError('gm11Conventions: compute must be a function of the gm11 accuracy options');
  const out: ConventionCandidate[] = [];
  for (const residuals of ['signed', 'absolute'] as const) {
    for (const includeFirstResidual of [true, false]) {
      for (const standardDeviation of ['population', 'sample'] as const) {
        out.push({
          name: `${residuals} residuals, first ${includeFirstResidual ? 'counted' : 'left out'}, ${standardDeviation} SD`,
          compute: () => compute({ residuals, includeFirstResidual, standardDeviation }),
        });
      }
    }
  }
  return out;
}
