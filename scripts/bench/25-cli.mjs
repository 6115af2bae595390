// The CLI as a user runs it, whole process (node start-up included), issue 9: `hasim --version`
// and `hasim validate` of one file (medians of 9 runs), and `hasim simulate --trials 200000
// --workers 1` of issue 9's PRISM comparison model (fixtures/prism-ctmc.yaml), sampled plainly
// and with the default method (the plain run, the target's figure, a median of 3), and of the
// three-zones-stacked example with every default failure class with 1 and with 2 workers (one run
// each).
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
  // The issue's target: 200,000 sampled years of its PRISM comparison model (a CTMC: 3 stacked
  // masters over 3 zones, node and zone failures), sampled plainly as PRISM's simulator does it.
  // Printed beside it: the same command with the default method (plain sampling plus the
  // importance-sampling passes its rare metrics call for), and the three-zones-stacked example
  // with every default failure class (~88 events a trial-year, ~60 of them upgrade steps).
  // The target's figure is the median of 3 runs; the others are one run each. The last pair
  // shows what --workers 2 gives a user, whole process (start-up and result included).
  const runs = [
    ['scripts/bench/fixtures/prism-ctmc.yaml', ['--method', 'plain'], 3, '1'],
    ['scripts/bench/fixtures/prism-ctmc.yaml', [], 1, '1'],
    ['scenarios/three-zones-stacked.yaml', [], 1, '1'],
    ['scenarios/three-zones-stacked.yaml', [], 1, '2'],
  ];
  const times = runs.map(([scenario, extra, count, workers]) => {
    const args = [
      'simulate',
      scenario,
      '--trials',
      '200000',
      '--workers',
      workers,
      '--seed',
      '1',
      '--json',
      ...extra,
    ];
    const t = medianTimes([BIN, ...args], ROOT, count);
    log(
      `hasim ${args.join(' ')}${count > 1 ? ` (median of ${count})` : ''}\n`.padEnd(52) + show(t),
    );
    return t;
  });
  const [prism, , full1, full2] = times;
  log(
    `the last two: --workers 2 over 1, whole process`.padEnd(52) +
      `${(full1.wall / full2.wall).toFixed(2)}×`,
  );
  target(
    'simulate --trials 200000 --workers 1 --method plain, the PRISM comparison model (CTMC), whole process',
    `${sec(own(prism)) + mark(prism)} (PRISM's simulator: 24 s, issue 9; ${(24 / own(prism)).toFixed(0)}×)`,
    '< 2.5 s (≥ 10× PRISM)',
    own(prism) < 2.5,
  );
}
