import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Message } from 'vscode-languageserver/node';
import { encodeMessage } from '../../server/src/messageEncoding';

const diagnostic = (line: number, message: string) => ({
  range: { start: { line, character: 2 }, end: { line, character: 9 } },
  severity: 2,
  code: 'ambiguous-reference',
  source: 'policy-gloss',
  message,
  relatedInformation: [{ location: { uri: 'file:///ws/g.yaml', range: { start: { line: 3, character: 8 }, end: { line: 3, character: 12 } } }, message: 'Tô Lâm' }],
  data: { code: 'ambiguous-reference', entryIds: ['a', 'b'] },
});

const publish = (uri: string, version: number | undefined, diagnostics: unknown[]): Message =>
  ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: version === undefined ? { uri, diagnostics } : { uri, version, diagnostics } }) as Message;

describe('message encoding', () => {
  it('writes exactly what JSON.stringify writes, reusing the JSON of diagnostics sent before', () => {
    const kept = [diagnostic(1, "'Cường' may refer to \"two\" people\n"), diagnostic(2, 'emoji 😀 and \u2028 separator')];
    const first = publish('file:///ws/a%20b.md', 3, kept);
    assert.equal(encodeMessage(first).toString('utf8'), JSON.stringify(first));
    // The same objects again, among new ones, in another message.
    const second = publish('file:///ws/"quoted\u0000policy-gloss-diagnostics\u0000".md', 4, [kept[1], diagnostic(7, 'new'), kept[0]]);
    assert.equal(encodeMessage(second).toString('utf8'), JSON.stringify(second));
    const empty = publish('file:///ws/a.md', undefined, []);
    assert.equal(encodeMessage(empty).toString('utf8'), JSON.stringify(empty));
  });

  it('writes other messages as JSON.stringify does, in the charset asked for', () => {
    const request = { jsonrpc: '2.0', id: 4, method: 'workspace/configuration', params: { items: [{ section: 'policyGloss' }] } } as Message;
    assert.equal(encodeMessage(request).toString('utf8'), JSON.stringify(request));
    const notUtf8 = publish('file:///ws/a.md', 1, [diagnostic(1, 'Tô')]);
    assert.equal(encodeMessage(notUtf8, 'latin1').toString('latin1'), Buffer.from(JSON.stringify(notUtf8), 'latin1').toString('latin1'));
  });

  it('equals JSON.stringify for any diagnostics (generated)', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.integer(), { nil: undefined }), fc.array(fc.oneof(fc.object(), fc.jsonValue())), (uri, version, diagnostics) => {
        const message = publish(uri, version, diagnostics);
        assert.equal(encodeMessage(message).toString('utf8'), JSON.stringify(message));
        // Again, with the JSON of the objects kept.
        assert.equal(encodeMessage(message).toString('utf8'), JSON.stringify(message));
      }),
      { seed: 20261124, numRuns: 300 },
    );
  });
});
