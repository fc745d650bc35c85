/**
 * lib/studies/li2024: the Li et al. (2024) reproduction as records. Expected values come from the paper as
 * transcribed in data/published/li2024/ (the published side), from direct calls of the measures and loaders on the
 * same inputs (hand recipes written out here), and from invariants. Nothing asserts on printed text.
 */
import * as path from 'path';
import { beforeAll, describe, expect, it } from 'vitest';
import { concentrationIndex } from '../../lib/measures/concentration';
import { gini } from '../../lib/measures/gini';
import { gm11 } from '../../lib/measures/gm11';
import { theil } from '../../lib/measures/theil';
import { loadPopulation } from '../../lib/data/series';
import { readProvinceTable } from '../../lib/data/readProvinceTable';
import { reproductionCsv, summarizeReproduction } from '../../lib/studies/reproduction';
import {
  LI2024_INDICATORS, demonstrationPanel, li2024Study, loadLi2024Inputs, loadLi2024ProvincePanel,
  li2024Findings, nationalUAgainstRegions, table5LabelEvidence, theilUnbounded,
} from '../../lib/studies/li2024/index';
import type { Li2024Study } from '../../lib/studies/li2024/index';

const root = path.resolve(__dirname, '..', '..');
// Synthetic fixture made by test/fixtures/make-fixtures.ts: invented numbers, 31 provinces x 2012-2021 x 3 indicators.
const FIXTURE = path.join(root, 'test', 'fixtures', 'synthetic_phc_workforce_31prov_2012_2021.csv');

let study: Li2024Study;
beforeAll(() => {
  study = li2024Study();
});

describe('li2024Study: the reproduction record', () => {
  it('keeps every row of the notebook record it replaces, with the same counts by status', () => {
    // The record notebook 02 wrote before the study module existed (out/reproduction/li2024.csv, 2026-11-29):
    // 287 rows; 172 reproduced, 11 explained, 1 unexplained, 103 not reproducible from public data.
    const counts = summarizeReproduction(study.rows);
    expect(counts).toEqual({ reproduced: 172, explained: 11, unexplained: 1, 'not-reproducible': 103, total: 287 });
    const byTable = (t: string): number => study.rows.filter((r) => r.table === t).length;
    expect([byTable('Table 2'), byTable('Table 3'), byTable('Text 3.1'), byTable('Text 3.2.3'), byTable('Table 4')]).toEqual([72, 63, 6, 9, 6]);
    expect([byTable('Table 5 vs Table 2'), byTable('Text 3.2.4'), byTable('Text 4'), byTable('Table 5')]).toEqual([42, 3, 2, 84]);
  });

  it('gives every explained, unexplained and not-reproducible row a note saying why or what was tried', () => {
    for (const r of study.rows.filter((x) => x.status !== 'reproduced')) expect(r.note.length).toBeGreaterThan(40);
    for (const r of study.rows.filter((x) => x.status === 'not-reproducible')) expect(r.note).toMatch(/^missing input: /);
    const unexplained = study.rows.filter((r) => r.status === 'unexplained');
    expect(unexplained.map((r) => `${r.table} ${r.column}`)).toEqual(['Text 4 2021']);
    expect(unexplained[0].note).toMatch(/no plain reading of Table 2 gives 0.27/);
  });

  it('is deterministic: two runs give the same CSV text', () => {
    expect(reproductionCsv(li2024Study().rows)).toBe(reproductionCsv(study.rows));
  });
});

