// The CLI as a user runs it, whole process (node start-up included), issue 9: `hasim --version`
// and `hasim validate` of one file (medians of 9 runs), and `hasim simulate --trials 200000
// --workers 1` of the 3-master, 3-zone example with worker and zone failures (one run).
import { fileURLToPath } from 'node:url';
import { medianTimes } from './lib/child-process-time.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = 'dist/cli/bin.js';
const sec = (x) => `${x.toFixed(3)} s`;
const show = (t) => `${sec(t.wall)} wall ${sec(t.cpu)} cpu`;
/** The run's own time on a shared machine: the wall time, or the CPU time when that is less. */
const own = (t) => (Number.isNaN(t.cpu) ? t.wall : Math.min(t.wall, t.cpu));
const mark = (t) => (t.cpu < t.wall ? ' (cpu)' : '');

export async function run(log, target = () => {}) {
  const bare = medianTimes(['-e', '0'], ROOT, 9);
  log(`node -e 0 (the floor)`.padEnd(52) + show(bare));
  const version = medianTimes([BIN, '--version'], ROOT, 9);
  log(`hasim --version`.padEnd(52) + show(version));
  const validate = medianTimes([BIN, 'validate', 'scenarios/three-zones-stacked.yaml'], ROOT, 9);
  log(`hasim validate scenarios/three-zones-stacked.yaml`.padEnd(52) + show(validate));
  target(
    'hasim --version, whole process (median of 9)',
    sec(own(version)) + mark(version),
    '< 0.5 s',
    own(version) < 0.5,
  );
  target(
    'hasim validate <one file>, whole process (median of 9)',
    sec(own(validate)) + mark(validate),
    '< 0.5 s',
    own(validate) < 0.5,
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
  const simulate = medianTimes([BIN, ...args], ROOT, 1);
  log(`hasim ${args.join(' ')}\n`.padEnd(52) + show(simulate));
  target(
    'simulate --trials 200000 --workers 1, 3-master example, whole process',
    sec(own(simulate)) + mark(simulate),
    '< 2.5 s',
    own(simulate) < 2.5,
  );
}
