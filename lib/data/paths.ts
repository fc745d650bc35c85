/**
 * Where the data files live: `data/` at the repository root, found relative to this module so that notebooks
 * (cwd = repository root), vitest and scripts all resolve the same files.
 */
import * as path from 'path';

/** Absolute path of the repository's `data/` directory. */
export const DATA_DIR: string = path.resolve(__dirname, '../../data');

/**
 * Absolute path of a file given relative to `data/` (e.g. `population_csy2020.csv`). Does not check that it exists.
 * @example
 * dataPath('provinces.csv').slice(DATA_DIR.length + 1); // => 'provinces.csv'
 */
export function dataPath(relative: string): string {
  return path.join(DATA_DIR, relative);
}
