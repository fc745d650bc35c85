/**
 * Every notebook in notebooks/ is executed for real (Jupyter nbclient, the project-local tslab kernel, through
 * scripts/reproduce.mjs) and must run without an error; the committed notebooks must be clean; charts carry
 * plotly.js once per notebook and a PNG fallback; primer 1's computed Gini is checked against a hand calculation.
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { gini, lorenzCurve } from '../../lib/index';
import { PLOTLY_BUNDLE_MARKER } from '../../lib/display/notebook';
import { findChromium } from '../../lib/display/png';
import { errorOutputs, expectCleanRun, outputText, printedNumber, root, runNotebook } from '../helpers/notebooks';

const notebooks = readdirSync(path.join(root, 'notebooks')).filter((f) => f.endsWith('.ipynb')).sort();

describe('committed notebooks are clean', () => {
  it.each(notebooks)('%s has no outputs and no execution counts, and uses the Equilab kernel', (name) => {
    const nb = JSON.parse(readFileSync(path.join(root, 'notebooks', name), 'utf8'));
    expect(nb.nbformat).toBe(4);
    expect(nb.metadata.kernelspec.name).toBe('equilab-tslab');
    const code = nb.cells.filter((c: { cell_type: string }) => c.cell_type === 'code');
    expect(code.length).toBeGreaterThan(0);
    for (const cell of code) {
      expect(cell.outputs).toEqual([]);
      expect(cell.execution_count).toBeNull();
    }
  });
});

describe.each(notebooks)('notebook %s executed through Jupyter', (name) => {
  it('runs every cell without an error', async () => {
    const nb = await runNotebook(name);
    expectCleanRun(nb);
  }, 30 * 60_000);

  it('carries plotly.js at most once, and every chart has its HTML and a PNG fallback', async () => {
    const nb = await runNotebook(name);
    const copies = nb.raw.split(`class=\\"${PLOTLY_BUNDLE_MARKER}\\"`).length - 1;
    const charts = nb.cells.flatMap((c) => (c.outputs ?? []).filter((o) => o.data && String(o.data['text/html'] ?? '').includes('equilab-figure')));
    if (charts.length > 0) expect(copies).toBe(1);
    else expect(copies).toBeLessThanOrEqual(1);
    // plotly.js is inlined from node_modules: no output loads a script from anywhere.
    const scriptSources = nb.cells.flatMap((c) =>
      (c.outputs ?? []).flatMap((o) => [...String([o.data?.['text/html'] ?? ''].flat().join('')).matchAll(/<script[^>]*\ssrc=/gi)].map((m) => m[0])),
    );
    expect(scriptSources).toEqual([]);
    for (const chart of charts) {
      if (findChromium()) expect(Object.keys(chart.data ?? {})).toContain('image/png');
      expect(String(chart.data?.['text/html'])).toContain('equilab-png-fallback');
    }
    expect(nb.html).not.toBeNull();
  }, 30 * 60_000);
});

describe('the README reports what the study notebooks print', () => {
  // Each study notebook writes <study>.summary.txt beside its reproduction CSV (lib/reproduction.ts).
  const studies: Array<[string, string]> = [
    ['01-fu2023-general-practitioners.ipynb', 'fu2023'],
    ['02-li2024-healthcare-consortium.ipynb', 'li2024'],
  ];
  it.each(studies)('%s: its summary line (%s) stands in README.md as printed', async (name, study) => {
    const nb = await runNotebook(name);
    const line = readFileSync(path.join(nb.outputDir, 'reproduction', `${study}.summary.txt`), 'utf8').trim();
    const counts = line.split(' (and ')[0];
    expect(counts).toMatch(new RegExp(`^${study}: \\d+ reproduced, \\d+ explained, \\d+ unexplained of \\d+$`));
    expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toContain(counts);
  }, 30 * 60_000);
});

describe('00-primer-1-lorenz-gini computes what a hand calculation gives', () => {
  // Toy allocation of the primer: population (millions) and doctors of five regions.
  const population = [12, 30, 8, 25, 15];
  const doctors = [36_000, 54_000, 32_000, 40_000, 18_000];
  const perThousand = doctors.map((d, i) => d / (population[i] * 1_000));

  it('prints the population-weighted Gini of the toy allocation', async () => {
    const text = outputText(await runNotebook('00-primer-1-lorenz-gini.ipynb'));
    // By hand (Li et al. Eq. 1 over the regions sorted by density: Centre, West, East, North, South):
    // G = 1 - [15·18 + 25·(58+18) + 30·(112+58) + 12·(148+112) + 8·(180+148)] / (90·180) = 3186/16200 = 0.19667
    expect(printedNumber(text, 'Gini (population-weighted) =')).toBeCloseTo(3186 / 16200, 4);
    expect(printedNumber(text, '1 - sum of trapezoids       =')).toBeCloseTo(3186 / 16200, 4);
    expect(gini(perThousand, population)).toBeCloseTo(3186 / 16200, 12);
  }, 30 * 60_000);

  it('uses simple-statistics inside the kernel: plain mean 11.6/5 = 2.32, national and weighted mean 180000/90000 = 2.00', async () => {
    const text = outputText(await runNotebook('00-primer-1-lorenz-gini.ipynb'));
    expect(printedNumber(text, 'mean of the five regional densities (simple-statistics) =')).toBe(2.32);
    expect(printedNumber(text, 'national density, all doctors / all people              =')).toBe(2);
    expect(printedNumber(text, 'population-weighted mean of the densities               =')).toBe(2);
  }, 30 * 60_000);

  it('still runs without Chromium, and says the PNG fallback was skipped', async () => {
    const nb = await runNotebook('00-primer-1-lorenz-gini.ipynb', { env: { EQUILAB_CHROMIUM: '/nonexistent/chromium' }, variant: 'no-chromium' });
    expect(nb.run.status).toBe('ok');
    expect(errorOutputs(nb)).toEqual([]);
    expect(outputText(nb)).toContain('PNG fallback skipped: Chromium not found (EQUILAB_CHROMIUM=/nonexistent/chromium does not exist');
    const charts = nb.cells.flatMap((c) => (c.outputs ?? []).filter((o) => o.data && String([o.data['text/html'] ?? ''].flat().join('')).includes('equilab-figure')));
    expect(charts.length).toBe(1);
    // No PNG, but the interactive chart and a note for viewers without JavaScript.
    expect(Object.keys(charts[0].data ?? {})).not.toContain('image/png');
    expect([charts[0].data?.['text/html'] ?? ''].flat().join('')).toContain('the interactive chart needs JavaScript');
  }, 30 * 60_000);

  it('shows the Lorenz curve as a Plotly chart with the line of equality and the curve', async () => {
    const nb = await runNotebook('00-primer-1-lorenz-gini.ipynb');
    const html = nb.cells
      .flatMap((c) => c.outputs ?? [])
      .map((o) => (o.data ? [o.data['text/html']].flat().join('') : ''))
      .find((h) => h.includes('equilab-figure'));
    expect(html).toBeDefined();
    expect(html).toContain('Line of equality');
    const curve = lorenzCurve(perThousand, population);
    // The chart's curve ends at (1, 1) and has one point per region plus the origin.
    expect(curve.p.length).toBe(6);
    expect(html).toContain('Lorenz curve of doctors across five regions');
  }, 30 * 60_000);
});
