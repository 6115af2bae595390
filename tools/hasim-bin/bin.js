#!/usr/bin/env node
// `npx hasim` in a clone of the repository: npm links this file as node_modules/.bin/hasim
// (hasim-bin is a devDependency of the repository, `file:tools/hasim-bin`), so npx finds a local
// bin and runs it at once instead of installing the package into its cache. It runs the
// checkout's build, ../../dist/cli/bin.js (`npm ci` builds it through `prepare`). Users of the
// published package get the root package.json's "bin" instead; this folder is not packed.
import { existsSync } from 'node:fs';

const cli = new URL('../../dist/cli/bin.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write(
    `hasim: ${cli.pathname} is not built yet; run \`npm run build\` in the repository\n`,
  );
  process.exit(2);
}
await import(cli.href);
