#!/usr/bin/env node
// npm run notebook [-- extra jupyter options]: Jupyter Notebook on the project, with the project-local tslab kernel
// ("TypeScript (Equilab)") registered through JUPYTER_PATH. Opens the notebooks/ folder.
import { spawn } from 'node:child_process';
import { jupyterEnv, root } from './jupyter.mjs';

const extra = process.argv.slice(2);
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux';
const args = [
  'notebook',
  `--NotebookApp.notebook_dir=${root}`,
  '--NotebookApp.default_url=/tree/notebooks',
  ...(headless && !extra.some((a) => a.includes('browser')) ? ['--no-browser'] : []),
  ...(process.getuid?.() === 0 && !extra.includes('--allow-root') ? ['--allow-root'] : []),
  ...extra,
];
console.log(`jupyter ${args.join(' ')}`);
const child = spawn('jupyter', args, { cwd: root, env: jupyterEnv(), stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
