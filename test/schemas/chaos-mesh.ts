/**
 * Compact JSON Schemas (draft-07) of the Chaos Mesh objects `hasim export chaos-mesh` emits,
 * written for hasim's tests from chaos-mesh/chaos-mesh tag v2.8.3, config/crd/bases/
 * chaos-mesh.org_{podchaos,networkchaos,awschaos,gcpchaos,azurechaos,workflows}.yaml
 * (required fields and enums) and api/v1alpha1 (zz_generated.workflow.chaosmesh.go for the
 * template types; workflow_webhook.go for the rules a schema cannot hold, in
 * `workflowProblems` below). Only the fields hasim writes are allowed.
 */

const MODE = { enum: ['one', 'all', 'fixed', 'fixed-percent', 'random-max-percent'] };
const stringMap = { type: 'object', additionalProperties: { type: 'string' } };
// Go's time.ParseDuration units; Chaos Mesh rejects anything else.
const goDuration = { type: 'string', pattern: '^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$' };

const podSelector = {
  type: 'object',
  additionalProperties: false,
  properties: {
    namespaces: { type: 'array', items: { type: 'string' } },
    labelSelectors: stringMap,
    nodeSelectors: stringMap,
    nodes: { type: 'array', items: { type: 'string' } },
  },
};

const metadata = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$', maxLength: 253 },
    namespace: { type: 'string' },
    labels: stringMap,
    annotations: stringMap,
  },
};

export const POD_CHAOS_SPEC = {
  type: 'object',
  required: ['action', 'mode', 'selector'],
  additionalProperties: false,
  properties: {
    action: { enum: ['pod-kill', 'pod-failure', 'container-kill'] },
    mode: MODE,
    selector: podSelector,
    containerNames: { type: 'array', items: { type: 'string' } },
    duration: goDuration,
  },
  // podchaos_webhook.go: "the name of container is required on container-kill action".
  if: { properties: { action: { const: 'container-kill' } } },
  then: {
    required: ['containerNames'],
    properties: { containerNames: { type: 'array', minItems: 1 } },
  },
};

export const NETWORK_CHAOS_SPEC = {
  type: 'object',
  required: ['action', 'mode', 'selector'],
  additionalProperties: false,
  properties: {
    action: { enum: ['netem', 'delay', 'loss', 'duplicate', 'corrupt', 'partition', 'bandwidth'] },
    mode: MODE,
    selector: podSelector,
    direction: { enum: ['to', 'from', 'both'] },
    target: {
      type: 'object',
      required: ['mode', 'selector'],
      additionalProperties: false,
      properties: { mode: MODE, selector: podSelector },
    },
    duration: goDuration,
  },
};

export const AWS_CHAOS_SPEC = {
  type: 'object',
  required: ['action', 'awsRegion', 'ec2Instance'],
  additionalProperties: false,
  properties: {
    action: { enum: ['ec2-stop', 'ec2-restart', 'detach-volume'] },
    awsRegion: { type: 'string' },
    ec2Instance: { type: 'string' },
    secretName: { type: 'string' },
    duration: goDuration,
  },
};

export const GCP_CHAOS_SPEC = {
  type: 'object',
  required: ['action', 'instance', 'project', 'zone'],
  additionalProperties: false,
  properties: {
    action: { enum: ['node-stop', 'node-reset', 'disk-loss'] },
    project: { type: 'string' },
    zone: { type: 'string' },
    instance: { type: 'string' },
    secretName: { type: 'string' },
    duration: goDuration,
  },
};

export const AZURE_CHAOS_SPEC = {
  type: 'object',
  required: ['action', 'resourceGroupName', 'subscriptionID', 'vmName'],
  additionalProperties: false,
  properties: {
    action: { enum: ['vm-stop', 'vm-restart', 'disk-detach'] },
    subscriptionID: { type: 'string' },
    resourceGroupName: { type: 'string' },
    vmName: { type: 'string' },
    secretName: { type: 'string' },
    duration: goDuration,
  },
};

