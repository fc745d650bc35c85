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
import { readProvinceTable, ProvinceTableError, parseTableNumber, dataPath, loadPopulation, loadProvinces } from '../../lib/data/index';
import type { ProvinceTableResult, ReadProvinceTableOptions } from '../../lib/data/index';
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
    const cols = await problemsOf(write('synthetic_nocols.csv', 'name,yr,val\nBeijing,2020,1\n'), { layout: 'long' });
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
    expect(t.gaps[0]).toEqual({ unit: 'Beijing', provinceCode: '110000', province: 'Beijing', indicator: 'x', year: 2013, kind: 'year' });
    expect(t.gaps.slice(1, 4)).toEqual([2012, 2013, 2014].map((year) => ({ unit: 'Tianjin', provinceCode: '120000', province: 'Tianjin', indicator: 'x', year, kind: 'province' })));
    const present = await readProvinceTable(path.join(tmp, 'synthetic_gappy.csv'), { allowIncomplete: true, ...PRESENT });
    expect(present.gaps).toEqual([{ unit: 'Beijing', provinceCode: '110000', province: 'Beijing', indicator: 'x', year: 2013, kind: 'year' }]);
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

describe('readProvinceTable: the one-year layout (a paper\'s Table 1: one row per unit, one column per indicator)', () => {
  const ONE_YEAR = dataPath('templates/one_year_provinces.csv');
  const firstPublished2018 = new Map(loadPopulation({ vintage: 'first-published' }).rows.filter((r) => r.year === 2018).map((r) => [r.provinceCode, r.value]));

  it('reads the sample with year: 2018: 31 provinces x 3 indicators, every row dated', async () => {
    const t: ProvinceTableResult = await readProvinceTable(ONE_YEAR, { layout: 'one-year', year: 2018, comment: '#' });
    expect(t).toMatchObject({ layout: 'one-year', unitKind: 'china-provinces', yearRange: [2018, 2018], indicators: ['population', 'area', 'physicians'], gaps: [], missing: [] });
    expect(t.rows).toHaveLength(31 * 3);
    expect(t.units).toEqual(loadProvinces().map((p) => p.nameEn));
    expect(t.rows[0]).toEqual({ unit: 'Beijing', provinceCode: '110000', province: 'Beijing', year: 2018, indicator: 'population', value: 2154, row: 3, extra: {} });
    expect(t.rows.every((r) => r.year === 2018)).toBe(true);
    // the sample's population and area are the real figures it says it copied (its physicians are invented)
    for (const p of loadProvinces()) {
      const value = (indicator: string) => t.rows.find((r) => r.provinceCode === p.code && r.indicator === indicator)?.value;
      expect(value('population'), p.nameEn).toBe(firstPublished2018.get(p.code));
      expect(value('area'), p.nameEn).toBe(p.areaKm2);
    }
    expect(t.rows.find((r) => r.unit === 'Shanghai' && r.indicator === 'area')?.value).toBe(6340.5);
  });

  it('without a year: detected from the header (no value, year or indicator column), rows have year: null', async () => {
    const t = await readProvinceTable(ONE_YEAR, { comment: '#' });
    expect(t).toMatchObject({ layout: 'one-year', yearRange: null });
    expect(t.rows).toHaveLength(93);
    expect(t.rows.every((r) => r.year === null)).toBe(true);
    const dated = await readProvinceTable(ONE_YEAR, { layout: 'one-year', year: 2018, comment: '#' });
    expect(t.rows.map((r) => ({ ...r, year: 2018 }))).toEqual(dated.rows);
    // without a year the result cannot promise a year on every row, and its type says so
    // @ts-expect-error rows may have year: null
    const typed: ProvinceTableResult = await readProvinceTable(ONE_YEAR, { layout: 'one-year', comment: '#' });
    expect(typed.rows[0].year).toBeNull();
  });

  it('XLSX (exceljs): Chinese names, numbers stored as numbers, a text column kept in extra, an ignored column reported', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Table 1');
    ws.addRow(['省份', 'zone', 'physicians', 'population', 'AAGR (%)']);
    PROVINCES.forEach(([, , zh], i) => ws.addRow([zh, i < 11 ? 'east' : 'other', syntheticValue(i, 'phc_practising_physicians', 2019), 1000 + i, 1.5]));
    const file = path.join(tmp, 'synthetic_one_year.xlsx');
    await wb.xlsx.writeFile(file);
    const t = await readProvinceTable(file, { layout: 'one-year', year: 2019, textColumns: ['zone'], ignoreColumns: ['AAGR (%)'] });
    expect(t).toMatchObject({ format: 'xlsx', indicators: ['physicians', 'population'], ignoredColumns: ['AAGR (%)'] });
    expect(t.rows).toHaveLength(62);
    expect(t.rows.find((r) => r.unit === 'Shaanxi' && r.indicator === 'physicians')).toMatchObject({ provinceCode: '610000', province: '陕西省', value: syntheticValue(26, 'phc_practising_physicians', 2019), row: 28, extra: { zone: 'other' } });
    expect(t.rows.find((r) => r.unit === 'Shanxi' && r.indicator === 'population')).toMatchObject({ provinceCode: '140000', value: 1003, extra: { zone: 'east' } });
    // rows of one line share its text columns, but not one object
    const [a, b] = t.rows.filter((r) => r.row === 2);
    expect(a.extra).toEqual(b.extra);
    expect(a.extra).not.toBe(b.extra);
  });

  it('a missing province is one problem (not one per indicator); a duplicate row is one problem naming row and column', async () => {
    const lines = PROVINCES.filter(([code]) => code !== '540000').map(([, en], i) => `${en},${100 + i},${200 + i}`);
    const e = await problemsOf(write('synthetic_one_year_missing.csv', `province,physicians,nurses\n${lines.join('\n')}\nBeijing,1,2\n`), { layout: 'one-year' });
    expect(e.problems).toEqual([
      { file: 'synthetic_one_year_missing.csv', row: 32, column: 'province', message: 'duplicate province Beijing (110000): also on row 2' },
      { file: 'synthetic_one_year_missing.csv', row: null, column: '', message: 'missing province Tibet (西藏自治区, 540000): no row' },
    ]);
    const t = await readProvinceTable(write('synthetic_one_year_gap.csv', `province,physicians,nurses\n${lines.join('\n')}\n`), { layout: 'one-year', allowIncomplete: true });
    expect(t.gaps).toEqual(['nurses', 'physicians'].map((indicator) => ({ unit: 'Tibet', provinceCode: '540000', province: 'Tibet', indicator, year: null, kind: 'province' })));
  });

  it('bad one-year tables: a year column, years in the header, a text column, a blank header, unknown indicators', async () => {
    const e1 = await problemsOf(write('synthetic_one_year_year.csv', 'province,year,physicians\nBeijing,2018,1\n'), { layout: 'one-year', ...PRESENT });
    expect(e1.problems[0]).toMatchObject({ row: 1, column: 'year', message: expect.stringMatching(/^a one-year table has no year column: pass layout: 'panel'/) });
    const e2 = await problemsOf(write('synthetic_one_year_wide.csv', 'province,2018,2019\nBeijing,1,2\n'), { layout: 'one-year', ...PRESENT });
    expect(e2.problems.map((p) => p.message)).toEqual([
      'header "2018" is a year: a table with years in its columns is layout \'wide\'',
      'header "2019" is a year: a table with years in its columns is layout \'wide\'',
    ]);
    const e3 = await problemsOf(write('synthetic_one_year_text.csv', 'province,zone,physicians,,\nBeijing,east,1,5,\nTianjin,east,2,6,\n'), { layout: 'one-year', ...PRESENT });
    expect(e3.problems).toEqual([
      { file: 'synthetic_one_year_text.csv', row: 1, column: 'column 4', message: 'a column with values has no header: name its indicator' },
      { file: 'synthetic_one_year_text.csv', row: 1, column: 'zone', message: 'column "zone" holds text, not numbers (e.g. "east"): list it in textColumns to keep it in each row\'s extra, or in ignoreColumns' },
    ]);
    const e4 = await problemsOf(path.join(tmp, 'synthetic_one_year_text.csv'), { layout: 'one-year', textColumns: ['zone', 'region'], indicators: ['nurses'], ...PRESENT });
    expect(e4.problems.map((p) => p.message)).toEqual([
      'textColumns names "region", which the header lacks (header: province, zone, physicians, , )',
      'unknown indicator "physicians" (expected one of nurses; list other columns in textColumns or ignoreColumns)',
      'a column with values has no header: name its indicator',
    ]);
  });

  it('the header settles the layout only when it can; otherwise the error names the layout to pass', async () => {
    const long = await readProvinceTable(write('synthetic_detect_long.csv', `${HEADER}Beijing,2020,x,1\n`), PRESENT);
    expect(long.layout).toBe('long');
    const panel = await problemsOf(write('synthetic_detect_panel.csv', 'province,year,physicians\nBeijing,2020,1\n'));
    expect(panel.problems).toEqual([
      {
        file: 'synthetic_detect_panel.csv',
        row: 1,
        column: '',
        message:
          "cannot tell the layout from the header (province, year, physicians): it has a year column (year) and no value column: pass layout: 'panel' " +
          "if each row holds one unit and year with one column per indicator, or layout: 'long' with columns.value naming the value column",
      },
    ]);
    const wide = await problemsOf(write('synthetic_detect_wide.csv', 'province,2019,2020\nBeijing,1,2\n'));
    expect(wide.problems[0].message).toMatch(/years stand in the header \(2019, 2020\): pass layout: 'wide' and the indicator/);
    const indicator = await problemsOf(write('synthetic_detect_indicator.csv', 'province,indicator,amount\nBeijing,x,2\n'));
    expect(indicator.problems[0].message).toMatch(/it has an indicator column \(indicator\) and no value column: pass layout: 'long'/);
    // a header with no recognised column is read as one-year, and the error says so
    const named = await problemsOf(path.join(tmp, 'synthetic_nocols.csv'));
    expect(named.problems[0].message).toBe(
      "no unit column (header: name, yr, val): name it with options.columns.unit (layout 'one-year' was detected from the header; pass layout to choose another)",
    );
  });
});

