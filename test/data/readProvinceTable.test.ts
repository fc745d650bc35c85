/**
 * readProvinceTable: the user's own yearbook tables. Happy paths on the SYNTHETIC fixtures of test/fixtures/
 * (UTF-8, BOM, GB18030, XLSX; long and wide; Chinese, English and pinyin names; thousands separators), then every
 * bad-input case with its message, file, row and column. Bad-input files are written to a temporary directory.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import * as iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { readProvinceTable, ProvinceTableError, parseTableNumber, dataPath } from '../../lib/data/index';
import { FILES, INDICATORS, PROVINCES, YEARS, bomWideCsv, fullTemplateCsv, gb18030Csv, syntheticValue, writeXlsx } from '../fixtures/make-fixtures';

const FIX = path.join(__dirname, '..', 'fixtures');
let tmp = '';
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'equilab-synthetic-'));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});
/** Write a synthetic bad-input file and return its path. */
const write = (name: string, content: string | Buffer) => {
  const file = path.join(tmp, name);
  writeFileSync(file, content);
  return file;
};
/** Run the reader expecting a ProvinceTableError; return it. */
async function problemsOf(file: string, options = {}): Promise<ProvinceTableError> {
  try {
    await readProvinceTable(file, options);
  } catch (e) {
    expect(e).toBeInstanceOf(ProvinceTableError);
    return e as ProvinceTableError;
  }
  throw new Error('expected a ProvinceTableError');
}
const HEADER = 'province,year,indicator,value\n';
/** Tiny bad-input files hold a few provinces on purpose: check completeness only over the provinces present. */
const PRESENT = { requireAllProvinces: false } as const;

