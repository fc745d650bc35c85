/**
 * Seeded pseudo-random numbers for reproducible simulations in notebooks (e.g. perturbing printed values within
 * their rounding to see how much a published index can move). The same generator drives `bootstrap`.
 */
import { checkValues, mulberry32 } from './kernel';

/**
 * A seeded uniform generator on [0, 1): Mulberry32 (T. Ettinger, public domain), 32-bit state, 2^-32 resolution.
 * Same seed, same sequence, on every machine. Not for cryptography.
 *
 * Reference: no DOI exists: Mulberry32 was published by its author as public-domain code, not in a paper
 * (T. Ettinger, https://gist.github.com/tommyettinger/46a874533244883189143505d203312c).
 *
 * @param seed an integer in [0, 2^32)
 * @returns a function that returns the next number of the sequence
 * @example
 * const random = seededRandom(20230398);
 * random() === seededRandom(20230398)(); // => true
 * random() < 1; // => true
 */
export function seededRandom(seed: number): () => number {
  checkValues('seededRandom', 'seed', [seed], { domain: 'nonnegative' });
  if (!Number.isInteger(seed) || seed >= 2 ** 32) throw new RangeError(`seededRandom: seed must be an integer in [0, 2^32) (got ${seed})`);
  return mulberry32(seed);
}
