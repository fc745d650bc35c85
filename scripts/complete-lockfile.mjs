#!/usr/bin/env node
// node scripts/complete-lockfile.mjs [--check]
//
// `npm ci` refuses a package-lock.json in which an optional dependency of a locked package has no entry
// ("Missing: @rollup/rollup-darwin-x64@ from lock file"). npm writes such a lock on machines whose registry serves
// only some platform builds (here: rollup 4's @rollup/rollup-* packages for other systems answer 404), so the lock
// npm produced cannot be installed with `npm ci` — on this machine or any other.
//
// This script adds the missing entries, marked optional with the os/cpu/libc that their names encode, so npm ci
// skips them on a non-matching platform without downloading anything. Run it after any `npm install` that changes
// package-lock.json. With --check it only reports (test/lockfile.test.ts runs the same check).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lockPath = path.join(root, 'package-lock.json');

/** Platform fields from a rollup/esbuild-style platform package name (e.g. rollup-linux-arm-musleabihf). */
export function platformOf(name) {
  const m = /-(android|darwin|freebsd|linux|openbsd|openharmony|win32|netbsd|sunos|aix)-(arm64|arm|x64|ia32|loong64|ppc64|riscv64|s390x|mips64el)(?:-(\w+))?$/.exec(name);
  if (!m) return null;
  const [, os, cpu, abi] = m;
  const fields = { cpu: [cpu], os: [os] };
  if (os === 'linux' && abi) fields.libc = [/musl/.test(abi) ? 'musl' : 'glibc'];
  return fields;
}

/** The optional dependencies named by locked packages that have no entry of their own. */
export function missingOptional(lock) {
  const packages = lock.packages ?? {};
  const missing = [];
  for (const [key, entry] of Object.entries(packages)) {
    for (const [dep, range] of Object.entries(entry.optionalDependencies ?? {})) {
      // Resolution as npm does it: nested node_modules first, then each parent, then the top.
      const parts = key.split('node_modules/').filter(Boolean);
      let found = false;
      for (let depth = parts.length; depth >= 0 && !found; depth--) {
        const prefix = parts.slice(0, depth).map((p) => `node_modules/${p}`).join('');
        const candidate = `${prefix ? prefix.replace(/\/?$/, '/') : ''}node_modules/${dep}`;
        if (packages[candidate]) found = true;
      }
      if (!found && dep !== 'fsevents') missing.push({ dep, range, dev: !!entry.dev });
    }
  }
  return missing;
}

function main() {
  const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
  const missing = missingOptional(lock);
  if (process.argv.includes('--check')) {
    for (const m of missing) console.log(`missing: ${m.dep}@${m.range}`);
    process.exit(missing.length ? 1 : 0);
  }
  for (const m of missing) {
    const platform = platformOf(m.dep);
    if (!platform || !/^\d+\.\d+\.\d+/.test(m.range)) {
      console.error(`cannot complete ${m.dep}@${m.range}: not a platform package with an exact version`);
      process.exit(1);
    }
    lock.packages[`node_modules/${m.dep}`] = { version: m.range, ...platform, ...(m.dev ? { dev: true } : {}), optional: true };
  }
  // Keep npm's ordering: package keys sorted.
  const [top, ...rest] = Object.keys(lock.packages);
  lock.packages = Object.fromEntries([[top, lock.packages[top]], ...rest.sort().map((k) => [k, lock.packages[k]])]);
  writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
  console.log(`added ${missing.length} optional platform entries to package-lock.json`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
