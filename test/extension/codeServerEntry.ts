// Extension-host entry point used when the extension tests run inside code-server
// (test/extension/runInCodeServer.mjs). code-server's extension host has no terminal to print to, so
// mocha's report also goes, line by line, to the file named by POLICY_GLOSS_EXTENSION_TEST_REPORT,
// which the runner prints as it grows. Then it runs the same suite as @vscode/test-electron does.
import { appendFileSync } from 'node:fs';
import { format } from 'node:util';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { run as runSuite } from './suite/index';

/** The last line of the report; the runner reads the failure count from it. */
export const REPORT_END = 'extension tests finished:';

export async function run(): Promise<void> {
  const report = process.env.POLICY_GLOSS_EXTENSION_TEST_REPORT;
  const write = (text: string) => {
    if (report) appendFileSync(report, text + '\n');
  };
  // Every built-in reporter prints through Base.consoleLog.
  const consoleLog = Mocha.reporters.Base.consoleLog;
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
    write(format(...args));
    consoleLog(...args);
  };
  write(`extension tests started in VS Code ${vscode.version} (${vscode.env.appName}, extension host on Node ${process.version})`);
  try {
    await runSuite();
    write(`${REPORT_END} 0 failed`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failed = /^(\d+) extension test/.exec(message)?.[1];
    write(failed ? `${REPORT_END} ${failed} failed` : `${REPORT_END} error: ${message}`);
    throw error;
  } finally {
    Mocha.reporters.Base.consoleLog = consoleLog;
  }
}
