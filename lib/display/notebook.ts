/**
 * Display helpers for tslab notebooks: Plotly charts that render offline everywhere a reader looks, and tables.
 *
 * A chart is sent as one Jupyter display bundle with three representations:
 *  - `text/html`: a `<div>` drawn by plotly.js in the live Notebook page and in the exported HTML report, holding a
 *    static PNG `<img>` until plotly.js replaces it — so HTML viewers that run no JavaScript still show the chart;
 *  - `image/png`: the same PNG, for viewers that do not show HTML (rendered by headless Chromium, lib/png.ts);
 *  - `text/plain`: a one-line description.
 * plotly.js itself (the cartesian bundle from node_modules/plotly.js-cartesian-dist-min, never a CDN) is sent once
 * per notebook by `loadPlotly()`, which the first chart calls if the notebook did not; every chart's script waits
 * for it.
 *
 * Import from a notebook: `import { showFigure, showTable } from './lib/notebook';`
 * These are display helpers: they implement no published method, so they have no reference or DOI to cite.
 */
import { randomBytes } from 'crypto';
import { fitLayout, type Figure } from './charts';
import { findChromium, plotlyBundleSource, plotlyVersion, renderFigurePng } from './png';

/** Marker written once into the output that carries plotly.js (tests count it: one per notebook). */
export const PLOTLY_BUNDLE_MARKER = 'equilab-plotly-bundle';

type Bundle = Record<string, string>;

function sendBundle(data: Bundle): void {
  // tslab's public `display` sends one MIME type per output; a chart needs html + png + text in one bundle,
  // so the kernel's own display writer is used (tslab 1.0.22, pinned in package.json).
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const jupyter = require('tslab/dist/jupyter') as {
    lastWriteDisplayData: ((message: unknown, update: boolean) => void) | null;
  };
  if (typeof jupyter.lastWriteDisplayData !== 'function') {
    throw new Error('showFigure/showTable can only display inside a tslab notebook kernel');
  }
  jupyter.lastWriteDisplayData({ data, metadata: {}, transient: {} }, false);
}

