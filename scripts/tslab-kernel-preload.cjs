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
