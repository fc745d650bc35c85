/**
 * The forensic records of the Li et al. (2024) audit notebook: the population and GDP vintages laid side by side,
 * the evidence for Table 5's labels, the unbounded Theil index of the paper's Eq. (3), and the paper's errors, each
 * with its evidence computed from the study's records.
 *
 * Li S, Liao C, Zhang S (2024). The role of Construction of Healthcare Consortium on the allocation of human
 * resources for primary care resources and its equity in China. Preprint, 2024 (no DOI).
 */
import { theil } from '../../measures/theil';
import { LI2024_INDICATOR_SHORT, LI2024_REGION_LABEL, LI2024_REGIONS, LI2024_SCOPES, gdpPerCapita, scopeCodes, sumPopulation } from './inputs';
import type { Li2024Inputs } from './inputs';
import { table5LabelEvidence, nationalUAgainstRegions, forecastGrowth } from './greyModels';
import type { Li2024Study } from './study';
import type { ViewRow } from './view';

const SHORT: Record<string, string> = { ...LI2024_INDICATOR_SHORT };
const LABEL: Record<string, string> = { ...LI2024_REGION_LABEL };

/**
 * The population interval each Table 2 row implies, and each candidate sum marked ✓ (inside) or ✗ (outside).
 * @example
 * impliedPopulationTable(li2024Study()).find((r) => r.year === 2012 && r.region === 'Northwest')['revised, with Xinjiang'];
 * // => '9820 ✓'
 */
export function impliedPopulationTable(study: Li2024Study): ViewRow[] {
  return study.impliedPopulation.map((r) => ({
    year: r.year, region: LABEL[r.scope], 'implied (10,000 persons)': `[${r.low.toFixed(0)}, ${r.high.toFixed(0)}]`,
    ...Object.fromEntries(r.candidates.map((c) => [c.candidate, `${c.population.toFixed(0)} ${c.inside ? '✓' : '✗'}`])),
  }));
}

/**
 * Each region's population (10,000 persons) in both vintages for the Table 2 years (Xinjiang in the northwest;
 * national = the 31 provinces).
 * @example
 * populationByVintage(loadLi2024Inputs())[6]; // => { region: 'National', '2021 revised': 141060 }
 */
export function populationByVintage(inputs: Li2024Inputs): ViewRow[] {
  return LI2024_SCOPES.map((s) => {
    const codes = scopeCodes(inputs, s);
    return {
      region: LABEL[s],
      '2012 first-published': sumPopulation(inputs, codes, 2012, 'first-published'), '2012 revised': sumPopulation(inputs, codes, 2012, 'revised'),
      '2016 first-published': sumPopulation(inputs, codes, 2016, 'first-published'), '2016 revised': sumPopulation(inputs, codes, 2016, 'revised'),
      '2021 revised': sumPopulation(inputs, codes, 2021, 'revised'),
    };
  });
}

/**
 * 2012 GDP per person as first published (the 21 provinces held) against the revised GRP over the first-published
 * population, which this reproduction uses.
 * @example
 * gdpAsPublished(loadLi2024Inputs()).length; // => 21
 */
export function gdpAsPublished(inputs: Li2024Inputs): ViewRow[] {
  return [...inputs.gdpPerCapitaAsPublished2012.entries()].map(([code, published]) => {
    const revised = gdpPerCapita(inputs, [code], 2012);
    return { province: inputs.provinceName[code], region: LABEL[inputs.regionOf[code]], 'as published (yuan)': published, 'revised GRP / population': Math.round(revised), 'revised / published - 1': revised / published - 1 };
  });
}

/**
 * Table 5's rows under the printed and the corrected label: u over the series' 2012 total, and the 2021 error of
 * the model read with the printed label.
 * @example
 * labelEvidenceTable(li2024Study())[3]; // => { row: 4, 'printed label': 'PHY', 'corrected label': 'HTP' }
 */
export function labelEvidenceTable(study: Li2024Study): ViewRow[] {
  return table5LabelEvidence(study.inputs, study.models).map((e) => ({
    row: e.rowOrder, region: LABEL[e.scope], 'printed label': SHORT[e.printedIndicator], 'corrected label': SHORT[e.indicator],
    'u / 2012 total, printed label': e.uOverFirstPrinted, 'u / 2012 total, corrected': e.uOverFirstCorrected,
    '2021 error, printed label (%)': e.error2021Printed === null ? null : 100 * e.error2021Printed,
  }));
}

