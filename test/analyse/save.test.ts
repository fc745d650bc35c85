/**
 * lib/display/save.ts: figures to PNG and SVG files with headless Chromium (Debian's /usr/bin/chromium).
 * A PNG's size is read from its IHDR chunk (PNG spec: width and height are the big-endian 32-bit integers at bytes
 * 16 and 20); an SVG's from its root element's width and height attributes.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'fs';
import * as path from 'path';
import { afterAll, describe, expect, it } from 'vitest';
import { barFigure, FigureSet, fitLayout, lorenzFigure, renderFigurePng, saveFigure, saveFigures, closePngRenderer } from '../../lib/display/index';

const root = path.resolve(__dirname, '..', '..');
const dir = path.join(root, 'out', 'test', 'save-figure');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
afterAll(() => closePngRenderer());

const lorenz = lorenzFigure([{ name: 'doctors', p: [0, 0.5, 1], L: [0, 0.25, 1] }], { title: 'Lorenz curve of doctors' });
const bars = barFigure([{ name: 'between', x: ['2020', '2021'], y: [0.03, 0.04] }], { title: 'Theil between groups' });

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('saveFigure', () => {
  it('writes a PNG of width × scale by height × scale pixels', async () => {
    const file = path.join(dir, 'lorenz.png');
    expect(await saveFigure(lorenz, file, { width: 500, height: 400, scale: 2 })).toBe(file);
    expect(pngSize(readFileSync(file))).toEqual({ width: 1000, height: 800 });
    // The same rendering as the notebooks' PNG fallbacks (showFigure: fitLayout, then renderFigurePng): the same
    // pixels, so the same bytes.
    const fitted = { ...lorenz, layout: fitLayout({ ...lorenz.layout, width: 500, height: 400 }) };
    const fallback = await renderFigurePng(fitted, { width: 500, height: 400, scale: 2 });
    expect(fallback.png?.equals(readFileSync(file))).toBe(true);
  }, 120_000);

  it("writes an SVG (plotly.js's vector export) of the figure's own size by default, with its text as text", async () => {
    const file = path.join(dir, 'sub', 'lorenz.svg');
    await saveFigure(lorenz, file);
    const svg = readFileSync(file, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    // lorenzFigure's default size is 620 × 600.
    expect(svg).toMatch(/^<svg[^>]* width="620" height="600"/);
    expect(svg).toContain('Lorenz curve of doctors');
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  }, 120_000);

  it('refuses a file without .png or .svg, an unknown option or a bad size, and writes nothing', async () => {
    await expect(saveFigure(lorenz, path.join(dir, 'chart.jpg'))).rejects.toThrow(/saveFigure: .*chart\.jpg: the file must end in \.png or \.svg/);
    await expect(saveFigure(lorenz, path.join(dir, 'chart.png'), { dpi: 300 } as never)).rejects.toThrow(/unknown option 'dpi'/);
    await expect(saveFigure(lorenz, path.join(dir, 'chart.png'), { width: 0 })).rejects.toThrow(RangeError);
    await expect(saveFigure({ data: 1 } as never, path.join(dir, 'chart.png'))).rejects.toThrow(TypeError);
    expect(existsSync(path.join(dir, 'chart.jpg'))).toBe(false);
    expect(existsSync(path.join(dir, 'chart.png'))).toBe(false);
  });

  it('throws (and writes nothing) when Chromium is missing', async () => {
    const saved = process.env.EQUILAB_CHROMIUM;
    process.env.EQUILAB_CHROMIUM = path.join(dir, 'no-such-chromium');
    try {
      await expect(saveFigure(lorenz, path.join(dir, 'none.svg'))).rejects.toThrow(/Chromium not found/);
      await expect(saveFigure(lorenz, path.join(dir, 'none.png'))).rejects.toThrow(/saveFigure: Chromium not found .*nothing was written/);
    } finally {
      if (saved === undefined) delete process.env.EQUILAB_CHROMIUM;
      else process.env.EQUILAB_CHROMIUM = saved;
    }
    expect(existsSync(path.join(dir, 'none.svg'))).toBe(false);
    expect(existsSync(path.join(dir, 'none.png'))).toBe(false);
  });
});

describe('saveFigures and FigureSet', () => {
  it('saves each figure as <name>.png and <name>.svg, no temporary file left', async () => {
    const out = path.join(dir, 'many');
    const set = new FigureSet();
    set.add('lorenz', lorenz);
    set.add('theil', bars);
    set.add('theil', bars); // a re-run cell replaces its figure
    const files = await set.save(out, { scale: 1 });
    expect(files.map((f) => path.basename(f))).toEqual(['lorenz.png', 'theil.png', 'lorenz.svg', 'theil.svg']);
    expect(readdirSync(out).sort()).toEqual(['lorenz.png', 'lorenz.svg', 'theil.png', 'theil.svg']);
    // barFigure's default size is 760 × 460; scale 1.
    expect(pngSize(readFileSync(path.join(out, 'theil.png')))).toEqual({ width: 760, height: 460 });
    await expect(saveFigures({ 'no/slash': lorenz }, out)).rejects.toThrow(/not a file-safe name/);
    // A title too long for the figure's width is broken into lines, as showFigure does (fitLayout): every word is
    // in the SVG, none is cut off.
    const long = 'Contribution of each group to the within-group Theil index by population and by area, one-year table';
    await saveFigure(barFigure([{ name: 'x', x: ['a'], y: [1] }], { title: long, width: 400 }), path.join(out, 'long.svg'));
    const svg = readFileSync(path.join(out, 'long.svg'), 'utf8');
    const title = /<text class="gtitle"[^>]*>([\s\S]*?)<\/text>/.exec(svg)?.[1] ?? '';
    const lines = [...title.matchAll(/<tspan class="line"[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(long);
    // About 8.5 px per character at 18 px: each line fits the 400 px width.
    for (const line of lines) expect(line.length * 8.5).toBeLessThan(400);
    expect(() => set.add('../up', lorenz)).toThrow(RangeError);
  }, 120_000);
});
