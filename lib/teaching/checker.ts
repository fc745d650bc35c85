/**
 * The exercise checker of the teaching primers. A student writes an answer in a cell tagged `exercise` and calls
 * `check('theil-2', answer)`: the checker recomputes the expected value from the exercise's own toy data with the
 * library, compares within the exercise's stated tolerance, and prints "correct" or a hint that does not give the
 * answer. An unanswered exercise (`undefined` or `null`) prints "not answered yet" and never throws, so a primer
 * runs from top to bottom before any exercise is done. An unknown id throws a RangeError naming the nearest id.
 *
 * It implements no published method, so it has no reference or DOI to cite.
 */
import { nearest } from '../measures/kernel';
import type { ExerciseData, ExerciseDataCopy, ExerciseDefinition } from './define';
import { EXERCISES, ExerciseId } from './exercises';

/** What `checkAnswer` concluded. */
export type CheckStatus = 'correct' | 'incorrect' | 'unanswered';

/** Result of `checkAnswer`. */
export interface CheckResult {
  id: string;
  status: CheckStatus;
  /** The line `check` prints: "gini-1: correct …", "gini-1: not yet. Hint: …" or "gini-1: not answered yet …". */
  message: string;
  /** The tolerance of the check (absolute). */
  tolerance: number;
}

const REGISTRY = EXERCISES as unknown as Record<string, ExerciseDefinition<ExerciseData>>;

/**
 * Every exercise id in primer order, or those of one primer (1..6).
 * @example
 * exerciseIds(3); // => ['ci-1', 'ci-2', 'ci-3', 'ci-4']
 */
export function exerciseIds(primer?: number): string[] {
  if (primer !== undefined) {
    const primers = [...new Set(Object.values(REGISTRY).map((e) => e.primer))].sort((a, b) => a - b);
    if (typeof primer !== 'number') throw new TypeError(`exerciseIds: primer must be a number from ${primers[0]} to ${primers[primers.length - 1]} (got ${typeof primer})`);
    if (!primers.includes(primer)) throw new RangeError(`exerciseIds: there is no primer ${primer} (the primers are ${primers.join(', ')})`);
  }
  return Object.keys(REGISTRY).filter((id) => primer === undefined || REGISTRY[id].primer === primer);
}

function lookup(fn: string, id: unknown): ExerciseDefinition<ExerciseData> {
  if (typeof id !== 'string') throw new TypeError(`${fn}: the exercise id must be a string such as 'gini-1' (got ${typeof id})`);
  const exercise = Object.prototype.hasOwnProperty.call(REGISTRY, id) ? REGISTRY[id] : undefined;
  if (exercise === undefined) {
    const near = nearest(id, Object.keys(REGISTRY));
    const suggestion = near === undefined ? '' : ` (did you mean '${near}'?)`;
    throw new RangeError(`${fn}: no exercise '${id}'${suggestion}; the exercises are ${Object.keys(REGISTRY).join(', ')}`);
  }
  return exercise;
}

function copyData<D extends ExerciseData>(data: D): ExerciseDataCopy<D> {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) copy[key] = Array.isArray(value) ? value.slice() : value;
  return copy as ExerciseDataCopy<D>;
}

/**
 * The expected answer of an exercise, recomputed now from its own data with the library (for teachers and tests).
 * @example
 * expectedValue('gini-1'); // => 0.3333333
 * @example
 * expectedValue('gini-9'); // => throws RangeError: did you mean
 */
export function expectedValue(id: string): number {
  const exercise = lookup('expectedValue', id);
  return exercise.expected(copyData(exercise.data) as ExerciseData);
}

/**
 * A fresh copy of an exercise's toy data (columns as plain arrays), to compute an answer from.
 * @example
 * exerciseData('gini-2'); // => { density: [2, 1, 4], population: [10, 30, 60] }
 */
export function exerciseData<K extends ExerciseId>(id: K): ExerciseDataCopy<(typeof EXERCISES)[K]['data']> {
  return copyData(lookup('exerciseData', id).data) as ExerciseDataCopy<(typeof EXERCISES)[K]['data']>;
}

