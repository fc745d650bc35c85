/**
 * data/: every file described in datapackage.json with a correct sha256 and schema; the series complete
 * (31 provinces every year); the two population vintages agree exactly where no revision happened; errata applied
 * and reported; province lookup (including the Shanxi/Shaanxi trap).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'fs';
import { execFileSync } from 'child_process';
import * as path from 'path';
import {
  DATA_DIR,
  DataChecksumError,
  loadDataPackage,
  readVerified,
  sha256Hex,
  loadProvinces,
  loadRegions,
  provinceCode,
  findProvinceCode,
  ProvinceNameError,
  levenshtein,
  loadPopulation,
  loadNationalPopulation,
  loadGdp,
  loadGdpPerCapita,
  loadErrata,
  applyErrata,
  loadLandArea,
  loadPublishedTable,
  listPublishedTables,
  loadTextValues,
  PopulationRow,
  GdpRow,
} from '../../lib/data/index';
import { parseCsvObjects, parseCsvRecords } from '../../lib/data/csv';
import { toDataFrame } from '../../lib/data/frame';

const ROOT = path.resolve(__dirname, '..', '..');
const pkg = loadDataPackage();

function listFiles(dir: string, base = ''): string[] {
  return readdirSync(dir).flatMap((f) => {
    const rel = base ? `${base}/${f}` : f;
    return statSync(path.join(dir, f)).isDirectory() ? listFiles(path.join(dir, f), rel) : [rel];
  });
}

/** Group rows by year: Map year -> set of province codes. */
function provincesByYear(rows: readonly { year: number; provinceCode: string }[]): Map<number, string[]> {
  const m = new Map<number, string[]>();
  for (const r of rows) m.set(r.year, [...(m.get(r.year) ?? []), r.provinceCode]);
  return m;
}
const ALL_CODES = loadProvinces().map((p) => p.code);
function expectComplete(rows: readonly { year: number; provinceCode: string }[], years: number[]): void {
  const byYear = provincesByYear(rows);
  expect([...byYear.keys()].sort((a, b) => a - b)).toEqual(years);
  for (const [, codes] of byYear) expect(codes.slice().sort()).toEqual(ALL_CODES);
}
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe('datapackage.json', () => {
  it('is a Frictionless data package with name, title, licenses, sources and resources', () => {
    expect(pkg.name).toBe('equilab-data');
    const raw = pkg as unknown as Record<string, unknown>;
    expect(raw.profile).toBe('data-package');
    expect(Array.isArray(raw.licenses) && (raw.licenses as unknown[]).length).toBeGreaterThan(0);
    expect(Array.isArray(raw.sources) && (raw.sources as unknown[]).length).toBeGreaterThan(0);
    expect(new Set(pkg.resources.map((r) => r.name)).size).toBe(pkg.resources.length);
  });

  it('describes every file in data/ (except itself, README.md and .gitattributes), and nothing else', () => {
    const files = listFiles(DATA_DIR).filter((f) => !['datapackage.json', 'README.md', '.gitattributes'].includes(f)).sort();
    expect(pkg.resources.map((r) => r.path).sort()).toEqual(files);
  });

  it.each(pkg.resources.map((r) => [r.path, r] as const))('%s: sha256, size, kind, source, licence', (file, r) => {
    const bytes = readFileSync(path.join(DATA_DIR, file));
    expect(r.hash).toBe(`sha256:${sha256Hex(bytes)}`);
    expect(r.bytes).toBe(bytes.length);
    expect(['verbatim', 'transcribed', 'derived-by-script', 'authored']).toContain(r.kind);
    if (r.kind === 'derived-by-script') {
      expect(r.script, file).toBe('scripts/build-data.mjs');
      expect(r.description, file).toMatch(/reshaped, values copied verbatim/);
    } else expect(r.script, file).toBeUndefined();
    if (r.kind === 'verbatim') expect(r.path.startsWith('raw/'), `${file}: verbatim files are raw copies`).toBe(true);
    expect(r.sources?.length).toBeGreaterThan(0);
    for (const s of r.sources ?? []) expect(s.title).toBeTruthy();
    expect(r.licenses?.length).toBeGreaterThan(0);
    expect(r.title).toBeTruthy();
    expect(r.encoding).toMatch(/^utf-8/);
    expect(readVerified(file, pkg).length).toBeGreaterThan(0);
  });

  const tidy = pkg.resources.filter((r) => !r.path.startsWith('raw/') && r.path !== 'templates/phc_workforce.csv');
  it.each(tidy.map((r) => [r.path, r] as const))('%s: header = schema fields; typed cells parse', (file, r) => {
    const fields = r.schema?.fields ?? [];
    expect(fields.length).toBeGreaterThan(0);
    for (const f of fields) {
      expect(f.description, `${file} ${f.name}`).toBeTruthy();
      expect(['string', 'integer', 'number', 'boolean']).toContain(f.type);
    }
    const text = readVerified(file, pkg);
    expect(text.startsWith('\uFEFF')).toBe(false);
    const records = parseCsvRecords(text).filter((x) => !(x.cells.length === 1 && x.cells[0] === ''));
    expect(records[0].cells).toEqual(fields.map((f) => f.name));
    for (const rec of records.slice(1)) {
      expect(rec.cells.length, `${file} line ${rec.line}`).toBe(fields.length);
      fields.forEach((f, i) => {
        const v = rec.cells[i];
        if (v === '') return; // missing value (Frictionless default missingValues [""])
        if (f.type === 'integer') expect(v, `${file} line ${rec.line} ${f.name}`).toMatch(/^-?\d+$/);
        if (f.type === 'number') expect(Number.isFinite(Number(v)), `${file} line ${rec.line} ${f.name}=${v}`).toBe(true);
        if (f.type === 'boolean') expect(['true', 'false']).toContain(v);
      });
    }
  });

  // Raw tables: a schema whose field titles are the header cells as printed (padding trimmed), typed and described.
  const rawTables = pkg.resources.filter((r) => r.path.startsWith('raw/') && /\.(csv|tsv)$/.test(r.path));
  it('every raw CSV/TSV has a schema and a dialect', () => {
    expect(rawTables.length).toBe(16);
    for (const r of rawTables) {
      expect(r.schema?.fields.length, r.path).toBeGreaterThan(0);
      expect(r.dialect?.delimiter, r.path).toBe(r.path.endsWith('.tsv') ? '\t' : ',');
    }
  });
  it.each(rawTables.map((r) => [r.path, r] as const))('%s: header = schema titles; fields typed and described', (file, r) => {
    const d = r.dialect ?? {};
    const lines = readVerified(file, pkg).replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => !(d.commentChar && l.startsWith(d.commentChar)));
    const headerLine = lines[(d.headerRows?.[0] ?? 1) - 1];
    const header = d.delimiter === '\t' ? headerLine.split('\t') : parseCsvRecords(headerLine.replace(/\t/g, ''))[0].cells;
    const fields = r.schema!.fields;
    expect(fields.map((f) => f.title), file).toEqual(header.map((h) => h.trim()));
    for (const f of fields) {
      expect(f.name, `${file} ${f.title}`).toBeTruthy();
      expect(['string', 'integer', 'number'], `${file} ${f.name}`).toContain(f.type);
      expect(f.description, `${file} ${f.name}`).toBeTruthy();
    }
    expect(new Set(fields.map((f) => f.name)).size, file).toBe(fields.length);
    // the rows right after the header have one cell per field, and the typed ones parse
    const body = lines.slice(d.headerRows?.[0] ?? 1).filter((l) => l.trim() && !/^(注|数据来源)/.test(l));
    expect(body.length, file).toBeGreaterThan(0);
    for (const l of body) {
      const cells = d.delimiter === '\t' ? l.split('\t') : parseCsvRecords(l.replace(/\t/g, ''))[0].cells;
      expect(cells.length, `${file}: ${l.slice(0, 40)}`).toBe(fields.length);
      fields.forEach((f, i) => {
        const v = cells[i].trim();
        if (v === '') return;
        if (f.type === 'number') expect(Number.isFinite(Number(v)), `${file} ${f.name}=${v}`).toBe(true);
        if (f.type === 'integer') expect(v, `${file} ${f.name}`).toMatch(/^-?\d+$/);
      });
    }
  });

  it('the template has a documented schema and is read by its own instructions (see readProvinceTable tests)', () => {
    const r = pkg.resources.find((x) => x.path === 'templates/phc_workforce.csv');
    expect(r?.schema?.fields.map((f) => f.name)).toEqual(['province', 'year', 'indicator', 'value', 'source', 'note']);
  });

  it('data/README.md names every file outside raw/ (and raw/ as a whole)', () => {
    const readme = readFileSync(path.join(DATA_DIR, 'README.md'), 'utf8');
    for (const r of pkg.resources) {
      const name = r.path.startsWith('published/') ? r.path.replace(/^published\//, '').replace(/^(fu2023|li2024)\//, '$1/') : r.path;
      if (r.path.startsWith('raw/')) continue;
      expect(readme, r.path).toContain(r.path.startsWith('published/') ? name.split('/').pop() as string : name);
    }
    expect(readme).toContain('`raw/`');
  });

  it('raw copies are the shared raw files byte for byte where that directory exists', () => {
    const shared = '/work/shared/data/raw';
    let available = true;
    try {
      statSync(shared);
    } catch {
      available = false;
    }
    if (!available) return; // outside the project workspace the recorded sha256 above is the check
    const added = readFileSync(path.join(DATA_DIR, 'raw', 'SOURCES_PROJECT.md'), 'utf8');
    let compared = 0;
    for (const r of pkg.resources.filter((x) => x.path.startsWith('raw/'))) {
      const name = r.path.slice(4);
      let original: Buffer;
      try {
        original = readFileSync(path.join(shared, name));
      } catch {
        // added by the project after the shared folder was made: described in SOURCES_PROJECT.md, never "verbatim"
        if (name !== 'SOURCES_PROJECT.md') expect(added, name).toContain(`\`${name}\``);
        expect(r.kind, name).not.toBe('verbatim');
        continue;
      }
      expect(r.hash, r.path).toBe(`sha256:${sha256Hex(original)}`);
      compared++;
    }
    expect(compared).toBe(16);
  });

  it('scripts/build-data.mjs --check reproduces every reshaped file and datapackage.json exactly', () => {
    // run as `npm run data:check` runs it: through tsx, which lets the script import lib/data/csv.ts
    const out = execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'scripts/build-data.mjs'), '--check'], { encoding: 'utf8' });
    expect(out).toMatch(/^checked 10 reshaped files/);
  });

  it('a changed file fails loudly with the file name and both hashes', () => {
    const fake = { ...pkg, resources: pkg.resources.map((r) => (r.path === 'provinces.csv' ? { ...r, hash: `sha256:${'0'.repeat(64)}` } : r)) };
    const actual = `sha256:${sha256Hex(readFileSync(path.join(DATA_DIR, 'provinces.csv')))}`;
    expect(() => readVerified('provinces.csv', fake)).toThrow(DataChecksumError);
    expect(() => readVerified('provinces.csv', fake)).toThrow(`data/provinces.csv: sha256 mismatch (expected sha256:${'0'.repeat(64)}, actual ${actual})`);
    expect(() => readVerified('not_there.csv', pkg)).toThrow(/data\/not_there.csv is not listed/);
  });
});

