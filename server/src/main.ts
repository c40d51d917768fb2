import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// `createConnection` picks the transport from the command line: --stdio, --node-ipc or --socket=N.
if (process.argv.includes('--help')) {
  process.stdout.write('Usage: policy-gloss-server --stdio | --node-ipc | --socket=PORT\n\nThe Policy Gloss language server.\n');
  process.exit(0);
}
startServer(createConnection(ProposedFeatures.all));