/**
 * The paper's Eq. (3), Σ P ln(P/Y), has no upper bound: two halves of the population, one holding a share ε of
 * the workforce. Theil's T, Σ Y ln(Y/P), stays below ln(1 / min P) = ln 2.
 * @example
 * theilUnbounded([0.1])[0]; // => { epsilon: '0.1', 'Eq. (3): Σ P ln(P/Y)': 0.5108 }
 */
export function theilUnbounded(epsilons: readonly number[] = [0.1, 1e-3, 1e-6]): ViewRow[] {
  return epsilons.map((eps) => {
    const perPerson = [(1 - eps) / 0.5, eps / 0.5];
    return { epsilon: String(eps), 'Eq. (3): Σ P ln(P/Y)': theil(perPerson, [0.5, 0.5]), "Theil's T: Σ Y ln(Y/P)": theil(perPerson, [0.5, 0.5], { variant: 'T' }), 'ln 2': Math.LN2 };
  });
}

/**
 * Per-1,000 growth by region: 2012-2021 (Table 3) and 2021-2030 by the region's model (assumptions A and B).
 * @example
 * forecastGrowthTable(li2024Study()).length; // => 6
 */
export function forecastGrowthTable(study: Li2024Study): ViewRow[] {
  const g = forecastGrowth(study.inputs, study.rebuilt, study.table3);
  return LI2024_REGIONS.map((r) => ({
    region: LABEL[r],
    ...Object.fromEntries(g.filter((x) => x.region === r).flatMap((x) => [
      [`${SHORT[x.indicator]} 2012-21`, x.table3], [`${SHORT[x.indicator]} GM (A)`, x.forecastA], [`${SHORT[x.indicator]} GM (B)`, x.forecastB],
    ])),
  }));
}

/** One error or inconsistency of the paper, with the evidence computed here and the audit section showing it. */
export interface Li2024Finding {
  where: string;
  finding: string;
  evidence: string;
  /** Section of the audit notebook. */
  section: number;
}

/**
 * The paper's errors and inconsistencies, each with its evidence computed from the study's records.
 * @example
 * li2024Findings(li2024Study()).length; // => 14
 */
