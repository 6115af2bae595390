// npm's `prepare`: compile src/ to dist/ after `npm ci` or `npm install` in a clone. npm (11)
// also runs it when `npx hasim` in a clone links the checkout into npx's cache to run its own
// bin (npm_command=exec); dist/ was built by `npm ci` then, so that call is skipped instead of
// recompiling the project for every new clone (~20 s). `npm run build` always compiles.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

if (process.env.npm_command === 'exec' && existsSync('dist/cli/bin.js')) process.exit(0);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
