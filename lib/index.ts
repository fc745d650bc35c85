/**
 * Equilab's main entry: the measures, the analysis layer and the data loaders and readers. It loads nothing heavy
 * and reads no file when imported. Other entries: './lib/display/index' (figures, notebook output, PNG, versions),
 * './lib/studies/index' (reproducing published papers), './lib/data/frame' (danfo DataFrame conversion).
 */
export * from './measures/index';
export * from './analysis/index';
export * from './data/index';
