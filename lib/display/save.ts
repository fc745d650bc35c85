/**
 * Figures to files: a Plotly figure saved as PNG or SVG by plotly.js's own `Plotly.toImage` — the call with which
 * `renderFigurePng` (png.ts) makes the notebooks' PNG fallbacks — in one headless Chromium page that loads plotly.js
 * once from node_modules and refuses every network request; several figures share the page.
 * Rendering helpers: they implement no published method, so they have no reference or DOI to cite.
 */
import { mkdirSync, renameSync, writeFileSync } from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { fitLayout, type Figure } from './charts';
import { showFigure } from './notebook';
import type { ShowFigureOptions } from './notebook';
import { CHROMIUM_ARGS, findChromium, plotlyBundleSource } from './png';

/** Size of a saved figure in CSS pixels, and the PNG's pixel ratio (SVG is vector: `scale` does not apply). */
export interface SaveFigureOptions {
  /** @default the figure's layout.width, else 760 */
  width?: number;
  /** @default the figure's layout.height, else 460 */
  height?: number;
  /** PNG pixels per CSS pixel. @default 2 */
  scale?: number;
}

const FN = 'saveFigure';

function checkFigure(fn: string, figure: unknown): Figure {
  const f = figure as Figure;
  if (f === null || typeof f !== 'object' || !Array.isArray(f.data) || f.layout === null || typeof f.layout !== 'object') {
    throw new TypeError(`${fn}: figure must be a Plotly figure { data: [...], layout: {...} } (e.g. from lorenzFigure)`);
  }
  return f;
}

function checkSize(fn: string, figure: Figure, options: unknown): { width: number; height: number; scale: number } {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw new TypeError(`${fn}: options must be { width, height, scale }`);
  const o = options as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!['width', 'height', 'scale'].includes(key)) throw new TypeError(`${fn}: unknown option '${key}' (known: width, height, scale)`);
  }
  const pick = (key: string, fallback: number, min: number, max: number): number => {
    const v = o[key] === undefined ? fallback : o[key];
    if (typeof v !== 'number') throw new TypeError(`${fn}: ${key} must be a number (got ${JSON.stringify(v)})`);
    if (!(v >= min && v <= max)) throw new RangeError(`${fn}: ${key} must be from ${min} to ${max} (got ${v})`);
    return v;
  };
  return {
    width: pick('width', (figure.layout.width as number | undefined) ?? 760, 10, 10_000),
    height: pick('height', (figure.layout.height as number | undefined) ?? 460, 10, 10_000),
    scale: pick('scale', 2, 0.1, 10),
  };
}

function formatOf(fn: string, file: string): 'png' | 'svg' {
  if (typeof file !== 'string' || file === '') throw new TypeError(`${fn}: file must be a path ending in .png or .svg`);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.png') return 'png';
  if (ext === '.svg') return 'svg';
  throw new RangeError(`${fn}: ${file}: the file must end in .png or .svg (got '${ext || 'no extension'}')`);
}

/** Write a file whole or not at all: to a temporary name beside it, then renamed into place. */
function writeWhole(file: string, bytes: Buffer | string): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, file);
}

/** One Chromium page with plotly.js loaded (once), for PNG and SVG export; `close()` when done. */
async function openPage(fn: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const executablePath = findChromium();
  if (executablePath === null) {
    throw new Error(`${fn}: Chromium not found (install Debian package chromium, or set EQUILAB_CHROMIUM): nothing was written`);
  }
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const browser: Browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ content: plotlyBundleSource() });
    return { page, close: () => browser.close().catch(() => undefined) };
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}

/**
 * The figure as PNG bytes or SVG text: `Plotly.toImage` at the given size (as renderFigurePng calls it), its layout
 * fitted to that width first (`fitLayout`, as `showFigure` does), so a saved chart looks like the one shown.
 */
async function imageOf(page: Page, format: 'png' | 'svg', figure: Figure, size: { width: number; height: number; scale: number }): Promise<Buffer | string> {
  const fitted: Figure = { ...figure, layout: fitLayout({ ...figure.layout, width: size.width, height: size.height }) };
  const dataUrl = await page.evaluate(
    async ({ fig, w, h, s, f }) => {
      const Plotly = (globalThis as unknown as { Plotly: { toImage: (f: unknown, o: unknown) => Promise<string> } }).Plotly;
      return Plotly.toImage({ data: fig.data, layout: { ...fig.layout, width: w, height: h } }, { format: f, width: w, height: h, scale: s });
    },
    // SVG is vector: at scale 1 its width and height are the figure's own (a scale would only enlarge them).
    { fig: JSON.parse(JSON.stringify(fitted)) as Figure, w: size.width, h: size.height, s: format === 'svg' ? 1 : size.scale, f: format },
  );
  // plotly.js returns 'data:image/png;base64,…' and 'data:image/svg+xml,<url-encoded svg>'.
  const body = dataUrl.slice(dataUrl.indexOf(',') + 1);
  return format === 'png' ? Buffer.from(body, 'base64') : decodeURIComponent(body);
}

