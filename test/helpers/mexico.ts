/** The libpysal `mexico` example data (see test/fixtures/reference/README.md), read as numeric columns. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

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

/** Deterministic pseudo-random numbers for test data (mulberry32, independent of lib/). */
export function testRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Absolute tolerance for a value printed with the decimals of `printed` (half a unit in the last place). */
export function printedTolerance(printed: string): number {
  const decimals = printed.includes('.') ? printed.split('.')[1].length : 0;
  return 0.5 * 10 ** -decimals + 1e-15;
}
