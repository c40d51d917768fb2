// Glossary text is untrusted: a shared glossary may carry `command:` links, HTML, `javascript:` and
// `file:` links and images in any field. What the server sends (hover and completion Markdown, document
// links, definitions) must make them inert, and `source:` values leading outside the workspace must
// never become link or definition targets. The client must never trust Markdown or allow HTML.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  CompletionRequest,
  DefinitionRequest,
  DocumentLinkRequest,
  HoverRequest,
  type CompletionList,
  type Location,
  type MarkupContent,
} from 'vscode-languageserver-protocol';
import { stringify } from 'yaml';
import { LspTestClient, REPO_ROOT } from '../helpers/lspClient';
import { positionOf } from '../helpers/text';
import { TempWorkspace } from '../helpers/workspace';

/** True when the character at `i` is escaped by an odd number of backslashes before it. */
function escapedAt(text: string, i: number): boolean {
  let slashes = 0;
  for (let k = i - 1; k >= 0 && text[k] === '\\'; k--) slashes++;
  return slashes % 2 === 1;
}

/** Unescaped occurrences of `token` in Markdown. */
function unescaped(markdown: string, token: string): number[] {
  const found: number[] = [];
  for (let i = markdown.indexOf(token); i >= 0; i = markdown.indexOf(token, i + 1)) if (!escapedAt(markdown, i)) found.push(i);
  return found;
}

/**
 * Why a piece of Markdown is not inert, or undefined when it is: no HTML or autolink (`<`), no image,
 * no link or link reference definition whose destination is anything but an http(s) URL.
 */
export function whyNotInert(markdown: string): string | undefined {
  if (unescaped(markdown, '<').length > 0) return 'an unescaped `<` (HTML or an autolink)';
  if (unescaped(markdown, '![').length > 0) return 'an image';
  for (const at of unescaped(markdown, '](')) {
    if (escapedAt(markdown, at)) continue;
    const destination = markdown.slice(at + 2).trimStart();
    if (!/^https?:\/\/[^\s()]+\)/i.test(destination)) return `a link to ${JSON.stringify(destination.slice(0, 40))}`;
  }
  for (const m of markdown.matchAll(/^ {0,3}\[([^\]\n]+)\]:[ \t]*(\S+)/gm)) {
    if (!escapedAt(markdown, m.index!) && !/^https?:\/\//i.test(m[2])) return `a link reference definition to ${m[2]}`;
  }
  return undefined;
}

const COMMAND = 'command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%20-rf%20~%22%7D';
const PAYLOADS = [
  `[run](${COMMAND})`,
  '<command:workbench.action.quit>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">click</a>',
  '<script>alert(1)</script>',
  '<details open><summary>x</summary></details>',
  '[js](javascript:alert(document.cookie))',
  '[file](file:///etc/passwd)',
  '<file:///etc/passwd>',
  '![pixel](https://tracker.example/p.png)',
  '![passwd](file:///etc/passwd)',
  '[ref][1]\n\n[1]: command:workbench.action.quit',
  '[x]( javascript:alert(1) )',
  '[[nested]](command:y)',
  '&lt;img src=x&gt;',
];

/** `source:` values that lead outside the workspace or to schemes other than http(s). */
const HOSTILE_SOURCES = [
  '../../etc/passwd',
  '../../../../../../etc/passwd#L1',
  '/etc/passwd',
  'file:///etc/passwd',
  'command:workbench.action.quit',
  'javascript:alert(1)',
  'vscode://file/etc/passwd',
  'docs/../../outside.txt',
  // Percent signs are part of a relative path's names: this stays inside, in a folder named `%2e%2e`.
  '%2e%2e/%2e%2e/etc/passwd',
  '\\\\server\\share\\secret.txt',
  'C:\\Windows\\System32\\drivers\\etc\\hosts',
  'data:text/html,<script>alert(1)</script>',
  'https://example.org/a)[x](command:evil',
];

const payload = (i: number) => PAYLOADS[i % PAYLOADS.length];

