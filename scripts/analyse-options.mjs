// The parts of `npm run analyse` that decide things (scripts/analyse.mjs does the work): the command line and the
// config file, the columns checked against the file's header, the reader's options (layout and units), the
// parameters cell injected into the workbook, and the notebook the HTML report is made from. Run through tsx (it
// imports the library's TypeScript); test/analyse/ imports it directly.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
// Each name from its own module (Node's ES-module loader cannot see names re-exported by a TypeScript barrel).
import { parseCsvRecords } from '../lib/data/csv.ts';
import { findProvinceCode } from '../lib/data/provinces.ts';
import { levenshtein, nearest } from '../lib/measures/kernel.ts';

/** A problem with the user's input: the command prints its message (and no stack) and exits 1. */
export class AnalyseError extends Error {
  constructor(message) {
    super(message);
    this.name = 'AnalyseError';
  }
}

/** The keys of `--config analysis.json`, and the command-line flag of each (the same names, in kebab case). */
export const OPTION_FLAGS = {
  file: null,
  unit: '--unit',
  year: '--year',
  years: '--years',
  resource: '--resource',
  population: '--population',
  area: '--area',
  group: '--group',
  rankBy: '--rank-by',
  label: '--label',
  units: '--units',
  theil: '--theil',
  logBase: '--log-base',
  scale: '--scale',
  areaScale: '--area-scale',
  title: '--title',
  out: '--out',
  json: '--json',
  sheet: '--sheet',
  groups: '--groups',
};

export const USAGE = `usage: npm run analyse -- FILE --resource COL [--population COL] [--area COL] [--unit COL] [--year COL]
         [--years 2012-2019] [--group COL] [--rank-by COL] [--label COL] [--units auto|provinces|as-is]
         [--groups FILE] [--theil L|T] [--log-base e|10|2] [--scale 1000] [--area-scale 1] [--title TEXT]
         [--sheet NAME] [--out DIR] [--json FILE]
       npm run analyse -- --config analysis.json   (the same keys: file, resource, rankBy, logBase …)`;

function nearestText(name, candidates) {
  const n = nearest(name, candidates);
  return n === undefined ? '' : ` (did you mean ${n}?)`;
}

/**
 * The command line (and the config file it names) as one object of the keys of OPTION_FLAGS. Command-line values win
 * over the config file's. Unknown flags and keys are refused with the nearest name.
 */
export function parseArguments(argv, readConfig = (file) => readFileSync(file, 'utf8')) {
  const flagToKey = Object.fromEntries(Object.entries(OPTION_FLAGS).filter(([, f]) => f).map(([k, f]) => [f, k]));
  const fromArgs = {};
  let configFile;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg.startsWith('--')) {
      const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
      if (flag !== '--config' && !(flag in flagToKey)) {
        throw new AnalyseError(`unknown option ${flag}${nearestText(flag, [...Object.keys(flagToKey), '--config'])}\n${USAGE}`);
      }
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new AnalyseError(`${flag} needs a value\n${USAGE}`);
      if (flag === '--config') configFile = value;
      else fromArgs[flagToKey[flag]] = value;
    } else if (fromArgs.file === undefined) fromArgs.file = arg;
    else throw new AnalyseError(`one input file only (got ${fromArgs.file} and ${arg})\n${USAGE}`);
  }
  let fromConfig = {};
  if (configFile !== undefined) {
    let text;
    try {
      text = readConfig(configFile);
    } catch (e) {
      throw new AnalyseError(`cannot read the config file ${configFile}: ${e.message}`);
    }
    try {
      fromConfig = JSON.parse(text);
    } catch (e) {
      throw new AnalyseError(`${configFile} is not valid JSON: ${e.message}`);
    }
    if (fromConfig === null || typeof fromConfig !== 'object' || Array.isArray(fromConfig)) {
      throw new AnalyseError(`${configFile} must hold one JSON object of options (keys: ${Object.keys(OPTION_FLAGS).join(', ')})`);
    }
    for (const key of Object.keys(fromConfig)) {
      if (!(key in OPTION_FLAGS)) throw new AnalyseError(`${configFile}: unknown key "${key}"${nearestText(key, Object.keys(OPTION_FLAGS))}`);
    }
    // A relative file in the config is relative to the config file.
    if (typeof fromConfig.file === 'string' && !path.isAbsolute(fromConfig.file)) {
      fromConfig.file = path.join(path.dirname(configFile), fromConfig.file);
    }
  }
  return { ...fromConfig, ...fromArgs };
}

