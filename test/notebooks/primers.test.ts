/**
 * The six teaching primers (notebooks/00-primer-1-… to 00-primer-6-…) as a course:
 * - each follows the layout (at least three cells tagged `exercise`, each calling `check('<id>', answer)` with
 *   `answer = undefined`; one cell tagged `solution` per exercise, after a "Solutions" heading at the end) and the
 *   readability limits (no code cell over 15 lines or 100 characters wide);
 * - each executes cleanly as committed: every exercise prints "not answered yet", every solution "correct";
 * - a copy with the solutions filled into the exercise cells (written under out/test/primers/, never notebooks/)
 *   prints "correct" for every exercise, and a wrong answer added after each exercise prints its hint.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { EXERCISES, exerciseIds, expectedValue } from '../../lib/teaching/index';
import { errorOutputs, executeNotebookFile, expectCleanRun, ExecutedNotebook, NotebookOutput, outputText, root, runNotebook } from '../helpers/notebooks';

interface Cell {
  cell_type: string;
  metadata: { tags?: string[] };
  source: string | string[];
  outputs?: NotebookOutput[];
  execution_count?: number | null;
}

const text = (s: string | string[]): string => (Array.isArray(s) ? s.join('') : s);
const tagged = (cell: Cell, tag: string): boolean => (cell.metadata.tags ?? []).includes(tag);
const idOf = (cell: Cell): string => {
  const match = /check\('([a-z]+-\d+)',/.exec(text(cell.source));
  if (!match) throw new Error(`no check('<id>', …) call in:\n${text(cell.source)}`);
  return match[1];
};
const hintOf = (id: string): string => (EXERCISES as Record<string, { hint: string }>)[id].hint;
const cellText = (cell: Cell): string =>
  (cell.outputs ?? []).map((o) => (o.output_type === 'stream' ? text(o.text ?? '') : text(o.data?.['text/plain'] ?? ''))).join('');

const primers = readdirSync(path.join(root, 'notebooks')).filter((f) => /^00-primer-\d-.+\.ipynb$/.test(f)).sort();
const load = (name: string): Cell[] => JSON.parse(readFileSync(path.join(root, 'notebooks', name), 'utf8')).cells;
const numberOf = (name: string): number => Number(/^00-primer-(\d)-/.exec(name)![1]);

it('the course has six primers, numbered 1 to 6, and the old single primer is gone', () => {
  expect(primers).toEqual([
    '00-primer-1-lorenz-gini.ipynb',
    '00-primer-2-theil.ipynb',
    '00-primer-3-concentration.ipynb',
    '00-primer-4-agglomeration.ipynb',
    '00-primer-5-grey-forecast.ipynb',
    '00-primer-6-uncertainty.ipynb',
  ]);
  expect(readdirSync(path.join(root, 'notebooks'))).not.toContain('00-primer.ipynb');
});

describe.each(primers)('%s', (name) => {
  const cells = load(name);
  const primer = numberOf(name);
  const exercises = cells.filter((c) => tagged(c, 'exercise'));
  const solutions = cells.filter((c) => tagged(c, 'solution'));

  it('has at least three exercises of its own, each with one solution under "Solutions" at the end', () => {
    expect(exercises.length).toBeGreaterThanOrEqual(3);
    const ids = exercises.map(idOf);
    expect(ids).toEqual(exerciseIds(primer));
    for (const cell of exercises) {
      expect(cell.cell_type).toBe('code');
      expect(text(cell.source)).toContain('const answer = undefined;');
      expect(text(cell.source)).toContain(`check('${idOf(cell)}', answer);`);
    }
    expect(solutions.map(idOf)).toEqual(ids);
    const heading = cells.findIndex((c) => c.cell_type === 'markdown' && /^## Solutions$/m.test(text(c.source)));
    expect(heading).toBeGreaterThan(cells.indexOf(exercises[exercises.length - 1]));
    // Everything after the heading is a solution: the solutions close the primer.
    expect(cells.slice(heading + 1).every((c) => tagged(c, 'solution'))).toBe(true);
    expect(cells.slice(heading + 1).length).toBe(solutions.length);
  });

  it('keeps every code cell within 15 lines and 100 characters', () => {
    for (const cell of cells.filter((c) => c.cell_type === 'code')) {
      const lines = text(cell.source).split('\n');
      expect(lines.length, text(cell.source)).toBeLessThanOrEqual(15);
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(100);
    }
  });

  it('imports no danfo (a primer stays fast) and only from the entries ./lib/index, ./lib/display/index, ./lib/teaching/index', () => {
    const code = cells.filter((c) => c.cell_type === 'code').map((c) => text(c.source)).join('\n');
    expect(code).not.toMatch(/danfo/);
    const libImports = [...code.matchAll(/from '(\.\/lib[^']*)'/g)].map((m) => m[1]);
    expect(libImports.length).toBeGreaterThan(0);
    for (const specifier of libImports) expect(['./lib/index', './lib/display/index', './lib/teaching/index']).toContain(specifier);
  });

  it('executes cleanly as committed: exercises "not answered yet", solutions "correct", one chart or more', async () => {
    const nb = await runNotebook(name);
    expectCleanRun(nb);
    const run = nb.cells as unknown as Cell[];
    for (const cell of run.filter((c) => tagged(c, 'exercise'))) {
      expect(cellText(cell).trim()).toBe(`${idOf(cell)}: not answered yet (write your answer in place of undefined)`);
    }
    for (const cell of run.filter((c) => tagged(c, 'solution'))) {
      expect(cellText(cell)).toMatch(new RegExp(`^${idOf(cell)}: correct \\(within ±`));
    }
    const charts = run.flatMap((c) => (c.outputs ?? []).filter((o) => text(o.data?.['text/html'] ?? '').includes('equilab-figure')));
    expect(charts.length).toBeGreaterThanOrEqual(1);
  }, 30 * 60_000);

  it('with the solutions filled in every check says correct, and a wrong answer gets its hint', async () => {
    // The copy: each exercise cell's code replaced by its solution's, followed by a new cell with a wrong answer.
    const byId = new Map(solutions.map((c) => [idOf(c), text(c.source)]));
    const filled: Cell[] = [];
    for (const cell of cells) {
      if (!tagged(cell, 'exercise')) {
        filled.push(cell);
        continue;
      }
      const id = idOf(cell);
      filled.push({ ...cell, source: byId.get(id)!, metadata: { tags: ['exercise', 'filled'] } });
      const wrong = expectedValue(id) + 1;
      filled.push({ cell_type: 'code', metadata: { tags: ['wrong'] }, outputs: [], execution_count: null, source: `check('${id}', ${wrong});` });
    }
    const dir = path.join(root, 'out', 'test', 'primers');
    mkdirSync(path.join(dir, 'input'), { recursive: true });
    const file = path.join(dir, 'input', name);
    const notebook = JSON.parse(readFileSync(path.join(root, 'notebooks', name), 'utf8'));
    notebook.cells = filled.map((c, i) => ({ ...c, id: `filled-${i}` }));
    writeFileSync(file, JSON.stringify(notebook, null, 1));
    const run = await executeNotebookFile(file, dir);
    const executed = JSON.parse(readFileSync(run.executedPath, 'utf8')).cells as Cell[];
    const nb = { run, cells: executed, raw: '', html: null, outputDir: dir } as unknown as ExecutedNotebook;
    expect(run.status, run.error).toBe('ok');
    expect(errorOutputs(nb)).toEqual([]);
    expect(outputText(nb)).not.toContain('not answered yet');
    const answered = executed.filter((c) => tagged(c, 'filled'));
    expect(answered.length).toBe(exercises.length);
    for (const cell of answered) expect(cellText(cell)).toMatch(new RegExp(`^${idOf(cell)}: correct \\(within ±`));
    const wrongs = executed.filter((c) => tagged(c, 'wrong'));
    expect(wrongs.length).toBe(exercises.length);
    for (const cell of wrongs) {
      const id = idOf(cell);
      expect(cellText(cell).trim()).toBe(`${id}: not yet. Hint: ${hintOf(id)}`);
    }
  }, 30 * 60_000);
});
