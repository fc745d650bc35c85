/**
 * The project-local tslab kernel (scripts/setup.mjs writes its kernelspec): it starts in the project root, imports
 * the library as './lib/index', and survives files appearing under node_modules while a notebook runs — tslab 1.0.22
 * alone then fails every later cell with "Unexpected pending rebuildTimer" (scripts/tslab-kernel-preload.cjs).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { executeNotebookFile, root } from '../helpers/notebooks';

function notebook(cells: string[]): string {
  return JSON.stringify({
    cells: cells.map((source, i) => ({ cell_type: 'code', id: `c${i}`, metadata: {}, execution_count: null, outputs: [], source })),
    metadata: { kernelspec: { name: 'equilab-tslab', display_name: 'TypeScript (Equilab)', language: 'typescript' } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

describe('the equilab-tslab kernel', () => {
  it('runs in the project root, imports lib/index and keeps working when files appear in the project', async () => {
    const dir = path.join(root, 'out', 'test', 'kernel');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'probe.ipynb');
    // node_modules is where TypeScript watches for modules that failed to resolve (e.g. missing @types); tools write
    // caches there while notebooks run (vitest: node_modules/.vite).
    const probeFiles = [path.join(root, 'node_modules', 'zz-equilab-kernel-probe.txt'), path.join(root, 'node_modules', 'zz-equilab-kernel-probe-dir')];
    for (const p of probeFiles) rmSync(p, { recursive: true, force: true });
    writeFileSync(
      file,
      notebook([
        "import { gini } from './lib/index';\nconsole.log(`cwd=${process.cwd()}`);\nconsole.log(`gini=${gini([1, 1, 4])}`);",
        // The notebook creates a file and a directory under node_modules (as a test runner or package manager does
        // while a notebook runs) and waits for the file-system events to arrive.
        [
          "import * as fs from 'fs';",
          `fs.writeFileSync(${JSON.stringify(probeFiles[0])}, 'probe');`,
          `fs.mkdirSync(${JSON.stringify(probeFiles[1])}, { recursive: true });`,
          'await new Promise((resolve) => setTimeout(resolve, 3000));',
        ].join('\n'),
        "import { theil } from './lib/index';\nconsole.log(`after=${theil([1, 2, 3]) > 0}`);",
      ]),
    );
    try {
      const result = await executeNotebookFile(file, dir);
      expect(result.error).toBe('');
      expect(result.status).toBe('ok');
      const executed = readFileSync(result.executedPath, 'utf8');
      expect(executed).toContain(`cwd=${root}`);
      // Gini of [1, 1, 4]: mean 2, mean absolute difference (2·3 + 2·3)/9 = 4/3, G = (4/3)/(2·2) = 1/3.
      expect(executed).toContain('gini=0.333333333333333');
      expect(executed).toContain('after=true');
    } finally {
      for (const p of probeFiles) rmSync(p, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('object shorthand for an earlier cell’s variable (scripts/tslab-kernel-preload.cjs)', () => {
  it('spells out { name } as { name: name }, the same JavaScript, and leaves strings and defaults alone', () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { expandShorthand } = require(path.join(root, 'scripts', 'tslab-kernel-preload.cjs')) as { expandShorthand: (s: string) => string };
    expect(expandShorthand('const o = { population, area: 1 };')).toBe('const o = { population: population, area: 1 };');
    expect(expandShorthand('const g = <T>(v: T) => ({ v });')).toBe('const g = <T>(v: T) => ({ v: v });');
    expect(expandShorthand('const s = `{ notme }`; const t = "{ nor }";')).toBe('const s = `{ notme }`; const t = "{ nor }";');
    expect(expandShorthand('({ a = 1 } = q);')).toBe('({ a = 1 } = q);');
  });

  it('runs a cell using { population } for a variable of an earlier cell (tslab 1.0.22 alone: ReferenceError)', async () => {
    const dir = path.join(root, 'out', 'test', 'kernel-shorthand');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'shorthand.ipynb');
    writeFileSync(
      file,
      notebook([
        'const population = [10, 20];\nlet area = 5;',
        [
          'const o = { population, area, extra: 1 };',
          'console.log(`o=${JSON.stringify(o)}`);',
          // A local of the same name in a function: the shorthand is the parameter, not the earlier cell's variable.
          'const f = (population: number) => ({ population });',
          'console.log(`f=${JSON.stringify(f(7))}`);',
        ].join('\n'),
        'area = 6;\nconsole.log(`later=${JSON.stringify({ area })} ${o.population.length}`);',
      ]),
    );
    const result = await executeNotebookFile(file, dir);
    expect(result.error).toBe('');
    expect(result.status).toBe('ok');
    const executed = readFileSync(result.executedPath, 'utf8');
    expect(executed).toContain('o={\\"population\\":[10,20],\\"area\\":5,\\"extra\\":1}');
    expect(executed).toContain('f={\\"population\\":7}');
    // The reassignment in a later cell is seen through the shorthand too.
    expect(executed).toContain('later={\\"area\\":6} 2');
  }, 180_000);
});
