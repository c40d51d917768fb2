#!/usr/bin/env node
// Prints where the time goes in CPU profiles: `node bench/profile.mjs FILE.cpuprofile|DIR [--top N]`.
import { statSync } from 'node:fs';
import { formatProfile, newestProfile, summarizeProfile } from './lib/profile.mjs';

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 20;
if (args.length === 0) {
  process.stderr.write('Usage: node bench/profile.mjs FILE.cpuprofile|DIR [--top N]\n');
  process.exit(2);
}
for (const target of args) {
  const file = statSync(target).isDirectory() ? newestProfile(target) : target;
  if (!file) {
    process.stderr.write(`no .cpuprofile in ${target}\n`);
    continue;
  }
  process.stdout.write(`${formatProfile(summarizeProfile(file, top))}\n`);
}