describe('fixtures', () => {
  it('the committed CSV fixtures are exactly what make-fixtures.ts generates', () => {
    expect(readFileSync(path.join(FIX, FILES.full), 'utf8')).toBe(fullTemplateCsv());
    expect(readFileSync(path.join(FIX, FILES.gb18030))).toEqual(gb18030Csv());
    expect(readFileSync(path.join(FIX, FILES.bomWide), 'utf8')).toBe(bomWideCsv());
    expect(readFileSync(path.join(FIX, FILES.full), 'utf8')).toMatch(/^# SYNTHETIC TEST FIXTURE/);
  });
});

describe('readProvinceTable: happy paths', () => {
  it('reads the full synthetic file in the template layout: 31 provinces x 2012-2021 x 3 indicators', async () => {
    const t = await readProvinceTable(path.join(FIX, FILES.full), {
      comment: '#',
      requireAllProvinces: true,
      years: [2012, 2021],
      indicators: [...INDICATORS],
    });
    expect(t).toMatchObject({ format: 'csv', encoding: 'utf-8', layout: 'long', missing: [], gaps: [], yearRange: [2012, 2021] });
    expect(t.rows).toHaveLength(31 * 10 * 3);
    const tibet = t.rows.find((r) => r.provinceCode === '540000' && r.year === 2021 && r.indicator === 'phc_registered_nurses');
    expect(tibet).toMatchObject({ province: 'Tibet', value: syntheticValue(25, 'phc_registered_nurses', 2021), extra: { source: 'SYNTHETIC', note: 'synthetic fixture' } });
    expect(tibet?.row).toBe(3 + 25 * 30 + 2 * 10 + 9 + 1); // 2 comment lines + header, then 30 rows per province
    expect(YEARS).toEqual([2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021]);
  });

  it('the same file with the default options (strict completeness) reads the same', async () => {
    const t = await readProvinceTable(path.join(FIX, FILES.full), { comment: '#' });
    expect(t.rows).toHaveLength(31 * 10 * 3);
    expect(t.yearRange).toEqual([2012, 2021]);
  });

  it('reads the shipped template (its one EXAMPLE row, marked as not data) with requireAllProvinces: false', async () => {
    const t = await readProvinceTable(dataPath('templates/phc_workforce.csv'), { comment: '#', indicators: [...INDICATORS], requireAllProvinces: false });
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]).toMatchObject({ provinceCode: '110000', year: 2021, indicator: 'phc_health_technical_personnel', value: 0 });
    expect(t.rows[0].extra.note).toMatch(/^EXAMPLE ROW - NOT DATA/);
  });

  it('GB18030: detected automatically; Chinese names and headers; "3,546" and full-width "46，183" thousands separators', async () => {
    const file = path.join(FIX, FILES.gb18030);
    for (const encoding of ['auto', 'gb18030', 'gbk'] as const) {
      const t = await readProvinceTable(file, { encoding, requireAllProvinces: true, years: [2020, 2021] });
      expect(t.encoding).toBe(encoding === 'auto' ? 'gb18030' : encoding);
      expect(t.rows).toHaveLength(62);
      PROVINCES.forEach(([code], i) => {
        for (const y of [2020, 2021]) expect(t.rows.find((r) => r.provinceCode === code && r.year === y)?.value).toBe(syntheticValue(i, 'phc_registered_nurses', y));
      });
      expect(t.rows[0]).toMatchObject({ province: '北京市', extra: { 备注: '合成数据（非年鉴数据）' } });
    }
    // read as UTF-8 on purpose, the bytes are rejected rather than turned into mojibake
    const e = await problemsOf(file, { encoding: 'utf-8' });
    expect(e.problems[0]).toMatchObject({ file: FILES.gb18030, row: null, message: expect.stringMatching(/^not valid utf-8 text .*try \{ encoding: 'gb18030' \}/) });
  });

  it('UTF-8 with BOM, wide layout (provinces in rows, years in columns), pinyin and alias names', async () => {
    const t = await readProvinceTable(path.join(FIX, FILES.bomWide), { layout: 'wide', indicator: 'phc_practising_physicians', requireAllProvinces: true, years: [2019, 2021] });
    expect(t.encoding).toBe('utf-8 (BOM)');
    expect(t.rows).toHaveLength(93);
    expect(t.rows.find((r) => r.province === 'Nei Mongol')?.provinceCode).toBe('150000');
    expect(t.rows.find((r) => r.province === 'Xizang')?.provinceCode).toBe('540000');
    expect(t.rows.find((r) => r.provinceCode === '110000' && r.year === 2019)?.value).toBe(syntheticValue(0, 'phc_practising_physicians', 2019));
  });

  it('XLSX via exceljs: a long sheet with Chinese short names and a wide sheet with years in rows', async () => {
    const file = path.join(FIX, FILES.xlsx);
    const long = await readProvinceTable(file, { sheet: 'long', requireAllProvinces: true, years: [2012, 2013] });
    expect(long).toMatchObject({ format: 'xlsx', encoding: 'xlsx' });
    expect(long.rows).toHaveLength(62);
    expect(long.rows.find((r) => r.province === '内蒙古')?.provinceCode).toBe('150000');
    expect(long.rows.find((r) => r.province === '陕西')?.provinceCode).toBe('610000');
    expect(long.rows.find((r) => r.province === '山西')?.provinceCode).toBe('140000');
    expect(long.rows[0].row).toBe(2);
    const wide = await readProvinceTable(file, { sheet: 'wide', layout: 'wide', orientation: 'years-in-rows', indicator: 'phc_registered_nurses', requireAllProvinces: true });
    expect(wide.rows).toHaveLength(62);
    expect(wide.rows.find((r) => r.provinceCode === '650000' && r.year === 2016)?.value).toBe(syntheticValue(30, 'phc_registered_nurses', 2016));
  });

  it('a freshly generated XLSX reads the same (the generator is reproducible)', async () => {
    const file = path.join(tmp, 'synthetic_regenerated.xlsx');
    await writeXlsx(file);
    const a = await readProvinceTable(file, { sheet: 2, layout: 'wide', orientation: 'years-in-rows', indicator: 'phc_registered_nurses' });
    const b = await readProvinceTable(path.join(FIX, FILES.xlsx), { sheet: 2, layout: 'wide', orientation: 'years-in-rows', indicator: 'phc_registered_nurses' });
    expect(a.rows).toEqual(b.rows);
  });

  it('reads an NBS-style export: header lines to skip, names padded with tabs, a trailing empty column', async () => {
    const file = write('synthetic_nbs_style.csv', '\uFEFF数据库：分省年度数据 \n时间：2024年 \n地区\t,2023\t,2024\t,\n北京市\t,100\t,101\t,\n天津市\t,200\t,"1,201"\t,\n');
    const t = await readProvinceTable(file, { skipRows: 2, layout: 'wide', indicator: 'synthetic', ...PRESENT });
    expect(t.rows.map((r) => [r.provinceCode, r.year, r.value])).toEqual([['110000', 2023, 100], ['110000', 2024, 101], ['120000', 2023, 200], ['120000', 2024, 1201]]);
  });

  it('blank cells are accepted only with allowMissing, and then reported (not dropped silently)', async () => {
    const file = write('synthetic_blank.csv', `${HEADER}Beijing,2020,x,1\nTianjin,2020,x,\nHebei,2020,x,-\n`);
    const t = await readProvinceTable(file, { allowMissing: true, ...PRESENT });
    expect(t.rows).toHaveLength(1);
    expect(t.gaps).toEqual([]); // a reported blank is not a gap
    expect(t.missing).toEqual([
      { file: 'synthetic_blank.csv', row: 3, column: 'value', message: 'blank cell' },
      { file: 'synthetic_blank.csv', row: 4, column: 'value', message: 'missing-value marker "-"' },
    ]);
  });

  it('a wide column named in ignoreColumns is skipped and reported', async () => {
    const file = write('synthetic_aagr.csv', 'province,2012,2019,AAGR (%)\nBeijing,3.93,4.30,1.29\n');
    const t = await readProvinceTable(file, { layout: 'wide', indicator: 'gp_per_10000', ignoreColumns: ['AAGR (%)'], ...PRESENT, allowIncomplete: true });
    expect(t.rows).toHaveLength(2);
    expect(t.ignoredColumns).toEqual(['AAGR (%)']);
    // 2012 and 2019 only: the years between are gaps, reported because of allowIncomplete
    expect(t.gaps.map((g) => g.year)).toEqual([2013, 2014, 2015, 2016, 2017, 2018]);
  });

  it('parseTableNumber: plain, grouped and full-width numbers; malformed grouping rejected', () => {
    expect(parseTableNumber('1234567')).toBe(1234567);
    expect(parseTableNumber('1,234,567')).toBe(1234567);
    expect(parseTableNumber('1，234，567')).toBe(1234567);
    expect(parseTableNumber('１２３')).toBe(123);
    expect(parseTableNumber(' 12.50 ')).toBe(12.5);
    expect(parseTableNumber('1,23')).toBeUndefined();
    expect(parseTableNumber('12a')).toBeUndefined();
    expect(parseTableNumber('')).toBeUndefined();
  });
});

