/**
 * The README's library example (the ```ts readme-example block) runs as written and prints every stage it promises.
 * It is written for a notebook cell (top-level await); here the statements after the imports are wrapped in an async
 * function and run with tsx from the project root, as a notebook would import './lib/index'.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analysePanel, dataPath, panelRecords, readProvinceTable } from '../lib/index';

const root = path.resolve(__dirname, '..');

describe("the README's library example", () => {
  it('is at most 10 lines, runs, and prints each stage as a table', async () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const block = /```ts readme-example\n([\s\S]*?)```/.exec(readme);
    expect(block, 'README.md has a ```ts readme-example block').not.toBeNull();
    const lines = (block as RegExpExecArray)[1].trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(10);
    const imports = lines.filter((l) => l.startsWith('import '));
    const body = lines.filter((l) => !l.startsWith('import '));
    const file = path.join(root, `.readme-example-${process.pid}.ts`);
    writeFileSync(file, `${imports.join('\n')}\n(async () => {\n${body.join('\n')}\n})().catch((e) => { console.error(e); process.exit(1); });\n`);
    try {
      const run = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), [file], { cwd: root, encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      for (const stage of ['volume', 'gini', 'theil', 'theilUnits', 'agglomeration']) {
        expect(run.stdout).toMatch(new RegExp(`^${stage}$`, 'm'));
      }
      // The Gini it prints is the one analysePanel gives for the sample file.
      const table = await readProvinceTable(dataPath('templates/one_year_provinces.csv'), { layout: 'one-year', year: 2018, comment: '#' });
      const spec = { unit: 'unit', year: 'year', resource: 'physicians', population: 'population', area: 'area' };
      const gini = analysePanel(panelRecords(table), spec).years[0].byPopulation.gini;
      expect(run.stdout).toContain(String(gini));
    } finally {
      rmSync(file, { force: true });
    }
  });
});
