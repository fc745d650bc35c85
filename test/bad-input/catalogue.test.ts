/**
 * The bad-input catalogue (issue 14): every case of test/bad-input/cases.ts must be a clear error (the right class,
 * a message naming the function or file and the unit, row and column or option) or the correct result — never a
 * silent NaN, a silently wrong result, an unhelpful error or a hang. `npx tsx test/bad-input/measure.ts` prints the
 * counts of every class against the current code.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import * as L from '../../lib/index';
import { classify, hasNonFinite } from './classify';
import { makeCases } from './cases';

const dir = mkdtempSync(path.join(tmpdir(), 'equilab-bad-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cases = makeCases(dir);

describe('the catalogue', () => {
  it('holds at least 150 bad inputs, each named for the function, reader or loader it calls', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    for (const c of cases) expect(c.name).toMatch(/^\w+: /);
  });

  it('covers every function exported from lib/index', () => {
    // classes (ProvinceTableError, …) are covered through the functions that throw them
    const functions = Object.entries(L)
      .filter(([, v]) => typeof v === 'function' && !/^[A-Z]/.test((v as { name: string }).name))
      .map(([k]) => k);
    const covered = new Set(cases.map((c) => c.name.split(':')[0]));
    expect(functions.filter((f) => !covered.has(f))).toEqual([]);
  });

  it('hasNonFinite finds NaN and infinities in numbers, arrays, typed arrays and records', () => {
    expect(hasNonFinite(NaN)).toBe(true);
    expect(hasNonFinite([1, [2, Infinity]])).toBe(true);
    expect(hasNonFinite({ a: new Float64Array([1, -Infinity]) })).toBe(true);
    expect(hasNonFinite({ a: 1, b: [2, 3], c: 'NaN' })).toBe(false);
  });
});

describe('every bad input gives a clear error or the correct result', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const { outcome, detail } = await classify(c);
      expect(outcome, detail).toMatch(/^(clear error|correct result)$/);
    }, 60_000);
  }
});
