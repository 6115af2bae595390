/** The keys the schema allows at a path, for "did you mean" hints on unknown keys. */
import type { z } from 'zod';
import { ScenarioFileSchema } from './schema.js';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  items?: z.ZodType[];
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function children(schema: z.ZodType, key: string | number): z.ZodType[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
      return def.innerType ? children(def.innerType, key) : [];
    case 'union':
      return (def.options ?? []).flatMap((o) => children(o, key));
    case 'object': {
      const child = typeof key === 'string' ? def.shape?.[key] : undefined;
      return child ? [child] : [];
    }
    case 'array':
      return def.element ? [def.element] : [];
    case 'tuple':
      return typeof key === 'number' && def.items?.[key] ? [def.items[key]] : [];
    case 'record':
      return def.valueType ? [def.valueType] : [];
    default:
      return [];
  }
}

function keysOf(schema: z.ZodType): string[] {
  const def = defOf(schema);
  if (def.type === 'object') return Object.keys(def.shape ?? {});
  if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') {
    return def.innerType ? keysOf(def.innerType) : [];
  }
  if (def.type === 'union') return [...new Set((def.options ?? []).flatMap(keysOf))];
  return [];
}

export function knownKeysAt(path: readonly (string | number)[]): string[] {
  let schemas: z.ZodType[] = [ScenarioFileSchema];
  for (const key of path) schemas = schemas.flatMap((s) => children(s, key));
  return [...new Set(schemas.flatMap(keysOf))].filter((k) => k !== '$schema');
}
