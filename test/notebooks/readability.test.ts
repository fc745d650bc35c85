/**
 * Notebooks are for reading (issue 10, STYLE.md): in EVERY notebook under notebooks/ (subfolders such as
 * templates/ included) no code cell is longer than 15 lines or wider than 100 characters (Notebook 6's page is
 * about 940 px wide), and the notebook is committed clean (no outputs, no execution counts). The study
 * walk-throughs (01-*, 02-*; not their audits 01a-*, 02a-*) have at most 40 cells and 12,000 characters of code.
 * Each failure lists every violation: notebook, cell (0-based, as in Jupyter's order), and what.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';

const NOTEBOOKS = path.resolve(__dirname, '..', '..', 'notebooks');
const MAX_LINES = 15;
const MAX_WIDTH = 100;
const WALKTHROUGH_CELLS = 40;
const WALKTHROUGH_CODE_CHARS = 12_000;

interface Cell {
  cell_type: string;
  source: string | string[];
  outputs?: unknown[];
  execution_count?: number | null;
}

function notebookFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((entry) => {
    const full = path.join(dir, entry);
    if (entry.startsWith('.')) return [];
    if (statSync(full).isDirectory()) return notebookFiles(full);
    return entry.endsWith('.ipynb') ? [full] : [];
  });
}

const text = (source: string | string[]): string => (Array.isArray(source) ? source.join('') : source);

/** A study walk-through: 01-…, 02-… (a number and a dash), not the audits 01a-…, 02a-…. */
export const isWalkthrough = (name: string): boolean => /^0[12]-/.test(name);

/** Every readability violation of one notebook, as 'cell N: what'. */
export function violations(name: string, cells: Cell[]): string[] {
  const out: string[] = [];
  let codeChars = 0;
  cells.forEach((cell, i) => {
    if (cell.cell_type !== 'code') return;
    const source = text(cell.source).replace(/\n+$/, '');
    codeChars += source.length;
    const lines = source.split('\n');
    if (lines.length > MAX_LINES) out.push(`cell ${i}: ${lines.length} lines (at most ${MAX_LINES})`);
    lines.forEach((line, k) => {
      const width = [...line].length;
      if (width > MAX_WIDTH) out.push(`cell ${i}, line ${k + 1}: ${width} characters wide (at most ${MAX_WIDTH})`);
    });
    if ((cell.outputs?.length ?? 0) > 0) out.push(`cell ${i}: committed with outputs`);
    if (cell.execution_count !== null && cell.execution_count !== undefined) out.push(`cell ${i}: committed with an execution count`);
  });
  if (isWalkthrough(name)) {
    if (cells.length > WALKTHROUGH_CELLS) out.push(`${cells.length} cells (a walk-through has at most ${WALKTHROUGH_CELLS})`);
    if (codeChars > WALKTHROUGH_CODE_CHARS) out.push(`${codeChars} characters of code (a walk-through has at most ${WALKTHROUGH_CODE_CHARS})`);
  }
  return out;
}

describe('the readability rules themselves', () => {
  const code = (source: string, extra: Partial<Cell> = {}): Cell => ({ cell_type: 'code', source, outputs: [], execution_count: null, ...extra });
  it('count lines, width, outputs and, for walk-throughs only, cells and characters', () => {
    const sixteen = Array.from({ length: 16 }, (_, i) => `x${i};`).join('\n');
    expect(violations('00-x.ipynb', [code(sixteen)])).toEqual(['cell 0: 16 lines (at most 15)']);
    expect(violations('00-x.ipynb', [code('a'.repeat(101))])).toEqual(['cell 0, line 1: 101 characters wide (at most 100)']);
    expect(violations('00-x.ipynb', [code('a'.repeat(100) + '\n')])).toEqual([]);
    expect(violations('00-x.ipynb', [code('x;', { outputs: [{}], execution_count: 3 })])).toHaveLength(2);
    const many = Array.from({ length: 41 }, () => ({ cell_type: 'markdown', source: 'm' }));
    expect(violations('01-fu.ipynb', many)).toEqual(['41 cells (a walk-through has at most 40)']);
    expect(violations('01a-fu-audit.ipynb', many)).toEqual([]);
    const big = Array.from({ length: 121 }, () => code('a'.repeat(100)));
    expect(violations('02-li.ipynb', big).pop()).toMatch(/12100 characters of code/);
  });
  it('recognise the walk-throughs by name', () => {
    expect(isWalkthrough('01-fu2023-general-practitioners.ipynb')).toBe(true);
    expect(isWalkthrough('02-li2024-healthcare-consortium.ipynb')).toBe(true);
    expect(isWalkthrough('01a-fu2023-audit.ipynb')).toBe(false);
    expect(isWalkthrough('00-primer.ipynb')).toBe(false);
  });
});

describe('every notebook under notebooks/ is readable', () => {
  const files = notebookFiles(NOTEBOOKS);
  it('finds the notebooks', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const file of files) {
    const name = path.relative(NOTEBOOKS, file);
    it(name, () => {
      const cells = (JSON.parse(readFileSync(file, 'utf8')) as { cells: Cell[] }).cells;
      const found = violations(path.basename(file), cells);
      expect(found, `${name}:\n  ${found.join('\n  ')}`).toEqual([]);
    });
  }
});
