/**
 * What every chaos export shares: which events it covers, their predictions, the names and
 * annotations of the objects, and the comments that say what to compare after the run.
 */
import type { Cluster, ScenarioEvent, Topology } from '../model/topology.js';
import type { CommentedDocument } from './commented-yaml.js';
import type { ChaosTargetOptions } from './chaos-mesh-specs.js';
import {
  formatClock,
  predictEvent,
  summarizeOutages,
  type EventPrediction,
} from './event-prediction.js';

export interface ChaosExportOptions extends ChaosTargetOptions {
  /** The scenario file, for the commands in the comments. */
  file: string;
  /** The scenario cluster the experiments run in. */
  cluster: string;
  /** Namespace of the chaos objects. */
  namespace: string;
  /** Only this event (index in `events:`); all of them otherwise. */
  event?: number;
}

export interface ExportedEvent {
  prediction: EventPrediction;
  /** `hasim-<scenario>-e<index>`: the prefix of its objects' names. */
  prefix: string;
}

/** The events to export, each with its prediction. */
export function exportedEvents(t: Topology, o: ChaosExportOptions): ExportedEvent[] {
  const indexes = o.event === undefined ? t.events.map((_, i) => i) : [o.event];
  const base = `hasim-${t.name}`.slice(0, 40).replace(/[^a-z0-9]+$/, '');
  return indexes.map((i) => ({ prediction: predictEvent(t, i), prefix: `${base}-e${i}` }));
}

export function findCluster(t: Topology, name: string): Cluster {
  const c = t.clusters.find((x) => x.name === name);
  if (c === undefined) throw new RangeError(`no cluster ${name}`);
  return c;
}

/** Annotations every object of an event carries: the event and what hasim predicts for it. */
export function predictionAnnotations(p: EventPrediction): Record<string, string> {
  return {
    'hasim/event': `events[${p.index}]: ${p.label}`,
    'hasim/start': `+${formatClock(p.atHours)}`,
    'hasim/prediction': summarizeOutages(p.alone),
    'hasim/prediction-zero-timers': summarizeOutages(p.aloneZeroTimers),
    'hasim/prediction-in-scenario': summarizeOutages(p.inScenario),
    ...(p.quorum.length > 0 ? { 'hasim/etcd-quorum': p.quorum.join('; ') } : {}),
  };
}

/** The comment block above an event's first object. */
export function predictionComment(p: EventPrediction, notes: readonly string[]): string[] {
  return [
    `events[${p.index}]: ${p.label}`,
    `Start at T+${formatClock(p.atHours)} (T: the start of your experiment), for ${formatClock(p.forHours)}.`,
    ...notes.map((n) => `Note: ${n}.`),
    'hasim predicts:',
    `  this event alone: ${summarizeOutages(p.alone)}`,
    `  alone, every timer at 0: ${summarizeOutages(p.aloneZeroTimers)}`,
    `  in the scenario's timeline: ${summarizeOutages(p.inScenario)}`,
    ...p.quorum.map((q) => `  etcd: ${q}`),
  ];
}

/** The header of the whole stream. */
export function streamHeader(
  t: Topology,
  o: ChaosExportOptions,
  tool: string,
  extra: readonly string[],
): string[] {
  const zones = Object.entries(o.zoneLabels);
  return [
    `${tool} experiments for the events of ${o.file} (scenario ${t.name}), in cluster ${o.cluster}.`,
    'hasim applies nothing: review, fill in the <placeholders>, then kubectl apply -f.',
    zones.length > 0
      ? `Zones: ${zones.map(([z, v]) => `${z} = ${v}`).join(', ')} (topology.kubernetes.io/zone).`
      : "Zones: the scenario's names are taken as the values of topology.kubernetes.io/zone; map them with --zones a=eu-west-1a,….",
    ...extra,
    `Compare what you observe with: hasim simulate ${o.file} --timeline`,
  ];
}

/** One object of an event: a comment line, its kind, name suffix, spec and extra annotations. */
export interface EventObject {
  what: string;
  apiVersion: string;
  kind: string;
  suffix: string;
  spec: Record<string, unknown>;
  annotations?: Record<string, string>;
}

/**
 * Every exported event as documents: its objects, each annotated with the prediction, the
 * first one under the event's comment; a comment-only document for an event without any.
 */
export function buildEventDocuments(
  t: Topology,
  o: ChaosExportOptions,
  tool: string,
  notes: readonly string[],
  objects: (
    e: ScenarioEvent,
    c: Cluster,
    p: EventPrediction,
  ) => { objects: EventObject[]; notes: string[] },
): CommentedDocument[] {
  const c = findCluster(t, o.cluster);
  const docs: CommentedDocument[] = [];
  for (const { prediction, prefix } of exportedEvents(t, o)) {
    const event = t.events[prediction.index];
    if (event === undefined) continue;
    const built = objects(event, c, prediction);
    const comment = predictionComment(prediction, built.notes);
    if (built.objects.length === 0)
      docs.push({ header: [...comment, 'No manifest for this event.'], value: null });
    built.objects.forEach((x, k) => {
      docs.push({
        header: [...(k === 0 ? comment : []), `${x.kind}: ${x.what}.`],
        value: {
          apiVersion: x.apiVersion,
          kind: x.kind,
          metadata: {
            name: `${prefix}-${x.suffix}`,
            namespace: o.namespace,
            labels: { 'app.kubernetes.io/part-of': 'hasim', 'hasim/scenario': t.name.slice(0, 63) },
            annotations: { ...predictionAnnotations(prediction), ...x.annotations },
          },
          spec: x.spec,
        },
      });
    });
  }
  const first = docs[0];
  if (first !== undefined) first.header = [...streamHeader(t, o, tool, notes), '', ...first.header];
  return docs;
}
