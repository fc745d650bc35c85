/**
 * `npm run analyse` end to end (scripts/analyse.mjs through tsx, Jupyter and the tslab kernel): on the sample
 * data/templates/one_year_provinces.csv and on a synthetic table of 12 districts in 3 groups over 2 years (written
 * here with the library's seeded generator, UTF-8 with BOM, read through --config): exit 0, every output present,
 * every JSON value equal to a direct call of the measure on the numbers of the file, the executed notebook free of
 * errors, the report static and offline. Bad inputs: exit 1, one message naming the column, unit or row, and
 * nothing written.
 */
import { spawn } from 'child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'fs';
import * as path from 'path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  agglomeration,
  concentrationIndex,
  gini,
  seededRandom,
  theilDecomposition,
} from '../../lib/index';
import { parseCsvRecords } from '../../lib/data/csv';
import { executeNotebookFile } from '../helpers/notebooks';

const root = path.resolve(__dirname, '..', '..');
const work = path.join(root, 'out', 'test', 'analyse');

function analyse(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'scripts', 'analyse.mjs'), ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The rows of a CSV file as records of text ('#' lines skipped, BOM dropped). */
function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const [header, ...rows] = parseCsvRecords(text, ',', '#').map((r) => r.cells);
  return rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
}

interface Executed {
  cells: { cell_type: string; outputs?: { output_type: string; name?: string }[] }[];
}

function expectCleanRun(dir: string, stem: string, figures: string[], tables: string[]): void {
  expect(existsSync(path.join(dir, `${stem}.ipynb`))).toBe(true);
  const nb = JSON.parse(readFileSync(path.join(dir, `${stem}.ipynb`), 'utf8')) as Executed;
  const outputs = nb.cells.flatMap((c) => c.outputs ?? []);
  expect(outputs.filter((o) => o.output_type === 'error')).toEqual([]);
  expect(outputs.filter((o) => o.output_type === 'stream' && o.name === 'stderr')).toEqual([]);
  // The report: static (no script at all: charts are images, formulas typeset beforehand), offline, at most 3 MB.
  const html = readFileSync(path.join(dir, `${stem}.html`), 'utf8');
  expect(statSync(path.join(dir, `${stem}.html`)).size).toBeLessThanOrEqual(3 * 1024 * 1024);
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/(src|href)="https?:/);
  expect(html).not.toMatch(/\$\$/); // every display formula typeset
  // Every chart is the SVG the workbook saved (vector), matched by its title.
  const images = [...html.matchAll(/<img alt="Plotly figure[^"]*" style="max-width:100%" src="data:image\/(svg\+xml|png)/g)].map((m) => m[1]);
  expect(images).toEqual(figures.map(() => 'svg+xml'));
  expect(readdirSync(path.join(dir, 'figures')).sort()).toEqual(figures.flatMap((f) => [`${f}.png`, `${f}.svg`]).sort());
  expect(readdirSync(path.join(dir, 'tables')).sort()).toEqual(tables.map((t) => `${t}.csv`).sort());
  // Nothing temporary left beside the output folder.
  expect(readdirSync(path.dirname(dir)).filter((f) => f.includes('.tmp-') || f.includes('.old-'))).toEqual([]);
}

/** Fu et al.'s three zones (data/regions.csv, scheme fu2023) by Chinese province name (data/provinces.csv). */
function zonesFile(file: string): Map<string, string> {
  const rows = (f: string) => readCsv(path.join(root, 'data', f));
  const provinces = new Map(rows('provinces.csv').map((p) => [p.code, p]));
  const zones = rows('regions.csv').filter((r) => r.scheme === 'fu2023');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, ['省份,zone', ...zones.map((z) => `${provinces.get(z.province_code)?.name_zh},${z.region}`)].join('\n') + '\n');
  return new Map(zones.map((z) => [provinces.get(z.province_code)?.name_en as string, z.region]));
}