describe('Table 2: population vintage, Xinjiang, denominators', () => {
  it('rebuilds 2012 Northern health technical personnel per 1,000 from the total and the first-published population', () => {
    // Li Table 2 prints 1.51 (2012, Northern, HTP). Hand recipe: printed total / (10 x the first-published 2012
    // population of Beijing, Tianjin, Hebei, Shanxi and Inner Mongolia, in 10,000 persons).
    const cell = study.table2.find((c) => c.year === 2012 && c.scope === 'north' && c.indicator === 'phc_health_technical_personnel');
    expect(cell?.printedText).toBe('1.51');
    const pop = loadPopulation({ vintage: 'first-published' }).rows.filter((r) => r.year === 2012 && ['110000', '120000', '130000', '140000', '150000'].includes(r.provinceCode));
    expect(pop).toHaveLength(5);
    const expected = (cell?.total as number) / (10 * pop.reduce((s, r) => s + r.value, 0));
    expect(cell?.reproduced).toBeCloseTo(expected, 12);
    expect(cell?.row).toMatchObject({ table: 'Table 2', row: '2012 Northern', published: 1.51, tolerance: 0.005, status: 'reproduced' });
  });

  it('reproduces all 63 per-1,000 values only with Xinjiang in the northwest and the first-published population to 2016', () => {
    expect(study.table2.filter((c) => c.row.status === 'reproduced')).toHaveLength(63);
    const nw = study.table2.filter((c) => c.scope === 'northwest');
    // without Xinjiang the northwest values are far from the printed ones (2012 HTP: 2.10 instead of 1.62)
    for (const c of nw) expect(Math.abs(c.withoutXinjiang - c.printed)).toBeGreaterThan(0.05);
    const revisedFits = study.table2.filter((c) => Math.abs(c.withRevisedPopulation - c.printed) <= 0.005 + 1e-12).length;
    expect(revisedFits).toBeLessThan(63);
    // the population intervals: the northwest contains the sums with Xinjiang only
    for (const r of study.impliedPopulation.filter((x) => x.scope === 'northwest')) {
      for (const c of r.candidates) expect(c.inside).toBe(c.candidate.endsWith('with Xinjiang'));
    }
    // 2016: the national row divides by the sum of the 31 provinces, not the NBS national total
    const nat2016 = study.impliedPopulation.find((x) => x.year === 2016 && x.scope === 'national');
    expect(nat2016?.candidates.find((c) => c.candidate.startsWith('NBS'))?.inside).toBe(false);
    expect(nat2016?.candidates.find((c) => c.candidate === 'first-published, provinces as listed')?.inside).toBe(true);
  });
});

describe('Stage 0: Table 3 and the text', () => {
  it('reproduces the 54 regional cells and explains the national ones by the rounded per-1,000 values', () => {
    const regional = study.table3.filter((c) => c.scope !== 'national');
    expect(regional.every((c) => c.row.status === 'reproduced')).toBe(true);
    // Table 3 prints 10.40% for national nurses 2016-2021: the compound rate of Table 2's rounded national values
    // reproduces it, the rate of the unrounded ones (total / population) is 10.08%.
    const rn = study.table3.find((c) => c.scope === 'national' && c.indicator === 'phc_registered_nurses' && c.period === '2016-2021');
    expect(rn?.printedText).toBe('10.40%');
    expect(rn?.row.status).toBe('explained');
    expect(Math.abs((rn?.fromRounded as number) - 10.4)).toBeLessThanOrEqual(0.005);
    expect(rn?.fromUnrounded).toBeCloseTo(10.08, 2);
  });

  it('finds the 4.01 / 4.79 / 4.18 points only as the mean of the seven rows', () => {
    expect(study.acceleration.map((a) => a.claimedText)).toEqual(['4.01', '4.79', '4.18']);
    for (const a of study.acceleration) {
      expect(a.row.status).toBe('reproduced');
      expect(Math.abs(a.meanOfSixRegions - a.claimed)).toBeGreaterThan(0.005);
      expect(Math.abs(a.nationalPrinted - a.claimed)).toBeGreaterThan(0.005);
    }
  });
});

describe('Stages 1-3 over the six regions (through analysePanel)', () => {
  it('equals direct calls of gini, theil and concentrationIndex on the regional per-1,000 values', () => {
    const inputs = loadLi2024Inputs();
    for (const s of study.sixRegions) {
      const units = s.analysis.units;
      const per = units.map((u) => u.resource / (10 * u.population));
      const pop = units.map((u) => u.population);
      expect(s.gini).toBeCloseTo(gini(per, pop), 12);
      expect(s.theilBetween).toBeCloseTo(theil(per, pop), 12);
      expect(s.ciCurve).toBeCloseTo(concentrationIndex(per, units.map((u) => u.rankBy as number), pop).curveAreaFormula, 12);
      // invariant: the two formulas of the concentration index agree
      expect(Math.abs(s.ciCurve - s.ciCovariance)).toBeLessThan(1e-12);
    }
    expect(inputs.regionCodes.northwest).toContain('650000');
  });

  it('puts the published physicians CI of 2021 (0.0280) below its own six-region part', () => {
    const c = study.concentration.find((x) => x.year === 2021 && x.indicator === 'phc_practising_physicians');
    expect(c?.publishedText).toBe('0.0280');
    expect(c?.sixRegions).toBeGreaterThan(c?.published as number);
  });

  it('derives the Table 4 totals from the printed shares: total = between / share', () => {
    for (const t of study.table4) {
      expect(t.total * t.share).toBeCloseTo(t.between, 12);
      expect(t.low).toBeLessThan(t.total);
      expect(t.high).toBeGreaterThan(t.total);
    }
  });
});

