/** Runs a helper program (ip, nft, etcdctl) to completion and collects its output. */
import { spawn } from 'node:child_process';

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Set when the program could not be started (e.g. ENOENT). */
  error: string | null;
}

export interface CommandOptions {
  /** Written to the program's stdin, which is then closed. */
  input?: string;
  /** Killed after this long (default 30 s). */
  timeoutMs?: number;
}

/** Runs `command args…`; never throws. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: CommandOptions = {},
): Promise<CommandResult> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    const child = spawn(command, args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 30_000,
      killSignal: 'SIGKILL',
    });
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.on('error', () => undefined);
    child.on('error', (e) => resolve({ code: null, stdout, stderr, error: e.message }));
    child.on('close', (code) => resolve({ code, stdout, stderr, error: null }));
    child.stdin.end(options.input ?? '');
  });
}

/** The command's failure in one line, or null when it exited 0. */
export function commandFailure(name: string, r: CommandResult): string | null {
  if (r.error !== null) return `${name}: ${r.error}`;
  if (r.code === 0) return null;
  const why = r.stderr.trim().split('\n').slice(-1)[0] ?? '';
  return `${name} exited ${r.code ?? 'on a signal'}${why === '' ? '' : `: ${why}`}`;
}
