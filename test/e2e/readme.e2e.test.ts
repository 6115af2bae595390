import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBin } from '../helpers/run-cli.js';

/**
 * Every concrete `npx hasim …` line in the README's shell blocks, so the tour cannot rot.
 * Lines about placeholder files (x.yaml, part-*.json) or that redirect output are skipped.
 */
function readmeCommands(): string[][] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  return (
    blocks
      .flatMap((b) => b.split('\n'))
      .map((line) => line.replace(/#.*$/, '').trim())
      .filter((line) => line.startsWith('npx hasim '))
      .filter((line) => !/x\.yaml|part-|[<>|]/.test(line))
      // `hasim lab` runs a real etcd for a while: lab-scenarios.e2e.test.ts runs the README's line.
      .filter((line) => !line.startsWith('npx hasim lab '))
      .map((line) =>
        line
          .replace(/^npx hasim /, '')
          .split(/\s+/)
          .flatMap(expandGlob),
      )
  );
}

/** `dir/*.ext` as the shell would expand it (the binary is spawned without a shell). */
function expandGlob(arg: string): string[] {
  const m = /^([\w./-]+)\/\*(\.\w+)$/.exec(arg);
  if (!m) return [arg];
  const [, dir = '', ext = ''] = m;
  return readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => `${dir}/${f}`);
}

describe('the README tour', () => {
  const commands = readmeCommands();

  it('has commands to check', () => {
    expect(commands.length).toBeGreaterThanOrEqual(8);
  });

  it.each(commands.map((args) => ({ name: args.join(' '), args })))(
    'runs `hasim $name` with exit 0',
    async ({ args }) => {
      const r = await runBin(args);
      expect({ code: r.code, stderr: r.stderr.includes('internal error') }).toEqual({
        code: 0,
        stderr: false,
      });
    },
  );
});
