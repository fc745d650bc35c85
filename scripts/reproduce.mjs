#!/usr/bin/env node
// npm run reproduce [-- NAME … [--output-dir DIR] [--json FILE]]: execute every notebook in notebooks/ (or those
// whose names contain a NAME) headlessly with Jupyter (nbclient, the tslab kernel), write the executed notebooks to
// out/notebooks/ and an HTML report of each to out/html/, print one line per notebook (name, cells, seconds, status)
// and one summary line per reproduced study (from out/reproduction/*.csv). Exits 1 if any cell errors.
// --output-dir puts notebooks/ and html/ elsewhere (the tests use it); --json writes the results as JSON.
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { executeNotebook, listNotebooks, outDir, root } from './jupyter.mjs';

/** Parse a small RFC 4180 CSV (quoted fields, doubled quotes). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

/** `fu2023: N reproduced, K explained, U unexplained of M` (plus not-reproducible cells) from one reproduction CSV. */
export function reproductionSummary(file) {
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  const statusIndex = header.indexOf('status');
  const count = (s) => rows.filter((r) => r[statusIndex] === s).length;
  const study = path.basename(file, '.csv');
  const reproducible = rows.length - count('not-reproducible');
  let line = `${study}: ${count('reproduced')} reproduced, ${count('explained')} explained, ${count('unexplained')} unexplained of ${reproducible}`;
  if (count('not-reproducible') > 0) line += ` (and ${count('not-reproducible')} cells not reproducible from public data)`;
  return line;
}

async function main() {
  const argv = process.argv.slice(2);
  const option = (name) => {
    const i = argv.indexOf(name);
    if (i < 0) return undefined;
    const value = argv[i + 1];
    argv.splice(i, 2);
    return value;
  };
  const outputDir = path.resolve(option('--output-dir') ?? outDir);
  const jsonFile = option('--json');
  const wanted = argv;
  const notebooks = wanted.length > 0 ? listNotebooks().filter((n) => wanted.some((w) => n.includes(w))) : listNotebooks();
  if (notebooks.length === 0) {
    console.error(`no notebook in notebooks/ matches ${wanted.join(' ')}`);
    process.exit(1);
  }
  let failures = 0;
  const results = [];
  const width = Math.max(...notebooks.map((n) => n.length));
  for (const name of notebooks) {
    const r = await executeNotebook(name, { outputDir });
    results.push(r);
    const status = r.status === 'ok' ? 'ok' : `ERROR in cell ${r.failedCell ?? '?'}`;
    console.log(`${name.padEnd(width)}  ${String(r.cells).padStart(3)} cells  ${r.seconds.toFixed(1).padStart(6)} s  ${status}`);
    if (r.status !== 'ok') {
      failures++;
      console.log(`  ${r.error.split('\n').slice(0, 12).join('\n  ')}`);
      console.log(`  executed notebook: ${path.relative(root, r.executedPath)}`);
    }
  }
  const reproductionDir = path.join(outDir, 'reproduction');
  if (existsSync(reproductionDir)) {
    for (const f of readdirSync(reproductionDir).filter((f) => f.endsWith('.csv')).sort()) {
      console.log(reproductionSummary(path.join(reproductionDir, f)));
    }
  }
  const shown = path.relative(root, outputDir) || '.';
  console.log(`executed notebooks in ${shown}/notebooks/, HTML reports in ${shown}/html/`);
  if (jsonFile) {
    mkdirSync(path.dirname(path.resolve(jsonFile)), { recursive: true });
    writeFileSync(jsonFile, JSON.stringify(results, null, 2) + '\n');
  }
  if (failures > 0) {
    console.error(`${failures} notebook(s) failed`);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(root, 'scripts', 'reproduce.mjs')) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
