/**
 * lib/data/landArea.ts: the two land-area sources, against their raw transcriptions.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'fs';
import * as path from 'path';
import { LAND_AREA_SOURCES, loadLandArea, loadProvinces } from '../../lib/index';

const RAW = path.join(__dirname, '..', '..', 'data', 'raw');

describe('loadLandArea', () => {
  it('both sources give the 31 provinces once each, positive, in code order', () => {
    const codes = loadProvinces().map((p) => p.code);
    for (const source of LAND_AREA_SOURCES) {
      const r = loadLandArea({ source });
      expect(r.source).toBe(source);
      expect(r.rows.map((x) => x.provinceCode)).toEqual(codes);
      for (const row of r.rows) expect(row.areaKm2).toBeGreaterThan(0);
    }
  });

  it('defaults to the figures of loadProvinces (henrylin03, scraped from Wikipedia)', () => {
    const r = loadLandArea();
    expect(r.source).toBe('henrylin03_area_wikipedia');
    expect(r.rows.map((x) => x.areaKm2)).toEqual(loadProvinces().map((p) => p.areaKm2));
    expect(r.rows[0]).toMatchObject({ provinceCode: '110000', areaKm2: 16411, unitAsPrinted: 'km2' });
    expect(r.printedNationalTotalKm2).toBeNull();
    // sum of the 31 rows of raw/henrylin03__area_2205301912.csv (Xinjiang..Shanghai), by hand from the file
    expect(r.totalKm2).toBeCloseTo(9615222.5, 6);
  });

  it('land survey 2008: 10,000 ha converted to km² exactly, as printed in CSY2009 table 11-34', () => {
    const r = loadLandArea({ source: 'nbs_land_survey_2008' });
    const by = new Map(r.rows.map((x) => [x.provinceCode, x]));
    expect(by.get('110000')).toMatchObject({ areaKm2: 16410, valueAsPrinted: '164.1', unitAsPrinted: '10000 hectares', rowSource: 'nbs_csy2009_t11-34' });
    expect(by.get('540000')!.areaKm2).toBe(1202070); // Tibet 12020.7
    expect(by.get('330000')!.areaKm2).toBe(105400); // Zhejiang 1054.0
    expect(by.get('310000')!.areaKm2).toBe(8240); // Shanghai 82.4 (0.1 x 10,000 ha = 10 km²)
    // Xinjiang is not in the stored yearbook excerpt: Xinjiang Statistical Yearbook 2016 via zh.wikipedia, km²
    expect(by.get('650000')).toMatchObject({ areaKm2: 1664897.17, valueAsPrinted: '1664897.17', unitAsPrinted: 'km2', rowSource: 'xinjiang_yb2016_via_zhwiki' });
  });

  it('every land-survey value equals its raw transcription', () => {
    const text = readFileSync(path.join(RAW, 'nbs_csy2009_t11-34_land_survey_area_2008_TRANSCRIBED.csv'), 'utf8');
    const raw = new Map(text.split('\n').filter((l) => l && !l.startsWith('#')).slice(1).map((l) => l.split(',') as [string, string]));
    const r = loadLandArea({ source: 'nbs_land_survey_2008' });
    const en = new Map(loadProvinces().map((p) => [p.code, p.nameEn]));
    let n = 0;
    for (const row of r.rows) {
      if (row.provinceCode === '650000') continue;
      expect(row.valueAsPrinted).toBe(raw.get(en.get(row.provinceCode)!));
      n++;
    }
    expect(n).toBe(30);
    expect(raw.get('National Total')).toBe('95069.3');
  });

  it('land survey total: the 31 provinces add up to the printed national total within rounding, about 9.5 million km²', () => {
    const r = loadLandArea({ source: 'nbs_land_survey_2008' });
    expect(r.printedNationalTotalKm2).toBe(9506930); // 95,069.3 x 10,000 ha
    expect(r.totalKm2).toBeCloseTo(9506917.17, 6);
    // 30 cells printed to 0.1 x 10,000 ha = 10 km² (rounding <= 5 km² each) and the total's own rounding: <= 155 km²
    expect(Math.abs(r.totalKm2 - r.printedNationalTotalKm2!)).toBeLessThan(155);
    // Close to the "9.6 million km²" usually quoted, which also counts Hong Kong, Macao and Taiwan; the area under
    // the land survey of the 31 provinces is 9.51 million, 1.1% below the Wikipedia figures' 9.62 million.
    expect(r.totalKm2).toBeGreaterThan(9.4e6);
    expect(r.totalKm2).toBeLessThan(9.6e6);
  });

  it('the two sources differ most in Inner Mongolia, Tibet and Gansu', () => {
    const a = new Map(loadLandArea().rows.map((x) => [x.provinceCode, x.areaKm2]));
    const b = new Map(loadLandArea({ source: 'nbs_land_survey_2008' }).rows.map((x) => [x.provinceCode, x.areaKm2]));
    const diffs = [...a.keys()].map((c) => [c, a.get(c)! - b.get(c)!] as [string, number]).sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]));
    expect(diffs.slice(0, 3).map((d) => d[0])).toEqual(['150000', '540000', '620000']);
    expect(diffs[0][1]).toBe(1183000 - 1145120);
    expect(loadLandArea().totalKm2 - loadLandArea({ source: 'nbs_land_survey_2008' }).totalKm2).toBeCloseTo(108305.33, 4);
  });

  it('rejects an unknown source', () => {
    expect(() => loadLandArea({ source: 'baidu' as never })).toThrow(RangeError);
    expect(() => loadLandArea({ source: 'baidu' as never })).toThrow("loadLandArea: source must be 'henrylin03_area_wikipedia' or 'nbs_land_survey_2008' (got baidu)");
  });
});
