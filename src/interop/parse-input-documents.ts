/**
 * Text a user pipes in (JSON or YAML, one or several documents) → plain values, or one message
 * that says what is wrong: empty input, a `kubectl get nodes` table pasted instead of its JSON,
 * a syntax error with its line.
 */
import { parseAllDocuments } from 'yaml';

export type ParsedInput = { ok: true; documents: unknown[] } | { ok: false; message: string };

/** Alias expansions allowed while building values (yaml's default, stated on purpose). */
const MAX_ALIAS_COUNT = 100;

export function parseInputDocuments(text: string, expected: string): ParsedInput {
  const body = text.replace(/^\uFEFF/, '');
  const first = body.split('\n').find((l) => l.trim() !== '') ?? '';
  if (first === '') return { ok: false, message: `is empty; expected ${expected}` };
  if (/^\s*NAME\s+(STATUS|READY|DATA)\s/.test(first)) {
    return {
      ok: false,
      message: `looks like the table kubectl prints, not its JSON; expected ${expected} (add -o json)`,
    };
  }
  if (/^\s*[{[]/.test(first)) {
    try {
      return { ok: true, documents: [JSON.parse(body) as unknown] };
    } catch (e) {
      return {
        ok: false,
        message: `is not valid JSON (${e instanceof Error ? e.message : String(e)})`,
      };
    }
  }
  try {
    // logLevel 'error': yaml's warnings (a map used as a key) would go to the console.
    const docs = parseAllDocuments(body, { logLevel: 'error' });
    if (!Array.isArray(docs)) return { ok: false, message: `is empty; expected ${expected}` };
    const documents: unknown[] = [];
    for (const doc of docs) {
      const error = doc.errors[0];
      if (error !== undefined) {
        const at = error.linePos?.[0];
        const where = at === undefined ? '' : ` at line ${at.line}, column ${at.col}`;
        return {
          ok: false,
          message: `is not valid YAML or JSON${where}: ${error.message.split('\n')[0] ?? ''}`,
        };
      }
      documents.push(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
    }
    return { ok: true, documents: documents.filter((d) => d !== null && d !== undefined) };
  } catch (e) {
    return { ok: false, message: `cannot be read (${e instanceof Error ? e.message : String(e)})` };
  }
}
