#!/usr/bin/env node
/**
 * Build the tidy data files of data/ from the verbatim copies in data/raw/, check them, and write
 * data/datapackage.json (Frictionless Data Package v1) with a sha256 for every file.
 *
 * Usage: npm run data:build                     (tsx scripts/build-data.mjs: rebuild everything; deterministic)
 *        npx tsx scripts/build-data.mjs --check (rebuild in memory and fail if any committed file differs)
 * It runs through tsx (a devDependency) because it reads and writes CSV with the library's own parser and writer,
 * lib/data/csv.ts.
 *
 * What it does, and nothing more:
 *  - reshapes each raw table to long form (province_code, province, year, indicator, value): values are copied
 *    as text, never recomputed, rounded or corrected (errata are applied by the loaders, at load time);
 *  - maps the raw files' province names to GB/T 2260 codes through data/provinces.csv (exact names/aliases only);
 *  - checks: 31 provinces per year, no duplicates, provinces.csv area = the raw area file, regions.csv complete;
 *  - writes the two SYNTHETIC sample tables of templates/ (kind "synthetic": invented numbers drawn with the
 *    library's seeded generator): one_year_provinces.csv (invented physicians next to the real 2018 population
 *    and area), districts_long.csv (invented districts, all numbers invented) and wide_provinces_physicians.csv
 *    (invented physicians, provinces x years);
 *  - writes datapackage.json: every resource with its schema, source, licence, kind and sha256.
 * Hand-maintained files it does not write: provinces.csv, regions.csv, errata.csv, published/** (see
 * scripts/transcribe-seeds.mjs), published/inconsistencies.csv, templates/phc_workforce.csv, README.md.
 */
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { formatCsv, parseCsvRecords } from '../lib/data/csv.ts';
import { seededRandom } from '../lib/measures/random.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dataDir = path.join(root, 'data');
const rawDir = path.join(dataDir, 'raw');
const checkOnly = process.argv.includes('--check');
const problems = [];
const written = new Map(); // relative path -> content

// ------------------------------------------------------------------ CSV (lib/data/csv.ts, the library's reader and writer)
/** Rows of fields (a BOM is removed; empty lines give ['']). */
const parseCsv = (text) => parseCsvRecords(text).map((r) => r.cells);
function emit(rel, columns, records) {
  written.set(rel, formatCsv(columns, records));
}
const readRaw = (name) => readFileSync(path.join(rawDir, name), 'utf8');
/** Lines starting with # are the source files' own comments (one holds an unbalanced quote): drop them before parsing. */
const withoutComments = (text) => text.split(/\r?\n/).filter((l) => !l.startsWith('#')).join('\n');
const stripBom = (s) => s.replace(/^\uFEFF/, '');

// ------------------------------------------------------------------ provinces
const provinceRows = parseCsv(readFileSync(path.join(dataDir, 'provinces.csv'), 'utf8'));
const provHeader = provinceRows[0];
const provinces = provinceRows.slice(1).filter((r) => r.length > 1).map((r) => Object.fromEntries(provHeader.map((h, i) => [h, r[i]])));
const nameToCode = new Map();
for (const p of provinces) {
  for (const n of [p.name_en, p.name_zh, p.name_zh_short, ...p.aliases.split('|').filter(Boolean)]) {
    if (nameToCode.has(n) && nameToCode.get(n) !== p.code) throw new Error(`provinces.csv: name ${n} used twice`);
    nameToCode.set(n, p.code);
  }
}
const codeToName = new Map(provinces.map((p) => [p.code, p.name_en]));
function code(name, file) {
  const c = nameToCode.get(name.trim());
  if (!c) throw new Error(`${file}: province name ${JSON.stringify(name)} not in data/provinces.csv`);
  return c;
}
const NUMBER = /^-?\d+(\.\d+)?$/;
function value(text, where) {
  const t = text.trim();
  if (!NUMBER.test(t)) throw new Error(`${where}: not a number: ${JSON.stringify(text)}`);
  return t;
}

// ------------------------------------------------------------------ population
const POP_COLUMNS = ['province_code', 'province', 'level', 'year', 'indicator', 'vintage', 'source', 'value'];
{
  const file = 'gcam_china_China_Statistics_Yearbook_population_CSY2020.csv';
  const rows = parseCsv(withoutComments(readRaw(file))).filter((r) => r.length > 1);
  const years = rows[0].slice(1);
  const records = [];
  for (const r of rows.slice(1)) {
    const name = r[0];
    if (name === 'sum' || name === 'difference') continue; // added by the repository's authors, not the yearbook's
    const national = name === 'National Total';
    r.slice(1).forEach((v, i) => records.push({
      province_code: national ? '' : code(name, file), province: name, level: national ? 'national' : 'province',
      year: years[i], indicator: 'population_year_end', vintage: 'first-published', source: 'csy2020',
      value: value(v, `${file} ${name} ${years[i]}`),
    }));
  }
  emit('population_csy2020.csv', POP_COLUMNS, records);
}
{
  const file = 'pypsa_china_pik__historical_population.csv';
  const rows = parseCsv(withoutComments(readRaw(file))).filter((r) => r.length > 1);
  const years = rows[0].slice(1).map((y) => y.trim());
  const records = [];
  for (const r of rows.slice(1)) {
    r.slice(1).forEach((v, i) => records.push({
      province_code: code(r[0], file), province: r[0], level: 'province', year: years[i],
      indicator: 'population_year_end', vintage: 'revised', source: 'nbs_pik', value: value(v, `${file} ${r[0]} ${years[i]}`),
    }));
  }
  records.sort((a, b) => a.province_code.localeCompare(b.province_code) || Number(a.year) - Number(b.year));
  emit('population_nbs_revised_pik.csv', POP_COLUMNS, records);
}
/** The NBS export files (data.stats.gov.cn 分省年度数据): two header lines, a comma+tab layout, notes at the end. */
function nbsExport(file) {
  const lines = stripBom(readRaw(file)).split(/\r?\n/);
  const year = lines[1].match(/(\d{4})年/)[1];
  const header = lines[2].split(',').map((s) => s.trim());
  const body = [];
  for (const line of lines.slice(3)) {
    if (!line.trim() || line.startsWith('注') || line.startsWith('数据来源')) continue;
    const cells = line.split(',').map((s) => s.trim());
    body.push(cells);
  }
  return { year, header, body };
}
{
  const file = 'liushenwuzhu__nbs_pop_2024.csv';
  const { year, header, body } = nbsExport(file);
  const indicators = { '年末常住人口 (万人)': 'population_year_end', '城镇人口 (万人)': 'population_urban', '乡村人口 (万人)': 'population_rural' };
  const records = [];
  for (const cells of body) {
    header.forEach((h, i) => {
      if (!indicators[h]) return;
      records.push({
        province_code: code(cells[0], file), province: cells[0], level: 'province', year, indicator: indicators[h],
        vintage: 'revised', source: 'nbs_export_2024', value: value(cells[i], `${file} ${cells[0]} ${h}`),
      });
    });
  }
  emit('population_nbs_export_2024.csv', POP_COLUMNS, records);
}

// ------------------------------------------------------------------ gross regional product
const GDP_COLUMNS = ['province_code', 'province', 'level', 'year', 'indicator', 'series', 'unit', 'value'];
{
  const file = 'pypsa_china_pik__historical_gdp.csv';
  const rows = parseCsv(withoutComments(readRaw(file))).filter((r) => r.length > 1);
  const years = rows[0].slice(1).map((y) => y.trim());
  const records = [];
  for (const r of rows.slice(1)) {
    r.slice(1).forEach((v, i) => records.push({
      province_code: code(r[0], file), province: r[0], level: 'province', year: years[i], indicator: 'grp',
      series: 'nbs_pik', unit: '100 million yuan', value: value(v, `${file} ${r[0]} ${years[i]}`),
    }));
  }
  records.sort((a, b) => a.province_code.localeCompare(b.province_code) || Number(a.year) - Number(b.year));
  emit('gdp_nbs_pik.csv', GDP_COLUMNS, records);
}
{
  const file = 'henrylin03__gdp_province_en.csv';
  const rows = parseCsv(readRaw(file)).filter((r) => r.length > 1);
  const names = rows[0].slice(1);
  const records = [];
  for (const r of rows.slice(1)) {
    r.slice(1).forEach((v, i) => records.push({
      province_code: code(names[i], file), province: names[i], level: 'province', year: r[0], indicator: 'grp',
      series: 'henrylin03', unit: '100 million yuan', value: value(v, `${file} ${names[i]} ${r[0]}`),
    }));
  }
  records.sort((a, b) => a.province_code.localeCompare(b.province_code) || Number(a.year) - Number(b.year));
  emit('gdp_henrylin03.csv', GDP_COLUMNS, records);
}
{
  const records = [];
  for (const y of [2019, 2020, 2021, 2022, 2023]) {
    const file = `liushenwuzhu__nbs_gdp_${y}.csv`;
    const { year, header, body } = nbsExport(file);
    if (year !== String(y)) throw new Error(`${file}: says year ${year}`);
    const wanted = { '地区生产总值 (亿元)': ['grp', '100 million yuan'], '人均地区生产总值 (元/人)': ['grp_per_capita', 'yuan per person'] };
    for (const cells of body) {
      header.forEach((h, i) => {
        if (!wanted[h]) return;
        records.push({
          province_code: code(cells[0], file), province: cells[0], level: 'province', year, indicator: wanted[h][0],
          series: 'nbs_export_2025_revision', unit: wanted[h][1], value: value(cells[i], `${file} ${cells[0]} ${h}`),
        });
      });
    }
  }
  emit('gdp_nbs_export_2025_revision.csv', GDP_COLUMNS, records);
}
{
  const file = 'qinghai_yb2014_t23-3_percapita_gdp_2012_2013_TRANSCRIBED.csv';
  const rows = parseCsv(withoutComments(readRaw(file))).filter((r) => r.length > 1);
  const header = rows[0];
  const records = [];
  for (const r of rows.slice(1)) {
    const national = r[0] === 'National Average';
    for (const [i, h] of header.entries()) {
      const m = h.match(/^pcgdp_(\d{4})$/);
      if (!m) continue;
      records.push({
        province_code: national ? '' : code(r[0], file), province: `${r[0]} (${r[1]})`, level: national ? 'national' : 'province',
        year: m[1], indicator: 'grp_per_capita', series: 'qinghai_yb2014', unit: 'yuan per person', value: value(r[i], `${file} ${r[0]} ${h}`),
      });
    }
  }
  emit('gdp_per_capita_qinghai_yb2014.csv', GDP_COLUMNS, records);
}

