// Bundles the entry points (client, server, CLI and the server's index worker). The server and CLI carry a shebang so that they work as npm bins.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { BUNDLE_OPTIONS } from './bundle-options.mjs';

const common = { ...BUNDLE_OPTIONS, minify: process.argv.includes('--minify') };

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // Worker threads of the initial index; the server starts them from the file next to its own.
  build({ ...common, entryPoints: ['server/src/node/indexWorker.ts'], outfile: 'dist/indexWorker.js' }),
]);
chmodSync('dist/server.js', 0o755);
chmodSync('dist/cli.js', 0o755);
