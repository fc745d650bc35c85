/**
 * Plotly figures as plain typed data (traces + layout): built and tested without a browser, displayed in a
 * notebook by `showFigure` (lib/notebook.ts), rendered to PNG by `renderFigurePng` (lib/png.ts).
 *
 * The types below are the small subset of the plotly.js figure schema that Equilab's charts use; any other
 * plotly.js attribute may be added to a trace or layout (they are open records).
 * Reference: plotly.js figure reference, https://plotly.com/javascript/reference/ (software documentation: no DOI).
 * The figure builders implement no published method, so they have no reference or DOI to cite.
 */

/** One plotly.js trace (scatter, bar, heatmap, …). Open record: any plotly.js trace attribute is allowed. */
export interface Trace {
  type: 'scatter' | 'bar' | 'heatmap' | string;
  name?: string;
  x?: ArrayLike<number | string>;
  y?: ArrayLike<number | string>;
  z?: ArrayLike<ArrayLike<number | null>>;
  mode?: string;
  [attribute: string]: unknown;
}

/** A plotly.js axis. */
export interface Axis {
  title?: { text: string };
  range?: [number, number];
  [attribute: string]: unknown;
}

/** A plotly.js layout. */
export interface Layout {
  title?: { text: string };
  xaxis?: Axis;
  yaxis?: Axis;
  width?: number;
  height?: number;
  shapes?: Array<Record<string, unknown>>;
  annotations?: Array<Record<string, unknown>>;
  [attribute: string]: unknown;
}

/** A plotly.js figure: what `Plotly.newPlot(div, figure.data, figure.layout, figure.config)` draws. */
export interface Figure {
  data: Trace[];
  layout: Layout;
  config?: Record<string, unknown>;
}

/**
 * Equilab's colour sequence (colour-blind safe): Okabe M, Ito K (2008). Color Universal Design (CUD): how to make
 * figures and presentations that are friendly to colorblind people. https://jfly.uni-koeln.de/color/ (a web page:
 * no DOI).
 */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'];

const BASE_LAYOUT: Layout = {
  font: { family: 'Liberation Sans, Arial, Noto Sans CJK SC, sans-serif', size: 13 },
  margin: { l: 70, r: 30, t: 60, b: 60 },
  legend: { orientation: 'h', y: -0.2 },
  plot_bgcolor: '#ffffff',
  paper_bgcolor: '#ffffff',
  colorway: PALETTE,
};

function toArray<T>(x: ArrayLike<T>): T[] {
  return Array.from(x);
}

function titled(text: string | undefined): { text: string } | undefined {
  return text === undefined ? undefined : { text };
}

/**
 * The layout every builder starts from: Equilab's fonts, margins and colours, the title, the size, and the two axes
 * with their titles (light grid); `axes` adds each builder's own axis attributes, `extra` any other layout attribute.
 */
function layoutOf(
  options: FigureOptions,
  size: { width: number; height: number },
  axes: { x?: Axis; y?: Axis },
  extra: Layout = {},
): Layout {
  return {
    ...BASE_LAYOUT,
    title: titled(options.title),
    width: size.width,
    height: size.height,
    xaxis: { title: titled(options.xTitle), gridcolor: '#eeeeee', ...axes.x },
    yaxis: { title: titled(options.yTitle), gridcolor: '#eeeeee', ...axes.y },
    ...extra,
  };
}

/** Options shared by the figure builders. */
export interface FigureOptions {
  title?: string;
  xTitle?: string;
  yTitle?: string;
  width?: number;
  height?: number;
}

/** A curve on the unit square: Lorenz curve or concentration curve. */
export interface CurveSeries {
  name: string;
  /** Cumulative population share, from 0 to 1. */
  p: ArrayLike<number>;
  /** Cumulative resource share, from 0 to 1. */
  L: ArrayLike<number>;
  /** Optional hover labels, one per point (e.g. the province added at that point). */
  labels?: ArrayLike<string>;
}

/**
 * Lorenz (or concentration) curves on one square chart, with the line of equality.
 * @example
 * lorenzFigure([{ name: '2019', p: [0, 0.5, 1], L: [0, 0.25, 1] }]).data.length; // => 2
 */