describe('provinces and region schemes', () => {
  const provinces = loadProvinces();

  it('31 provinces, GB/T 2260 codes 110000..650000, unique names', () => {
    expect(provinces).toHaveLength(31);
    expect(provinces[0]).toMatchObject({ code: '110000', nameEn: 'Beijing', nameZh: '北京市' });
    expect(provinces[30]).toMatchObject({ code: '650000', nameEn: 'Xinjiang', nameZh: '新疆维吾尔自治区' });
    expect(new Set(provinces.map((p) => p.code)).size).toBe(31);
    expect(new Set(provinces.map((p) => p.nameEn)).size).toBe(31);
  });

  it('land area is the henrylin03 (Wikipedia) figure, digit for digit', () => {
    const raw = parseCsvObjects(readVerified('raw/henrylin03__area_2205301912.csv'), 'area');
    for (const p of provinces) {
      const r = raw.find((x) => findProvinceCode(x.province) === p.code);
      expect(r?.area, p.nameEn).toBe(String(p.areaKm2));
      expect(p.areaSource).toBe('henrylin03_area_wikipedia');
    }
  });

  it('Fu et al. zones: east 11, middle 8, west 12, in their Tables 10/11 order', () => {
    const fu = loadRegions('fu2023');
    const count = (z: string) => fu.filter((r) => r.region === z).length;
    expect([count('east'), count('middle'), count('west')]).toEqual([11, 8, 12]);
    expect(fu.map((r) => r.orderInSource)).toEqual(range(1, 31));
    expect(provinces.find((p) => p.nameEn === 'Liaoning')?.fu2023Zone).toBe('east');
    expect(provinces.find((p) => p.nameEn === 'Inner Mongolia')?.fu2023Zone).toBe('west');
  });

  it('Li et al. six regions: Xinjiang is not listed in Section 2.1 and is recorded in the northwest', () => {
    const li = loadRegions('li2024');
    const count = (z: string) => li.filter((r) => r.region === z).length;
    expect(['north', 'northeast', 'east', 'south_central', 'southwest', 'northwest'].map(count)).toEqual([5, 3, 7, 6, 5, 5]);
    const xj = li.find((r) => r.provinceCode === '650000');
    expect(xj).toMatchObject({ region: 'northwest', orderInSource: null });
    expect(xj?.note).toMatch(/NOT LISTED/);
    expect(li.filter((r) => r.orderInSource !== null)).toHaveLength(30);
  });

  it('maps Chinese, English, pinyin and alias names to codes', () => {
    expect(provinceCode('内蒙古自治区')).toBe('150000');
    expect(provinceCode('内蒙古')).toBe('150000');
    expect(provinceCode('Inner Mongolia')).toBe('150000');
    expect(provinceCode('InnerMongolia')).toBe('150000');
    expect(provinceCode('Innermongolia')).toBe('150000');
    expect(provinceCode('Nei Mongol')).toBe('150000');
    expect(provinceCode('Guangxi,')).toBe('450000');
    expect(provinceCode('Yunna')).toBe('530000');
    expect(provinceCode('Xizang')).toBe('540000');
    expect(provinceCode('  beijing ')).toBe('110000');
    expect(provinceCode('Beijing Municipality')).toBe('110000');
    expect(provinceCode('Sichuan Province')).toBe('510000');
    expect(provinceCode('ＢＥＩＪＩＮＧ')).toBe('110000'); // full-width letters
    expect(provinceCode('北京市\t')).toBe('110000'); // NBS exports pad names with a tab
    expect(provinceCode(110000)).toBe('110000');
  });

  it('Shanxi and Shaanxi are never confused', () => {
    expect(provinceCode('Shanxi')).toBe('140000');
    expect(provinceCode('山西')).toBe('140000');
    expect(provinceCode('Shaanxi')).toBe('610000');
    expect(provinceCode('陕西省')).toBe('610000');
    expect(findProvinceCode('Shanxii')).toBeUndefined();
    expect(findProvinceCode('Shaanxii')).toBeUndefined();
    expect(findProvinceCode("Shan'xi")).toBeUndefined();
    expect(() => provinceCode('Shanxii')).toThrow(/Shanxi \(山西, 140000\) and Shaanxi \(陕西, 610000\) are different provinces/);
  });

  it('an unknown name fails with the nearest names (Levenshtein)', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(() => provinceCode('Sichaun')).toThrow('unknown province "Sichaun": did you mean Sichuan (Sichuan, 510000)?');
    try {
      provinceCode('Heilongjang');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ProvinceNameError);
      expect((e as ProvinceNameError).suggestions[0]).toMatchObject({ code: '230000', distance: 1 });
    }
  });

  it('every province name in every data file maps to a code', () => {
    for (const f of ['population_csy2020.csv', 'population_nbs_revised_pik.csv', 'population_nbs_export_2024.csv', 'gdp_nbs_pik.csv', 'gdp_henrylin03.csv', 'gdp_nbs_export_2025_revision.csv']) {
      for (const r of parseCsvObjects(readVerified(f), f)) {
        if (r.level === 'province') expect(provinceCode(r.province), `${f} ${r.province}`).toBe(r.province_code);
      }
    }
  });
});

