/**
 * The layers of lib/ and the one-way rule between them, read from the import statements of every file:
 *   measures ← analysis ← studies, data beside them (data may use the measures' kernel), display on top;
 *   lib/measures imports nothing outside itself (no package, no Node module: pure functions);
 *   lib/display may import only types from measures and analysis; nothing outside lib/display imports display.
 * And the main entry `lib/index.ts` loads nothing heavy and reads no file when imported.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const LIB = path.join(root, 'lib');

type Layer = 'measures' | 'data' | 'analysis' | 'studies' | 'teaching' | 'display' | 'entry';

interface Import {
  file: string;
  line: number;
  specifier: string;
  typeOnly: boolean;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sources(full);
    return entry.endsWith('.ts') ? [full] : [];
  });
}

/** Every `import … from`, `export … from`, `import('…')` and `require('…')` of a source text. */
export function importsOf(file: string, text: string): Import[] {
  const out: Import[] = [];
  const patterns = [
    /^\s*(import|export)\s+(type\s+)?[^'"]*?\bfrom\s+['"]([^'"]+)['"]/gm,
    /^\s*import\s+['"]([^'"]+)['"]/gm,
    /\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const [k, re] of patterns.entries()) {
    for (const m of text.matchAll(re)) {
      const line = text.slice(0, m.index).split('\n').length;
      const specifier = k === 0 ? m[3] : m[1];
      out.push({ file, line, specifier, typeOnly: k === 0 && m[2] !== undefined });
    }
  }
  return out;
}

function layerOf(file: string): Layer {
  const rel = path.relative(LIB, file).split(path.sep);
  if (rel.length === 1) return 'entry';
  return rel[0] as Layer;
}

/** Which layers each layer may import (values), and from which only types. */
const ALLOWED: Record<Layer, Layer[]> = {
  measures: ['measures'],
  data: ['data', 'measures'],
  analysis: ['analysis', 'measures', 'data'],
  studies: ['studies', 'analysis', 'measures', 'data'],
  teaching: ['teaching', 'measures', 'analysis', 'data'],
  display: ['display'],
  entry: ['measures', 'analysis', 'data'],
};
const TYPES_ONLY: Partial<Record<Layer, Layer[]>> = { display: ['measures', 'analysis'] };

export function violations(files: { file: string; text: string }[]): string[] {
  const problems: string[] = [];
  for (const { file, text } of files) {
    const layer = layerOf(file);
    const rel = path.relative(root, file);
    for (const imp of importsOf(file, text)) {
      const where = `${rel}:${imp.line} imports '${imp.specifier}'`;
      if (!imp.specifier.startsWith('.')) {
        if (layer === 'measures') problems.push(`${where}: lib/measures imports nothing outside itself`);
        continue;
      }
      const target = path.resolve(path.dirname(file), imp.specifier);
      if (!target.startsWith(LIB + path.sep)) {
        problems.push(`${where}: outside lib/`);
        continue;
      }
      const to = layerOf(target.endsWith('.ts') ? target : `${target}.ts`);
      if (ALLOWED[layer].includes(to)) continue;
      if (imp.typeOnly && (TYPES_ONLY[layer] ?? []).includes(to)) continue;
      problems.push(`${where}: ${layer} may not import ${to}${(TYPES_ONLY[layer] ?? []).includes(to) ? ' (types only)' : ''}`);
    }
  }
  return problems;
}

describe('the layers of lib/', () => {
  const files = sources(LIB).map((file) => ({ file, text: readFileSync(file, 'utf8') }));

  it('has the five layers and the entry points', () => {
    const layers = new Set(files.map((f) => layerOf(f.file)));
    expect([...layers].sort()).toEqual(['analysis', 'data', 'display', 'entry', 'measures', 'studies', 'teaching']);
    for (const entry of ['index.ts', 'measures/index.ts', 'analysis/index.ts', 'data/index.ts', 'studies/index.ts', 'teaching/index.ts', 'display/index.ts']) {
      expect(files.some((f) => path.relative(LIB, f.file) === entry), entry).toBe(true);
    }
  });

  it('every import follows the rule', () => {
    expect(violations(files)).toEqual([]);
  });

  it('the rule itself: each kind of violation is caught', () => {
    const f = (rel: string, text: string) => ({ file: path.join(LIB, rel), text });
    expect(
      violations([
        f('measures/x.ts', "import { readFileSync } from 'fs';"),
        f('measures/y.ts', "import { loadRegions } from '../data/provinces';"),
        f('analysis/z.ts', "import { showTable } from '../display/notebook';"),
        f('display/w.ts', "import { gini } from '../measures/gini';\nimport type { LorenzCurve } from '../measures/lorenz';"),
        f('data/v.ts', "const x = require('../analysis/panel');"),
        f('index.ts', "export * from './display/index';"),
      ]),
    ).toEqual([
      "lib/measures/x.ts:1 imports 'fs': lib/measures imports nothing outside itself",
      "lib/measures/y.ts:1 imports '../data/provinces': measures may not import data",
      "lib/analysis/z.ts:1 imports '../display/notebook': analysis may not import display",
      "lib/display/w.ts:1 imports '../measures/gini': display may not import measures (types only)",
      "lib/data/v.ts:1 imports '../analysis/panel': data may not import analysis",
      "lib/index.ts:1 imports './display/index': entry may not import display",
    ]);
  });
});

describe('lib/index.ts loads nothing heavy and reads no file at import time', () => {
  it('imports no package and reads no package.json', () => {
    // A fresh Node process: record every file read and every module loaded while lib/index.ts is required (tsx's
    // own reads, the sources and its compile cache in the temp folder, are left out).
    const script = `
      const fs = require('fs');
      const reads = [];
      const readFileSync = fs.readFileSync;
      require('tsx/cjs/api').register();
      fs.readFileSync = function (p, ...rest) { reads.push(String(p)); return readFileSync.call(this, p, ...rest); };
      const before = new Set(Object.keys(require.cache));
      const lib = require(${JSON.stringify(path.join(LIB, 'index.ts'))});
      fs.readFileSync = readFileSync;
      const loaded = Object.keys(require.cache).filter((m) => !before.has(m));
      console.log(JSON.stringify({ exports: Object.keys(lib).length, loaded, reads: reads.filter((p) => !p.endsWith('.ts') && !p.includes('tsx-')) }));
    `;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const { exports, loaded, reads } = JSON.parse(run.stdout.trim().split('\n').pop() as string);
    expect(exports).toBeGreaterThan(50);
    expect(loaded.filter((m: string) => m.includes('node_modules'))).toEqual([]);
    expect(loaded.every((m: string) => m.startsWith(LIB + path.sep))).toBe(true);
    expect(reads).toEqual([]);
  });
});