describe('Table 5: labels, rebuilt models, forecasts', () => {
  it('reassigns the shifted labels: rows 1-7 HTP, 8-14 physicians, 15-21 nurses', () => {
    const rows = study.models;
    expect(rows.map((m) => m.indicator)).toEqual([
      ...Array(7).fill('phc_health_technical_personnel'), ...Array(7).fill('phc_practising_physicians'), ...Array(7).fill('phc_registered_nurses'),
    ]);
    // as printed, "Practicing physicians" starts at row 4 and "Registered nurses" at row 14
    expect(rows.filter((m) => m.printedIndicator !== m.indicator).map((m) => m.rowOrder)).toEqual([4, 5, 6, 7, 14]);
    const evidence = table5LabelEvidence(loadLi2024Inputs(), rows);
    // u is close to the series' first value under the corrected label (20 rows), far above it under the printed one
    for (const e of evidence.filter((x) => x.rowOrder !== 21)) expect(e.uOverFirstCorrected).toBeGreaterThan(0.8);
    for (const e of evidence.filter((x) => x.rowOrder !== 21)) expect(e.uOverFirstCorrected).toBeLessThan(1);
    for (const e of evidence.filter((x) => x.printedIndicator !== x.indicator)) expect(e.uOverFirstPrinted).toBeGreaterThan(1.5);
    // national u = sum of regional u for HTP and physicians (within 0.2 %), not for nurses
    const sums = nationalUAgainstRegions(rows);
    expect(Math.abs(sums[0].ratio - 1)).toBeLessThan(0.002);
    expect(Math.abs(sums[1].ratio - 1)).toBeLessThan(0.002);
    expect(sums[2].ratio).toBeLessThan(0.3);
  });

  it('rebuilds row 1 (HTP, Northern) with the GM(1,1) time response written out by hand', () => {
    const m = study.rebuilt[0];
    expect([m.rowOrder, m.indicator, m.scope]).toEqual([1, 'phc_health_technical_personnel', 'north']);
    // x0hat(k) = (1 - e^a)(x0(1) - u/a) e^(-a(k-1)), k >= 2 (Deng 1982); x0(1) = Table 2's 2012 total
    const x1 = study.inputs.table2.find((c) => c.year === 2012 && c.scope === 'north' && c.indicator === m.indicator)?.total as number;
    const hand = (k: number): number => (1 - Math.exp(m.a)) * (x1 - m.u / m.a) * Math.exp(-m.a * (k - 1));
    expect(m.fitted2016).toBeCloseTo(hand(5), 6);
    expect(m.fitted2021).toBeCloseTo(hand(10), 6);
    expect(m.withinBound).toBe(true);
  });

  it('flags the national nurses model (row 21) as an error of the paper, explained', () => {
    const rn = study.rebuilt.find((m) => m.rowOrder === 21);
    expect(rn?.text.a).toBe('-0.005');
    expect(rn?.withinBound).toBe(false);
    expect(rn?.cLowerBound).toBeGreaterThan(0.6);
    const rows = study.rows.filter((r) => r.table === 'Table 5 vs Table 2' && r.row.endsWith('(printed row 21)'));
    expect(rows.map((r) => r.status)).toEqual(['explained', 'explained']);
    expect(study.rows.filter((r) => r.table === 'Table 5 vs Table 2' && r.status === 'reproduced')).toHaveLength(40);
  });

  it('forecasts 2030 under the stated population assumptions and shows the published values need a larger population', () => {
    for (const f of study.forecast2030) {
      expect(f.row.status).toBe('not-reproducible');
      // the published values imply a 2030 population above the 2021 one (1,410.6 million)
      expect(f.impliedPopulationLow).toBeGreaterThan(1410.6);
      expect(f.perThousandA).toBeGreaterThan(f.published);
    }
    expect(study.forecast2030.map((f) => f.models)).toEqual(['national row 7', 'national row 14', 'sum of regional rows 15-20']);
  });
});

