/**
 * Measure the bad-input catalogue against the current code: run every case and print the counts of each class
 * (clear error, correct result, silent NaN, silently wrong, unhelpful error, hang) and, with --all, every case.
 * Run: npx tsx test/bad-input/measure.ts [--all]
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { classify } from './classify';
import type { Outcome } from './classify';
import { makeCases } from './cases';

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'equilab-bad-input-'));
  try {
    const cases = makeCases(dir);
    const counts = new Map<Outcome, number>();
    for (const c of cases) {
      const { outcome, detail } = await classify(c);
      counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
      const ok = outcome === 'clear error' || outcome === 'correct result';
      if (!ok || process.argv.includes('--all')) console.log(`${ok ? 'ok  ' : 'FAIL'} [${outcome}] ${c.name}\n       ${detail.replace(/\n/g, '\n       ').slice(0, 600)}`);
    }
    console.log(`\n${cases.length} cases: ${[...counts].map(([k, v]) => `${v} ${k}`).join(', ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
void main();
