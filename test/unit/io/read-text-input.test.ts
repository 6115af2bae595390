import { Readable } from 'node:stream';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextInput } from '../../../src/io/read-text-input.js';
import { ROOT } from '../../helpers/run-cli.js';

describe('readTextInput', () => {
  it('reads standard input for -, whole', async () => {
    const stdin = Readable.from([Buffer.from('kind: '), Buffer.from('List\n')]);
    expect(await readTextInput('-', 100, stdin)).toEqual({
      ok: true,
      name: '<stdin>',
      text: 'kind: List\n',
    });
  });

  it('stops reading standard input at the limit, whatever still comes', async () => {
    let produced = 0;
    const endless = Readable.from(
      (function* () {
        for (;;) {
          produced += 1;
          yield Buffer.alloc(64, 'x');
        }
      })(),
    );
    const r = await readTextInput('-', 1000, endless);
    expect(r).toEqual({
      ok: false,
      name: '<stdin>',
      message: 'is more than 1024 bytes; the limit is 1000 bytes',
      code: 'TOO_LARGE',
    });
    expect(produced).toBeLessThan(40);
  });

  it('refuses a file over the limit before reading it, and says what is missing', async () => {
    const file = join(ROOT, 'package.json');
    expect(await readTextInput(file, 10, undefined)).toMatchObject({
      ok: false,
      code: 'TOO_LARGE',
    });
    expect(await readTextInput(join(ROOT, 'no-such'), 10, undefined)).toMatchObject({
      ok: false,
      message: 'no such file',
    });
    expect(await readTextInput(ROOT, 10, undefined)).toMatchObject({
      ok: false,
      message: 'is a directory, not a file',
    });
    expect(await readTextInput('-', 10, undefined)).toMatchObject({
      ok: false,
      message: 'no standard input to read',
    });
  });
});
