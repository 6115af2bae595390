/**
 * The HTML report's style sheet, inlined into the page: system fonts only (nothing to fetch),
 * readable tables, red for risks, and a print layout without page-breaking charts.
 */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --rule: #d1d9e0; --risk: #c0392b; --ok: #1a7f37; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1280px; margin: 0 auto; padding: 24px 32px 64px; }
h1 { font-size: 1.6em; margin: 0 0 0.5em; }
h2 { font-size: 1.25em; margin: 1.8em 0 0.6em; padding-bottom: 0.2em; border-bottom: 1px solid var(--rule); }
p { margin: 0.5em 0; }
ul { padding-left: 1.4em; }
li.risk::marker, li.missed::marker { color: var(--risk); }
li.risk, li.missed { color: var(--risk); }
li.info { color: var(--muted); }
div.table { overflow-x: auto; }
table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.9em; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid var(--rule); padding: 4px 8px; text-align: left; vertical-align: top; }
thead th { background: #f6f8fa; }
td.num, th.num { text-align: right; white-space: nowrap; }
tbody td:first-child { white-space: nowrap; }
table.zones caption { text-align: left; font-weight: 600; padding: 4px 0; }
table.zones th.breaks { background: #fbeaea; color: var(--risk); border: 2px solid var(--risk); }
small { color: var(--muted); font-weight: normal; }
th.breaks small { color: var(--risk); }
p.more { color: var(--muted); font-style: italic; }
pre { background: #f6f8fa; padding: 10px 12px; overflow-x: auto; font-size: 0.85em; }
details summary { cursor: pointer; color: var(--muted); }
figure.chart { margin: 1em 0; overflow-x: auto; }
figure.chart svg { max-width: 100%; height: auto; }
a { color: #0969da; }
@media print { main { max-width: none; padding: 0; } figure.chart { break-inside: avoid; } }
`;
