// The CLI as a user runs it, whole process (node start-up included), issue 9: `hasim --version`
// and `hasim validate` of one file (medians of 9 runs), and `hasim simulate --trials 200000
// --workers 1` of the 3-master, 3-zone example with worker and zone failures (one run).
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = 'dist/cli/bin.js';

/** Median wall seconds of `runs` runs of `node argv`; throws if one fails. */
function median(argv, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const r = spawnSync(process.execPath, argv, { cwd: ROOT, encoding: 'utf8' });
    times.push((performance.now() - start) / 1000);
    if (r.status !== 0) throw new Error(`node ${argv.join(' ')}: exit ${r.status}\n${r.stderr}`);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const wall = (args, runs) => median([BIN, ...args], runs);

export async function run(log, target = () => {}) {
  const bare = median(['-e', '0'], 9);
  log(`node -e 0 (the floor)`.padEnd(50) + `${bare.toFixed(3)} s`);
  const version = wall(['--version'], 9);
  log(`hasim --version`.padEnd(50) + `${version.toFixed(3)} s`);
  const validate = wall(['validate', 'scenarios/three-zones-stacked.yaml'], 9);
  log(`hasim validate scenarios/three-zones-stacked.yaml`.padEnd(50) + `${validate.toFixed(3)} s`);
  target(
    'hasim --version, whole process (median of 9)',
    `${version.toFixed(3)} s`,
    '< 0.5 s',
    version < 0.5,
  );
  target(
    'hasim validate <one file>, whole process (median of 9)',
    `${validate.toFixed(3)} s`,
    '< 0.5 s',
    validate < 0.5,
  );
  const args = [
    'simulate',
    'scenarios/three-zones-stacked.yaml',
    '--trials',
    '200000',
    '--workers',
    '1',
    '--seed',
    '1',
    '--json',
  ];
  const simulate = wall(args, 1);
  log(`hasim ${args.join(' ')}`.padEnd(50) + ` ${simulate.toFixed(2)} s`);
  target(
    'simulate --trials 200000 --workers 1, 3-master example, whole process',
    `${simulate.toFixed(2)} s`,
    '< 2.5 s',
    simulate < 2.5,
  );
}
