#!/usr/bin/env node
/**
 * Transcribe every table of the two seed studies, cell by cell, into data/published/<study>/.
 *
 * Usage: npx tsx scripts/transcribe-seeds.mjs [seedDir]   (default /work/shared/seeds)
 * It runs through tsx because it writes the CSVs with the library's own writer, lib/data/csv.ts.
 *
 * The seeds are text copies of the papers (not redistributed in this repository):
 *   002_c008e6ef623343dc.txt  Fu et al. 2023 (Healthcare 11:398), tables as markdown at the end
 *   000_274b5de3a8f31649.txt  Li et al. 2024 (preprint), tables as tab-separated lines in the text
 * This script reads the numbers and the row/column labels exactly as they stand in the seed text and
 * attaches, by hand-written rules below, what each cell means (province code, region, indicator, year).
 * It never computes a value. The labels' meanings follow the printed layout; where the layout is wrong
 * (Fu Table 2's second "Shanxi", Li Table 5's shifted row labels) the file keeps what the print says and
 * data/errata.csv corrects it at load time.
 * scripts/check-transcriptions.mjs then re-reads the seed independently (a flat scan of the numbers) and
 * compares every value_text; the committed CSVs are the transcription of record.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeCsvFile } from '../lib/data/csv.ts';

const seedDir = process.argv[2] ?? '/work/shared/seeds';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = (...p) => path.join(root, 'data', 'published', ...p);

export const COLUMNS = [
  'study', 'table', 'row_order', 'column_order', 'row_group_label', 'row_label', 'column_label',
  'geo_type', 'province_code', 'region_id', 'indicator', 'measure', 'basis', 'category',
  'year', 'period', 'unit', 'value_text', 'value', 'note',
];

function writeCsv(file, columns, records) {
  writeCsvFile(file, columns, records);
  console.log(`wrote ${path.relative(root, file)} (${records.length} rows)`);
}

/** Numeric value of a printed cell: thousands commas and a trailing % removed; nothing else changed. */
function numberOf(text) {
  const t = text.replace(/,/g, '').replace(/%$/, '').trim();
  if (!/^-?\d+(\.\d+)?$/.test(t)) throw new Error(`not a number: ${JSON.stringify(text)}`);
  return t;
}

// Province names as they are printed in the seeds -> GB/T 2260 code. "Shanxi" maps to 140000 wherever it is
// printed; Fu Table 2 prints it a second time for Shaanxi (610000), corrected by erratum, not here.
const PROVINCE_CODES = {
  Beijing: '110000', Tianjin: '120000', Hebei: '130000', Shanxi: '140000', 'Inner Mongolia': '150000',
  Liaoning: '210000', Jilin: '220000', Heilongjiang: '230000', Shanghai: '310000', Jiangsu: '320000',
  Zhejiang: '330000', Anhui: '340000', Fujian: '350000', Jiangxi: '360000', Shandong: '370000',
  Henan: '410000', Hubei: '420000', Hunan: '430000', Guangdong: '440000', Guangxi: '450000', Hainan: '460000',
  Chongqing: '500000', Sichuan: '510000', Guizhou: '520000', Yunnan: '530000', Tibet: '540000',
  Shaanxi: '610000', Gansu: '620000', Qinghai: '630000', Ningxia: '640000', Xinjiang: '650000',
};
const FU_REGIONS = {
  Total: ['national', 'national'], East: ['zone', 'east'], Middle: ['zone', 'middle'], West: ['zone', 'west'],
  'Eastern region': ['zone', 'east'], 'Middle region': ['zone', 'middle'], 'Central region': ['zone', 'middle'],
  'Western region': ['zone', 'west'],
};
function fuGeo(label) {
  if (FU_REGIONS[label]) return { geo_type: FU_REGIONS[label][0], region_id: FU_REGIONS[label][1] };
  const code = PROVINCE_CODES[label];
  if (!code) throw new Error(`Fu: unknown row label ${label}`);
  return { geo_type: 'province', province_code: code };
}
const LI_REGIONS = {
  Northern: 'north', 'Northern region': 'north', Northeast: 'northeast', 'Northeast region': 'northeast',
  Eastern: 'east', 'Eastern region': 'east', 'South-central': 'south_central', 'South-central region': 'south_central',
  Southwest: 'southwest', 'Southwest region': 'southwest', Northwest: 'northwest', 'Northwest region': 'northwest',
  National: 'national',
};
function liGeo(label) {
  const id = LI_REGIONS[label];
  if (!id) throw new Error(`Li: unknown region label ${label}`);
  return { geo_type: id === 'national' ? 'national' : 'region', region_id: id };
}
const LI_INDICATORS = {
  'Health technical personnel': 'phc_health_technical_personnel',
  'Practicing physicians': 'phc_practising_physicians',
  'Registered nurses': 'phc_registered_nurses',
};

