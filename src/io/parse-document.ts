/**
 * YAML (and JSON, which YAML 1.2 reads) text → a plain value plus a way to find the line and
 * column of any key path. Syntax errors and duplicate keys are reported with positions; alias
 * expansion and nesting depth are bounded before the document is built, so a "billion laughs"
 * file or a file of 30 `{` is refused instead of eating the machine; a key that is a map or a
 * list is an error with its position (JavaScript objects cannot hold one).
 */
import {
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import { prescanYaml } from './prescan-yaml.js';

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
/**
 * Nesting allowed (maps, lists, flow `{`/`[` and `?` complex keys together). The example
 * scenarios nest 4 to 6 deep; 64 leaves ten times that for any hand-written file while keeping
 * yaml's recursive composer and toJS far from their limits (1,000 nested `{` took 390 s before
 * this bound).
 */
export const MAX_NESTING_DEPTH = 64;

export function parseScenarioText(text: string): ParsedDocument {
  const lineCounter = new LineCounter();
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };
  const refuse = (message: string, code: string, offset: number): ParsedDocument => {
    for (let i = 0; i >= 0; i = text.indexOf('\n', i) + 1 || -1) lineCounter.addNewLine(i);
    return {
      value: undefined,
      syntaxErrors: [{ message, code, position: toPosition(offset) }],
      locate: () => ({ line: 1, col: 1 }),
    };
  };
  // Refuse before building the document: lexing is ~10× faster than composing it.
  const scan = prescanYaml(text, MAX_NESTING_DEPTH);
  if (scan.tooDeep) {
    const message = `nesting deeper than ${MAX_NESTING_DEPTH} levels (maps, lists and complex keys); hasim refuses it (scenarios nest about 6 deep)`;
    return refuse(message, 'DEPTH_LIMIT', scan.tooDeep.offset);
  }
  if (scan.aliasCount > MAX_ALIASES_IN_FILE) {
    const message = `${scan.aliasCount} aliases (more than ${MAX_ALIASES_IN_FILE}; an alias bomb?); hasim refuses to expand them`;
    return refuse(message, 'ALIAS_LIMIT', scan.firstAliasOffset);
  }
  // yaml's own uniqueKeys check is quadratic in the keys of a map (seconds on a 1 MB file);
  // findDuplicateKeys does the same check in one linear pass. logLevel 'error': yaml's
  // warnings would go to the console; hasim reports what matters as issues.
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: false,
    prettyErrors: false,
    merge: false,
    logLevel: 'error',
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
  // After the duplicate check: removing a pair must not hide a duplicate of it.
  for (const { offset, kind } of removeCollectionKeys(doc)) {
    syntaxErrors.push({
      message: `a key must be a name or a number, not a ${kind}`,
      code: 'COLLECTION_KEY',
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
      position: toPosition(scan.firstAliasOffset),
    });
    value = undefined;
  }
  const index = new WeakMap<YAMLMap, Map<string, Pair>>();
  return { value, syntaxErrors, locate: (path, at) => locate(doc, index, path, at, toPosition) };
}

// --- internal ---

function cleanMessage(message: string): string {
  // yaml appends " at line L, column C" and a code frame; hasim prints its own position.
  return (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
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

/**
 * Removes the pairs whose key is a map or a list (or an alias of one), so toJS never
 * stringifies one (exponential in its nesting), and returns where they were.
 */
function removeCollectionKeys(doc: Document): { offset: number; kind: 'map' | 'list' }[] {
  const found: { offset: number; kind: 'map' | 'list' }[] = [];
  visit(doc, {
    Pair(_, pair) {
      const key = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key;
      if (!isCollection(key)) return undefined;
      found.push({ offset: (pair.key as Node).range?.[0] ?? 0, kind: isMap(key) ? 'map' : 'list' });
      return visit.REMOVE;
    },
  });
  return found;
}

function locate(
  doc: Document,
  index: WeakMap<YAMLMap, Map<string, Pair>>,
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
      const pair = pairsOf(node, index).get(String(key));
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

/** A map's pairs by key, built once per map: locating n issues is linear, not n × keys. */
function pairsOf(map: YAMLMap, index: WeakMap<YAMLMap, Map<string, Pair>>): Map<string, Pair> {
  let pairs = index.get(map);
  if (pairs === undefined) {
    pairs = new Map();
    for (const p of map.items) {
      if (!isPair(p)) continue;
      const key = String(isScalar(p.key) ? p.key.value : p.key);
      // The first of duplicate keys, as the linear search found it.
      if (!pairs.has(key)) pairs.set(key, p);
    }
    index.set(map, pairs);
  }
  return pairs;
}
