/**
 * `hasim export litmus`: the scenario's events as LitmusChaos `ChaosEngine`s (litmuschaos.io/
 * v1alpha1; fields per litmuschaos/chaos-operator 3.18 deploy/chaos_crds.yaml: engineState
 * active|stop, chaosServiceAccount, experiments[].name and .spec.components.env). Faults and
 * their variables per litmuschaos/chaos-charts 3.28 faults/kubernetes/*: node-poweroff
 * (TARGET_NODE or NODE_LABEL, TOTAL_CHAOS_DURATION in seconds; SSH to the node), node-drain
 * (TARGET_NODE, comma-separated), pod-network-partition (a NetworkPolicy on the app's pods:
 * DESTINATION_IPS, POLICY_TYPES). NODE_LABEL is a label selector; litmus-go picks one random
 * matching node (pkg/utils/common/nodes.go GetNodeName).
 */
import type { Cluster, ScenarioEvent, Topology } from '../model/topology.js';
import { buildEventDocuments, type ChaosExportOptions } from './chaos-export.js';
import { IMPAIRMENT_NOTE } from './chaos-mesh-specs.js';
import type { CommentedDocument } from './commented-yaml.js';
import { affectedNodes, describeNode, zonesDown } from './event-nodes.js';
import { formatClock } from './event-prediction.js';
import { CONTROL_PLANE_LABEL, ZONE_LABEL } from './kube-nodes.js';

export const LITMUS_API = 'litmuschaos.io/v1alpha1';
export type LitmusFault = 'node-poweroff' | 'node-drain' | 'pod-network-partition';

interface EngineSpec {
  fault: LitmusFault;
  suffix: string;
  env: Record<string, string>;
  /** Seconds after the event's start (a rolling drain staggers its masters). */
  offsetHours: number;
  what: string;
  appinfo?: Record<string, string>;
}

const HEADER_NOTES = [
  'Install the node-poweroff, node-drain and pod-network-partition faults (ChaosExperiment)',
  'from litmuschaos/chaos-charts and their service accounts in this namespace first.',
  'node-poweroff needs root SSH to the node (the fault mounts the id-rsa Secret); a powered-off',
  'node stays off until you start it again.',
];

export function buildLitmusEngines(t: Topology, o: ChaosExportOptions): CommentedDocument[] {
  return buildEventDocuments(t, o, 'LitmusChaos', HEADER_NOTES, (event, c, prediction) => {
    const { engines, notes } = litmusEngines(t, event, c, o, prediction.forHours);
    const objects = engines.map((e) => ({
      what: `${e.fault}: ${e.what}`,
      apiVersion: LITMUS_API,
      kind: 'ChaosEngine',
      suffix: e.suffix,
      annotations: { 'hasim/start': `+${formatClock(prediction.atHours + e.offsetHours)}` },
      spec: {
        engineState: 'active',
        ...(e.appinfo === undefined ? {} : { appinfo: e.appinfo }),
        chaosServiceAccount: `${e.fault}-sa`,
        experiments: [
          {
            name: e.fault,
            spec: {
              components: { env: Object.entries(e.env).map(([name, value]) => ({ name, value })) },
            },
          },
        ],
      },
    }));
    return { objects, notes };
  });
}

// --- internal ---

