/**
 * The charts in a real browser (Debian's Chromium driven by playwright-core), with no network:
 *  1. Jupyter Notebook serves a copy of 00-primer-1-lorenz-gini.ipynb on 127.0.0.1 with a token; the test runs all cells from
 *     the Cell menu and waits for the Plotly chart's SVG with its traces;
 *  2. the exported HTML report is opened from disk with every network request blocked, and its chart must render.
 * Screenshots go to out/browser/.
 */
import { ChildProcess, spawn } from 'child_process';
import { copyFileSync, mkdirSync, existsSync, openSync } from 'fs';
import { createServer } from 'net';
import * as path from 'path';
import { randomBytes } from 'crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../lib/display/png';
import { root, runNotebook } from '../helpers/notebooks';

const shots = path.join(root, 'out', 'browser');
const chromiumPath = findChromium();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Jupyter did not answer at ${url} (see out/browser/jupyter-server.log)`);
}

describe.skipIf(!chromiumPath)('charts render in Chromium', () => {
  let browser: Browser;
  let server: ChildProcess | null = null;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    browser = await chromium.launch({ executablePath: chromiumPath!, args: CHROMIUM_ARGS, headless: true });
  });

  afterAll(async () => {
    await browser?.close();
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
  });

  it('runs 00-primer-1-lorenz-gini in Jupyter Notebook and draws the Lorenz curve (no network)', async () => {
    // A copy, so that the committed notebook is never saved with outputs by the live session.
    const live = path.join(shots, '00-primer-1-lorenz-gini.ipynb');
    copyFileSync(path.join(root, 'notebooks', '00-primer-1-lorenz-gini.ipynb'), live);
    const port = await freePort();
    const token = randomBytes(16).toString('hex');
    server = spawn(
      'jupyter',
      [
        'notebook',
        '--no-browser',
        '--ip=127.0.0.1',
        `--port=${port}`,
        `--NotebookApp.token=${token}`,
        `--NotebookApp.notebook_dir=${root}`,
        ...(process.getuid?.() === 0 ? ['--allow-root'] : []),
      ],
      {
        cwd: root,
        env: { ...process.env, JUPYTER_PATH: path.join(root, '.jupyter', 'share', 'jupyter') },
        detached: true,
        stdio: ['ignore', 'ignore', openSync(path.join(shots, 'jupyter-server.log'), 'w')],
      },
    );
    const base = `http://127.0.0.1:${port}`;
    await waitForServer(`${base}/api/status?token=${token}`, 60_000);

    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const blocked: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(base) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    await page.goto(`${base}/notebooks/out/browser/00-primer-1-lorenz-gini.ipynb?token=${token}`);
    await page.waitForFunction(
      () => {
        const j = (globalThis as unknown as { Jupyter?: { notebook?: { kernel?: { is_connected?: () => boolean } } } }).Jupyter;
        return !!j?.notebook?.kernel?.is_connected?.();
      },
      undefined,
      { timeout: 120_000 },
    );
    // Cell ▸ Run All, as a reader would.
    await page.click('#celllink');
    await page.click('#run_all_cells');
    await page.waitForSelector('.js-plotly-plot .main-svg', { timeout: 180_000 });
    // Wait for the last code cell to finish (its prompt shows a number instead of "*").
    await page.waitForFunction(
      () => {
        // Runs in the page; typed loosely because the project compiles without the DOM library.
        const doc = (globalThis as unknown as { document: { querySelectorAll: (s: string) => ArrayLike<{ textContent: string | null }> } }).document;
        const prompts = Array.from(doc.querySelectorAll('.code_cell .input_prompt'));
        return prompts.length > 0 && prompts.every((p) => /\[\d+\]/.test(p.textContent ?? ''));
      },
      undefined,
      { timeout: 180_000 },
    );
    const traces = await page.locator('.js-plotly-plot .scatterlayer .trace').count();
    expect(traces).toBe(2); // the line of equality and the Lorenz curve
    const svgText = await page.locator('.js-plotly-plot').first().evaluate((el) => el.textContent ?? '');
    expect(svgText).toContain('Lorenz curve of doctors across five regions');
    expect(await page.locator('.output_error').count()).toBe(0);
    expect(await page.locator('.output_stderr').count()).toBe(0);
    expect(await page.locator('.output_area').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/Gini \(population-weighted\) = 0\.1967/)]),
    );
    await page.locator('.js-plotly-plot').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'primer-live-notebook.png'), fullPage: false });
    // Nothing outside 127.0.0.1 was needed for the chart.
    expect(blocked.filter((u) => /plotly/i.test(u))).toEqual([]);
    await context.close();
  }, 400_000);

  it('renders the chart of the exported HTML report opened from disk with the network blocked', async () => {
    const nb = await runNotebook('00-primer-1-lorenz-gini.ipynb');
    expect(nb.run.htmlPath).not.toBeNull();
    expect(existsSync(nb.run.htmlPath!)).toBe(true);
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, offline: true });
    const requested: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      requested.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    await page.goto(`file://${nb.run.htmlPath}`);
    await page.waitForSelector('.js-plotly-plot .main-svg', { timeout: 60_000 });
    expect(await page.locator('.js-plotly-plot .scatterlayer .trace').count()).toBe(2);
    // The static fallback image was replaced by the interactive chart.
    expect(await page.locator('.equilab-figure .equilab-png-fallback').count()).toBe(0);
    await page.locator('.js-plotly-plot').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'primer-exported-html.png') });
    // No request for plotly.js left the machine.
    expect(requested.filter((u) => /plotly/i.test(u))).toEqual([]);
    await context.close();
  }, 300_000);

  it('shows the static PNG when JavaScript is off (viewers such as GitHub)', async () => {
    const nb = await runNotebook('00-primer-1-lorenz-gini.ipynb');
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.goto(`file://${nb.run.htmlPath}`);
    const img = page.locator('.equilab-figure img.equilab-png-fallback').first();
    await expect.poll(() => img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(300);
    await img.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'primer-no-javascript.png') });
    await context.close();
  }, 120_000);
});
