/**
 * notebooks/01-fu2023-general-practitioners.ipynb (the walk-through) and 01a-fu2023-audit.ipynb (the audit),
 * executed for real (Jupyter + tslab, through scripts/reproduce.mjs). What is checked is structured: the
 * reproduction CSV the walk-through writes (against the records of lib/studies/fu2023, row for row), the kinds of
 * output each notebook displays (figures, tables, readings), the links from the walk-through to the audit's
 * sections — never the wording of a console line.
 */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsvObjects } from '../../lib/data/csv';
import { fu2023Reproduction } from '../../lib/studies/fu2023/index';
import { reproductionSummaryLine } from '../../lib/studies/reproduction';
import { expectCleanRun, ExecutedNotebook, runNotebook, root } from '../helpers/notebooks';

const WALKTHROUGH = '01-fu2023-general-practitioners.ipynb';
const AUDIT = '01a-fu2023-audit.ipynb';
const COLUMNS = ['table', 'row', 'column', 'published', 'reproduced', 'difference', 'tolerance', 'status', 'note'];

let walk: ExecutedNotebook;
let audit: ExecutedNotebook;
let csvPath: string;
let rows: Array<Record<string, string>> = [];

beforeAll(async () => {
  walk = await runNotebook(WALKTHROUGH);
  audit = await runNotebook(AUDIT);
  // The kernel runs with EQUILAB_OUT_DIR = this run's output directory, so writeReproduction() writes there.
  csvPath = path.join(walk.outputDir, 'reproduction', 'fu2023.csv');
  rows = existsSync(csvPath) ? parseCsvObjects(readFileSync(csvPath, 'utf8'), csvPath) : [];
}, 30 * 60_000);

/** The MIME types of every display output, per code cell that has outputs. */
const outputsOf = (nb: ExecutedNotebook, mime: string): string[] =>
  nb.cells.flatMap((c) => (c.outputs ?? []).filter((o) => o.data?.[mime] !== undefined)
    .map((o) => { const v = o.data?.[mime]; return Array.isArray(v) ? v.join('') : String(v); }));

describe('the Fu et al. notebooks execute', () => {
  it('the walk-through runs every cell with no error output', () => expectCleanRun(walk));
  it('the audit runs every cell with no error output', () => expectCleanRun(audit));
});

describe('out/reproduction/fu2023.csv, written by the walk-through', () => {
  it('has the record columns and one row per published cell of lib/studies/fu2023', () => {
    expect(readFileSync(csvPath, 'utf8').split('\n', 1)[0].split(',')).toEqual(COLUMNS);
    const records = fu2023Reproduction();
    expect(rows).toHaveLength(records.length);
    rows.forEach((r, k) => {
      const m = records[k];
      const where = `${m.table} ${m.row} ${m.column}`;
      expect([r.table, r.row, r.column, r.status, r.note], where).toEqual([m.table, m.row, m.column, m.status, m.note]);
      expect(Number(r.published), where).toBe(m.published);
      if (m.reproduced === null) expect(r.reproduced, where).toBe('');
      else expect(Number(r.reproduced), where).toBeCloseTo(m.reproduced, 9);
    });
  });

  it('keeps the record whole: >= 687 reproduced, <= 5 unexplained, each with what was tried (issue 10)', () => {
    const count = (s: string) => rows.filter((r) => r.status === s).length;
    // Before issue 10 the notebook wrote 947 rows: 687 reproduced, 39 explained, 5 unexplained, 216 not reproducible.
    expect(rows.length).toBe(947);
    expect(count('reproduced')).toBeGreaterThanOrEqual(687);
    expect(count('unexplained')).toBeLessThanOrEqual(5);
    for (const r of rows.filter((x) => x.status === 'unexplained')) expect(r.note).toMatch(/tried/i);
    for (const r of rows.filter((x) => x.status !== 'reproduced')) expect(r.note.length).toBeGreaterThan(10);
  });

  it('writes beside it the summary line that matches the file', () => {
    const summary = readFileSync(path.join(walk.outputDir, 'reproduction', 'fu2023.summary.txt'), 'utf8').trim();
    expect(summary).toBe(reproductionSummaryLine('fu2023', fu2023Reproduction()));
  });
});

describe('what the notebooks show', () => {
  it('the walk-through draws its charts and tables and computes its readings', () => {
    // Stage 0 line, two Lorenz curves, Gini lines, two Theil bar charts, the contributions, the heat map.
    expect(outputsOf(walk, 'image/png').length).toBeGreaterThanOrEqual(8);
    expect(outputsOf(walk, 'text/html').filter((h) => h.includes('equilab-table')).length).toBeGreaterThanOrEqual(8);
    const readings = outputsOf(walk, 'text/markdown');
    expect(readings.length).toBeGreaterThanOrEqual(6);
    for (const r of readings) expect(r).not.toMatch(/NaN|undefined|Infinity|\[object/);
  });

  it('the audit shows its evidence tables and readings', () => {
    expect(outputsOf(audit, 'text/html').filter((h) => h.includes('equilab-table')).length).toBeGreaterThanOrEqual(20);
    const readings = outputsOf(audit, 'text/markdown');
    expect(readings.length).toBeGreaterThanOrEqual(10);
    for (const r of readings) expect(r).not.toMatch(/NaN|undefined|Infinity|\[object/);
  });

  it('every link from the walk-through to the audit names a section the audit has', () => {
    const source = (file: string) => (JSON.parse(readFileSync(path.join(root, 'notebooks', file), 'utf8')) as {
      cells: Array<{ source: string | string[] }>;
    }).cells.map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source)).join('\n');
    const walkText = source(WALKTHROUGH) + outputsOf(walk, 'text/markdown').join('\n');
    const anchors = new Set([...source(AUDIT).matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]));
    const links = [...walkText.matchAll(/01a-fu2023-audit\.ipynb#([\w-]+)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThanOrEqual(6);
    for (const link of links) expect(anchors, link).toContain(link);
  });

  it('neither notebook names a path outside the repository', () => {
    for (const file of [WALKTHROUGH, AUDIT]) {
      const text = readFileSync(path.join(root, 'notebooks', file), 'utf8');
      expect(text, file).not.toMatch(/\.\.\/shared|shared\/seeds|\/work\//);
    }
  });
});
