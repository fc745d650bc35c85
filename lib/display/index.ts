/**
 * Display: Plotly figure builders, notebook output (figures, tables, markdown), PNG rendering in headless Chromium
 * and version reporting. Imported by notebooks and scripts only (`import { … } from './lib/display/index'`); nothing
 * else in lib/ imports it. It imports only types from the other layers.
 */
export * from './charts';
export * from './notebook';
export * from './png';
export * from './save';
export * from './version';
