import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseShowMentionsArgs } from '../../client/src/showMentionsArgs';

/** Stands in for `vscode.Uri`: an object with a scheme whose `toString` gives the URI. */
class FakeUri {
  constructor(readonly scheme: string, private readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

describe('parseShowMentionsArgs', () => {
  it('reads an entry id, or an object with one (an index view node)', () => {
    assert.deepEqual(parseShowMentionsArgs(['to-lam']), { type: 'entry', id: 'to-lam' });
    assert.deepEqual(parseShowMentionsArgs([{ type: 'entry', id: 'to-lam', name: 'Tô Lâm' }]), { type: 'entry', id: 'to-lam' });
  });

  it('reads code lens arguments sent as LSP JSON', () => {
    const range = { start: { line: 3, character: 1 }, end: { line: 3, character: 7 } };
    const target = parseShowMentionsArgs(['file:///w/g.glossary.yaml', { line: 2, character: 4 }, [{ uri: 'file:///w/a.txt', range }]]);
    assert.deepEqual(target, {
      type: 'locations',
      uri: 'file:///w/g.glossary.yaml',
      position: { line: 2, character: 4 },
      locations: [{ uri: 'file:///w/a.txt', range }],
    });
  });

  it('reads vscode.Uri-like objects and location links, and drops unreadable locations', () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } };
    const target = parseShowMentionsArgs([
      new FakeUri('file', 'file:///w/g.glossary.yaml'),
      { line: 0, character: 0 },
      [{ uri: new FakeUri('file', 'file:///w/a.txt'), range }, { targetUri: 'file:///w/b.txt', targetSelectionRange: range }, { nonsense: true }, null],
    ]);
    assert.equal(target.type, 'locations');
    assert.deepEqual(target.type === 'locations' && target.locations.map((location) => location.uri), ['file:///w/a.txt', 'file:///w/b.txt']);
  });

  it('asks when there is nothing usable', () => {
    for (const args of [[], [''], [42], [new FakeUri('file', 'file:///w/a.txt')], ['file:///w/a', { line: -1, character: 0 }, []], [{}]]) {
      assert.deepEqual(parseShowMentionsArgs(args), { type: 'ask' }, JSON.stringify(args));
    }
  });
});
