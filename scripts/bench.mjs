// npm run bench: timings of hasim's engines, printed, never asserted (targets live in the
// issues and the README). Each module in scripts/bench/ exports `run(log)`; they run in
// name order in this one process, after `tsc` has built dist/.
import { readdir } from 'node:fs/promises';
import { cpus } from 'node:os';

const dir = new URL('./bench/', import.meta.url);
const only = process.argv[2];
const log = (line = '') => process.stdout.write(`${line}\n`);
log(`hasim bench · node ${process.version} · ${cpus().length} cores · ${cpus()[0]?.model ?? '?'}`);
const files = (await readdir(dir))
  .filter((f) => f.endsWith('.mjs') && (!only || f.includes(only)))
  .sort();
if (files.length === 0) log('no benchmarks yet');
for (const file of files) {
  log(`\n== ${file.replace(/\.mjs$/, '')}`);
  const mod = await import(new URL(file, dir).href);
  await mod.run(log);
}
