/**
 * The Fu et al. (2023) study module: inputs, the analysis through `analysePanel`, the density-rounding band, the
 * land-area identification, every reproduction row, and the sensitivity analyses of the audit notebook.
 *
 * Fu Y, Wang J, Sun J, Zhang S, Huang D (2023). Equity in the allocation of general practitioner resources in
 * mainland China from 2012 to 2019. Healthcare 11(3):398. doi:10.3390/healthcare11030398
 */
export * from './inputs';
export * from './equity';
export * from './study';
export * from './tables';
export * from './sensitivity';