/** Make text safe inside an inline `<script>`: no `</script` or `<!--` can end or confuse the element. */
function scriptSafe(js: string): string {
  return js.replace(/<\/(script)/gi, '\\x3C/$1').replace(/<!--/g, '\\x3C!--');
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The HTML that loads plotly.js into the page (inline, offline). Idempotent in the page: a second copy does not
 * re-evaluate plotly.js when the same version is already there.
 */
export function plotlyLoaderHtml(): string {
  const version = plotlyVersion();
  const source = scriptSafe(plotlyBundleSource());
  return [
    `<div class="${PLOTLY_BUNDLE_MARKER}" style="font-size:smaller;color:#666">`,
    `plotly.js ${escapeHtml(version)} is loaded inline for this notebook's charts (offline, from node_modules/plotly.js-cartesian-dist-min).`,
    `</div>`,
    `<script type="text/javascript">`,
    `(function () {`,
    `  if (!(window.Plotly && window.Plotly.version === ${JSON.stringify(version)})) {`,
    // define/module/exports are shadowed so that no AMD or CommonJS loader in the page (require.js in Notebook 6)
    // captures plotly.js: it sets window.Plotly.
    `    (function (define, module, exports) {`,
    source,
    `    }).call(window, undefined, undefined, undefined);`,
    `  }`,
    `  window.dispatchEvent(new Event('equilab:plotly-ready'));`,
    `})();`,
    `</script>`,
  ].join('\n');
}

let plotlyLoaded = false;

/**
 * Send plotly.js to the notebook page, once. Call it in the first cell of a notebook (every run of that cell sends
 * it again, so the saved notebook and its HTML export always carry it); `showFigure` calls it when nothing did.
 */
export function loadPlotly(): void {
  sendBundle({
    'text/html': plotlyLoaderHtml(),
    'text/plain': `plotly.js ${plotlyVersion()} loaded (offline)`,
  });
  plotlyLoaded = true;
}

/** Options of `figureHtml` and `showFigure`. */
export interface ShowFigureOptions {
  width?: number;
  height?: number;
  /** Render a static PNG fallback with Chromium. @default true */
  png?: boolean;
}

/**
 * A width or height in pixels: a positive finite number, or a string of one ('800' gives 800); undefined stays
 * undefined. Anything else (a string such as '800px" onmouseover="…', NaN, 0, an object) is refused, so no
 * attribute text can reach the figure's HTML.
 */
function pixels(fn: string, name: string, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  if (!(Number.isFinite(n) && n > 0)) {
    const shown = typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : String(value);
    throw new TypeError(`${fn}: ${name} must be a positive number of pixels (got ${shown})`);
  }
  return n;
}

/**
 * The HTML of one chart: a div that plotly.js fills, holding the static PNG (if any) until it does.
 * Pure: no kernel or browser needed.
 */
export function figureHtml(figure: Figure, options: { id?: string; pngBase64?: string; note?: string } = {}): string {
  const id = escapeHtml(String(options.id ?? `equilab-fig-${randomBytes(6).toString('hex')}`));
  const width = pixels('figureHtml', 'layout.width', figure.layout.width) ?? 760;
  pixels('figureHtml', 'layout.height', figure.layout.height);
  if (options.pngBase64 !== undefined && !/^[A-Za-z0-9+/]*={0,2}$/.test(options.pngBase64)) {
    throw new TypeError('figureHtml: pngBase64 must be base64 text (A-Z, a-z, 0-9, +, /, =)');
  }
  const title = figure.layout.title?.text ?? 'chart';
  const fallback = options.pngBase64
    ? `<img class="equilab-png-fallback" alt="${escapeHtml(title)} (static image)" style="max-width:100%" src="data:image/png;base64,${options.pngBase64}"/>`
    : `<p class="equilab-png-fallback" style="color:#666">${escapeHtml(title)}: the interactive chart needs JavaScript${options.note ? ` (${escapeHtml(options.note)})` : ''}.</p>`;
  const json = scriptSafe(JSON.stringify({ data: figure.data, layout: figure.layout, config: { displaylogo: false, responsive: true, ...figure.config } }));
  return [
    `<div class="equilab-figure" id="${id}" style="max-width:100%;width:${width}px">${fallback}</div>`,
    `<script type="text/javascript">`,
    `(function () {`,
    `  var fig = ${json};`,
    // A container narrower than the figure (a narrow Notebook page, a phone) gets the figure at its own width,
    // and a title that no longer fits is broken into more lines (measured after drawing).
    `  function unclip(el) {`,
    `    var svg = el.querySelector('.main-svg'), t = el.querySelector('.gtitle');`,
    `    if (!svg || !t || !fig.layout.title || !fig.layout.title.text) return;`,
    `    var room = svg.getBoundingClientRect().width - 40, wide = t.getBoundingClientRect().width;`,
    `    if (wide <= room) return;`,
    `    var words = fig.layout.title.text.split(/<br>| /), n = Math.ceil(wide / room) + 1, per = Math.ceil(words.length / n), lines = [];`,
    `    for (var i = 0; i < words.length; i += per) lines.push(words.slice(i, i + per).join(' '));`,
    `    var size = (fig.layout.title.font && fig.layout.title.font.size) || 18, top = (fig.layout.margin && fig.layout.margin.t) || 100;`,
    `    return window.Plotly.relayout(el, { 'title.text': lines.join('<br>'), 'margin.t': Math.max(top, 24 + lines.length * size * 1.3) });`,
    `  }`,
    `  function draw() {`,
    `    var el = document.getElementById(${JSON.stringify(id)});`,
    `    if (!el || !window.Plotly) return false;`,
    `    el.innerHTML = '';`,
    `    var room = el.clientWidth;`,
    `    if (room > 0 && fig.layout.width > room) fig.layout.width = room;`,
    `    var drawn = window.Plotly.newPlot(el, fig.data, fig.layout, fig.config);`,
    // data-equilab-drawn marks a chart that is drawn and fitted (tests wait for it).
    `    if (drawn && drawn.then) drawn.then(function () { return unclip(el); }).then(function () { el.setAttribute('data-equilab-drawn', '1'); });`,
    `    return true;`,
    `  }`,
    `  function start() {`,
    `    if (draw()) return;`,
    `    window.addEventListener('equilab:plotly-ready', draw, { once: true });`,
    `    setTimeout(function () {`,
    `      var el = document.getElementById(${JSON.stringify(id)});`,
    `      if (el && !window.Plotly && !el.querySelector('.equilab-missing')) {`,
    `        var p = document.createElement('p'); p.className = 'equilab-missing'; p.style.color = '#a00';`,
    `        p.textContent = 'plotly.js is not loaded in this page: run the cell that calls loadPlotly() (or showFigure) again.';`,
    `        el.appendChild(p);`,
    `      }`,
    `    }, 4000);`,
    `  }`,
    // In a page still loading (an HTML report opened from disk) the charts are drawn once it has loaded, so that
    // the text shows at once; in the live Notebook page (loaded long ago) a chart is drawn right away.
    `  if (document.readyState === 'complete') start();`,
    `  else window.addEventListener('load', function () { setTimeout(start, 0); }, { once: true });`,
    `})();`,
    `</script>`,
  ].join('\n');
}

/** The kernel's display writer of the running cell (it stays bound to that cell after the cell has finished). */
function displayWriter(): (message: unknown, update: boolean) => void {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const jupyter = require('tslab/dist/jupyter') as { lastWriteDisplayData: ((message: unknown, update: boolean) => void) | null };
  const write = jupyter.lastWriteDisplayData;
  if (typeof write !== 'function') throw new Error('showFigure/showTable can only display inside a tslab notebook kernel');
  return write;
}

/**
 * Display a Plotly figure in a tslab notebook: interactive in the Notebook page and the exported HTML (offline),
 * with a static PNG fallback rendered by Chromium.
 * In an interactive session the chart shows at once and its PNG follows (an update of the same output, when
 * Chromium has rendered it), so a cell never waits for a browser; a headless run (scripts/execute_notebook.py sets
 * EQUILAB_HEADLESS=1: npm run reproduce, npm run analyse, the tests) waits for the PNG, so the saved notebook
 * and its report carry it — or, under npm run reproduce (EQUILAB_PNG_AT_EXPORT=1), leaves it to the export, which
 * renders every chart of the run in one browser page.
 * Without Chromium the chart is still shown and the cell prints that the PNG was skipped.
 */
export async function showFigure(figure: Figure, options: ShowFigureOptions = {}): Promise<void> {
  if (!plotlyLoaded) loadPlotly();
  const width = pixels('showFigure', 'width', options.width ?? figure.layout.width);
  const height = pixels('showFigure', 'height', options.height ?? figure.layout.height);
  // Long titles broken into lines for the figure's width (the page breaks them further in a narrower container).
  const sized: Figure = { ...figure, layout: fitLayout({ ...figure.layout, width, height }) };
  const title = sized.layout.title?.text ?? 'untitled';
  const id = `equilab-fig-${randomBytes(6).toString('hex')}`;
  const bundleOf = (pngBase64: string | undefined, note: string | undefined): Bundle => {
    const bundle: Bundle = {
      'text/html': figureHtml(sized, { id, pngBase64, note }),
      'text/plain': `<Plotly figure: ${title}; ${sized.data.length} trace(s)${note ? `; ${note}` : ''}>`,
    };
    if (pngBase64) bundle['image/png'] = pngBase64;
    return bundle;
  };
  // At 1 pixel per CSS pixel: a fallback for viewers without JavaScript, and the bulk of a report's weight.
  const render = async (): Promise<{ pngBase64?: string; note?: string }> => {
    const result = await renderFigurePng(sized, { scale: 1 });
    return result.png ? { pngBase64: result.png.toString('base64') } : { note: `PNG fallback skipped: ${result.reason}` };
  };
  if (options.png !== false && process.env.EQUILAB_HEADLESS !== '1' && (process.env.EQUILAB_PNG ?? '').toLowerCase() !== 'off') {
    const write = displayWriter();
    const transient = { display_id: id };
    write({ data: bundleOf(undefined, undefined), metadata: {}, transient }, false);
    void render().then(({ pngBase64 }) => {
      if (pngBase64) write({ data: bundleOf(pngBase64, undefined), metadata: {}, transient }, true);
    });
    return;
  }
  // scripts/jupyter.mjs renders the PNGs of a whole run after it, in one browser page (EQUILAB_PNG_AT_EXPORT=1).
  const atExport = process.env.EQUILAB_PNG_AT_EXPORT === '1' && findChromium() !== null && (process.env.EQUILAB_PNG ?? '').toLowerCase() !== 'off';
  const { pngBase64, note } = options.png !== false && !atExport ? await render() : { pngBase64: undefined, note: undefined };
  sendBundle(bundleOf(pngBase64, note));
  if (note) console.log(note);
}

/**
 * A value formatted for a table cell. With `digits`, numbers print with that many decimals, except in a column of
 * whole numbers only (counts), which print as integers.
 */
function formatCell(value: unknown, digits: number | undefined, wholeColumn: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (digits !== undefined && !wholeColumn && Number.isFinite(value)) return value.toFixed(digits);
    return String(value);
  }
  return String(value);
}

