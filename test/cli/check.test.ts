import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { FIXTURES, parseJson, range, REPO_ROOT, runCli } from './runCli';

/** `path:line:column: severity code message`, 1-based. */
const DIAGNOSTIC_LINE = /^(?<path>[^:\n]+):(?<line>[1-9]\d*):(?<column>[1-9]\d*): (?<severity>error|warning|information|hint) (?<code>[a-z0-9-]+) (?<message>\S.*)$/;
const SUMMARY_LINE = /^Checked \d+ documents? and \d+ glossary files?: (no problems|\d+ [a-z, \d]+)( \(\d+ files? skipped\))?\.$/;

const BROKEN_LINE = 'broken/broken.glossary.yaml:4:11: error yaml-syntax ';

describe('policy-gloss check', () => {
  it('exits 0 and prints only the summary for a clean workspace', () => {
    const run = runCli(['check', 'workspace']);
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, 'Checked 2 documents and 1 glossary file: no problems.\n');
    assert.equal(run.status, 0);
  });

  it('checks the current directory when no PATH is given', () => {
    const run = runCli(['check'], { cwd: path.join(FIXTURES, 'workspace') });
    assert.equal(run.stdout, 'Checked 2 documents and 1 glossary file: no problems.\n');
    assert.equal(run.status, 0);
  });

  it('reports glossary-file diagnostics at their file, line and column and exits 1 on an error', () => {
    const run = runCli(['check', 'broken']);
    assert.equal(run.status, 1);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2, run.stdout);
    assert.ok(lines[0].startsWith(BROKEN_LINE), lines[0]);
    assert.match(lines[0], DIAGNOSTIC_LINE);
    assert.equal(lines[1], 'Checked 1 document and 1 glossary file: 1 error.');
    assert.match(lines[1], SUMMARY_LINE);
  });

  it('reports what recognition finds in documents, sorted by position, and exits 1 on an error', () => {
    const run = runCli(['check', 'findings']);
    assert.equal(run.status, 1, 'an unknown annotation is an error');
    const lines = run.stdout.trimEnd().split('\n');
    const summary = lines.pop()!;
    const found = lines.map((line) => {
      const match = DIAGNOSTIC_LINE.exec(line);
      assert.ok(match, line);
      return match.groups!;
    });
    assert.deepEqual(
      found.map((d) => `${d.path}:${d.line}:${d.column} ${d.code}`),
      [
        'findings/report.md:8:23 unknown-official',
        'findings/report.md:9:54 unknown-document',
        'findings/report.md:10:21 unknown-annotation',
      ],
    );
    assert.match(found[0].message, /Ho Duc Phoc/);
    assert.match(found[1].message, /250\/2025\/QH15/);
    assert.equal(found[2].severity, 'error');
    assert.match(found[2].message, /no-such-entry/);
    assert.match(summary, SUMMARY_LINE);
    assert.match(summary, /^Checked 1 document and 1 glossary file: 1 error, /);
  });

  it('applies --severity per code: raised to error fails the run, off drops the code', () => {
    const run = runCli(['check', '--severity', 'unknown-official=error', '-s', 'unknown-document=off', '--severity=unknown-annotation=warning', 'findings']);
    const lines = run.stdout.trimEnd().split('\n');
    const summary = lines.pop()!;
    assert.deepEqual(
      lines.map((line) => {
        const d = DIAGNOSTIC_LINE.exec(line)!.groups!;
        return `${d.path}:${d.line}:${d.column} ${d.severity} ${d.code}`;
      }),
      ['findings/report.md:8:23 error unknown-official', 'findings/report.md:10:21 warning unknown-annotation'],
    );
    assert.equal(summary, 'Checked 1 document and 1 glossary file: 1 error, 1 warning.');
    assert.equal(run.status, 1);

    const relaxed = runCli(['check', '--severity', 'unknown-annotation=information', 'findings']);
    assert.equal(relaxed.status, 0, relaxed.stdout);
  });

  it('prints paths as given, joined with the relative path, sorted by path then position', () => {
    const run = runCli(['check', './workspace/', 'broken'], { cwd: FIXTURES });
    const lines = run.stdout.trimEnd().split('\n');
    assert.ok(lines[0].startsWith(BROKEN_LINE), lines[0]);
    assert.equal(lines.at(-1), 'Checked 3 documents and 2 glossary files: 1 error.');

    const fromInside = runCli(['check', '../broken'], { cwd: path.join(FIXTURES, 'workspace') });
    assert.ok(fromInside.stdout.startsWith('../broken/broken.glossary.yaml:4:11: error yaml-syntax '), fromInside.stdout);

    const absolute = path.join(FIXTURES, 'broken');
    const fromAbsolute = runCli(['check', absolute], { cwd: REPO_ROOT });
    assert.ok(fromAbsolute.stdout.startsWith(`${absolute.split(path.sep).join('/')}/broken.glossary.yaml:4:11: `), fromAbsolute.stdout);

    const explicitFile = runCli(['check', 'broken/broken.glossary.yaml']);
    assert.ok(explicitFile.stdout.startsWith(BROKEN_LINE), explicitFile.stdout);
    assert.equal(explicitFile.stdout.trimEnd().split('\n').at(-1), 'Checked 0 documents and 1 glossary file: 1 error.');
  });

  it('checks every file named on the command line, whatever its extension', () => {
    const run = runCli(['check', 'workspace/readme.rst', 'workspace/policy.glossary.yaml']);
    assert.equal(run.stdout, 'Checked 1 document and 1 glossary file: no problems.\n');
    assert.equal(run.status, 0);
  });

  it('uses only the --glossary files when given, merging several', () => {
    const withOther = runCli(['check', '--format', 'json', '--glossary', 'other-glossary/extra.glossary.yaml', 'workspace']);
    const output = parseJson(withOther) as { glossary: { files: string[]; entries: number } };
    assert.deepEqual(output.glossary, { files: ['other-glossary/extra.glossary.yaml'], entries: 1 });

    const both = runCli(['check', '--format=json', '-g', 'other-glossary/extra.glossary.yaml', '--glossary', 'workspace/policy.glossary.yaml', 'workspace']);
    const merged = parseJson(both) as { glossary: { files: string[]; entries: number } };
    assert.deepEqual(merged.glossary, { files: ['other-glossary/extra.glossary.yaml', 'workspace/policy.glossary.yaml'], entries: 5 });

    // A broken glossary found under PATH is not loaded when --glossary names another.
    const overridden = runCli(['check', '--glossary', 'workspace/policy.glossary.yaml', 'broken']);
    assert.equal(overridden.stdout, 'Checked 1 document and 1 glossary file: no problems.\n');
    assert.equal(overridden.status, 0);
  });

  it('reports glossary problems that span files at each file, pointing to the other one', () => {
    const run = runCli(['check', '--format', 'json', 'workspace', 'findings']);
    assert.equal(run.status, 1);
    const output = parseJson(run) as { diagnostics: { path: string; code: string; range: ReturnType<typeof range>; related?: { path: string }[] }[] };
    // Both glossaries define `le-hoai-trung` and `asean`.
    const duplicates = output.diagnostics.filter((d) => d.code === 'duplicate-id');
    assert.deepEqual(
      duplicates.map((d) => [d.path, d.range.start.line]),
      [
        ['findings/findings.glossary.yaml', 2],
        ['findings/findings.glossary.yaml', 17],
        ['workspace/policy.glossary.yaml', 4],
        ['workspace/policy.glossary.yaml', 23],
      ],
    );
    for (const d of duplicates) {
      const other = d.path.startsWith('findings/') ? 'workspace/policy.glossary.yaml' : 'findings/findings.glossary.yaml';
      assert.deepEqual(d.related?.map((r) => r.path), [other]);
    }
  });

  it('writes JSON with every diagnostic, its path and 0-based range, and the counts', () => {
    const run = runCli(['check', '--format', 'json', 'workspace', 'broken']);
    assert.equal(run.status, 1);
    const output = parseJson(run) as Record<string, unknown> & { diagnostics: Record<string, unknown>[] };
    assert.deepEqual(Object.keys(output), ['version', 'glossary', 'documents', 'skipped', 'diagnostics', 'summary']);
    assert.equal(output.version, 1);
    assert.deepEqual(output.glossary, { files: ['broken/broken.glossary.yaml', 'workspace/policy.glossary.yaml'], entries: 4 });
    assert.equal(output.documents, 3);
    assert.deepEqual(output.skipped, []);
    assert.equal(output.diagnostics.length, 1);
    const [diagnostic] = output.diagnostics;
    assert.deepEqual(Object.keys(diagnostic), ['path', 'code', 'severity', 'message', 'range']);
    assert.equal(diagnostic.path, 'broken/broken.glossary.yaml');
    assert.equal(diagnostic.code, 'yaml-syntax');
    assert.equal(diagnostic.severity, 'error');
    assert.equal(typeof diagnostic.message, 'string');
    assert.deepEqual((diagnostic.range as ReturnType<typeof range>).start, { line: 3, character: 10 });
    assert.deepEqual(output.summary, { errors: 1, warnings: 0, information: 0, hints: 0 });
  });

  it('prints the same bytes on every run', () => {
    const args = ['check', '--format', 'json', 'workspace', 'broken', 'other-glossary'];
    assert.equal(runCli(args).stdout, runCli(args).stdout);
  });

  it('shows the sample workspace’s findings from the repository root', () => {
    const run = runCli(['check', 'samples'], { cwd: REPO_ROOT });
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    const summary = lines.pop()!;
    assert.match(summary, SUMMARY_LINE);
    assert.match(summary, /^Checked \d+ documents and 1 glossary file: /);
    for (const line of lines) {
      const match = DIAGNOSTIC_LINE.exec(line);
      assert.ok(match, line);
      assert.ok(match.groups!.path.startsWith('samples/'), line);
    }
    assert.equal(run.status, lines.some((l) => DIAGNOSTIC_LINE.exec(l)!.groups!.severity === 'error') ? 1 : 0);
  });
});

