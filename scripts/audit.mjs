#!/usr/bin/env node
// `npm audit --omit=dev`: known vulnerabilities in the dependencies the extension ships. Fails on any
// finding. Where the registry's advisory service cannot be reached (offline, or a mirror that refuses
// the audit request), it says so and does not fail: there is nothing to judge, and the run must not
// pretend there was.
import { spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = spawnSync(npm, ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = undefined;
}
const counts = report?.metadata?.vulnerabilities;
if (counts) {
  const total = counts.total ?? 0;
  if (total === 0) {
    process.stdout.write(`npm audit --omit=dev: no known vulnerability in ${report.metadata.dependencies?.prod ?? '?'} shipped dependencies\n`);
    process.exit(0);
  }
  process.stdout.write(spawnSync(npm, ['audit', '--omit=dev'], { encoding: 'utf8' }).stdout);
  process.stderr.write(`npm audit --omit=dev: ${total} known vulnerabilities in shipped dependencies\n`);
  process.exit(1);
}
const reason = report?.message ?? report?.error?.summary ?? run.stderr?.trim().split('\n').pop() ?? 'no answer';
process.stdout.write(`npm audit --omit=dev: skipped, the advisory service could not be asked (${reason})\n`);
