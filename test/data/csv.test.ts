/**
 * lib/data/csv.ts: the one CSV reader and writer of lib/ and scripts/. Values derived by hand from RFC 4180
 * (quote a field with a comma, quote or line break; double inner quotes), round trips through the parser, and the
 * files it writes.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { csvField, formatCsv, parseCsvObjects, parseCsvRecords, writeCsvFile, writeTextFile } from '../../lib/data/csv';

let tmp = '';
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'equilab-csv-'));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('csvField', () => {
  it('quotes only what RFC 4180 requires', () => {
    expect(csvField('Beijing')).toBe('Beijing');
    expect(csvField(' padded ')).toBe(' padded ');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField('')).toBe('');
  });

  it('writes numbers with 12 significant digits, booleans as true/false, null and undefined as empty', () => {
    expect(csvField(0.1 + 0.2)).toBe('0.3');
    expect(csvField(1 / 3)).toBe('0.333333333333');
    expect(csvField(109794)).toBe('109794');
    expect(csvField(-0.0742)).toBe('-0.0742');
    expect(csvField(1e-7)).toBe('1e-7');
    expect(csvField(true)).toBe('true');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('is the number format of the former reproduction-record writer (String(Number(x.toPrecision(12))))', () => {
    for (const x of [0.07425, 1 / 7, 123456.789012345, 5e-5, 0.000049999999, 2 ** 40]) {
      expect(csvField(x)).toBe(String(Number(x.toPrecision(12))));
    }
  });

  it('refuses values a CSV cannot hold', () => {
    expect(() => csvField(NaN)).toThrow(RangeError);
    expect(() => csvField(Infinity)).toThrow(/Infinity cannot be written/);
    expect(() => csvField({} as unknown as string)).toThrow(TypeError);
    expect(() => csvField([1] as unknown as string)).toThrow(/got an array/);
  });
});

describe('formatCsv', () => {
  const columns = ['province', 'year', 'value', 'note'] as const;
  const records = Object.freeze([
    Object.freeze({ province: 'Beijing', year: 2012, value: 0.81, note: 'as printed, "0.81"' }),
    Object.freeze({ province: '内蒙古自治区', year: 2013, value: null, note: 'line one\nline two' }),
    Object.freeze({ province: 'Tibet', year: 2014 }),
  ]);

  it('writes a header, one line per record in column order, LF line ends and a final line end', () => {
    expect(formatCsv(columns, records)).toBe(
      'province,year,value,note\nBeijing,2012,0.81,"as printed, ""0.81"""\n内蒙古自治区,2013,,"line one\nline two"\nTibet,2014,,\n',
    );
    expect(formatCsv(['a'], [])).toBe('a\n');
  });

  it('round-trips through the parser', () => {
    const back = parseCsvObjects(formatCsv(columns, records), 'memory');
    expect(back).toEqual([
      { province: 'Beijing', year: '2012', value: '0.81', note: 'as printed, "0.81"' },
      { province: '内蒙古自治区', year: '2013', value: '', note: 'line one\nline two' },
      { province: 'Tibet', year: '2014', value: '', note: '' },
    ]);
    // the record starting on line 3 spans two lines; the next starts on line 5
    expect(parseCsvRecords(formatCsv(columns, records)).map((r) => r.line)).toEqual([1, 2, 3, 5]);
  });
});

describe('writeCsvFile and writeTextFile', () => {
  it('create the folder and write UTF-8', () => {
    const file = writeCsvFile(path.join(tmp, 'a', 'b', 'table.csv'), ['unit', 'value'], [{ unit: 'Zürich, Kreis 1', value: 2 }]);
    expect(file).toBe(path.join(tmp, 'a', 'b', 'table.csv'));
    expect(readFileSync(file, 'utf8')).toBe('unit,value\n"Zürich, Kreis 1",2\n');
    const text = writeTextFile(path.join(tmp, 'c', 'note.txt'), '北京\n');
    expect(readFileSync(text)).toEqual(Buffer.from('北京\n', 'utf8'));
  });
});
