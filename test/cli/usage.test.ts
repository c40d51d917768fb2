import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT, runCli } from './runCli';

const packageVersion = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('policy-gloss usage', () => {
  it('prints the overall help with --help, -h and no arguments', () => {
    for (const args of [['--help'], ['-h'], []]) {
      const run = runCli(args);
      assert.equal(run.status, 0, args.join(' '));
      assert.match(run.stdout, /^Usage: policy-gloss <command> \[options\]/);
      assert.match(run.stdout, /check \[PATH\.\.\.\]/);
      assert.match(run.stdout, /scan \[PATH\.\.\.\]/);
      assert.equal(run.stderr, '');
    }
  });

  it('prints the version of the package', () => {
    const run = runCli(['--version']);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, `${packageVersion}\n`);
  });

  it('prints each command’s help with <command> --help, -h and help <command>', () => {
    for (const command of ['check', 'scan']) {
      for (const args of [[command, '--help'], [command, '-h'], ['help', command], [command, 'some/path', '--help']]) {
        const run = runCli(args);
        assert.equal(run.status, 0, args.join(' '));
        assert.ok(run.stdout.startsWith(`Usage: policy-gloss ${command} [PATH...] [options]\n`), run.stdout);
        assert.match(run.stdout, /--glossary FILE/);
        assert.equal(run.stderr, '');
      }
    }
    assert.match(runCli(['check', '--help']).stdout, /--format FORMAT +text \(default\), json, or sarif/);
    assert.match(runCli(['check', '--help']).stdout, /--max-warnings N/);
    assert.doesNotMatch(runCli(['scan', '--help']).stdout, /--max-warnings/);
  });

  const badUsage: { args: string[]; message: RegExp; help: string }[] = [
    { args: ['frobnicate'], message: /^policy-gloss: unknown command 'frobnicate'$/m, help: 'policy-gloss --help' },
    { args: ['--frobnicate'], message: /^policy-gloss: unknown option '--frobnicate'$/m, help: 'policy-gloss --help' },
    { args: ['help', 'frobnicate'], message: /^policy-gloss: unknown command 'frobnicate'$/m, help: 'policy-gloss --help' },
    { args: ['check', '--frobnicate', 'workspace'], message: /^policy-gloss: unknown option '--frobnicate'$/m, help: 'policy-gloss check --help' },
    { args: ['check', '--format', 'xml', 'workspace'], message: /^policy-gloss: 'xml' is not a format of check; use text, json, sarif$/m, help: 'policy-gloss check --help' },
    { args: ['scan', '--format', 'sarif', 'workspace'], message: /^policy-gloss: 'sarif' is not a format of scan; use json$/m, help: 'policy-gloss scan --help' },
    { args: ['scan', '--max-warnings', '3', 'workspace'], message: /--max-warnings applies to check only/, help: 'policy-gloss scan --help' },
    { args: ['check', '--max-warnings', 'many', 'workspace'], message: /--max-warnings takes a whole number of 0 or more, not 'many'/, help: 'policy-gloss check --help' },
    { args: ['check', '--max-warnings=-1', 'workspace'], message: /--max-warnings takes a whole number of 0 or more, not '-1'/, help: 'policy-gloss check --help' },
    { args: ['check', 'workspace', '--max-warnings'], message: /^policy-gloss: option '--max-warnings' needs a value$/m, help: 'policy-gloss check --help' },
    { args: ['check', 'workspace', '--glossary'], message: /^policy-gloss: option '--glossary' needs a value$/m, help: 'policy-gloss check --help' },
    { args: ['check', '--help=yes'], message: /^policy-gloss: option '--help' takes no value$/m, help: 'policy-gloss check --help' },
    { args: ['check', '--max-file-size', 'huge', 'workspace'], message: /--max-file-size takes a size such as 500K or 20M, not 'huge'/, help: 'policy-gloss check --help' },
    { args: ['check', '--severity', 'unknown-official', 'workspace'], message: /--severity takes CODE=LEVEL such as unknown-official=warning, not 'unknown-official'/, help: 'policy-gloss check --help' },
    { args: ['check', '--severity', 'unknown-offical=error', 'workspace'], message: /^policy-gloss: --severity: unknown diagnostic code 'unknown-offical' \(known: unknown-document, /m, help: 'policy-gloss check --help' },
    { args: ['scan', '-s', 'unknown-official=fatal', 'workspace'], message: /^policy-gloss: --severity: 'unknown-official' must be error, warning, information, hint or off$/m, help: 'policy-gloss scan --help' },
  ];
  for (const { args, message, help } of badUsage) {
    it(`exits 2 with a message for bad usage: ${args.join(' ')}`, () => {
      const run = runCli(args);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, message);
      assert.ok(run.stderr.endsWith(`Run '${help}' for usage.\n`), run.stderr);
    });
  }

  it('exits 2 when a PATH does not exist, naming it', () => {
    for (const command of ['check', 'scan']) {
      const run = runCli([command, 'workspace', 'no-such-folder']);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, 'policy-gloss: no such file or directory: no-such-folder\n');
    }
  });

  it('exits 2 when a glossary named with --glossary cannot be read', () => {
    const missing = runCli(['check', '--glossary', 'missing.glossary.yaml', 'workspace']);
    assert.equal(missing.status, 2);
    assert.equal(missing.stdout, '');
    assert.equal(missing.stderr, 'policy-gloss: cannot read glossary missing.glossary.yaml: no such file\n');

    const folder = runCli(['scan', '--glossary', 'workspace', 'workspace']);
    assert.equal(folder.status, 2);
    assert.equal(folder.stdout, '');
    assert.equal(folder.stderr, 'policy-gloss: cannot read glossary workspace: is a directory\n');
  });
});