describe('population', () => {
  const first = loadPopulation({ vintage: 'first-published' });
  const revised = loadPopulation({ vintage: 'revised' });

  it('first-published (CSY2020): 31 provinces every year 2000-2019', () => {
    expectComplete(first.rows, range(2000, 2019));
    expect(first.files).toEqual(['population_csy2020.csv']);
  });

  it('revised (NBS current series): 31 provinces every year 2005-2024', () => {
    expectComplete(revised.rows, range(2005, 2024));
  });

  it('2024 export: 31 provinces, equal to the revised series for 2024', () => {
    const x = loadPopulation({ vintage: 'revised', source: 'nbs_export_2024' });
    expectComplete(x.rows, [2024]);
    for (const r of x.rows) expect(r.value, r.province).toBe(revised.rows.find((v) => v.provinceCode === r.provinceCode && v.year === 2024)?.value);
  });

  it('applies and reports the Heilongjiang 2013 erratum (3535 -> 3835); errata: false loads the printed value', () => {
    const hlj = (rows: PopulationRow[], y: number) => rows.find((r) => r.provinceCode === '230000' && r.year === y) as PopulationRow;
    expect(first.appliedErrata.map((e) => [e.id, e.printed, e.corrected, e.rowsChanged])).toEqual([['csy2020-heilongjiang-2013', '3535', '3835', 1]]);
    expect(hlj(first.rows, 2013)).toMatchObject({ value: 3835, errata: ['csy2020-heilongjiang-2013'] });
    expect(hlj(first.rows, 2012).errata).toEqual([]);
    const printed = loadPopulation({ vintage: 'first-published', errata: false });
    expect(hlj(printed.rows, 2013).value).toBe(3535);
    expect(printed.appliedErrata).toEqual([]);
    // the evidence: the national-minus-provinces gap becomes smooth (615, 556, 536) only with 3835
    const nat = loadNationalPopulation().rows;
    const gap = (rows: PopulationRow[], y: number) => (nat.find((r) => r.year === y)?.value as number) - rows.filter((r) => r.year === y).reduce((s, r) => s + r.value, 0);
    expect([gap(first.rows, 2012), gap(first.rows, 2013), gap(first.rows, 2014)]).toEqual([615, 556, 536]);
    expect(gap(printed.rows, 2013)).toBe(856);
  });

  it('the vintages agree exactly for every province in 2005-2010 (no revision)', () => {
    for (const y of range(2005, 2010)) {
      for (const code of ALL_CODES) {
        const a = first.rows.find((r) => r.provinceCode === code && r.year === y)?.value;
        const b = revised.rows.find((r) => r.provinceCode === code && r.year === y)?.value;
        expect(a, `${code} ${y}`).toBe(b);
      }
    }
  });

  it('the vintages differ in 2011-2019 (post-2020-census revision) except exactly Qinghai 2011 and Hubei 2014/2016/2018/2019', () => {
    const same: string[] = [];
    for (const y of range(2011, 2019)) {
      for (const code of ALL_CODES) {
        const a = first.rows.find((r) => r.provinceCode === code && r.year === y)?.value;
        const b = revised.rows.find((r) => r.provinceCode === code && r.year === y)?.value;
        if (a === b) same.push(`${code}:${y}`);
      }
    }
    expect(same).toEqual(['630000:2011', '420000:2014', '420000:2016', '420000:2018', '420000:2019']);
    // SOURCES.md's example: Tianjin 2016, 1562 first published and 1443 revised
    expect(first.rows.find((r) => r.provinceCode === '120000' && r.year === 2016)?.value).toBe(1562);
    expect(revised.rows.find((r) => r.provinceCode === '120000' && r.year === 2016)?.value).toBe(1443);
  });

  it('CSY2020 2016 equals the China Population & Employment Statistical Yearbook 2017 excerpt (22 regions)', () => {
    const text = readVerified('raw/cpesy2017_t2-1_population_2016_EXCERPT.txt');
    const parsed = text.slice(text.indexOf('National Total 138271')).split(/[;.]\s*/).map((s) => s.trim().match(/^([A-Za-z ]+) (\d+)$/)).filter(Boolean) as RegExpMatchArray[];
    expect(parsed).toHaveLength(22);
    for (const [, name, value] of parsed) {
      const v = name === 'National Total' ? loadNationalPopulation().rows.find((r) => r.year === 2016)?.value : first.rows.find((r) => r.provinceCode === provinceCode(name) && r.year === 2016)?.value;
      expect(v, name).toBe(Number(value));
    }
  });

  it('rejects a source of the other vintage', () => {
    expect(() => loadPopulation({ vintage: 'first-published', source: 'nbs_pik' })).toThrow(/vintage revised, not first-published/);
  });
});

