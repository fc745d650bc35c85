/**
 * The analysis layer: a panel (one row per unit and year) in, every stage out — `analysePanel` — and the tables a
 * report shows — `stageTables`, `wideTable`. Imports the measures and the data layer's types and number parser.
 */
export * from './panel';
export * from './tables';
export * from './records';
export * from './report';
