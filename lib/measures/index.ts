/**
 * The measures: pure functions of plain numbers (no I/O, no import from outside lib/measures). One family per file;
 * `kernel.ts` holds what they share (the compensated accumulator, input checks, ranks, sorting, the seeded generator)
 * and is not exported.
 */
export * from './lorenz';
export * from './gini';
export * from './dagum';
export * from './theil';
export { atkinson, coefficientOfVariation, generalizedEntropy } from './entropy';
export * from './concentration';
export * from './agglomeration';
export * from './heat';
export * from './growth';
export * from './gm11';
export * from './grey';
export * from './bootstrap';
export * from './permutation';
export * from './random';