describe('readProvinceTable: bad input, each with file, row and column', () => {
  it('unknown province, with the nearest name suggested', async () => {
    const e = await problemsOf(write('synthetic_unknown.csv', `${HEADER}Sichaun,2020,x,1\n`), PRESENT);
    expect(e.problems).toEqual([{ file: 'synthetic_unknown.csv', row: 2, column: 'province', message: 'unknown province "Sichaun": did you mean Sichuan (Sichuan, 510000)?' }]);
    expect(e.message).toBe('1 problem in synthetic_unknown.csv:\n  - row 2, column province: unknown province "Sichaun": did you mean Sichuan (Sichuan, 510000)?');
  });

  it('a near-miss of Shanxi/Shaanxi is never guessed: the error names both', async () => {
    const e = await problemsOf(write('synthetic_shaanxi.csv', `${HEADER}Shaanxii,2020,x,1\n`));
    expect(e.problems[0].message).toMatch(/did you mean Shaanxi \(Shaanxi, 610000\) or Shanxi \(Shanxi, 140000\)\? Note: Shanxi \(山西, 140000\) and Shaanxi \(陕西, 610000\) are different provinces/);
  });

  it('duplicate province-year-indicator (names in two languages count as the same province)', async () => {
    const e = await problemsOf(write('synthetic_duplicate.csv', `${HEADER}Beijing,2020,x,1\n北京市,2020,x,2\nBeijing,2020,y,3\n`), PRESENT);
    expect(e.problems).toEqual([{ file: 'synthetic_duplicate.csv', row: 3, column: '', message: 'duplicate 北京市 (110000) 2020 x: also on row 2' }]);
  });

  it('missing provinces when all 31 are required', async () => {
    const lines = PROVINCES.filter(([code]) => code !== '540000').map(([, en]) => `${en},2020,x,1`);
    const e = await problemsOf(write('synthetic_missing_province.csv', HEADER + lines.join('\n') + '\n'), { requireAllProvinces: true });
    expect(e.problems).toEqual([{ file: 'synthetic_missing_province.csv', row: null, column: '', message: "missing Tibet (540000) 2020 x: the table's years run 2020-2020" }]);
    // the same without options: all 31 provinces are required by default
    expect((await problemsOf(path.join(tmp, 'synthetic_missing_province.csv'))).problems).toEqual(e.problems);
    const two = PROVINCES.filter(([code]) => code !== '540000').flatMap(([, en]) => [`${en},2020,x,1`, `${en},2021,x,1`]);
    const e2 = await problemsOf(write('synthetic_missing_province2.csv', HEADER + two.join('\n') + '\n'), { requireAllProvinces: true });
    expect(e2.problems.map((p) => p.message)).toEqual(['missing province Tibet (西藏自治区, 540000) for x: no value in any year 2020-2021']);
  });

  it('missing years and years outside the required range', async () => {
    const e = await problemsOf(write('synthetic_missing_year.csv', `${HEADER}Beijing,2012,x,1\nBeijing,2014,x,1\nBeijing,2016,x,1\n`), { years: [2012, 2015], ...PRESENT });
    expect(e.problems.map((p) => [p.row, p.message])).toEqual([
      [4, 'year 2016 is outside the required years 2012-2015'],
      [null, 'missing Beijing (110000) 2013 x: years 2012-2015 are required'],
      [null, 'missing Beijing (110000) 2015 x: years 2012-2015 are required'],
    ]);
  });

  it('non-numeric, negative and malformed-thousands cells', async () => {
    const e = await problemsOf(write('synthetic_values.csv', `${HEADER}Beijing,2020,x,abc\nTianjin,2020,x,-5\nHebei,2020,x,"1,23"\n`), PRESENT);
    expect(e.problems).toEqual([
      { file: 'synthetic_values.csv', row: 2, column: 'value', message: 'not a number: "abc"' },
      { file: 'synthetic_values.csv', row: 3, column: 'value', message: 'negative value -5' },
      { file: 'synthetic_values.csv', row: 4, column: 'value', message: 'not a number: "1,23"' },
    ]);
    const ok = await readProvinceTable(write('synthetic_negative_ok.csv', `${HEADER}Tianjin,2020,x,-5\n`), { allowNegative: true, ...PRESENT });
    expect(ok.rows[0].value).toBe(-5);
  });

  it('blank cells without allowMissing', async () => {
    const e = await problemsOf(write('synthetic_blank_error.csv', `${HEADER}Beijing,2020,x,\n`), PRESENT);
    expect(e.problems).toEqual([{ file: 'synthetic_blank_error.csv', row: 2, column: 'value', message: 'blank cell (pass { allowMissing: true } to accept and report blanks)' }]);
  });

  it('a national total row is not taken for a province', async () => {
    const e = await problemsOf(write('synthetic_national.csv', `${HEADER}全国,2020,x,10\n`));
    expect(e.problems[0]).toMatchObject({ row: 2, column: 'province', message: expect.stringMatching(/"全国" is a national total, not a province/) });
  });

  it('bad years, unknown indicators, extra fields, missing columns', async () => {
    const e = await problemsOf(write('synthetic_misc.csv', `${HEADER}Beijing,20x0,x,1\nTianjin,2020,zz,1\nHebei,2020,x,1,extra\n`), { indicators: ['x'], ...PRESENT });
    expect(e.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [2, 'year', 'not a year: "20x0"'],
      [3, 'indicator', 'unknown indicator "zz" (expected one of x)'],
      [4, '', '5 fields but the header has 4'],
    ]);
    const cols = await problemsOf(write('synthetic_nocols.csv', 'name,yr,val\nBeijing,2020,1\n'));
    expect(cols.problems.map((p) => p.message)).toEqual([
      'no province column (header: name, yr, val); name it with options.columns.province',
      'no year column (header: name, yr, val); name it with options.columns.year',
      'no value column (header: name, yr, val); name it with options.columns.value',
      'no indicator column (header: name, yr, val): add one or pass options.indicator',
    ]);
    const named = await readProvinceTable(path.join(tmp, 'synthetic_nocols.csv'), { columns: { province: 'name', year: 'yr', value: 'val' }, indicator: 'x', ...PRESENT });
    expect(named.rows).toHaveLength(1);
  });

  it('wide layout: a header that is not a year, and a wide table without an indicator', async () => {
    const file = write('synthetic_wide_bad.csv', 'province,2019,AAGR\nBeijing,1,2\n');
    const e = await problemsOf(file, { layout: 'wide', indicator: 'x', ...PRESENT });
    expect(e.problems).toEqual([{ file: 'synthetic_wide_bad.csv', row: 1, column: 'AAGR', message: 'header "AAGR" is not a year (list it in options.ignoreColumns to skip it)' }]);
    const e2 = await problemsOf(file, { layout: 'wide' });
    expect(e2.problems[0].message).toBe('a wide table needs options.indicator (the indicator of its values)');
  });

  it('collects every problem of a file into one error (XLSX rows and columns named too)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('data');
    ws.addRow(['province', 'year', 'indicator', 'value']);
    ws.addRow(['Beijing', 2020, 'x', 1]);
    ws.addRow(['Shanxii', 2020, 'x', 'n/a?']);
    ws.addRow(['Tianjin', 2020, 'x', -1]);
    ws.addRow(['Beijing', 2020, 'x', 2]);
    const file = path.join(tmp, 'synthetic_bad.xlsx');
    await wb.xlsx.writeFile(file);
    const e = await problemsOf(file, PRESENT);
    expect(e.problems.map((p) => [p.file, p.row, p.column, p.message.slice(0, 30)])).toEqual([
      ['synthetic_bad.xlsx', 3, 'province', 'unknown province "Shanxii": di'],
      ['synthetic_bad.xlsx', 3, 'value', 'not a number: "n/a?"'],
      ['synthetic_bad.xlsx', 4, 'value', 'negative value -1'],
      ['synthetic_bad.xlsx', 5, '', 'duplicate Beijing (110000) 202'],
    ]);
    expect(e.message).toMatch(/^4 problems in synthetic_bad\.xlsx:\n {2}- row 3, column province: unknown province "Shanxii"/);
    const missingSheet = await problemsOf(file, { sheet: 'nope' });
    expect(missingSheet.problems[0].message).toBe('no worksheet "nope" (sheets: data)');
  });

  it('an empty file', async () => {
    const e = await problemsOf(write('synthetic_empty.csv', ''));
    expect(e.problems[0].message).toBe('no header row: the table is empty');
  });

  it('GB18030 bytes are decoded, not mangled, even without an explicit encoding (GBK subset)', async () => {
    const file = write('synthetic_gbk.csv', iconv.encode('province,year,indicator,value\n广西壮族自治区,2020,x,1\n', 'gbk'));
    const t = await readProvinceTable(file, PRESENT);
    expect(t).toMatchObject({ encoding: 'gb18030', rows: [{ provinceCode: '450000', province: '广西壮族自治区' }] });
  });
});

