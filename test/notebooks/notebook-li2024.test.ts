/**
 * notebooks/02-li2024-healthcare-consortium.ipynb (the walk-through) and 02a-li2024-audit.ipynb executed for real
 * (Jupyter + tslab, scripts/reproduce.mjs). The walk-through runs twice:
 * - on the default data (no EQUILAB_PHC_FILE): the province-level stages run on the labelled demonstration data;
 * - with the SYNTHETIC yearbook fixture in EQUILAB_PHC_FILE: the province-level path is taken and the paper's
 *   province-level cells are compared with it.
 * The tests read what the runs wrote — out/…/reproduction/li2024.csv, and the chart and table outputs of the
 * executed notebooks — never the wording of a console line: each record must equal, row for row, the one
 * lib/studies/li2024 computes here from the same inputs.
 */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsvObjects, parseCsvRecords } from '../../lib/data/csv';
import { reproductionCsv, summarizeReproduction } from '../../lib/studies/reproduction';
import { li2024Study, loadLi2024Inputs, loadLi2024ProvincePanel } from '../../lib/studies/li2024/index';
import { ExecutedNotebook, expectCleanRun, root, runNotebook } from '../helpers/notebooks';

const NOTEBOOK = '02-li2024-healthcare-consortium.ipynb';
const AUDIT = '02a-li2024-audit.ipynb';
// Synthetic fixture made by test/fixtures/make-fixtures.ts: invented numbers in the layout of
// data/templates/phc_workforce.csv, 31 provinces x 2012-2021 x 3 indicators. Never real yearbook data.
const FIXTURE = path.join(root, 'test', 'fixtures', 'synthetic_phc_workforce_31prov_2012_2021.csv');
const TIMEOUT = 30 * 60_000;
const PROVINCE_TABLES = ['Text 3.2.3', 'Table 4', 'Table 5'];

/** The reproduction record a run wrote (scripts/reproduce.mjs points EQUILAB_OUT_DIR at the run's output folder). */
const csvOf = (nb: ExecutedNotebook): string => path.join(nb.outputDir, 'reproduction', 'li2024.csv');

/** The plotly figures of an executed notebook (the JSON each chart output carries), by their title text. */
function figureTitles(nb: ExecutedNotebook): string[] {
  const titles: string[] = [];
  for (const cell of nb.cells) {
    for (const out of cell.outputs ?? []) {
      const html = [out.data?.['text/html'] ?? ''].flat().join('');
      if (!html.includes('equilab-figure')) continue;
      for (const m of html.matchAll(/"title":\{"text":"((?:[^"\\]|\\.)*)"/g)) titles.push(JSON.parse(`"${m[1]}"`));
    }
  }
  return titles;
}

/** The markdown outputs of an executed notebook (the readings it computed), in order. */
function markdownOutputs(nb: ExecutedNotebook): string[] {
  return nb.cells.flatMap((c) => (c.outputs ?? []).map((o) => [o.data?.['text/markdown'] ?? ''].flat().join('')).filter((t) => t !== ''));
}

describe('02-li2024 on the default data (demonstration path)', () => {
  let nb: ExecutedNotebook;
  let csv: string;
  beforeAll(async () => {
    nb = await runNotebook(NOTEBOOK);
    csv = readFileSync(csvOf(nb), 'utf8');
  }, TIMEOUT);

  it('executes every cell without an error', () => {
    expectCleanRun(nb);
  });

  it('writes the record lib/studies/li2024 computes, row for row, with the columns of a reproduction record', () => {
    expect(existsSync(csvOf(nb))).toBe(true);
    expect(parseCsvRecords(csv)[0].cells).toEqual(['table', 'row', 'column', 'published', 'reproduced', 'difference', 'tolerance', 'status', 'note']);
    expect(csv).toBe(reproductionCsv(li2024Study().rows));
  });

  it('keeps the reproduction record whole: >= 172 reproduced, <= 1 unexplained, every non-reproduced row with a note', () => {
    const record = parseCsvObjects(csv, 'li2024.csv');
    expect(record).toHaveLength(287);
    const count = (s: string): number => record.filter((r) => r.status === s).length;
    expect(count('reproduced')).toBeGreaterThanOrEqual(172);
    expect(count('unexplained')).toBeLessThanOrEqual(1);
    for (const r of record.filter((x) => x.status !== 'reproduced')) expect(r.note.length).toBeGreaterThan(20);
    // without a yearbook file the province-level cells name the missing input
    for (const r of record.filter((x) => PROVINCE_TABLES.includes(x.table))) {
      expect(r.status).toBe('not-reproducible');
      expect(r.note).toMatch(/^missing input: .*China Health Statistics Yearbook/);
    }
  });

  it('labels every province-level chart as the demonstration', () => {
    const titles = figureTitles(nb);
    const provinceCharts = titles.filter((t) => /Gini by population|Theil index \(ln\)|of the provinces/.test(t));
    expect(provinceCharts.length).toBeGreaterThanOrEqual(3);
    for (const t of provinceCharts) expect(t).toContain('<b>DEMONSTRATION</b>');
    // and the data cell says so first
    expect(markdownOutputs(nb)[0]).toMatch(/^> ⚠️ \*\*DEMONSTRATION — not Li et al.'s data/);
  });
});

describe('02-li2024 with a synthetic yearbook file in EQUILAB_PHC_FILE (province-level path)', () => {
  let nb: ExecutedNotebook;
  beforeAll(async () => {
    expect(existsSync(FIXTURE)).toBe(true);
    nb = await runNotebook(NOTEBOOK, { env: { EQUILAB_PHC_FILE: FIXTURE }, variant: 'synthetic-yearbook' });
  }, TIMEOUT);

  it('executes every cell without an error', () => {
    expectCleanRun(nb);
  });

  it("compares the paper's province-level cells with the file: the record equals the library's on the same file", async () => {
    const panel = await loadLi2024ProvincePanel(loadLi2024Inputs(), FIXTURE);
    const expected = li2024Study({ panel }).rows;
    const csv = readFileSync(csvOf(nb), 'utf8');
    expect(csv).toBe(reproductionCsv(expected));
    const record = parseCsvObjects(csv, 'li2024.csv');
    const province = record.filter((r) => PROVINCE_TABLES.includes(r.table));
    expect(province).toHaveLength(9 + 6 + 84);
    for (const r of province) {
      expect(r.status).not.toBe('not-reproducible');
      expect(r.reproduced).not.toBe('');
    }
    // the regional record is unchanged by the file
    const counts = summarizeReproduction(expected.filter((r) => !PROVINCE_TABLES.includes(r.table)));
    expect(counts.reproduced).toBeGreaterThanOrEqual(172);
  });

  it('takes the province-level path: no demonstration label anywhere', () => {
    for (const t of figureTitles(nb)) expect(t).not.toContain('DEMONSTRATION');
    expect(markdownOutputs(nb)[0]).toMatch(/^\*\*Province data:\*\* your file /);
  });
});

describe('02a-li2024-audit', () => {
  it('executes every cell without an error', async () => {
    expectCleanRun(await runNotebook(AUDIT));
  }, TIMEOUT);
});