export function li2024Findings(study: Li2024Study): Li2024Finding[] {
  const f = (x: number, d = 2): string => x.toFixed(d);
  const nw2012 = study.table2.filter((c) => c.year === 2012 && c.scope === 'northwest');
  const revisedOk = study.table2.filter((c) => Math.abs(c.withRevisedPopulation - c.printed) <= 0.005 + 1e-12).length;
  const national = study.table3.filter((c) => c.scope === 'national');
  const worstNational = national.slice().sort((a, b) => Math.abs(b.fromRounded - b.fromUnrounded) - Math.abs(a.fromRounded - a.fromUnrounded))[0];
  const acc = study.acceleration;
  const rn21 = study.rebuilt.find((m) => m.rowOrder === 21);
  const sums = nationalUAgainstRegions(study.models);
  const phy2021 = study.concentration.find((c) => c.year === 2021 && c.indicator === 'phc_practising_physicians');
  const ci = (y: number, i: string): number => (study.sixRegions.find((s) => s.year === y && s.indicator === i) as { ciCurve: number }).ciCurve;
  const risers = ['phc_health_technical_personnel', 'phc_practising_physicians', 'phc_registered_nurses'].filter((i) => ci(2021, i) > ci(2016, i));
  const unbounded = theilUnbounded([1e-6])[0]['Eq. (3): Σ P ln(P/Y)'] as number;
  const nwGrowth = forecastGrowth(study.inputs, study.rebuilt, study.table3).filter((g) => g.region === 'northwest');
  const low = Math.min(...study.forecast2030.map((x) => x.impliedPopulationLow));
  return [
    { section: 1, where: 'Section 2.1', finding: 'The region list omits Xinjiang; the data include it in the northwest.', evidence: `2012 northwest per 1,000 with Xinjiang ${nw2012.map((c) => f(c.reproduced)).join(' / ')} (printed ${nw2012.map((c) => c.printedText).join(' / ')}); without it ${nw2012.map((c) => f(c.withoutXinjiang)).join(' / ')}.` },
    { section: 1, where: 'Table 2', finding: 'Unstated: 2012/2016 per 1,000 use the population as first published, 2021 the revised one; national = sum of 31 provinces.', evidence: `${study.table2.filter((c) => c.row.status === 'reproduced').length} of 63 reproduced this way; ${revisedOk} of 63 with the revised population.` },
    { section: 3, where: 'Table 3', finding: 'The national row uses the rounded per-1,000 values, the regional rows unrounded ones.', evidence: `largest gap: ${SHORT[worstNational.indicator]} ${worstNational.period} printed ${worstNational.printedText}, unrounded ${f(worstNational.fromUnrounded)}%.` },
    { section: 4, where: 'Text 3.1', finding: `${acc.map((a) => a.claimedText).join(' / ')} points are the mean of the six regions and the National row; "significantly" is untested.`, evidence: `mean of 7 rows ${acc.map((a) => f(a.meanOfSevenRows)).join(' / ')}; National ${acc.map((a) => f(a.nationalPrinted)).join(' / ')}; six regions ${acc.map((a) => f(a.meanOfSixRegions)).join(' / ')}.` },
    { section: 5, where: 'Eqs. (5)-(6)', finding: 'Between- and within-region formulas carry swapped names.', evidence: 'Σ P_g ln(P_g/Y_g) over the regions is the between part: between + Σ P_g T_g = total exactly (analysePanel).' },
    { section: 5, where: 'Section 2.4', finding: '"T lies between 0 and 1" is wrong: Eq. (3) has no upper bound.', evidence: `two equal halves, one holding 10⁻⁶ of the workforce: T = ${f(unbounded)}.` },
    { section: 5, where: 'Eq. (2)', finding: 'h is the per-person resource level and r the fractional income rank, not "the ordering of health resources".', evidence: 'curve-area and covariance formulas agree to rounding error (§6).' },
    { section: 7, where: 'Eq. (7)', finding: 'Garbled: a/u where u/a belongs; x⁽⁰⁾ without (1).', evidence: 'the models rebuilt with u/a fit Table 2 (§7).' },
    { section: 7, where: 'Table 5', finding: 'Row labels shifted across page breaks: rows 1-7 are HTP, 8-14 PHY, 15-21 RN. "P-value" is the small-error probability.', evidence: `national u / sum of regional u: ${sums.map((s) => f(s.ratio, 3)).join(' / ')} (HTP / PHY / RN).` },
    { section: 7, where: 'Table 5 row 21', finding: 'The national nurses model cannot describe its series; its printed C is impossible.', evidence: `a = ${rn21?.text.a}: fitted 2021 ${f(100 * (rn21?.error2021 ?? NaN), 0)}% off; C must be ≥ ${f(rn21?.cLowerBound ?? NaN)} (printed ${rn21?.text.C}).` },
    { section: 6, where: 'Text 3.2.3', finding: '"All CIs declined 2016-2021" does not hold between regions; physicians 2021 lies below its own between-region part.', evidence: `six-region CI rose for ${risers.map((i) => SHORT[i]).join(', ')}; PHY 2021 published ${phy2021?.publishedText}, six regions ${f(phy2021?.sixRegions ?? NaN, 4)}.` },
    { section: 9, where: 'Text 4', finding: 'The 2021 best-worst regional gap 0.27 matches no reading of Table 2.', evidence: `per indicator ${study.regionalGap.byIndicator.map((g) => f(g.gap2021)).join(' / ')}; gap of the regional means ${f(study.regionalGap.gapOfMeans2021)}.` },
    { section: 9, where: 'Discussion', finding: "The northwest's growth does not slow in 2021-2030 by its own models.", evidence: `northwest per-1,000 growth 2012-21 ${nwGrowth.map((g) => f(g.table3)).join(' / ')}%; models 2021-30 ${nwGrowth.map((g) => f(g.forecastA)).join(' / ')}% a year.` },
    { section: 8, where: '2030 values', finding: 'The published 2030 values imply a population above the 2021 one, which has fallen since 2022.', evidence: `${study.forecast2030.map((x) => x.publishedText).join(' / ')} need ≥ ${f(low, 0)} million; 2021: ${f(sumPopulation(study.inputs, study.inputs.provinceCodes, 2021) / 100, 1)} million.` },
  ];
}