describe('npm run analyse on the one-year sample (31 provinces), with a group file', () => {
  const dir = path.join(work, 'provinces');
  const json = path.join(work, 'provinces.json');
  const sample = path.join(root, 'data', 'templates', 'one_year_provinces.csv');
  const groups = path.join(work, 'input', 'zones.csv');
  let zoneOf: Map<string, string>;
  let run: Awaited<ReturnType<typeof analyse>>;
  beforeAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(json, { force: true });
    zoneOf = zonesFile(groups);
    run = await analyse([sample, '--resource', 'physicians', '--area', 'area', '--scale', '1', '--groups', groups, '--out', dir, '--json', json]);
  }, 600_000);

  it('exits 0 and writes the notebook, the report, every figure and table', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('one-year table, units china-provinces (31)');
    expectCleanRun(
      dir,
      'one_year_provinces',
      ['density-by-unit', 'lorenz', 'theil-population', 'theil-area', 'theil-groups', 'theil-units', 'hrad-pad'],
      ['units', 'volume', 'groups', 'gini', 'theil', 'theil-groups', 'theil-units', 'agglomeration'],
    );
  });

  it('writes JSON whose every value equals a direct call of the measure on the file', () => {
    const out = JSON.parse(readFileSync(json, 'utf8'));
    const rows = readCsv(sample);
    const physicians = rows.map((r) => Number(r.physicians));
    const population = rows.map((r) => Number(r.population));
    const area = rows.map((r) => Number(r.area));
    const sha = require('crypto').createHash('sha256').update(readFileSync(sample)).digest('hex');
    expect(out.input).toEqual({ file: 'one_year_provinces.csv', sha256: sha, rows: 31 });
    expect(out.equilab).toBe(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version);
    expect(out.years).toHaveLength(1);
    const y = out.years[0];
    expect(y.year).toBeNull();
    expect(y.units).toBe(31);
    expect(y.total.resource).toBe(physicians.reduce((a, b) => a + b));
    expect(y.gini.population).toBe(gini(physicians.map((p, i) => p / population[i]), population));
    expect(y.gini.area).toBe(gini(physicians.map((p, i) => p / area[i]), area));
    expect(y.concentration).toBeNull();
    // The zones of the group file (Chinese names) matched to the provinces (English names) of the table.
    const zones = rows.map((r) => zoneOf.get(r.province) as string);
    const t = theilDecomposition(physicians.map((p, i) => p / population[i]), zones, population);
    expect(y.theil.population.between).toBe(t.between);
    expect(y.theil.population.within).toBe(t.within);
    expect(y.theil.population.groups.map((g: { group: string }) => g.group)).toEqual(['east', 'middle', 'west']);
    const a = agglomeration({ resource: physicians, population, area });
    expect(y.agglomeration.map((x: { hradOverPad: number }) => x.hradOverPad)).toEqual(a.hradToPad);
    // Units as the province dictionary names them (English names).
    expect(y.agglomeration[0].unit).toBe('Beijing');
  });
});

describe('npm run analyse on a synthetic table of 12 districts in 3 groups over 2 years (--config)', () => {
  const dir = path.join(work, 'districts');
  const json = path.join(dir, 'results.json');
  const input = path.join(work, 'input', 'districts12.csv');
  let run: Awaited<ReturnType<typeof analyse>>;
  beforeAll(async () => {
    // 12 invented districts (none a Chinese province), 3 regions, 2 years; income for the concentration index;
    // a text column the analysis does not use. Seeded, so the file is the same on every run.
    const random = seededRandom(20_260_101);
    const names = ['Avenor', 'Brisk', 'Caldera', 'Dunmere', 'Elsby', 'Fallow', 'Garth', 'Hollin', 'Islay', 'Jorvik', 'Kestle', 'Lunde'];
    const lines = ['district,region,year,doctors,people,km2,income,note'];
    for (const [i, name] of names.entries()) {
      const people = 20_000 + Math.round(random() * 180_000);
      const km2 = 50 + Math.round(random() * 950);
      const income = 10 + Math.round(random() * 40);
      for (const year of [2021, 2022]) {
        const doctors = Math.round((people / 1000) * (1 + random() * 3));
        lines.push(`${name},${['North', 'Centre', 'South'][i % 3]},${year},${doctors},${people + (year - 2021) * 500},${km2},${income + (year - 2021)},"x, y"`);
      }
    }
    mkdirSync(path.dirname(input), { recursive: true });
    writeFileSync(input, '\uFEFF' + lines.join('\n') + '\n');
    const config = path.join(work, 'input', 'analysis.json');
    writeFileSync(config, JSON.stringify({
      file: 'districts12.csv', unit: 'district', year: 'year', resource: 'doctors', population: 'people', area: 'km2',
      group: 'region', rankBy: 'income', theil: 'T', logBase: '10', title: 'Doctors in 12 districts', out: dir, json,
    }));
    rmSync(dir, { recursive: true, force: true });
    run = await analyse(['--config', config]);
  }, 600_000);

  it('exits 0 and writes the notebook, the report, every figure and table', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('panel table, units as-is (12), 2 year(s)');
    expectCleanRun(
      dir,
      'districts12',
      ['density-by-unit', 'lorenz', 'gini-series', 'theil-population', 'theil-area', 'theil-groups', 'theil-units', 'concentration', 'hrad-pad', 'growth'],
      ['units', 'volume', 'groups', 'growth', 'gini', 'theil', 'theil-groups', 'theil-units', 'concentration', 'agglomeration', 'density-by-year'],
    );
    // The HTML report carries the title and the readings; the unused column is listed, not read.
    const html = readFileSync(path.join(dir, 'districts12.html'), 'utf8');
    expect(html).toContain('Doctors in 12 districts');
    expect(html).toContain('columns not used: note');
  });

  it('writes JSON whose every value equals a direct call of the measure on the file (Theil T, base 10)', () => {
    const out = JSON.parse(readFileSync(json, 'utf8'));
    expect(out.options).toMatchObject({ theil: { variant: 'T', base: 10 }, years: [2021, 2022], layout: 'panel', units: 'as-is' });
    const rows = readCsv(input);
    for (const [k, year] of [2021, 2022].entries()) {
      const r = rows.filter((x) => x.year === String(year));
      const doctors = r.map((x) => Number(x.doctors));
      const people = r.map((x) => Number(x.people));
      const km2 = r.map((x) => Number(x.km2));
      const region = r.map((x) => x.region);
      const perPerson = doctors.map((d, i) => d / people[i]);
      const y = out.years[k];
      expect(y.year).toBe(year);
      expect(y.units).toBe(12);
      expect(y.gini.population).toBe(gini(perPerson, people));
      const t = theilDecomposition(perPerson, region, people, { variant: 'T', base: 10 });
      expect(y.theil.population.total).toBe(t.total);
      expect(y.theil.population.between).toBe(t.between);
      expect(y.theil.population.within).toBe(t.within);
      expect(y.theil.population.groups.map((g: { contribution: number }) => g.contribution)).toEqual(t.groups.map((g) => g.withinContribution));
      const ta = theilDecomposition(doctors.map((d, i) => d / km2[i]), region, km2, { variant: 'T', base: 10 });
      expect(y.theil.area.total).toBe(ta.total);
      const c = concentrationIndex(perPerson, r.map((x) => Number(x.income)), people);
      expect(y.concentration).toEqual({ index: c.index, standardError: c.standardError });
      const a = agglomeration({ resource: doctors, population: people, area: km2 });
      expect(y.agglomeration.map((x: { hrad: number }) => x.hrad)).toEqual(a.hrad);
    }
  });
});