function decimalsOf(tolerance: number): number {
  return Math.max(0, Math.round(-Math.log10(2 * tolerance)));
}

/**
 * The exercise as Markdown: title, question, its data as a table, and how the answer is checked (for `showMarkdown`).
 * @example
 * exerciseText('gini-1').startsWith('**Exercise gini-1. Gini of four regions, each counted once.**'); // => true
 */
export function exerciseText(id: string): string {
  const exercise = lookup('exerciseText', id);
  const columns = Object.entries(exercise.data).filter(([, v]) => Array.isArray(v)) as [string, readonly (number | string)[]][];
  const scalars = Object.entries(exercise.data).filter(([, v]) => !Array.isArray(v));
  const rows = columns.length === 0 ? 0 : Math.max(...columns.map(([, v]) => v.length));
  const table = columns.length === 0 ? [] : [
    `| ${columns.map(([k]) => `\`${k}\``).join(' | ')} |`,
    `| ${columns.map(() => '---:').join(' | ')} |`,
    ...Array.from({ length: rows }, (_, r) => `| ${columns.map(([, v]) => String(v[r] ?? '')).join(' | ')} |`),
  ];
  const settings = scalars.length === 0 ? [] : [scalars.map(([k, v]) => `\`${k}\` = ${v}`).join(', ')];
  const tolerance = `Checked to ${decimalsOf(exercise.tolerance)} decimals (within ±${exercise.tolerance} of the value ` +
    `the library computes from these data). Get the data with \`exerciseData('${id}')\`; write your answer in ` +
    `the next cell in place of \`undefined\`.`;
  const title = /[.?!]$/.test(exercise.title) ? exercise.title : `${exercise.title}.`;
  return [`**Exercise ${id}. ${title}** ${exercise.question}`, '', ...table, '', ...settings, '', tolerance]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

function describeAnswer(answer: unknown): string {
  if (typeof answer === 'string') return `the text "${answer.length > 40 ? `${answer.slice(0, 40)}…` : answer}"`;
  if (Array.isArray(answer)) return `an array of ${answer.length}`;
  if (typeof answer === 'number') return String(answer);
  return `a ${typeof answer}`;
}

/**
 * Check an answer without printing: `correct` within the exercise's tolerance, `unanswered` for undefined or null,
 * otherwise `incorrect` with the exercise's hint (which never contains the answer). Never throws for any answer;
 * throws a RangeError for an unknown id (with the nearest id) and a TypeError for an id that is not a string.
 * @example
 * checkAnswer('gini-1', 1 / 3).status; // => 'correct'
 * @example
 * checkAnswer('gini-1', 0.5).status; // => 'incorrect'
 * @example
 * checkAnswer('gini-1', undefined).message; // => 'gini-1: not answered yet (write your answer in place of undefined)'
 */
export function checkAnswer(id: string, answer: unknown): CheckResult {
  const exercise = lookup('check', id);
  const { tolerance, hint } = exercise;
  const result = (status: CheckStatus, message: string): CheckResult => ({ id, status, message, tolerance });
  if (answer === undefined || answer === null) {
    return result('unanswered', `${id}: not answered yet (write your answer in place of undefined)`);
  }
  if (typeof answer !== 'number' || !Number.isFinite(answer)) {
    return result('incorrect', `${id}: not yet: the answer should be one finite number, not ${describeAnswer(answer)}. Hint: ${hint}`);
  }
  const expected = exercise.expected(copyData(exercise.data) as ExerciseData);
  if (Math.abs(answer - expected) <= tolerance) {
    return result('correct', `${id}: correct (within ±${tolerance} of the value the library computes from the exercise's data)`);
  }
  const percent = Math.abs(answer / 100 - expected) <= tolerance ? ' Your answer looks like a percentage: give a fraction.' : '';
  return result('incorrect', `${id}: not yet.${percent} Hint: ${hint}`);
}

/**
 * Check an answer in a notebook and print the verdict (see `checkAnswer`): "correct", a hint, or "not answered yet".
 * Returns nothing, so the cell shows only the printed line.
 * @example
 * check('gini-1', undefined); // => undefined
 */
export function check(id: string, answer: unknown): void {
  console.log(checkAnswer(id, answer).message);
}