// ------------------------------------------------------------------ land area, second source (land survey 2008)
// China Statistical Yearbook 2009 table 11-34 (30 provinces + national total, 10,000 ha) and Xinjiang from the
// Xinjiang Statistical Yearbook 2016 (same 2008 land-use change survey, km²). Values copied as printed, each with
// its own unit; the loader (lib/data/landArea.ts) converts 10,000 ha to km² by shifting the decimal point.
const LAND_COLUMNS = ['province_code', 'province', 'level', 'indicator', 'survey', 'source', 'unit', 'value', 'note'];
{
  const records = [];
  const file = 'nbs_csy2009_t11-34_land_survey_area_2008_TRANSCRIBED.csv';
  const rows = parseCsv(withoutComments(readRaw(file))).filter((r) => r.length > 1);
  if (rows[0].join(',') !== 'region_en,area_under_land_survey_10k_ha') throw new Error(`${file}: unexpected header ${rows[0]}`);
  for (const r of rows.slice(1)) {
    const national = r[0] === 'National Total';
    records.push({
      province_code: national ? '' : code(r[0], file), province: r[0], level: national ? 'national' : 'province',
      indicator: 'area_under_land_survey', survey: '2008 land-use change survey', source: 'nbs_csy2009_t11-34', unit: '10000 hectares',
      value: value(r[1], `${file} ${r[0]}`), note: '',
    });
  }
  const xjFile = 'zhwiki_xinjiang_land_area_2008_TRANSCRIBED.csv';
  const xj = parseCsv(withoutComments(readRaw(xjFile))).filter((r) => r.length > 1);
  if (xj.length !== 2 || xj[1][0] !== '新疆維吾爾自治區') throw new Error(`${xjFile}: expected one row, 新疆維吾爾自治區`);
  records.push({
    province_code: '650000', province: xj[1][0], level: 'province', indicator: 'area_under_land_survey',
    survey: '2008 land-use change survey', source: 'xinjiang_yb2016_via_zhwiki', unit: 'km2',
    value: value(xj[1][1].replace(/,/g, ''), `${xjFile} ${xj[1][0]}`),
    note: 'Not visible in the stored excerpt of CSY2009 table 11-34 (it ends inside the Ningxia row); from the Xinjiang Statistical Yearbook 2016 via zh.wikipedia (2008 land-use change survey). Thousands commas removed.',
  });
  records.sort((a, b) => (a.level === 'national' ? -1 : b.level === 'national' ? 1 : a.province_code.localeCompare(b.province_code)));
  emit('land_area_land_survey_2008.csv', LAND_COLUMNS, records);
  // checks: 31 provinces once each; the 31 provinces add up to the printed national total within rounding
  // (30 cells printed to 0.1 x 10,000 ha = 10 km², so at most 30 x 5 km² + 5 km² for the total's own rounding).
  const prov = records.filter((r) => r.level === 'province');
  if (new Set(prov.map((r) => r.province_code)).size !== 31 || prov.length !== 31) problems.push('land_area_land_survey_2008.csv: not the 31 provinces once each');
  const km2 = (r) => (r.unit === 'km2' ? Number(r.value) : Number(r.value) * 100);
  const sum = prov.reduce((s, r) => s + km2(r), 0);
  const total = km2(records.find((r) => r.level === 'national'));
  if (Math.abs(sum - total) > 155) problems.push(`land_area_land_survey_2008.csv: provinces add up to ${sum} km², national total ${total} km²`);
}

// ------------------------------------------------------------------ Yu et al. 2021 tables (transcribed by the project, in raw/)
const PUB_COLUMNS = [
  'study', 'table', 'row_order', 'column_order', 'row_group_label', 'row_label', 'column_label',
  'geo_type', 'province_code', 'region_id', 'indicator', 'measure', 'basis', 'category',
  'year', 'period', 'unit', 'value_text', 'value', 'note',
];
const YU_ZONES = { Total: ['national', 'national'], 'Eastern region': ['zone', 'east'], 'Middle region': ['zone', 'middle'], 'Western region': ['zone', 'west'] };
for (const [file, table, out, measure] of [
  ['bmc_hrh_s12960-021-00561-8_table5_gp_share_of_physicians_pct.tsv', 'table5', 'published/yu2021/table5_gp_share_of_practising_physicians_pct.csv', 'share_of_practising_physicians_pct'],
  ['bmc_hrh_s12960-021-00561-8_table6_gp_registration_rate_pct.tsv', 'table6', 'published/yu2021/table6_gp_registration_rate_pct.csv', 'registration_rate_pct'],
]) {
  const lines = readRaw(file).split('\n').filter((l) => l && !l.startsWith('#'));
  const header = lines[0].split('\t');
  const records = [];
  lines.slice(1).forEach((line, r) => {
    const [label, ...vals] = line.split('\t');
    vals.forEach((v, k) => {
      const zone = YU_ZONES[label];
      records.push({
        study: 'yu2021', table, row_order: r + 1, column_order: k + 1, row_group_label: '', row_label: label, column_label: header[k + 1],
        geo_type: zone ? zone[0] : 'province', province_code: zone ? '' : code(label, file), region_id: zone ? zone[1] : '',
        indicator: 'gp', measure, basis: '', category: '', year: header[k + 1], period: '', unit: 'percent',
        value_text: v.trim(), value: value(v, `${file} ${label} ${header[k + 1]}`), note: label === 'Yunna' ? '"Yunna" is the page\'s spelling of Yunnan' : '',
      });
    });
  });
  emit(out, PUB_COLUMNS, records);
}

// ------------------------------------------------------------------ SYNTHETIC sample tables (invented numbers)
// Samples of the one-year and panel layouts of readProvinceTable, for examples, tests and the analysis layer. The
// invented numbers are drawn here with the library's seeded generator (seededRandom); each file starts with a #
// comment line that says which columns are invented.
const synthetic = new Map(); // relative path -> text
/** A log-uniform draw between low and high. */
const draw = (random, low, high) => Math.exp(Math.log(low) + random() * (Math.log(high) - Math.log(low)));
{
  // one row per province (data/provinces.csv names, code order), one column per indicator. Population and area are
  // real and copied as text (population: population_csy2020.csv, year-end 2018; area: provinces.csv area_km2);
  // only the physicians are invented.
  const random = seededRandom(20180101);
  const popRows = parseCsv(written.get('population_csy2020.csv'));
  const pop2018 = new Map(popRows.slice(1).filter((r) => r[2] === 'province' && r[3] === '2018').map((r) => [r[0], r[7]]));
  if (pop2018.size !== 31) throw new Error('population_csy2020.csv: 2018 does not have 31 provinces');
  const records = provinces.map((p) => {
    const population = pop2018.get(p.code); // 10,000 persons, as printed
    const perThousand = 1.8 + 1.8 * random(); // invented: physicians per 1,000 persons
    return { province: p.name_en, population, area: p.area_km2, physicians: Math.round(Number(population) * 10 * perThousand) };
  });
  const comment = '# SYNTHETIC physicians (invented by scripts/build-data.mjs); population (year-end 2018, 10000 persons, CSY2020 table 2-5) and area (km2, data/provinces.csv) are real. One row per province.\n';
  synthetic.set('templates/one_year_provinces.csv', comment + formatCsv(['province', 'population', 'area', 'physicians'], records));
}
{
  // 12 invented districts in 3 groups over 2 years; the groups differ in physician density, so that a Theil
  // decomposition has a between-group part
  const random = seededRandom(20210101);
  const groups = { North: ['Arvenna', 'Belmora', 'Corrisk', 'Dallowen'], Central: ['Estrany', 'Fenmarrow', 'Gallisk', 'Hesperin'], South: ['Ivrenne', 'Jastow', 'Kelmora', 'Lunvarre'] };
  const density = { North: 3.0, Central: 2.2, South: 1.5 }; // physicians per 1,000 persons, before a ±20% spread
  const records = [];
  for (const [group, districts] of Object.entries(groups)) {
    for (const district of districts) {
      const area = Math.round(draw(random, 50, 2500)); // km²
      let population = Math.round(draw(random, 40000, 400000)); // persons
      let physicians = Math.round((population / 1000) * density[group] * (0.8 + 0.4 * random()));
      for (const year of [2021, 2022]) {
        if (year > 2021) {
          population = Math.round(population * (1.005 + 0.01 * random()));
          physicians = Math.round(physicians * (1.02 + 0.06 * random()));
        }
        records.push({ district, group, year, physicians, population, area });
      }
    }
  }
  const comment = '# SYNTHETIC: invented districts and numbers, not statistics (scripts/build-data.mjs). Panel layout: one row per district and year; population in persons, area in km2.\n';
  synthetic.set('templates/districts_long.csv', comment + formatCsv(['district', 'group', 'year', 'physicians', 'population', 'area'], records));
}
{
  // the wide layout: one indicator (physicians), provinces in rows and years in columns; every number invented
  const random = seededRandom(20170101);
  const years = [2017, 2018, 2019];
  const records = provinces.map((p) => {
    const row = { province: p.name_en };
    let physicians = Math.round(draw(random, 8000, 300000));
    for (const year of years) {
      if (year > years[0]) physicians = Math.round(physicians * (1.01 + 0.06 * random()));
      row[String(year)] = physicians;
    }
    return row;
  });
  const comment = '# SYNTHETIC: every number is invented (scripts/build-data.mjs), not statistics. Wide layout: one indicator (physicians), provinces in rows, years in columns.\n';
  synthetic.set('templates/wide_provinces_physicians.csv', comment + formatCsv(['province', ...years.map(String)], records));
}