const LOG_BASES = { e: Math.E, 10: 10, 2: 2 };

function text(key, value) {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new AnalyseError(`${OPTION_FLAGS[key] ?? key} must be a name (got ${JSON.stringify(value)})`);
  return value.trim();
}

function positive(key, value, fallback) {
  if (value === undefined || value === null) return fallback;
  const n = typeof value === 'number' ? value : Number(String(value).replace(/,/g, ''));
  if (!(Number.isFinite(n) && n > 0)) throw new AnalyseError(`${OPTION_FLAGS[key]} must be a positive number (got ${JSON.stringify(value)})`);
  return n;
}

/** "2012-2019" (every year of the range), "2012,2015,2019", or a JSON list of years. */
export function parseYears(value) {
  if (value === undefined || value === null) return null;
  const bad = () => new AnalyseError(`--years must be a range such as 2012-2019 or a list such as 2012,2015 (got ${JSON.stringify(value)})`);
  if (Array.isArray(value)) {
    if (value.length === 0 || !value.every((y) => Number.isInteger(y))) throw bad();
    return [...value];
  }
  const s = String(value).trim();
  const range = /^(\d{4})\s*[-–:]\s*(\d{4})$/.exec(s);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    if (to < from) throw bad();
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }
  const list = s.split(/[,\s]+/).filter(Boolean);
  if (list.length === 0 || !list.every((y) => /^\d{4}$/.test(y))) throw bad();
  return list.map(Number);
}

/** The options checked and completed: names trimmed, years expanded, theil, log base, scales and units resolved. */
export function checkConfig(raw) {
  const c = { ...raw };
  if (c.file === undefined) throw new AnalyseError(`no input file\n${USAGE}`);
  const file = text('file', c.file);
  const resource = text('resource', c.resource);
  if (resource === undefined) throw new AnalyseError(`--resource is required: the column of the resource (physicians, beds …)\n${USAGE}`);
  const theil = c.theil === undefined ? 'L' : String(c.theil).toUpperCase();
  if (theil !== 'L' && theil !== 'T') throw new AnalyseError(`--theil must be L or T (got ${JSON.stringify(c.theil)})`);
  const logBaseName = c.logBase === undefined ? 'e' : String(c.logBase);
  if (!(logBaseName in LOG_BASES)) throw new AnalyseError(`--log-base must be e, 10 or 2 (got ${JSON.stringify(c.logBase)})`);
  const unitsAliases = { auto: 'auto', provinces: 'china-provinces', 'china-provinces': 'china-provinces', 'as-is': 'as-is' };
  const units = c.units === undefined ? 'auto' : unitsAliases[String(c.units)];
  if (units === undefined) throw new AnalyseError(`--units must be auto, provinces or as-is (got ${JSON.stringify(c.units)})`);
  if (c.groups !== undefined && c.group !== undefined) {
    throw new AnalyseError('--group (a column of the table) and --groups (a file of unit,group rows) exclude each other: pass one');
  }
  const stem = path.basename(file).replace(/\.[^.]+$/, '');
  const name = stem.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'analysis';
  return {
    file,
    name,
    unit: text('unit', c.unit),
    year: text('year', c.year),
    years: parseYears(c.years),
    resource,
    population: text('population', c.population) ?? 'population',
    area: text('area', c.area),
    group: text('group', c.group),
    rankBy: text('rankBy', c.rankBy),
    label: text('label', c.label),
    units,
    theil,
    logBaseName,
    logBase: LOG_BASES[logBaseName],
    scale: positive('scale', c.scale, 1000),
    areaScale: positive('areaScale', c.areaScale, 1),
    title: c.title === undefined ? `Three-stage analysis of ${resource} (${path.basename(file)})` : String(c.title),
    out: c.out === undefined ? undefined : String(c.out),
    json: c.json === undefined ? undefined : String(c.json),
    sheet: c.sheet === undefined ? undefined : /^\d+$/.test(String(c.sheet)) ? Number(c.sheet) : String(c.sheet),
    groups: c.groups === undefined ? undefined : String(c.groups),
  };
}

