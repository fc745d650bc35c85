#!/usr/bin/env node
// npm run clean-notebooks [-- --check]: remove outputs and execution counts from notebooks/*.ipynb, as they are
// committed (a test fails on a notebook committed with outputs). --check lists unclean notebooks and exits 1.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listNotebooks, notebooksDir } from './jupyter.mjs';

const check = process.argv.includes('--check');
let unclean = 0;
for (const name of listNotebooks()) {
  const file = path.join(notebooksDir, name);
  const text = readFileSync(file, 'utf8');
  const nb = JSON.parse(text);
  let changed = false;
  for (const cell of nb.cells) {
    if (cell.cell_type !== 'code') continue;
    if (cell.outputs?.length || cell.execution_count !== null) changed = true;
    cell.outputs = [];
    cell.execution_count = null;
  }
  if (!changed) continue;
  unclean++;
  if (check) console.log(`${name}: has outputs or execution counts`);
  else {
    writeFileSync(file, JSON.stringify(nb, null, 1) + '\n');
    console.log(`${name}: cleaned`);
  }
}
if (check && unclean) process.exit(1);
if (!unclean) console.log('all notebooks are clean');