// ------------------------------------------------------------------ checks on the reshaped series
function checkComplete(rel, records, filter = () => true) {
  const seen = new Map();
  for (const r of records.filter((x) => x.level === 'province' && filter(x))) {
    const key = `${r.indicator}|${r.year}`;
    if (!seen.has(key)) seen.set(key, new Set());
    const s = seen.get(key);
    if (s.has(r.province_code)) problems.push(`${rel}: duplicate ${r.province_code} ${key}`);
    s.add(r.province_code);
  }
  for (const [key, s] of seen) if (s.size !== 31) problems.push(`${rel}: ${key} has ${s.size} provinces, expected 31`);
}
for (const rel of ['population_csy2020.csv', 'population_nbs_revised_pik.csv', 'population_nbs_export_2024.csv', 'gdp_nbs_pik.csv', 'gdp_henrylin03.csv', 'gdp_nbs_export_2025_revision.csv']) {
  const rows = parseCsv(written.get(rel));
  const recs = rows.slice(1).map((r) => Object.fromEntries(rows[0].map((h, i) => [h, r[i]])));
  checkComplete(rel, recs);
}
{
  // provinces.csv area must be the raw area file's value, digit for digit
  const rows = parseCsv(readRaw('henrylin03__area_2205301912.csv')).filter((r) => r.length > 1).slice(1);
  const area = new Map();
  for (const r of rows) if (nameToCode.has(r[0])) area.set(nameToCode.get(r[0]), r[1]);
  for (const p of provinces) {
    if (area.get(p.code) !== p.area_km2) problems.push(`provinces.csv: area of ${p.name_en} is ${p.area_km2}, raw file says ${area.get(p.code)}`);
  }
  if (provinces.length !== 31) problems.push(`provinces.csv: ${provinces.length} provinces`);
  // regions.csv: each scheme covers the 31 provinces once
  const reg = parseCsv(readFileSync(path.join(dataDir, 'regions.csv'), 'utf8'));
  const regRecs = reg.slice(1).filter((r) => r.length > 1).map((r) => Object.fromEntries(reg[0].map((h, i) => [h, r[i]])));
  for (const scheme of ['fu2023', 'li2024']) {
    const codes = regRecs.filter((r) => r.scheme === scheme).map((r) => r.province_code);
    if (new Set(codes).size !== 31 || codes.length !== 31 || codes.some((c) => !codeToName.has(c))) problems.push(`regions.csv: scheme ${scheme} does not cover the 31 provinces once`);
  }
}

// ------------------------------------------------------------------ write (or compare) the reshaped files and the samples
for (const [rel, text] of [...written, ...synthetic]) {
  const file = path.join(dataDir, rel);
  if (checkOnly) {
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text) problems.push(`${rel}: differs from what scripts/build-data.mjs produces`);
  } else writeFileSync(file, text, 'utf8');
}

