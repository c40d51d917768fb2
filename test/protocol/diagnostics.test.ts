import { strict as assert } from 'node:assert';
import { after, before, beforeEach, describe, it } from 'node:test';
import { CodeActionRequest, DiagnosticSeverity, DiagnosticTag, HoverRequest, type CodeAction, type Diagnostic, type MarkupContent } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../helpers/lspClient';
import { applyWorkspaceEdit, rangeOf, textAt } from '../helpers/text';
import { TempWorkspace } from '../helpers/workspace';

const GLOSSARY = `# Test glossary: keep this comment
entries:
  - id: to-lam
    kind: official
    name: Tô Lâm
    aliases: [To Lam]
    roles:
      - title: General Secretary
        from: 2024-08-03
      - title: State President
        from: 2024-05-22
        to: 2024-10-21
  - id: nguyen-manh-cuong
    kind: official
    name: Nguyễn Mạnh Cường
    aliases: [Nguyen Manh Cuong]
    roles:
      - title: Deputy Minister of Foreign Affairs
        from: 2021
  - id: resolution-59
    kind: resolution
    name: Resolution on international integration
    number: 59-NQ/TW
  - id: resolution-59-government
    kind: resolution
    name: Government resolution on trade
    number: 59/NQ-CP
  - id: people-to-people-diplomacy
    kind: term
    name: people-to-people diplomacy
    status: preferred
  - id: mass-diplomacy
    kind: term
    name: mass diplomacy
    status: deprecated
    use: people-to-people-diplomacy
`;

const REPORT = `date 2026-01-20

Decree 30/2020/NĐ-CP sets the rules. Deputy Prime Minister Ho Duc Phoc spoke.
Resolution 59 was cited. See [[resolution-95]] for details.
They praised mass diplomacy again.
Foreign Minister Nguyen Manh Cuong answered. State President To Lam opened.
Former State President To Lam closed. Nguyễn Manh Cường left.
`;

