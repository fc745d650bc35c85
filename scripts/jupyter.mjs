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
 * Execute `notebooks/<name>` with nbclient into `out/notebooks/<name>` and export `out/html/<stem>.html` (unless
 * `html: false`: then `htmlPath` is null).
 * Resolves to { notebook, cells, executed, seconds, status, failedCell, error, executedPath, htmlPath }.
 */
export async function executeNotebook(name, { env = {}, outputDir = outDir, input, html: exportHtml = true, renderer } = {}) {
  const source = input ?? path.join(notebooksDir, name);
  const executedPath = path.join(outputDir, 'notebooks', name);
  const htmlDir = path.join(outputDir, 'html');
  mkdirSync(path.dirname(executedPath), { recursive: true });
  mkdirSync(htmlDir, { recursive: true });
  const started = Date.now();
  const python = jupyterPython();
  // With the HTML export, the charts' PNG fallbacks are rendered here, after the run (addPngFallbacks), by one
  // Chromium page for all of them, instead of by each kernel launching its own browser.
  const exec = await run(python, [path.join(root, 'scripts', 'execute_notebook.py'), source, executedPath], {
    cwd: root,
    env: jupyterEnv({ ...(exportHtml ? { EQUILAB_PNG_AT_EXPORT: '1' } : {}), ...env }),
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
  if (exportHtml && existsSync(executedPath)) {
    const own = renderer ? null : pngRenderer();
    try {
      await addPngFallbacks(executedPath, renderer ?? own);
    } finally {
      await own?.close();
    }
    const stem = name.replace(/\.ipynb$/, '');
    const html = await run(
      'jupyter',
      ['nbconvert', '--to', 'html', '--output-dir', htmlDir, '--output', stem, executedPath],
      { cwd: root, env: jupyterEnv(env) },
    );
    if (html.code === 0) {
      htmlPath = path.join(htmlDir, `${stem}.html`);
      writeFileSync(htmlPath, typesetHtml(selfContainedHtml(readFileSync(htmlPath, 'utf8')), await mathTypesetter()));
    }
    else result.error = `${result.error}\nHTML export failed: ${html.stderr.trim().split('\n').slice(-3).join('\n')}`.trim();
  }
  return { ...result, executedPath, htmlPath };
}

const require = createRequire(import.meta.url);

/**
 * Make an nbconvert HTML report self-contained and light, so that it renders from disk with no network anywhere:
 * the MathJax 2 that nbconvert links (a CDN, or Debian's file:///usr/share/javascript) and the unused require.js
 * link are removed; formulas are typeset at export instead (`typesetHtml`, as SVG: no script, no font file).
 * Charts need nothing: plotly.js is already inline in the notebook's first chart output.
 */
export function selfContainedHtml(html) {
  const start = html.indexOf('<!-- Load mathjax -->');
  const endMarker = '<!-- End of mathjax configuration -->';
  const end = html.indexOf(endMarker);
  let out = html;
  if (start >= 0 && end > start) out = html.slice(0, start) + html.slice(end + endMarker.length);
  return pruneStyles(out.replace(/<script src="[^"]*require(?:\.min)?\.js"><\/script>/g, ''));
}

/**
 * The page with the rules of its inline style sheets that can match nothing in it left out: nbconvert inlines all
 * of JupyterLab's CSS (535 kB: file browser, menus, dialogs…) in every report. A rule is kept when one of its
 * selectors names only classes that occur in the page's class attributes (or names no class at all); @media and
 * @supports blocks are pruned inside, other at-rules (@font-face, @keyframes…) are kept whole; comments go.
 * (A page whose scripts add classes that the HTML lacks would lose their rules: nbconvert's pages add none that
 * the report shows.)
 */
export function pruneStyles(html) {
  const classes = new Set();
  for (const m of html.matchAll(/\sclass="([^"]*)"/g)) for (const c of m[1].split(/\s+/)) if (c) classes.add(c);
  // Classes inside :not(…) need not occur for the selector to match.
  const selectorUsed = (selector) =>
    [...selector.replace(/:not\([^)]*\)/g, '').matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].every((m) => classes.has(m[1]));
  const prune = (css) => {
    let out = '';
    let i = 0;
    while (i < css.length) {
      const open = css.indexOf('{', i);
      if (open < 0) break;
      const prelude = css.slice(i, open).trim();
      let depth = 1;
      let j = open + 1;
      while (j < css.length && depth > 0) {
        if (css[j] === '{') depth++;
        else if (css[j] === '}') depth--;
        j++;
      }
      const block = css.slice(open + 1, j - 1);
      if (/^@(media|supports)\b/.test(prelude)) {
        const inner = prune(block);
        if (inner.trim()) out += `${prelude}{${inner}}\n`;
      } else if (prelude.startsWith('@') || prelude.split(',').some(selectorUsed)) {
        out += `${prelude}{${block.trim()}}\n`;
      }
      i = j;
    }
    return out;
  };
  return html.replace(/(<style[^>]*>)([\s\S]*?)(<\/style>)/g, (_, a, css, b) => `${a}\n${prune(css.replace(/\/\*[\s\S]*?\*\//g, ''))}${b}`);
}

let typesetter = null;
/**
 * MathJax 3 (npm package mathjax, run in Node: no browser) typesetting TeX as SVG: `(tex, display) => html`.
 * Loaded once per process.
 */
export function mathTypesetter() {
  if (typesetter === null) {
    typesetter = require('mathjax')
      .init({ loader: { load: ['input/tex', 'output/svg'] }, tex: { processEscapes: true }, svg: { fontCache: 'local' } })
      .then((MathJax) => (tex, display) => {
        try {
          return MathJax.startup.adaptor.outerHTML(MathJax.tex2svg(tex, { display }));
        } catch {
          return null; // left as TeX text, still readable
        }
      });
  }
  return typesetter;
}

const ENTITIES = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };
const escapeText = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Typeset the TeX that nbconvert leaves in a page (`$$…$$`, `\\[…\\]`, `$…$`, `\\(…\\)`, HTML-escaped; `\\$` is a
 * dollar sign) with `typeset(tex, display)`, so that the page needs no MathJax. Code, preformatted text, scripts,
 * styles and tables are left alone (the delimiters MathJax itself ignores there). Each formula keeps its TeX as
 * the SVG's accessible label.
 */
export function typesetHtml(html, typeset) {
  const start = html.indexOf('<body');
  const head = start < 0 ? '' : html.slice(0, start);
  const body = start < 0 ? html : html.slice(start);
  const parts = body.split(/(<code[\s\S]*?<\/code>|<pre[\s\S]*?<\/pre>|<table[\s\S]*?<\/table>|<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>|<textarea[\s\S]*?<\/textarea>|<[^>]*>)/);
  const tex = (t) => t.trim().replace(/&(lt|gt|amp|quot|#39|#x27);/g, (e) => ENTITIES[e]);
  const math = (source, t, display) => {
    const svg = typeset(tex(t), display);
    if (svg === null) return source;
    const labelled = svg.replace('<mjx-container', `<mjx-container aria-label="${escapeText(tex(t)).replace(/"/g, '&quot;')}"`);
    return display ? `<div class="equilab-math" style="text-align:center;margin:0.6em 0;overflow-x:auto">${labelled}</div>` : labelled;
  };
  // Text between tags: a formula may not span a tag (MathJax's own rule for the page is the same in practice).
  return (
    head +
    parts
      .map((part, i) => {
        if (i % 2 === 1) return part;
        return part
          .replace(/\$\$([\s\S]+?)\$\$/g, (m, t) => math(m, t, true))
          .replace(/\\\[([\s\S]+?)\\\]/g, (m, t) => math(m, t, true))
          .replace(/\\\(([\s\S]+?)\\\)/g, (m, t) => math(m, t, false))
          .replace(/(^|[^\\$])\$([^$\n]+?)\$/g, (m, before, t) => `${before}${math(m.slice(before.length), t, false)}`)
          .replace(/\\\$/g, '$');
      })
      .join('')
  );
}

/**
 * A headless Chromium page with plotly.js (node_modules/plotly.js-cartesian-dist-min) loaded and the network
 * refused, rendering figures to PNG: `{ render(figure) => base64 | null, close() }`. The browser starts at the first
 * render (a run without charts starts none); without Chromium, or with EQUILAB_PNG=off, render gives null.
 * The same rendering as lib/display/png.ts (Plotly.toImage, 1 pixel per CSS pixel).
 */
export function pngRenderer() {
  let started = null;
  const start = async () => {
    const { findChromium } = await import('./setup.mjs');
    const executablePath = findChromium();
    if (executablePath === null || (process.env.EQUILAB_PNG ?? '').toLowerCase() === 'off') return null;
    const { chromium } = require('playwright-core');
    // The flags of lib/display/png.ts CHROMIUM_ARGS (a root, offline, headless machine).
    const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'];
    const browser = await chromium.launch({ executablePath, args, headless: true });
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ content: readFileSync(require.resolve('plotly.js-cartesian-dist-min'), 'utf8') });
    return { browser, page };
  };
  return {
    async render(figure) {
      started ??= start().catch(() => null);
      const session = await started;
      if (!session) return null;
      const width = figure.layout?.width ?? 760;
      const height = figure.layout?.height ?? 460;
      try {
        const url = await session.page.evaluate(
          ({ fig, w, h }) => globalThis.Plotly.toImage({ data: fig.data, layout: { ...fig.layout, width: w, height: h } }, { format: 'png', width: w, height: h, scale: 1 }),
          { fig: figure, w: width, h: height },
        );
        return url.slice(url.indexOf(',') + 1);
      } catch {
        return null;
      }
    },
    async close() {
      const session = await started;
      await session?.browser.close().catch(() => undefined);
      started = null;
    },
  };
}

const escapeAttribute = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Give every chart of an executed notebook that a kernel left without its PNG (EQUILAB_PNG_AT_EXPORT) the PNG:
 * `image/png` in its output, and in its HTML the static image in place of the "needs JavaScript" note, as
 * lib/display/notebook.ts figureHtml writes it. The figure is read from the JSON the chart's HTML carries.
 */
export async function addPngFallbacks(executedPath, renderer) {
  if (!renderer) return;
  const nb = JSON.parse(readFileSync(executedPath, 'utf8'));
  let changed = false;
  for (const cell of nb.cells) {
    for (const out of cell.outputs ?? []) {
      const html = [].concat(out.data?.['text/html'] ?? []).join('');
      if (!html.includes('class="equilab-figure"') || out.data['image/png'] || !html.includes('<p class="equilab-png-fallback"')) continue;
      if (html.includes('PNG fallback skipped')) continue;
      const match = /\n {2}var fig = (\{[\s\S]*?\});\n {2}function /.exec(html);
      if (!match) continue;
      const figure = JSON.parse(match[1].replace(/(^|[^\\])\\x3C/g, '$1<'));
      const png = await renderer.render(figure);
      if (!png) continue;
      const title = figure.layout?.title?.text ?? 'chart';
      const img = `<img class="equilab-png-fallback" alt="${escapeAttribute(title)} (static image)" style="max-width:100%" src="data:image/png;base64,${png}"/>`;
      out.data['text/html'] = html.replace(/<p class="equilab-png-fallback"[^>]*>[\s\S]*?<\/p>/, () => img);
      out.data['image/png'] = png;
      changed = true;
    }
  }
  if (changed) writeFileSync(executedPath, JSON.stringify(nb, null, 1) + '\n');
}
