/**
 * `npm ci` (what CI runs) refuses a lock in which an optional dependency has no entry. The registry reachable here
 * serves only some platform builds, so npm writes such locks; scripts/complete-lockfile.mjs completes them.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');

describe('package-lock.json', () => {
  it('has an entry for every optional dependency of every locked package (else: node scripts/complete-lockfile.mjs)', async () => {
    const { missingOptional } = (await import(path.join(root, 'scripts', 'complete-lockfile.mjs'))) as {
      missingOptional: (lock: unknown) => Array<{ dep: string; range: string }>;
    };
    const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
    expect(missingOptional(lock).map((m) => `${m.dep}@${m.range}`)).toEqual([]);
  });

  it('pins every direct dependency exactly, and locks the same versions', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies } as Record<string, string>)) {
      expect(version, name).toMatch(/^\d+\.\d+\.\d+$/);
      expect(lock.packages[`node_modules/${name}`]?.version, name).toBe(version);
    }
    // danfojs-node 1.1.2 with TensorFlow's pure-JS build instead of tfjs-node (which downloads a native library).
    expect(pkg.dependencies['danfojs-node']).toBe('1.1.2');
    expect(pkg.overrides['@tensorflow/tfjs-node']).toBe('npm:@tensorflow/tfjs@3.21.0');
    expect(pkg.dependencies.tslab).toBe('1.0.22');
  });
});