function hostileGlossary(): string {
  const entries: Record<string, unknown>[] = [
    {
      id: 'html-org',
      kind: 'organization',
      name: 'Evil <b>Corp</b>',
      aliases: [payload(2), payload(0)],
      native: payload(1),
      summary: PAYLOADS.join('\n\n'),
      related: ['command-term', 'js-official'],
      'x-note': payload(4),
    },
    { id: 'command-term', kind: 'term', name: `click [here](${COMMAND})`, native: payload(11), status: 'deprecated', use: 'html-org', summary: payload(0) },
    {
      id: 'js-official',
      kind: 'official',
      name: 'Js Official',
      aliases: [payload(6)],
      roles: [{ title: '[Minister](javascript:alert(1))', native: payload(10), from: 2020 }],
      summary: payload(3),
    },
    { id: 'file-resolution', kind: 'resolution', name: 'File resolution', number: '59-NQ/TW', issuer: '[Politburo](file:///etc/passwd)', date: '2025-01-24', summary: payload(9) },
    { id: 'safe-source', kind: 'other', name: 'Safe source', source: 'https://example.org/ok' },
    { id: 'inside-source', kind: 'other', name: 'Inside source', source: 'docs/inside.txt#L2' },
    // Symbolic links inside the workspace: one to a file outside it, one to a file inside it.
    { id: 'linked-out', kind: 'other', name: 'Linked out', source: 'docs/private-link.txt' },
    { id: 'linked-in', kind: 'other', name: 'Linked in', source: 'docs/inside-link.txt' },
    ...HOSTILE_SOURCES.map((source, i) => ({ id: `source-${i}`, kind: 'other', name: `Source number ${i}`, source, summary: payload(i) })),
  ];
  return stringify({ title: payload(5), entries });
}

describe('untrusted glossary text over stdio', () => {
  let workspace: TempWorkspace;
  let client: LspTestClient;
  let glossaryText: string;
  let glossaryUri: string;
  let outside: string;
  const ids = ['html-org', 'command-term', 'js-official', 'file-resolution', 'safe-source', 'inside-source', 'linked-out', 'linked-in', ...HOSTILE_SOURCES.map((_, i) => `source-${i}`)];
  const documentText = ids.map((id) => `See [[${id}]] here.`).join('\n') + '\nAlso [[';

  before(async () => {
    glossaryText = hostileGlossary();
    workspace = new TempWorkspace({ 'evil.glossary.yaml': glossaryText, 'docs/inside.txt': 'line one\nline two\n', 'notes.txt': documentText });
    glossaryUri = workspace.uri('evil.glossary.yaml');
    outside = mkdtempSync(path.join(tmpdir(), 'policy-gloss-outside-'));
    writeFileSync(path.join(outside, 'private.txt'), 'not for the workspace\n');
    symlinkSync(path.join(outside, 'private.txt'), path.join(workspace.root, 'docs', 'private-link.txt'));
    symlinkSync(path.join(workspace.root, 'docs', 'inside.txt'), path.join(workspace.root, 'docs', 'inside-link.txt'));
    client = await LspTestClient.start(workspace.root);
    await client.openAndDiagnose(workspace.uri('notes.txt'), documentText);
  });
  after(async () => {
    await client.stop();
    workspace.dispose();
    rmSync(outside, { recursive: true, force: true });
  });

  const hover = async (uri: string, text: string, needle: string) => {
    const answer = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, needle, 2) });
    return answer ? (answer.contents as MarkupContent).value : '';
  };
  const insideWorkspace = (uri: string) => uri.startsWith(workspace.rootUri + '/');

  it('the inertness check itself rejects every payload', () => {
    for (const p of PAYLOADS.filter((p) => !p.startsWith('&lt;'))) assert.ok(whyNotInert(p), `not caught: ${p}`);
    assert.equal(whyNotInert('[ok](https://example.org/x) \\<b\\> \\[x\\]\\(command:y\\)'), undefined);
  });

  it('loads every hostile entry (nothing is dropped for its content)', async () => {
    const doc = workspace.uri('notes.txt');
    for (const id of ids) assert.notEqual(await hover(doc, documentText, `[[${id}]]`), '', `no card for ${id}`);
    // The payloads are shown (as text), not silently lost.
    const card = await hover(doc, documentText, '[[html-org]]');
    for (const text of ['onerror=alert', 'javascript:alert', 'file:///etc/passwd', 'command:workbench']) assert.ok(card.replace(/\\/g, '').includes(text), `${text} is not shown`);
  });

  it('hover cards on annotations and on glossary ids are inert', async () => {
    const doc = workspace.uri('notes.txt');
    for (const id of ids) {
      for (const card of [await hover(doc, documentText, `[[${id}]]`), await hover(glossaryUri, glossaryText, `id: ${id}\n`)]) {
        const why = whyNotInert(card);
        assert.equal(why, undefined, `${id}: ${why}\n${card}`);
        assert.doesNotMatch(card, /\]\((?:command|javascript|file|data|vscode):/i, id);
      }
    }
  });

  it('completion documentation after [[ is inert, for every entry', async () => {
    const uri = workspace.uri('notes.txt');
    const lines = documentText.split('\n');
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: lines.length - 1, character: lines[lines.length - 1].length },
    })) as CompletionList;
    assert.deepEqual(list.items.map((i) => i.label).sort(), [...ids].sort());
    for (const item of list.items) {
      const doc = item.documentation as MarkupContent;
      assert.equal(doc.kind, 'markdown');
      const why = whyNotInert(doc.value);
      assert.equal(why, undefined, `${item.label}: ${why}\n${doc.value}`);
    }
  });

  it('only http(s) sources become links; the card shows the others as text', async () => {
    const doc = workspace.uri('notes.txt');
    assert.match(await hover(doc, documentText, '[[safe-source]]'), /\]\(https:\/\/example\.org\/ok\)/);
    const inside = await hover(doc, documentText, '[[inside-source]]');
    assert.match(inside, /inside\\?\.txt/);
    assert.doesNotMatch(inside, /\]\(/, 'a workspace path is no Markdown link (go to definition opens it)');
    assert.match(await hover(doc, documentText, '[[linked-in]]'), /inside\\?-link\\?\.txt \(workspace file\)/);
    const linkedOut = await hover(doc, documentText, '[[linked-out]]');
    assert.match(linkedOut, /private\\?-link\\?\.txt/);
    assert.doesNotMatch(linkedOut, /workspace file/, 'a link leading out of the workspace is shown as text only');
    for (const [i] of HOSTILE_SOURCES.entries()) {
      const card = await hover(doc, documentText, `[[source-${i}]]`);
      assert.match(card, /Source:/, `source-${i} shows its source`);
      assert.doesNotMatch(card.replace(/\]\(https?:\/\/[^)\s]*\)/g, ''), /\]\(/, `source-${i} became a link`);
    }
  });

  it('document links in the glossary lead only to http(s) URLs and files inside the workspace', async () => {
    const links = (await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: glossaryUri } })) ?? [];
    const targets = links.map((l) => l.target!);
    for (const target of targets) {
      const url = new URL(target);
      assert.ok(url.protocol === 'https:' || url.protocol === 'http:' || (url.protocol === 'file:' && insideWorkspace(target)), `a link to ${target}`);
    }
    assert.ok(targets.includes('https://example.org/ok') && targets.includes(`${workspace.uri('docs/inside.txt')}#L2`), targets.join(', '));
    assert.ok(targets.includes(workspace.uri('docs/inside-link.txt')), targets.join(', '));
    assert.ok(!targets.some((t) => t.includes('private-link')), 'no link through a symbolic link that leads out');
    assert.equal(targets.filter((t) => t.startsWith('file:')).length, 3, 'three workspace file links: docs/inside.txt, docs/inside-link.txt and the literal %2e%2e path');
  });

  it('definitions never lead outside the workspace', async () => {
    const doc = workspace.uri('notes.txt');
    for (const id of ids) {
      const locations = ((await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: doc }, position: positionOf(documentText, `[[${id}]]`, 3) })) ?? []) as Location[];
      assert.ok(locations.length >= 1, `${id}: no definition`);
      for (const location of locations) assert.ok(insideWorkspace(location.uri), `${id}: definition at ${location.uri}`);
      const files = locations.map((l) => path.relative(workspace.root, fileURLToPath(l.uri)));
      if (id === 'inside-source') assert.deepEqual(files, ['evil.glossary.yaml', path.join('docs', 'inside.txt')]);
      else if (id === 'linked-in') assert.deepEqual(files, ['evil.glossary.yaml', path.join('docs', 'inside-link.txt')]);
      else if (id === `source-${HOSTILE_SOURCES.indexOf('%2e%2e/%2e%2e/etc/passwd')}`) assert.deepEqual(files, ['evil.glossary.yaml', path.join('%2e%2e', '%2e%2e', 'etc', 'passwd')]);
      else assert.deepEqual(files, ['evil.glossary.yaml'], id);
    }
  });
});

