/**
 * Checksums: every file in data/ is listed in data/datapackage.json with its sha256 ("sha256:<hex>",
 * Frictionless style). Loaders call `readVerified` so that a changed file fails loudly.
 */
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { dataPath } from './paths';

/** A resource of data/datapackage.json (the fields the loaders use). */
export interface DataResource {
  name: string;
  path: string;
  title: string;
  /**
   * verbatim: byte-for-byte copy of a source file; transcribed: typed from a printed source (paper, stored page);
   * derived-by-script: built by `script` from other files of data/ (reshaped, values copied verbatim);
   * authored: written by the project (errata, inconsistencies, the template, notes).
   */
  kind: 'verbatim' | 'transcribed' | 'derived-by-script' | 'authored';
  /** The script that builds a derived-by-script file, relative to the repository root. */
  script?: string;
  hash: string;
  bytes: number;
  encoding?: string;
  description?: string;
  format?: string;
  /** CSV dialect of raw tables: delimiter, comment character, header row (1-based, among non-comment lines). */
  dialect?: { delimiter?: string; header?: boolean; commentChar?: string; headerRows?: number[] };
  schema?: { fields: { name: string; title?: string; type: string; description?: string; unit?: string }[] };
  sources?: { title: string; path?: string; commit?: string }[];
  licenses?: { name: string; title?: string; path?: string }[];
}

/** The data package descriptor. */
export interface DataPackage {
  name: string;
  title: string;
  resources: DataResource[];
}

/**
 * Thrown when a data file's sha256 differs from the one recorded in datapackage.json (by readVerified and every
 * loader). It carries the file and both hashes.
 * @example
 * const error = new DataChecksumError('population_csy2020.csv', 'ab12', 'cd34');
 * error.name; // => 'DataChecksumError'
 * error instanceof Error; // => true
 * [error.file, error.expected, error.actual]; // => ['population_csy2020.csv', 'ab12', 'cd34']
 * error.message.startsWith('data/population_csy2020.csv: sha256 mismatch (expected ab12, actual cd34).'); // => true
 */
export class DataChecksumError extends Error {
  constructor(
    readonly file: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(
      `data/${file}: sha256 mismatch (expected ${expected}, actual ${actual}). The file changed after ` +
        'data/datapackage.json was written; if the change is intended, rebuild with `npm run data:build`.',
    );
    this.name = 'DataChecksumError';
  }
}

/**
 * Read and parse data/datapackage.json (Frictionless Data Package: one resource per data file, with its sha256,
 * sources, licences and columns). Not itself checksummed: it is where the checksums live.
 * @example
 * loadDataPackage().name; // => 'equilab-data'
 * loadDataPackage().resources.find((r) => r.path === 'population_csy2020.csv').kind; // => 'derived-by-script'
 */
export function loadDataPackage(): DataPackage {
  return JSON.parse(readFileSync(dataPath('datapackage.json'), 'utf8')) as DataPackage;
}

/**
 * The datapackage resource describing `file` (path relative to data/).
 * @param pkg the descriptor @default loadDataPackage()
 * @throws Error when the file is not listed
 * @example
 * resourceFor('errata.csv').kind; // => 'authored'
 * resourceFor('nope.csv'); // => throws Error: data/nope.csv is not listed in data/datapackage.json
 */
export function resourceFor(file: string, pkg: DataPackage = loadDataPackage()): DataResource {
  const r = pkg.resources.find((x) => x.path === file);
  if (!r) throw new Error(`data/${file} is not listed in data/datapackage.json`);
  return r;
}

/**
 * sha256 of bytes as lowercase hex.
 * @example
 * sha256Hex(new TextEncoder().encode('abc')); // => 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Read a data file (path relative to data/) after checking its sha256 against datapackage.json.
 * @returns the file's text (UTF-8, BOM removed)
 * @throws DataChecksumError when the file changed; Error when it is not listed in datapackage.json
 * @example
 * readVerified('errata.csv').split('\n')[0]; // => 'id,file,row,column,printed,corrected,evidence,found_by'
 */
export function readVerified(file: string, pkg: DataPackage = loadDataPackage()): string {
  const resource = resourceFor(file, pkg);
  const bytes = readFileSync(dataPath(file));
  const actual = `sha256:${sha256Hex(bytes)}`;
  if (actual !== resource.hash) throw new DataChecksumError(file, resource.hash, actual);
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
