/**
 * `hasim export chaos-mesh`: the scenario's events as Chaos Mesh experiments (chaos-mesh.org/
 * v1alpha1), one set per event to apply at its time, or one `Workflow` that replays the whole
 * timeline: a Parallel entry with one Serial branch per event (Suspend until its time, then its
 * experiments for its duration). Workflow rules per chaos-mesh v2.8.3 api/v1alpha1
 * (workflow_types.go, workflow_webhook.go): templateType Serial|Parallel|Suspend|<Kind>, a
 * Suspend needs a deadline, an embedded experiment sets no duration (the deadline bounds it),
 * template names are unique DNS-1123 subdomains, the entry names a template.
 */
import type { Topology } from '../model/topology.js';
import {
  buildEventDocuments,
  exportedEvents,
  findCluster,
  streamHeader,
  type ChaosExportOptions,
} from './chaos-export.js';
import { chaosMeshSpecs, type ChaosMeshSpec } from './chaos-mesh-specs.js';
import type { CommentedDocument } from './commented-yaml.js';
import { formatClock, summarizeOutages, outages } from './event-prediction.js';
import { simulateTimeline } from '../sim/engine/timeline.js';

export const CHAOS_MESH_API = 'chaos-mesh.org/v1alpha1';

const HEADER_NOTES = [
  'Chaos Mesh 2.x. NetworkChaos on control-plane pods acts on their host network: install',
  'Chaos Mesh with controllerManager.allowHostNetworkTesting=true, or it refuses them.',
];

/** One document per experiment, each starting at its event's time. */
export function buildChaosMeshExperiments(t: Topology, o: ChaosExportOptions): CommentedDocument[] {
  return buildEventDocuments(t, o, 'Chaos Mesh', HEADER_NOTES, (event, c, prediction) => {
    const { specs, notes } = chaosMeshSpecs(event, c, o);
    const objects = specs.map((s) => ({
      what: s.what,
      apiVersion: CHAOS_MESH_API,
      kind: s.kind,
      suffix: s.suffix,
      spec: s.oneShot ? s.spec : { ...s.spec, duration: formatClock(prediction.forHours) },
    }));
    return { objects, notes };
  });
}

/** One Workflow replaying every event at its time; null when no event has an experiment. */
export function buildChaosMeshWorkflow(
  t: Topology,
  o: ChaosExportOptions,
): CommentedDocument | null {
  const c = findCluster(t, o.cluster);
  const templates: Record<string, unknown>[] = [];
  const branches: string[] = [];
  const comments: string[] = [];
  const events = exportedEvents(t, o);
  for (const { prediction } of events) {
    const event = t.events[prediction.index];
    if (event === undefined) continue;
    const { specs, notes } = chaosMeshSpecs(event, c, o);
    const name = `event-${prediction.index}`;
    comments.push(
      `${name}: ${prediction.label}: ${specs.length === 0 ? `no experiment (${notes.join('; ')})` : specs.map((s) => s.kind).join(', ')}`,
    );
    if (specs.length === 0) continue;
    const deadline = formatClock(prediction.forHours);
    const chaos = specs.map((s) => chaosTemplate(`${name}-${s.suffix}`, s, deadline));
    templates.push(...chaos);
    const steps: string[] = [];
    if (prediction.atHours > 0) {
      templates.push({
        name: `${name}-wait`,
        templateType: 'Suspend',
        deadline: formatClock(prediction.atHours),
      });
      steps.push(`${name}-wait`);
    }
    if (chaos.length > 1) {
      templates.push({
        name: `${name}-inject`,
        templateType: 'Parallel',
        children: chaos.map((x) => String(x['name'])),
      });
      steps.push(`${name}-inject`);
    } else steps.push(String(chaos[0]?.['name']));
    templates.push({ name, templateType: 'Serial', children: steps });
    branches.push(name);
  }
  if (branches.length === 0) return null;
  const timeline = outages(simulateTimeline(t), 0);
  return {
    header: [
      ...streamHeader(t, o, 'A Chaos Mesh Workflow replaying the', HEADER_NOTES),
      '',
      ...comments,
      `hasim predicts for the whole timeline: ${summarizeOutages(timeline)}`,
    ],
    value: {
      apiVersion: CHAOS_MESH_API,
      kind: 'Workflow',
      metadata: {
        name: `hasim-${t.name}`.slice(0, 63).replace(/[^a-z0-9]+$/, ''),
        namespace: o.namespace,
        labels: { 'app.kubernetes.io/part-of': 'hasim', 'hasim/scenario': t.name.slice(0, 63) },
        annotations: { 'hasim/prediction-in-scenario': summarizeOutages(timeline) },
      },
      spec: {
        entry: 'timeline',
        templates: [
          { name: 'timeline', templateType: 'Parallel', children: branches },
          ...templates,
        ],
      },
    },
  };
}

// --- internal ---

/** The embedded experiment's key: `networkChaos` for NetworkChaos, `awsChaos` for AWSChaos. */
function embedKey(kind: ChaosMeshSpec['kind']): string {
  const lead = /^[A-Z]+(?=[A-Z][a-z])|^[A-Z]/.exec(kind)?.[0] ?? '';
  return lead.toLowerCase() + kind.slice(lead.length);
}

function chaosTemplate(name: string, s: ChaosMeshSpec, deadline: string): Record<string, unknown> {
  return { name, templateType: s.kind, deadline, [embedKey(s.kind)]: s.spec };
}
