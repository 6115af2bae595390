/**
 * Starts the lab runner (runner-main.js) in a temporary folder and waits for what it observed.
 * Where `unshare` works (root, or user namespaces) the runner gets private network, mount and PID
 * namespaces: its network changes never reach the host, other runs' ports never collide with it,
 * and the kernel kills every process it started when it ends, however it ends. The temporary
 * folder is removed afterwards in every case. Aborting `signal` closes the runner's stdin: it
 * stops, cleans up and still reports what it saw.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { LabObservation } from '../lab/lab-observation.js';
import type { LabPlan } from '../lab/lab-plan.js';
import type { EtcdBinaries } from './find-etcd.js';
import { runCommand } from './run-command.js';
import { parseRunnerMessage, type RunnerRequest } from './runner-protocol.js';

export interface SpawnRunnerOptions {
  /** Never use namespaces (every member on 127.0.0.1, no partitions). */
  noNamespaces: boolean;
  progress: (message: string) => void;
  signal: AbortSignal;
}

export type RunnerOutcome =
  { ok: true; observation: LabObservation } | { ok: false; error: string };

/** The unshare flags giving the runner its own network, mount and PID namespaces. */
const UNSHARE = ['--net', '--mount', '--pid', '--fork', '--kill-child', '--mount-proc'];

/** Runs `plan` in a runner process (namespaced when it can be) and returns its observation. */
export async function runLabInRunner(
  plan: LabPlan,
  etcd: EtcdBinaries,
  options: SpawnRunnerOptions,
): Promise<RunnerOutcome> {
  const dir = await mkdtemp(join(tmpdir(), 'hasim-lab-'));
  try {
    const unshare = options.noNamespaces ? null : await unshareFlags();
    const runner = fileURLToPath(new URL('./runner-main.js', import.meta.url));
    const [command, args] =
      unshare === null
        ? [process.execPath, [runner]]
        : ['unshare', [...unshare, '--', process.execPath, runner]];
    const request: RunnerRequest = {
      plan,
      env: {
        etcd: etcd.etcd,
        etcdctl: etcd.etcdctl,
        etcdVersion: etcd.version,
        dir,
        isolated: unshare !== null,
        isolationNote:
          unshare !== null
            ? null
            : options.noNamespaces
              ? '--no-namespaces'
              : 'unshare cannot create namespaces here (needs root or user namespaces)',
      },
    };
    return await talk(command, args, request, options);
  } finally {
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

// --- internal ---

/** unshare's flags when it works here (as root, or mapping root in a user namespace), else null. */
async function unshareFlags(): Promise<string[] | null> {
  const flags = process.getuid?.() === 0 ? UNSHARE : ['--map-root-user', ...UNSHARE];
  const r = await runCommand('unshare', [...flags, '--', 'true'], { timeoutMs: 10_000 });
  return r.error === null && r.code === 0 ? flags : null;
}

function talk(
  command: string,
  args: string[],
  request: RunnerRequest,
  options: SpawnRunnerOptions,
): Promise<RunnerOutcome> {
  return new Promise((resolve) => {
    // Its own process group: a terminal's Ctrl-C reaches hasim, which then stops the runner.
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    let observation: LabObservation | null = null;
    let error: string | null = null;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child.stdin.on('error', () => undefined);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = parseRunnerMessage(line);
      if (m?.type === 'progress') options.progress(m.message);
      if (m?.type === 'observation') observation = m.observation;
      if (m?.type === 'error') error = m.message;
    });
    const stop = (): void => {
      child.stdin.end();
      // A runner that does not stop within a minute is killed (and with it, its namespace).
      setTimeout(() => child.kill('SIGKILL'), 60_000).unref();
    };
    if (options.signal.aborted) stop();
    else options.signal.addEventListener('abort', stop, { once: true });
    child.on('error', (e) => (error ??= e.message));
    child.on('close', (code) => {
      options.signal.removeEventListener('abort', stop);
      if (observation !== null) resolve({ ok: true, observation });
      else {
        const why = error ?? (stderr.trim().split('\n').slice(-3).join(' | ') || `exit ${code}`);
        resolve({ ok: false, error: why });
      }
    });
    child.stdin.write(`${JSON.stringify(request)}\n`);
  });
}