describe('province-level stages', () => {
  it('runs on the demonstration panel without touching the record', () => {
    expect(study.panel.mode).toBe('demonstration');
    expect(study.provinceStages).toHaveLength(8);
    for (const s of study.provinceStages) {
      // invariants: Gini over six regions <= over 31 provinces; between + within = total
      expect(s.giniSixRegions).toBeLessThanOrEqual(s.gini + 1e-12);
      expect((s.theil.between as number) + (s.theil.within as number)).toBeCloseTo(s.theil.total, 12);
    }
    expect(study.rows.filter((r) => ['Text 3.2.3', 'Table 4', 'Table 5'].includes(r.table)).every((r) => r.status === 'not-reproducible')).toBe(true);
    expect(demonstrationPanel(loadLi2024Inputs()).description).toMatch(/^DEMONSTRATION/);
  });

  it('compares the province-level cells with a user file (the synthetic fixture)', async () => {
    const inputs = loadLi2024Inputs();
    const panel = await loadLi2024ProvincePanel(inputs, FIXTURE);
    expect(panel.mode).toBe('user');
    expect(panel.indicators).toEqual([...LI2024_INDICATORS]);
    const withFile = li2024Study({ panel });
    const cells = withFile.rows.filter((r) => ['Text 3.2.3', 'Table 4', 'Table 5'].includes(r.table));
    expect(cells).toHaveLength(9 + 6 + 84);
    for (const r of cells) expect(r.status).not.toBe('not-reproducible');
    // Table 5 national HTP (printed row 7) against gm11 fitted by hand to the fixture's national sums 2012-2021
    const table = await readProvinceTable(FIXTURE, { layout: 'long', comment: '#', requireAllProvinces: true });
    const years = Array.from({ length: 10 }, (_, i) => 2012 + i);
    const series = years.map((y) => table.rows.filter((r) => r.indicator === 'phc_health_technical_personnel' && r.year === y).reduce((s, r) => s + r.value, 0));
    const fit = gm11(series, { times: years });
    const a = withFile.rows.find((r) => r.table === 'Table 5' && r.row.endsWith('(printed row 7)') && r.column === 'a');
    expect(a?.reproduced).toBeCloseTo(fit.developmentCoefficient, 12);
    // Gini of 2021 HTP over the 31 provinces: gini(count / (10 population), population), revised population
    const pop = new Map(loadPopulation({ vintage: 'revised' }).rows.filter((r) => r.year === 2021).map((r) => [r.provinceCode, r.value]));
    const rows2021 = table.rows.filter((r) => r.indicator === 'phc_health_technical_personnel' && r.year === 2021);
    const w = rows2021.map((r) => pop.get(r.provinceCode) as number);
    const stage = withFile.provinceStages.find((s) => s.indicator === 'phc_health_technical_personnel' && s.year === 2021);
    expect(stage?.gini).toBeCloseTo(gini(rows2021.map((r, i) => r.value / (10 * w[i])), w), 12);
    // the hold-out of every series: fit 2012-2018, forecast 2019-2021
    expect(withFile.directFits).toHaveLength(21);
    for (const f of withFile.directFits) expect(f.holdout.forecastYears).toEqual([2019, 2020, 2021]);
  });
});

describe('the audit records', () => {
  it('lists the paper\'s errors, each with evidence computed from the records and an audit section', () => {
    const findings = li2024Findings(study);
    expect(findings.length).toBeGreaterThanOrEqual(14);
    for (const f of findings) {
      expect(f.section).toBeGreaterThanOrEqual(1);
      expect(f.section).toBeLessThanOrEqual(11);
      expect(f.evidence.length).toBeGreaterThan(20);
    }
    // Xinjiang: the evidence quotes the reproduced northwest values with and without it (2.10 / 0.87 / 0.56 without)
    expect(findings.find((f) => f.where === 'Section 2.1')?.evidence).toMatch(/without it 2\.10 \/ 0\.87 \/ 0\.56/);
  });

  it("shows that the paper's Eq. (3) has no upper bound, while Theil's T stays below ln 2", () => {
    // two equal halves of the population, one holding eps of the workforce: 0.5 ln(0.5/(1-eps)) + 0.5 ln(0.5/eps)
    const rows = theilUnbounded([1e-6]);
    const eps = 1e-6;
    expect(rows[0]['Eq. (3): Σ P ln(P/Y)']).toBeCloseTo(0.5 * Math.log(0.5 / (1 - eps)) + 0.5 * Math.log(0.5 / eps), 10);
    expect(rows[0]["Theil's T: Σ Y ln(Y/P)"] as number).toBeLessThan(Math.LN2);
  });
});
