/**
 * Run a notebook through the real pipeline (scripts/reproduce.mjs: Jupyter nbclient + the tslab kernel) once per
 * test run, and read what it printed (`await runNotebook(name)`). Several test files can ask for the same notebook: the first executes it, the
 * others read the cached result of this run (keyed by the run id that test/helpers/global-setup.ts provides).
 */
import { spawn } from 'child_process';
import { existsSync, mkdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { expect, inject } from 'vitest';

export const root = path.resolve(__dirname, '..', '..');

export interface NotebookRun {
  notebook: string;
  cells: number;
  executed: number;
  seconds: number;
  status: 'ok' | 'error';
  failedCell: number | null;
  error: string;
  executedPath: string;
  htmlPath: string | null;
}

export interface NotebookOutput {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
  ename?: string;
  evalue?: string;
}

export interface ExecutedNotebook {
  run: NotebookRun;
  cells: Array<{ cell_type: string; source: string | string[]; outputs?: NotebookOutput[] }>;
  /** The executed notebook file's text (to count plotly.js copies and the like). */
  raw: string;
  html: string | null;
  /**
   * Where this run wrote its outputs (out/test/<variant>/): notebooks/, html/, and reproduction/<study>.csv — the
   * kernel runs with EQUILAB_OUT_DIR set to it, so writeReproduction() writes there, not to out/reproduction/.
   */
  outputDir: string;
}

const joined = (t: string | string[] | undefined): string => (Array.isArray(t) ? t.join('') : t ?? '');

/** Run scripts/reproduce.mjs without blocking the test worker (a blocked worker misses vitest's RPC deadlines). */
function reproduce(args: string[], env: Record<string, string>): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts', 'reproduce.mjs'), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    // reproduce.mjs exits 1 when a cell fails; the JSON it wrote says which, and the test asserts on it.
    child.on('close', (code) => resolve(code));
  });
}

/** Runs already started in this worker, so that two tests asking at once share one execution. */
const pending = new Map<string, Promise<number | null>>();

/**
 * Execute `notebooks/<name>` (once per test run and `variant`), with extra environment variables for the kernel.
 * Output goes to out/test/<variant>/.
 */
export async function runNotebook(name: string, options: { env?: Record<string, string>; variant?: string } = {}): Promise<ExecutedNotebook> {
  const variant = options.variant ?? 'default';
  const runId = inject('equilabRunId');
  const dir = path.join(root, 'out', 'test', variant);
  const resultFile = path.join(dir, `${name}.${runId}.json`);
  mkdirSync(dir, { recursive: true });
  if (!existsSync(resultFile)) {
    let run = pending.get(resultFile);
    if (!run) {
      run = reproduce([name, '--output-dir', dir, '--json', resultFile], options.env ?? {});
      pending.set(resultFile, run);
    }
    await run;
  }
  const runs = JSON.parse(readFileSync(resultFile, 'utf8')) as NotebookRun[];
  const run = runs.find((r) => r.notebook === name);
  if (!run) throw new Error(`runNotebook: ${name} was not executed`);
  const raw = existsSync(run.executedPath) ? readFileSync(run.executedPath, 'utf8') : '{"cells":[]}';
  const html = run.htmlPath && existsSync(run.htmlPath) ? readFileSync(run.htmlPath, 'utf8') : null;
  return { run, cells: JSON.parse(raw).cells, raw, html, outputDir: dir };
}

/** Everything the code cells printed as text (streams, text/plain of results and displays), in order. */
export function outputText(nb: ExecutedNotebook): string {
  const parts: string[] = [];
  for (const cell of nb.cells) {
    for (const out of cell.outputs ?? []) {
      if (out.output_type === 'stream') parts.push(joined(out.text));
      else if (out.data) parts.push(joined(out.data['text/plain']));
      else if (out.output_type === 'error') parts.push(`${out.ename}: ${out.evalue}`);
    }
  }
  return parts.join('\n');
}

/** Outputs that signal an error: error outputs, and stderr streams (tslab writes compile and run-time errors there). */
export function errorOutputs(nb: ExecutedNotebook): string[] {
  const errors: string[] = [];
  nb.cells.forEach((cell, i) => {
    for (const out of cell.outputs ?? []) {
      if (out.output_type === 'error') errors.push(`cell ${i}: ${out.ename}: ${out.evalue}`);
      if (out.output_type === 'stream' && out.name === 'stderr') errors.push(`cell ${i}: ${joined(out.text).slice(0, 500)}`);
    }
  });
  return errors;
}

/** Assert that every code cell of the run executed, with no error reply and no error or stderr output. */
export function expectCleanRun(nb: ExecutedNotebook): void {
  expect(nb.run.error).toBe('');
  expect(nb.run.status).toBe('ok');
  expect(nb.run.executed).toBe(nb.run.cells);
  expect(errorOutputs(nb)).toEqual([]);
}

/** The first number printed after `label` (e.g. `Gini (population-weighted) = 0.1967`). */
export function printedNumber(text: string, label: string): number {
  const at = text.indexOf(label);
  if (at < 0) throw new Error(`printedNumber: "${label}" not in the notebook's output`);
  const match = /[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?/i.exec(text.slice(at + label.length));
  if (!match) throw new Error(`printedNumber: no number after "${label}"`);
  return Number(match[0]);
}

/**
 * Execute any .ipynb file (not only notebooks/) through the same machinery (scripts/jupyter.mjs executeNotebook),
 * into `outputDir`, without the HTML export (no test reads it; nbconvert took a few seconds a run). Resolves to the
 * run record (`htmlPath` null).
 */
export function executeNotebookFile(file: string, outputDir: string, env: Record<string, string> = {}): Promise<NotebookRun> {
  const script = `import(${JSON.stringify(path.join(root, 'scripts', 'jupyter.mjs'))}).then(async (m) => {
    const r = await m.executeNotebook(${JSON.stringify(path.basename(file))}, { input: ${JSON.stringify(file)}, outputDir: ${JSON.stringify(outputDir)}, html: false });
    process.stdout.write(JSON.stringify(r));
  })`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve(JSON.parse(out) as NotebookRun);
      } catch (error) {
        reject(new Error(`executeNotebookFile: no result for ${file}: ${out.slice(0, 500)}`));
      }
    });
  });
}
