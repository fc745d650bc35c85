/**
 * One-call danfo DataFrame for notebooks. Kept out of lib/data/index.ts so that the library and its loaders
 * do not load danfojs-node (and TensorFlow) unless a notebook asks for a frame:
 *   import { toDataFrame } from './lib/data/frame';
 *   const pop = toDataFrame(loadPopulation({ vintage: 'first-published' }));
 */
import { Loaded } from './series';

type Scalar = string | number | boolean | null;
type FlatRow = Record<string, Scalar>;

/** Flatten a row for a frame: arrays (e.g. `errata`) become ';'-joined text, objects become JSON. */
function flatten(row: object): FlatRow {
  const out: FlatRow = {};
  for (const [k, v] of Object.entries(row)) {
    if (Array.isArray(v)) out[k] = v.join(';');
    else if (v !== null && typeof v === 'object') out[k] = JSON.stringify(v);
    else out[k] = v as Scalar;
  }
  return out;
}

/**
 * A danfo DataFrame of loader rows (or of a loader result's `rows`).
 * @param rows typed rows, or the `{ rows, appliedErrata }` object a loader returns
 * @throws RangeError for an empty table (a frame without columns would hide the mistake)
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function toDataFrame(rows: readonly object[] | Loaded<object>): any {
  const list = Array.isArray(rows) ? rows : (rows as Loaded<object>).rows;
  if (!list.length) throw new RangeError('toDataFrame: no rows');
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const dfd = require('danfojs-node');
  return new dfd.DataFrame(list.map(flatten));
}
