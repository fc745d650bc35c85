#!/usr/bin/env node
// Equilab benchmark (`npm run bench`): speed and memory of the library's measures, and the weighted Gini against
// a NumPy implementation on the same data. Not a test: it prints a table, checks the targets of issue 3 and
// writes the table to out/bench.md.
//
//   node scripts/bench.mjs              n = 10^3 ... 10^7 (takes a few minutes; needs ~1.5 GB of RAM at 10^7)
//   node scripts/bench.mjs --max=1e6    stop at n = 10^6
//   node scripts/bench.mjs --notebooks  only the notebook timings (issue 15: an interactive kernel session, every
//                                       notebook headless, report sizes and load times); --no-notebooks skips them
//   node scripts/bench.mjs --big-file   only the big-file reader cases (a ~50 MB CSV read, and one of misspelt names)
//
// How it measures: the data for each n (values = lognormal resource per person, weights = populations drawn
// uniformly from [1, 1000), rankBy = an income variable correlated with the values) are generated once with a
// seeded generator and written to a temporary binary file (float64, little-endian). Each (measure, n) then runs in
// a fresh child process, which reads the file, runs the measure once to warm up (not timed) and then `runs`
// times, and reports the median wall time, its peak RSS (getrusage maxrss) and how much that peak exceeds the RSS
// right after loading the data ("extra RSS": the working memory of the measure itself). NumPy runs the same way
// in /usr/bin/python3 (Debian's python3-numpy; the pyenv python on PATH has no numpy).
//
// Targets (issue 3): O(n log n) growth (least-squares log-log slope of time over n = 10^4 ... 10^7 at most 1.25;
// n log n itself has slope about 1.08 there, and caches add a little); weighted Gini at n = 10^7 no slower than 1.5x NumPy;
// 1,000 bootstrap replicates at n = 31 in under 50 ms. Timings depend on what else runs on the machine.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const PYTHON = '/usr/bin/python3';

// ------------------------------------------------------------------------------------------------ data

/** Require a TypeScript module of lib/ (tsx's CommonJS register hook lets plain Node load the sources). */
let registered = false;
function requireLib(relative) {
  const require = createRequire(import.meta.url);
  if (!registered) {
    require('tsx/cjs/api').register();
    registered = true;
  }
  return require(path.join(root, 'lib', relative));
}

/** values, weights, rankBy for n units, written one after the other as float64 to `file`. */
function writeData(n, file) {
  // the library's seeded generator (Mulberry32), so the data are reproducible
  const random = requireLib('measures/random.ts').seededRandom(20240601 + n);
  const buffer = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) {
    // Box-Muller normal draws
    const u = 1 - random();
    const v = random();
    const r = Math.sqrt(-2 * Math.log(u));
    const z1 = r * Math.cos(2 * Math.PI * v);
    const z2 = r * Math.sin(2 * Math.PI * v);
    buffer[i] = Math.exp(0.6 * z1); // resource per person, lognormal
    buffer[n + i] = 1 + 999 * random(); // population
    buffer[2 * n + i] = Math.exp(0.5 * z1 + 0.5 * z2); // income, correlated with the resource
  }
  writeFileSync(file, Buffer.from(buffer.buffer));
}

// ------------------------------------------------------------------------------------------------ worker (child)

function loadLibrary() {
  return requireLib('index.ts');
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function worker(measure, n, file, runs) {
  const lib = loadLibrary();
  const bytes = readFileSync(file);
  const all = bytes.byteOffset % 8 === 0
    ? new Float64Array(bytes.buffer, bytes.byteOffset, 3 * n)
    : new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 24 * n));
  const values = all.subarray(0, n);
  const weights = all.subarray(n, 2 * n);
  const rankBy = all.subarray(2 * n, 3 * n);
  let task;
  if (measure === 'gini') task = () => lib.gini(values, weights);
  else if (measure === 'theil') task = () => lib.theil(values, weights);
  else if (measure === 'concentrationIndex') task = () => lib.concentrationIndex(values, rankBy, weights);
  else if (measure === 'bootstrap') task = bootstrapTask(lib, values, weights);
  else throw new Error(`unknown measure ${measure}`);
  if (typeof task !== 'function') throw new Error(`${measure} is not exported from lib/index.ts yet`);
  if (global.gc) global.gc();
  const rssBase = process.memoryUsage().rss;
  let value = task(); // warm-up, not timed (small inputs get a few more, so the JIT has optimized the code)
  for (let i = n <= 1e5 ? 4 : 0; i > 0; i--) value = task();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    value = task();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const peak = process.resourceUsage().maxRSS * 1024;
  const summary = typeof value === 'number' ? value : value && typeof value === 'object' ? summarize(value) : null;
  process.stdout.write(JSON.stringify({ ms: median(times), times, value: summary, peakRss: peak, extraRss: peak - rssBase }) + '\n');
}