// ---------------------------------------------------------------- Fu et al. 2023 (markdown tables)
function fuTables(text) {
  const lines = text.split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith('|') && lines[i + 1]?.startsWith('|---')) {
      const block = { header: lines[i], rows: [] };
      let j = i + 2;
      while (j < lines.length && lines[j].startsWith('|') && !lines[j].startsWith('| Disclaimer') && !lines[j + 1]?.startsWith('|---')) {
        block.rows.push(lines[j]);
        j++;
      }
      blocks.push(block);
      i = j - 1;
    }
  }
  // The MDPI disclaimer after the last table is a one-cell markdown line, not a table row.
  return blocks;
}
const cells = (line) => line.split('|').slice(1, -1).map((c) => c.trim());
const YEARS = ['2012', '2013', '2014', '2015', '2016', '2017', '2018', '2019'];

const FU_SPECS = [
  {
    table: 'table1', file: 'table1_gp_counts_national_and_zones.csv', secondHeader: false,
    caption: 'Number of general practitioners (GPs), national and by zone, 2012-2019',
    columns: ['Total', 'East', 'Middle', 'West'],
    row: (label) => ({ year: label }),
    col: (c) => ({ ...fuGeo(c) }),
    fixed: { indicator: 'gp', measure: 'count', unit: 'persons' },
  },
  {
    table: 'table2', file: 'table2_gp_density_per_10000.csv', secondHeader: false,
    caption: 'GPs per 10,000 population by province and zone, 2012-2019, with the average annual growth rate (AAGR, %)',
    columns: [...YEARS, 'AAGR (%)'],
    row: (label) => fuGeo(label),
    col: (c) => (c === 'AAGR (%)' ? { measure: 'aagr_pct', period: '2012-2019', unit: 'percent' } : { year: c }),
    fixed: { indicator: 'gp', measure: 'per_10000', unit: 'GPs per 10,000 population' },
  },
  {
    table: 'table3', file: 'table3_gp_share_of_practising_physicians_pct.csv', secondHeader: false,
    caption: 'GPs as a percentage of practising (assistant) physicians, national and by zone, 2012-2019',
    columns: YEARS,
    row: (label) => fuGeo(label),
    col: (c) => ({ year: c }),
    fixed: { indicator: 'gp', measure: 'share_of_practising_physicians_pct', unit: 'percent' },
  },
  {
    table: 'table4', file: 'table4_gp_registration_rate_pct.csv', secondHeader: false,
    caption: 'GP registration rate (%), national and by zone, 2012-2019',
    columns: YEARS,
    row: (label) => fuGeo(label),
    col: (c) => ({ year: c }),
    fixed: { indicator: 'gp', measure: 'registration_rate_pct', unit: 'percent' },
  },
  {
    table: 'table5', file: 'table5_gp_registrations_and_training_certificates.csv', secondHeader: true,
    caption: 'Number of registered GPs and of GPs holding training certificates, by type of institution, 2012-2019',
    columns: [
      'Number of Registrations / Total', 'Number of Registrations / Hospital',
      'Number of Registrations / Community Hospital', 'Number of Registrations / Township Hospital',
      'Number of Training Certificates / Total', 'Number of Training Certificates / Hospital',
      'Number of Training Certificates / Community Hospital', 'Number of Training Certificates / Township Hospital',
    ],
    row: (label) => ({ year: label, geo_type: 'national', region_id: 'national' }),
    col: (c) => {
      const [group, cat] = c.split(' / ');
      return {
        measure: group === 'Number of Registrations' ? 'registrations' : 'training_certificates',
        category: { Total: 'total', Hospital: 'hospital', 'Community Hospital': 'community_hospital', 'Township Hospital': 'township_hospital' }[cat],
      };
    },
    fixed: { indicator: 'gp', unit: 'persons' },
  },
  {
    table: 'table6', file: 'table6_gini_by_population_and_area.csv', secondHeader: false,
    caption: 'Gini coefficients of GP allocation by population and by geographical area, 2012-2019',
    columns: YEARS,
    row: (label) => ({ basis: { Population: 'population', 'Geographical area': 'geographical_area' }[label] }),
    col: (c) => ({ year: c }),
    fixed: { indicator: 'gp', measure: 'gini', unit: '', geo_type: 'national', region_id: 'national' },
  },
  {
    table: 'table7', file: 'table7_theil_and_decomposition.csv', secondHeader: true,
    caption: 'Theil index of GP allocation by population and by geographical area, its between-zone (inter-region) and within-zone (intra-region) parts, and the within-zone contribution rate (%), 2012-2019',
    columns: [
      'Theil Index / Population', 'Theil Index / Geographical Area',
      'Inter-Region Theil Index / Population', 'Inter-Region Theil Index / Geographical Area',
      'Intra-Region Theil Index / Population', 'Intra-Region Theil Index / Geographical Area',
      'Intra-Region Contribution Rate (%) / Population', 'Intra-Region Contribution Rate (%) / Geographical Area',
    ],
    row: (label) => ({ year: label }),
    col: (c) => {
      const [group, b] = c.split(' / ');
      const measure = {
        'Theil Index': 'theil_total', 'Inter-Region Theil Index': 'theil_between',
        'Intra-Region Theil Index': 'theil_within', 'Intra-Region Contribution Rate (%)': 'within_contribution_pct',
      }[group];
      return { measure, unit: measure === 'within_contribution_pct' ? 'percent' : '', basis: b === 'Population' ? 'population' : 'geographical_area' };
    },
    fixed: { indicator: 'gp', geo_type: 'national', region_id: 'national' },
  },
  {
    table: 'table8', file: 'table8_zone_contribution_rates_pct.csv', secondHeader: true,
    caption: 'Contribution rate (%) of each zone to the intra-region (within-zone) Theil index, by population and by geographical area, 2012-2019',
    columns: ['Population / East', 'Population / Middle', 'Population / West', 'Geographical Area / East', 'Geographical Area / Middle', 'Geographical Area / West'],
    row: (label) => ({ year: label }),
    col: (c) => {
      const [b, z] = c.split(' / ');
      return { ...fuGeo(z), basis: b === 'Population' ? 'population' : 'geographical_area' };
    },
    fixed: { indicator: 'gp', measure: 'zone_contribution_pct', unit: 'percent' },
  },
  {
    table: 'table9', file: 'table9_theil_within_each_zone.csv', secondHeader: true,
    caption: 'Theil index within each zone (East, Middle, West), by population and by geographical area, 2012-2019',
    columns: ['Population / East', 'Population / Middle', 'Population / West', 'Geographical Area / East', 'Geographical Area / Middle', 'Geographical Area / West'],
    row: (label) => ({ year: label }),
    col: (c) => {
      const [b, z] = c.split(' / ');
      return { ...fuGeo(z), basis: b === 'Population' ? 'population' : 'geographical_area' };
    },
    fixed: { indicator: 'gp', measure: 'theil_zone', unit: '' },
  },
  {
    table: 'table10', file: 'table10_hrad.csv', secondHeader: false,
    caption: 'Health resource agglomeration degree (HRAD) of GPs by province and zone, 2012-2019',
    columns: YEARS,
    row: (label) => fuGeo(label),
    col: (c) => ({ year: c }),
    fixed: { indicator: 'gp', measure: 'hrad', unit: '', basis: 'geographical_area' },
  },
  {
    table: 'table11', file: 'table11_hrad_over_pad.csv', secondHeader: false,
    caption: 'Ratio of the health resource agglomeration degree to the population agglomeration degree (HRAD/PAD) of GPs by province and zone, 2012-2019',
    columns: YEARS,
    row: (label) => fuGeo(label),
    col: (c) => ({ year: c }),
    fixed: { indicator: 'gp', measure: 'hrad_pad', unit: '' },
  },
];

