// Wall and CPU seconds of a child process, for the whole-process figures of npm run bench. The
// CPU time (Linux: the children's user + system time in /proc/self/stat, which a finished child
// adds to) is what the run itself used; on a shared machine the wall time also counts the time
// it waited for a core.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function childrenCpu() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ": state is field 3, so cutime (16) and cstime (17) are at 13 and 14.
    return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN; // not Linux: CPU time unknown
  }
}

/** Runs `node argv` in `cwd`; throws if it fails. */
export function timeNode(argv, cwd) {
  const cpu = childrenCpu();
  const start = performance.now();
  const r = spawnSync(process.execPath, argv, { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`node ${argv.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return { wall, cpu: childrenCpu() - cpu, stdout: r.stdout };
}

/** Median wall and CPU seconds of `runs` runs. */
export function medianTimes(argv, cwd, runs) {
  const all = Array.from({ length: runs }, () => timeNode(argv, cwd));
  const mid = (xs) => xs.sort((a, b) => a - b)[Math.floor(runs / 2)];
  return { wall: mid(all.map((t) => t.wall)), cpu: mid(all.map((t) => t.cpu)) };
}