describe('the client never trusts Markdown', () => {
  const clientDir = path.join(REPO_ROOT, 'client', 'src');
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? sources(full) : name.endsWith('.ts') ? [full] : [];
    });

  it('sets neither isTrusted nor supportHtml nor command URIs anywhere in client/src', () => {
    const files = sources(clientDir);
    assert.ok(files.length > 3);
    for (const file of files) {
      const code = readFileSync(file, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
      const where = path.relative(REPO_ROOT, file);
      // (`isTrusted: () => vscode.workspace.isTrusted` is workspace trust, a different thing.)
      assert.doesNotMatch(code, /\bisTrusted\s*:\s*(?:true\b|\{)/, `${where} trusts Markdown`);
      assert.doesNotMatch(code, /\.isTrusted\s*=(?!=)/, `${where} trusts a MarkdownString`);
      assert.doesNotMatch(code, /\bsupportHtml\s*[:=](?!\s*false\b)/, `${where} allows HTML`);
      assert.doesNotMatch(code, /\benabledCommands\b|\benableCommandUris\b/, `${where} enables command links`);
    }
  });

  it('tells the language client to render server Markdown untrusted and without HTML', () => {
    const code = readFileSync(path.join(clientDir, 'languageClient.ts'), 'utf8');
    assert.match(code, /markdown:\s*\{\s*isTrusted:\s*false,\s*supportHtml:\s*false\s*\}/);
  });
});