export function transcribeFu(text) {
  const blocks = fuTables(text);
  if (blocks.length !== FU_SPECS.length) throw new Error(`Fu: expected ${FU_SPECS.length} tables, found ${blocks.length}`);
  const result = [];
  FU_SPECS.forEach((spec, t) => {
    const block = blocks[t];
    const rows = spec.secondHeader ? block.rows.slice(1) : block.rows;
    const records = [];
    rows.forEach((line, r) => {
      const c = cells(line).filter((x, i, a) => !(i === a.length - 1 && x === '')); // tolerate a trailing empty cell
      const [label, ...values] = c;
      if (values.length !== spec.columns.length) throw new Error(`Fu ${spec.table} row ${label}: ${values.length} cells, expected ${spec.columns.length}`);
      values.forEach((valueText, k) => {
        const rec = {
          study: 'fu2023', table: spec.table, row_order: r + 1, column_order: k + 1,
          row_group_label: '', row_label: label, column_label: spec.columns[k],
          ...spec.fixed, ...spec.row(label, r), ...spec.col(spec.columns[k], k),
          value_text: valueText, value: numberOf(valueText), note: '',
        };
        if (spec.table === 'table2' && label === 'Shanxi' && r > 10) {
          rec.note = 'printed "Shanxi" a second time, in the western block between Tibet and Gansu: this is Shaanxi (erratum fu2023-t2-shaanxi)';
        }
        records.push(rec);
      });
    });
    result.push({ spec, records });
  });
  return result;
}

