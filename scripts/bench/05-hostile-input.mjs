// Hostile scenario texts (issue 10): how long loading takes for the inputs that once crashed,
// stalled or went quadratic. Printed, never asserted.
import { performance } from 'node:perf_hooks';
import { loadScenarioText } from '../../dist/io/read-scenario.js';

function once(fn) {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export async function run(log) {
  const keys = (n) => Array.from({ length: n }, (_, i) => `k${i + 1}: ${i + 1}`).join('\n');
  const inputs = [
    ['30 nested { (was 6.7 s, 1.5 GB, exit 1)', '{'.repeat(30)],
    ['1,000 nested { (was 390 s)', '{'.repeat(1000)],
    ['30 "? " then a (was exit 1)', `${'? '.repeat(30)}a`],
    ['2 MB of [ (the size limit)', '['.repeat(2 * 1024 * 1024)],
    ['20,000 unknown keys (was 7.6 s)', keys(20_000)],
    ['100,000 unknown keys (was 114 s)', keys(100_000)],
  ];
  for (const [name, text] of inputs) {
    const ms = once(() => loadScenarioText(text, 'x.yaml'));
    log(`load ${name.padEnd(42)} ${ms.toFixed(0).padStart(7)} ms`);
  }
}