describe('readProvinceTable: the wide sample of data/templates/', () => {
  it('reads wide_provinces_physicians.csv: 31 provinces x 3 years of one indicator', async () => {
    const file = dataPath('templates/wide_provinces_physicians.csv');
    const t = await readProvinceTable(file, { layout: 'wide', indicator: 'physicians', comment: '#' });
    expect(t.rows).toHaveLength(31 * 3);
    expect(t.yearRange).toEqual([2017, 2019]);
    // the file's third line: Beijing,243007,254573,271911
    const line = readFileSync(file, 'utf8').split('\n')[2].split(',');
    const beijing = t.rows.filter((r) => r.provinceCode === '110000').map((r) => [r.year, r.value]);
    expect(beijing).toEqual([[2017, Number(line[1])], [2018, Number(line[2])], [2019, Number(line[3])]]);
  });
});

describe('readProvinceTable: the panel layout and units beyond China\'s provinces', () => {
  const DISTRICTS = dataPath('templates/districts_long.csv');
  const NAMES = ['Arvenna', 'Belmora', 'Corrisk', 'Dallowen', 'Estrany', 'Fenmarrow', 'Gallisk', 'Hesperin', 'Ivrenne', 'Jastow', 'Kelmora', 'Lunvarre'];
  const districtsCsv = readFileSync(DISTRICTS, 'utf8');

  it('reads the districts sample with units as they stand: 12 districts x 2 years x 3 indicators, the group in extra', async () => {
    const t = await readProvinceTable(DISTRICTS, { layout: 'panel', comment: '#', units: 'as-is', textColumns: ['group'] });
    expect(t).toMatchObject({ layout: 'panel', unitKind: 'as-is', units: NAMES, indicators: ['physicians', 'population', 'area'], yearRange: [2021, 2022], gaps: [] });
    expect(t.rows).toHaveLength(12 * 2 * 3);
    expect(t.rows[0]).toEqual({ unit: 'Arvenna', provinceCode: null, year: 2021, indicator: 'physicians', value: 112, row: 3, extra: { group: 'North' } });
    expect('province' in t.rows[0]).toBe(false);
    expect(new Set(t.rows.map((r) => r.extra.group))).toEqual(new Set(['North', 'Central', 'South']));
    // the same with the list of names, which also requires every one of them
    const listed = await readProvinceTable(DISTRICTS, { layout: 'panel', comment: '#', units: NAMES, textColumns: ['group'] });
    expect(listed.unitKind).toBe('list');
    expect(listed.rows).toEqual(t.rows);
  });

  it('a units list: names must match one of them (nearest name suggested); every listed unit is required', async () => {
    const misspelt = write('synthetic_districts_misspelt.csv', districtsCsv.replace('Belmora,North,2022', 'Belmorra,North,2022').replace('Kelmora,South,2021', 'Total,South,2021'));
    const e = await problemsOf(misspelt, { layout: 'panel', comment: '#', units: NAMES, textColumns: ['group'] });
    expect(e.problems).toEqual([
      { file: 'synthetic_districts_misspelt.csv', row: 6, column: 'district', message: 'unknown unit "Belmorra": did you mean "Belmora"?' },
      { file: 'synthetic_districts_misspelt.csv', row: 23, column: 'district', message: '"Total" is a total, not a unit: remove the row (totals are computed from the units)' },
      // and the listed units those rows should have held are then missing
      { file: 'synthetic_districts_misspelt.csv', row: null, column: '', message: "missing Belmora 2022: no row (the table's years run 2021-2022)" },
      { file: 'synthetic_districts_misspelt.csv', row: null, column: '', message: "missing Kelmora 2021: no row (the table's years run 2021-2022)" },
    ]);
    const e2 = await problemsOf(DISTRICTS, { layout: 'panel', comment: '#', units: [...NAMES, 'Mirren'], textColumns: ['group'] });
    expect(e2.problems.map((p) => p.message)).toEqual(['missing unit Mirren: no row in any year 2021-2022']);
    const e3 = await problemsOf(DISTRICTS, { layout: 'panel', comment: '#', units: ['Zz'], textColumns: ['group'] });
    expect(e3.problems[0].message).toBe('unknown unit "Arvenna": not in options.units (Zz)');
    const gaps = await readProvinceTable(write('synthetic_districts_gap.csv', districtsCsv.replace(/^Lunvarre,South,2022.*\n/m, '')), {
      layout: 'panel', comment: '#', units: NAMES, textColumns: ['group'], allowIncomplete: true,
    });
    expect(gaps.gaps.map((g) => [g.unit, g.provinceCode, g.indicator, g.year, g.kind])).toEqual([
      ['Lunvarre', null, 'area', 2022, 'year'],
      ['Lunvarre', null, 'physicians', 2022, 'year'],
      ['Lunvarre', null, 'population', 2022, 'year'],
    ]);
    const missingYear = await problemsOf(path.join(tmp, 'synthetic_districts_gap.csv'), { layout: 'panel', comment: '#', units: NAMES, textColumns: ['group'] });
    expect(missingYear.problems.map((p) => p.message)).toEqual(["missing Lunvarre 2022: no row (the table's years run 2021-2022)"]);
  });

  it("'as-is' units: blank and duplicate names are refused with row and column, as are totals and names differing only in case", async () => {
    const bad = districtsCsv
      .replace('Corrisk,North,2021', ',North,2021')
      .replace('Dallowen,North,2022', 'Dallowen,North,2021')
      .replace('Gallisk,Central,2022', 'gallisk,Central,2022')
      .replace('Jastow,South,2021', 'Sum,South,2021');
    const e = await problemsOf(write('synthetic_districts_bad.csv', bad), { layout: 'panel', comment: '#', units: 'as-is', textColumns: ['group'] });
    expect(e.problems).toEqual([
      { file: 'synthetic_districts_bad.csv', row: 7, column: 'district', message: 'blank unit name' },
      { file: 'synthetic_districts_bad.csv', row: 10, column: 'district', message: 'duplicate unit "Dallowen" 2021: also on row 9' },
      { file: 'synthetic_districts_bad.csv', row: 16, column: 'district', message: 'unit "gallisk" differs from "Gallisk" (row 15) only in case or spacing: write it one way' },
      {
        file: 'synthetic_districts_bad.csv',
        row: 21,
        column: 'district',
        message: '"Sum" is a total, not a unit: remove the row (totals are computed from the units), or list the units in options.units',
      },
      // the units present must be complete too: the refused rows leave their unit-years missing
      ...['Corrisk 2021', 'Dallowen 2022', 'Gallisk 2022', 'Jastow 2021'].map((what) => ({
        file: 'synthetic_districts_bad.csv',
        row: null,
        column: '',
        message: `missing ${what}: no row (the table's years run 2021-2022)`,
      })),
    ]);
    // a one-year table of units as they stand: a duplicate is named with its row and column
    const dup = await problemsOf(write('synthetic_hospitals_dup.csv', 'hospital,beds,doctors\nSt Anne,120,30\nRiverside,80,22\nSt Anne,95,18\n'), { layout: 'one-year', units: 'as-is' });
    expect(dup.problems).toEqual([{ file: 'synthetic_hospitals_dup.csv', row: 4, column: 'hospital', message: 'duplicate unit "St Anne": also on row 2' }]);
  });

  it('long and wide tables of other units; a long table of countries read as they stand', async () => {
    const countries = await readProvinceTable(write('synthetic_countries_long.csv', 'country,year,indicator,value\nKenya,2020,physicians_per_1000,0.16\nGhana,2020,physicians_per_1000,0.17\n'), { units: 'as-is' });
    expect(countries).toMatchObject({ layout: 'long', unitKind: 'as-is', units: ['Kenya', 'Ghana'], indicators: ['physicians_per_1000'] });
    expect(countries.rows[1]).toEqual({ unit: 'Ghana', provinceCode: null, year: 2020, indicator: 'physicians_per_1000', value: 0.17, row: 3, extra: {} });
    const wide = await readProvinceTable(write('synthetic_states_wide.csv', 'state,2020,2021\nKerala,1,2\nGoa,3,4\n'), { layout: 'wide', indicator: 'x', units: ['Goa', 'Kerala'] });
    expect(wide.rows.map((r) => [r.unit, r.year, r.value])).toEqual([['Kerala', 2020, 1], ['Kerala', 2021, 2], ['Goa', 2020, 3], ['Goa', 2021, 4]]);
    const yearsInRows = await readProvinceTable(write('synthetic_states_years_in_rows.csv', 'year,Goa,Kerala\n2020,3,1\n'), { layout: 'wide', orientation: 'years-in-rows', indicator: 'x', units: ['Goa', 'Kerala'] });
    expect(yearsInRows.rows.map((r) => [r.unit, r.year, r.value])).toEqual([['Goa', 2020, 3], ['Kerala', 2020, 1]]);
    const e = await problemsOf(path.join(tmp, 'synthetic_states_wide.csv'), { layout: 'wide', indicator: 'x', units: ['Goa', 'Kerala', 'Assam'] });
    expect(e.problems.map((p) => p.message)).toEqual(['missing unit Assam for x: no value in any year 2020-2021']);
  });

  it('province names stay the default, and a table of other units read with it says what to pass', async () => {
    const e = await problemsOf(DISTRICTS, { layout: 'panel', comment: '#', textColumns: ['group'] });
    expect(e.problems[0]).toEqual({ file: 'districts_long.csv', row: 2, column: '', message: "no name in the table is a province of mainland China: for other units pass options.units (a list of names, or 'as-is')" });
    expect(e.problems[1]).toMatchObject({ row: 3, column: 'district', message: expect.stringMatching(/^unknown province "Arvenna": did you mean/) });
    expect(e.problems).toHaveLength(1 + 24); // no list of 31 missing provinces on top
    // Shanxi and Shaanxi in a panel of provinces
    const panel = await readProvinceTable(write('synthetic_panel_provinces.csv', 'province,year,gp\n山西,2020,1\n陕西,2020,2\nShanxi,2021,3\nShaanxi,2021,4\n'), { layout: 'panel', ...PRESENT });
    expect(panel.rows.map((r) => [r.unit, r.provinceCode, r.year, r.value])).toEqual([['Shanxi', '140000', 2020, 1], ['Shaanxi', '610000', 2020, 2], ['Shanxi', '140000', 2021, 3], ['Shaanxi', '610000', 2021, 4]]);
    const near = await problemsOf(write('synthetic_panel_shaanxii.csv', 'province,year,gp\nShaanxii,2020,1\nShanxi,2020,2\n'), { layout: 'panel', ...PRESENT });
    expect(near.problems[0].message).toMatch(/Shanxi \(山西, 140000\) and Shaanxi \(陕西, 610000\) are different provinces/);
  });

  it('several columns that could hold the units are refused until one is named', async () => {
    const file = write('synthetic_two_unit_columns.csv', 'province_code,province,physicians\n110000,Beijing,1\n120000,Tianjin,2\n');
    const e = await problemsOf(file, { layout: 'one-year', ...PRESENT });
    expect(e.problems[0].message).toBe('several columns could hold the units (province_code, province): name one with options.columns.unit and list the others in textColumns or ignoreColumns');
    const t = await readProvinceTable(file, { layout: 'one-year', columns: { unit: 'province' }, textColumns: ['province_code'], ...PRESENT });
    expect(t.rows.map((r) => [r.unit, r.extra.province_code, r.value])).toEqual([['Beijing', '110000', 1], ['Tianjin', '120000', 2]]);
  });
});