/**
 * Save a Plotly figure (from lorenzFigure, lineFigure, barFigure, heatmapFigure …) as a PNG or SVG file, chosen by
 * the file's extension. PNG: rendered by plotly.js in headless Chromium, `scale` pixels per CSS pixel; SVG:
 * plotly.js's vector export (text stays text; `scale` does not apply). Offline: plotly.js comes from node_modules and
 * the page makes no request. The folder is created; the file is written whole (a temporary file renamed into place)
 * or not at all.
 *
 * Throws (never writes a partial or empty file): TypeError for a figure that is not one, a file without .png or
 * .svg, or an unknown option; RangeError for a size outside 10–10,000 px or a scale outside 0.1–10; Error when
 * Chromium is missing or fails (the message says why).
 *
 * @param figure a Plotly figure `{ data, layout }`
 * @param file where to write it: a path ending in .png or .svg
 * @param options `width` and `height` in CSS pixels (default: the figure's layout, else 760 × 460), `scale` (PNG, default 2)
 * @returns the path written
 * @noExample it writes a file with a browser (test/analyse/save.test.ts covers it)
 */
export async function saveFigure(figure: Figure, file: string, options: SaveFigureOptions = {}): Promise<string> {
  const f = checkFigure(FN, figure);
  const format = formatOf(FN, file);
  const size = checkSize(FN, f, options);
  const browser = await openPage(FN);
  try {
    writeWhole(file, await imageOf(browser.page, format, f, size));
  } finally {
    await browser.close();
  }
  return file;
}

/**
 * Save several figures into one folder, each as `<name>.png` and `<name>.svg` (or only the `formats` asked for), with
 * one browser page (plotly.js loaded once) for all of them. Names must be file-safe (letters, digits, '-', '_', '.'). Same rendering and
 * errors as `saveFigure`.
 * @param figures figures by name, e.g. `{ 'gini-series': lineFigure(…) }`
 * @param dir the folder (created)
 * @param options `width`, `height`, `scale` for every figure, and `formats` @default formats ['png', 'svg']
 * @returns the paths written, in order
 * @noExample it writes files with a browser (test/analyse/save.test.ts covers it)
 */
export async function saveFigures(
  figures: Readonly<Record<string, Figure>>,
  dir: string,
  options: SaveFigureOptions & { formats?: ReadonlyArray<'png' | 'svg'> } = {},
): Promise<string[]> {
  const fn = 'saveFigures';
  if (figures === null || typeof figures !== 'object') throw new TypeError(`${fn}: figures must be an object of figures by name`);
  if (typeof dir !== 'string' || dir === '') throw new TypeError(`${fn}: dir must be a folder path`);
  const { formats = ['png', 'svg'], ...size } = options;
  if (!Array.isArray(formats) || formats.length === 0 || formats.some((x) => x !== 'png' && x !== 'svg')) {
    throw new TypeError(`${fn}: formats must be a non-empty list of 'png' and 'svg'`);
  }
  const entries = Object.entries(figures).map(([name, figure]) => {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) throw new RangeError(`${fn}: '${name}' is not a file-safe name (letters, digits, '-', '_', '.')`);
    const f = checkFigure(`${fn}: ${name}`, figure);
    return { name, figure: f, size: checkSize(`${fn}: ${name}`, f, size) };
  });
  const written: string[] = [];
  if (entries.length === 0) return written;
  const browser = await openPage(fn);
  try {
    for (const format of (['png', 'svg'] as const).filter((x) => formats.includes(x))) {
      for (const e of entries) {
        const file = path.join(dir, `${e.name}.${format}`);
        writeWhole(file, await imageOf(browser.page, format, e.figure, e.size));
        written.push(file);
      }
    }
  } finally {
    await browser.close();
  }
  return written;
}

/**
 * The charts of a notebook, shown and kept by name so that the same figures can be saved afterwards: the workbook
 * notebooks/templates/three-stage-analysis.ipynb shows each chart with `figures.show(name, figure)` and its last
 * cell saves them all with `figures.save(dir)` when `npm run analyse` gives it an output folder.
 * @noExample it displays in a notebook kernel and writes files (test/analyse/save.test.ts covers save)
 */
export class FigureSet {
  /** The figures shown so far, by name, in the order they were shown. */
  readonly figures: Record<string, Figure> = {};

  /** Keep `figure` as `name` (file-safe; re-running a cell replaces its figure) and show it (`showFigure`). */
  async show(name: string, figure: Figure, options: ShowFigureOptions = {}): Promise<void> {
    this.add(name, figure);
    await showFigure(figure, options);
  }

  /** Keep `figure` as `name` without showing it. */
  add(name: string, figure: Figure): void {
    if (typeof name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
      throw new RangeError(`FigureSet: '${String(name)}' is not a file-safe name (letters, digits, '-', '_', '.')`);
    }
    this.figures[name] = checkFigure(`FigureSet: ${name}`, figure);
  }

  /** Save every kept figure into `dir` as `<name>.png` and `<name>.svg` (`saveFigures`); returns the paths. */
  save(dir: string, options: SaveFigureOptions & { formats?: ReadonlyArray<'png' | 'svg'> } = {}): Promise<string[]> {
    return saveFigures(this.figures, dir, options);
  }
}