function litmusEngines(
  t: Topology,
  e: ScenarioEvent,
  c: Cluster,
  o: ChaosExportOptions,
  forHours: number,
): { engines: EngineSpec[]; notes: string[] } {
  const zone = (z: string): string => o.zoneLabels[z] ?? z;
  const duration = String(seconds(forHours));
  switch (e.kind) {
    case 'fail': {
      if (e.target.kind === 'impairment') return { engines: [], notes: [IMPAIRMENT_NOTE] };
      if (e.target.kind === 'endpoint')
        return {
          engines: [],
          notes: ['no Litmus fault takes a load balancer down: do it by hand for the time given'],
        };
      const nodes = affectedNodes(e, c).filter(
        (n) => n.role !== 'etcd' || c.etcd.placement === 'stacked',
      );
      const external = affectedNodes(e, c).length - nodes.length;
      const notes =
        external > 0
          ? [`${external} external etcd node(s) are not Kubernetes nodes: stop them by hand`]
          : [];
      if (nodes.length === 0) {
        return { engines: [], notes: external > 0 ? notes : [`does not touch cluster ${c.name}`] };
      }
      if (zonesDown(e, c).length > 0) {
        // A zone: every node by name (NODE_LABEL would pick one node at random).
        return {
          engines: nodes.map((n, k) => ({
            fault: 'node-poweroff',
            suffix: `poweroff-${k + 1}`,
            env: {
              TOTAL_CHAOS_DURATION: duration,
              TARGET_NODE: `<node name of ${describeNode(n, c)}>`,
            },
            offsetHours: 0,
            what: `powers off ${describeNode(n, c)}`,
          })),
          notes,
        };
      }
      const [n] = nodes;
      if (n === undefined) return { engines: [], notes };
      const role = n.role === 'worker' ? `!${CONTROL_PLANE_LABEL}` : CONTROL_PLANE_LABEL;
      return {
        engines: [
          {
            fault: 'node-poweroff',
            suffix: 'poweroff',
            env: {
              TOTAL_CHAOS_DURATION: duration,
              NODE_LABEL: `${ZONE_LABEL}=${zone(n.zone)},${role}`,
            },
            offsetHours: 0,
            what: `powers off one ${n.role === 'worker' ? 'worker' : 'master'} of zone ${n.zone}, picked by NODE_LABEL`,
          },
        ],
        notes,
      };
    }
    case 'partition': {
      const [a, b] = e.sides.map((s) =>
        s.filter((z) => z.region === c.region).map((z) => zone(z.zone)),
      );
      return {
        engines: [
          {
            fault: 'pod-network-partition',
            suffix: 'partition',
            appinfo: {
              appns: '<namespace of the app to test>',
              applabel: '<label of its pods, e.g. app=web>',
              appkind: 'deployment',
            },
            env: {
              TOTAL_CHAOS_DURATION: duration,
              POLICY_TYPES: 'all',
              DESTINATION_IPS: `<IPs of the nodes in zones ${(b ?? []).join(', ')}>`,
            },
            offsetHours: 0,
            what: `cuts the app's pods in zones ${(a ?? []).join(', ')} off zones ${(b ?? []).join(', ')} with a NetworkPolicy`,
          },
        ],
        notes: [
          "a NetworkPolicy does not reach host-network control-plane pods: this tests your app, not hasim's control-plane prediction (use the Chaos Mesh export for that)",
        ],
      };
    }
    case 'maintenance': {
      if (!e.clusters.includes(c.name))
        return { engines: [], notes: [`does not touch cluster ${c.name}`] };
      const per = t.failures.maintenance.perMasterHours;
      const masters = c.zones.flatMap((z) =>
        Array.from({ length: c.masters[z] ?? 0 }, (_, i) => ({
          role: 'master' as const,
          zone: z,
          ordinal: i + 1,
        })),
      );
      return {
        engines: masters.map((n, k) => ({
          fault: 'node-drain',
          suffix: `drain-${k + 1}`,
          env: {
            TOTAL_CHAOS_DURATION: String(seconds(per)),
            TARGET_NODE: `<node name of ${describeNode(n, c)}>`,
          },
          offsetHours: k * per,
          what: `drains ${describeNode(n, c)} at +${formatClock(k * per)}, the first step of its upgrade`,
        })),
        notes: [
          'a drain leaves the static control-plane pods running; upgrade (restart) each master while it is drained to match what hasim models',
        ],
      };
    }
    case 'operatorError':
      return {
        engines: [],
        notes: ['not a chaos experiment: a bad change is yours to stage at this time'],
      };
  }
}

function seconds(hours: number): number {
  return Math.round(hours * 3600);
}
