// Loaded (node --require) before the tslab kernel by the project's kernelspec (scripts/setup.mjs).
//
// Works around a tslab 1.0.22 bug: its compiler host allows only one pending TypeScript timer, but a change on disk
// in a directory that TypeScript watches for module resolution (e.g. a file written next to lib/ while a notebook
// runs) schedules a second one, and every later cell then fails with "Unexpected pending rebuildTimer" until the
// kernel restarts (node_modules/tslab/dist/converter.js, sys.setTimeout). Directory watching only serves to notice
// modules that appear after a failed import, so it is turned off; watching of the imported files themselves stays,
// so an edited lib/ file is still recompiled by the next cell.
'use strict';
const ts = require('@tslab/typescript-for-tslab');
ts.sys.watchDirectory = () => ({ close() {} });

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
