/**
 * Shard part files on disk: written with a digest (sha256 of the part's canonical JSON), read
 * back through the schema, the digest and the part's own checks (sim/run/part-schema.ts). Any
 * problem is a usage error naming the file and the field (exit 2); nothing edited is merged.
 */
import { createHash } from 'node:crypto';
import { readTextInput } from '../io/read-text-input.js';
import {
  canonical,
  partProblems,
  PartFileSchema,
  partSchemaProblems,
  PART_VERSION,
  type PartProblem,
} from '../sim/run/part-schema.js';
import type { SimulationPart } from '../sim/run/shard.js';
import { UsageError } from './errors.js';

/** Problems shown per part before "and N more". */
const SHOWN = 5;

/** A part of a scenario with a thousand clusters is a few tens of MB. */
const MAX_PART_BYTES = 256 * 1024 * 1024;

/** The part as the text of its file: one line of JSON with its digest last. */
export function partText(part: SimulationPart): string {
  return `${JSON.stringify({ ...part, digest: digestOf(part) })}\n`;
}

/** The checked part in `file`; a usage error naming the file and the field otherwise. */
export async function readPartFile(file: string): Promise<SimulationPart> {
  const input = await readTextInput(file, MAX_PART_BYTES, undefined);
  if (!input.ok) throw new UsageError(`${file}: cannot read a part (${input.message})`);
  let value: unknown;
  try {
    value = JSON.parse(input.text);
  } catch (e) {
    throw new UsageError(
      `${file}: cannot read a part (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  const v = value as { kind?: unknown; version?: unknown } | null;
  if (v === null || typeof v !== 'object' || v.kind !== 'simulation-part') {
    throw new UsageError(
      `${file} is not a simulation part (write one with simulate --shard i/n --out)`,
    );
  }
  if (v.version !== PART_VERSION) {
    throw new UsageError(
      `${file}: part format ${String(v.version)} is from another version of hasim (this one reads ${PART_VERSION}); run the shards again`,
    );
  }
  const shape = partSchemaProblems(value);
  if (shape.length > 0) throw problemsError(file, shape);
  const part = PartFileSchema.parse(value);
  // The checks that name a field first; the digest then catches edits that stay consistent.
  const problems = partProblems(part);
  if (problems.length > 0) throw problemsError(file, problems);
  const { digest, ...content } = part;
  if (digest !== digestOf(content)) {
    throw new UsageError(
      `${file}: digest: does not match the content: the part was edited or damaged after hasim wrote it; run shard ${part.shard.index}/${part.shard.count} again`,
    );
  }
  return content as unknown as SimulationPart;
}

// --- internal ---

function digestOf(content: object): string {
  return `sha256:${createHash('sha256').update(canonical(content)).digest('hex')}`;
}

function problemsError(file: string, problems: PartProblem[]): UsageError {
  const lines = problems.slice(0, SHOWN).map((p) => `${file}: ${p.path}: ${p.message}`);
  if (problems.length > SHOWN) lines.push(`${file}: and ${problems.length - SHOWN} more`);
  return new UsageError(lines.join('\nhasim: '));
}