describe('gross regional product and per-capita GRP', () => {
  const pik = loadGdp();
  const henry = loadGdp({ series: 'henrylin03' });

  it('PIK: 31 provinces 2005-2024; henrylin03: 31 provinces 1992-2020; 2025-revision exports: 2019-2023', () => {
    expectComplete(pik.rows, range(2005, 2024));
    expectComplete(henry.rows, range(1992, 2020));
    expectComplete(loadGdp({ series: 'nbs_export_2025_revision' }).rows, range(2019, 2023));
    expect(pik.rows.every((r) => r.unit === '100 million yuan')).toBe(true);
  });

  it('henrylin03 equals PIK in 2005-2019 and differs for 30 provinces in 2020 (earlier release)', () => {
    const val = (rows: GdpRow[], c: string, y: number) => rows.find((r) => r.provinceCode === c && r.year === y)?.value;
    for (const y of range(2005, 2019)) for (const c of ALL_CODES) expect(val(henry.rows, c, y), `${c} ${y}`).toBe(val(pik.rows, c, y));
    expect(ALL_CODES.filter((c) => val(henry.rows, c, 2020) !== val(pik.rows, c, 2020))).toHaveLength(30);
  });

  it('the 2025 revision differs from the PIK series (e.g. Beijing 2019: 37,767.0 vs 35,445.1)', () => {
    const rev = loadGdp({ series: 'nbs_export_2025_revision' });
    expect(rev.rows.find((r) => r.provinceCode === '110000' && r.year === 2019)?.value).toBe(37767.0);
    expect(pik.rows.find((r) => r.provinceCode === '110000' && r.year === 2019)?.value).toBe(35445.1);
  });

  it('per-capita GRP: 31 provinces 2019-2023 (yuan per person); Qinghai yearbook 2012-2013: 21 provinces Beijing..Hainan plus national', () => {
    const pc = loadGdpPerCapita();
    expectComplete(pc.rows, range(2019, 2023));
    expect(pc.rows.every((r) => r.unit === 'yuan per person' && r.indicator === 'grp_per_capita')).toBe(true);
    const qh = loadGdpPerCapita({ series: 'qinghai_yb2014', national: true });
    const eastAndCentral = ALL_CODES.slice(0, 21);
    for (const y of [2012, 2013]) {
      expect(qh.rows.filter((r) => r.year === y && r.level === 'province').map((r) => r.provinceCode)).toEqual(eastAndCentral);
      expect(qh.rows.filter((r) => r.year === y && r.level === 'national')).toHaveLength(1);
    }
    expect(qh.rows.find((r) => r.level === 'national' && r.year === 2012)?.value).toBe(38420);
  });
});

