/**
 * Vega-Lite spec → SVG text, in Node without a browser or a canvas: compile to Vega, run a
 * headless view (`renderer: 'none'`) and serialize its scene graph. The data is inline, so
 * nothing is loaded; warnings are collected instead of printed. Vega and Vega-Lite (a third of a
 * second to import) are imported on the first chart, not when the CLI starts.
 */
import type { ChartSpec } from './chart-specs.js';
import { escapeMarkup } from './escape-markup.js';

export interface RenderedChart {
  id: string;
  title: string;
  description: string;
  /** A standalone `<svg>` element whose first child is a `<title>` naming the chart. */
  svg: string;
  /** What Vega-Lite or Vega warned about while rendering (none for the report's own specs). */
  warnings: string[];
}

/** Renders one chart to SVG. */
export async function renderChartSvg(chart: ChartSpec): Promise<RenderedChart> {
  const [{ logger, parse, View, Warn }, { compile }] = await Promise.all([
    import('vega'),
    import('vega-lite'),
  ]);
  const warnings: string[] = [];
  const collect = logger(Warn, undefined, (_method, level, args) => {
    warnings.push(`${level} ${args.map(String).join(' ')}`);
  });
  const vegaSpec = compile(chart.spec, { logger: collect }).spec;
  const view = new View(parse(vegaSpec), { renderer: 'none', logger: collect });
  try {
    const svg = await view.toSVG();
    return { ...describe(chart), svg: withTitle(svg, chart.title), warnings };
  } finally {
    view.finalize();
  }
}

/** Renders charts one after another (each takes tens of milliseconds). */
export async function renderChartSvgs(charts: readonly ChartSpec[]): Promise<RenderedChart[]> {
  const out: RenderedChart[] = [];
  for (const chart of charts) out.push(await renderChartSvg(chart));
  return out;
}

// --- internal ---

function describe(chart: ChartSpec): Pick<RenderedChart, 'id' | 'title' | 'description'> {
  return { id: chart.id, title: chart.title, description: chart.description };
}

/** Adds an accessible name: `<title>` as the root's first child, and role="img". */
function withTitle(svg: string, title: string): string {
  const end = svg.indexOf('>');
  if (!svg.startsWith('<svg') || end < 0) return svg;
  const name = escapeMarkup(title);
  return `${svg.slice(0, end)} role="img" aria-label="${name}"><title>${name}</title>${svg.slice(end + 1)}`;
}
