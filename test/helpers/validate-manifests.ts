/** Multi-document YAML → its objects (comment-only documents dropped), each checked by kind (ajv). */
import { Ajv, type ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';

export interface ManifestCheck {
  kind: string;
  errors: string[];
}

/** Validates every document of `yaml` with the schema registered for its `kind`. */
export function validateManifests(
  yaml: string,
  schemas: Record<string, object>,
): {
  documents: Record<string, unknown>[];
  checks: ManifestCheck[];
} {
  const ajv = new Ajv({ allErrors: true, strict: true });
  const validators = new Map<string, ValidateFunction>(
    Object.entries(schemas).map(([kind, schema]) => [kind, ajv.compile(schema)]),
  );
  const parsed = parseAllDocuments(yaml);
  if (!Array.isArray(parsed)) throw new Error('no YAML documents');
  const documents = parsed
    .map((d) => {
      if (d.errors.length > 0) throw new Error(d.errors.map((e) => e.message).join('\n'));
      return d.toJS() as Record<string, unknown> | null;
    })
    // A document of comments only (an event without a manifest) reads as null.
    .filter((d) => d !== null);
  const checks = documents.map((doc) => {
    const kind = String(doc['kind']);
    const validate = validators.get(kind);
    if (validate === undefined) return { kind, errors: [`no schema for kind ${kind}`] };
    validate(doc);
    return {
      kind,
      errors: (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`),
    };
  });
  return { documents, checks };
}