/** Header cells that name the units' column when --unit is not given (as readProvinceTable looks for them). */
const UNIT_NAMES = ['province', 'province_code', '省份', '省', 'unit', 'district', 'county', 'country', 'state', 'hospital', 'city', '地区'];
const YEAR_NAMES = ['year', '年份', '年度', '年'];
const VALUE_NAMES = ['value', '数值', '值'];
const INDICATOR_NAMES = ['indicator', '指标', 'variable'];

function findColumn(header, names) {
  return header.find((h) => names.includes(h.trim().toLowerCase()));
}

/** The records of a CSV file: UTF-8 with or without BOM, else GB18030; '#' lines and blank lines skipped. */
async function readCsvRecords(file) {
  const bytes = readFileSync(file);
  let decoded;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) decoded = bytes.subarray(3).toString('utf8');
  else {
    try {
      decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      const iconv = (await import('iconv-lite')).default;
      decoded = iconv.decode(bytes, 'gb18030');
    }
  }
  const firstLine = decoded.split(/\r?\n/).find((l) => l.trim() && !l.startsWith('#')) ?? '';
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  return { records: parseCsvRecords(decoded, delimiter, '#').filter((r) => r.cells.some((x) => x.trim() !== '')) };
}

/** The header of a CSV (UTF-8 with or without BOM, else GB18030; '#' lines skipped) or XLSX file (first non-empty row). */
export async function readHeader(file, sheet) {
  let size;
  try {
    size = statSync(file).size;
  } catch {
    throw new AnalyseError(`${file}: no such file`);
  }
  if (size === 0) throw new AnalyseError(`${file} is empty: it needs a header row and one row per unit (and year)`);
  if (/\.xlsx$/i.test(file)) {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.readFile(file);
    } catch (e) {
      throw new AnalyseError(`${file} is not a readable XLSX workbook (${e.message})`);
    }
    const ws = sheet === undefined ? workbook.worksheets[0] : typeof sheet === 'number' ? workbook.worksheets[sheet - 1] : workbook.getWorksheet(sheet);
    if (!ws) throw new AnalyseError(`${file}: no worksheet ${JSON.stringify(sheet ?? 1)} (sheets: ${workbook.worksheets.map((w) => w.name).join(', ')})`);
    let header = null;
    ws.eachRow((row) => {
      if (header) return;
      const cells = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const v = row.getCell(c).value;
        cells.push(v === null || v === undefined ? '' : typeof v === 'object' && 'result' in v ? String(v.result) : String(v.richText ? v.richText.map((t) => t.text).join('') : v));
      }
      if (cells.some((x) => x.trim() !== '') && !cells[0].startsWith('#')) header = cells;
    });
    if (!header) throw new AnalyseError(`${file} is empty: its first worksheet has no header row`);
    return trimTrailing(header);
  }
  const { records } = await readCsvRecords(file);
  if (records.length === 0) throw new AnalyseError(`${file} is empty: it needs a header row and one row per unit (and year)`);
  if (records.length === 1) throw new AnalyseError(`${file} has a header (${records[0].cells.join(', ')}) but no data rows`);
  return trimTrailing(records[0].cells);
}

