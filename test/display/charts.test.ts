import { describe, expect, it } from 'vitest';
import { barFigure, heatmapFigure, lineFigure, lorenzFigure, PALETTE } from '../../lib/display/charts';

describe('lorenzFigure', () => {
  const curve = Object.freeze({ name: '2019', p: Object.freeze([0, 0.4, 1]), L: Object.freeze([0, 0.2, 1]) });

  it('draws the line of equality first, then one trace per curve, on the unit square', () => {
    const fig = lorenzFigure([curve, { ...curve, name: '2012' }], { title: 'GPs' });
    expect(fig.data).toHaveLength(3);
    expect(fig.data[0]).toMatchObject({ type: 'scatter', name: 'Line of equality', x: [0, 1], y: [0, 1] });
    expect(fig.data[1]).toMatchObject({ name: '2019', x: [0, 0.4, 1], y: [0, 0.2, 1] });
    expect(fig.data[2].name).toBe('2012');
    expect(fig.layout.title).toEqual({ text: 'GPs' });
    expect(fig.layout.xaxis?.range).toEqual([0, 1]);
    expect(fig.layout.yaxis?.range).toEqual([0, 1]);
    // Square: y is anchored to x so the diagonal is at 45°.
    expect(fig.layout.yaxis?.scaleanchor).toBe('x');
    // One "0%" at the origin (the x axis's): the y axis starts its labels at 20%.
    expect(fig.layout.yaxis?.tickvals).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('is plain data: serialisable to JSON and back unchanged', () => {
    const fig = lorenzFigure([curve]);
    expect(JSON.parse(JSON.stringify(fig))).toEqual(fig);
  });

  it('copies typed arrays into plain arrays (plotly.js and JSON need arrays)', () => {
    const fig = lorenzFigure([{ name: 't', p: new Float64Array([0, 1]), L: new Float64Array([0, 1]) }]);
    expect(Array.isArray(fig.data[1].x)).toBe(true);
  });
});

describe('lineFigure', () => {
  it('shades each band as a rectangle behind the lines, with its label', () => {
    const fig = lineFigure([{ name: 'Gini', x: [2012, 2013], y: [0.31, 0.29] }], {
      bands: [
        { from: 0.2, to: 0.3, label: 'relatively fair', color: '#eef' },
        { from: 0.3, to: 0.4, label: 'relatively reasonable', color: '#fee' },
      ],
    });
    expect(fig.layout.shapes).toHaveLength(2);
    expect(fig.layout.shapes?.[0]).toMatchObject({ type: 'rect', y0: 0.2, y1: 0.3, layer: 'below' });
    expect(fig.layout.annotations?.map((a) => a.text)).toEqual(['relatively fair', 'relatively reasonable']);
    expect(fig.data[0]).toMatchObject({ type: 'scatter', x: [2012, 2013], y: [0.31, 0.29], line: { color: PALETTE[0] } });
  });
});

describe('barFigure', () => {
  it('stacks or groups the series', () => {
    const series = [
      { name: 'between', x: [2012, 2013], y: [0.03, 0.02] },
      { name: 'within', x: [2012, 2013], y: [0.04, 0.035] },
    ];
    expect(barFigure(series, { stacked: true }).layout.barmode).toBe('stack');
    expect(barFigure(series).layout.barmode).toBe('group');
    expect(barFigure(series).data.map((t) => t.type)).toEqual(['bar', 'bar']);
  });

  it('swaps the axes for horizontal bars', () => {
    const fig = barFigure([{ name: 'HRAD', x: ['Beijing', 'Tibet'], y: [4.8, 0.1] }], { horizontal: true });
    expect(fig.data[0]).toMatchObject({ orientation: 'h', x: [4.8, 0.1], y: ['Beijing', 'Tibet'] });
  });
});

describe('heatmapFigure', () => {
  it('uses a diverging scale centred on the midpoint, rows top to bottom', () => {
    const fig = heatmapFigure({ x: [2012, 2013], y: ['Beijing', 'Tibet'], z: [[4.8, 3.7], [0.1, 0.2]], midpoint: 1, textFormat: '.2f' });
    expect(fig.data[0]).toMatchObject({ type: 'heatmap', zmid: 1, x: ['2012', '2013'], y: ['Beijing', 'Tibet'], texttemplate: '%{z:.2f}' });
    expect(fig.data[0].z).toEqual([[4.8, 3.7], [0.1, 0.2]]);
    expect(fig.layout.yaxis?.autorange).toBe('reversed');
  });

  it('uses a sequential scale without a midpoint', () => {
    expect(heatmapFigure({ x: [1], y: ['a'], z: [[1]] }).data[0].colorscale).toBe('Viridis');
  });
});
