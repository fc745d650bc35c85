// Shared by the project's scripts and tests: where Jupyter, the kernel and the outputs are, and how to run a
// notebook through Jupyter (nbclient) and export it to HTML (nbconvert).
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, readdirSync, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const KERNEL_NAME = 'equilab-tslab';
export const jupyterPath = path.join(root, '.jupyter', 'share', 'jupyter');
export const outDir = path.join(root, 'out');
export const notebooksDir = path.join(root, 'notebooks');

/** The environment Jupyter processes get: the project-local kernelspec first on JUPYTER_PATH. */
export function jupyterEnv(extra = {}) {
  const prior = process.env.JUPYTER_PATH;
  return {
    ...process.env,
    JUPYTER_PATH: prior ? `${jupyterPath}${path.delimiter}${prior}` : jupyterPath,
    PYDEVD_DISABLE_FILE_VALIDATION: '1',
    ...extra,
  };
}

/** The Python interpreter that runs Jupyter (the `jupyter` script's shebang; Debian: /usr/bin/python3). */
export function jupyterPython() {
  try {
    const jupyter = execFileSync('sh', ['-c', 'command -v jupyter'], { encoding: 'utf8' }).trim();
    const first = readFileSync(jupyter, 'utf8').split('\n', 1)[0];
    if (first.startsWith('#!')) {
      const interp = first.slice(2).trim().split(/\s+/);
      return interp[0].endsWith('/env') ? interp[1] : interp[0];
    }
  } catch {
    /* fall through */
  }
  return 'python3';
}

/** The notebooks of the project, in name order. */
export function listNotebooks() {
  return readdirSync(notebooksDir)
    .filter((f) => f.endsWith('.ipynb'))
    .sort();
}

function run(cmd, args, options) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Execute `notebooks/<name>` with nbclient into `out/notebooks/<name>` and export `out/html/<stem>.html`.
 * Resolves to { notebook, cells, executed, seconds, status, failedCell, error, executedPath, htmlPath }.
 */
export async function executeNotebook(name, { env = {}, outputDir = outDir, input } = {}) {
  const source = input ?? path.join(notebooksDir, name);
  const executedPath = path.join(outputDir, 'notebooks', name);
  const htmlDir = path.join(outputDir, 'html');
  mkdirSync(path.dirname(executedPath), { recursive: true });
  mkdirSync(htmlDir, { recursive: true });
  const started = Date.now();
  const python = jupyterPython();
  const exec = await run(python, [path.join(root, 'scripts', 'execute_notebook.py'), source, executedPath], {
    cwd: root,
    env: jupyterEnv(env),
  });
  let result;
  try {
    result = JSON.parse(exec.stdout.trim().split('\n').pop());
  } catch {
    result = {
      notebook: name,
      cells: 0,
      executed: 0,
      seconds: (Date.now() - started) / 1000,
      status: 'error',
      failedCell: null,
      error: `the executor did not report: ${exec.stderr.trim().split('\n').slice(-5).join('\n')}`,
    };
  }
  let htmlPath = null;
  if (existsSync(executedPath)) {
    const stem = name.replace(/\.ipynb$/, '');
    const html = await run(
      'jupyter',
      ['nbconvert', '--to', 'html', '--output-dir', htmlDir, '--output', stem, executedPath],
      { cwd: root, env: jupyterEnv(env) },
    );
    if (html.code === 0) htmlPath = path.join(htmlDir, `${stem}.html`);
    else result.error = `${result.error}\nHTML export failed: ${html.stderr.trim().split('\n').slice(-3).join('\n')}`.trim();
  }
  return { ...result, executedPath, htmlPath };
}
