/**
 * The teaching layer: the exercises of the six primers (each with its own toy data) and the checker a student calls
 * from a notebook (`import { check, exerciseData, exerciseText } from './lib/teaching/index'`). It imports the
 * measures (the expected answers are recomputed with them); nothing in the other layers imports it.
 */
export * from './define';
export * from './exercises';
export * from './checker';