describe('policy-gloss check --format sarif', () => {
  const schema = JSON.parse(readFileSync(path.join(FIXTURES, 'sarif-2.1.0-subset.schema.json'), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const assertValidSarif = (log: unknown) => assert.ok(validate(log), ajv.errorsText(validate.errors, { separator: '\n' }));

  interface SarifLog {
    $schema: string;
    version: string;
    runs: {
      tool: { driver: { name: string; version: string; rules: { id: string }[] } };
      columnKind: string;
      results: {
        ruleId: string;
        ruleIndex: number;
        level: string;
        message: { text: string };
        locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
        relatedLocations?: { physicalLocation: { artifactLocation: { uri: string } } }[];
      }[];
      invocations: { executionSuccessful: boolean; toolExecutionNotifications?: unknown[] }[];
    }[];
  }

  it('writes a valid SARIF 2.1.0 log with rules, levels and 1-based regions', () => {
    const run = runCli(['check', '--format', 'sarif', 'workspace', 'broken']);
    assert.equal(run.status, 1);
    assert.equal(run.stderr, '');
    const log = parseJson(run) as SarifLog;
    assertValidSarif(log);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const [sarifRun] = log.runs;
    assert.equal(sarifRun.tool.driver.name, 'policy-gloss');
    assert.equal(sarifRun.columnKind, 'utf16CodeUnits');
    assert.equal(sarifRun.results.length, 1);
    const [result] = sarifRun.results;
    assert.equal(result.ruleId, 'yaml-syntax');
    assert.equal(sarifRun.tool.driver.rules[result.ruleIndex].id, 'yaml-syntax');
    assert.equal(result.level, 'error');
    const { artifactLocation, region } = result.locations[0].physicalLocation;
    assert.deepEqual(artifactLocation, { uri: 'broken/broken.glossary.yaml', uriBaseId: '%SRCROOT%' });
    assert.equal(region.startLine, 4);
    assert.equal(region.startColumn, 11);
    assert.deepEqual(sarifRun.invocations, [{ executionSuccessful: true }]);
  });

  it('writes document findings with their rule, level and region', () => {
    const run = runCli(['check', '--format', 'sarif', 'findings', 'broken']);
    assert.equal(run.status, 1);
    const log = parseJson(run) as SarifLog;
    assertValidSarif(log);
    const [sarifRun] = log.runs;
    const summary = sarifRun.results.map((r) => {
      const { artifactLocation, region } = r.locations[0].physicalLocation;
      assert.equal(sarifRun.tool.driver.rules[r.ruleIndex].id, r.ruleId);
      return `${artifactLocation.uri}:${region.startLine}:${region.startColumn}-${region.endLine}:${region.endColumn} ${r.ruleId}`;
    });
    assert.deepEqual(summary, [
      'broken/broken.glossary.yaml:4:11-4:12 yaml-syntax',
      'findings/report.md:8:23-8:34 unknown-official',
      'findings/report.md:9:54-9:67 unknown-document',
      'findings/report.md:10:21-10:34 unknown-annotation',
    ]);
    const annotation = sarifRun.results[3];
    assert.equal(annotation.level, 'error');
    for (const r of sarifRun.results.slice(1, 3)) assert.ok(['error', 'warning', 'note'].includes(r.level));
  });

  it('writes related locations of glossary problems that span files', () => {
    const log = parseJson(runCli(['check', '--format', 'sarif', 'workspace', 'findings'])) as SarifLog;
    assertValidSarif(log);
    const duplicates = log.runs[0].results.filter((r) => r.ruleId === 'duplicate-id');
    assert.equal(duplicates.length, 4);
    for (const r of duplicates) {
      const own = r.locations[0].physicalLocation.artifactLocation.uri;
      assert.equal(r.relatedLocations?.length, 1);
      assert.notEqual(r.relatedLocations![0].physicalLocation.artifactLocation.uri, own);
    }
  });

  it('writes a valid empty log for a clean workspace, with the rules of every document check', () => {
    const run = runCli(['check', '--format', 'sarif', 'workspace']);
    assert.equal(run.status, 0);
    const log = parseJson(run) as SarifLog;
    assertValidSarif(log);
    assert.deepEqual(log.runs[0].results, []);
    const ruleIds = log.runs[0].tool.driver.rules.map((r) => r.id);
    for (const code of ['unknown-document', 'unknown-official', 'unknown-annotation', 'invalid-encoding', 'yaml-syntax', 'duplicate-id']) {
      assert.ok(ruleIds.includes(code), code);
    }
    assert.equal(new Set(ruleIds).size, ruleIds.length, 'rule ids are unique');
  });

  it('encodes paths as URI references and absolute paths as file URIs', () => {
    const absolute = path.join(FIXTURES, 'broken');
    const log = parseJson(runCli(['check', '--format', 'sarif', absolute])) as SarifLog;
    assertValidSarif(log);
    const { artifactLocation } = log.runs[0].results[0].locations[0].physicalLocation;
    assert.ok(artifactLocation.uri.startsWith('file:///'), artifactLocation.uri);
    assert.ok(artifactLocation.uri.endsWith('/broken/broken.glossary.yaml'), artifactLocation.uri);
    assert.equal(artifactLocation.uriBaseId, undefined);
  });

  it('is checked by a schema that rejects what SARIF forbids', () => {
    const log = parseJson(runCli(['check', '--format', 'sarif', 'broken'])) as SarifLog;
    assertValidSarif(log);
    const tampered = JSON.parse(JSON.stringify(log)) as SarifLog;
    tampered.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    assert.equal(validate(tampered), false);
    const badLevel = JSON.parse(JSON.stringify(log)) as SarifLog;
    badLevel.runs[0].results[0].level = 'information';
    assert.equal(validate(badLevel), false);
    const extra = JSON.parse(JSON.stringify(log)) as SarifLog & { extra?: boolean };
    extra.extra = true;
    assert.equal(validate(extra), false);
  });
});