function summarize(x) {
  // bootstrap results: keep the numbers that show it ran (estimate and interval), whatever they are called
  const out = {};
  for (const [k, v] of Object.entries(x)) if (typeof v === 'number') out[k] = v;
  return out;
}

/** 1,000 replicates of the weighted Gini, resampling units with their weights. */
function bootstrapTask(lib, values, weights) {
  if (typeof lib.bootstrap !== 'function') return undefined;
  return () => lib.bootstrap((v, w) => lib.gini(v, w), [values, weights], { replicates: 1000, seed: 1, level: 0.95 });
}

// ------------------------------------------------------------------------------------------------ NumPy

const NUMPY_GINI = String.raw`
import json, resource, sys, time
import numpy as np
n, path, runs = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
data = np.fromfile(path, dtype='<f8', count=3 * n)
x, w = data[:n], data[n:2 * n]

def rss():
    with open('/proc/self/statm') as f:
        return int(f.read().split()[1]) * resource.getpagesize()

def gini(x, w):
    # Trapezoids under the Lorenz curve (Li et al. Eq. 1): G = 1 - sum (P_k - P_k-1)(L_k + L_k-1)
    o = np.argsort(x)
    ws = w[o]
    r = ws * x[o]
    P = np.cumsum(ws); P /= P[-1]
    L = np.cumsum(r); L /= L[-1]
    dP = np.diff(P, prepend=0.0)
    Lsum = L.copy(); Lsum[1:] += L[:-1]
    return 1.0 - float(np.dot(dP, Lsum))

base = rss()
value = gini(x, w)
times = []
for _ in range(runs):
    t0 = time.perf_counter()
    value = gini(x, w)
    times.append((time.perf_counter() - t0) * 1000)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
times.sort()
m = len(times) // 2
med = times[m] if len(times) % 2 else (times[m - 1] + times[m]) / 2
print(json.dumps({'ms': med, 'times': times, 'value': value, 'peakRss': peak, 'extraRss': peak - base, 'numpy': np.__version__}))
`;

// ------------------------------------------------------------------------------------------------ big files (issue 14)

const PROVINCE_NAMES = ['Beijing', 'Tianjin', 'Hebei', 'Shanxi', 'Inner Mongolia', 'Liaoning', 'Jilin', 'Heilongjiang', 'Shanghai',
  'Jiangsu', 'Zhejiang', 'Anhui', 'Fujian', 'Jiangxi', 'Shandong', 'Henan', 'Hubei', 'Hunan', 'Guangdong', 'Guangxi', 'Hainan',
  'Chongqing', 'Sichuan', 'Guizhou', 'Yunnan', 'Tibet', 'Shaanxi', 'Gansu', 'Qinghai', 'Ningxia', 'Xinjiang'];

/**
 * A long CSV of about 50 MB (31 provinces x 201 years x 260 indicators = 1.6 million cells), valid or with every
 * province name misspelt ('Beijingx'): readProvinceTable must read the first in under 20 s and 1 GB, and refuse the
 * second quickly with a message of the first 50 problems and a count.
 */
function writeBigCsv(file, badNames) {
  const lines = ['province,year,indicator,value'];
  for (let k = 0; k < 260; k++) {
    for (let y = 1900; y <= 2100; y++) {
      for (let p = 0; p < 31; p++) lines.push(`${PROVINCE_NAMES[p]}${badNames ? 'x' : ''},${y},indicator_${k},${(p * 7919 + y * 13 + k) % 100000}`);
    }
  }
  writeFileSync(file, lines.join('\n') + '\n');
  return lines.length - 1;
}

