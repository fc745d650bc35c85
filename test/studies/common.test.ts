/**
 * lib/studies/common.ts: the generic pieces the study modules share.
 */
import { describe, expect, it } from 'vitest';
import { loadPublishedTable } from '../../lib/data/published';
import { bandTolerance, findPublishedCell, median, printedValue, quantileBand, reproductionByTable, reproductionRecords, roundsToPrinted, sideBySide } from '../../lib/studies/common';
import { compareCell } from '../../lib/studies/reproduction';

describe('printedValue', () => {
  it('reads the cell as printed, before errata', () => {
    // Fu et al. Table 5 prints the 2015 registrations as 38,364; data/errata.csv corrects them to 68,364.
    const cells = loadPublishedTable('fu2023', 'table5').rows;
    const cell = findPublishedCell(cells, 'table5', { year: 2015, measure: 'registrations', category: 'total' });
    expect(cell.value).toBe(68364);
    expect(printedValue(cell)).toBe(38364);
  });
  it('drops a trailing % and thousands separators', () => {
    const base = { table: 't', rowLabel: 'r', columnLabel: 'c' };
    expect(printedValue({ ...base, valueText: '36.24%' })).toBe(36.24);
    expect(printedValue({ ...base, valueText: '109,794' })).toBe(109794);
  });
  it('names the cell when the text is no number', () => {
    expect(() => printedValue({ table: 'table9', rowLabel: 'East', columnLabel: '2012', valueText: 'n/a' })).toThrow(/table9 East \/ 2012/);
  });
});

describe('findPublishedCell', () => {
  const cells = Object.freeze([
    { table: 'table6', basis: 'population', year: 2012, valueText: '0.3123' },
    { table: 'table6', basis: 'geographical_area', year: 2012, valueText: '0.7303' },
    { table: 'table7', basis: 'population', year: 2012, valueText: '0.0742' },
  ]);
  it('returns the one matching cell', () => {
    expect(findPublishedCell(cells, 'table6', { basis: 'geographical_area' }).valueText).toBe('0.7303');
  });
  it('refuses none and several', () => {
    expect(() => findPublishedCell(cells, 'table6', { year: 2013 })).toThrow(RangeError);
    expect(() => findPublishedCell(cells, 'table6', { year: 2012 })).toThrow(/2 cells of table6/);
  });
});

describe('roundsToPrinted', () => {
  it('accepts exactly half a printed unit and nothing beyond', () => {
    // 1.265 is the lower edge of the values that round to 1.27 (hand derivation).
    expect(roundsToPrinted(1.265, '1.27')).toBe(true);
    expect(roundsToPrinted(1.2649, '1.27')).toBe(false);
    expect(roundsToPrinted(36.244, '36.24%')).toBe(true);
  });
});

describe('quantileBand', () => {
  it('takes the outer order statistics and the n - 1 standard deviation', () => {
    // 0..100: the 0.5 % quantile index floor(0.005 * 100) = 0, the 99.5 % one ceil(0.995 * 100) = 100.
    const x = Array.from({ length: 101 }, (_, i) => i);
    const band = quantileBand(x, 0.99);
    expect(band.low).toBe(0);
    expect(band.high).toBe(100);
    // Variance of 0..100 with divisor n - 1: n (n + 1) / 12 with n = 101 → 101 * 102 / 12 = 858.5.
    expect(band.sd).toBeCloseTo(Math.sqrt(858.5), 12);
    // 80 % band of 0..100: floor(0.1 * 100) = 10, ceil(0.9 * 100) = 90.
    expect(quantileBand(x, 0.8)).toMatchObject({ low: 10, high: 90 });
  });
  it('does not mutate its input and refuses bad input', () => {
    const x = Object.freeze([3, 1, 2]);
    expect(quantileBand(x, 0.5).low).toBe(1);
    expect(x).toEqual([3, 1, 2]);
    expect(() => quantileBand([1], 0.99)).toThrow(/at least two/);
    expect(() => quantileBand([1, 2], 1)).toThrow(/level/);
    expect(() => quantileBand([1, NaN], 0.5)).toThrow(/draw 2/);
  });
});

describe('bandTolerance', () => {
  it('is the larger distance to the band plus half a printed unit', () => {
    // band 0.3118..0.3131 around 0.3125: distances 0.0007 and 0.0006 → 0.0007 + 0.00005.
    expect(bandTolerance(0.3125, { low: 0.3118, high: 0.3131, sd: 0.0002 }, '0.3123')).toBeCloseTo(0.00075, 15);
    expect(() => bandTolerance(0.3, { low: 0.4, high: 0.2, sd: 0 }, '0.3')).toThrow(/above/);
  });
});

describe('median', () => {
  it('is the middle value or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(/at least one/);
  });
});

describe('sideBySide and reproductionByTable', () => {
  const rows = [
    compareCell({ table: 'Table 6', row: 'Population', column: '2012', published: 0.3123, reproduced: 0.31225, tolerance: 0.0007, note: 'band' }),
    compareCell({ table: 'Table 6', row: 'Geographical area', column: '2012', published: 0.7303, reproduced: 0.74, tolerance: 0.0007 }),
    compareCell({ table: 'Table 10', row: 'Beijing', column: '2012', published: 1, reproduced: null, missingInput: 'x' }),
  ];
  it('keeps the rows of one table, optionally one row, without notes', () => {
    expect(sideBySide(rows, 'Table 6')).toHaveLength(2);
    const one = sideBySide(rows, 'Table 6', { row: /area/ });
    expect(one).toHaveLength(1);
    expect(one[0]).not.toHaveProperty('note');
    expect(one[0].status).toBe('unexplained');
    expect(() => sideBySide(rows, 'Table 9')).toThrow(/no rows of Table 9/);
  });
  it('counts by table in numeric table order', () => {
    // Table 6: one reproduced (|0.31225 - 0.3123| = 5e-5 <= 0.0007), one unexplained (0.0097 > 0.0007).
    expect(reproductionByTable(rows)).toEqual([
      { table: 'Table 6', cells: 2, reproduced: 1, explained: 0, unexplained: 1, 'not-reproducible': 0 },
      { table: 'Table 10', cells: 1, reproduced: 0, explained: 0, unexplained: 0, 'not-reproducible': 1 },
    ]);
  });
});

describe('reproductionRecords', () => {
  it('copies every column, notes included, without sharing the rows', () => {
    const rows = [compareCell({ table: 'T', row: 'r', column: 'c', published: 1, reproduced: 1.5, tolerance: 0.1, explanation: 'typo' })];
    const records = reproductionRecords(rows);
    expect(records).toEqual(rows);
    expect(records[0]).not.toBe(rows[0]);
  });
});
