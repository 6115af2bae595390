/**
 * Plain data + comments → YAML text, with the `yaml` library's Document API: the scenarios and
 * manifests hasim writes for people explain themselves (what was inferred, what to check).
 * Short collections of scalars are written in flow style (`{ a: 1, b: 1 }`), as in scenarios/.
 */
import { Document, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';

export type YamlPath = readonly (string | number)[];

/** Comments attached to the key (or list item) at `path`. */
export interface YamlNote {
  path: YamlPath;
  /** Lines written above the key. */
  above?: readonly string[];
  /** Written after the value on the same line (or after a block collection's last line). */
  after?: string;
}

export interface CommentedDocument {
  /** Lines at the top of the document. */
  header: readonly string[];
  value: unknown;
  notes?: readonly YamlNote[];
  /** Lines at the end of the document. */
  footer?: readonly string[];
  /** Top-level keys preceded by a blank line. */
  spaced?: readonly string[];
}

/** A flow collection longer than this many characters is written as a block. */
const MAX_FLOW_WIDTH = 72;

/** One YAML document (no `---`), ending with a newline. */
export function renderCommentedYaml(input: CommentedDocument): string {
  // A document of comments only (kubectl apply skips it; YAML reads it as null).
  if (input.value === null) return `${input.header.map(commentLine).join('\n')}\n`;
  const doc = new Document(input.value);
  if (input.header.length > 0) doc.commentBefore = commentText(input.header);
  if (input.footer !== undefined && input.footer.length > 0)
    doc.comment = commentText(input.footer);
  flowShortCollections(doc.contents, true);
  const spaced = new Set(input.spaced ?? []);
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && spaced.has(String(pair.key.value))) pair.key.spaceBefore = true;
    }
  }
  for (const note of input.notes ?? []) attach(doc, note);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

/** Several documents as one multi-document stream. */
export function renderYamlStream(documents: readonly string[]): string {
  return documents.map((d) => `---\n${d}`).join('');
}

// --- internal ---

function commentLine(line: string): string {
  return line === '' ? '#' : `# ${line}`;
}

function commentText(lines: readonly string[]): string {
  return lines.map((l) => (l === '' ? '' : ` ${l}`)).join('\n');
}

function flowShortCollections(node: unknown, top: boolean): void {
  if (isMap(node) || isSeq(node)) {
    const children = isMap(node) ? node.items.map((p) => p.value) : node.items;
    for (const child of children) flowShortCollections(child, false);
    if (!top && children.length > 0 && children.every((c) => isScalar(c))) {
      const width = children.reduce<number>(
        (w, c, i) =>
          w +
          String((c as { value: unknown }).value).length +
          (isMap(node) ? keyWidth(node, i) : 2),
        0,
      );
      if (width <= MAX_FLOW_WIDTH) node.flow = true;
    }
  }
}

function keyWidth(map: { items: { key: unknown }[] }, i: number): number {
  const key = map.items[i]?.key;
  return (isScalar(key) ? String(key.value).length : 8) + 4;
}

function attach(doc: Document, note: YamlNote): void {
  const parentPath = note.path.slice(0, -1);
  const last = note.path[note.path.length - 1];
  const parent = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true);
  let key: Node | undefined;
  let value: unknown;
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === last);
    key = isScalar(pair?.key) ? pair.key : undefined;
    value = pair?.value;
  } else if (isSeq(parent) && typeof last === 'number') {
    value = parent.items[last];
    key = isScalar(value) || isMap(value) || isSeq(value) ? value : undefined;
  }
  if (key === undefined) throw new Error(`no YAML node at ${note.path.join('.')}`);
  if (note.above !== undefined && note.above.length > 0) {
    key.commentBefore = commentText(note.above);
  }
  if (note.after !== undefined) {
    const target = isScalar(value) || isMap(value) || isSeq(value) ? value : key;
    target.comment = ` ${note.after}`;
  }
}
