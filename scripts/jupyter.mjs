// Shared by the project's scripts and tests: where Jupyter, the kernel and the outputs are, and how to run a
// notebook through Jupyter (nbclient) and export it to HTML (nbconvert).
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, readdirSync, mkdirSync, existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
    if (html.code === 0) {
      htmlPath = path.join(htmlDir, `${stem}.html`);
      writeFileSync(htmlPath, selfContainedHtml(readFileSync(htmlPath, 'utf8')));
    }
    else result.error = `${result.error}\nHTML export failed: ${html.stderr.trim().split('\n').slice(-3).join('\n')}`.trim();
  }
  return { ...result, executedPath, htmlPath };
}

const require = createRequire(import.meta.url);

/** MathJax 3 configured like nbconvert's MathJax 2 set-up: $…$ and \\(…\\) inline, $$…$$ and \\[…\\] display. */
const MATHJAX_CONFIG = `window.MathJax = {
  tex: { inlineMath: [['$', '$'], ['\\\\(', '\\\\)']], displayMath: [['$$', '$$'], ['\\\\[', '\\\\]']], processEscapes: true, processEnvironments: true },
  options: { ignoreHtmlClass: 'tex2jax_ignore', processHtmlClass: 'tex2jax_process' },
  svg: { fontCache: 'global' }
};`;

/**
 * Make an nbconvert HTML report self-contained, so that it renders from disk with no network anywhere:
 * the MathJax 2 that nbconvert links (a CDN, or Debian's file:///usr/share/javascript) is replaced by MathJax 3
 * (npm package mathjax, SVG output: no font files) inlined, and the unused require.js link is removed.
 * Charts need nothing: plotly.js is already inline in the notebook's first chart output.
 */
export function selfContainedHtml(html) {
  const start = html.indexOf('<!-- Load mathjax -->');
  const endMarker = '<!-- End of mathjax configuration -->';
  const end = html.indexOf(endMarker);
  let out = html;
  if (start >= 0 && end > start) {
    const mathjax = readFileSync(require.resolve('mathjax/es5/tex-svg-full.js'), 'utf8').replace(/<\/(script)/gi, '\\x3C/$1');
    const inline = `<!-- MathJax 3.2 (inlined by Equilab for offline reading) -->\n<script>${MATHJAX_CONFIG}</script>\n<script>${mathjax}</script>\n`;
    out = html.slice(0, start) + inline + html.slice(end + endMarker.length);
  }
  return out.replace(/<script src="[^"]*require(?:\.min)?\.js"><\/script>/g, '');
}