// ------------------------------------------------------------------ datapackage.json
const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
const REPOS = {
  gcam: { title: 'Daifei-Huang/gcam-hk-v8test (copy of GCAM-China input data)', path: 'https://github.com/Daifei-Huang/gcam-hk-v8test/blob/8a5c603bdc53c03d0594c879e0d8ba013ebfd572/input/gcamdata/inst/extdata/gcam-china/China_Statistics_Yearbook.csv', commit: '8a5c603bdc53c03d0594c879e0d8ba013ebfd572', repository: 'https://github.com/Daifei-Huang/gcam-hk-v8test', file: 'input/gcamdata/inst/extdata/gcam-china/China_Statistics_Yearbook.csv', note: 'Same file in umd-cgs/gcam-china at 99a28acdb391c52e880400adf12a079b954e500b. The numbers are China Statistical Yearbook 2020 table 2-5 (NBS).' },
  pikPop: { title: 'pik-piam/PyPSA-China-PIK historical_population.csv (from data.stats.gov.cn)', path: 'https://github.com/pik-piam/PyPSA-China-PIK/blob/25c83bfb37bc7d81f3058d3f8271fa34383d63ee/resources/data/population/historical_population.csv', commit: '25c83bfb37bc7d81f3058d3f8271fa34383d63ee', repository: 'https://github.com/pik-piam/PyPSA-China-PIK', file: 'resources/data/population/historical_population.csv', note: 'Header cites https://data.stats.gov.cn/easyquery.htm?cn=E0103 (NBS).' },
  pikGdp: { title: 'pik-piam/PyPSA-China-PIK historical_gdp.csv (from data.stats.gov.cn)', path: 'https://github.com/pik-piam/PyPSA-China-PIK/blob/25c83bfb37bc7d81f3058d3f8271fa34383d63ee/resources/data/population/historical_gdp.csv', commit: '25c83bfb37bc7d81f3058d3f8271fa34383d63ee', repository: 'https://github.com/pik-piam/PyPSA-China-PIK', file: 'resources/data/population/historical_gdp.csv', note: 'Header cites https://data.stats.gov.cn/easyquery.htm?cn=E0103 (NBS).' },
  henryGdp: { title: 'henrylin03/china-gdp "Chinas GDP in Province En.csv"', path: 'https://github.com/henrylin03/china-gdp/blob/2542574f5529a69ab5cd4772edd2e72fbc0d055d/input/Chinas%20GDP%20in%20Province%20En.csv', commit: '2542574f5529a69ab5cd4772edd2e72fbc0d055d', repository: 'https://github.com/henrylin03/china-gdp', file: 'input/Chinas GDP in Province En.csv', note: 'NBS gross regional product as downloaded about 2022.' },
  henryArea: { title: 'henrylin03/china-gdp area_2205301912.csv (scraped from Wikipedia, "List of Chinese administrative divisions by area")', path: 'https://github.com/henrylin03/china-gdp/blob/3d21926d70e23ec296b06e6670bb0f02e801a7d1/input/area_2205301912.csv', commit: '3d21926d70e23ec296b06e6670bb0f02e801a7d1', repository: 'https://github.com/henrylin03/china-gdp', file: 'input/area_2205301912.csv', note: 'Scraped from Wikipedia; NOT an official NBS table.' },
  liuGdp: { title: 'Liushenwuzhu-Alpaca/province-economy NBS exports 分省年度数据 (2019-2023)', path: 'https://github.com/Liushenwuzhu-Alpaca/province-economy/tree/01f5e21f84c6b02e3e4155f0ece44dcd07b8e18e/data/raw/nbs_exports', commit: '01f5e21f84c6b02e3e4155f0ece44dcd07b8e18e', repository: 'https://github.com/Liushenwuzhu-Alpaca/province-economy', file: 'data/raw/nbs_exports/分省年度数据*.csv', note: 'Exports of data.stats.gov.cn; their note says GRP 1992-2023 was revised after the 5th national economic census.' },
  liuPop: { title: 'Liushenwuzhu-Alpaca/province-economy NBS export 分省年度数据人口 (2024)', path: 'https://github.com/Liushenwuzhu-Alpaca/province-economy/blob/78eac675d3693ce4928c76bb91ff44da517aabff/data/raw/nbs_exports/%E5%88%86%E7%9C%81%E5%B9%B4%E5%BA%A6%E6%95%B0%E6%8D%AE%E4%BA%BA%E5%8F%A3.csv', commit: '78eac675d3693ce4928c76bb91ff44da517aabff', repository: 'https://github.com/Liushenwuzhu-Alpaca/province-economy', file: 'data/raw/nbs_exports/分省年度数据人口.csv', note: 'Export of data.stats.gov.cn.' },
  qinghai: { title: 'Qinghai Statistical Yearbook 2014, table 23-3 (stored page, transcribed by the project)', path: 'http://tjj.qinghai.gov.cn/nj/2014/html\\2303.htm', note: 'TRANSCRIBED by hand from a stored copy of the page; excerpt ends at Hainan.' },
  cpesy: { title: 'China Population & Employment Statistical Yearbook 2017, table 2-1 (stored page excerpt)', path: 'https://baoaiwan.cn/wenku/rrbaa/4ZVm9DrW6j', note: 'Evidence only.' },
  yu: { title: 'Yu Q, Yin W, Huang D, et al. Trend and equity of general practitioners\' allocation in China based on the data from 2012-2017. Hum Resour Health 2021;19:20. doi:10.1186/s12960-021-00561-8', path: 'https://human-resources-health.biomedcentral.com/articles/10.1186/s12960-021-00561-8', note: 'Tables 5 and 6 transcribed by the project from a stored copy of the article pages.' },
  fu: { title: 'Fu Y, Wang J, Sun J, Zhang S, Huang D. Equity in the Allocation of General Practitioner Resources in Mainland China from 2012 to 2019. Healthcare 2023;11(3):398. doi:10.3390/healthcare11030398', path: 'https://doi.org/10.3390/healthcare11030398' },
  li: { title: 'Li S, Liao C, Zhang S. The role of Construction of Healthcare Consortium on the allocation of human resources for primary care resources and its equity in China. Preprint, 2024 (School of Humanities and Management, Fujian University of Traditional Chinese Medicine; corresponding author shenglizhang616@sina.com).', note: 'No address is known: the text copy used (seed 000_274b5de3a8f31649.txt) gives no DOI, preprint server or URL of the preprint itself, and none was found.' },
  nbsLand2008: { title: 'China Statistical Yearbook 2009, table 11-34 "Land Use by Region (2008)" (NBS; data of the Ministry of Land and Resources), stored page, transcribed by the project', path: 'http://www.stats.gov.cn/tjsj/ndsj/2009/html/L1134e.htm', note: 'TRANSCRIBED by hand from a stored copy of the page: column "Area under Land Survey" (10,000 hectares), national total and 30 provinces; the stored excerpt ends inside the Ningxia row, so Xinjiang is missing.' },
  xinjiangLand2008: { title: 'Xinjiang Statistical Yearbook 2016 (Xinjiang Uygur Autonomous Region Statistics Bureau), as cited by the zh.wikipedia list 新疆維吾爾自治區各地州市面積列表; stored page, transcribed by the project', path: 'https://zh.wikipedia.org/zh-mo/%E6%96%B0%E7%96%86%E7%BB%B4%E5%90%BE%E5%B0%94%E8%87%AA%E6%B2%BB%E5%8C%BA%E5%90%84%E5%9C%B0%E5%B7%9E%E5%B8%82%E9%9D%A2%E7%A7%AF%E5%88%97%E8%A1%A8', note: 'TRANSCRIBED by hand: the region total 1,664,897.17 km²; the page says the areas are 2008 land-use change survey data (same survey round as CSY2009 table 11-34).' },
  gbt2260: { title: 'GB/T 2260 Codes for the administrative divisions of the People\'s Republic of China (province-level codes)', path: 'https://www.mca.gov.cn/mzsj/xzqh/2022/202201xzqh.html', note: 'Province-level codes only; stable since 1997 (Chongqing 500000).' },
};
const LICENSES = {
  nbs: { name: 'NBS-official-statistics', title: 'Official statistics of the National Bureau of Statistics of China. No open licence is stated; cite the NBS as the source. The GitHub copies are third-party repositories (their own licences were not verified); only the official numbers are used.', path: 'https://www.stats.gov.cn' },
  qinghai: { name: 'Qinghai-official-statistics', title: 'Official statistics (Qinghai Provincial Bureau of Statistics yearbook); no open licence stated; cite the source.', path: 'http://tjj.qinghai.gov.cn' },
  wikipedia: { name: 'CC-BY-SA-4.0', title: 'Creative Commons Attribution-ShareAlike 4.0 (Wikipedia text licence; the area figures were scraped from Wikipedia by henrylin03/china-gdp)', path: 'https://creativecommons.org/licenses/by-sa/4.0/' },
  ccby: { name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' },
  liPreprint: { name: 'preprint-licence-unknown', title: 'Li et al. 2024 preprint: no licence is stated in the text copy used and none is known. Numbers are transcribed for scholarly comparison with full citation.' },
  project: { name: 'MIT', title: 'This project\'s own compilation (MIT, as the repository)', path: 'https://opensource.org/licenses/MIT' },
};
LICENSES.liPreprint.path = ''; // no licence URL known: leave the path empty rather than point at a guess
const F = (name, type, description, extra = {}) => ({ name, type, description, ...extra });
const popSchema = [
  F('province_code', 'string', 'GB/T 2260 province code; empty for the national row', { constraints: { pattern: '^$|^[1-6]\\d0000$' } }),
  F('province', 'string', 'Province name exactly as written in the source file'),
  F('level', 'string', 'province or national', { constraints: { enum: ['province', 'national'] } }),
  F('year', 'integer', 'Year (year-end population)'),
  F('indicator', 'string', 'population_year_end (usual residents at year end); population_urban / population_rural in the 2024 export'),
  F('vintage', 'string', 'first-published (as printed before the post-2020-census revision) or revised (current NBS series)', { constraints: { enum: ['first-published', 'revised'] } }),
  F('source', 'string', 'Source series id: csy2020, nbs_pik or nbs_export_2024'),
  F('value', 'number', 'Population as printed in the source (whole numbers)', { unit: '10,000 persons' }),
];
const gdpSchema = (unitNote) => [
  F('province_code', 'string', 'GB/T 2260 province code; empty for the national row'),
  F('province', 'string', 'Province name exactly as written in the source file'),
  F('level', 'string', 'province or national'),
  F('year', 'integer', 'Year'),
  F('indicator', 'string', 'grp (gross regional product) or grp_per_capita (NBS per-capita GRP)'),
  F('series', 'string', 'Source series id'),
  F('unit', 'string', 'Unit of value for this row'),
  F('value', 'number', `Value as printed in the source (${unitNote})`, { unit: unitNote }),
];
const pubSchema = [
  F('study', 'string', 'fu2023, li2024 or yu2021'),
  F('table', 'string', 'Table number in the paper (table1, table2, ...)'),
  F('row_order', 'integer', 'Row position in the printed table (1 = first data row; page-break header repeats not counted)'),
  F('column_order', 'integer', 'Column position among the value columns (1 = first value column)'),
  F('row_group_label', 'string', 'Group label that the printed layout assigns to the row (Li Table 2 year, Li Table 5 "Project"), carried forward from the row that prints it'),
  F('row_label', 'string', 'Row label as printed in the paper'),
  F('column_label', 'string', 'Column label as printed (multi-level headers joined by " / ")'),
  F('geo_type', 'string', 'province, zone (Fu/Yu three zones), region (Li six regions) or national'),
  F('province_code', 'string', 'GB/T 2260 code the printed row label names (before errata)'),
  F('region_id', 'string', 'Zone or region id (see regions.csv) or national'),
  F('indicator', 'string', 'gp (general practitioners); phc_health_technical_personnel, phc_practising_physicians, phc_registered_nurses (primary health care institutions)'),
  F('measure', 'string', 'What the number is (count, per_10000, gini, theil_total, hrad, ...): see data/README.md'),
  F('basis', 'string', 'population or geographical_area, for measures computed both ways'),
  F('category', 'string', 'Sub-category (institution type in Fu Table 5; between/within in Li Table 4)'),
  F('year', 'integer', 'Year of the value, when the column is a year'),
  F('period', 'string', 'Period of a growth rate or model (e.g. 2012-2019)'),
  F('unit', 'string', 'Unit of value'),
  F('value_text', 'string', 'The cell exactly as printed (keeps trailing zeros, thousands commas and % signs)'),
  F('value', 'number', 'value_text as a number (commas and % removed; nothing else changed)'),
  F('note', 'string', 'Transcription note'),
];
const res = [];
const add = (r) => res.push(r);
const rawDescription = (kind, src) => ({
  verbatim: 'Byte-for-byte copy of the source file (git show COMMIT:PATH).',
  transcribed: 'Transcribed by hand from a stored copy of the source page (not a byte-for-byte copy); nothing typed from memory.',
  authored: 'Written by the project.',
}[kind] + (src.note ? ` ${src.note}` : ''));
const rawRes = (name, rel, src, lic, title, extra = {}) => {
  const kind = extra.kind ?? 'verbatim';
  add({ name, path: `raw/${rel}`, title, kind, format: rel.endsWith('.tsv') ? 'tsv' : rel.endsWith('.md') ? 'md' : rel.endsWith('.txt') ? 'txt' : 'csv', mediatype: 'text/plain', encoding: 'utf-8', sources: [src], licenses: [lic], description: rawDescription(kind, src), ...extra });
};
/**
 * Schema of a raw CSV/TSV: one field per column of its header row, `title` = the header cell exactly as printed
 * (padding spaces and tabs trimmed), `name` = the same or, where the cell is empty, a stated name.
 * `headerLine` is the 1-based line of the header among the lines that are not comments (#).
 */
function rawTable(rel, { delimiter = ',', headerLine = 1, field, preamble, trailer }) {
  const lines = stripBom(readRaw(rel)).split(/\r?\n/).filter((l) => !l.startsWith('#'));
  const header = parseCsv(lines[headerLine - 1].split(delimiter).join(',').replace(/\t/g, ''))[0].map((h) => h.trim());
  const fields = header.map((h, i) => ({ title: h, ...field(h, i) }));
  for (const f of fields) if (!f.name || !f.type || !f.description) throw new Error(`raw/${rel}: field ${f.title} lacks name, type or description`);
  const dialect = { delimiter, header: true, ...(readRaw(rel).includes('\n#') || readRaw(rel).startsWith('#') ? { commentChar: '#' } : {}) };
  if (headerLine > 1) dialect.headerRows = [headerLine];
  const layout = [preamble, trailer].filter(Boolean).join(' ');
  return { dialect, schema: { fields }, ...(layout ? { layout } : {}) };
}
const yearCol = (h, what, unit, extra = {}) => ({ name: h, type: 'number', description: `${what}, ${h}`, unit, ...extra });
const nbsExportField = (h, i) => (i === 0 ? { name: h, type: 'string', description: 'Province (full Chinese name), padded with a tab' }
  : h === '' ? { name: 'trailing_empty', type: 'string', description: 'Empty: every line ends with a comma' }
    : { name: h, type: 'number', description: `${h}, as exported (padded with a tab)`, unit: (h.match(/\(([^)]+)\)/) || [])[1] });
