import { execFile } from 'node:child_process';
import {
  cp,
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  writeFile,
  chmod,
  mkdir,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';

/**
 * Every command of the workflow pages (docs/workflows/*.md), in page order, through a shell
 * whose `hasim` is the built binary, in a scratch directory with a copy of scenarios/. Lines
 * that run kubectl or docker (a cluster, an image builder) are skipped; `# exit N` at the end
 * of a line is the exit code it must give.
 */
const PAGES = 'docs/workflows';
let bin = '';

beforeAll(async () => {
  bin = await mkdtemp(join(tmpdir(), 'hasim-docs-bin-'));
  const shim = join(bin, 'hasim');
  await writeFile(
    shim,
    `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'dist/cli/bin.js')}" "$@"\n`,
  );
  await chmod(shim, 0o755);
});
afterAll(async () => {
  await rm(bin, { recursive: true, force: true });
});

interface Step {
  line: string;
  code: number;
}

async function pageSteps(page: string): Promise<Step[]> {
  const text = await readFile(join(ROOT, PAGES, page), 'utf8');
  return [...text.matchAll(/```sh\n([\s\S]*?)```/g)]
    .flatMap((m) => (m[1] ?? '').split('\n'))
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/(^|\|\s*)(kubectl|docker) /.test(l))
    .map((line) => ({ line, code: Number(/# exit (\d+)\s*$/.exec(line)?.[1] ?? 0) }));
}

function sh(line: string, cwd: string): Promise<{ code: number; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      '/bin/sh',
      ['-c', line],
      {
        cwd,
        env: { ...process.env, PATH: `${bin}:${process.env['PATH'] ?? ''}`, NO_COLOR: '1' },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) =>
        resolve({
          code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1,
          stderr,
          stdout,
        }),
    );
  });
}

const pages = (await readdir(join(ROOT, PAGES)))
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .sort();

describe.each(pages)('docs/workflows/%s', (page) => {
  it('has commands, and every one runs with the exit code the page states', async () => {
    const steps = await pageSteps(page);
    expect(steps.length).toBeGreaterThan(0);
    const dir = await mkdtemp(join(tmpdir(), 'hasim-docs-'));
    try {
      await cp(join(ROOT, 'scenarios'), join(dir, 'scenarios'), { recursive: true });
      await mkdir(join(dir, 'test'));
      await symlink(join(ROOT, 'test/fixtures'), join(dir, 'test/fixtures'));
      await symlink(join(ROOT, 'schema'), join(dir, 'schema'));
      for (const step of steps) {
        const r = await sh(step.line, dir);
        expect({
          line: step.line,
          code: r.code,
          internal: r.stderr.includes('internal error'),
          output: r.code === step.code ? '' : r.stdout + r.stderr,
        }).toEqual({
          output: '',
          line: step.line,
          code: step.code,
          internal: false,
        });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
