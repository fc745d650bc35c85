#!/usr/bin/env node
// Set-up for Equilab: makes sure the machine has what the notebooks and tests need, and registers the
// project-local tslab kernel.
//
//   node scripts/setup.mjs            (npm's postinstall) install what is missing where apt-get is usable as root,
//                                      register the kernel; never fails `npm install`, but says what is missing.
//   node scripts/setup.mjs --ensure   (before reproduce / test / notebook) the same, then exit 1 with exact
//                                      instructions if something is still missing.
//   node scripts/setup.mjs --check    report only; install nothing.
//
// What is needed from outside npm:
//   - Jupyter: the `jupyter` command with nbconvert, Notebook and nbclient (Debian: jupyter-notebook,
//     jupyter-nbconvert, jupyter-client, python3-nbclient).
//   - Chromium, for the PNG fallback of charts and the browser tests (Debian: chromium). Optional for notebooks:
//     without it they still run and say the PNG was skipped.
//   - NumPy for the benchmark's comparison (Debian: python3-numpy). Optional.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KERNEL_NAME, jupyterPath, jupyterPython, root } from './jupyter.mjs';

const args = new Set(process.argv.slice(2));
const ensure = args.has('--ensure');
const checkOnly = args.has('--check');
const quiet = args.has('--quiet');

function log(message) {
  if (!quiet) console.log(`[equilab setup] ${message}`);
}

function commandWorks(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'ignore', timeout: 60_000 });
  return r.status === 0;
}

/** Find Chromium: EQUILAB_CHROMIUM, then the usual Debian/Ubuntu names. */
export function findChromium() {
  // Same rule as lib/png.ts findChromium.
  const chosen = process.env.EQUILAB_CHROMIUM;
  if (chosen) return existsSync(chosen) ? chosen : null;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((c) => existsSync(c)) ?? null;
}

function checks() {
  const hasJupyter = commandWorks('jupyter', ['--version']);
  const py = hasJupyter ? jupyterPython() : null;
  const hasNbconvert = hasJupyter && commandWorks('jupyter', ['nbconvert', '--version']);
  const hasNotebook = hasJupyter && commandWorks(py, ['-c', 'import notebook, nbclient, jupyter_client']);
  return {
    jupyter: hasJupyter && hasNbconvert && hasNotebook,
    chromium: findChromium() !== null,
    numpy: commandWorks('/usr/bin/python3', ['-c', 'import numpy']) || commandWorks('python3', ['-c', 'import numpy']),
  };
}

const DEBIAN = {
  jupyter: ['jupyter-notebook', 'jupyter-nbconvert', 'jupyter-client', 'python3-nbclient'],
  chromium: ['chromium', 'fonts-liberation'],
  numpy: ['python3-numpy'],
};

const ADVICE = {
  jupyter:
    'Jupyter is missing. Debian/Ubuntu: sudo apt-get install jupyter-notebook jupyter-nbconvert jupyter-client python3-nbclient; ' +
    'elsewhere: pip install notebook nbconvert nbclient jupyter_client',
  chromium:
    'Chromium is missing (needed for PNG chart fallbacks and the browser tests). Debian: sudo apt-get install chromium; ' +
    'elsewhere install Chromium or Chrome and set EQUILAB_CHROMIUM=/path/to/chrome',
  numpy: 'NumPy is missing (only the benchmark uses it). Debian: sudo apt-get install python3-numpy; elsewhere: pip install numpy',
};

function aptInstall(packages) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !commandWorks('sh', ['-c', 'command -v apt-get'])) return false;
  log(`installing Debian packages: ${packages.join(' ')} (apt-get, this can take a few minutes)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  if (update.status !== 0) return false;
  const install = spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
  return install.status === 0;
}

/** Write the project-local kernelspec: the kernel starts in the project root and runs the project's own tslab. */
function registerKernel() {
  const tslab = path.join(root, 'node_modules', '.bin', 'tslab');
  if (!existsSync(tslab)) {
    log('node_modules/.bin/tslab not found: run npm install first');
    return false;
  }
  const dir = path.join(jupyterPath, 'kernels', KERNEL_NAME);
  mkdirSync(dir, { recursive: true });
  const spec = {
    // sh changes into the project root so that tslab's rootDir is the project and cells can
    // `import … from './lib/index'`; `exec` keeps the kernel's PID so Jupyter's interrupt signal reaches tslab.
    // The preload works around a tslab file-watching bug (see scripts/tslab-kernel-preload.cjs).
    argv: [
      '/bin/sh',
      '-c',
      'cd "$0" && exec "$2" --require ./scripts/tslab-kernel-preload.cjs ./node_modules/tslab/bin/tslab kernel --config-path "$1"',
      root,
      '{connection_file}',
      process.execPath,
    ],
    display_name: 'TypeScript (Equilab)',
    language: 'typescript',
    env: { EQUILAB_ROOT: root },
    metadata: { equilab: { generatedBy: 'scripts/setup.mjs' } },
  };
  writeFileSync(path.join(dir, 'kernel.json'), JSON.stringify(spec, null, 2) + '\n');
  return true;
}

function main() {
  let status = checks();
  const missing = Object.keys(status).filter((k) => !status[k]);
  if (missing.length > 0 && !checkOnly) {
    const packages = missing.flatMap((k) => DEBIAN[k]);
    if (aptInstall(packages)) status = checks();
  }
  const kernelOk = checkOnly ? existsSync(path.join(jupyterPath, 'kernels', KERNEL_NAME, 'kernel.json')) : registerKernel();
  if (kernelOk) log(`tslab kernel "${KERNEL_NAME}" registered in ${path.relative(root, jupyterPath)} (found through JUPYTER_PATH)`);
  const still = Object.keys(status).filter((k) => !status[k]);
  for (const k of still) console.error(`[equilab setup] ${ADVICE[k]}`);
  if (ensure && (!status.jupyter || !kernelOk)) process.exit(1);
  if (ensure && !status.chromium) {
    console.error('[equilab setup] continuing without Chromium: charts will carry no PNG fallback and browser tests will fail.');
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