const nbsExportLayout = { preamble: 'Two preamble lines (数据库：分省年度数据; 时间：YYYY年) precede the header; cells are padded with a tab; lines start with a UTF-8 BOM on line 1.', trailer: 'Notes (注：...) and 数据来源：国家统计局 follow the 31 province rows.' };

rawRes('raw-sources-md', 'SOURCES.md', { title: 'Project notes on the raw files (copied byte for byte from the shared workspace)', path: 'data/raw/SOURCES.md' }, LICENSES.project, 'Where each raw file comes from and what is wrong with it', { kind: 'authored' });
rawRes('raw-population-csy2020', 'gcam_china_China_Statistics_Yearbook_population_CSY2020.csv', REPOS.gcam, LICENSES.nbs, 'Population at year-end by region, China Statistical Yearbook 2020 table 2-5 (first-published vintage), 2000-2019',
  rawTable('gcam_china_China_Statistics_Yearbook_population_CSY2020.csv', { field: (h, i) => (i === 0 ? { name: h, type: 'string', description: 'Region: "National Total", the 31 provinces, and the rows "sum" and "difference" added by the repository\'s authors' } : yearCol(h, 'Year-end population (first-published vintage)', '10,000 persons')), preamble: 'Comment lines (#) with the GCAM header (title, units, source note) precede the header.' }));
rawRes('raw-population-pik', 'pypsa_china_pik__historical_population.csv', REPOS.pikPop, LICENSES.nbs, 'Year-end population by province, current revised NBS series, 2005-2024',
  rawTable('pypsa_china_pik__historical_population.csv', { field: (h, i) => (i === 0 ? { name: h, type: 'string', description: 'Province (English; "InnerMongolia" without a space)' } : yearCol(h, 'Year-end population (revised NBS series)', '10,000 persons')), preamble: 'One comment line (#) citing data.stats.gov.cn and the unit precedes the header.' }));
rawRes('raw-population-liushenwuzhu-2024', 'liushenwuzhu__nbs_pop_2024.csv', REPOS.liuPop, LICENSES.nbs, 'NBS export: year-end, urban and rural population by province, 2024', { encoding: 'utf-8-sig', ...rawTable('liushenwuzhu__nbs_pop_2024.csv', { headerLine: 3, field: nbsExportField, ...nbsExportLayout }) });
rawRes('raw-population-cpesy2017-excerpt', 'cpesy2017_t2-1_population_2016_EXCERPT.txt', REPOS.cpesy, LICENSES.nbs, 'Excerpt and parse of China Population & Employment Statistical Yearbook 2017 table 2-1 (2016): evidence for the first-published vintage', { kind: 'transcribed', description: 'Notes written from a stored page excerpt: the page\'s run-together digit strings copied as they appear, and their parse into 22 values (national total and Beijing..Hainan). Evidence only.' });
rawRes('raw-gdp-pik', 'pypsa_china_pik__historical_gdp.csv', REPOS.pikGdp, LICENSES.nbs, 'Gross regional product by province, NBS, 2005-2024',
  rawTable('pypsa_china_pik__historical_gdp.csv', { field: (h, i) => (i === 0 ? { name: h, type: 'string', description: 'Province (English; "InnerMongolia" without a space)' } : yearCol(h, 'Gross regional product', '100 million yuan')), preamble: 'One comment line (#) citing data.stats.gov.cn and the unit (1e8 yuan) precedes the header.' }));
rawRes('raw-gdp-henrylin03', 'henrylin03__gdp_province_en.csv', REPOS.henryGdp, LICENSES.nbs, 'Gross regional product by province, NBS, 1992-2020 (downloaded about 2022)',
  rawTable('henrylin03__gdp_province_en.csv', { field: (h, i) => (i === 0 ? { name: 'year', type: 'integer', description: 'Year (the header cell is empty)' } : { name: h, type: 'number', description: `Gross regional product of ${h.replace(/,$/, '')}${h.endsWith(',') ? ' (the header cell is "Guangxi," with a comma, as printed)' : ''}`, unit: '100 million yuan' }) }));
for (const y of [2019, 2020, 2021, 2022, 2023]) rawRes(`raw-gdp-liushenwuzhu-${y}`, `liushenwuzhu__nbs_gdp_${y}.csv`, REPOS.liuGdp, LICENSES.nbs, `NBS export: GRP, its components and per-capita GRP by province, ${y} (2025 revision)`, { encoding: 'utf-8-sig', ...rawTable(`liushenwuzhu__nbs_gdp_${y}.csv`, { headerLine: 3, field: nbsExportField, ...nbsExportLayout }) });
rawRes('raw-gdp-per-capita-qinghai-yb2014', 'qinghai_yb2014_t23-3_percapita_gdp_2012_2013_TRANSCRIBED.csv', REPOS.qinghai, LICENSES.qinghai, 'GDP per capita by province 2012-2013 as published in 2014 (Qinghai Statistical Yearbook 2014 table 23-3), partial', { kind: 'transcribed',
  ...rawTable('qinghai_yb2014_t23-3_percapita_gdp_2012_2013_TRANSCRIBED.csv', { field: (h, i) => [{ name: h, type: 'string', description: 'Region, English ("National Average" for the national row)' }, { name: h, type: 'string', description: 'Region, Chinese short name as printed' }][i] ?? yearCol(h, 'GDP per capita as published in 2014', 'yuan per person', { description: `GDP per capita as published in 2014, ${h.slice(-4)}` }), preamble: 'Comment lines (#) say where the transcription comes from and what is missing.' }) });
rawRes('raw-area-nbs-csy2009-land-survey', 'nbs_csy2009_t11-34_land_survey_area_2008_TRANSCRIBED.csv', REPOS.nbsLand2008, LICENSES.nbs, 'Area under land survey by province, 2008 (China Statistical Yearbook 2009 table 11-34), national total and 30 provinces (Xinjiang not in the stored excerpt)', { kind: 'transcribed',
  ...rawTable('nbs_csy2009_t11-34_land_survey_area_2008_TRANSCRIBED.csv', { field: (h, i) => (i === 0 ? { name: h, type: 'string', description: 'Region as printed (English): "National Total" and 30 provinces' } : { name: h, type: 'number', description: 'Area under Land Survey, as printed (one decimal)', unit: '10,000 hectares' }), preamble: 'Comment lines (#) say where the transcription comes from and what is missing.' }) });
rawRes('raw-area-xinjiang-2008', 'zhwiki_xinjiang_land_area_2008_TRANSCRIBED.csv', REPOS.xinjiangLand2008, LICENSES.wikipedia, 'Land area of Xinjiang, 2008 land-use change survey (Xinjiang Statistical Yearbook 2016, via zh.wikipedia)', { kind: 'transcribed',
  ...rawTable('zhwiki_xinjiang_land_area_2008_TRANSCRIBED.csv', { field: (h) => ({ region: { name: h, type: 'string', description: 'Region as printed (traditional characters)' }, area_km2: { name: h, type: 'string', description: 'Area as printed, with thousands commas ("1,664,897.17")', unit: 'km²' }, share: { name: h, type: 'string', description: 'Share of the national area as printed' }, rank: { name: h, type: 'string', description: 'Rank as printed' } })[h], preamble: 'Comment lines (#) say where the transcription comes from.' }) });
