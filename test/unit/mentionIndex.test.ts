import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { MentionIndex, referencesOf } from '../../server/src/core/index';
import { analysis, annotation, mention } from '../helpers/analysis';

const A = 'file:///w/a.txt';
const B = 'file:///w/b.txt';

describe('MentionIndex', () => {
  it('answers mentions and counts per entry across documents', () => {
    const index = new MentionIndex();
    const a = 'To Lam met Cuong. To Lam left.';
    const b = 'To Lam again.';
    index.set({ uri: B, mentions: [mention(b, 'To Lam', 'to-lam', 'official')], annotations: [] });
    index.set({ uri: A, mentions: [mention(a, 'To Lam', 'to-lam', 'official'), mention(a, 'Cuong', 'cuong', 'official', 'short'), mention(a, 'To Lam', 'to-lam', 'official', 'name', 1)], annotations: [] });
    assert.deepEqual(index.countOf('to-lam'), { mentions: 3, documents: 2 });
    assert.deepEqual(index.mentionsOf('to-lam').map((m) => [m.uri, m.mention.start]), [[A, 0], [A, 18], [B, 0]]);
    assert.deepEqual(index.countOf('nobody'), { mentions: 0, documents: 0 });
    assert.equal(index.documentCount, 2);
  });

  it('replaces exactly a document contribution on update and delete', () => {
    const index = new MentionIndex();
    const a = 'To Lam and Cuong.';
    index.set({ uri: A, mentions: [mention(a, 'To Lam', 'to-lam', 'official'), mention(a, 'Cuong', 'cuong', 'official')], annotations: [] });
    index.set({ uri: B, mentions: [mention(a, 'Cuong', 'cuong', 'official')], annotations: [] });
    index.set({ uri: A, mentions: [mention(a, 'Cuong', 'cuong', 'official')], annotations: [] });
    assert.deepEqual(index.countOf('to-lam'), { mentions: 0, documents: 0 });
    assert.deepEqual(index.mentionedEntryIds().sort(), ['cuong']);
    assert.deepEqual(index.deleteWhere((uri) => uri === B), [B]);
    assert.deepEqual(index.countOf('cuong'), { mentions: 1, documents: 1 });
    assert.equal(index.delete(A), true);
    assert.equal(index.delete(A), false);
    assert.equal(index.documentCount, 0);
  });

  it('counts known annotations as mentions once, and lists them for rename', () => {
    const text = 'See [[to-lam|the leader]] and [[ghost]].';
    const known = annotation(text, '[[to-lam|the leader]]', true);
    const unknown = annotation(text, '[[ghost]]', false);
    const refs = referencesOf(analysis({ annotations: [known, unknown] }), (id) => (id === 'to-lam' ? 'official' : undefined));
    assert.equal(refs.length, 1);
    assert.equal(refs[0].match, 'annotation');
    assert.equal(refs[0].kind, 'official');
    // When recognition already reports the annotation as a mention it is not counted twice.
    const asMention = { ...known, entryId: 'to-lam', kind: 'official' as const, match: 'annotation' as const };
    assert.equal(referencesOf(analysis({ mentions: [asMention], annotations: [known] }), () => 'official').length, 1);
    const index = new MentionIndex();
    index.set({ uri: A, mentions: refs, annotations: [known] });
    assert.deepEqual(index.annotationsOf('to-lam').map((a) => a.annotation.idSpan.start), [text.indexOf('to-lam')]);
  });
});