describe('readProvinceTable: completeness by default, opt-outs, and reported gaps', () => {
  const GAPPY = `${HEADER}Beijing,2012,x,1\nBeijing,2014,x,3\n`;

  it('default: a file with only Beijing 2012 and 2014 fails, naming the interior gap and every absent province', async () => {
    const e = await problemsOf(write('synthetic_gappy.csv', GAPPY));
    const messages = e.problems.map((p) => p.message);
    expect(messages).toHaveLength(1 + 30);
    expect(messages[0]).toBe("missing Beijing (110000) 2013 x: the table's years run 2012-2014");
    expect(messages[1]).toBe('missing province Tianjin (天津市, 120000) for x: no value in any year 2012-2014');
    expect(messages).toContain('missing province Xinjiang (新疆维吾尔自治区, 650000) for x: no value in any year 2012-2014');
    for (const p of e.problems) expect(p).toMatchObject({ file: 'synthetic_gappy.csv', row: null, column: '' });
    expect(e.message).toMatch(/^31 problems in synthetic_gappy\.csv:\n {2}- row -, column -: missing Beijing \(110000\) 2013 x/);
  });

  it('requireAllProvinces: false checks only the provinces present, still per year', async () => {
    const e = await problemsOf(path.join(tmp, 'synthetic_gappy.csv'), PRESENT);
    expect(e.problems).toEqual([{ file: 'synthetic_gappy.csv', row: null, column: '', message: "missing Beijing (110000) 2013 x: the table's years run 2012-2014" }]);
  });

  it('an indicator lacking years that another indicator has is a gap of that indicator', async () => {
    const file = write('synthetic_two_indicators.csv', `${HEADER}Beijing,2012,x,1\nBeijing,2013,x,2\nBeijing,2013,y,5\n`);
    const e = await problemsOf(file, PRESENT);
    expect(e.problems.map((p) => p.message)).toEqual(["missing Beijing (110000) 2012 y: the table's years run 2012-2013"]);
  });

  it('allowIncomplete: true returns the rows and reports every missing province-year in gaps', async () => {
    const t = await readProvinceTable(path.join(tmp, 'synthetic_gappy.csv'), { allowIncomplete: true });
    expect(t.rows.map((r) => [r.provinceCode, r.year, r.value])).toEqual([['110000', 2012, 1], ['110000', 2014, 3]]);
    expect(t.yearRange).toEqual([2012, 2014]);
    expect(t.gaps).toHaveLength(1 + 30 * 3);
    expect(t.gaps[0]).toEqual({ provinceCode: '110000', province: 'Beijing', indicator: 'x', year: 2013, kind: 'year' });
    expect(t.gaps.slice(1, 4)).toEqual([2012, 2013, 2014].map((year) => ({ provinceCode: '120000', province: 'Tianjin', indicator: 'x', year, kind: 'province' })));
    const present = await readProvinceTable(path.join(tmp, 'synthetic_gappy.csv'), { allowIncomplete: true, ...PRESENT });
    expect(present.gaps).toEqual([{ provinceCode: '110000', province: 'Beijing', indicator: 'x', year: 2013, kind: 'year' }]);
  });

  it('allowIncomplete with years: the required range is used for the gaps', async () => {
    const t = await readProvinceTable(path.join(tmp, 'synthetic_gappy.csv'), { allowIncomplete: true, years: [2012, 2015], ...PRESENT });
    expect(t.yearRange).toEqual([2012, 2015]);
    expect(t.gaps.map((g) => g.year)).toEqual([2013, 2015]);
  });

  it('allowIncomplete does not accept bad cells, and a bad cell is not also reported as missing', async () => {
    const file = write('synthetic_gappy_bad.csv', `${GAPPY}Beijing,2013,x,abc\n`);
    const e = await problemsOf(file, { allowIncomplete: true, ...PRESENT });
    expect(e.problems).toEqual([{ file: 'synthetic_gappy_bad.csv', row: 4, column: 'value', message: 'not a number: "abc"' }]);
  });

  it('a blank accepted with allowMissing is reported in missing, not as a gap', async () => {
    const t = await readProvinceTable(write('synthetic_gappy_blank.csv', `${GAPPY}Beijing,2013,x,\n`), { allowMissing: true, ...PRESENT });
    expect(t.missing).toEqual([{ file: 'synthetic_gappy_blank.csv', row: 4, column: 'value', message: 'blank cell' }]);
    expect(t.gaps).toEqual([]);
    expect(t.rows).toHaveLength(2);
  });

  it('wide tables are checked the same way: a missing year column is an interior gap', async () => {
    const file = write('synthetic_wide_gap.csv', 'province,2019,2021\nBeijing,1,2\n');
    const e = await problemsOf(file, { layout: 'wide', indicator: 'x', ...PRESENT });
    expect(e.problems.map((p) => p.message)).toEqual(["missing Beijing (110000) 2020 x: the table's years run 2019-2021"]);
  });
});
