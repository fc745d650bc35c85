/**
 * notebooks/02-li2024-healthcare-consortium.ipynb executed for real (Jupyter + tslab, scripts/reproduce.mjs), twice:
 * - on the default data (no EQUILAB_PHC_FILE): the province-level section runs on the labelled demonstration data;
 * - with the SYNTHETIC yearbook fixture passed in EQUILAB_PHC_FILE: the province-level path must be taken, and its
 *   printed numbers must equal what the library computes here from the same fixture.
 * The reproduction record out/reproduction/li2024.csv is checked for its columns, Table 2 and every Table 5 model.
 */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gini, gm11, loadPopulation, loadRegions, readProvinceTable, ProvinceTableResult } from '../../lib/index';
import { parseCsvObjects, parseCsvRecords } from '../../lib/data/csv';
import { expectCleanRun, ExecutedNotebook, outputText, printedNumber, root, runNotebook } from '../helpers/notebooks';

const NOTEBOOK = '02-li2024-healthcare-consortium.ipynb';
// Synthetic fixture made by test/fixtures/make-fixtures.ts: invented numbers in the layout of
// data/templates/phc_workforce.csv, 31 provinces x 2012-2021 x 3 indicators. Never real yearbook data.
const FIXTURE = path.join(root, 'test', 'fixtures', 'synthetic_phc_workforce_31prov_2012_2021.csv');
const TIMEOUT = 30 * 60_000;

/** The reproduction record a run wrote (scripts/reproduce.mjs points EQUILAB_OUT_DIR at the run's output folder). */
const csvOf = (nb: ExecutedNotebook): string => path.join(nb.outputDir, 'reproduction', 'li2024.csv');

function readRecord(file: string): Record<string, string>[] {
  return parseCsvObjects(readFileSync(file, 'utf8'), file);
}

describe('02-li2024 on the default data (demonstration path)', () => {
  let nb: ExecutedNotebook;
  let text: string;
  beforeAll(async () => {
    nb = await runNotebook(NOTEBOOK);
    text = outputText(nb);
  }, TIMEOUT);

  it('executes every cell without an error', () => {
    expectCleanRun(nb);
  });

  it('says which data path is active and labels the demonstration as such', () => {
    expect(text).toContain('Active province-level data path: DEMONSTRATION');
    expect(text).toContain('province-level data path: demonstration');
    // the banner precedes the demonstration outputs (several cells), and the charts carry the tag in their titles
    expect(text.split("DEMONSTRATION — not Li et al.'s data, not the paper's result").length - 1).toBeGreaterThanOrEqual(6);
    expect(nb.raw).toContain('<b>DEMONSTRATION</b>');
  });

  it('reproduces all 63 per-1,000 values of Table 2 within half a printed unit', () => {
    expect(text).toContain('Table 2 per-1,000 reproduced: 63 of 63');
  });

  it('runs the GM(1,1) direct fit and the hold-out check on the demonstration series', () => {
    expect(printedNumber(text, 'hold-out MAPE [gp national, fit 2012-2016, forecast 2017-2019] =')).toBeGreaterThan(0);
  });
});

describe('02-li2024 with a synthetic yearbook file in EQUILAB_PHC_FILE (province-level path)', () => {
  let nb: ExecutedNotebook;
  let text: string;
  let table: ProvinceTableResult;
  beforeAll(async () => {
    expect(existsSync(FIXTURE)).toBe(true);
    nb = await runNotebook(NOTEBOOK, { env: { EQUILAB_PHC_FILE: FIXTURE }, variant: 'synthetic-yearbook' });
    text = outputText(nb);
    table = await readProvinceTable(FIXTURE, { layout: 'long', comment: '#', requireAllProvinces: true });
  }, TIMEOUT);

  it('executes every cell without an error', () => {
    expectCleanRun(nb);
  });

  it('takes the province-level path on the user file, not the demonstration', () => {
    expect(text).toContain(`Active province-level data path: USER FILE ${FIXTURE}`);
    expect(text).toContain('province-level data path: user; indicators: phc_health_technical_personnel, phc_practising_physicians, phc_registered_nurses');
    expect(text).not.toContain("DEMONSTRATION — not Li et al.'s data");
  });

  it('prints the province-level Gini that gini() gives for the same fixture and population', () => {
    // Li et al.'s population (notebook Section 1.3): first-published up to 2019, revised from 2020 (10,000 persons).
    const cases: Array<[string, number, 'first-published' | 'revised']> = [
      ['phc_health_technical_personnel', 2021, 'revised'],
      ['phc_registered_nurses', 2012, 'first-published'],
      ['phc_practising_physicians', 2016, 'first-published'],
    ];
    for (const [indicator, year, vintage] of cases) {
      const pop = new Map(loadPopulation({ vintage }).rows.filter((r) => r.year === year).map((r) => [r.provinceCode, r.value]));
      const rows = table.rows.filter((r) => r.indicator === indicator && r.year === year);
      expect(rows).toHaveLength(31);
      const weights = rows.map((r) => pop.get(r.provinceCode) as number);
      const perThousand = rows.map((r, i) => r.value / (10 * weights[i]));
      const expected = gini(perThousand, weights);
      // printed with 6 decimals: half a unit of the last digit
      expect(Math.abs(printedNumber(text, `province-level Gini [${indicator} ${year}] =`) - expected)).toBeLessThanOrEqual(5e-7);
    }
  });

  it('fits GM(1,1) to the full series and runs the hold-out check (fit 2012-2018, forecast 2019-2021)', () => {
    // national health technical personnel: the fixture summed over the 31 provinces
    const years = Array.from({ length: 10 }, (_, i) => 2012 + i);
    const series = years.map((y) => table.rows.filter((r) => r.indicator === 'phc_health_technical_personnel' && r.year === y).reduce((s, r) => s + r.value, 0));
    const train = gm11(series.slice(0, 7), { times: years.slice(0, 7) });
    const forecast = train.forecast(3);
    const mape = (100 * forecast.reduce((s, f, i) => s + Math.abs(f / series[7 + i] - 1), 0)) / 3;
    const label = 'hold-out MAPE [phc_health_technical_personnel national, fit 2012-2018, forecast 2019-2021] =';
    expect(Math.abs(printedNumber(text, label) - mape)).toBeLessThanOrEqual(5e-5);
    // every region and indicator was checked
    const regions = [...new Set(loadRegions('li2024').map((m) => m.region)), 'national'];
    for (const ind of ['phc_health_technical_personnel', 'phc_practising_physicians', 'phc_registered_nurses']) {
      for (const region of regions) expect(text).toContain(`hold-out MAPE [${ind} ${region}, fit 2012-2018, forecast 2019-2021]`);
    }
  });

  it("compares the paper's province-level cells with the file instead of marking them not reproducible", () => {
    const record = readRecord(csvOf(nb));
    const provinceCells = record.filter((r) => r.table === 'Text 3.2.3' || r.table === 'Table 4' || r.table === 'Table 5');
    expect(provinceCells).toHaveLength(9 + 6 + 84);
    for (const r of provinceCells) {
      expect(r.status).not.toBe('not-reproducible');
      expect(r.reproduced).not.toBe('');
    }
  });
});

