/**
 * Data loaders: provinces and region schemes, population (two vintages), GRP and per-capita GRP, the published
 * tables of Fu et al. 2023 and Li et al. 2024, errata, and readProvinceTable for the user's own tables (provinces or
 * any other units; long, wide, one-year or panel layout).
 * Every loader verifies checksums against data/datapackage.json and reports the errata it applied.
 * The danfo helper lives in './data/frame' (not exported here, to keep danfojs-node out of the library).
 */
export { DATA_DIR, dataPath } from './paths';
export { DataChecksumError, loadDataPackage, readVerified, resourceFor, sha256Hex } from './checksum';
export type { DataPackage, DataResource } from './checksum';
export {
  findProvinceCode,
  loadProvinces,
  loadRegions,
  normalizeProvinceName,
  province,
  provinceCode,
  ProvinceNameError,
  suggestProvinces,
} from './provinces';
export type { Province, ProvinceSuggestion, RegionMembership } from './provinces';
/** Edit distance, from the measures' kernel (province name suggestions use it). */
export { levenshtein } from '../measures/kernel';
/** The one CSV writer (lib/data/csv.ts), for tables a notebook or script saves. */
export { formatCsv, writeCsvFile } from './csv';
export { applyErrata, loadErrata, parseSelector } from './errata';
export type { AppliedErratum, Erratum } from './errata';
export { loadGdp, loadGdpPerCapita, loadNationalPopulation, loadPopulation } from './series';
export type { GdpPerCapitaSeries, GdpRow, GdpSeries, Loaded, PopulationOptions, PopulationRow, PopulationSource, PopulationVintage } from './series';
export { LAND_AREA_SOURCES, loadLandArea } from './landArea';
export type { LandAreaOptions, LandAreaResult, LandAreaRow, LandAreaSource } from './landArea';
export { listPublishedTables, loadInconsistencies, loadPublishedTable, loadTextValues } from './published';
export type { AccuracyGrade, Inconsistency, PublishedCell, Study, TextValue } from './published';
export { parseTableNumber, ProvinceTableError, readProvinceTable } from './readProvinceTable';
export type {
  ProvinceTableGap,
  ProvinceTableOptions,
  ProvinceTableProblem,
  ProvinceTableResult,
  ProvinceTableRow,
  ReadProvinceTableOptions,
  TableLayout,
  TableUnitKind,
  UnitTableGap,
  UnitTableResult,
  UnitTableRow,
} from './readProvinceTable';