export function lorenzFigure(curves: CurveSeries[], options: FigureOptions & { equalityLabel?: string } = {}): Figure {
  const {
    title = 'Lorenz curve',
    xTitle = 'Cumulative share of population',
    yTitle = 'Cumulative share of resource',
    equalityLabel = 'Line of equality',
    width = 620,
    height = 600,
  } = options;
  const data: Trace[] = [
    {
      type: 'scatter',
      mode: 'lines',
      name: equalityLabel,
      x: [0, 1],
      y: [0, 1],
      line: { color: '#888888', dash: 'dash', width: 1.5 },
      hoverinfo: 'skip',
    },
  ];
  curves.forEach((curve, i) => {
    data.push({
      type: 'scatter',
      mode: 'lines+markers',
      name: curve.name,
      x: toArray(curve.p),
      y: toArray(curve.L),
      text: curve.labels ? toArray(curve.labels) : undefined,
      line: { color: PALETTE[i % PALETTE.length], width: 2 },
      marker: { size: 4 },
      hovertemplate: curve.labels ? '%{text}<br>p = %{x:.3f}<br>L = %{y:.3f}<extra>%{fullData.name}</extra>' : undefined,
    });
  });
  return {
    data,
    layout: layoutOf(
      { title, xTitle, yTitle },
      { width, height },
      {
        x: { range: [0, 1], tickformat: '.0%', zeroline: false, constrain: 'domain' },
        // The origin is labelled once, by the x axis: two "0%" labels at the corner ran into each other.
        y: { range: [0, 1], tickformat: '.0%', zeroline: false, scaleanchor: 'x', tickvals: [0.2, 0.4, 0.6, 0.8, 1] },
      },
    ),
  };
}

/** A line series for `lineFigure`. */
export interface LineSeries {
  name: string;
  x: ArrayLike<number | string>;
  y: ArrayLike<number>;
  dash?: 'solid' | 'dash' | 'dot' | 'dashdot';
}

/** A horizontal band shaded behind a line chart (e.g. a Gini threshold class). */
export interface Band {
  from: number;
  to: number;
  label: string;
  color: string;
}

/**
 * Lines over time, optionally over shaded horizontal bands (threshold classes such as Gini < 0.2).
 * @example
 * lineFigure([{ name: 'Gini', x: [2012, 2013], y: [0.31, 0.29] }], { bands: [{ from: 0.2, to: 0.3, label: 'relatively balanced', color: '#eef' }] }).layout.shapes.length; // => 1
 */
export function lineFigure(series: LineSeries[], options: FigureOptions & { bands?: Band[]; yRange?: [number, number] } = {}): Figure {
  const { title, xTitle, yTitle, bands = [], yRange, width = 760, height = 460 } = options;
  const data: Trace[] = series.map((s, i) => ({
    type: 'scatter',
    mode: 'lines+markers',
    name: s.name,
    x: toArray(s.x),
    y: toArray(s.y),
    line: { color: PALETTE[i % PALETTE.length], width: 2, dash: s.dash ?? 'solid' },
  }));
  const shapes = bands.map((b) => ({
    type: 'rect',
    xref: 'paper',
    yref: 'y',
    x0: 0,
    x1: 1,
    y0: b.from,
    y1: b.to,
    fillcolor: b.color,
    opacity: 0.5,
    line: { width: 0 },
    layer: 'below',
  }));
  const annotations = bands.map((b) => ({
    xref: 'paper',
    yref: 'y',
    x: 1,
    xanchor: 'right',
    y: (b.from + b.to) / 2,
    text: b.label,
    showarrow: false,
    font: { size: 11, color: '#555555' },
  }));
  return {
    data,
    layout: layoutOf({ title, xTitle, yTitle }, { width, height }, { x: { dtick: 1 }, y: { range: yRange } }, { shapes, annotations }),
  };
}

/** A bar series for `barFigure`. */
export interface BarSeries {
  name: string;
  x: ArrayLike<number | string>;
  y: ArrayLike<number>;
}

/**
 * Grouped or stacked bars (e.g. between- and within-region Theil components over time).
 * @example
 * barFigure([{ name: 'between', x: [2012], y: [0.03] }, { name: 'within', x: [2012], y: [0.04] }], { stacked: true }).layout.barmode; // => "stack"
 */
export function barFigure(series: BarSeries[], options: FigureOptions & { stacked?: boolean; horizontal?: boolean } = {}): Figure {
  const { title, xTitle, yTitle, stacked = false, horizontal = false, width = 760, height = 460 } = options;
  const data: Trace[] = series.map((s, i) => ({
    type: 'bar',
    name: s.name,
    orientation: horizontal ? 'h' : 'v',
    x: horizontal ? toArray(s.y) : toArray(s.x),
    y: horizontal ? toArray(s.x) : toArray(s.y),
    marker: { color: PALETTE[i % PALETTE.length] },
  }));
  return {
    data,
    layout: layoutOf(
      { title, xTitle, yTitle },
      { width, height },
      { x: { type: horizontal ? undefined : 'category' }, y: { automargin: true } },
      { barmode: stacked ? 'stack' : 'group' },
    ),
  };
}