describe('diagnostics and quick fixes over stdio', () => {
  let workspace: TempWorkspace;
  let client: LspTestClient;
  let reportUri: string;
  let glossaryUri: string;
  let diagnostics: Diagnostic[];

  before(async () => {
    workspace = new TempWorkspace({ 'policy.glossary.yaml': GLOSSARY, 'notes/report.txt': REPORT });
    reportUri = workspace.uri('notes/report.txt');
    glossaryUri = workspace.uri('policy.glossary.yaml');
    client = await LspTestClient.start(workspace.root);
    diagnostics = (await client.openAndDiagnose(reportUri, REPORT)).diagnostics;
  });
  after(async () => {
    await client.stop();
    workspace.dispose();
  });
  // Each test starts from the original report (the previous one left its fix applied).
  beforeEach(async () => {
    if (client) await client.changeAndDiagnose(reportUri, REPORT);
  });

  const find = (code: string, text?: string): Diagnostic => {
    const d = diagnostics.find((x) => x.code === code && (text === undefined || textAt(REPORT, x.range) === text));
    assert.ok(d, `no ${code} diagnostic${text ? ` on '${text}'` : ''}; got ${diagnostics.map((x) => `${x.code}@${textAt(REPORT, x.range)}`).join(', ')}`);
    return d;
  };

  const quickFixes = async (d: Diagnostic): Promise<CodeAction[]> => {
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: reportUri },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    })) as CodeAction[];
    return actions.filter((a) => a.diagnostics?.some((x) => x.code === d.code));
  };

  /** Applies a fix to the report (and the glossary) and returns the new texts. */
  const apply = (action: CodeAction) =>
    applyWorkspaceEdit(action.edit!, (uri) => (uri === reportUri ? REPORT : uri === glossaryUri ? GLOSSARY : assert.fail(`edit of ${uri}`)));

  /** The report after a fix, re-diagnosed by the server: the fixed code is gone at that place. */
  const rediagnose = async (text: string) => (await client.changeAndDiagnose(reportUri, text)).diagnostics;

  it('reports every code with a stable code, the source and the default severity', () => {
    const expected: [string, string, DiagnosticSeverity][] = [
      ['unknown-document', '30/2020/NĐ-CP', DiagnosticSeverity.Information],
      ['unknown-official', 'Ho Duc Phoc', DiagnosticSeverity.Information],
      ['ambiguous-reference', 'Resolution 59', DiagnosticSeverity.Warning],
      ['unknown-annotation', 'resolution-95', DiagnosticSeverity.Error],
      ['deprecated-term', 'mass diplomacy', DiagnosticSeverity.Warning],
      ['title-mismatch', 'Foreign Minister', DiagnosticSeverity.Warning],
      ['title-outdated', 'State President', DiagnosticSeverity.Hint],
      ['name-variant', 'Nguyễn Manh Cường', DiagnosticSeverity.Warning],
    ];
    assert.deepEqual(
      diagnostics.map((d) => [d.code, textAt(REPORT, d.range), d.severity]),
      expected,
    );
    assert.ok(diagnostics.every((d) => d.source === 'policy-gloss'));
    // `Former State President To Lam` is historical: only the first title is outdated.
    assert.deepEqual(find('title-outdated').range, rangeOf(REPORT, 'State President'));
    assert.deepEqual(find('deprecated-term').tags, [DiagnosticTag.Deprecated]);
    assert.equal(find('ambiguous-reference').relatedInformation?.length, 2);
  });

  it('unknown-document: adds an entry prefilled from the decoded number to the glossary', async () => {
    const [fix] = await quickFixes(find('unknown-document'));
    assert.ok(fix, 'a fix');
    assert.equal(fix.isPreferred, true);
    const glossary = apply(fix).get(glossaryUri)!;
    assert.ok(glossary.startsWith(GLOSSARY.trimEnd()), 'every byte before the new entry is kept');
    assert.match(glossary, /id: decree-30-2020-nd-cp/);
    assert.match(glossary, /kind: other/);
    assert.match(glossary, /number: 30\/2020\/NĐ-CP/);
    assert.match(glossary, /issuer: Government/);
    assert.match(glossary, /date: "?2020"?/);
  });

  it('unknown-official: adds an entry with the role', async () => {
    const [fix] = await quickFixes(find('unknown-official'));
    const glossary = apply(fix).get(glossaryUri)!;
    assert.ok(glossary.startsWith(GLOSSARY.trimEnd()));
    assert.match(glossary, /id: ho-duc-phoc/);
    assert.match(glossary, /kind: official/);
    assert.match(glossary, /name: Ho Duc Phoc/);
    assert.match(glossary, /title: Deputy Prime Minister/);
  });

  it('ambiguous-reference: annotates as each entry', async () => {
    const fixes = await quickFixes(find('ambiguous-reference'));
    assert.deepEqual(fixes.map((f) => f.title), [
      'Annotate as Resolution on international integration (resolution-59)',
      'Annotate as Government resolution on trade (resolution-59-government)',
    ]);
    const text = apply(fixes[1]).get(reportUri)!;
    assert.equal(text, REPORT.replace('Resolution 59 was', '[[resolution-59-government|Resolution 59]] was'));
    const after = await rediagnose(text);
    assert.equal(after.filter((d) => d.code === 'ambiguous-reference').length, 0);
  });

  it('unknown-annotation: offers the nearest ids', async () => {
    const fixes = await quickFixes(find('unknown-annotation'));
    assert.equal(fixes[0].title, "Change to 'resolution-59' (Resolution on international integration)");
    const text = apply(fixes[0]).get(reportUri)!;
    assert.equal(text, REPORT.replace('[[resolution-95]]', '[[resolution-59]]'));
    assert.equal((await rediagnose(text)).filter((d) => d.code === 'unknown-annotation').length, 0);
  });

  it('deprecated-term: replaces it with the preferred term', async () => {
    const [fix] = await quickFixes(find('deprecated-term'));
    const text = apply(fix).get(reportUri)!;
    assert.equal(text, REPORT.replace('mass diplomacy', 'people-to-people diplomacy'));
    assert.equal((await rediagnose(text)).filter((d) => d.code === 'deprecated-term').length, 0);
  });

  it('title-mismatch: offers the titles the official held', async () => {
    const [fix] = await quickFixes(find('title-mismatch'));
    assert.equal(fix.title, "Replace title with 'Deputy Minister of Foreign Affairs'");
    const text = apply(fix).get(reportUri)!;
    assert.equal(text, REPORT.replace('Foreign Minister Nguyen', 'Deputy Minister of Foreign Affairs Nguyen'));
    assert.equal((await rediagnose(text)).filter((d) => d.code === 'title-mismatch').length, 0);
  });

  it('title-outdated: marks the title as former or replaces it with the current one', async () => {
    const fixes = await quickFixes(find('title-outdated'));
    assert.deepEqual(fixes.map((f) => f.title), ["Mark as former: 'Former State President'", "Replace title with the current 'General Secretary'"]);
    const former = apply(fixes[0]).get(reportUri)!;
    assert.equal(former, REPORT.replace('answered. State President', 'answered. Former State President'));
    assert.equal((await rediagnose(former)).filter((d) => d.code === 'title-outdated').length, 0);
    const current = apply(fixes[1]).get(reportUri)!;
    assert.equal(current, REPORT.replace('answered. State President', 'answered. General Secretary'));
    assert.equal((await rediagnose(current)).filter((d) => d.code === 'title-outdated').length, 0);
  });

  it('name-variant: offers the canonical form and the plain-ASCII alias', async () => {
    const fixes = await quickFixes(find('name-variant'));
    assert.deepEqual(fixes.map((f) => f.title), ["Replace with 'Nguyễn Mạnh Cường'", "Replace with 'Nguyen Manh Cuong'"]);
    const canonical = apply(fixes[0]).get(reportUri)!;
    assert.equal(canonical, REPORT.replace('Nguyễn Manh Cường', 'Nguyễn Mạnh Cường'));
    assert.equal((await rediagnose(canonical)).filter((d) => d.code === 'name-variant').length, 0);
    assert.equal(apply(fixes[1]).get(reportUri), REPORT.replace('Nguyễn Manh Cường', 'Nguyen Manh Cuong'));
  });

  it('explains an ambiguous reference and an unknown official on hover', async () => {
    const hover = async (needle: string) => {
      const result = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: reportUri }, position: rangeOf(REPORT, needle).start });
      return (result!.contents as MarkupContent).value;
    };
    const ambiguous = await hover('Resolution 59 was');
    assert.match(ambiguous, /May refer to:\n- Resolution on international integration \(resolution\\-59, resolution\)\n- Government resolution on trade/);
    assert.match(await hover('Ho Duc Phoc'), /official not in the glossary[\s\S]*Title: Deputy Prime Minister/);
  });

  it('answers no quick fix where there is no diagnostic', async () => {
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: reportUri },
      range: rangeOf(REPORT, 'sets the rules'),
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions, []);
  });
});