rawRes('raw-area-henrylin03', 'henrylin03__area_2205301912.csv', REPOS.henryArea, LICENSES.wikipedia, 'Land area by province (km²), scraped from Wikipedia: not official',
  rawTable('henrylin03__area_2205301912.csv', { field: (h) => ({ province: { name: h, type: 'string', description: 'Province-level division (English): 31 provinces, Hong Kong, Macau, and "People\'s Republic of China" last' }, area: { name: h, type: 'string', description: 'Area in km² as scraped: plain numbers, except the last row "9,616,400[b]" (thousands commas and a footnote mark), hence typed string', unit: 'km²' }, national_share: { name: h, type: 'number', description: 'Share of the national area', unit: 'percent' } })[h] }));
rawRes('raw-yu2021-table5', 'bmc_hrh_s12960-021-00561-8_table5_gp_share_of_physicians_pct.tsv', REPOS.yu, LICENSES.ccby, 'Yu et al. 2021 Table 5: GPs as % of practising (assistant) physicians, 2012-2017', { kind: 'transcribed',
  ...rawTable('bmc_hrh_s12960-021-00561-8_table5_gp_share_of_physicians_pct.tsv', { delimiter: '\t', field: (h, i) => (i === 0 ? { name: h, type: 'string', description: 'Row label as printed: Total, the three zones, 31 provinces ("Yunna" as on the page)' } : yearCol(h, 'GPs as % of practising (assistant) physicians', 'percent')), preamble: 'Comment lines (#) say where the transcription comes from.' }) });
rawRes('raw-yu2021-table6', 'bmc_hrh_s12960-021-00561-8_table6_gp_registration_rate_pct.tsv', REPOS.yu, LICENSES.ccby, 'Yu et al. 2021 Table 6: GP registration rate (%), 2012-2017', { kind: 'transcribed',
  ...rawTable('bmc_hrh_s12960-021-00561-8_table6_gp_registration_rate_pct.tsv', { delimiter: '\t', field: (h, i) => (i === 0 ? { name: h, type: 'string', description: 'Row label as printed: Total, the three zones, 31 provinces ("Yunna" as on the page)' } : yearCol(h, 'GP registration rate', 'percent')), preamble: 'Comment lines (#) say where the transcription comes from.' }) });
rawRes('raw-sources-project-md', 'SOURCES_PROJECT.md', { title: 'Project notes on the raw files the project added (not in the shared workspace)', path: 'data/raw/SOURCES_PROJECT.md' }, LICENSES.project, 'Where each raw file added by the project comes from', { kind: 'authored' });

const reshaped = 'Built by scripts/build-data.mjs from the raw copy: reshaped, values copied verbatim (long form; as text, never recomputed, rounded or corrected).';
const byScript = { kind: 'derived-by-script', script: 'scripts/build-data.mjs' };
add({ name: 'provinces', path: 'provinces.csv', title: 'The 31 province-level divisions of mainland China', kind: 'transcribed', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8',
  description: 'Codes and names transcribed from GB/T 2260; aliases are the spellings met in the sources (pinyin variants, the henrylin03 header "Guangxi,", the BMC page\'s "Yunna"). Shanxi (山西, 140000) and Shaanxi (陕西, 610000) are different provinces: no alias of one is a spelling of the other. Land area is copied from the henrylin03 area file, which was scraped from Wikipedia and is NOT an official figure (scripts/build-data.mjs checks it digit for digit).',
  sources: [REPOS.gbt2260, REPOS.henryArea], licenses: [LICENSES.project, LICENSES.wikipedia],
  schema: { fields: [F('code', 'string', 'GB/T 2260 province code'), F('name_en', 'string', 'English name'), F('name_zh', 'string', 'Chinese full name'), F('name_zh_short', 'string', 'Chinese short name'), F('aliases', 'string', 'Other spellings, separated by |'), F('area_km2', 'number', 'Land area as in the henrylin03 file (scraped from Wikipedia, not official)', { unit: 'km²' }), F('area_source', 'string', 'Source id of area_km2')], primaryKey: 'code' } });
add({ name: 'land-area-land-survey-2008', path: 'land_area_land_survey_2008.csv', title: 'Land area by province from the 2008 land-use change survey (second land-area source): national total and 31 provinces', ...byScript, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8',
  description: 'Built by scripts/build-data.mjs from two transcribed raw files: reshaped, values copied verbatim (each row keeps the unit it was printed in: 10,000 hectares for CSY2009 table 11-34, km² for Xinjiang; thousands commas removed). The loader loadLandArea({ source: "nbs_land_survey_2008" }) converts to km². The 31 provinces add up to 9,506,917.17 km², 12.83 km² below the printed national total of 9,506,930 km² (95,069.3 x 10,000 ha): within the rounding of 30 cells printed to 10 km². This is the area under the land survey of the 31 provinces of mainland China; it is about 108,000 km² (1.1%) smaller than the sum of the Wikipedia figures of provinces.csv (9,615,222.5 km²), mostly in Inner Mongolia, Tibet and Gansu.',
  sources: [REPOS.nbsLand2008, REPOS.xinjiangLand2008], licenses: [LICENSES.nbs, LICENSES.wikipedia],
  schema: { fields: [F('province_code', 'string', 'GB/T 2260 province code; empty for the national row'), F('province', 'string', 'Name as written in the source'), F('level', 'string', 'province or national', { constraints: { enum: ['province', 'national'] } }), F('indicator', 'string', 'area_under_land_survey'), F('survey', 'string', 'Survey round the area comes from'), F('source', 'string', 'nbs_csy2009_t11-34 or xinjiang_yb2016_via_zhwiki'), F('unit', 'string', 'Unit of value for this row: 10000 hectares or km2'), F('value', 'number', 'Area as printed, in the unit of the row'), F('note', 'string', 'Note')] } });
add({ name: 'regions', path: 'regions.csv', title: 'Region schemes of the two studies: Fu et al. three zones, Li et al. six regions', kind: 'transcribed', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8',
  description: 'Fu et al. 2023 zones (east 11, middle 8, west 12) as ordered in their Tables 10 and 11. Li et al. 2024 six regions as listed in Section 2.1, which omits Xinjiang; Xinjiang is assigned to the northwest with a note (their Table 2 northwest per-1,000 values need Xinjiang\'s population).',
  sources: [REPOS.fu, REPOS.li], licenses: [LICENSES.ccby, LICENSES.liPreprint],
  schema: { fields: [F('scheme', 'string', 'fu2023 or li2024'), F('region', 'string', 'Region id'), F('region_label', 'string', 'Label as printed in the study'), F('province_code', 'string', 'GB/T 2260 code'), F('order_in_source', 'integer', 'Position in the study\'s listing (empty: not listed)'), F('note', 'string', 'Note')] } });
add({ name: 'population-csy2020', path: 'population_csy2020.csv', title: 'Year-end population by province, as first published (China Statistical Yearbook 2020 table 2-5), 2000-2019', ...byScript, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8',
  description: `${reshaped} The raw file's rows "sum" and "difference" were added by the repository's authors and are left out; the "National Total" row is kept (level = national). Heilongjiang 2013 is 3535 as printed in the copy; erratum csy2020-heilongjiang-2013 corrects it to 3835 at load time.`,
  sources: [REPOS.gcam], licenses: [LICENSES.nbs], schema: { fields: popSchema } });
add({ name: 'population-nbs-revised-pik', path: 'population_nbs_revised_pik.csv', title: 'Year-end population by province, current revised NBS series, 2005-2024', ...byScript, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8',
  description: `${reshaped} 2011-2019 were revised by the NBS after the 2020 census.`, sources: [REPOS.pikPop], licenses: [LICENSES.nbs], schema: { fields: popSchema } });
add({ name: 'population-nbs-export-2024', path: 'population_nbs_export_2024.csv', title: 'Year-end, urban and rural population by province, NBS export for 2024', ...byScript, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8',
  description: `${reshaped} Corroborates the 2024 column of the revised series.`, sources: [REPOS.liuPop], licenses: [LICENSES.nbs], schema: { fields: popSchema } });
add({ name: 'gdp-nbs-pik', path: 'gdp_nbs_pik.csv', title: 'Gross regional product by province, NBS series (PIK copy), 2005-2024', ...byScript, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8',
  description: `${reshaped} Series before the 2025 revision (it differs from the 2025-revision exports).`, sources: [REPOS.pikGdp], licenses: [LICENSES.nbs], schema: { fields: gdpSchema('100 million yuan') } });
add({ name: 'gdp-henrylin03', path: 'gdp_henrylin03.csv', title: 'Gross regional product by province, NBS (henrylin03 copy), 1992-2020', ...byScript, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8',
  description: `${reshaped} Corroboration: equal to the PIK series 2005-2019; its 2020 column is an earlier (preliminary) release.`, sources: [REPOS.henryGdp], licenses: [LICENSES.nbs], schema: { fields: gdpSchema('100 million yuan') } });
