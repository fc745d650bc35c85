/**
 * Every chart of every notebook fits its frame (issue 15). The figures are read from the executed notebooks'
 * outputs (the JSON each chart's HTML carries, as `showFigure` wrote it), drawn by the same HTML `figureHtml` makes
 * for the Notebook page and the report, in headless Chromium, in a container 940 px wide (Notebook 6's default
 * page width); then the title, the legend and every axis title must lie inside the drawn figure, the figure inside
 * its container, and every axis with a set range must cover the data drawn on it (a forecast's horizon included).
 *
 * The notebooks are executed once per test run (test/helpers/notebooks.ts, shared with the other notebook tests).
 * `EQUILAB_FIGURES_FROM=DIR` reads the executed notebooks in DIR instead (e.g. out/notebooks after
 * `npm run reproduce`), for a quick re-check of chart changes.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { fitLayout, lineFigure, type Figure } from '../../lib/display/charts';
import { figureHtml } from '../../lib/display/notebook';
import { CHROMIUM_ARGS, findChromium, plotlyBundleSource } from '../../lib/display/png';
import { NotebookOutput, root, runNotebook } from '../helpers/notebooks';

const CONTAINER = 940;
const chromiumPath = findChromium();
const notebooks = readdirSync(path.join(root, 'notebooks')).filter((f) => f.endsWith('.ipynb')).sort();
const from = process.env.EQUILAB_FIGURES_FROM;

const joined = (t: string | string[] | undefined): string => (Array.isArray(t) ? t.join('') : t ?? '');

/** The figures a notebook's outputs carry, parsed from the `var fig = {…};` of each chart's HTML. */
function figuresOf(cells: Array<{ outputs?: NotebookOutput[] }>): Figure[] {
  const figures: Figure[] = [];
  for (const cell of cells) {
    for (const out of cell.outputs ?? []) {
      const html = joined(out.data?.['text/html']);
      if (!html.includes('class="equilab-figure"')) continue;
      const match = /\n {2}var fig = (\{[\s\S]*?\});\n {2}function /.exec(html);
      if (!match) throw new Error('a chart output without its figure JSON');
      // figureHtml writes '<' as \x3C in '</script' and '<!--' (not a JSON escape): undo it before parsing.
      figures.push(JSON.parse(match[1].replace(/(^|[^\\])\\x3C/g, '$1<')) as Figure);
    }
  }
  return figures;
}