describe('diagnostic settings and glossary edits over stdio', () => {
  let workspace: TempWorkspace;
  let client: LspTestClient;

  before(async () => {
    workspace = new TempWorkspace({ 'policy.glossary.yaml': GLOSSARY, 'report.txt': REPORT });
    client = await LspTestClient.start(workspace.root, {
      settings: { diagnostics: { severity: { 'title-outdated': 'off', 'deprecated-term': 'error', 'unknown-document': 'hint' } } },
    });
  });
  after(async () => {
    await client.stop();
    workspace.dispose();
  });

  it('applies severities per code from the settings, and hides codes set to off', async () => {
    const { diagnostics } = await client.openAndDiagnose(workspace.uri('report.txt'), REPORT);
    const byCode = new Map(diagnostics.map((d) => [d.code, d.severity]));
    assert.equal(byCode.get('deprecated-term'), DiagnosticSeverity.Error);
    assert.equal(byCode.get('unknown-document'), DiagnosticSeverity.Hint);
    assert.equal(byCode.has('title-outdated'), false);
    assert.equal(byCode.get('name-variant'), DiagnosticSeverity.Warning);
  });

  it('re-diagnoses open documents when settings change', async () => {
    const uri = workspace.uri('report.txt');
    const next = client.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'title-outdated'));
    await client.settingsChanged({ diagnostics: { severity: { 'name-variant': 'off' } } });
    const { diagnostics } = await next;
    assert.equal(diagnostics.some((d) => d.code === 'name-variant'), false);
  });

  it('re-diagnoses open documents after an edit of the glossary, and publishes glossary problems', async () => {
    const uri = workspace.uri('report.txt');
    const glossaryUri = workspace.uri('policy.glossary.yaml');
    await client.open(glossaryUri, GLOSSARY, 'yaml');
    // Adding the decree makes `unknown-document` go away in the open report.
    const withDecree = GLOSSARY + `  - id: decree-30\n    kind: other\n    name: Decree on correspondence\n    number: 30/2020/NĐ-CP\n  - id: broken\n    kind: nonsense\n    name: X\n`;
    const rediagnosed = client.nextDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'unknown-document'));
    const problems = client.nextDiagnostics(glossaryUri, (p) => p.diagnostics.length > 0);
    const counted = client.waitForStatus((s) => s.glossaryErrors > 0 && s.entries === 7);
    await client.change(glossaryUri, [{ text: withDecree }]);
    await rediagnosed;
    await counted;
    const { diagnostics } = await problems;
    assert.ok(diagnostics.every((d) => d.source === 'policy-gloss' && typeof d.code === 'string'));
    assert.ok(diagnostics.some((d) => textAt(withDecree, d.range).includes('nonsense')), JSON.stringify(diagnostics));
    // Fixing the glossary clears its problems.
    const cleared = client.nextDiagnostics(glossaryUri, (p) => p.diagnostics.length === 0);
    await client.change(glossaryUri, [{ text: GLOSSARY }]);
    await cleared;
  });

  it('clears the diagnostics of a closed document', async () => {
    const uri = workspace.uri('report.txt');
    const cleared = client.nextDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await client.close(uri);
    await cleared;
  });
});