/** Child: read one big file; report wall time, peak RSS (getrusage) and the outcome. */
async function readerWorker(file) {
  const lib = loadLibrary();
  const t0 = process.hrtime.bigint();
  let outcome;
  try {
    const table = await lib.readProvinceTable(file, { layout: 'long' });
    outcome = { rows: table.rows.length };
  } catch (e) {
    outcome = { refused: e.name, messageChars: String(e.message).length, problems: (e.problems?.length ?? 0) + (e.omitted ?? 0) };
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(JSON.stringify({ ms, peakRss: process.resourceUsage().maxRSS * 1024, ...outcome }) + '\n');
}

/** The big-file cases: rows for the table and targets. */
function bigFileCases(tmp, self, say) {
  const rows = [];
  const targets = [];
  for (const bad of [false, true]) {
    const file = path.join(tmp, bad ? 'big-bad-names.csv' : 'big.csv');
    const cells = writeBigCsv(file, bad);
    const bytes = readFileSync(file).length;
    const r = runChild(process.execPath, [self, '--reader-worker', file]);
    const label = `readProvinceTable, ${(bytes / 2 ** 20).toFixed(0)} MB CSV${bad ? ', every name misspelt' : ''}`;
    if (r.error) {
      rows.push([label, cells, '-', '-', '-', '-', `not run: ${r.error}`]);
      targets.push([label, `not run: ${r.error}`, false]);
    } else {
      const note = bad ? `${r.refused}: ${r.problems.toLocaleString('en-US')} problems, message of ${r.messageChars.toLocaleString('en-US')} characters` : `${r.rows.toLocaleString('en-US')} rows read`;
      rows.push([label, cells, fmtMs(r.ms), '-', mb(r.peakRss), '-', note]);
      if (!bad) targets.push([`${label}: under 20 s and 1 GB peak`, `${(r.ms / 1000).toFixed(1)} s, ${mb(r.peakRss)} MB`, r.ms < 20000 && r.peakRss < 2 ** 30 && r.rows === cells]);
      else targets.push([`${label}: refused in under 20 s with a message under 20,000 characters`, `${(r.ms / 1000).toFixed(1)} s, ${r.messageChars} characters`, r.ms < 20000 && r.messageChars < 20000 && r.refused === 'ProvinceTableError']);
    }
    say(`${label.padEnd(44)} ${rows[rows.length - 1][2]} ms  ${rows[rows.length - 1][6]}`);
  }
  return { rows, targets };
}

// ------------------------------------------------------------------------------------------------ notebooks (issue 15)

/**
 * An interactive session, as a reader's Notebook page drives the kernel (jupyter_client, the project's kernelspec):
 * seconds from starting the kernel to the result of a first cell (`1 + 1`), then a small cell (one measure call and
 * a table) run 9 times after its imports, median seconds.
 */
const KERNEL_SESSION = String.raw`
import json, statistics, sys, time
from jupyter_client.manager import start_new_kernel
t0 = time.time()
km, kc = start_new_kernel(kernel_name='equilab-tslab', cwd=sys.argv[1])
def run(code):
    reply = kc.execute_interactive(code, timeout=300, output_hook=lambda m: None)
    if reply['content']['status'] != 'ok':
        raise SystemExit('cell failed: ' + code)
try:
    run('1 + 1')
    first = time.time() - t0
    run("import { gini } from './lib/index';\nimport { showTable } from './lib/display/index';")
    small = []
    for i in range(9):
        s = time.time()
        run("showTable([{ G: gini([10, 20, 30, %d], [1, 2, 3, 4]) }], { digits: 4 });" % (60 + i))
        small.append(time.time() - s)
    print(json.dumps({'first': first, 'small': statistics.median(small)}))
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    del kc
`;

/** Notebook rows and targets: an interactive session, every notebook headless (npm run reproduce), the reports. */
async function notebookCases(tmp, say) {
  const rows = [];
  const targets = [];
  const { jupyterEnv, jupyterPython } = await import('./jupyter.mjs');
  const session = spawnSync(jupyterPython(), ['-c', KERNEL_SESSION, root], { encoding: 'utf8', env: jupyterEnv(), cwd: root, timeout: 600_000 });
  let k = null;
  try {
    k = JSON.parse(session.stdout.trim().split('\n').pop());
  } catch {
    say(`interactive session failed: ${(session.stderr || '').trim().split('\n').slice(-2).join(' ')}`);
  }
  if (k) {
    rows.push(['kernel start to first cell result (s)', 1, k.first.toFixed(2), '-', '-', '-', 'interactive session (jupyter_client)']);
    rows.push(['small cell: gini + showTable (s, median of 9)', 1, k.small.toFixed(3), '-', '-', '-', 'interactive session']);
    targets.push(['kernel start to first cell result < 3 s', `${k.first.toFixed(2)} s`, k.first < 3]);
    targets.push(['a small cell (one measure call and a table) < 0.5 s median', `${k.small.toFixed(3)} s`, k.small < 0.5]);
    say(`kernel start to first result ${k.first.toFixed(2)} s, small cell ${k.small.toFixed(3)} s`);
  } else targets.push(['kernel start and small cell', 'not measured', null]);
  const json = path.join(tmp, 'notebooks.json');
  const started = Date.now();
  spawnSync(process.execPath, [path.join(here, 'reproduce.mjs'), '--output-dir', path.join(tmp, 'nb'), '--json', json], { stdio: 'ignore', cwd: root, timeout: 1_800_000 });
  const wall = (Date.now() - started) / 1000;
  const runs = existsSync(json) ? JSON.parse(readFileSync(json, 'utf8')) : [];
  const { chromium } = createRequire(import.meta.url)('playwright-core');
  const { findChromium } = await import('./setup.mjs');
  const chromiumPath = findChromium();
  const browser = chromiumPath ? await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'], headless: true }) : null;
  for (const r of runs) {
    const kind = r.notebook.startsWith('00-primer') ? 'primer' : /^\d+-/.test(r.notebook) && !/^\d+a-/.test(r.notebook) ? 'walk-through' : 'audit';
    const limit = kind === 'primer' ? 5 : kind === 'walk-through' ? 20 : null;
    const bytes = r.htmlPath && existsSync(r.htmlPath) ? readFileSync(r.htmlPath).length : null;
    let loadMs = null;
    let drawnMs = null;
    if (browser && bytes !== null) {
      // From disk, offline: until the page's load event, and until every chart is drawn (data-equilab-drawn).
      const times = [];
      const drawn = [];
      for (let i = 0; i < 3; i++) {
        const context = await browser.newContext({ offline: true });
        const page = await context.newPage();
        const t0 = Date.now();
        await page.goto(`file://${r.htmlPath}`, { waitUntil: 'load' });
        times.push(Date.now() - t0);
        await page.waitForFunction(() => [...globalThis.document.querySelectorAll('.equilab-figure')].every((e) => e.hasAttribute('data-equilab-drawn')), undefined, { timeout: 60_000 }).catch(() => undefined);
        drawn.push(Date.now() - t0);
        await context.close();
      }
      loadMs = median(times);
      drawnMs = median(drawn);
    }
    const note = `${r.status}; kernel ${r.kernelSeconds ?? '?'} s; report ${bytes === null ? '-' : (bytes / 1e6).toFixed(2) + ' MB'}, loads in ${loadMs ?? '-'} ms, charts drawn by ${drawnMs ?? '-'} ms`;
    rows.push([`${r.notebook} headless (s)`, r.cells, r.seconds.toFixed(1), '-', '-', '-', note]);
    if (limit !== null) targets.push([`${r.notebook} (${kind}) < ${limit} s headless`, `${r.seconds.toFixed(1)} s`, r.status === 'ok' && r.seconds < limit]);
    if (bytes !== null) targets.push([`${r.notebook} report <= 3 MB, loads from disk < 1.5 s`, `${(bytes / 1e6).toFixed(2)} MB, ${loadMs} ms`, bytes <= 3e6 && loadMs !== null && loadMs < 1500]);
    say(`${r.notebook.padEnd(44)} ${r.seconds.toFixed(1).padStart(6)} s  ${note}`);
  }
  await browser?.close();
  rows.push(['npm run reproduce, every notebook (s)', runs.length, wall.toFixed(1), '-', '-', '-', 'wall time, exports included']);
  targets.push([`npm run reproduce of all ${runs.length} notebooks < 60 s`, `${wall.toFixed(1)} s`, runs.length > 0 && runs.every((r) => r.status === 'ok') && wall < 60]);
  return { rows, targets };
}

// ------------------------------------------------------------------------------------------------ main

function runChild(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) return { error: (r.stderr || r.stdout || `exit ${r.status}`).trim().split('\n').slice(-3).join(' ') };
  const line = r.stdout.trim().split('\n').pop();
  try {
    return JSON.parse(line);
  } catch {
    return { error: `unreadable output: ${line}` };
  }
}