async function executedCells(name: string): Promise<Array<{ outputs?: NotebookOutput[] }>> {
  if (from) {
    const file = path.join(from, name);
    if (!existsSync(file)) throw new Error(`${file} does not exist: run npm run reproduce first`);
    return JSON.parse(readFileSync(file, 'utf8')).cells as Array<{ outputs?: NotebookOutput[] }>;
  }
  return (await runNotebook(name)).cells;
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

interface Drawn {
  container: Box;
  svg: Box;
  parts: Array<{ what: string; box: Box }>;
  ranges: Array<{ axis: string; range: [number, number]; min: number; max: number }>;
}

/** Draw one figure as the notebook page does and measure it. */
async function draw(page: Page, figure: Figure, plain = false): Promise<Drawn> {
  // plain: drawn by Plotly.newPlot alone, without figureHtml's fitting (to show that the check sees a clipped title).
  const html = plain ? `<div id="fit-test"></div>` : figureHtml(figure, { id: 'fit-test' });
  await page.setContent(
    `<!doctype html><html><body style="margin:0"><div id="container" style="width:${CONTAINER}px">${html}</div></body></html>`,
  );
  await page.addScriptTag({ content: plotlyBundleSource() });
  await page.evaluate(
    ({ fig, plain }) => {
      const w = globalThis as unknown as { dispatchEvent(e: Event): void; Plotly: { newPlot(...a: unknown[]): Promise<unknown> } };
      const d = (globalThis as unknown as { document: { getElementById(id: string): { setAttribute(a: string, v: string): void } } }).document;
      if (!plain) return w.dispatchEvent(new Event('equilab:plotly-ready'));
      const el = d.getElementById('fit-test');
      return w.Plotly.newPlot(el, fig.data, fig.layout).then(() => el.setAttribute('data-equilab-drawn', '1'));
    },
    { fig: JSON.parse(JSON.stringify(figure)) as Figure, plain },
  );
  await page.waitForSelector('#fit-test[data-equilab-drawn] .main-svg', { timeout: 30_000 });
  return page.evaluate(() => {
    // Runs in the page; typed loosely because the project compiles without the DOM library.
    type El = { getBoundingClientRect(): Box; querySelector(s: string): El | null; querySelectorAll(s: string): ArrayLike<El> };
    type Box = { left: number; right: number; top: number; bottom: number };
    const doc = (globalThis as unknown as { document: { querySelector(s: string): El | null } }).document;
    const box = (el: El): Box => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    const gd = doc.querySelector('#fit-test') as unknown as El & {
      _fullLayout: Record<string, { range?: [number, number]; type?: string; _id?: string }>;
      _fullData: Array<{ x?: unknown[]; y?: unknown[]; xaxis?: string; yaxis?: string; type: string; visible?: unknown }>;
    };
    const svg = gd.querySelector('.main-svg');
    const parts: Array<{ what: string; box: Box }> = [];
    const add = (what: string, selector: string) => {
      for (const el of Array.from(gd.querySelectorAll(selector))) {
        const b = box(el);
        if (b.right - b.left > 0 && b.bottom - b.top > 0) parts.push({ what, box: b });
      }
    };
    add('title', '.gtitle');
    add('legend', '.legend');
    add('x axis title', '[class*="xtitle"]');
    add('y axis title', '[class*="ytitle"]');
    add('colour bar', '.colorbar');
    const ranges: Array<{ axis: string; range: [number, number]; min: number; max: number }> = [];
    for (const trace of gd._fullData) {
      if (trace.visible === false || trace.type === 'heatmap') continue;
      for (const letter of ['x', 'y'] as const) {
        const id = (trace[`${letter}axis` as 'xaxis'] as string | undefined) ?? letter;
        const axis = gd._fullLayout[`${letter}axis${id.slice(1)}`];
        const values = (trace[letter] ?? []).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
        if (!axis?.range || axis.type !== 'linear' || values.length === 0) continue;
        ranges.push({ axis: `${letter}axis${id.slice(1)}`, range: axis.range, min: Math.min(...values), max: Math.max(...values) });
      }
    }
    return { container: box(doc.querySelector('#container')!), svg: svg ? box(svg) : box(gd), parts, ranges };
  });
}

describe.skipIf(!chromiumPath)(`every chart of every notebook fits ${CONTAINER} px`, () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath!, args: CHROMIUM_ARGS, headless: true });
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.route('**/*', (route) => route.abort());
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** What does not fit in one figure drawn at 940 px, in words (empty when everything fits). */
  async function problemsOf(figure: Figure, plain = false): Promise<string[]> {
    const problems: string[] = [];
    const slack = 1; // px: anti-aliased text edges
    const title = figure.layout.title?.text ?? '(untitled)';
    const drawn = await draw(page, figure, plain);
    if (drawn.svg.right > drawn.container.right + slack) {
      problems.push(`${title}: ${Math.round(drawn.svg.right - drawn.svg.left)} px wide in a ${CONTAINER} px container`);
    }
    if (figure.layout.title?.text && !drawn.parts.some((p) => p.what === 'title')) problems.push(`${title}: no title drawn`);
    for (const { what, box } of drawn.parts) {
      const out = box.left < drawn.svg.left - slack || box.right > drawn.svg.right + slack || box.top < drawn.svg.top - slack || box.bottom > drawn.svg.bottom + slack;
      if (out) problems.push(`${title}: the ${what} goes outside the figure`);
    }
    for (const r of drawn.ranges) {
      const [lo, hi] = r.range[0] <= r.range[1] ? r.range : [r.range[1], r.range[0]];
      if (r.min < lo - 1e-9 * Math.abs(lo) || r.max > hi + 1e-9 * Math.abs(hi)) {
        problems.push(`${title}: ${r.axis} shows ${lo}..${hi} but the data run ${r.min}..${r.max}`);
      }
    }
    return problems;
  }

  it('the check itself: a 1,100 px figure with a long title is fitted to the page, an axis that stops short is caught', async () => {
    const long = 'Theil index by area of the 31 provinces of China, 2012 to 2030, with its between-region and within-region parts';
    const wide = lineFigure([{ name: 'Theil', x: [2012, 2030], y: [0.1, 0.2] }, { name: 'forecast', x: [2022, 2030], y: [0.15, 0.2] }], {
      title: long,
      width: 1100,
      xTitle: 'Year',
      yTitle: 'Theil index',
    });
    // Drawn as showFigure sends it (fitLayout for its own width) and then fitted to the 940 px container.
    expect(await problemsOf({ ...wide, layout: fitLayout(wide.layout) })).toEqual([]);
    // Drawn by Plotly alone, without the line breaks, the title is centred and cut at both ends: the check sees it.
    const raw = { ...wide, layout: { ...wide.layout, width: 600 } };
    expect(await problemsOf(raw, true)).toEqual([`${long}: the title goes outside the figure`]);
    const short = { ...wide, layout: { ...wide.layout, xaxis: { ...wide.layout.xaxis, range: [2012, 2028] as [number, number] } } };
    expect((await problemsOf({ ...short, layout: fitLayout(short.layout) })).join('\n')).toContain(
      'xaxis shows 2012..2028 but the data run 2012..2030',
    );
  }, 120_000);

  it.each(notebooks)('%s: title, legend and axis titles inside the figure, the figure inside 940 px, ranges cover the data', async (name) => {
    const figures = figuresOf(await executedCells(name));
    const problems: string[] = [];
    for (const figure of figures) problems.push(...(await problemsOf(figure)));
    expect(problems).toEqual([]);
  }, 30 * 60_000);
});
