/**
 * Where the data files live: `data/` at the repository root, found relative to this module so that notebooks
 * (cwd = repository root), vitest and scripts all resolve the same files.
 */
import * as path from 'path';

/** Absolute path of the repository's `data/` directory. */
export const DATA_DIR: string = path.resolve(__dirname, '../../data');

/**
 * Absolute path of a file given relative to `data/` (e.g. `population_csy2020.csv`). Does not check that it exists.
 * @throws TypeError for a path that is not text; RangeError for an absolute path or one that leaves data/ ('../x')
 * @example
 * dataPath('provinces.csv').slice(DATA_DIR.length + 1); // => 'provinces.csv'
 * dataPath('../package.json'); // => throws RangeError: leaves data/
 */
export function dataPath(relative: string): string {
  if (typeof relative !== 'string' || relative === '') throw new TypeError(`dataPath: relative must be a path inside data/ such as 'provinces.csv' (got ${JSON.stringify(relative)})`);
  const full = path.resolve(DATA_DIR, relative);
  if (path.isAbsolute(relative) || (full !== DATA_DIR && !full.startsWith(DATA_DIR + path.sep))) {
    throw new RangeError(`dataPath: ${JSON.stringify(relative.slice(0, 200))} leaves data/: give a path relative to data/ such as 'templates/phc_workforce.csv'`);
  }
  return path.join(DATA_DIR, relative);
}
