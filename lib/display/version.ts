/**
 * Versions of Equilab and of the packages that produce its numbers and charts, for the first cell of a notebook
 * (so an executed notebook records what computed it).
 */
import { readFileSync } from 'fs';
import * as path from 'path';

function packageVersion(dir: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

const root = path.resolve(__dirname, '..', '..');

/**
 * Versions of Equilab, Node.js, plotly.js, danfojs-node and simple-statistics (read from the installed packages).
 * @example
 * typeof versions.equilab; // => "string"
 */
export const versions: { equilab: string; node: string; plotly: string; danfojs: string; simpleStatistics: string } = {
  equilab: packageVersion(root),
  node: process.version,
  plotly: packageVersion(path.join(root, 'node_modules', 'plotly.js-cartesian-dist-min')),
  danfojs: packageVersion(path.join(root, 'node_modules', 'danfojs-node')),
  simpleStatistics: packageVersion(path.join(root, 'node_modules', 'simple-statistics')),
};