add({ name: 'gdp-nbs-export-2025-revision', path: 'gdp_nbs_export_2025_revision.csv', title: 'GRP and per-capita GRP by province, NBS exports 2019-2023 (2025 revision)', ...byScript, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8',
  description: `${reshaped} Only 地区生产总值 (grp, 100 million yuan) and 人均地区生产总值 (grp_per_capita, yuan per person) are reshaped; the components stay in the raw copies. These carry the revision after the 5th economic census and differ from the yearbook values.`, sources: [REPOS.liuGdp], licenses: [LICENSES.nbs], schema: { fields: gdpSchema('see unit column') } });
add({ name: 'gdp-per-capita-qinghai-yb2014', path: 'gdp_per_capita_qinghai_yb2014.csv', title: 'GDP per capita, national and 21 provinces (Beijing..Hainan), 2012-2013, as published in 2014', ...byScript, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8',
  description: `${reshaped} The raw file itself was transcribed by hand from a stored page; partial (the excerpt ends at Hainan).`, sources: [REPOS.qinghai], licenses: [LICENSES.qinghai], schema: { fields: gdpSchema('yuan per person') } });

const FU_TABLES = {
  table1: ['Number of GPs, national and by zone, 2012-2019', 'Caption not in the seed; inferred from the content: the Total column equals the national GP counts of the China Health Statistics Yearbook (109,794 in 2012 ... 365,082 in 2019) and East + Middle + West = Total.'],
  table2: ['GPs per 10,000 population by province and zone, 2012-2019, with AAGR (%)', 'Caption not in the seed; inferred: Total 0.81 = 109,794 / 135,404 (10,000 persons, 2012); AAGR = (2019/2012)^(1/7) - 1 (18.19% for Total). Row "Shanxi" is printed twice; the second is Shaanxi (erratum).'],
  table3: ['GPs as a percentage of practising (assistant) physicians, national and by zone, 2012-2019', 'Caption not in the seed; inferred: the 2012-2017 values equal Yu et al. 2021 Table 5 ("The proportion of general practitioners in practice (assistant) physicians") for Total and the three zones. Its 2013 and 2014 columns are identical, as in Yu et al. (see inconsistencies.csv). Fu et al. label the middle zone "Central region" here.'],
  table4: ['GP registration rate (%), national and by zone, 2012-2019', 'Caption not in the seed; inferred: 2012-2017 equal Yu et al. 2021 Table 6 ("General practitioners registration rate"); Total = Table 5 registrations / Table 1 total (e.g. 37,173 / 109,794 = 33.86%).'],
  table5: ['Number of GP registrations and training certificates, by type of institution, 2012-2019', 'Header as printed ("Number of Registrations", "Number of Training Certificates"; Total, Hospital, Community Hospital, Township Hospital); caption not in the seed.'],
  table6: ['Gini coefficient of GP allocation by population and by geographical area, 2012-2019', 'Caption not in the seed; inferred from the row labels (Population, Geographical area) and section 3.2 "Lorenz Curves and Gini Coefficients".'],
  table7: ['Theil index and its decomposition (inter-region, intra-region, intra-region contribution %), by population and by area, 2012-2019', 'Header as printed; caption not in the seed; section 3.3 "The Theil index".'],
  table8: ['Contribution rate (%) of each zone to the intra-region Theil index, by population and by area, 2012-2019', 'Caption not in the seed; inferred: each year\'s East + Middle + West = 100 (within rounding), and each value equals that zone\'s Table 9 Theil divided by the sum of the three zones\' Theils (see inconsistencies.csv: not weighted).'],
  table9: ['Theil index within each zone, by population and by area, 2012-2019', 'Caption not in the seed; inferred: zone-level Theil values in the range of Table 7; section 3.3.'],
  table10: ['Health resource agglomeration degree (HRAD) of GPs by province and zone, 2012-2019', 'Caption not in the seed; inferred from section 2.3/3.4 "Agglomeration Analysis" and the values: GP share / area share (Shanghai 55.9, Tibet 0.002).'],
  table11: ['HRAD/PAD of GPs by province and zone, 2012-2019', 'Caption not in the seed; inferred: values equal the province\'s Table 2 density divided by the national density (Beijing 2012: 3.93 / 0.81 = 4.85 vs 4.828), i.e. HRAD divided by the population agglomeration degree PAD.'],
};
const pubDir = path.join(dataDir, 'published');
for (const f of readdirSync(path.join(pubDir, 'fu2023')).sort((a, b) => Number(a.match(/\d+/)[0]) - Number(b.match(/\d+/)[0]))) {
  const t = f.match(/^(table\d+)_/)[1];
  add({ name: `fu2023-${t}`, path: `published/fu2023/${f}`, title: `Fu et al. 2023 ${t.replace('table', 'Table ')}: ${FU_TABLES[t][0]}`, kind: 'transcribed', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8',
    description: `Transcribed cell by cell from the article's tables (seed 002_c008e6ef623343dc.txt) by scripts/transcribe-seeds.mjs; checked against the seed by scripts/check-transcriptions.mjs. ${FU_TABLES[t][1]}`,
    sources: [REPOS.fu], licenses: [LICENSES.ccby], schema: { fields: pubSchema } });
}
const LI_TABLES = {
  table1: 'Model accuracy grading scale (GM(1,1): posterior variance ratio C and small error probability P)',
  table2: 'Total and per 1,000 capita of HR of PHC in three major years (2012, 2016, 2021), six regions and national',
  table3: 'Average rate of growth of HR for PHC per 1,000 capita by phase (2012-2016, 2016-2021, 2012-2021)',
  table4: 'Percentage of inter-regional and intra-regional contributions to T in 2021',
  table5: 'GM(1,1) models: development coefficient a, grey input u, C and P. Printed row labels are shifted across page breaks: the layout puts "Practicing physicians" on the 4th row and "Registered nurses" on the 14th; errata move rows 4-7 to health technical personnel and row 14 to practising physicians.',
};
const li1Schema = [
  F('study', 'string', 'li2024'), F('table', 'string', 'table1'), F('row_order', 'integer', 'Row position'), F('column_order', 'integer', 'Column position'),
  F('row_label', 'string', 'Accuracy class as printed'), F('column_label', 'string', 'Column as printed'), F('accuracy_class', 'string', 'superior, qualified, marginal, disqualified'),
  F('statistic', 'string', 'C or P'), F('value_text', 'string', 'Interval as printed (LaTeX of the seed rendered as ≤)'),
  F('lower', 'number', 'Lower bound (empty: none)'), F('lower_inclusive', 'boolean', 'Lower bound included'), F('upper', 'number', 'Upper bound (empty: none)'), F('upper_inclusive', 'boolean', 'Upper bound included'), F('note', 'string', 'Transcription note'),
];
for (const f of readdirSync(path.join(pubDir, 'li2024')).filter((x) => /^table\d/.test(x)).sort()) {
  const t = f.match(/^(table\d+)_/)[1];
  add({ name: `li2024-${t}`, path: `published/li2024/${f}`, title: `Li et al. 2024 ${t.replace('table', 'Table ')}: ${LI_TABLES[t]}`, kind: 'transcribed', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8',
    description: 'Transcribed cell by cell from the preprint text (seed 000_274b5de3a8f31649.txt) by scripts/transcribe-seeds.mjs; checked against the seed by scripts/check-transcriptions.mjs. The caption is printed in the seed.',
    sources: [REPOS.li], licenses: [LICENSES.liPreprint], schema: { fields: t === 'table1' ? li1Schema : pubSchema } });
}
add({ name: 'li2024-text-values', path: 'published/li2024/text_values.csv', title: 'Li et al. 2024: numbers printed in the running text (concentration indices, 2030 projections, regional gap, growth claims, GDP-per-capita ranks)', kind: 'transcribed', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8',
  description: 'Typed by hand from the preprint text with the quoted sentence and the preprint\'s line numbers.', sources: [REPOS.li], licenses: [LICENSES.liPreprint],
  schema: { fields: [F('study', 'string', 'li2024'), F('section', 'string', 'Section number'), F('preprint_line', 'string', 'Line number(s) printed in the preprint margin'), F('quote', 'string', 'The sentence as printed'), F('geo_type', 'string', 'national, region or province'), F('province_code', 'string', 'GB/T 2260 code'), F('region_id', 'string', 'Region id'), F('indicator', 'string', 'Indicator'), F('measure', 'string', 'What the number is'), F('year', 'integer', 'Year'), F('period', 'string', 'Period'), F('unit', 'string', 'Unit'), F('value_text', 'string', 'As printed'), F('value', 'number', 'As a number'), F('note', 'string', 'Note')] } });
