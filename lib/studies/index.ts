/**
 * Studies: what is specific to reproducing a published paper — side-by-side reproduction records, printed-precision
 * tolerances, and the study modules. Imports measures, analysis and data; notebooks use
 * `import { … } from './lib/studies/index'`.
 */
export * from './reproduction';
export * from './common';
export * from './conventions';
export * from './fu2023/index';
export * from './li2024/index';
