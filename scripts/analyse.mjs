#!/usr/bin/env node
// npm run analyse -- FILE --resource COL [--population COL] [--area COL] [--unit COL] [--year COL] [--years 2012-2019]
//   [--group COL | --groups FILE] [--rank-by COL] [--label COL] [--units auto|provinces|as-is] [--theil L|T] [--log-base e|10|2]
//   [--scale 1000] [--area-scale 1] [--title TEXT] [--sheet NAME] [--out DIR] [--json FILE]
// or npm run analyse -- --config analysis.json (the same keys: file, resource, rankBy, logBase …).
//
// Your own table → the full three-stage analysis: reads FILE with the library's reader (checking the columns first,
// with the nearest names when one is unknown), runs the analysis once to stop early on bad data, copies the workbook
// notebooks/templates/three-stage-analysis.ipynb, injects the parameters in a cell after its `parameters` cell
// (the papermill convention), executes it with Jupyter (nbclient, the project's tslab kernel) and writes to --out
// (default out/analyses/<file name>/): <name>.ipynb (executed), <name>.html (the report: static, offline),
// figures/*.png and *.svg, tables/*.csv, and with --json FILE the JSON contract (lib/analysis/report.ts).
// Everything is written into a temporary folder beside --out and moved into place at the end: on any problem the
// command prints one message, exits 1 and leaves nothing half-written.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analysePanel } from '../lib/analysis/panel.ts';
import { panelRecords } from '../lib/analysis/records.ts';
import { analysisJson } from '../lib/analysis/report.ts';
import { sha256Hex } from '../lib/data/checksum.ts';
import { readProvinceTable } from '../lib/data/readProvinceTable.ts';
import {
  AnalyseError,
  USAGE,
  checkConfig,
  chooseUnits,
  injectParameters,
  panelOptions,
  panelSpec,
  parseArguments,
  readGroups,
  readHeader,
  readerOptions,
  reportNotebook,
  resolveColumns,
} from './analyse-options.mjs';
import { jupyterEnv, jupyterPython, mathTypesetter, root, selfContainedHtml, typesetHtml } from './jupyter.mjs';

const TEMPLATE = path.join(root, 'notebooks', 'templates', 'three-stage-analysis.ipynb');

/** The processes this command started and that still run (Jupyter, nbconvert): stopped if it is interrupted. */
const children = new Set();
let interrupted = false;