for (const f of readdirSync(path.join(pubDir, 'yu2021')).sort()) {
  const t = f.match(/^(table\d+)_/)[1];
  add({ name: `yu2021-${t}`, path: `published/yu2021/${f}`, title: `Yu et al. 2021 ${t.replace('table', 'Table ')} (${t === 'table5' ? 'GPs as % of practising (assistant) physicians' : 'GP registration rate, %'}), by province and zone, 2012-2017`, ...byScript, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8',
    description: `Built by scripts/build-data.mjs from the project's transcription in raw/: reshaped, values copied verbatim. Corroborates Fu et al. Tables 3 and 4 for 2012-2017.`, sources: [REPOS.yu], licenses: [LICENSES.ccby], schema: { fields: pubSchema } });
}
add({ name: 'published-inconsistencies', path: 'published/inconsistencies.csv', title: 'Every internal inconsistency found in the published tables (and in the raw data), with evidence', kind: 'authored', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8',
  description: 'Written by the project. Each row names the table and cells, what does not add up, the evidence, and whether an erratum corrects it. test/published.test.ts asserts that each recorded inconsistency is really present in the transcriptions.',
  sources: [REPOS.fu, REPOS.li], licenses: [LICENSES.project],
  schema: { fields: [F('id', 'string', 'Identifier'), F('kind', 'string', 'inconsistency (numbers that do not agree) or observation (a fact worth knowing, not an error)'), F('study', 'string', 'Study or data source'), F('table', 'string', 'Table(s)'), F('cells', 'string', 'Cells concerned'), F('finding', 'string', 'What is inconsistent'), F('evidence', 'string', 'The numbers that show it'), F('erratum', 'string', 'Erratum id in errata.csv when a correction is applied, else empty')] } });
add({ name: 'errata', path: 'errata.csv', title: 'Errata: corrections applied by the loaders at load time', kind: 'authored', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8',
  description: 'Written by the project. Each erratum names a data file, the rows it applies to (a selector of column=value pairs joined by ";", matching one or more rows), the column, the printed value and the corrected value, with the evidence. The loaders apply them and report which were applied; a printed value that no longer matches fails loudly.',
  sources: [REPOS.gcam, REPOS.fu, REPOS.li], licenses: [LICENSES.project],
  schema: { fields: [F('id', 'string', 'Erratum id'), F('file', 'string', 'Data file, relative to data/'), F('row', 'string', 'Row selector: column=value pairs joined by ";"'), F('column', 'string', 'Column corrected'), F('printed', 'string', 'Value as printed in the source'), F('corrected', 'string', 'Corrected value'), F('evidence', 'string', 'Why'), F('found_by', 'string', 'Who found it')] } });
add({ name: 'template-phc-workforce', path: 'templates/phc_workforce.csv', title: 'Template for the user\'s own China Health Statistics Yearbook tables: primary health care workforce by province and year', kind: 'authored', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8',
  description: 'Written by the project. Layout only: comment lines (starting with #) document each column; the one data row is an EXAMPLE (its note column says so) and is not data. Read with readProvinceTable(path, { layout: "long", comment: "#", requireAllProvinces: false }) (it holds one province; completeness is checked by default).',
  sources: [{ title: 'China Health Statistics Yearbook (National Health Commission), tables of health personnel in primary health care institutions by region', path: 'http://www.nhc.gov.cn/mohwsbwstjxxzx/tjzxtjsj/tjsj_list.shtml' }], licenses: [LICENSES.project],
  schema: { fields: [F('province', 'string', 'Province name (Chinese, English or pinyin) or GB/T 2260 code'), F('year', 'integer', 'Year (yearbook year - 1)'), F('indicator', 'string', 'phc_health_technical_personnel, phc_practising_physicians or phc_registered_nurses'), F('value', 'number', 'Number of persons', { unit: 'persons' }), F('source', 'string', 'Yearbook edition, table and page'), F('note', 'string', 'Free note')] } });

const syntheticSource = { title: 'None: invented by scripts/build-data.mjs with the library\'s seeded generator (seededRandom); not statistics of any place' };
const syntheticKind = { kind: 'synthetic', script: 'scripts/build-data.mjs' };
add({ name: 'template-one-year-provinces', path: 'templates/one_year_provinces.csv', title: 'Sample of the one-year layout (a paper\'s Table 1): 31 provinces x population (real, 2018), area (real), physicians (SYNTHETIC)', ...syntheticKind, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8',
  dialect: { delimiter: ',', header: true, commentChar: '#' },
  description: 'Partly SYNTHETIC, for examples and tests of the one-year layout and the analysis layer: the physicians column is invented (1.8 to 3.6 per 1,000 population, seed 20180101); population and area are real, copied as text from population_csy2020.csv (year-end 2018, first-published, CSY2020 table 2-5) and provinces.csv (area_km2, Wikipedia via henrylin03). The first line is a # comment saying so. One row per province (English names, code order), one column per indicator, no year column. Read with readProvinceTable(path, { layout: "one-year", year: 2018, comment: "#" }); without year the rows have year: null.',
  sources: [syntheticSource, { title: 'population: China Statistical Yearbook 2020 table 2-5 via data/population_csy2020.csv; area: data/provinces.csv (henrylin03/china-gdp, scraped from Wikipedia)', path: REPOS.gcam.path }], licenses: [LICENSES.project, LICENSES.nbs, LICENSES.wikipedia],
  schema: { fields: [F('province', 'string', 'Province (English name of data/provinces.csv)'), F('population', 'integer', 'Year-end 2018 population, real (CSY2020 table 2-5, first-published)', { unit: '10,000 persons' }), F('area', 'number', 'Land area, real (data/provinces.csv area_km2: Wikipedia via henrylin03, not an official figure)', { unit: 'km2' }), F('physicians', 'integer', 'SYNTHETIC number of physicians: invented', { unit: 'persons' })] } });
add({ name: 'template-districts-long', path: 'templates/districts_long.csv', title: 'SYNTHETIC sample of the panel layout: 12 invented districts in 3 groups, 2021-2022, physicians, population, area', ...syntheticKind, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8',
  dialect: { delimiter: ',', header: true, commentChar: '#' },
  description: 'SYNTHETIC: the districts (Arvenna ... Lunvarre), their groups and every number are invented (seed 20210101), for examples and tests of units other than provinces and of the analysis layer. Groups differ in physician density (North about 3.0, Central 2.2, South 1.5 per 1,000, each spread by up to 20 %). The first line is a # comment saying so. One row per district and year. Read with readProvinceTable(path, { layout: "panel", comment: "#", units: "as-is", textColumns: ["group"] }) or with units: the 12 names.',
  sources: [syntheticSource], licenses: [LICENSES.project],
  schema: { fields: [F('district', 'string', 'Invented district name'), F('group', 'string', 'Invented group: North, Central or South'), F('year', 'integer', 'Year'), F('physicians', 'integer', 'SYNTHETIC number of physicians', { unit: 'persons' }), F('population', 'integer', 'SYNTHETIC population', { unit: 'persons' }), F('area', 'integer', 'SYNTHETIC land area (the same both years)', { unit: 'km2' })] } });

add({ name: 'template-wide-provinces-physicians', path: 'templates/wide_provinces_physicians.csv', title: 'SYNTHETIC sample of the wide layout: physicians of 31 provinces (rows) in 2017-2019 (columns)', ...syntheticKind, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8',
  dialect: { delimiter: ',', header: true, commentChar: '#' },
  description: 'SYNTHETIC: every number is invented (seed 20170101), for examples and tests of the wide layout (one indicator per file, provinces x years). The first line is a # comment saying so. Read with readProvinceTable(path, { layout: "wide", indicator: "physicians", comment: "#" }).',
  sources: [syntheticSource], licenses: [LICENSES.project],
  schema: { fields: [F('province', 'string', 'Province (English name of data/provinces.csv)'), F('2017', 'integer', 'SYNTHETIC number of physicians in 2017', { unit: 'persons' }), F('2018', 'integer', 'SYNTHETIC number of physicians in 2018', { unit: 'persons' }), F('2019', 'integer', 'SYNTHETIC number of physicians in 2019', { unit: 'persons' })] } });

for (const r of res) {
  const file = path.join(dataDir, r.path);
  const bytes = readFileSync(file);
  r.bytes = bytes.length;
  r.hash = `sha256:${sha256(file)}`;
}
const pkg = {
  profile: 'data-package',
  name: 'equilab-data',
  title: 'Equilab data: provincial population, GRP, land area, region schemes, and the published tables of Fu et al. 2023 and Li et al. 2024',
  description: 'Real, documented data for reproducing two studies of equity in the allocation of primary health care human resources in mainland China. Only verbatim or transcribed values; derived series are computed by code. Every file has its source, licence and sha256. See README.md.',
  version: '1.0.0',
  homepage: '',
  licenses: [LICENSES.project, LICENSES.nbs, LICENSES.ccby],
  sources: Object.values(REPOS).map(({ title, path: p }) => ({ title, path: p })),
  contributors: [{ title: 'Equilab project', role: 'wrangler' }],
  resources: res,
};
delete pkg.homepage;
const pkgText = JSON.stringify(pkg, null, 2) + '\n';
const pkgFile = path.join(dataDir, 'datapackage.json');
if (checkOnly) {
  if (!existsSync(pkgFile) || readFileSync(pkgFile, 'utf8') !== pkgText) problems.push('datapackage.json: differs from what scripts/build-data.mjs produces');
} else writeFileSync(pkgFile, pkgText, 'utf8');

if (problems.length) {
  console.error(problems.map((p) => `- ${p}`).join('\n'));
  process.exit(1);
}
console.log(`${checkOnly ? 'checked' : 'built'} ${written.size} reshaped files, ${synthetic.size} synthetic samples and datapackage.json (${res.length} resources)`);
