import { inspect } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageWriter, type Connection, type MessageReader } from 'vscode-languageserver/node';
import { messageEncoder } from './messageEncoding';
import { startServer } from './server';

// `createConnection` picks the transport from the command line: --stdio, --node-ipc or --socket=N.
if (process.argv.includes('--help')) {
  process.stdout.write('Usage: policy-gloss-server --stdio | --node-ipc | --socket=PORT\n\nThe Policy Gloss language server.\n');
  process.exit(0);
}
// On stdio, messages are written with an encoder that keeps the JSON of diagnostics already sent. The
// input stays a stream (createConnection accepts one in the reader's place): it then ends the process
// when the input ends, as with --stdio.
const stdio = process.argv.includes('--stdio');
const writer = stdio ? new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: messageEncoder }) : undefined;
const connection = writer ? createConnection(ProposedFeatures.all, process.stdin as unknown as MessageReader, writer) : createConnection(ProposedFeatures.all);
if (writer) redirectConsole(connection);
startServer(connection);

/**
 * stdout carries the protocol: anything a library prints must go to the client's log instead (the
 * library does this itself only when it opens stdio from the command line).
 */
function redirectConsole(connection: Connection): void {
  const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  console.log = (...args: unknown[]) => connection.console.log(text(args));
  console.info = (...args: unknown[]) => connection.console.info(text(args));
  console.debug = (...args: unknown[]) => connection.console.log(text(args));
  console.warn = (...args: unknown[]) => connection.console.warn(text(args));
  console.error = (...args: unknown[]) => connection.console.error(text(args));
}