describe("readProvinceTable's options are checked before the file is read", () => {
  const reject = (options: unknown) => readProvinceTable('never-read.csv', options as ReadProvinceTableOptions);

  it('unknown keys are refused with the nearest name', async () => {
    await expect(reject({ layot: 'long' })).rejects.toThrow(new TypeError("readProvinceTable: unknown option 'layot': did you mean 'layout'? (known: layout, orientation, year, units, indicator, indicators, textColumns, ignoreColumns, encoding, delimiter, comment, skipRows, sheet, columns, requireAllProvinces, years, allowIncomplete, allowMissing, allowNegative, maxBytes)"));
    await expect(reject({ unit: 'as-is' })).rejects.toThrow(/unknown option 'unit': did you mean 'units'\?/);
    await expect(reject({ columns: { provnce: 'name' } })).rejects.toThrow(/readProvinceTable: columns: unknown option 'provnce': did you mean 'province'\?/);
    await expect(reject(null)).rejects.toThrow(/options must be an object/);
  });

  it('enumerated values are exact: a wrong one is a RangeError listing the valid ones', async () => {
    await expect(reject({ layout: 'Long' })).rejects.toThrow(new RangeError("readProvinceTable: layout must be 'long', 'wide', 'one-year' or 'panel' (got Long)"));
    await expect(reject({ layout: 'wide', orientation: 'rows' })).rejects.toThrow(new RangeError("readProvinceTable: orientation must be 'provinces-in-rows' or 'years-in-rows' (got rows)"));
    await expect(reject({ encoding: 'utf8' })).rejects.toThrow(/encoding must be 'auto', 'utf-8', 'gb18030' or 'gbk' \(got utf8\)/);
    await expect(reject({ units: 'provinces' })).rejects.toThrow(new RangeError("readProvinceTable: units must be 'china-provinces', 'as-is' or an array of unit names (got provinces)"));
    await expect(reject({ layout: 1 })).rejects.toThrow(TypeError);
  });

  it('values of the wrong kind are TypeErrors, out of range RangeErrors', async () => {
    await expect(reject({ allowMissing: 'yes' })).rejects.toThrow(new TypeError("readProvinceTable: allowMissing must be true or false (got 'yes')"));
    await expect(reject({ layout: 'one-year', year: '2018' })).rejects.toThrow(new TypeError('readProvinceTable: year must be a number (got "2018")'));
    await expect(reject({ layout: 'one-year', year: 18 })).rejects.toThrow(new RangeError('readProvinceTable: year must be a whole year from 1900 to 2100 (got 18)'));
    await expect(reject({ units: ['A', ' A '] })).rejects.toThrow(new RangeError('readProvinceTable: units lists "A" twice'));
    await expect(reject({ units: ['A', ''] })).rejects.toThrow(/units\[1\] is blank/);
    await expect(reject({ units: [] })).rejects.toThrow(/units is an empty list/);
    await expect(reject({ units: [1] })).rejects.toThrow(TypeError);
    await expect(reject({ delimiter: ';;' })).rejects.toThrow(/delimiter must be one character/);
    await expect(reject({ skipRows: -1 })).rejects.toThrow(/skipRows must be a whole number >= 0/);
    await expect(reject({ years: [2012] })).rejects.toThrow(/years must be \[first, last\]/);
    await expect(reject({ years: [2015, 2012] })).rejects.toThrow(RangeError);
    await expect(reject({ indicators: 'x' })).rejects.toThrow(/indicators must be an array of strings/);
    await expect(reject({ columns: { unit: 'a', province: 'b' } })).rejects.toThrow(/columns.unit and columns.province name the same column/);
  });

  it('an option the layout or the units do not use is refused, never ignored', async () => {
    await expect(reject({ layout: 'long', year: 2018 })).rejects.toThrow(new TypeError("readProvinceTable: year is an option of layout 'one-year' (the other layouts read the year from the file), not of layout 'long'"));
    await expect(reject({ layout: 'long', orientation: 'years-in-rows' })).rejects.toThrow(/orientation is an option of layout 'wide', not of layout 'long'/);
    await expect(reject({ layout: 'long', textColumns: ['group'] })).rejects.toThrow(/textColumns is an option of layouts 'one-year' and 'panel'/);
    await expect(reject({ layout: 'panel', indicator: 'x' })).rejects.toThrow(/indicator is an option of layouts 'long' and 'wide'/);
    await expect(reject({ layout: 'one-year', years: [2012, 2013] })).rejects.toThrow(/years is an option of layouts 'long', 'wide' and 'panel'/);
    await expect(reject({ layout: 'wide', columns: { unit: 'x' } })).rejects.toThrow(/columns is an option of layouts 'long', 'one-year' and 'panel'/);
    await expect(reject({ units: 'as-is', requireAllProvinces: false })).rejects.toThrow(/requireAllProvinces is an option of units 'china-provinces'/);
    // with a detected layout, the message says the layout was detected
    await expect(readProvinceTable(dataPath('templates/one_year_provinces.csv'), { comment: '#', years: [2018, 2018] })).rejects.toThrow(
      "readProvinceTable: years is an option of layouts 'long', 'wide' and 'panel' (a one-year table takes year), not of layout 'one-year' (the layout was detected from the header: pass layout to choose another)",
    );
  });
});
