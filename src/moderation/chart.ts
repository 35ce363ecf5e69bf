import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { OUTCOMES, type StatsSummary } from './stats.js';

const LABELS: Record<(typeof OUTCOMES)[number], string> = {
  answered: 'Answered',
  pinned: 'From pins',
  declined: 'Declined',
  crisis: 'Crisis',
};

/**
 * Questions per day by outcome as a stacked bar chart, PNG bytes. Vega-Lite describes it, Vega draws it
 * as SVG (no canvas needed), resvg rasterises it; all three install from the registry with nothing
 * downloaded at install time. Throws when the chart cannot be made: the caller falls back to a sparkline.
 */
export async function renderStatsChart(summary: StatsSummary): Promise<Buffer> {
  const values = summary.perDay.flatMap(({ day, counts }) =>
    OUTCOMES.map((outcome) => ({ day, outcome: LABELS[outcome], count: counts[outcome] })),
  );
  const spec: TopLevelSpec = {
    width: Math.max(240, summary.days * 28),
    height: 200,
    background: 'white',
    title: `Questions per day, last ${summary.days} days`,
    data: { values },
    mark: 'bar',
    encoding: {
      x: { field: 'day', type: 'ordinal', title: null },
      y: { field: 'count', type: 'quantitative', aggregate: 'sum', title: 'Questions' },
      color: {
        field: 'outcome',
        type: 'nominal',
        title: null,
        scale: {
          domain: OUTCOMES.map((outcome) => LABELS[outcome]),
          range: ['#5865f2', '#fee75c', '#99aab5', '#ed4245'],
        },
      },
    },
  };
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } })
      .render()
      .asPng();
  } finally {
    view.finalize();
  }
}
