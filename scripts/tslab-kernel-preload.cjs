// Loaded (node --require) before the tslab kernel by the project's kernelspec (scripts/setup.mjs).
//
// Works around a tslab 1.0.22 bug: its compiler host allows only one pending TypeScript timer, but a change on disk
// in a directory that TypeScript watches for module resolution (e.g. a file written next to lib/ while a notebook
// runs) schedules a second one, and every later cell then fails with "Unexpected pending rebuildTimer" until the
// kernel restarts (node_modules/tslab/dist/converter.js, sys.setTimeout). Directory watching only serves to notice
// modules that appear after a failed import, so it is turned off; watching of the imported files themselves stays,
// so an edited lib/ file is still recompiled by the next cell.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const ts = require('@tslab/typescript-for-tslab');
ts.sys.watchDirectory = () => ({ close() {} });

// Speed (issue 15). tslab type-checks and emits every file a cell imports, inside the kernel, with the type checker:
// the first `import … from './lib/index'` took 10-14 s on this machine (all of lib/ checked, each file emitted with
// declarations and tslab's identifier rewriting, then re-transpiled to CommonJS). The project's own lib/ files are
// type-checked by `npm test` (tsc, strict, and test/tslab-compile.test.ts with tslab's own compiler), so here they
// are only transpiled (ts.transpileModule: the same JavaScript, no checker): a cell's own code is still fully
// type-checked against lib/'s types, and files outside lib/ (a reader's own .ts) are compiled by tslab as before.
// Every ts.transpileModule result (pure: text and options in, text out) is also kept in
// node_modules/.cache/equilab-tslab/, so a second kernel (the next notebook, the next test run) skips the work.
// tslab reads TypeScript through `__importStar(require('@tslab/typescript-for-tslab'))`, whose exports are
// read-only getters; it is given an object that forwards to them except for the functions replaced here.
// EQUILAB_TSLAB_FAST=off in the kernel's environment turns all of this off (tslab compiles as it always did).
const ROOT = path.resolve(__dirname, '..');
const LIB_DIR = path.join(ROOT, 'lib') + path.sep;
const CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'equilab-tslab');
const isProjectLib = (file) => file.startsWith(LIB_DIR) && file.endsWith('.ts') && !file.endsWith('.d.ts');

/** ts.transpileModule with a content-addressed disk cache (only for calls without transformers or diagnostics). */
function cachedTranspileModule(input, transpileOptions) {
  if (process.env.EQUILAB_TSLAB_FAST === 'off' || transpileOptions.transformers || transpileOptions.reportDiagnostics) {
    return ts.transpileModule(input, transpileOptions);
  }
  const key = crypto
    .createHash('sha256')
    .update(JSON.stringify([ts.version, transpileOptions.fileName, transpileOptions.compilerOptions, transpileOptions.moduleName]))
    .update('\0')
    .update(input)
    .digest('hex');
  const file = path.join(CACHE_DIR, key.slice(0, 2), `${key}.json`);
  try {
    const hit = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (typeof hit.outputText === 'string') return { outputText: hit.outputText, sourceMapText: hit.sourceMapText, diagnostics: [] };
  } catch {
    /* not cached yet */
  }
  const result = ts.transpileModule(input, transpileOptions);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ outputText: result.outputText, sourceMapText: result.sourceMapText }));
    fs.renameSync(tmp, file);
  } catch {
    /* a read-only node_modules: no cache, same result */
  }
  return result;
}

if (process.env.EQUILAB_TSLAB_FAST !== 'off') {
  const replaced = {
    __esModule: true,
    transpileModule: cachedTranspileModule,
    // Only @types/node among the global type packages (TypeScript would otherwise load every node_modules/@types
    // package that some dependency brought: chai, estree, webgl2, …), as the project's tsconfig.json does.
    createWatchCompilerHost: (rootFiles, options, ...rest) =>
      ts.createWatchCompilerHost(rootFiles, options.types ? options : { ...options, types: ['node'] }, ...rest),
    // Semantic diagnostics of the cell and of files outside lib/ only (lib/ is checked by npm test).
    getPreEmitDiagnosticsOfFiles: (program, files, token) =>
      ts.getPreEmitDiagnosticsOfFiles(program, files.filter((f) => !isProjectLib(f.fileName)), token),
    // A lib/ file is emitted by transpiling it (no checker); the cell and other files by tslab's own emit.
    createWatchProgram: (host) => {
      const afterProgramCreate = host.afterProgramCreate;
      host.afterProgramCreate = (builder) => {
        const emit = builder.emit.bind(builder);
        builder.emit = (sourceFile, writeFile, token, emitOnlyDts, transformers) => {
          if (!sourceFile || !isProjectLib(sourceFile.fileName)) return emit(sourceFile, writeFile, token, emitOnlyDts, transformers);
          const options = builder.getProgram().getCompilerOptions();
          const out = cachedTranspileModule(sourceFile.text, {
            fileName: sourceFile.fileName,
            compilerOptions: { ...options, declaration: false },
          });
          const js = path.join(options.outDir, path.relative(options.rootDir, sourceFile.fileName)).replace(/\.ts$/, '.js');
          writeFile(js, out.outputText, false);
          return { emitSkipped: false, diagnostics: [] };
        };
        return afterProgramCreate ? afterProgramCreate(builder) : undefined;
      };
      return ts.createWatchProgram(host);
    },
  };
  const forwarded = Object.create(null);
  for (const key of Object.keys(ts)) {
    if (key in replaced) continue;
    Object.defineProperty(forwarded, key, { enumerable: true, get: () => ts[key] });
  }
  for (const [key, value] of Object.entries(replaced)) Object.defineProperty(forwarded, key, { enumerable: true, value });
  require.cache[require.resolve('@tslab/typescript-for-tslab')].exports = forwarded;
}

// Works around a second tslab 1.0.22 bug: object shorthand for a variable of an earlier cell. tslab compiles each
// cell as a module and rewrites every identifier that refers to an earlier cell's variable into `exports.name`
// (converter.js, getCustomTransformers: wrapPrevIdentifier); in `{ population }` the identifier is the property's
// name, whose symbol is the property, so it is left alone and the cell fails with "ReferenceError: population is not
// defined". Here each cell's source is given to tslab with every shorthand property spelled out, `{ population:
// population }`: the same JavaScript whatever `population` refers to, which tslab then resolves as usual.
// (Shorthand with a default, `({ a = 1 } = object)`, is left as it is; compile-error columns on such a line shift by
// the added text.)
const converter = require('tslab/dist/converter');

/** The source with every shorthand property assignment `{ name }` written `{ name: name }`. */
function expandShorthand(source) {
  if (typeof source !== 'string' || !source.includes('{')) return source;
  const file = ts.createSourceFile('__cell__.ts', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const ends = [];
  const visit = (node) => {
    if (ts.isShorthandPropertyAssignment(node) && node.objectAssignmentInitializer === undefined) {
      ends.push({ at: node.name.getEnd(), text: `: ${node.name.text}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  for (const { at, text } of ends.sort((a, b) => b.at - a.at)) out = out.slice(0, at) + text + out.slice(at);
  return out;
}

const createConverter = converter.createConverter;
converter.createConverter = function (options) {
  const c = createConverter(options);
  const convert = c.convert;
  c.convert = (prevDecl, src) => convert(prevDecl, expandShorthand(src));
  return c;
};
module.exports = { expandShorthand };