// ---------------------------------------------------------------- Li et al. 2024 (tab-separated lines)
/** Lines of a tab-separated table: from the first header line to the last data line, page-break headers removed. */
function liBlock(lines, headerStart, nHeader, isData) {
  const start = lines.findIndex((l) => l.startsWith(headerStart));
  if (start < 0) throw new Error(`Li: header not found: ${headerStart}`);
  const headers = lines.slice(start, start + nHeader);
  const data = [];
  for (let i = start + nHeader; i < lines.length; i++) {
    const l = lines[i];
    if (headers.includes(l)) continue; // header repeated after a page break
    if (l.trim() === '' || /^\s+$/.test(l)) continue;
    if (!l.includes('\t')) {
      if (data.length && !isData(l)) {
        // a caption / page furniture between two parts of the table: keep scanning only if the header repeats soon
        const next = lines.slice(i + 1, i + 6).some((x) => headers.includes(x));
        if (!next) break;
        continue;
      }
      continue;
    }
    data.push(l);
  }
  return data;
}

export function transcribeLi(text) {
  const lines = text.split('\n');
  const tables = [];

  // Table 1: model accuracy grading (inequalities, not numbers)
  {
    const data = liBlock(lines, 'Predictive accuracy class\t', 1, () => false);
    const records = [];
    const unlatex = (s) => s.replace(/^\$|\$$/g, '').replace(/\\leq/g, '≤').replace(/\\geq/g, '≥').replace(/\s+/g, ' ').trim();
    data.forEach((line, r) => {
      const [label, c, p] = line.split('\t');
      [[c, 'posterior variance ratio (C)', 'C'], [p, 'posterior probability (P)', 'P']].forEach(([cell, colLabel, stat], k) => {
        const valueText = unlatex(cell);
        records.push({
          study: 'li2024', table: 'table1', row_order: r + 1, column_order: k + 1,
          row_label: label, column_label: colLabel, accuracy_class: label.toLowerCase(), statistic: stat,
          value_text: valueText, ...bounds(valueText, stat),
          note: cell !== valueText ? 'LaTeX markup of the seed text rendered as the printed symbols (\\leq as ≤)' : '',
        });
      });
    });
    tables.push({
      spec: { table: 'table1', file: 'table1_gm11_accuracy_grading.csv', caption: 'Model accuracy grading scale (printed caption)', columns: LI_TABLE1_COLUMNS },
      records,
    });
  }

  // Table 2: totals and per-1,000 by region, 2012/2016/2021
  {
    const data = liBlock(lines, 'Year\tRegion\tHealth technical personnel', 2, () => false);
    const colLabels = [];
    for (const ind of ['Health technical personnel', 'Practicing physicians', 'Registered nurses']) {
      for (const m of ['Total', 'Per 1000 capita']) colLabels.push(`${ind} / ${m}`);
    }
    const records = [];
    let year = '';
    data.forEach((line, r) => {
      const [y, region, ...values] = line.split('\t').map((s) => s.trim());
      if (y) year = y;
      const vals = values.filter((v, i) => !(i === values.length - 1 && v === ''));
      if (vals.length !== 6) throw new Error(`Li table2 row ${r + 1}: ${vals.length} cells`);
      vals.forEach((valueText, k) => {
        const [ind, m] = colLabels[k].split(' / ');
        records.push({
          study: 'li2024', table: 'table2', row_order: r + 1, column_order: k + 1,
          row_group_label: year, row_label: region, column_label: colLabels[k],
          ...liGeo(region), indicator: LI_INDICATORS[ind], measure: m === 'Total' ? 'count' : 'per_1000',
          year, unit: m === 'Total' ? 'persons' : 'per 1,000 population', value_text: valueText, value: numberOf(valueText),
          note: y ? '' : 'year printed on the first row of its group',
        });
      });
    });
    tables.push({ spec: { table: 'table2', file: 'table2_phc_workforce_totals_and_per_1000.csv', caption: 'Total and per 1,000 capita of HR of PHC in three major years (printed caption)', columns: COLUMNS }, records });
  }

  // Table 3: average growth rate of per-1,000 by phase
  {
    const data = liBlock(lines, 'region\tHealth technical personnel', 2, () => false);
    const records = [];
    const inds = ['Health technical personnel', 'Practicing physicians', 'Registered nurses'];
    const periods = ['2012-2016', '2016-2021', '2012-2021'];
    data.forEach((line, r) => {
      const [region, ...values] = line.split('\t').map((s) => s.trim());
      if (values.length !== 9) throw new Error(`Li table3 row ${region}: ${values.length} cells`);
      values.forEach((valueText, k) => {
        const ind = inds[Math.floor(k / 3)];
        const period = periods[k % 3];
        records.push({
          study: 'li2024', table: 'table3', row_order: r + 1, column_order: k + 1,
          row_group_label: '', row_label: region, column_label: `${ind} / ${period}`,
          ...liGeo(region), indicator: LI_INDICATORS[ind], measure: 'average_growth_rate_per_1000_pct',
          period, unit: 'percent', value_text: valueText, value: numberOf(valueText), note: '',
        });
      });
    });
    tables.push({ spec: { table: 'table3', file: 'table3_growth_rate_per_1000_by_phase_pct.csv', caption: 'Average rate of growth of HR for PHC Per 1000 capita by phase (printed caption)', columns: COLUMNS }, records });
  }

  // Table 4: between/within contribution to T in 2021
  {
    const data = liBlock(lines, 'Project\tHealth technical personnel\tPracticing physicians', 1, () => false);
    const inds = ['Health technical personnel', 'Practicing physicians', 'Registered nurses'];
    const records = [];
    data.forEach((line, r) => {
      const [label, ...values] = line.split('\t').map((s) => s.trim());
      values.forEach((valueText, k) => {
        records.push({
          study: 'li2024', table: 'table4', row_order: r + 1, column_order: k + 1,
          row_group_label: '', row_label: label, column_label: inds[k], geo_type: 'national', region_id: 'national',
          indicator: LI_INDICATORS[inds[k]], measure: 'theil_contribution_pct',
          category: { 'Inter-Region': 'between', 'Intra-Region': 'within' }[label],
          year: '2021', unit: 'percent', value_text: valueText, value: numberOf(valueText), note: '',
        });
      });
    });
    tables.push({ spec: { table: 'table4', file: 'table4_theil_contribution_2021_pct.csv', caption: 'Percentage of inter-regional and intra-regional contributions to T in 2021 (printed caption)', columns: COLUMNS }, records });
  }

  // Table 5: GM(1,1) models. Row labels as the printed layout assigns them (carried forward from the row that
  // carries the "Project" cell); the shift across page breaks is corrected by errata.
  {
    const data = liBlock(lines, 'Project\tRegion\tDevelopment coefficients a', 1, () => false);
    const colLabels = ['Development coefficients a', 'Endogenous control gray numbers u', 'Test statistic C', 'P-value'];
    const measures = ['gm11_development_coefficient_a', 'gm11_grey_input_u', 'gm11_posterior_variance_ratio_C', 'gm11_small_error_probability_P'];
    const records = [];
    let project = '';
    data.forEach((line, r) => {
      const [printedProject, region, ...values] = line.split('\t').map((s) => s.trim());
      if (printedProject) project = printedProject;
      if (values.length !== 4) throw new Error(`Li table5 row ${r + 1}: ${values.length} cells`);
      values.forEach((valueText, k) => {
        records.push({
          study: 'li2024', table: 'table5', row_order: r + 1, column_order: k + 1,
          row_group_label: project, row_label: region, column_label: colLabels[k],
          ...liGeo(region), indicator: LI_INDICATORS[project], measure: measures[k], period: '2012-2021',
          unit: '', value_text: valueText, value: numberOf(valueText),
          note: printedProject ? `the Project cell "${printedProject}" is printed on this row` : '',
        });
      });
    });
    if (records.length !== 84) throw new Error(`Li table5: ${records.length} cells, expected 84`);
    tables.push({ spec: { table: 'table5', file: 'table5_gm11_models.csv', caption: 'Basic information and value of accuracy test about GM (1,1) model (printed caption)', columns: COLUMNS }, records });
  }
  return tables;
}

