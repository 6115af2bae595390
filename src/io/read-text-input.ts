/**
 * Text input that may come from a file or from standard input (`-`), with a size limit, so a
 * command can accept `kubectl get nodes -o json | hasim import kubectl -`.
 */
import { readRegularFile } from './read-regular-file.js';

/** A stream of text or bytes, such as `process.stdin`. */
export type InputStream = AsyncIterable<string | Uint8Array>;

export type TextInput =
  | { ok: true; name: string; text: string }
  | { ok: false; name: string; message: string; code: string };

/** The name messages give standard input. */
export const STDIN_NAME = '<stdin>';

/**
 * Reads `file` (a regular file: a FIFO or a device is refused by name), or `stdin` when `file`
 * is `-`. Refuses more than `maxBytes`, counted while reading, with a message that names the
 * limit; IO failures come back as values, never as exceptions.
 */
export async function readTextInput(
  file: string,
  maxBytes: number,
  stdin: InputStream | undefined,
): Promise<TextInput> {
  if (file === '-') return readStream(stdin, maxBytes);
  const read = await readRegularFile(file, { maxBytes });
  if (read.ok) return { ok: true, name: file, text: read.text };
  return { ok: false, name: file, message: read.message, code: read.code };
}

// --- internal ---

async function readStream(stdin: InputStream | undefined, maxBytes: number): Promise<TextInput> {
  const fail = (message: string, code: string): TextInput => ({
    ok: false,
    name: STDIN_NAME,
    message,
    code,
  });
  if (stdin === undefined) return fail('no standard input to read', 'NO_STDIN');
  const chunks: Buffer[] = [];
  let bytes = 0;
  try {
    for await (const chunk of stdin) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
      bytes += buffer.length;
      // Stop reading at once: a runaway producer must not fill the memory.
      if (bytes > maxBytes) return fail(tooLarge(bytes, maxBytes, 'more than '), 'TOO_LARGE');
      chunks.push(buffer);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    return fail(`cannot read standard input (${code})`, code);
  }
  return { ok: true, name: STDIN_NAME, text: Buffer.concat(chunks).toString('utf8') };
}

function tooLarge(bytes: number, maxBytes: number, prefix = ''): string {
  return `is ${prefix}${bytes} bytes; the limit is ${maxBytes} bytes`;
}
