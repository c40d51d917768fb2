import { inspect } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures, StreamMessageWriter, type Connection, type MessageReader } from 'vscode-languageserver/node';
import { messageEncoder } from './messageEncoding';
import { startServer } from './server';

// Some work makes large structures that live until the next change and then die: each edit of a
// glossary file builds a new glossary (a 10k-entry file: tens of megabytes), each keystroke in a large
// document a new text (1 MB of Vietnamese: 2 MB of UTF-16). Minor collections move what is alive to the
// old generation, where only a full collection frees it, and by default V8 lets the old generation grow
// to up to four times what survived the last full collection before collecting it again: a run of
// edits swelled the server by hundreds of megabytes of dead glossaries and texts (a 100 MB workspace:
// over 500 MB). Growing by at most 50% keeps it near what is alive; with a live heap of tens of
// megabytes a full collection is short and mostly concurrent. Set here, so that it holds however the
// server is started (the extension, the bin, the benchmarks).
setFlagsFromString('--heap-growing-percent=50');

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
