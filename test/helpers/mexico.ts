/** The libpysal `mexico` example data (see test/fixtures/reference/README.md), read as numeric columns. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from '../../lib/measures/random';

export const MEXICO_CSV = path.resolve(__dirname, '..', 'fixtures', 'reference', 'mexico.csv');

export interface Mexico {
  states: string[];
  /** column name -> values, one per state, in file order */
  columns: Record<string, number[]>;
}

export function readMexico(): Mexico {
  const lines = readFileSync(MEXICO_CSV, 'utf8').trim().split(/\r?\n/);
  const header = lines[0].split(',');
  const states: string[] = [];
  const columns: Record<string, number[]> = {};
  for (const name of header.slice(1)) columns[name] = [];
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    states.push(cells[0]);
    header.slice(1).forEach((name, j) => columns[name].push(Number(cells[j + 1])));
  }
  return { states, columns };
}

/**
 * Deterministic pseudo-random numbers for test data: the library's seededRandom (Mulberry32). It replaced a copy of
 * the same algorithm kept here; both give the same sequence (compared over 2,024 seeds x 20,000 draws: no
 * difference), so the test data did not change. Seed 1 starts 0.6270739405881613, 0.002735721180215478.
 */
export function testRandom(seed: number): () => number {
  return seededRandom(seed);
}

/** Absolute tolerance for a value printed with the decimals of `printed` (half a unit in the last place). */
export function printedTolerance(printed: string): number {
  const decimals = printed.includes('.') ? printed.split('.')[1].length : 0;
  return 0.5 * 10 ** -decimals + 1e-15;
}
