/** The JSON Schema (draft-07) of scenario files, generated from the zod schema. */
import { z } from 'zod';
import { ScenarioFileSchema } from './schema.js';

export function buildScenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ScenarioFileSchema, { target: 'draft-07', io: 'input' });
}
