// Loading scenarios: parse + validate + normalize time per example file, and how fast a
// 1 MB alias bomb is refused.
import { readdir, readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { loadScenarioText } from '../../dist/io/read-scenario.js';

function time(fn, minMs = 200) {
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    fn();
    runs++;
  }
  return (performance.now() - start) / runs;
}

export async function run(log) {
  const dir = new URL('../../scenarios/', import.meta.url);
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.yaml')).sort()) {
    const text = await readFile(new URL(file, dir), 'utf8');
    const ms = time(() => loadScenarioText(text, file));
    log(`load ${file.padEnd(34)} ${ms.toFixed(2).padStart(7)} ms`);
  }
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i <= 9; i++)
    lines.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  for (let i = 0; lines.join('\n').length < 1024 * 1024; i++)
    lines.push(`p${i}: [${Array(200).fill('*a9').join(', ')}]`);
  const bomb = lines.join('\n');
  const ms = time(() => loadScenarioText(bomb, 'bomb.yaml'), 1000);
  log(
    `refuse a ${(bomb.length / 1024 / 1024).toFixed(2)} MB alias bomb ${ms.toFixed(0).padStart(14)} ms`,
  );
}