describe('npm run analyse refuses bad input with one message, and writes nothing', () => {
  const dir = path.join(work, 'bad');
  const file = (name: string, text: string): string => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  const header = 'district,group,year,physicians,population,area\n';
  const cases: [string, () => string[], RegExp][] = [
    [
      'an unknown column, with the nearest names',
      () => [file('ok.csv', `${header}A,N,2021,10,100,5\nB,S,2021,12,200,6\n`), '--year', 'year', '--resource', 'physician'],
      /--resource physician: ok\.csv has no column "physician"; nearest: physicians/,
    ],
    [
      'a missing value, with the unit, the year and the row',
      () => [file('missing.csv', `${header}A,N,2021,10,100,5\nA,N,2022,11,100,5\nB,S,2021,,200,6\nB,S,2022,12,200,6\n`), '--year', 'year', '--resource', 'physicians'],
      /row 4 \(B, 2021\), column physicians: blank cell/,
    ],
    [
      'a cell that is not a number, with the row and the column',
      () => [file('text.csv', `${header}A,N,2021,10,100,5\nB,S,2021,many,200,6\n`), '--year', 'year', '--resource', 'physicians'],
      /row 3.*column physicians: not a number: "many"/,
    ],
    ['an empty file', () => [file('empty.csv', ''), '--resource', 'physicians'], /empty\.csv is empty/],
    [
      'a unit in the group file but not in the data',
      () => [
        file('two.csv', `${header}A,N,2021,10,100,5\nB,S,2021,12,200,6\n`.replace(/,group/, '').replace(/,[NS],/g, ',')),
        '--year', 'year', '--resource', 'physicians', '--groups', file('groups.csv', 'district,region\nA,x\nB,y\nC,y\n'),
      ],
      /--groups groups\.csv, row 4: unit "C" is not in the data/,
    ],
  ];
  for (const [what, args, message] of cases) {
    it(what, async () => {
      const out = path.join(dir, 'out', what.replace(/\W+/g, '-'));
      const r = await analyse([...args(), '--out', out, '--json', `${out}.json`]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.startsWith('analyse: ')).toBe(true);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(existsSync(out)).toBe(false);
      expect(existsSync(`${out}.json`)).toBe(false);
    }, 120_000);
  }
});

describe('the workbook as committed', () => {
  it('runs on its sample (data/templates/districts_long.csv) and saves nothing without an output folder', async () => {
    const dir = path.join(work, 'template');
    rmSync(dir, { recursive: true, force: true });
    const run = await executeNotebookFile(path.join(root, 'notebooks', 'templates', 'three-stage-analysis.ipynb'), dir);
    expect(run.error).toBe('');
    expect(run.status).toBe('ok');
    const executed = readFileSync(run.executedPath, 'utf8');
    expect(executed).toContain('12 districts, 24 records');
    expect(executed).toContain('`outDir` is null: nothing saved.');
  }, 600_000);
});