describe('out/reproduction/li2024.csv of the default run', () => {
  let record: Record<string, string>[];
  let csv: string;
  beforeAll(async () => {
    csv = csvOf(await runNotebook(NOTEBOOK));
    record = readRecord(csv);
  }, TIMEOUT);

  it('exists with the columns of the reproduction records', () => {
    expect(existsSync(csv)).toBe(true);
    const header = parseCsvRecords(readFileSync(csv, 'utf8'))[0].cells;
    expect(header).toEqual(['table', 'row', 'column', 'published', 'reproduced', 'difference', 'tolerance', 'status', 'note']);
    for (const r of record) expect(['reproduced', 'explained', 'unexplained', 'not-reproducible']).toContain(r.status);
    // an explained or not-reproducible cell always says why
    for (const r of record.filter((x) => x.status === 'explained' || x.status === 'not-reproducible')) expect(r.note.length).toBeGreaterThan(20);
  });

  it("has Table 2's 63 per-1,000 cells, each reproduced within half a printed unit (0.005)", () => {
    const perThousand = record.filter((r) => r.table === 'Table 2' && r.column.endsWith('per 1,000'));
    expect(perThousand).toHaveLength(63);
    for (const r of perThousand) {
      expect(r.status).toBe('reproduced');
      expect(Number(r.tolerance)).toBe(0.005);
      expect(Math.abs(Number(r.reproduced) - Number(r.published))).toBeLessThanOrEqual(0.005 + 1e-12);
    }
  });

  it('has a row for every one of the 21 Table 5 models, and flags the national nurses model', () => {
    for (let row = 1; row <= 21; row++) {
      const check = record.filter((r) => r.table === 'Table 5 vs Table 2' && r.row.endsWith(`(printed row ${row})`));
      expect(check.map((r) => r.column).sort()).toEqual(['fitted 2016 total', 'fitted 2021 total']);
      const cells = record.filter((r) => r.table === 'Table 5' && r.row.endsWith(`(printed row ${row})`));
      expect(cells.map((r) => r.column).sort()).toEqual(['C', 'P', 'a', 'u']);
    }
    // corrected row assignment: rows 1-7 health technical personnel, 8-14 physicians, 15-21 nurses
    expect(record.find((r) => r.table === 'Table 5 vs Table 2' && r.row.endsWith('(printed row 7)'))?.row).toMatch(/^Health technical personnel, National/);
    expect(record.find((r) => r.table === 'Table 5 vs Table 2' && r.row.endsWith('(printed row 14)'))?.row).toMatch(/^Practising physicians, National/);
    const nurses = record.filter((r) => r.table === 'Table 5 vs Table 2' && r.row.endsWith('(printed row 21)'));
    for (const r of nurses) {
      expect(r.status).toBe('explained');
      expect(r.note).toMatch(/cannot describe the national nurses series/);
    }
    // the other 20 models are consistent with their printed accuracy (P = 1.000 bound)
    const others = record.filter((r) => r.table === 'Table 5 vs Table 2' && !r.row.endsWith('(printed row 21)'));
    expect(others).toHaveLength(40);
    for (const r of others) expect(r.status).toBe('reproduced');
  });

  it('names the missing input of every cell that needs the province-level yearbook data', () => {
    const provinceCells = record.filter((r) => r.table === 'Text 3.2.3' || r.table === 'Table 4' || r.table === 'Table 5');
    expect(provinceCells).toHaveLength(9 + 6 + 84);
    for (const r of provinceCells) {
      expect(r.status).toBe('not-reproducible');
      expect(r.note).toMatch(/^missing input: .*(China Health Statistics Yearbook)/);
    }
  });

  it('records the regional rows of Table 3 as reproduced and explains the national row', () => {
    const t3 = record.filter((r) => r.table === 'Table 3');
    expect(t3).toHaveLength(63);
    for (const r of t3.filter((x) => x.row !== 'National')) expect(r.status).toBe('reproduced');
    for (const r of t3.filter((x) => x.row === 'National')) {
      if (r.status !== 'reproduced') {
        expect(r.status).toBe('explained');
        expect(r.note).toMatch(/rounded per-1,000 values/);
      }
    }
  });
});
