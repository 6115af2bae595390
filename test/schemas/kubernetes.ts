/**
 * Compact JSON Schemas (draft-07) of the Kubernetes fields `hasim export job` emits, written for
 * hasim's tests from the API reference: kubernetes/api v0.31, batch/v1/types.go (JobSpec:
 * completionMode NonIndexed|Indexed, completions, parallelism, backoffLimit, template) and
 * core/v1/types.go (ConfigMap, PersistentVolumeClaim, PodSpec, Container, Volume), plus the
 * API server's validation that a schema states as well: a Job's pods restart Never or
 * OnFailure, an Indexed Job gives completions (pkg/apis/batch/validation), names are DNS-1123
 * labels, ConfigMap keys match [-._a-zA-Z0-9]+. `additionalProperties: false` everywhere, so a
 * misspelt field fails the test instead of being dropped by the API server.
 */

const dnsLabel = { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', maxLength: 63 };
const quantity = { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?$' };
const stringMap = { type: 'object', additionalProperties: { type: 'string' } };

const metadata = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: { name: dnsLabel, namespace: dnsLabel, labels: stringMap, annotations: stringMap },
};

const container = {
  type: 'object',
  required: ['name', 'image'],
  additionalProperties: false,
  properties: {
    name: dnsLabel,
    image: { type: 'string', minLength: 1 },
    args: { type: 'array', items: { type: 'string' } },
    resources: {
      type: 'object',
      additionalProperties: false,
      properties: {
        requests: { type: 'object', additionalProperties: quantity },
        limits: { type: 'object', additionalProperties: quantity },
      },
    },
    volumeMounts: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'mountPath'],
        additionalProperties: false,
        properties: {
          name: dnsLabel,
          mountPath: { type: 'string', pattern: '^/' },
          readOnly: { type: 'boolean' },
        },
      },
    },
  },
};

const volume = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  minProperties: 2,
  maxProperties: 2, // a name and exactly one source
  properties: {
    name: dnsLabel,
    configMap: {
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: { name: dnsLabel },
    },
    persistentVolumeClaim: {
      type: 'object',
      required: ['claimName'],
      additionalProperties: false,
      properties: { claimName: dnsLabel, readOnly: { type: 'boolean' } },
    },
  },
};

const podTemplate = {
  type: 'object',
  required: ['spec'],
  additionalProperties: false,
  properties: {
    metadata: { type: 'object', additionalProperties: false, properties: { labels: stringMap } },
    spec: {
      type: 'object',
      required: ['containers', 'restartPolicy'],
      additionalProperties: false,
      properties: {
        restartPolicy: { enum: ['Never', 'OnFailure'] },
        securityContext: {
          type: 'object',
          additionalProperties: false,
          properties: {
            runAsNonRoot: { type: 'boolean' },
            runAsUser: { type: 'integer', minimum: 0 },
            fsGroup: { type: 'integer', minimum: 0 },
          },
        },
        containers: { type: 'array', minItems: 1, items: container },
        volumes: { type: 'array', items: volume },
      },
    },
  },
};

export const JOB_SCHEMA = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: 'batch/v1' },
    kind: { const: 'Job' },
    metadata,
    spec: {
      type: 'object',
      required: ['template'],
      additionalProperties: false,
      properties: {
        completionMode: { enum: ['NonIndexed', 'Indexed'] },
        completions: { type: 'integer', minimum: 0 },
        parallelism: { type: 'integer', minimum: 0, maximum: 100000 },
        backoffLimit: { type: 'integer', minimum: 0 },
        template: podTemplate,
      },
      // "completions must be specified when completionMode is Indexed"
      if: { properties: { completionMode: { const: 'Indexed' } }, required: ['completionMode'] },
      then: { required: ['completions'], properties: { completions: { type: 'integer' } } },
    },
  },
};

export const CONFIG_MAP_SCHEMA = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: 'v1' },
    kind: { const: 'ConfigMap' },
    metadata,
    data: {
      type: 'object',
      propertyNames: { pattern: '^[-._a-zA-Z0-9]+$' },
      additionalProperties: { type: 'string' },
    },
  },
};

export const PVC_SCHEMA = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: 'v1' },
    kind: { const: 'PersistentVolumeClaim' },
    metadata,
    spec: {
      type: 'object',
      required: ['accessModes', 'resources'],
      additionalProperties: false,
      properties: {
        accessModes: {
          type: 'array',
          minItems: 1,
          items: { enum: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'] },
        },
        storageClassName: { type: 'string' },
        resources: {
          type: 'object',
          required: ['requests'],
          additionalProperties: false,
          properties: {
            requests: {
              type: 'object',
              required: ['storage'],
              additionalProperties: false,
              properties: { storage: quantity },
            },
          },
        },
      },
    },
  },
};
