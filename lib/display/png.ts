/**
 * Static PNG rendering of Plotly figures with a real browser (Debian's Chromium driven by playwright-core),
 * for viewers that run no JavaScript (GitHub, nbviewer, print). No network: plotly.js comes from
 * node_modules/plotly.js-cartesian-dist-min (the 1.5 MB bundle with scatter, bar and heat maps: every trace type
 * charts.ts makes) and every request the page makes is refused.
 * One page with plotly.js loaded serves every figure of a kernel.
 * Rendering helpers: they implement no published method, so they have no reference or DOI to cite.
 */
import { existsSync, readFileSync } from 'fs';
import type { Browser, Page } from 'playwright-core';
import type { Figure } from './charts';

/** Chromium flags for a root, offline, headless machine (no sandbox, no GPU, no background network). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Where Chromium is: `EQUILAB_CHROMIUM` when set (and only there: a path that does not exist means no Chromium),
 * else the usual Debian/Ubuntu paths; `null` when there is none.
 */
export function findChromium(): string | null {
  const chosen = process.env.EQUILAB_CHROMIUM;
  if (chosen) return existsSync(chosen) ? chosen : null;
  for (const c of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) if (existsSync(c)) return c;
  return null;
}

/** The npm package whose plotly.js bundle the notebooks, reports and PNGs use (cartesian traces only). */
export const PLOTLY_PACKAGE = 'plotly.js-cartesian-dist-min';

/** Absolute path of the plotly.js bundle shipped by the `plotly.js-cartesian-dist-min` package. */
export function plotlyBundlePath(): string {
  return require.resolve(PLOTLY_PACKAGE);
}

let plotlySource: string | null = null;
/** The plotly.js bundle's source text (read once). */
export function plotlyBundleSource(): string {
  if (plotlySource === null) plotlySource = readFileSync(plotlyBundlePath(), 'utf8');
  return plotlySource;
}

/** The plotly.js version in the bundle, e.g. "4.1.1". */
export function plotlyVersion(): string {
  const match = /plotly\.js\b[^\n]*?\bv(\d+\.\d+\.\d+)/.exec(plotlyBundleSource().slice(0, 200)); // 'plotly.js (cartesian - minified) v4.1.1'
  return match ? match[1] : 'unknown';
}

let browser: Promise<Browser> | null = null;
/** The page with plotly.js loaded that renders every figure (created with the browser, closed with it). */
let plotlyPage: Promise<Page> | null = null;
let idleTimer: NodeJS.Timeout | null = null;
/** The browser closes after this many milliseconds without a render, so a kernel leaves no Chromium behind. */
const IDLE_MS = 15_000;

async function getBrowser(executablePath: string): Promise<Browser> {
  if (browser === null) {
    // Required lazily: playwright-core is only needed when a PNG is wanted.
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { chromium } = require('playwright-core') as typeof import('playwright-core');
    browser = chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
    browser.catch(() => {
      browser = null;
    });
  }
  return browser;
}

async function getPlotlyPage(executablePath: string): Promise<Page> {
  if (plotlyPage === null) {
    plotlyPage = (async () => {
      const page = await (await getBrowser(executablePath)).newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent('<!doctype html><html><body></body></html>');
      await page.addScriptTag({ content: plotlyBundleSource() });
      return page;
    })();
    plotlyPage.catch(() => {
      plotlyPage = null;
    });
  }
  return plotlyPage;
}

/** Close the shared browser now (it also closes by itself when idle). */
export async function closePngRenderer(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const b = browser;
  const p = plotlyPage;
  browser = null;
  plotlyPage = null;
  if (p) await (await p.catch(() => null))?.close().catch(() => undefined);
  if (b) await (await b).close().catch(() => undefined);
}

/** The PNG, or `png: null` and the reason why none could be made. */
export interface PngResult {
  png: Buffer | null;
  reason?: string;
}

/**
 * Render a figure to PNG in headless Chromium. Never throws for a missing or failing browser: the result says
 * why no PNG was made, so a notebook can run on a machine without Chromium. `EQUILAB_PNG=off` disables it.
 */
export async function renderFigurePng(figure: Figure, options: { width?: number; height?: number; scale?: number } = {}): Promise<PngResult> {
  if ((process.env.EQUILAB_PNG ?? '').toLowerCase() === 'off') return { png: null, reason: 'disabled by EQUILAB_PNG=off' };
  const executablePath = findChromium();
  if (executablePath === null) {
    const where = process.env.EQUILAB_CHROMIUM ? `EQUILAB_CHROMIUM=${process.env.EQUILAB_CHROMIUM} does not exist` : 'not in /usr/bin';
    return { png: null, reason: `Chromium not found (${where}; install Debian package chromium, or set EQUILAB_CHROMIUM)` };
  }
  const width = options.width ?? (figure.layout.width as number | undefined) ?? 760;
  const height = options.height ?? (figure.layout.height as number | undefined) ?? 460;
  const scale = options.scale ?? 1.5;
  if (idleTimer) clearTimeout(idleTimer);
  try {
    const page = await getPlotlyPage(executablePath);
    const dataUrl = await page.evaluate(
      async ({ fig, w, h, s }) => {
        const Plotly = (globalThis as unknown as { Plotly: { toImage: (f: unknown, o: unknown) => Promise<string> } }).Plotly;
        return Plotly.toImage({ data: fig.data, layout: { ...fig.layout, width: w, height: h } }, { format: 'png', width: w, height: h, scale: s });
      },
      { fig: JSON.parse(JSON.stringify(figure)) as Figure, w: width, h: height, s: scale },
    );
    const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
    return { png: Buffer.from(base64, 'base64') };
  } catch (error) {
    void closePngRenderer(); // a crashed page or lost browser: start afresh next time
    return { png: null, reason: `Chromium failed: ${(error as Error).message.split('\n')[0]}` };
  } finally {
    idleTimer = setTimeout(() => void closePngRenderer(), IDLE_MS);
    idleTimer.unref();
  }
}
