import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildScenarioJsonSchema } from '../../../src/model/json-schema.js';
import { ROOT } from '../../helpers/run-cli.js';

const SCHEMA_FILE = join(ROOT, 'schema/scenario.schema.json');

describe('the JSON Schema of scenario files', () => {
  it('is committed up to date (regenerate: npm run build && npm run schema:write)', async () => {
    const committed = JSON.parse(await readFile(SCHEMA_FILE, 'utf8')) as unknown;
    expect(committed).toEqual(buildScenarioJsonSchema());
  });

  it('is draft-07', () => {
    expect(buildScenarioJsonSchema()['$schema']).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('accepts every example scenario', async () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(buildScenarioJsonSchema());
    const files = (await readdir(join(ROOT, 'scenarios'))).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const file of files) {
      const value = parse(await readFile(join(ROOT, 'scenarios', file), 'utf8')) as unknown;
      expect({ file, ok: validate(value), errors: validate.errors ?? [] }).toEqual({
        file,
        ok: true,
        errors: [],
      });
    }
  });

  it('rejects what the zod schema rejects: an unknown key and a negative rate', () => {
    const validate = new Ajv({ strict: false }).compile(buildScenarioJsonSchema());
    const base = { version: 1, name: 'x', regions: [{ name: 'r', zones: ['a'] }] };
    const cluster = { name: 'c', region: 'r', masters: { a: 1 }, workers: { a: 1 } };
    expect(validate({ ...base, clusters: [cluster] })).toBe(true);
    expect(validate({ ...base, clusters: [{ ...cluster, mastrs: 1 }] })).toBe(false);
    expect(validate({ ...base, clusters: [cluster], failures: { node: { perYear: -1 } } })).toBe(
      false,
    );
  });
});