export const LI_TABLE1_COLUMNS = [
  'study', 'table', 'row_order', 'column_order', 'row_label', 'column_label', 'accuracy_class', 'statistic',
  'value_text', 'lower', 'lower_inclusive', 'upper', 'upper_inclusive', 'note',
];
/** Bounds of an interval printed as "≤ 0.35", "> 0.65", "0.35 < C ≤ 0.50", "0.80 ≤ P < 0.95". */
function bounds(text, stat) {
  let m;
  const b = { lower: '', lower_inclusive: '', upper: '', upper_inclusive: '' };
  if ((m = text.match(/^(≤|<)\s*([\d.]+)$/))) Object.assign(b, { upper: m[2], upper_inclusive: m[1] === '≤' });
  else if ((m = text.match(/^(≥|>)\s*([\d.]+)$/))) Object.assign(b, { lower: m[2], lower_inclusive: m[1] === '≥' });
  else if ((m = text.match(new RegExp(`^([\\d.]+)\\s*(<|≤)\\s*${stat}\\s*(<|≤)\\s*([\\d.]+)$`)))) {
    Object.assign(b, { lower: m[1], lower_inclusive: m[2] === '≤', upper: m[4], upper_inclusive: m[3] === '≤' });
  } else throw new Error(`Li table1: cannot read interval ${text}`);
  return b;
}

function main() {
  const fu = readFileSync(path.join(seedDir, '002_c008e6ef623343dc.txt'), 'utf8');
  const li = readFileSync(path.join(seedDir, '000_274b5de3a8f31649.txt'), 'utf8');
  for (const { spec, records } of transcribeFu(fu)) writeCsv(out('fu2023', spec.file), COLUMNS, records);
  for (const { spec, records } of transcribeLi(li)) writeCsv(out('li2024', spec.file), spec.columns, records);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
