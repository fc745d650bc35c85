#!/usr/bin/env node
/**
 * Check the transcriptions in data/published/{fu2023,li2024}/ against the seed texts, independently of
 * scripts/transcribe-seeds.mjs: a flat scan of every number printed in each table of the seed, in reading
 * order, compared with the value_text column of the CSV read in (row_order, column_order) order; and every
 * printed row label compared with the CSV's row_label.
 *
 * Usage: npx tsx scripts/check-transcriptions.mjs [seedDir]   (default /work/shared/seeds; part of npm run data:check)
 * It runs through tsx because it reads the CSVs with the library's own parser, lib/data/csv.ts.
 * Exit code 0 when everything matches; prints each mismatch otherwise. Also exported for the tests.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseCsvObjects } from '../lib/data/csv.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const NUM = /^[-+]?\d[\d,]*(\.\d+)?%?$/;

const readCsv = (file) => parseCsvObjects(readFileSync(file, 'utf8'), path.relative(root, file));
const ordered = (recs) => recs.slice().sort((a, b) => a.row_order - b.row_order || a.column_order - b.column_order);

/** Fu et al.: markdown table lines; header lines (followed by |---) and the first cell of each row are labels. */
export function seedNumbersFu(text) {
  const lines = text.split('\n');
  const tables = [];
  let current = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!l.startsWith('|') || l.startsWith('|---')) continue;
    if (lines[i + 1]?.startsWith('|---')) { current = { numbers: [], labels: [] }; tables.push(current); continue; }
    if (!current) continue;
    const cells = l.split('|').slice(1, -1).map((c) => c.trim());
    const values = cells.slice(1).filter((c) => NUM.test(c));
    if (!values.length) continue; // second header rows and the disclaimer
    current.labels.push(cells[0]);
    current.numbers.push(...values);
  }
  return tables;
}

/** Li et al.: tab-separated lines between "**Table N**" and the next numbered section/figure line. */
export function seedNumbersLi(text) {
  const lines = text.split('\n');
  const out = {};
  const starts = [];
  lines.forEach((l, i) => { const m = l.match(/\*\*Table (\d)\*\*/); if (m) starts.push([Number(m[1]), i]); });
  for (const [n, start] of starts) {
    const numbers = [];
    const labels = [];
    const texts = [];
    for (let i = start + 1; i < lines.length; i++) {
      const l = lines[i];
      if (/^\s*\d+\s+\*\*(\d|Fig|Table)/.test(l) || /^\d+\s+\*\*/.test(l)) break;
      if (!l.includes('\t')) continue;
      const cells = l.split('\t').map((c) => c.trim());
      if (n === 1) {
        if (cells[0] === 'Predictive accuracy class') continue;
        labels.push(cells[0]);
        texts.push(...cells.slice(1).map((c) => c.replace(/^\$|\$$/g, '').replace(/\\leq/g, '≤').replace(/\s+/g, ' ').trim()));
        continue;
      }
      const first = n === 2 ? 2 : n === 5 ? 2 : 1; // label cells: year+region (2), project+region (5), region/project (3, 4)
      const values = cells.slice(first).filter((c) => NUM.test(c));
      if (!values.length) continue;
      labels.push(cells[first - 1]);
      numbers.push(...values);
    }
    out[n] = { numbers, labels, texts };
  }
  return out;
}

export function checkTranscriptions(seedDir = '/work/shared/seeds') {
  const problems = [];
  let cells = 0;
  const fuText = readFileSync(path.join(seedDir, '002_c008e6ef623343dc.txt'), 'utf8');
  const liText = readFileSync(path.join(seedDir, '000_274b5de3a8f31649.txt'), 'utf8');
  const fuDir = path.join(root, 'data/published/fu2023');
  const fuFiles = readdirSync(fuDir).sort((a, b) => Number(a.match(/\d+/)[0]) - Number(b.match(/\d+/)[0]));
  const fuSeed = seedNumbersFu(fuText);
  if (fuSeed.length !== fuFiles.length) problems.push(`fu2023: ${fuSeed.length} tables in the seed, ${fuFiles.length} files`);
  fuFiles.forEach((f, t) => {
    const recs = ordered(readCsv(path.join(fuDir, f)));
    const seed = fuSeed[t] ?? { numbers: [], labels: [] };
    if (recs.length !== seed.numbers.length) problems.push(`fu2023/${f}: ${recs.length} cells, seed has ${seed.numbers.length} numbers`);
    recs.forEach((r, i) => { if (r.value_text !== seed.numbers[i]) problems.push(`fu2023/${f} row ${r.row_order} col ${r.column_order}: ${r.value_text} vs seed ${seed.numbers[i]}`); });
    const csvLabels = [...new Map(recs.map((r) => [r.row_order, r.row_label])).values()];
    if (csvLabels.join('|') !== seed.labels.join('|')) problems.push(`fu2023/${f}: row labels differ from the seed`);
    cells += recs.length;
  });
  const liSeed = seedNumbersLi(liText);
  const liDir = path.join(root, 'data/published/li2024');
  for (const f of readdirSync(liDir).filter((x) => /^table\d/.test(x))) {
    const n = Number(f.match(/^table(\d)/)[1]);
    const recs = ordered(readCsv(path.join(liDir, f)));
    const seed = liSeed[n];
    const expected = n === 1 ? seed.texts : seed.numbers;
    if (recs.length !== expected.length) problems.push(`li2024/${f}: ${recs.length} cells, seed has ${expected.length}`);
    recs.forEach((r, i) => { if (r.value_text !== expected[i]) problems.push(`li2024/${f} row ${r.row_order} col ${r.column_order}: ${r.value_text} vs seed ${expected[i]}`); });
    const csvLabels = [...new Map(recs.map((r) => [r.row_order, r.row_label])).values()];
    if (csvLabels.join('|') !== seed.labels.join('|')) problems.push(`li2024/${f}: row labels differ from the seed (${csvLabels.join('|')} vs ${seed.labels.join('|')})`);
    cells += recs.length;
  }
  // text values: each printed value_text must occur in the quoted sentence, and the sentence in the seed
  // the preprint's margin line numbers interrupt sentences: drop them before searching
  const flat = liText.split('\n').map((l) => l.replace(/^\s*\d{1,3}\s+/, '')).join(' ').replace(/\s+/g, ' ');
  for (const r of readCsv(path.join(liDir, 'text_values.csv'))) {
    const quote = r.quote.replace(/\s+/g, ' ');
    if (!flat.includes(quote)) problems.push(`li2024/text_values.csv: quote not found in the seed: ${quote.slice(0, 60)}...`);
    if (!quote.includes(r.value_text)) problems.push(`li2024/text_values.csv: ${r.value_text} not in its quote`);
    cells += 1;
  }
  return { problems, cells };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? '/work/shared/seeds';
  if (!existsSync(dir)) { console.error(`seed directory ${dir} not found`); process.exit(2); }
  const { problems, cells } = checkTranscriptions(dir);
  if (problems.length) { console.error(problems.join('\n')); process.exit(1); }
  console.log(`all ${cells} transcribed cells match the seed text`);
}
