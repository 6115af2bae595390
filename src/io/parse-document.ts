/**
 * YAML (and JSON, which YAML 1.2 reads) text → a plain value plus a way to find the line and
 * column of any key path. Syntax errors and duplicate keys are reported with positions; alias
 * expansion is bounded so a "billion laughs" file is refused instead of eating the machine.
 */
import {
  isAlias,
  Lexer,
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
/** Alias nodes allowed in a file: hand-written scenarios use a few; bombs use thousands. */
export const MAX_ALIASES_IN_FILE = 1000;
/** Larger files are refused before parsing: scenarios are hand-written and small. */
export const MAX_SCENARIO_BYTES = 2 * 1024 * 1024;

export function parseScenarioText(text: string): ParsedDocument {
  const lineCounter = new LineCounter();
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };
  const aliases = countAliasTokens(text);
  if (aliases.count > MAX_ALIASES_IN_FILE) {
    // Refuse before building the document: lexing is ~10× faster than composing it.
    for (let i = 0; i >= 0; i = text.indexOf('\n', i) + 1 || -1) lineCounter.addNewLine(i);
    const message = `${aliases.count} aliases (more than ${MAX_ALIASES_IN_FILE}; an alias bomb?); hasim refuses to expand them`;
    return {
      value: undefined,
      syntaxErrors: [{ message, code: 'ALIAS_LIMIT', position: toPosition(aliases.firstOffset) }],
      locate: () => ({ line: 1, col: 1 }),
    };
  }
  // yaml's own uniqueKeys check is quadratic in the keys of a map (seconds on a 1 MB file);
  // findDuplicateKeys does the same check in one linear pass.
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: false,
    prettyErrors: false,
    merge: false,
  });
  const syntaxErrors: ParsedDocument['syntaxErrors'] = doc.errors.map((e) => ({
    message: cleanMessage(e.message),
    code: e.code,
    position: toPosition(e.pos[0]),
  }));
  for (const offset of findDuplicateKeys(doc)) {
    syntaxErrors.push({
      message: 'Map keys must be unique',
      code: 'DUPLICATE_KEY',
      position: toPosition(offset),
    });
  }
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
      position: toPosition(aliases.firstOffset),
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

/** Alias tokens (`*name`) in the text, counted by yaml's lexer without building the document. */
function countAliasTokens(text: string): { count: number; firstOffset: number } {
  let count = 0;
  let first: string | undefined;
  for (const token of new Lexer().lex(text)) {
    if (token.startsWith('*')) {
      count += 1;
      first ??= token;
    }
  }
  return { count, firstOffset: first === undefined ? 0 : Math.max(0, text.indexOf(first)) };
}

/** The offsets of keys that repeat an earlier key of the same map. */
function findDuplicateKeys(doc: Document): number[] {
  const duplicates: number[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key)) duplicates.push((pair.key as Node | null)?.range?.[0] ?? 0);
        seen.add(key);
      }
    },
  });
  return duplicates;
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
