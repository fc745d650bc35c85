/**
 * Notebooks import lib/ through tslab, which type-checks every imported file with its own TypeScript (5.0.4, from
 * @tslab/typescript-for-tslab) and its own options: not strict, lib es2022 (no DOM), declarations emitted. Code that
 * passes the project's strict tsc can still fail there (e.g. narrowing that needs strictNullChecks), and a notebook
 * cell would stop with a compile error. This test compiles all of lib/ the way tslab 1.0.22 does
 * (node_modules/tslab/dist/converter.js, createConverter) and expects no diagnostics.
 */
import { readdirSync, statSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers/notebooks';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const ts = require('@tslab/typescript-for-tslab') as typeof import('typescript');

function libFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return libFiles(p);
    return f.endsWith('.ts') && !f.endsWith('.d.ts') ? [p] : [];
  });
}

describe("lib/ compiles under tslab's compiler", () => {
  it('has no diagnostics with tslab 1.0.22 options (TypeScript 5.0, non-strict, es2022, declaration)', () => {
    expect(ts.version).toMatch(/^5\.0\./);
    const options: import('typescript').CompilerOptions = {
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      esModuleInterop: true,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts'],
      declaration: true,
      emitDeclarationOnly: true,
      experimentalDecorators: true,
      resolveJsonModule: true,
      skipLibCheck: true,
      rootDir: root,
      outDir: path.join(root, 'out', 'tslab-check'),
    };
    const program = ts.createProgram(libFiles(path.join(root, 'lib')), options);
    const diagnostics = [
      ...ts.getPreEmitDiagnostics(program),
      // Declaration-emit errors (types that cannot be named) only appear when declarations are emitted.
      ...program.emit(undefined, () => undefined, undefined, true).diagnostics,
    ];
    const messages = diagnostics.map((d) => {
      const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : null;
      const file = d.file ? path.relative(root, d.file.fileName) : '';
      return `${file}${where ? `:${where.line + 1}:${where.character + 1}` : ''} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(messages).toEqual([]);
  }, 120_000);
});
