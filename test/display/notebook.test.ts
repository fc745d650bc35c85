/** The notebook display helpers' HTML, without a kernel (lib/notebook.ts) and the PNG renderer (lib/png.ts). */
import { describe, expect, it } from 'vitest';
import { lorenzFigure } from '../../lib/display/charts';
import { figureHtml, plotlyLoaderHtml, PLOTLY_BUNDLE_MARKER, tableHtml } from '../../lib/display/notebook';
import { findChromium, plotlyBundleSource, plotlyVersion, renderFigurePng, closePngRenderer } from '../../lib/display/png';

const figure = lorenzFigure([{ name: 'toy', p: [0, 0.5, 1], L: [0, 0.25, 1] }], { title: 'Toy </script> title' });

describe('figureHtml', () => {
  it('holds the figure as JSON in a script that draws it into its div, and a static fallback', () => {
    const html = figureHtml(figure, { id: 'fig-1', pngBase64: 'iVBORw0KGgo=' });
    expect(html).toContain('<div class="equilab-figure" id="fig-1"');
    expect(html).toContain('window.Plotly.newPlot(el, fig.data, fig.layout, fig.config)');
    expect(html).toContain('<img class="equilab-png-fallback"');
    expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
    // A title containing </script> cannot end the script element early.
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).toContain('\\x3C/script> title');
  });

  it('says that the chart needs JavaScript when no PNG could be made', () => {
    const html = figureHtml(figure, { id: 'x', note: 'PNG fallback skipped: Chromium not found' });
    expect(html).toContain('needs JavaScript (PNG fallback skipped: Chromium not found)');
  });

  it('never references a CDN', () => {
    expect(figureHtml(figure)).not.toMatch(/https?:\/\//);
  });
});

describe('plotlyLoaderHtml', () => {
  it('inlines the plotly.js bundle of node_modules/plotly.js-dist-min, once, with its marker', () => {
    const html = plotlyLoaderHtml();
    expect(html).toContain(`class="${PLOTLY_BUNDLE_MARKER}"`);
    expect(html.length).toBeGreaterThan(plotlyBundleSource().length);
    expect(html).toContain(`plotly.js ${plotlyVersion()}`);
    expect(plotlyVersion()).toMatch(/^\d+\.\d+\.\d+$/);
    // The bundle cannot close the script element it sits in.
    expect(html.match(/<\/script>/gi)).toHaveLength(1);
  });
});

describe('tableHtml', () => {
  const rows = Object.freeze([
    { region: 'North', doctors: 36000, perThousand: 3 },
    { region: 'Centre', doctors: 18000, perThousand: 1.2345 },
  ]);

  it('renders rows of objects as an HTML table and aligned text, numbers to the given digits', () => {
    const { html, text } = tableHtml(rows, { caption: 'Toy & co', digits: 2 });
    expect(html).toContain('<caption');
    expect(html).toContain('Toy &amp; co');
    expect(html).toContain('<th style="text-align:right">doctors</th>');
    expect(html).toContain('>1.23</td>');
    expect(html).toContain('>36000</td>');
    expect(text.split('\n')).toEqual(['Toy & co', 'region  doctors  perThousand', '------  -------  -----------', 'North     36000         3.00', 'Centre    18000         1.23']);
  });

  it('reads a danfo-like frame (columns + values)', () => {
    const { text } = tableHtml({ columns: ['a', 'b'], values: [[1, 'x'], [2, 'y']] });
    expect(text).toContain('1  x');
  });

  it('cuts long tables and says how many rows are not shown', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ i }));
    expect(tableHtml(many, { maxRows: 10 }).html).toContain('2 more rows not shown');
  });
});

describe.skipIf(!findChromium())('renderFigurePng (Chromium)', () => {
  it('renders a PNG of the figure at the asked size', async () => {
    const result = await renderFigurePng(figure, { width: 400, height: 300, scale: 1 });
    await closePngRenderer();
    expect(result.reason).toBeUndefined();
    const png = result.png!;
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // IHDR: width and height, big-endian, at bytes 16-23.
    expect(png.readUInt32BE(16)).toBe(400);
    expect(png.readUInt32BE(20)).toBe(300);
  }, 60_000);

  it('says why when it cannot render', async () => {
    const previous = process.env.EQUILAB_PNG;
    process.env.EQUILAB_PNG = 'off';
    try {
      expect(await renderFigurePng(figure)).toEqual({ png: null, reason: 'disabled by EQUILAB_PNG=off' });
    } finally {
      if (previous === undefined) delete process.env.EQUILAB_PNG;
      else process.env.EQUILAB_PNG = previous;
    }
  });
});
