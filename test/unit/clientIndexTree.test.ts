import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { IndexEntry } from '../../server/src/protocol';
import { buildIndexTree } from '../../client/src/indexTree';
import { kindHeading } from '../../server/src/core/kindHeadings';

const range = (line: number, character: number, length: number) => ({
  start: { line, character },
  end: { line, character: character + length },
});

const INDEX: IndexEntry[] = [
  {
    id: 'strategic-autonomy',
    name: 'strategic autonomy',
    kind: 'term',
    mentionCount: 1,
    documents: [{ uri: 'file:///w/a.txt', mentions: [{ range: range(4, 2, 18), text: 'strategic autonomy' }] }],
  },
  {
    id: 'to-lam',
    name: 'Tô Lâm',
    kind: 'official',
    mentionCount: 3,
    documents: [
      { uri: 'file:///w/b.txt', mentions: [{ range: range(7, 0, 6), text: 'Tô Lâm' }, { range: range(1, 5, 6), text: 'To Lam' }] },
      { uri: 'file:///w/a.txt', mentions: [{ range: range(0, 0, 6), text: 'Tô Lâm' }] },
    ],
  },
  { id: 'luong-cuong', name: 'Lương Cường', kind: 'official', mentionCount: 0, documents: [] },
  {
    id: 'resolution-59',
    name: 'Resolution on international integration',
    kind: 'resolution',
    mentionCount: 1,
    documents: [{ uri: 'file:///w/a.txt', mentions: [{ range: range(2, 10, 8), text: '59-NQ/TW' }] }],
  },
  { id: 'x-thing', name: 'Thing', kind: 'gadget', mentionCount: 0, documents: [] },
];

describe('buildIndexTree', () => {
  const tree = buildIndexTree(INDEX);

  it('groups entries under their kinds, in the glossary kind order, unknown kinds last', () => {
    assert.deepEqual(tree.map((node) => node.kind), ['resolution', 'official', 'term', 'gadget']);
    assert.deepEqual(tree.map((node) => node.label), ['Resolutions and documents', 'Officials', 'Terms', 'gadget']);
    assert.equal(kindHeading('official'), 'Officials');
    assert.equal(kindHeading('constructor'), 'constructor');
  });

  it('sorts entries by name and sums mention counts per kind', () => {
    const officials = tree[1];
    assert.deepEqual(officials.children.map((entry) => entry.id), ['luong-cuong', 'to-lam']);
    assert.equal(officials.mentionCount, 3);
    assert.deepEqual(officials.children.map((entry) => entry.mentionCount), [0, 3]);
  });

  it('lists documents by URI and mentions by position, keeping their text and range', () => {
    const toLam = tree[1].children[1];
    assert.deepEqual(toLam.children.map((document) => document.uri), ['file:///w/a.txt', 'file:///w/b.txt']);
    const mentions = toLam.children[1].children;
    assert.deepEqual(mentions.map((mention) => mention.range.start.line), [1, 7]);
    assert.equal(mentions[0].text, 'To Lam');
    assert.deepEqual(mentions[0].range, range(1, 5, 6));
    assert.equal(mentions[0].uri, 'file:///w/b.txt');
    assert.equal(mentions[0].entryId, 'to-lam');
  });

  it('keeps entries without mentions as leaves', () => {
    const luong = tree[1].children[0];
    assert.equal(luong.children.length, 0);
  });

  it('gives every node a unique key, even for duplicate ids', () => {
    const doubled = buildIndexTree([...INDEX, INDEX[1]]);
    const keys: string[] = [];
    const walk = (nodes: { key: string; children?: unknown[] }[]) => {
      for (const node of nodes) {
        keys.push(node.key);
        if (node.children) walk(node.children as { key: string; children?: unknown[] }[]);
      }
    };
    walk(doubled);
    assert.equal(new Set(keys).size, keys.length);
    assert.equal(doubled[1].children.filter((entry) => entry.id === 'to-lam').length, 2);
  });

  it('gives the same keys for the same index (expansion survives a refresh)', () => {
    assert.deepEqual(buildIndexTree(INDEX), tree);
  });

  it('returns an empty tree for an empty index', () => {
    assert.deepEqual(buildIndexTree([]), []);
  });
});