describe('errata', () => {
  it('each erratum names an existing file and is applied by its loader', () => {
    const errata = loadErrata();
    expect(errata.map((e) => e.id)).toEqual([
      'csy2020-heilongjiang-2013',
      'fu2023-t2-shaanxi',
      'fu2023-t5-registrations-2015',
      'fu2023-t10-2016-inner-mongolia',
      'fu2023-t10-2016-guangxi',
      'fu2023-t11-2016-inner-mongolia',
      'fu2023-t11-2016-guangxi',
      'li2024-t5-rows-4-7',
      'li2024-t5-row-14',
    ]);
    for (const e of errata) {
      expect(e.evidence.length, e.id).toBeGreaterThan(20);
      const raw = parseCsvObjects(readVerified(e.file), e.file);
      const { applied } = applyErrata(e.file, raw);
      expect(applied.map((a) => a.id)).toContain(e.id);
    }
  });

  it('an erratum whose printed value no longer matches fails loudly', () => {
    const raw = parseCsvObjects(readVerified('population_csy2020.csv'), 'p').map((r) =>
      r.province_code === '230000' && r.year === '2013' ? { ...r, value: '3600' } : r,
    );
    expect(() => applyErrata('population_csy2020.csv', raw)).toThrow(/csy2020-heilongjiang-2013.*holds "3600", not the printed value "3535"/);
    expect(() => applyErrata('population_csy2020.csv', raw.filter((r) => !(r.province_code === '230000' && r.year === '2013')))).toThrow(/matches no row/);
  });

  it('the inputs of applyErrata are not mutated', () => {
    const raw = Object.freeze(parseCsvObjects(readVerified('population_csy2020.csv'), 'p').map((r) => Object.freeze(r)));
    const { records } = applyErrata('population_csy2020.csv', raw as Record<string, string>[]);
    expect(records.find((r) => r.province_code === '230000' && r.year === '2013')?.value).toBe('3835');
    expect(raw.find((r) => r.province_code === '230000' && r.year === '2013')?.value).toBe('3535');
  });
});

