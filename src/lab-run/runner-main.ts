/**
 * The lab runner's entry point, run by spawn-runner.ts (inside private network, mount and PID
 * namespaces when it can: then it is PID 1 there, and every etcd it starts dies with it). Reads
 * the request from stdin, runs it, writes progress and the observation as JSON lines. Ctrl-C,
 * SIGTERM, SIGHUP or stdin closing stop it early: it still kills its members and reports.
 */
import { rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { runLab } from './run-lab.js';
import type { RunnerMessage, RunnerRequest } from './runner-protocol.js';

const abort = new AbortController();
const send = (m: RunnerMessage): Promise<void> =>
  new Promise((resolve) => process.stdout.write(`${JSON.stringify(m)}\n`, () => resolve()));

// hasim may be gone (killed): writing to it must not crash the cleanup.
process.stdout.on('error', () => undefined);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => abort.abort());
}

async function main(): Promise<number> {
  const lines = createInterface({ input: process.stdin });
  const first = await new Promise<string | null>((resolve) => {
    lines.once('line', resolve);
    lines.once('close', () => resolve(null));
  });
  if (first === null) return 1;
  // Anything after the request, or the end of stdin, means stop.
  lines.on('line', () => abort.abort());
  lines.on('close', () => abort.abort());
  const request = JSON.parse(first) as RunnerRequest;
  try {
    const observation = await runLab(request.plan, request.env, {
      progress: (message) => void send({ type: 'progress', message }),
      signal: abort.signal,
    });
    await send({ type: 'observation', observation });
    return 0;
  } finally {
    // hasim removes the folder too; this covers hasim killed outright (SIGKILL).
    await rm(request.env.dir, { recursive: true, force: true, maxRetries: 5 });
  }
}

main().then(
  (code) => process.exit(code),
  async (e: unknown) => {
    await send({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    process.exit(1);
  },
);
