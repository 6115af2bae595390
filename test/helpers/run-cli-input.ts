/** Runs the CLI with text on standard input: spawned (the built binary) or in-process. */
import { execFile } from 'node:child_process';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/main.js';
import { ROOT, type CliRun } from './run-cli.js';

const BIN = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));

/** Spawns the built binary from the repository root with `input` on its standard input. */
export function runBinWithInput(
  args: string[],
  input: string,
  env: NodeJS.ProcessEnv = {},
): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
    // A command that does not read its input closes the pipe early: that is not a failure.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
}

/** Runs the CLI in-process with `input` (or no standard input at all) and captured output. */
export async function runInProcessWithInput(
  args: string[],
  input: string | undefined,
  env: NodeJS.ProcessEnv = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    env,
    isTTY: false,
    cwd: ROOT,
    ...(input === undefined ? {} : { stdin: Readable.from([Buffer.from(input, 'utf8')]) }),
  });
  return { code, stdout, stderr };
}