function chaosObject(kind: string, spec: object): object {
  return {
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata', 'spec'],
    additionalProperties: false,
    properties: {
      apiVersion: { const: 'chaos-mesh.org/v1alpha1' },
      kind: { const: kind },
      metadata,
      spec,
    },
  };
}

const template = {
  type: 'object',
  required: ['name', 'templateType'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$', maxLength: 253 },
    templateType: {
      enum: [
        'Task',
        'Serial',
        'Parallel',
        'Suspend',
        'StatusCheck',
        'Schedule',
        'AWSChaos',
        'AzureChaos',
        'BlockChaos',
        'DNSChaos',
        'GCPChaos',
        'HTTPChaos',
        'IOChaos',
        'JVMChaos',
        'KernelChaos',
        'NetworkChaos',
        'PhysicalMachineChaos',
        'PodChaos',
        'StressChaos',
        'TimeChaos',
      ],
    },
    deadline: goDuration,
    children: { type: 'array', items: { type: 'string' } },
    podChaos: POD_CHAOS_SPEC,
    networkChaos: NETWORK_CHAOS_SPEC,
    awsChaos: AWS_CHAOS_SPEC,
    gcpChaos: GCP_CHAOS_SPEC,
    azureChaos: AZURE_CHAOS_SPEC,
  },
};

export const CHAOS_MESH_SCHEMAS: Record<string, object> = {
  PodChaos: chaosObject('PodChaos', POD_CHAOS_SPEC),
  NetworkChaos: chaosObject('NetworkChaos', NETWORK_CHAOS_SPEC),
  AWSChaos: chaosObject('AWSChaos', AWS_CHAOS_SPEC),
  GCPChaos: chaosObject('GCPChaos', GCP_CHAOS_SPEC),
  AzureChaos: chaosObject('AzureChaos', AZURE_CHAOS_SPEC),
  Workflow: chaosObject('Workflow', {
    type: 'object',
    required: ['entry', 'templates'],
    additionalProperties: false,
    properties: {
      entry: { type: 'string' },
      templates: { type: 'array', minItems: 1, items: template },
    },
  }),
};

interface Template {
  name: string;
  templateType: string;
  deadline?: string;
  children?: string[];
  [embedded: string]: unknown;
}

/** The Workflow webhook's checks (workflow_webhook.go ValidateCreate), as messages. */
export function workflowProblems(spec: { entry: string; templates: Template[] }): string[] {
  const problems: string[] = [];
  const names = spec.templates.map((t) => t.name);
  if (!names.includes(spec.entry)) problems.push(`can not find a template with name ${spec.entry}`);
  const duplicated = names.filter((n, i) => names.indexOf(n) !== i);
  if (duplicated.length > 0)
    problems.push(`template name must be unique, duplicated names: ${duplicated.join(', ')}`);
  for (const t of spec.templates) {
    const embedded = Object.keys(t).filter((k) => k.endsWith('Chaos'));
    if (t.templateType === 'Suspend' && !t.deadline)
      problems.push(`${t.name}: deadline in template with type Suspend could not be empty`);
    if (t.templateType === 'Serial' || t.templateType === 'Parallel') {
      for (const c of t.children ?? [])
        if (!names.includes(c)) problems.push(`${t.name}: can not find a template with name ${c}`);
      if (embedded.length > 0)
        problems.push(`${t.name}: a ${t.templateType} template embeds no chaos`);
    }
    if (t.templateType.endsWith('Chaos')) {
      const key = embedded.find((k) => k.toLowerCase() === t.templateType.toLowerCase());
      if (key === undefined)
        problems.push(`${t.name}: the value of chaos ${t.templateType} is required`);
      else if ((t[key] as Record<string, unknown>)['duration'] !== undefined) {
        problems.push(
          `${t.name}: the duration of the chaos must be empty in a workflow (the deadline bounds it)`,
        );
      }
      if (t.children !== undefined) problems.push(`${t.name}: a chaos template has no children`);
    }
  }
  return problems;
}
