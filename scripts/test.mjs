#!/usr/bin/env node
// npm test [-- vitest arguments]: type-check lib/ and test/ with tsc, then run every vitest test (unit, data,
// notebook execution through Jupyter, browser). Prints a closing line "N passed, M failed, K skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { root, outDir } from './jupyter.mjs';

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const extra = process.argv.slice(2);

console.log('typecheck: tsc --noEmit -p tsconfig.json');
const tsc = spawnSync(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
console.log(tsc.status === 0 ? 'typecheck: ok' : 'typecheck: FAILED');

mkdirSync(outDir, { recursive: true });
const report = path.join(outDir, 'vitest-report.json');
rmSync(report, { force: true });
const vitest = spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra], {
  cwd: root,
  stdio: 'inherit',
});

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests;
  skipped = r.numPendingTests + (r.numTodoTests ?? 0);
}
// The type check counts as one test.
if (tsc.status === 0) passed += 1;
else failed += 1;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(tsc.status === 0 && vitest.status === 0 && failed === 0 ? 0 : 1);
