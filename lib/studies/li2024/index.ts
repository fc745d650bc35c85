/**
 * The Li et al. (2024) study module: inputs, Table 2's denominators, Stage 0 growth, the six-region Stages 1-3,
 * Table 5's GM(1,1) models and forecasts, the province-level stages (user file or demonstration), and every
 * reproduction row.
 */
export * from './inputs';
export * from './table2';
export * from './growth';
export * from './sixRegions';
export * from './greyModels';
export * from './province';
export * from './study';
export * from './view';
export * from './audit';
