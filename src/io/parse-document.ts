/**
 * YAML (and JSON, which YAML 1.2 reads) text → a plain value plus a way to find the line and
 * column of any key path. Syntax errors and duplicate keys are reported with positions; alias
 * expansion is bounded so a "billion laughs" file is refused instead of eating the machine.
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
} from 'yaml';

export interface Position {
  line: number;
  col: number;
}

export interface ParsedDocument {
  /** The document's value; undefined when it could not be built at all. */
  value: unknown;
  /** Syntax errors (with positions): when there are any, the file is invalid. */
  syntaxErrors: { message: string; code: string; position: Position }[];
  /** The position of a key path: the value, or its key with `at: 'key'`, or the nearest parent. */
  locate(path: readonly (string | number)[], at?: 'key'): Position;
}

/** Alias expansions allowed per document (yaml's default guard, stated here on purpose). */
export const MAX_ALIAS_COUNT = 100;
/** Larger files are refused before parsing: scenarios are hand-written and small. */
export const MAX_SCENARIO_BYTES = 2 * 1024 * 1024;

export function parseScenarioText(text: string): ParsedDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    merge: false,
  });
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };
  const syntaxErrors: ParsedDocument['syntaxErrors'] = doc.errors.map((e) => ({
    message: cleanMessage(e.message),
    code: e.code,
    position: toPosition(e.pos[0]),
  }));
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const excessive = /alias/i.test(message);
    syntaxErrors.push({
      message: excessive
        ? `aliases expand beyond ${MAX_ALIAS_COUNT} nodes (an alias bomb?); hasim refuses to expand them`
        : `cannot read the document: ${message}`,
      code: excessive ? 'ALIAS_LIMIT' : 'BAD_DOCUMENT',
      position: toPosition(firstAliasOffset(doc) ?? 0),
    });
    value = undefined;
  }
  return { value, syntaxErrors, locate: (path, at) => locate(doc, path, at, toPosition) };
}

// --- internal ---

function cleanMessage(message: string): string {
  // yaml appends " at line L, column C" and a code frame; hasim prints its own position.
  return (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
}

function firstAliasOffset(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}

function locate(
  doc: Document,
  path: readonly (string | number)[],
  at: 'key' | undefined,
  toPosition: (offset: number) => Position,
): Position {
  let node: unknown = doc.contents;
  let best = (node as Node | null)?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    if (isAlias(node)) node = node.resolve(doc);
    const key = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && String(isScalar(p.key) ? p.key.value : p.key) === String(key),
      );
      if (!pair) break;
      const keyNode = pair.key as Node | null;
      if (last && at === 'key' && keyNode?.range) return toPosition(keyNode.range[0]);
      best = keyNode?.range?.[0] ?? best;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
    } else {
      break;
    }
    const range = (node as Node | null | undefined)?.range;
    if (range) best = range[0];
    else break;
  }
  return toPosition(best);
}
