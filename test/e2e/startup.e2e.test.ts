import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';

/**
 * Which modules a run of the built binary loads, reported by a module-loading hook: start-up
 * cost is what gets loaded, so this checks it without timing anything (`npm run bench` times it).
 */
const HOOK = `export async function load(url, context, next) {
  if (url.startsWith('file:')) process._rawDebug('LOADED ' + url);
  return next(url, context);
}`;
const REGISTER = `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(HOOK)}));`;

function loadedBy(args: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [
        '--import',
        `data:text/javascript,${encodeURIComponent(REGISTER)}`,
        'dist/cli/bin.js',
        ...args,
      ],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } },
      (error, _stdout, stderr) => {
        if (error !== null) reject(new Error(`hasim ${args.join(' ')} failed: ${stderr}`));
        else
          resolve(
            stderr
              .split('\n')
              .filter((l) => l.startsWith('LOADED '))
              .map((l) => l.slice('LOADED '.length)),
          );
      },
    );
  });
}

const packagesOf = (urls: string[]): string[] =>
  [
    ...new Set(urls.flatMap((u) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1] ?? [])),
  ].sort();
const distFolders = (urls: string[]): string[] =>
  [...new Set(urls.flatMap((u) => /\/dist\/([^/]+)\//.exec(u)?.[1] ?? []))].sort();

describe('start-up (built binary)', () => {
  it('--version and --help load the CLI shell only: commander and chalk, no command', async () => {
    for (const args of [['--version'], ['--help']]) {
      const loaded = await loadedBy(args);
      expect(loaded.some((u) => u.endsWith('/dist/cli/bin.js'))).toBe(true); // the hook works
      expect(packagesOf(loaded)).toEqual(['chalk', 'commander']);
      expect(distFolders(loaded)).toEqual(['cli']);
      expect(
        loaded.filter((u) => u.includes('/dist/cli/commands/')).map((u) => u.replace(/.*\//, '')),
      ).toEqual(['index.js']);
    }
  });

  it('validate loads the scenario reader, not the engines, the tables or the charts', async () => {
    const loaded = await loadedBy(['validate', 'scenarios/three-zones-stacked.yaml']);
    expect(packagesOf(loaded)).toEqual(['chalk', 'commander', 'yaml', 'zod']);
    expect(distFolders(loaded)).not.toContain('sim');
    expect(distFolders(loaded)).not.toContain('exact');
    expect(distFolders(loaded)).not.toContain('report');
  });

  it('report --help does not load vega', async () => {
    const loaded = await loadedBy(['report', '--help']);
    expect(packagesOf(loaded).filter((p) => p.startsWith('vega'))).toEqual([]);
  });
});

/** Every module a dist file imports, transitively (static and dynamic imports): dist paths and packages. */
function importGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
      const spec = m[1] ?? '';
      if (spec.startsWith('.')) visit(relative(ROOT, join(ROOT, dirname(file), spec)));
      else if (!spec.startsWith('node:')) packages.add(spec);
    }
  };
  visit(entry);
  return { files: [...files].sort(), packages: [...packages].sort() };
}

describe('worker threads (built package)', () => {
  it('load the simulation core only: no CLI, no zod, yaml or tables', () => {
    const graph = importGraph('dist/sim/run/worker-entry.js');
    expect(graph.files).toContain('dist/sim/engine/trial-engine.js'); // the scan follows imports
    expect(graph.packages).toEqual(['seedrandom']);
    const folders = new Set(graph.files.map((f) => f.split('/').slice(1, -1)[0]));
    expect([...folders].sort()).toEqual(['model', 'sim']);
  });
});
