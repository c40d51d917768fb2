import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  HoverRequest,
  ReferencesRequest,
  type CodeAction,
  type Diagnostic,
  type MarkupContent,
  type Position,
} from 'vscode-languageserver-protocol';
import { fileUri, LspTestClient, REPO_ROOT } from '../helpers/lspClient';
import { applyWorkspaceEdit, positionOf, rangeOf } from '../helpers/text';

const SAMPLES = path.join(REPO_ROOT, 'samples');
const sample = (name: string) => ({ uri: fileUri(SAMPLES, name), text: readFileSync(path.join(SAMPLES, name), 'utf8') });

/** The role lines of a card, in order. */
const roleLines = (markdown: string) => markdown.split('\n').filter((line) => line.startsWith('- '));

describe('Vietnamese and English documents over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start(SAMPLES);
  });
  after(async () => {
    await client.stop();
  });

  const hoverCard = async (uri: string, position: Position): Promise<string> => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    assert.ok(hover, 'expected a hover');
    return (hover.contents as MarkupContent).value;
  };

  const actionsFor = async (uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> => {
    const result = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    return (result ?? []).filter((a): a is CodeAction => 'edit' in a && (a.diagnostics ?? []).some((d) => d.code === diagnostic.code));
  };

  /** Settings reach the server asynchronously: asks again until the answer matches or time runs out. */
  const eventually = async <T>(ask: () => Promise<T>, expected: T): Promise<void> => {
    let last: T | undefined;
    for (let attempt = 0; attempt < 40; attempt++) {
      last = await ask();
      if (last === expected) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(last, expected);
  };

  it('shows the same card for Tô Lâm in both samples, with the title in the document language first', async () => {
    const vi = sample('vi/dai-hoi-doi-ngoai.md');
    const en = sample('congress-foreign-policy.md');
    await client.open(vi.uri, vi.text, 'markdown');
    await client.open(en.uri, en.text, 'markdown');
    const viCard = await hoverCard(vi.uri, positionOf(vi.text, 'Tô Lâm', 2));
    const enCard = await hoverCard(en.uri, positionOf(en.text, 'To Lam', 2));
    assert.match(roleLines(viCard)[0], /^- Tổng Bí thư \(General Secretary\), .*held on/);
    assert.match(roleLines(enCard)[0], /^- General Secretary \(Tổng Bí thư\), .*held on/);
    assert.match(viCard, /\*\*Tô Lâm\*\*/);
    assert.match(viCard, /Also written: To Lam/);
    const rest = (markdown: string) => markdown.split('\n').filter((line) => !line.startsWith('- '));
    assert.deepEqual(rest(viCard), rest(enCard));
    assert.equal(roleLines(viCard).length, roleLines(enCard).length);
  });

  it('lists references to to-lam in the Vietnamese and the English samples', async () => {
    const en = sample('congress-foreign-policy.md');
    const locations = await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: en.uri },
      position: positionOf(en.text, 'To Lam', 2),
      context: { includeDeclaration: false },
    });
    const uris = new Set((locations ?? []).map((l) => l.uri));
    assert.ok(uris.has(fileUri(SAMPLES, 'vi/dai-hoi-doi-ngoai.md')), [...uris].join(', '));
    assert.ok(uris.has(en.uri), [...uris].join(', '));
  });

  it('warns about a type word that contradicts the number and fixes it in the chosen language', async () => {
    const uri = fileUri(SAMPLES, 'vi/kiem-tra-loai-van-ban.txt');
    const text = 'Thủ tướng Chính phủ đã ký Nghị quyết số 123/QĐ-TTg về việc thành lập tổ công tác đối ngoại liên ngành.\n';
    const published = await client.openAndDiagnose(uri, text);
    const diagnostic = published.diagnostics.find((d) => d.code === 'document-type-mismatch');
    assert.ok(diagnostic, JSON.stringify(published.diagnostics.map((d) => d.code)));
    assert.deepEqual(diagnostic.range, rangeOf(text, 'Nghị quyết'));
    assert.equal(diagnostic.severity, 2);

    const apply = (action: CodeAction) => applyWorkspaceEdit(action.edit!, (u) => (u === uri ? text : '')).get(uri);
    const auto = await actionsFor(uri, diagnostic);
    assert.equal(auto.length, 1);
    assert.equal(apply(auto[0]), text.replace('Nghị quyết', 'Quyết định'));

    await client.settingsChanged({ quickFixLanguage: 'english' });
    await eventually(async () => apply((await actionsFor(uri, diagnostic))[0]), text.replace('Nghị quyết', 'Decision'));
    await client.settingsChanged(null);
    await eventually(async () => apply((await actionsFor(uri, diagnostic))[0]), text.replace('Nghị quyết', 'Quyết định'));
    await client.close(uri);
  });

  it('writes title fixes in the language the setting chooses', async () => {
    const uri = fileUri(SAMPLES, 'vi/kiem-tra-chuc-danh.md');
    const text = '---\ndate: 2026-01-21\nlang: vi\n---\nThủ tướng Tô Lâm phát biểu tại phiên khai mạc về công tác đối ngoại của Đảng.\n';
    const published = await client.openAndDiagnose(uri, text, 'markdown');
    const diagnostic = published.diagnostics.find((d) => d.code === 'title-mismatch');
    assert.ok(diagnostic, JSON.stringify(published.diagnostics.map((d) => d.code)));
    const firstFix = async () => {
      const actions = await actionsFor(uri, diagnostic);
      const preferred = actions.find((a) => a.isPreferred) ?? actions[0];
      return applyWorkspaceEdit(preferred.edit!, (u) => (u === uri ? text : '')).get(uri);
    };
    assert.equal(await firstFix(), text.replace('Thủ tướng Tô Lâm', 'Tổng Bí thư Tô Lâm'));
    await client.settingsChanged({ quickFixLanguage: 'english' });
    await eventually(firstFix, text.replace('Thủ tướng Tô Lâm', 'General Secretary Tô Lâm'));
    await client.settingsChanged({ quickFixLanguage: 'vietnamese' });
    await eventually(firstFix, text.replace('Thủ tướng Tô Lâm', 'Tổng Bí thư Tô Lâm'));
    await client.settingsChanged(null);
    await eventually(firstFix, text.replace('Thủ tướng Tô Lâm', 'Tổng Bí thư Tô Lâm'));
    await client.close(uri);
  });
});
