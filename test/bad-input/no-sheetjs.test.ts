/**
 * Dependencies (issue 14): danfojs-node 1.1.2 pulls SheetJS `xlsx` 0.17.2 (CVE-2023-30533, prototype pollution when
 * reading a crafted file; a ReDoS). No Equilab path may hand a user's file to it: the readers use exceljs. This test
 * reads XLSX files — a good one, a corrupt one, a renamed CSV — through every public reader, in a fresh Node process
 * (so that nothing another test loaded counts), and asserts that no module under node_modules/xlsx was ever loaded,
 * while exceljs was (the check can see a loaded module).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');

describe('no Equilab reader loads SheetJS (xlsx)', () => {
  it('reads XLSX through readProvinceTable and every loader without loading node_modules/xlsx', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'equilab-sheetjs-'));
    try {
      writeFileSync(path.join(dir, 'corrupt.xlsx'), 'PK\u0003\u0004 not a zip');
      writeFileSync(path.join(dir, 'renamed.xlsx'), 'province,year,indicator,value\nBeijing,2020,x,1\n');
      const script = `
        const path = require('path');
        const lib = require(${JSON.stringify(path.join(root, 'lib', 'index.ts'))});
        const studies = require(${JSON.stringify(path.join(root, 'lib', 'studies', 'index.ts'))});
        const fixture = ${JSON.stringify(path.join(root, 'test', 'fixtures', 'synthetic_phc_workforce.xlsx'))};
        const dir = ${JSON.stringify(dir)};
        (async () => {
          const outcomes = [];
          const table = await lib.readProvinceTable(fixture, { layout: 'long', comment: '#' });
          outcomes.push('rows ' + table.rows.length);
          for (const f of ['corrupt.xlsx', 'renamed.xlsx']) {
            try { await lib.readProvinceTable(path.join(dir, f)); } catch (e) { outcomes.push(e.name); }
          }
          lib.loadProvinces(); lib.loadRegions(); lib.loadPopulation({ vintage: 'revised' }); lib.loadNationalPopulation();
          lib.loadGdp(); lib.loadGdpPerCapita(); lib.loadLandArea(); lib.loadErrata(); lib.loadInconsistencies();
          lib.loadTextValues(); for (const r of lib.listPublishedTables()) outcomes.push(r.path);
          studies.fu2023Study(); studies.li2024Study();
          const loaded = Object.keys(require.cache);
          const sheetjs = loaded.filter((k) => /node_modules[\\\\/]xlsx[\\\\/]/.test(k));
          const exceljs = loaded.some((k) => /node_modules[\\\\/]exceljs[\\\\/]/.test(k));
          const danfo = loaded.some((k) => /node_modules[\\\\/]danfojs-node[\\\\/]/.test(k));
          console.log(JSON.stringify({ outcomes: outcomes.slice(0, 3), sheetjs, exceljs, danfo }));
        })().catch((e) => { console.error(e); process.exit(1); });
      `;
      const run = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: root, encoding: 'utf8', timeout: 300_000 });
      expect(run.status, run.stderr).toBe(0);
      const result = JSON.parse(run.stdout.trim().split('\n').pop() as string);
      // the good workbook was read, the corrupt and renamed ones refused by Equilab's own check
      expect(result.outcomes).toEqual([expect.stringMatching(/^rows \d+$/), 'ProvinceTableError', 'ProvinceTableError']);
      expect(result.exceljs).toBe(true); // the check sees a loaded module
      expect(result.sheetjs).toEqual([]); // and SheetJS was never loaded
      expect(result.danfo).toBe(false); // nor danfojs-node, which would load it
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