/** Input of `heatmapFigure`: `z[row][column]`, rows labelled by `y`, columns by `x`. */
export interface HeatmapInput {
  x: ArrayLike<number | string>;
  y: ArrayLike<string>;
  z: ArrayLike<ArrayLike<number | null>>;
  /** Value at the diverging colour scale's midpoint (e.g. 1 for HRAD/PAD). Without it a sequential scale is used. */
  midpoint?: number;
  /** Number format of the values written in the cells (d3-format), e.g. '.2f'. Omit to write no values. */
  textFormat?: string;
  colorbarTitle?: string;
}

/**
 * A heat map (e.g. province × year HRAD/PAD), with a diverging colour scale around `midpoint`.
 * @example
 * heatmapFigure({ x: [2012, 2013], y: ['Beijing'], z: [[4.8, 3.7]], midpoint: 1 }).data[0].zmid; // => 1
 */
export function heatmapFigure(input: HeatmapInput, options: FigureOptions = {}): Figure {
  const { title, xTitle, yTitle, width = 760, height = 820 } = options;
  const z = Array.from(input.z, (row) => Array.from(row));
  const trace: Trace = {
    type: 'heatmap',
    x: toArray(input.x).map(String),
    y: toArray(input.y),
    z,
    colorbar: { title: titled(input.colorbarTitle) },
    hovertemplate: '%{y}, %{x}: %{z}<extra></extra>',
  };
  if (input.midpoint !== undefined) {
    trace.colorscale = 'RdBu';
    trace.reversescale = true;
    trace.zmid = input.midpoint;
  } else {
    trace.colorscale = 'Viridis';
  }
  if (input.textFormat) {
    trace.texttemplate = `%{z:${input.textFormat}}`;
    trace.textfont = { size: 9 };
  }
  return {
    data: [trace],
    layout: layoutOf(
      { title, xTitle, yTitle },
      { width, height },
      { x: { type: 'category', side: 'top', gridcolor: undefined }, y: { autorange: 'reversed', automargin: true, gridcolor: undefined } },
      { margin: { l: 120, r: 30, t: 90, b: 40 } },
    ),
  };
}

/** Width in pixels of `text` in a sans-serif font of `size` px, estimated (CJK characters count about double). */
function textWidth(text: string, size: number): number {
  let units = 0;
  for (const ch of text.replace(/<[^>]*>/g, '')) units += ch.codePointAt(0)! >= 0x2e80 ? 1.9 : 1;
  return units * size * 0.55;
}

/** `text` broken at spaces into lines (joined by `<br>`) no wider than `room` pixels at `size` px. */
function wrapText(text: string, room: number, size: number): string {
  if (text.includes('<br')) return text;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const longer = line ? `${line} ${word}` : word;
    if (line && textWidth(longer, size) > room) {
      lines.push(line);
      line = word;
    } else line = longer;
  }
  if (line) lines.push(line);
  return lines.join('<br>');
}

/**
 * The layout fitted to a width: `width` caps the figure's width; a title, or an x-axis title, too long for the
 * width is broken at spaces into lines (`<br>`), and the top margin grows to hold the title's lines, so that no
 * text runs off the figure (a title is centred, so a long one would be cut at both ends). Pure; the input is
 * not changed. `showFigure` applies it before drawing and rendering the PNG.
 * @param layout a figure's layout
 * @param width the room in pixels (default: the layout's own width, else 760)
 * @returns a new layout
 * @example
 * fitLayout({ title: { text: 'Theil index by area of the 31 provinces, 2012-2021, with its between and within parts' }, width: 1100 }, 400).title!.text.split('<br>').length; // => 3
 */
export function fitLayout(layout: Layout, width?: number): Layout {
  const w = Math.min(width ?? layout.width ?? 760, layout.width ?? Infinity);
  const out: Layout = { ...layout, width: w };
  const font = ((layout.font as { size?: number } | undefined)?.size ?? 12);
  const margin = { l: 80, r: 80, t: 100, b: 80, ...(layout.margin as Record<string, number> | undefined) };
  if (layout.title?.text) {
    const size = (layout.title as { font?: { size?: number } }).font?.size ?? Math.round(font * 1.4);
    const text = wrapText(layout.title.text, w - 40, size);
    const lines = text.split('<br>').length;
    out.title = { ...layout.title, text };
    if (lines > 1) margin.t = Math.max(margin.t, Math.ceil(24 + lines * size * 1.3));
  }
  for (const key of Object.keys(layout).filter((k) => /^xaxis\d*$/.test(k))) {
    const axis = layout[key] as Axis | undefined;
    if (!axis?.title?.text) continue;
    const domain = (axis.domain as [number, number] | undefined) ?? [0, 1];
    const room = (w - margin.l - margin.r) * (domain[1] - domain[0]);
    out[key] = { ...axis, title: { ...axis.title, text: wrapText(axis.title.text, room, font) } };
  }
  out.margin = margin;
  return out;
}