describe("loaders' options are checked (the kernel's checkOptions): nothing misspelt is silently ignored", () => {
  it('unknown keys are refused with the nearest name and the known ones', () => {
    expect(() => loadPopulation({ vintage: 'revised', sauce: 'nbs_pik' } as never)).toThrow(
      new TypeError("loadPopulation: unknown option 'sauce': did you mean 'source'? (known: vintage, source, errata)"),
    );
    expect(() => loadNationalPopulation({ erata: false } as never)).toThrow(/unknown option 'erata': did you mean 'errata'\?/);
    expect(() => loadGdp({ serie: 'nbs_pik' } as never)).toThrow(/loadGdp: unknown option 'serie': did you mean 'series'\?/);
    expect(() => loadGdpPerCapita({ nationl: true } as never)).toThrow(/did you mean 'national'\?/);
    expect(() => loadLandArea({ sorce: 'nbs_land_survey_2008' } as never)).toThrow(/loadLandArea: unknown option 'sorce'/);
    expect(() => loadPublishedTable('fu2023', 'table2', { errtaa: false } as never)).toThrow(/loadPublishedTable: unknown option 'errtaa'/);
  });

  it('flags must be booleans, not text', () => {
    expect(() => loadPopulation({ vintage: 'first-published', errata: 'no' } as never)).toThrow(new TypeError('loadPopulation: errata must be true or false (got \'no\')'));
    expect(() => loadNationalPopulation({ errata: 0 } as never)).toThrow(TypeError);
    expect(() => loadGdpPerCapita({ national: 'yes' } as never)).toThrow(/national must be true or false/);
    expect(() => loadPublishedTable('fu2023', 'table2', { errata: 'false' } as never)).toThrow(/errata must be true or false/);
    expect(() => applyErrata('population_csy2020.csv', [], 'no' as never)).toThrow(/applyErrata: apply must be true or false/);
  });

  it('enumerated values are exact, and a wrong one lists the valid ones (never an empty result)', () => {
    expect(() => loadRegions('LI2024' as never)).toThrow(new RangeError("loadRegions: scheme must be 'fu2023' or 'li2024' (got LI2024)"));
    expect(() => loadPopulation({ vintage: 'Revised' } as never)).toThrow(new RangeError("loadPopulation: vintage must be 'first-published' or 'revised' (got Revised)"));
    expect(() => loadPopulation({ vintage: 'revised', source: 'nbs' } as never)).toThrow(/source must be 'csy2020', 'nbs_pik' or 'nbs_export_2024' \(got nbs\)/);
    expect(() => loadGdp({ series: 'qinghai_yb2014' } as never)).toThrow(new RangeError("loadGdp: series must be 'nbs_pik', 'henrylin03' or 'nbs_export_2025_revision' (got qinghai_yb2014)"));
    expect(() => loadGdpPerCapita({ series: 'nbs_pik' } as never)).toThrow(RangeError);
    expect(() => loadPublishedTable('xx' as never, 'table1')).toThrow(new RangeError("loadPublishedTable: study must be 'fu2023', 'li2024' or 'yu2021' (got xx)"));
    expect(() => listPublishedTables('Fu2023' as never)).toThrow(/listPublishedTables: study must be 'fu2023', 'li2024' or 'yu2021'/);
    expect(() => loadPublishedTable('fu2023', 'table99')).toThrow(/no published table table99 for fu2023 \(known: table1, table2, .*table11\)/);
    expect(() => loadTextValues('fu2023' as never)).toThrow(RangeError);
  });

  it('loadPopulation without options, or without a vintage, says what it needs', () => {
    const load = loadPopulation as (options?: unknown) => unknown;
    expect(() => load()).toThrow(new TypeError("loadPopulation requires options with a vintage: { vintage: 'first-published' } or { vintage: 'revised' }"));
    expect(() => load({})).toThrow(new TypeError("loadPopulation: options.vintage is required ('first-published' or 'revised')"));
    expect(() => load(null)).toThrow(/loadPopulation: options must be an object/);
    expect(() => loadPublishedTable(undefined as never, 'table1')).toThrow(/study is required/);
  });
});

describe('toDataFrame (lib/data/frame.ts)', () => {
  it('turns a loader result into a danfo DataFrame in one call', () => {
    const df = toDataFrame(loadPopulation({ vintage: 'first-published' }));
    expect(df.shape).toEqual([620, 7]);
    expect(df.columns).toEqual(['provinceCode', 'province', 'year', 'vintage', 'source', 'value', 'errata']);
    expect(() => toDataFrame([])).toThrow(/no rows/);
  });
});
