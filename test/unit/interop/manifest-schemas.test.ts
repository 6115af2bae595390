import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { JOB_SCHEMA } from '../../schemas/kubernetes.js';
import { validateManifests } from '../../helpers/validate-manifests.js';

const job = (spec: Record<string, unknown>, restartPolicy = 'Never'): string =>
  stringify({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'x' },
    spec: {
      ...spec,
      template: { spec: { restartPolicy, containers: [{ name: 'c', image: 'i' }] } },
    },
  });

describe('the test schemas refuse what the API server refuses', () => {
  it.each([
    [
      'an Indexed Job without completions',
      job({ completionMode: 'Indexed' }),
      'must have required property',
    ],
    [
      'a Job whose pods restart Always',
      job({}, 'Always'),
      'must be equal to one of the allowed values',
    ],
    [
      'an unknown completion mode',
      job({ completionMode: 'Sharded', completions: 2 }),
      'allowed values',
    ],
    ['a misspelt field', job({ completion: 2 }), 'must NOT have additional properties'],
  ])('%s', (_name, yaml, message) => {
    const { checks } = validateManifests(yaml, { Job: JOB_SCHEMA });
    expect(checks[0]!.errors.join('\n')).toContain(message);
  });

  it('accepts an Indexed Job with completions', () => {
    const { checks } = validateManifests(job({ completionMode: 'Indexed', completions: 3 }), {
      Job: JOB_SCHEMA,
    });
    expect(checks[0]!.errors).toEqual([]);
  });
});
