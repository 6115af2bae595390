/**
 * A compact JSON Schema (draft-07) of the LitmusChaos ChaosEngine `hasim export litmus` emits,
 * written for hasim's tests from litmuschaos/chaos-operator tag 3.18.0, deploy/chaos_crds.yaml
 * (engineState ^(active|stop)$, appinfo.appkind ^(^$|deployment|statefulset|daemonset|
 * deploymentconfig|rollout)$, experiments[].name and .spec.components.env as core/v1 EnvVar),
 * and, for the fault names and their variables, litmuschaos/chaos-charts tag 3.28.0,
 * faults/kubernetes/{node-poweroff,node-drain,pod-network-partition}/fault.yaml.
 */

const FAULT_ENV: Record<string, string[]> = {
  'node-poweroff': [
    'TOTAL_CHAOS_DURATION',
    'TARGET_NODE',
    'NODE_LABEL',
    'TARGET_NODE_IP',
    'SSH_USER',
    'RAMP_TIME',
  ],
  'node-drain': ['TOTAL_CHAOS_DURATION', 'TARGET_NODE', 'NODE_LABEL', 'RAMP_TIME'],
  'pod-network-partition': [
    'TOTAL_CHAOS_DURATION',
    'POLICY_TYPES',
    'DESTINATION_IPS',
    'DESTINATION_HOSTS',
    'POD_SELECTOR',
    'NAMESPACE_SELECTOR',
    'PORTS',
    'RAMP_TIME',
  ],
};

const experiment = (fault: string): object => ({
  type: 'object',
  required: ['name', 'spec'],
  additionalProperties: false,
  properties: {
    name: { const: fault },
    spec: {
      type: 'object',
      additionalProperties: false,
      properties: {
        components: {
          type: 'object',
          additionalProperties: false,
          properties: {
            env: {
              type: 'array',
              items: {
                type: 'object',
                required: ['name', 'value'],
                additionalProperties: false,
                properties: { name: { enum: FAULT_ENV[fault] }, value: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  },
});

export const CHAOS_ENGINE_SCHEMA = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: 'litmuschaos.io/v1alpha1' },
    kind: { const: 'ChaosEngine' },
    metadata: {
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: {
        name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$' },
        namespace: { type: 'string' },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        annotations: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
    spec: {
      type: 'object',
      required: ['engineState', 'chaosServiceAccount', 'experiments'],
      additionalProperties: false,
      properties: {
        engineState: { type: 'string', pattern: '^(active|stop)$' },
        chaosServiceAccount: { type: 'string', minLength: 1 },
        appinfo: {
          type: 'object',
          additionalProperties: false,
          properties: {
            appns: { type: 'string' },
            applabel: { type: 'string' },
            appkind: {
              type: 'string',
              pattern: '^(^$|deployment|statefulset|daemonset|deploymentconfig|rollout)$',
            },
          },
        },
        experiments: {
          type: 'array',
          minItems: 1,
          items: { oneOf: Object.keys(FAULT_ENV).map(experiment) },
        },
      },
    },
  },
};
