/**
 * scripts/analyse-options.mjs: what `npm run analyse` decides before it runs anything — the command line and the
 * config file, the columns against the header, the reader's layout and units, the injected parameters cell and the
 * report's notebook. Pure functions (readHeader reads the samples in data/templates).
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a JavaScript module of the scripts (no type declarations)
import * as options from '../../scripts/analyse-options.mjs';

const {
  AnalyseError,
  chartTitle,
  checkConfig,
  chooseUnits,
  injectParameters,
  parseArguments,
  parseYears,
  readHeader,
  readerOptions,
  reportNotebook,
  resolveColumns,
} = options;
const root = path.resolve(__dirname, '..', '..');
const sample = (name: string): string => path.join(root, 'data', 'templates', name);

describe('the command line and the config file', () => {
  it('reads flags, a config file with the same keys, and lets the command line win', () => {
    const config = JSON.stringify({ file: 'mine.csv', resource: 'beds', rankBy: 'income', logBase: '10' });
    const raw = parseArguments(['--config', '/cfg/analysis.json', '--resource', 'doctors', '--rank-by=gdp'], () => config);
    // A relative file in a config file is relative to the config file.
    expect(raw).toEqual({ file: '/cfg/mine.csv', resource: 'doctors', rankBy: 'gdp', logBase: '10' });
    const c = checkConfig(raw);
    expect(c).toMatchObject({ file: '/cfg/mine.csv', name: 'mine', resource: 'doctors', population: 'population', theil: 'L', logBase: 10, scale: 1000, units: 'auto' });
  });

  it('refuses unknown flags and keys with the nearest name, and bad values', () => {
    expect(() => parseArguments(['x.csv', '--resouce', 'a'])).toThrow(/unknown option --resouce \(did you mean --resource\?\)/);
    expect(() => parseArguments(['--config', 'c.json'], () => '{"rank_by": "x"}')).toThrow(/unknown key "rank_by" \(did you mean rankBy\?\)/);
    expect(() => parseArguments(['--config', 'c.json'], () => '[1]')).toThrow(AnalyseError);
    expect(() => checkConfig({ file: 'x.csv' })).toThrow(/--resource is required/);
    expect(() => checkConfig({ file: 'x.csv', resource: 'a', theil: 'Q' })).toThrow(/--theil must be L or T/);
    expect(() => checkConfig({ file: 'x.csv', resource: 'a', logBase: '3' })).toThrow(/--log-base must be e, 10 or 2/);
    expect(() => checkConfig({ file: 'x.csv', resource: 'a', scale: '-1' })).toThrow(/--scale must be a positive number/);
  });

  it('expands --years', () => {
    expect(parseYears('2012-2015')).toEqual([2012, 2013, 2014, 2015]);
    expect(parseYears('2012,2019')).toEqual([2012, 2019]);
    expect(parseYears([2020])).toEqual([2020]);
    expect(() => parseYears('2019-2012')).toThrow(/--years must be a range/);
  });
});

describe('columns, layout and units', () => {
  it('reads the header of the samples (comment lines skipped)', async () => {
    expect(await readHeader(sample('one_year_provinces.csv'))).toEqual(['province', 'population', 'area', 'physicians']);
    expect(await readHeader(sample('districts_long.csv'))).toEqual(['district', 'group', 'year', 'physicians', 'population', 'area']);
  });

  it('chooses one-year without --year, panel with it, long with value and indicator columns', () => {
    const header = ['district', 'group', 'year', 'physicians', 'population', 'area', 'note'];
    const panel = resolveColumns(checkConfig({ file: 'd.csv', year: 'year', resource: 'physicians', group: 'group' }), header);
    expect(panel).toMatchObject({ layout: 'panel', unitColumn: 'district', yearColumn: 'year', ignored: ['area', 'note'] });
    const o = readerOptions(checkConfig({ file: 'd.csv', year: 'year', resource: 'physicians', group: 'group' }), panel, 'as-is');
    expect(o).toEqual({ layout: 'panel', units: 'as-is', comment: '#', columns: { unit: 'district', year: 'year' }, textColumns: ['group'], ignoreColumns: ['area', 'note'] });
    const one = resolveColumns(checkConfig({ file: 'p.csv', resource: 'physicians' }), ['province', 'population', 'physicians']);
    expect(one.layout).toBe('one-year');
    const long = resolveColumns(checkConfig({ file: 'l.csv', resource: 'doctors' }), ['province', 'year', 'indicator', 'value']);
    expect(long).toMatchObject({ layout: 'long', yearColumn: 'year', valueColumn: 'value', indicatorColumn: 'indicator' });
    // A year column without --year is not a guess: the message says what to pass.
    expect(() => resolveColumns(checkConfig({ file: 'd.csv', resource: 'physicians' }), header)).toThrow(/pass --year year/);
  });

  it('names an unknown column with the nearest header names and the whole header', () => {
    const header = ['district', 'group', 'year', 'physicians', 'population'];
    expect(() => resolveColumns(checkConfig({ file: 'd.csv', year: 'year', resource: 'physician' }), header)).toThrow(
      /--resource physician: d\.csv has no column "physician"; nearest: physicians, .*\(columns of d\.csv: district, group, year, physicians, population\)/,
    );
    // Names are exact (as the reader's); spaces around a name are trimmed; a case slip gets its column first.
    expect(() => resolveColumns(checkConfig({ file: 'd.csv', year: 'year', resource: ' physicians ' }), header)).not.toThrow();
    expect(() => resolveColumns(checkConfig({ file: 'd.csv', year: 'year', resource: 'physicians', group: 'Group' }), header)).toThrow(
      /--group Group: d\.csv has no column "Group"; nearest: group,/,
    );
  });

  it('takes the units as provinces only when every name is one (forcing either way)', () => {
    const auto = checkConfig({ file: 'x.csv', resource: 'a' });
    expect(chooseUnits(auto, ['北京市', 'Nei Mongol', 'Shaanxi', '440000'])).toBe('china-provinces');
    expect(chooseUnits(auto, ['Beijing', 'Arvenna'])).toBe('as-is');
    expect(chooseUnits(checkConfig({ file: 'x.csv', resource: 'a', units: 'as-is' }), ['Beijing'])).toBe('as-is');
    expect(chooseUnits(checkConfig({ file: 'x.csv', resource: 'a', units: 'provinces' }), ['Arvenna'])).toBe('china-provinces');
  });
});

describe('the workbook and the report', () => {
  const template = JSON.parse(readFileSync(path.join(root, 'notebooks', 'templates', 'three-stage-analysis.ipynb'), 'utf8'));

  it('is committed clean, its cells at most 15 lines of at most 100 characters, the first code cell tagged parameters', () => {
    const code = template.cells.filter((c: { cell_type: string }) => c.cell_type === 'code');
    expect(code[0].metadata.tags).toEqual(['parameters']);
    for (const cell of code) {
      expect(cell.outputs).toEqual([]);
      expect(cell.execution_count).toBeNull();
      const lines = [].concat(cell.source).join('').split('\n');
      expect(lines.length).toBeLessThanOrEqual(15);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(100);
    }
    // Runs as committed on a sample of data/templates.
    expect([].concat(code[0].source).join('')).toContain("let file: string = 'data/templates/districts_long.csv';");
  });

  it('injects the parameters right after the parameters cell, assigning the variables it declares', () => {
    const nb = injectParameters(template, { file: 'mine.csv', outDir: '/tmp/x', measures: { scale: 1, theil: { variant: 'T', base: Math.E } } });
    const index = nb.cells.findIndex((c: { metadata: { tags?: string[] } }) => (c.metadata.tags ?? []).includes('parameters'));
    const injected = nb.cells[index + 1];
    expect(injected.metadata.tags).toEqual(['injected-parameters']);
    const source = injected.source as string;
    expect(source).toContain('  file = "mine.csv";');
    expect(source).toContain('  measures = { scale: 1, theil: { variant: "T", base: Math.E } };');
    expect(nb.cells).toHaveLength(template.cells.length + 1);
    expect(() => injectParameters(template, { nosuch: 1 })).toThrow(/declares no variable nosuch/);
  });

  it('makes the report static: charts as their saved SVG or their PNG, plotly.js left out', () => {
    const executed = {
      metadata: {},
      cells: [
        { cell_type: 'code', outputs: [{ output_type: 'display_data', data: { 'text/html': '<div class="equilab-plotly-bundle">…</div><script>big</script>' } }] },
        {
          cell_type: 'code',
          outputs: [{ output_type: 'display_data', data: { 'text/html': '<div class="equilab-figure" id="f"></div><script>draw</script>', 'image/png': 'iVBO\nRw==', 'text/plain': '<Plotly figure: Gini>' } }],
        },
      ],
    };
    const report = reportNotebook(executed, { title: 'T' });
    expect(report.metadata.title).toBe('T');
    expect(report.cells[0].outputs).toEqual([]);
    expect(report.cells[1].outputs[0].data['text/html']).toBe('<img alt="Plotly figure: Gini" style="max-width:100%" src="data:image/png;base64,iVBORw=="/>');
    // With the saved SVG of the same title (a long title is broken into lines by fitLayout), the SVG instead.
    const figure = { output_type: 'display_data', data: { 'text/html': '<div class="equilab-figure"></div>', 'text/plain': '<Plotly figure: Gini of<br>doctors; 2 trace(s)>' } };
    const svg = '<svg><text class="gtitle" x="1"><tspan class="line">Gini of</tspan><tspan class="line">doctors</tspan></text></svg>';
    expect(chartTitle(svg)).toBe('Gini of doctors');
    expect(chartTitle(figure.data['text/plain'])).toBe('Gini of doctors');
    const withSvg = reportNotebook({ metadata: {}, cells: [{ cell_type: 'code', outputs: [figure] }] }, { title: 'T', svgs: [svg, '<svg/>'] });
    expect(withSvg.cells[0].outputs[0].data['text/html']).toContain(`src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"`);
    // Two saved SVGs with the same title: neither is taken for the chart.
    const twice = reportNotebook({ metadata: {}, cells: [{ cell_type: 'code', outputs: [figure] }] }, { title: 'T', svgs: [svg, svg] });
    expect(twice.cells[0].outputs[0].data['text/html']).toBe('<p>Plotly figure: Gini of&lt;br&gt;doctors; 2 trace(s)</p>'.replace('&lt;br&gt;', 'br'));
  });
});
