#!/usr/bin/env node
// npm run reproduce [-- NAME … [--output-dir DIR] [--json FILE]]: execute every notebook in notebooks/ (or those
// whose names contain a NAME) headlessly with Jupyter (nbclient, the tslab kernel), write the executed notebooks to
// out/notebooks/ and an HTML report of each to out/html/, print one line per notebook (name, cells, seconds, status)
// and one summary line per reproduced study (out/reproduction/<study>.summary.txt, written with <study>.csv). Exits 1 if any cell errors.
// --output-dir puts notebooks/ and html/ elsewhere (the tests use it); --json writes the results as JSON.
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { executeNotebook, listNotebooks, outDir, pngRenderer, root } from './jupyter.mjs';

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
  const started = Date.now();
  let failures = 0;
  const results = [];
  const width = Math.max(...notebooks.map((n) => n.length));
  // One Chromium page with plotly.js renders the PNG fallbacks of every notebook of the run (scripts/jupyter.mjs).
  const renderer = pngRenderer();
  const env = { EQUILAB_OUT_DIR: outputDir };
  for (const name of notebooks) {
    const r = await executeNotebook(name, { outputDir, env, renderer });
    results.push(r);
    const status = r.status === 'ok' ? 'ok' : `ERROR in cell ${r.failedCell ?? '?'}`;
    console.log(`${name.padEnd(width)}  ${String(r.cells).padStart(3)} cells  ${r.seconds.toFixed(1).padStart(6)} s  ${status}`);
    if (r.status !== 'ok') {
      failures++;
      console.log(`  ${r.error.split('\n').slice(0, 12).join('\n  ')}`);
      console.log(`  executed notebook: ${path.relative(root, r.executedPath)}`);
    }
  }
  await renderer?.close();
  const reproductionDir = path.join(outputDir, 'reproduction');
  if (existsSync(reproductionDir)) {
    // Each study notebook writes <study>.csv and its summary line <study>.summary.txt (lib/reproduction.ts); only
    // the studies written by the notebooks of this run are reported (older files may be from another run).
    for (const f of readdirSync(reproductionDir).filter((f) => f.endsWith('.summary.txt')).sort()) {
      const file = path.join(reproductionDir, f);
      if (statSync(file).mtimeMs >= started) console.log(readFileSync(file, 'utf8').trim());
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