/** Rows for `showTable`: plain objects, or a danfo DataFrame (anything with `columns` and `values`). */
export type TableInput = ReadonlyArray<Record<string, unknown>> | { columns: string[]; values: unknown[][] | unknown[] };

/** Options of `showTable`. */
export interface ShowTableOptions {
  caption?: string;
  /** Decimal places for non-integer numbers: one number for all columns, or per column. */
  digits?: number | Record<string, number>;
  /** Show at most this many rows (the rest are counted in a note). @default 200 */
  maxRows?: number;
}

function normalizeTable(input: TableInput): { columns: string[]; rows: unknown[][] } {
  if (Array.isArray(input)) {
    const columns: string[] = [];
    for (const row of input as ReadonlyArray<Record<string, unknown>>) {
      for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
    }
    return { columns, rows: (input as ReadonlyArray<Record<string, unknown>>).map((r) => columns.map((c) => r[c])) };
  }
  const frame = input as { columns: string[]; values: unknown[] };
  const rows = frame.values.map((r) => (Array.isArray(r) ? r : [r]));
  return { columns: [...frame.columns], rows };
}

/** HTML and plain-text renderings of a table (pure). */
export function tableHtml(input: TableInput, options: ShowTableOptions = {}): { html: string; text: string } {
  const { columns, rows } = normalizeTable(input);
  const maxRows = options.maxRows ?? 200;
  const shown = rows.slice(0, maxRows);
  const digitsFor = (c: string): number | undefined =>
    typeof options.digits === 'number' ? options.digits : options.digits?.[c];
  const numeric = columns.map((_, j) => shown.every((r) => r[j] === null || r[j] === undefined || typeof r[j] === 'number'));
  const whole = columns.map((_, j) => shown.every((r) => typeof r[j] !== 'number' || Number.isInteger(r[j])));
  const cells = shown.map((r) => r.map((v, j) => formatCell(v, digitsFor(columns[j]), whole[j])));
  const head = columns.map((c) => `<th style="text-align:${numeric[columns.indexOf(c)] ? 'right' : 'left'}">${escapeHtml(c)}</th>`).join('');
  const body = cells
    .map((r) => `<tr>${r.map((v, j) => `<td style="text-align:${numeric[j] ? 'right' : 'left'}">${escapeHtml(v)}</td>`).join('')}</tr>`)
    .join('\n');
  const more = rows.length > shown.length ? `<p style="color:#666">… ${rows.length - shown.length} more rows not shown</p>` : '';
  const caption = options.caption ? `<caption style="caption-side:top;text-align:left;font-weight:bold">${escapeHtml(options.caption)}</caption>` : '';
  const html = `<table class="equilab-table">${caption}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>${more}`;
  const widths = columns.map((c, j) => Math.max(c.length, ...cells.map((r) => r[j].length)));
  const line = (vals: string[]): string => vals.map((v, j) => (numeric[j] ? v.padStart(widths[j]) : v.padEnd(widths[j]))).join('  ');
  const text = [
    ...(options.caption ? [options.caption] : []),
    line(columns),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.map(line),
    ...(rows.length > shown.length ? [`… ${rows.length - shown.length} more rows`] : []),
  ].join('\n');
  return { html, text };
}

/** Display a table (rows of objects or a danfo DataFrame) as HTML with a plain-text fallback. */
export function showTable(input: TableInput, options: ShowTableOptions = {}): void {
  const { html, text } = tableHtml(input, options);
  sendBundle({ 'text/html': html, 'text/plain': text });
}

/** Display Markdown (rendered by Jupyter; formulas in `$…$` are typeset by MathJax where available). */
export function showMarkdown(markdown: string): void {
  sendBundle({ 'text/markdown': markdown, 'text/plain': markdown });
}