function runsFor(n) {
  return n <= 1e5 ? 7 : n <= 1e6 ? 5 : 3;
}

const mb = (bytes) => Math.max(0, bytes / 2 ** 20).toFixed(0);
const fmtMs = (ms) => (ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0));

async function main() {
  const maxArg = process.argv.find((a) => a.startsWith('--max='));
  const maxN = maxArg ? Number(maxArg.slice(6)) : 1e7;
  const sizes = [1e3, 1e4, 1e5, 1e6, 1e7].filter((n) => n <= maxN);
  const hasNumpy = spawnSync(PYTHON, ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;
  const tmp = path.join(os.tmpdir(), `equilab-bench-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
  const self = fileURLToPath(import.meta.url);
  const rows = [];
  const results = {};
  const say = (s) => process.stdout.write(s + '\n');
  if (process.argv.includes('--notebooks')) {
    // only the notebook cases (issue 15): node scripts/bench.mjs --notebooks
    try {
      const nb = await notebookCases(tmp, say);
      say(nb.targets.map(([t, v, ok]) => `- ${ok === null ? 'NOT MEASURED' : ok ? 'PASS' : 'FAIL'}: ${t}: ${v}`).join('\n'));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    return;
  }
  if (process.argv.includes('--big-file')) {
    // only the big-file reader cases: node scripts/bench.mjs --big-file
    try {
      const big = bigFileCases(tmp, self, say);
      say(big.targets.map(([t, v, ok]) => `- ${ok ? 'PASS' : 'FAIL'}: ${t}: ${v}`).join('\n'));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    return;
  }

  say(`Equilab benchmark: node ${process.version}, ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model ?? '?'}), ` +
    `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; NumPy ${hasNumpy ? 'via ' + PYTHON : 'not available'}`);

  const jobs = [];
  for (const n of sizes) for (const m of ['gini', 'theil', 'concentrationIndex']) jobs.push([m, n]);
  jobs.push(['bootstrap', 31], ['bootstrap', 1e5]);

  const bigTargets = [];
  const files = new Map();
  const dataFile = (n) => {
    if (!files.has(n)) {
      const f = path.join(tmp, `data-${n}.f64`);
      writeData(n, f);
      files.set(n, f);
    }
    return files.get(n);
  };

  try {
    for (const [measure, n] of jobs) {
      const file = dataFile(n);
      const runs = measure === 'bootstrap' ? (n <= 100 ? 15 : 3) : runsFor(n);
      const r = runChild(process.execPath, ['--expose-gc', self, '--worker', measure, String(n), file, String(runs)]);
      results[`${measure}:${n}`] = r;
      let ratio = '';
      let numpyNote = '';
      if (measure === 'gini' && hasNumpy) {
        const p = runChild(PYTHON, ['-c', NUMPY_GINI, String(n), file, String(runsFor(n))]);
        results[`numpy:${n}`] = p;
        if (!p.error) rows.push(['NumPy weighted Gini', n, fmtMs(p.ms), '1.00', mb(p.peakRss), mb(p.extraRss), `numpy ${p.numpy}`]);
        else numpyNote = `NumPy failed: ${p.error}`;
        if (!p.error && !r.error) {
          ratio = (r.ms / p.ms).toFixed(2);
          const diff = Math.abs(r.value - p.value);
          numpyNote = diff <= 1e-9 ? `same value as NumPy (difference ${diff.toExponential(1)})` : `DIFFERENT from NumPy: ${r.value} vs ${p.value}`;
          results[`numpy:${n}`].diff = diff;
        }
      }
      const label = measure === 'bootstrap' ? 'bootstrap (weighted Gini, 1,000 replicates)' : `${measure} (weighted)`;
      if (r.error) rows.push([label, n, '-', '-', '-', '-', `not run: ${r.error}`]);
      else rows.push([label, n, fmtMs(r.ms), ratio || '-', mb(r.peakRss), mb(r.extraRss), numpyNote]);
      const last = rows[rows.length - 1];
      say(`${String(last[0]).padEnd(44)} n=${String(n).padEnd(9)} ${String(last[2]).padStart(8)} ms  ${last[6]}`);
    }
    const big = bigFileCases(tmp, self, say);
    rows.push(...big.rows);
    bigTargets.push(...big.targets);
    if (!process.argv.includes('--no-notebooks')) {
      const nb = await notebookCases(tmp, say);
      rows.push(...nb.rows);
      bigTargets.push(...nb.targets);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  // ---------------------------------------------------------------------------------------------- targets
  const targets = [];
  for (const m of ['gini', 'theil', 'concentrationIndex']) {
    // Least-squares slope of log(time) on log(n) over n = 10^4 ... 10^7 (small n are dominated by fixed costs).
    const points = [1e4, 1e5, 1e6, 1e7].map((n) => [n, results[`${m}:${n}`]]).filter(([, r]) => r && !r.error);
    if (points.length === 4) {
      const xs = points.map(([n]) => Math.log(n));
      const ys = points.map(([, r]) => Math.log(r.ms));
      const mx = xs.reduce((s, v) => s + v, 0) / 4;
      const my = ys.reduce((s, v) => s + v, 0) / 4;
      const slope = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
      targets.push([`${m}: O(n log n) growth (log-log slope over n = 10^4 ... 10^7 <= 1.25)`, slope.toFixed(2), slope <= 1.25]);
    } else targets.push([`${m}: O(n log n) growth`, 'not measured (needs n = 10^4 ... 10^7)', null]);
  }
  const g7 = results['gini:10000000'];
  const p7 = results['numpy:10000000'];
  if (g7 && p7 && !g7.error && !p7.error) {
    const ratio = g7.ms / p7.ms;
    targets.push(['weighted Gini at n = 10^7 <= 1.5x NumPy', `${ratio.toFixed(2)}x (${fmtMs(g7.ms)} vs ${fmtMs(p7.ms)} ms)`, ratio <= 1.5]);
    targets.push(['NumPy Gini equals Equilab Gini (absolute difference <= 1e-9)', p7.diff.toExponential(1), p7.diff <= 1e-9]);
  } else targets.push(['weighted Gini at n = 10^7 <= 1.5x NumPy', 'not measured', null]);
  const b31 = results['bootstrap:31'];
  if (b31 && !b31.error) targets.push(['1,000 bootstrap replicates at n = 31 < 50 ms', `${fmtMs(b31.ms)} ms`, b31.ms < 50]);
  else targets.push(['1,000 bootstrap replicates at n = 31 < 50 ms', `not measured${b31?.error ? ': ' + b31.error : ''}`, null]);
  targets.push(...bigTargets);

  const header = ['measure', 'n', 'time (ms, median)', 'ratio to NumPy', 'peak RSS (MB)', 'extra RSS (MB)', 'note'];
  const table = [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (i === 1 || (i >= 2 && i <= 5) ? '---:' : '---')).join('|')}|`,
    ...rows.map((r) => `| ${r.map((c, i) => (i === 1 ? Number(c).toLocaleString('en-US') : String(c))).join(' | ')} |`),
  ].join('\n');
  const targetLines = targets.map(([t, v, ok]) => `- ${ok === null ? 'NOT MEASURED' : ok ? 'PASS' : 'FAIL'}: ${t}: ${v}`).join('\n');
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const md = [
    `# Equilab benchmark`,
    '',
    `Run on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${os.cpus().length} × ${cpu}, ` +
      `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM${results['numpy:1000']?.numpy ? `, NumPy ${results['numpy:1000'].numpy}` : ''}. ` +
      'Median wall time of repeated runs after a warm-up, each (measure, n) in a fresh process; ' +
      '"extra RSS" is the peak RSS above the RSS right after the input was loaded (the measure\'s working memory). ' +
      'Data: lognormal values, uniform weights, a correlated ranking variable (seeded). `npm run bench` reproduces it.',
    '',
    table,
    '',
    'Targets:',
    '',
    targetLines,
    '',
  ].join('\n');
  mkdirSync(path.join(root, 'out'), { recursive: true });
  writeFileSync(path.join(root, 'out', 'bench.md'), md);
  say('\n' + table + '\n\n' + targetLines + '\n\nwritten to out/bench.md');
}

if (process.argv[2] === '--reader-worker') {
  readerWorker(process.argv[3]).catch((e) => {
    process.stderr.write(String(e && e.message ? e.message : e) + '\n');
    process.exit(1);
  });
} else if (process.argv[2] === '--worker') {
  const [, , , measure, n, file, runs] = process.argv;
  worker(measure, Number(n), file, Number(runs)).catch((e) => {
    process.stderr.write(String(e && e.message ? e.message : e) + '\n');
    process.exit(1);
  });
} else if (existsSync(path.join(root, 'lib', 'index.ts'))) {
  main();
} else {
  console.error('lib/index.ts not found');
  process.exit(1);
}