function run(cmd, args, options) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    child.on('close', () => children.delete(child));
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (e) => resolve({ code: -1, stdout, stderr: e.message }));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A path as the notebook records it: relative to the project when inside it (the kernel runs in the project root). */
function shownPath(file) {
  const rel = path.relative(root, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
}

/** Read the table, decide layout and units, and run the analysis once (the notebook repeats exactly these calls). */
export async function prepare(config) {
  const file = path.resolve(config.file);
  const header = await readHeader(file, config.sheet);
  const columns = resolveColumns(config, header, file);
  const read = (units) => readProvinceTable(file, readerOptions(config, columns, units));
  let table;
  try {
    table = await read(config.units === 'auto' ? 'as-is' : config.units);
    const units = chooseUnits(config, table.units);
    if (units !== table.unitKind) table = await read(units);
  } catch (e) {
    throw new AnalyseError(await withUnits(e, file, config, columns));
  }
  if (columns.layout === 'long') {
    for (const key of ['resource', 'population', 'area', 'rankBy']) {
      const name = config[key];
      if (name !== undefined && !table.indicators.includes(name)) {
        throw new AnalyseError(`--${key === 'rankBy' ? 'rank-by' : key} ${name}: ${path.basename(file)} has no indicator "${name}" (indicators: ${table.indicators.join(', ')})`);
      }
    }
  }
  const groupOf = config.groups === undefined ? null : await readGroups(path.resolve(config.groups), table.units, table.unitKind);
  const records = panelRecords(table).map((r) => (groupOf === null ? r : { ...r, group: groupOf[String(r.unit)] }));
  const spec = panelSpec(config, columns);
  const options = panelOptions(config);
  let result;
  try {
    result = analysePanel(records, spec, options);
  } catch (e) {
    throw new AnalyseError(`${path.basename(file)}: ${e.message}`);
  }
  return {
    file,
    table,
    records,
    spec,
    options,
    result,
    readOptions: readerOptions(config, columns, table.unitKind === 'list' ? 'as-is' : table.unitKind),
    groupOf,
    sha256: sha256Hex(readFileSync(file)),
    rows: new Set(table.rows.map((r) => r.row)).size,
  };
}

/**
 * The reader's message, with the unit (and year) of each row it names — read again accepting blanks, to find them —
 * and without its hint at a library option the command does not have.
 */
async function withUnits(error, file, config, columns) {
  let message = String(error.message).replace(/ \(pass \{ allowMissing: true \} to accept and report blanks\)/g, ': fill it in');
  if (!Array.isArray(error.problems)) return message;
  try {
    const table = await readProvinceTable(file, { ...readerOptions(config, columns, 'as-is'), allowMissing: true, allowIncomplete: true });
    const where = new Map(table.rows.map((r) => [r.row, r.year === null ? r.unit : `${r.unit}, ${r.year}`]));
    message = message.replace(/row (\d+), column/g, (m, row) => (where.has(Number(row)) ? `row ${row} (${where.get(Number(row))}), column` : m));
  } catch {
    // The table has other problems too: the reader's message stands as it is.
  }
  return message;
}

async function main() {
  const started = Date.now();
  const raw = parseArguments(process.argv.slice(2));
  if (raw.help) {
    console.log(USAGE);
    return;
  }
  const config = checkConfig(raw);
  const prepared = await prepare(config);
  const seconds = { read: (Date.now() - started) / 1000, notebook: 0, report: 0 };
  const outDir = path.resolve(config.out ?? path.join(root, 'out', 'analyses', config.name));
  const jsonFile = config.json === undefined ? undefined : path.resolve(config.json);
  const tmp = `${outDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(path.join(tmp, '.work'), { recursive: true });
  // Interrupted (Ctrl-C): nothing half-written is left behind either.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, async () => {
      interrupted = true;
      // Stop Jupyter as a terminal's Ctrl-C would (it shuts its kernel down), wait for it, then remove the folder.
      const stopped = [...children].map((c) => new Promise((resolve) => (c.once('close', resolve), c.kill('SIGINT'))));
      await Promise.race([Promise.all(stopped), new Promise((resolve) => setTimeout(resolve, 10_000))]);
      rmSync(tmp, { recursive: true, force: true });
      console.error('analyse: interrupted; nothing written');
      process.exit(130);
    });
  }
  const stem = config.name;
  try {
    // 1. The workbook with the parameters of this run.
    const template = JSON.parse(readFileSync(TEMPLATE, 'utf8'));
    const notebook = injectParameters(template, {
      file: shownPath(prepared.file),
      readOptions: prepared.readOptions,
      columns: prepared.spec,
      measures: prepared.options,
      title: config.title,
      unitsName: prepared.table.unitKind === 'china-provinces' ? 'provinces' : 'units',
      groupOf: prepared.groupOf,
      outDir: tmp,
    }, [`outDir is the command's temporary folder, moved to ${shownPath(outDir)}/ once everything is written.`]);
    const input = path.join(tmp, '.work', `${stem}.ipynb`);
    writeFileSync(input, JSON.stringify(notebook, null, 1) + '\n');

    // 2. Execute it with Jupyter (nbclient + the tslab kernel), as npm run reproduce does (MathJax loads meanwhile).
    const typesetter = mathTypesetter();
    typesetter.catch(() => undefined);
    const executed = path.join(tmp, `${stem}.ipynb`);
    const notebookStarted = Date.now();
    const exec = await run(jupyterPython(), [path.join(root, 'scripts', 'execute_notebook.py'), input, executed], { cwd: root, env: jupyterEnv() });
    let status;
    try {
      status = JSON.parse(exec.stdout.trim().split('\n').pop());
    } catch {
      throw new Error(`Jupyter did not run the workbook: ${exec.stderr.trim().split('\n').slice(-5).join('\n')}`);
    }
    if (status.status !== 'ok') throw new Error(`the workbook failed in cell ${status.failedCell}: ${status.error.split('\n').slice(0, 8).join('\n')}`);

    seconds.notebook = (Date.now() - notebookStarted) / 1000;
    const reportStarted = Date.now();
    // 3. The HTML report: static charts (the saved SVGs), formulas typeset beforehand, code hidden, no network.
    const typeset = await typesetter;
    const figuresDir = path.join(tmp, 'figures');
    const svgs = existsSync(figuresDir)
      ? readdirSync(figuresDir).filter((f) => f.endsWith('.svg')).map((f) => readFileSync(path.join(figuresDir, f), 'utf8'))
      : [];
    const reportNb = reportNotebook(JSON.parse(readFileSync(executed, 'utf8')), { title: config.title, svgs });
    const reportInput = path.join(tmp, '.work', `${stem}.report.ipynb`);
    writeFileSync(reportInput, JSON.stringify(reportNb));
    const html = await run(
      'jupyter',
      ['nbconvert', '--to', 'html', '--no-input', '--output-dir', path.join(tmp, '.work'), '--output', `${stem}.report`, reportInput],
      { cwd: root, env: jupyterEnv() },
    );
    if (html.code !== 0) throw new Error(`HTML export failed: ${html.stderr.trim().split('\n').slice(-3).join('\n')}`);
    const page = selfContainedHtml(readFileSync(path.join(tmp, '.work', `${stem}.report.html`), 'utf8'));
    writeFileSync(path.join(tmp, `${stem}.html`), typesetHtml(page, typeset));
    seconds.report = (Date.now() - reportStarted) / 1000;

    // 4. The JSON contract, from the same calls as the notebook's.
    if (jsonFile !== undefined) {
      const json = analysisJson(prepared.result, {
        equilab: JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version,
        input: { file: path.basename(prepared.file), sha256: prepared.sha256, rows: prepared.rows },
        options: {
          layout: prepared.table.layout,
          units: prepared.table.unitKind,
          title: config.title,
          ...(config.groups === undefined ? {} : { groups: path.basename(config.groups) }),
        },
      });
      const inside = !path.relative(outDir, jsonFile).startsWith('..');
      const target = inside ? path.join(tmp, path.relative(outDir, jsonFile)) : path.join(tmp, '.work', 'analysis.json');
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, JSON.stringify(json, null, 2) + '\n');
      if (!inside) {
        mkdirSync(path.dirname(jsonFile), { recursive: true });
        renameSync(target, `${jsonFile}.tmp-${process.pid}`);
      }
    }
    for (const needed of [`${stem}.ipynb`, `${stem}.html`, 'figures', 'tables']) {
      if (!existsSync(path.join(tmp, needed))) throw new Error(`the workbook ran but wrote no ${needed}`);
    }
    rmSync(path.join(tmp, '.work'), { recursive: true, force: true });

    // 5. Into place.
    const old = `${outDir}.old-${process.pid}`;
    if (existsSync(outDir)) renameSync(outDir, old);
    mkdirSync(path.dirname(outDir), { recursive: true });
    renameSync(tmp, outDir);
    rmSync(old, { recursive: true, force: true });
    if (jsonFile !== undefined && path.relative(outDir, jsonFile).startsWith('..')) renameSync(`${jsonFile}.tmp-${process.pid}`, jsonFile);
  } catch (e) {
    if (interrupted) await new Promise(() => undefined); // the signal handler cleans up and exits
    rmSync(tmp, { recursive: true, force: true });
    if (jsonFile !== undefined) rmSync(`${jsonFile}.tmp-${process.pid}`, { force: true });
    throw e;
  }
  const t = prepared.table;
  console.log(
    `${path.basename(prepared.file)}: ${t.layout} table, units ${t.unitKind} (${t.units.length}), ` +
      `${prepared.result.years.length} year(s); analysed in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
      `(reading ${seconds.read.toFixed(1)} s, notebook ${seconds.notebook.toFixed(1)} s, report ${seconds.report.toFixed(1)} s)`,
  );
  console.log(`wrote ${shownPath(outDir)}/: ${stem}.ipynb, ${stem}.html, figures/ (PNG, SVG), tables/ (CSV)${jsonFile ? `; JSON: ${shownPath(jsonFile)}` : ''}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(root, 'scripts', 'analyse.mjs')) {
  main().catch((error) => {
    if (error instanceof AnalyseError) console.error(`analyse: ${error.message}`);
    else console.error(`analyse: ${error.message ?? error}`);
    process.exit(1);
  });
}
