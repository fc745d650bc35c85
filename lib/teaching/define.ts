/**
 * What an exercise of the teaching primers is: its own toy data, the question, how the library computes the
 * expected answer from that data, the tolerance of the check, and a hint that does not give the answer away.
 */

/** The toy data of one exercise: named columns (numbers or labels) and named numbers (a seed, a level, ...). */
export type ExerciseData = Readonly<Record<string, readonly number[] | readonly string[] | number>>;

/** A fresh, mutable copy of an exercise's data (what `exerciseData` returns to a student). */
export type ExerciseDataCopy<D extends ExerciseData> = {
  -readonly [K in keyof D]: D[K] extends readonly number[] ? number[] : D[K] extends readonly string[] ? string[] : D[K];
};

/** One exercise. */
export interface ExerciseDefinition<D extends ExerciseData = ExerciseData> {
  /** Which primer it belongs to, 1..6. */
  primer: number;
  /** A short title. */
  title: string;
  /** The question, in Markdown; it names the data's columns as the student will find them in `exerciseData(id)`. */
  question: string;
  /** The exercise's own toy data (not the primer's: editing the primer's table never changes an exercise). */
  data: D;
  /** The expected answer, recomputed from `data` with the library each time an answer is checked. */
  expected: (data: D) => number;
  /** An answer within `tolerance` (absolute) of the expected value is correct. */
  tolerance: number;
  /** What to look at again when the answer is wrong. Never contains the answer. */
  hint: string;
}

/**
 * Declare an exercise (keeps the type of its data, so that `exerciseData(id)` is typed in a notebook).
 * @example
 * defineExercise({ primer: 1, title: 't', question: 'q', data: { values: [1, 3] }, expected: (d) => d.values[1], tolerance: 0, hint: 'h' }).expected({ values: [1, 3] }); // => 3
 */
export function defineExercise<D extends ExerciseData>(definition: ExerciseDefinition<D>): ExerciseDefinition<D> {
  return definition;
}
