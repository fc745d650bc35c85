import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { compareCell, reproductionCsv, reproductionSummaryLine, roundingTolerance, summarizeReproduction, writeReproduction } from '../../lib/studies/reproduction';

describe('roundingTolerance', () => {
  it('is half a unit of the last printed digit', () => {
    expect(roundingTolerance('0.3123')).toBeCloseTo(5e-5, 15);
    expect(roundingTolerance('18.19')).toBeCloseTo(0.005, 15);
    expect(roundingTolerance('109,794')).toBe(0.5);
    expect(roundingTolerance('56.33%')).toBeCloseTo(0.005, 15);
  });
  it('refuses text that is not a number', () => {
    expect(() => roundingTolerance('n/a')).toThrow(/not a printed number/);
  });
});

describe('compareCell', () => {
  const cell = { table: 'Table 6', row: 'Population', column: '2012', published: 0.3123 };

  it('is reproduced within the tolerance, including exactly half a printed unit', () => {
    expect(compareCell({ ...cell, reproduced: 0.31234, tolerance: 5e-5 }).status).toBe('reproduced');
    expect(compareCell({ ...cell, reproduced: 0.31235, tolerance: 5e-5 }).status).toBe('reproduced');
  });

  it('is explained or unexplained outside it, and keeps the difference', () => {
    const explained = compareCell({ ...cell, reproduced: 0.3137, tolerance: 5e-5, explanation: 'revised population' });
    expect(explained).toMatchObject({ status: 'explained', note: 'revised population' });
    expect(explained.difference).toBeCloseTo(0.0014, 12);
    expect(compareCell({ ...cell, reproduced: 0.3137, tolerance: 5e-5 }).status).toBe('unexplained');
  });

  it('is not-reproducible without a value, and then names the missing input', () => {
    expect(compareCell({ ...cell, reproduced: null, missingInput: 'physician counts' })).toMatchObject({
      status: 'not-reproducible',
      note: 'missing input: physician counts',
      difference: null,
    });
    expect(() => compareCell({ ...cell, reproduced: null })).toThrow(/name the missing input/);
  });

  it('needs a tolerance and finite numbers', () => {
    expect(() => compareCell({ ...cell, reproduced: 0.3 })).toThrow(/tolerance/);
    expect(() => compareCell({ ...cell, reproduced: NaN, tolerance: 1 })).toThrow(/not finite/);
  });
});

describe('reproduction CSV', () => {
  const rows = [
    compareCell({ table: 'Table 7', row: '2012', column: 'Theil, population', published: 0.0742, reproduced: 0.07425, tolerance: 5e-5 }),
    compareCell({ table: 'Table 3', row: 'Total', column: '2012', published: 4.2, reproduced: null, missingInput: 'physicians, "by province"' }),
  ];

  it('has the issue columns and quotes fields with commas or quotes', () => {
    const lines = reproductionCsv(rows).trim().split('\n');
    expect(lines[0]).toBe('table,row,column,published,reproduced,difference,tolerance,status,note');
    expect(lines[1]).toMatch(/^Table 7,2012,"Theil, population",0\.0742,0\.07425,/);
    expect(lines[2]).toBe('Table 3,Total,2012,4.2,,,,not-reproducible,"missing input: physicians, ""by province"""');
  });

  it('writes the file and counts statuses', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'equilab-'));
    const file = writeReproduction('study', rows, dir);
    expect(readFileSync(file, 'utf8')).toBe(reproductionCsv(rows));
    expect(summarizeReproduction(rows)).toEqual({ reproduced: 1, explained: 0, unexplained: 0, 'not-reproducible': 1, total: 2 });
    expect(readFileSync(path.join(dir, 'study.summary.txt'), 'utf8')).toBe(
      'study: 1 reproduced, 0 explained, 0 unexplained of 1 (and 1 cells not reproducible from public data)\n',
    );
    expect(reproductionSummaryLine('study', rows)).toBe('study: 1 reproduced, 0 explained, 0 unexplained of 1 (and 1 cells not reproducible from public data)');
  });
});