function trimTrailing(cells) {
  const out = cells.map((c) => c.trim());
  while (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

/**
 * Check the named columns against the header and choose the reader's layout:
 * - a header with a value column (value, 数值, 值) and an indicator column: `long` (one value per row); the resource,
 *   population, area and rank variable are then indicator names, checked after reading;
 * - else with --year (or a year column in the header): `panel` (one row per unit and year);
 * - else `one-year` (one row per unit).
 * An unknown column is an AnalyseError naming the option, the column, the nearest header names and the header.
 * Returns { layout, unitColumn, yearColumn, used: every column the analysis uses, ignored: the header's others }.
 */
export function resolveColumns(config, header, file = config.file) {
  const shown = `columns of ${path.basename(file)}: ${header.join(', ')}`;
  const near = (name) => {
    const scored = header.map((h) => ({ h, d: levenshteinLike(name, h) })).sort((a, b) => a.d - b.d);
    return scored.slice(0, 3).map((x) => x.h);
  };
  const check = (key, name) => {
    if (name === undefined) return;
    if (!header.includes(name)) {
      throw new AnalyseError(`${OPTION_FLAGS[key]} ${name}: ${path.basename(file)} has no column "${name}"; nearest: ${near(name).join(', ')} (${shown})`);
    }
  };
  const valueColumn = findColumn(header, VALUE_NAMES);
  const indicatorColumn = findColumn(header, INDICATOR_NAMES);
  const long = valueColumn !== undefined && indicatorColumn !== undefined;
  check('unit', config.unit);
  check('year', config.year);
  const unitColumn = config.unit ?? findColumn(header, UNIT_NAMES);
  if (unitColumn === undefined) {
    throw new AnalyseError(`${path.basename(file)}: no column of units found; name it with --unit (${shown})`);
  }
  const yearColumn = config.year ?? (long ? findColumn(header, YEAR_NAMES) : undefined);
  if (!long && config.year === undefined) {
    const y = findColumn(header, YEAR_NAMES);
    if (y !== undefined) {
      throw new AnalyseError(`${path.basename(file)} has a year column (${y}): pass --year ${y} to analyse it as a panel (one row per unit and year)`);
    }
  }
  if (long) {
    if (yearColumn === undefined) throw new AnalyseError(`${path.basename(file)} is a long table (${valueColumn}, ${indicatorColumn}) without a year column; name it with --year (${shown})`);
    if (config.group !== undefined || config.label !== undefined) {
      throw new AnalyseError(`${path.basename(file)} is a long table (one value per row): its rows hold no group or label per unit; use a one-year or panel table (one row per unit) for --group and --label`);
    }
    return { layout: 'long', unitColumn, yearColumn, valueColumn, indicatorColumn, ignored: [] };
  }
  for (const key of ['resource', 'population', 'area', 'group', 'rankBy', 'label']) check(key, config[key]);
  const used = [unitColumn, yearColumn, config.resource, config.population, config.area, config.group, config.rankBy, config.label].filter((x) => x !== undefined);
  return { layout: yearColumn === undefined ? 'one-year' : 'panel', unitColumn, yearColumn, ignored: header.filter((h) => h !== '' && !used.includes(h)) };
}

/** Distance for "nearest column" lists: the kernel's edit distance, case-insensitive; containing the other name is near. */
function levenshteinLike(a, b) {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return 0;
  if (x.includes(y) || y.includes(x)) return 0.5;
  return levenshtein(x, y);
}

/**
 * readProvinceTable's options for the analysis: the layout chosen by resolveColumns, the units ('china-provinces'
 * with requireAllProvinces false, or 'as-is'), '#' comment lines, the unit and year columns, the group and label kept
 * as text, and the header's other columns ignored (listed in the result, never read as numbers).
 */
export function readerOptions(config, columns, units) {
  const o = { layout: columns.layout, units, comment: '#' };
  if (units === 'china-provinces') o.requireAllProvinces = false;
  const cols = {};
  if (columns.unitColumn !== undefined) cols.unit = columns.unitColumn;
  if (columns.yearColumn !== undefined) cols.year = columns.yearColumn;
  if (columns.layout === 'long') {
    cols.indicator = columns.indicatorColumn;
    cols.value = columns.valueColumn;
  }
  o.columns = cols;
  const textColumns = [config.group, config.label].filter((x) => x !== undefined);
  if (textColumns.length) o.textColumns = textColumns;
  if (columns.ignored.length) o.ignoreColumns = columns.ignored;
  if (config.sheet !== undefined) o.sheet = config.sheet;
  return o;
}

/**
 * The units: 'china-provinces' when every unit name is a province of mainland China in a spelling the province
 * dictionary knows (Chinese, English, pinyin, GB/T 2260 code), else 'as-is'; --units provinces|as-is forces it.
 */
export function chooseUnits(config, unitNames) {
  if (config.units !== 'auto') return config.units;
  return unitNames.length > 0 && unitNames.every((n) => findProvinceCode(n) !== undefined) ? 'china-provinces' : 'as-is';
}

/** analysePanel's spec over panelRecords' records (whose unit and year keys are `unit` and `year`). */
export function panelSpec(config, columns) {
  const spec = { unit: 'unit', resource: config.resource, population: config.population };
  if (columns.yearColumn !== undefined) spec.year = 'year';
  for (const key of ['area', 'group', 'rankBy', 'label']) if (config[key] !== undefined) spec[key] = config[key];
  if (config.groups !== undefined) spec.group = 'group'; // panelRecords' records get a group key from --groups
  return spec;
}

/** analysePanel's options from the command's. */
export function panelOptions(config) {
  const o = { scale: config.scale, areaScale: config.areaScale, theil: { variant: config.theil, base: config.logBase } };
  if (config.years !== null) o.years = config.years;
  return o;
}

/** A TypeScript literal of a JSON value (for the injected parameters cell); Math.E is written as Math.E. */
function literal(value) {
  if (value === Math.E) return 'Math.E';
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{ ${Object.entries(value).map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${literal(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}

/** Split a long `name = { … };` assignment over lines no wider than 100 characters. */
function assignment(name, value) {
  const one = `${name} = ${literal(value)};`;
  if (one.length <= 98 || value === null || typeof value !== 'object' || Array.isArray(value)) return [one];
  return [`${name} = {`, ...Object.entries(value).map(([k, v]) => `  ${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${literal(v)},`), '};'];
}

/**
 * The workbook with the parameters injected (the papermill convention): a code cell tagged `injected-parameters`
 * right after the cell tagged `parameters`, assigning each value to the variable the parameters cell declares.
 * Throws when the notebook has no cell tagged `parameters`, or a value names a variable it does not declare.
 */
export function injectParameters(notebook, values, comment = []) {
  const index = notebook.cells.findIndex((c) => c.cell_type === 'code' && (c.metadata?.tags ?? []).includes('parameters'));
  if (index < 0) throw new Error('the workbook has no code cell tagged "parameters"');
  const source = [].concat(notebook.cells[index].source).join('');
  for (const name of Object.keys(values)) {
    if (!new RegExp(`^let ${name}\\b`, 'm').test(source)) throw new Error(`the parameters cell declares no variable ${name}`);
  }
  const lines = ['// Injected by npm run analyse (scripts/analyse.mjs): the parameters of this run.', ...comment.map((c) => `// ${c}`), '{'];
  for (const [name, value] of Object.entries(values)) lines.push(...assignment(name, value).map((l) => `  ${l}`));
  lines.push('}');
  const cell = {
    cell_type: 'code',
    execution_count: null,
    id: 'injected-parameters',
    metadata: { tags: ['injected-parameters'] },
    outputs: [],
    source: lines.join('\n'),
  };
  const cells = [...notebook.cells];
  cells.splice(index + 1, 0, cell);
  return { ...notebook, cells };
}

/** The title of a chart, as one line: a figure's text/plain (`<Plotly figure: TITLE; n trace(s)…>`) or an SVG's title. */
export function chartTitle(text) {
  const plain = /^<Plotly figure: ([\s\S]*?); \d+ trace/.exec(text);
  if (plain) return plain[1].replace(/<br>/g, ' ').replace(/\s+/g, ' ').trim();
  const svg = /<text class="gtitle"[^>]*>([\s\S]*?)<\/text>/.exec(text);
  if (!svg) return null;
  const lines = [...svg[1].matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]);
  const raw = lines.length ? lines.join(' ') : svg[1].replace(/<[^>]*>/g, '');
  const entities = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
  return raw.replace(/&(amp|lt|gt|quot|#39);/g, (e) => entities[e]).replace(/\s+/g, ' ').trim();
}

/**
 * The executed notebook as the HTML report shows it: every chart as a static image — the SVG the workbook saved
 * with the same title when there is exactly one (vector, sharp at any zoom), else the chart's PNG fallback — and
 * the output that only loads plotly.js left out: no plotly.js in the page, so the report is small, static and
 * offline. `svgs`: the saved SVG files' texts.
 */
export function reportNotebook(executed, { title, svgs = [] }) {
  const byTitle = new Map();
  for (const svg of svgs) {
    const t = chartTitle(svg);
    if (t !== null) byTitle.set(t, byTitle.has(t) ? null : svg); // a title used twice matches nothing
  }
  const cells = executed.cells.map((cell) => {
    if (cell.cell_type !== 'code') return cell;
    const outputs = [];
    for (const out of cell.outputs ?? []) {
      const html = [].concat(out.data?.['text/html'] ?? []).join('');
      if (html.includes('equilab-plotly-bundle')) continue;
      if (html.includes('class="equilab-figure"')) {
        const plain = [].concat(out.data?.['text/plain'] ?? []).join('');
        const alt = plain.replace(/[<>"&]/g, '');
        const svg = byTitle.get(chartTitle(plain) ?? '');
        const png = [].concat(out.data?.['image/png'] ?? []).join('').replace(/\s/g, '');
        const src = svg ? `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}` : png ? `data:image/png;base64,${png}` : null;
        const img = src ? `<img alt="${alt}" style="max-width:100%" src="${src}"/>` : `<p>${alt}</p>`;
        outputs.push({ ...out, data: { 'text/html': img, 'text/plain': alt } });
        continue;
      }
      outputs.push(out);
    }
    return { ...cell, outputs };
  });
  return { ...executed, cells, metadata: { ...executed.metadata, title } };
}

/**
 * A group file (`--groups FILE`: CSV, first column the unit, second its group, a header row) matched to the units
 * of the data: { unit of the data: group }. Province names are matched through the province dictionary when the
 * units are provinces. Refused, naming file, row and unit: a unit of the file that the data lack (with the nearest
 * names), a unit listed twice, a blank group, and a unit of the data without a group.
 */
export async function readGroups(file, units, unitKind) {
  const name = path.basename(file);
  let records;
  try {
    ({ records } = await readCsvRecords(file));
  } catch (e) {
    throw new AnalyseError(`--groups ${file}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
  }
  if (records.length < 2 || records[0].cells.length < 2) {
    throw new AnalyseError(`--groups ${name} needs a header and one row per unit, with two columns: unit, group`);
  }
  const key = (n) => {
    if (unitKind !== 'china-provinces') return n.trim();
    const code = findProvinceCode(n.trim());
    return code === undefined ? n.trim() : `code:${code}`;
  };
  const byKey = new Map(units.map((u) => [key(u), u]));
  const out = {};
  for (const r of records.slice(1)) {
    const [unitCell, groupCell] = r.cells;
    const unit = byKey.get(key(unitCell ?? ''));
    if (unit === undefined) {
      const near = nearest(String(unitCell).trim(), units);
      throw new AnalyseError(`--groups ${name}, row ${r.line}: unit "${String(unitCell).trim()}" is not in the data${near ? ` (nearest: ${near})` : ''}`);
    }
    const group = String(groupCell ?? '').trim();
    if (group === '') throw new AnalyseError(`--groups ${name}, row ${r.line}: unit ${unit} has a blank group`);
    if (unit in out) throw new AnalyseError(`--groups ${name}, row ${r.line}: unit ${unit} is listed twice`);
    out[unit] = group;
  }
  const missing = units.filter((u) => !(u in out));
  if (missing.length) throw new AnalyseError(`--groups ${name}: no group for ${missing.join(', ')}`);
  return out;
}
