/**
 * The layout as a Mermaid flowchart, which code hosts render in Markdown: one box per region and
 * zone, what each cluster places in the zone, its API endpoint, and the zones whose loss breaks a
 * cluster's etcd quorum outlined in red.
 */
import { quorumBreakingZones, type LayoutSection, type ZonePlacement } from './report-layout.js';

/** The flowchart's source (without the fence). */
export function renderMermaid(layout: LayoutSection): string {
  const lines = ['flowchart TB'];
  const breaking = breakingZones(layout);
  const zoneIds = new Map<string, string>();
  layout.regions.forEach((r, ri) => {
    lines.push(`  subgraph r${ri}[${label(`region ${r.name}`)}]`, '    direction LR');
    r.zones.forEach((z, zi) => {
      const id = `r${ri}z${zi}`;
      zoneIds.set(`${r.name}/${z}`, id);
      const broken = breaking.get(`${r.name}/${z}`);
      const title =
        broken === undefined ? `zone ${z}` : `zone ${z}: its loss breaks ${broken} quorum`;
      lines.push(`    subgraph ${id}[${label(title)}]`);
      layout.clusters.forEach((c, ci) => {
        const placed = c.region === r.name ? c.zones.find((p) => p.zone === z) : undefined;
        if (placed !== undefined && isUsed(placed))
          lines.push(
            `      c${ci}${id}[${label(`${c.name}: ${placement(placed, c.etcdPlacement)}`)}]`,
          );
      });
      lines.push('    end');
    });
    lines.push('  end');
  });
  layout.clusters.forEach((c, ci) => {
    const endpoint = `c${ci}ep`;
    const where = c.endpoint.zone === null ? '' : ` in zone ${c.endpoint.zone}`;
    lines.push(`  ${endpoint}([${label(`${c.name} API: ${c.endpoint.kind}${where}`)}])`);
    layout.regions.forEach((r, ri) => {
      if (r.name !== c.region) return;
      r.zones.forEach((z, zi) => {
        const placed = c.zones.find((p) => p.zone === z);
        if (placed !== undefined && placed.masters > 0)
          lines.push(`  ${endpoint} --> c${ci}r${ri}z${zi}`);
      });
    });
  });
  for (const key of breaking.keys()) {
    const id = zoneIds.get(key);
    if (id !== undefined) lines.push(`  style ${id} stroke:#c0392b,stroke-width:3px`);
  }
  return lines.join('\n');
}

// --- internal ---

/** `region/zone` → the clusters (names joined) whose etcd quorum that zone's loss breaks. */
function breakingZones(layout: LayoutSection): Map<string, string> {
  const out = new Map<string, string[]>();
  for (const c of layout.clusters) {
    for (const z of quorumBreakingZones(c)) {
      const key = `${c.region}/${z}`;
      out.set(key, [...(out.get(key) ?? []), c.name]);
    }
  }
  return new Map([...out].map(([k, names]) => [k, `${names.join(', ')}'s`]));
}

function isUsed(p: ZonePlacement): boolean {
  return p.masters + p.etcdMembers + p.workers > 0;
}

function placement(p: ZonePlacement, etcd: 'stacked' | 'external'): string {
  const parts: string[] = [];
  if (p.masters > 0)
    parts.push(`${count(p.masters, 'master')}${etcd === 'stacked' ? ' with etcd' : ''}`);
  if (etcd === 'external' && p.etcdMembers > 0) parts.push(`${p.etcdMembers} etcd`);
  if (p.workers > 0) parts.push(count(p.workers, 'worker'));
  return parts.join(', ');
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/** A quoted Mermaid label: quotes and angle brackets as entity codes. */
function label(text: string): string {
  const safe = text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
  return `"${safe}"`;
}
