// npm run bench: timings of hasim's engines, printed, never asserted (targets live in the
// issues and the README). Each module in scripts/bench/ exports `run(log, target)`; they run in
// name order in this one process, after `tsc` has built dist/. `target(label, value, goal, pass)`
// records a figure with its goal; the run ends with every recorded figure, PASS or MISS.
// `npm run bench -- simulate` runs only the modules whose name contains "simulate".
import { readdir } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

const dir = new URL('./bench/', import.meta.url);
const only = process.argv[2];
const log = (line = '') => process.stdout.write(`${line}\n`);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(', ');
log(`hasim bench · node ${process.version} · ${cpus().length} cores · ${cpus()[0]?.model ?? '?'}`);
log(`load average at the start: ${load()} (above the core count, other processes share the cores)`);
const targets = [];
const target = (label, value, goal, pass) => targets.push({ label, value, goal, pass });
const files = (await readdir(dir))
  .filter((f) => f.endsWith('.mjs') && (!only || f.includes(only)))
  .sort();
if (files.length === 0) log('no benchmarks yet');
const start = performance.now();
for (const file of files) {
  log(`\n== ${file.replace(/\.mjs$/, '')}`);
  const mod = await import(new URL(file, dir).href);
  await mod.run(log, target);
}
if (targets.length > 0) {
  log(`\n== targets (issue 9)`);
  const width = Math.max(...targets.map((t) => t.label.length));
  for (const t of targets)
    log(
      `${t.pass ? 'PASS' : 'MISS'}  ${t.label.padEnd(width)}  ${t.value.padStart(16)}   target ${t.goal}`,
    );
  const missed = targets.filter((t) => !t.pass).length;
  log(`${targets.length - missed} of ${targets.length} targets met`);
}
log(
  `\nbench took ${((performance.now() - start) / 1000).toFixed(0)} s; load average at the end: ${load()} on ${cpus().length} cores`,
);
