import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { PolicyService } from '../../server/src/core/service';
import { applyTextEdits, positionOf } from '../helpers/text';

const GLOSSARY_URI = 'file:///w/policy.glossary.yaml';
const GLOSSARY = `entries:
  - id: nguyen-manh-cuong
    kind: official
    name: Nguyễn Mạnh Cường
    aliases: [Nguyen Manh Cuong]
  - id: mofa
    kind: organization
    name: Ministry of Foreign Affairs
  - id: people-to-people-diplomacy
    kind: term
    name: people-to-people diplomacy
  - id: mass-diplomacy
    kind: term
    name: mass diplomacy
    status: deprecated
    use: people-to-people-diplomacy
    related: [mofa, ]
`;

function service(): PolicyService {
  const s = new PolicyService();
  s.setGlossaryFile(GLOSSARY_URI, GLOSSARY);
  return s;
}

/** Completes at the `|` in `text` and applies the item labelled `label`. */
function complete(s: PolicyService, uri: string, textWithCursor: string, label: string) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const position = positionOf(textWithCursor, '|');
  const result = s.getCompletions({ uri, version: 1, text }, position);
  const item = result.items.find((i) => i.label === label);
  return { result, applied: item ? applyTextEdits(text, [{ range: item.range, newText: item.newText }]) : undefined };
}

describe('completion', () => {
  it('completes entry ids after [[ and closes the annotation', () => {
    const { result, applied } = complete(service(), 'file:///w/a.txt', 'The [[mo| said', 'mofa');
    assert.equal(result.items[0].label, 'mofa');
    assert.equal(result.items[0].kind, 'organization');
    assert.match(result.items[0].detail!, /Ministry of Foreign Affairs/);
    assert.equal(applied, 'The [[mofa]] said');
  });

  it('replaces only the id when the annotation is already closed', () => {
    assert.equal(complete(service(), 'file:///w/a.txt', 'The [[|]] said', 'mofa').applied, 'The [[mofa]] said');
    assert.equal(complete(service(), 'file:///w/a.txt', 'The [[mo|x|the ministry]] said', 'mofa').applied, 'The [[mofa|the ministry]] said');
  });

  it('finds ids by name as well', () => {
    const { result } = complete(service(), 'file:///w/a.txt', '[[ministry|', 'mofa');
    assert.deepEqual(result.items.map((i) => i.label), ['mofa']);
  });

  it('offers the canonical name while a known alias is typed', () => {
    const { result, applied } = complete(service(), 'file:///w/a.txt', 'Deputy Minister Nguyen Ma|', 'Nguyễn Mạnh Cường');
    assert.equal(applied, 'Deputy Minister Nguyễn Mạnh Cường');
    assert.equal(result.items[0].filterText, 'Nguyen Manh Cuong');
    // Lower-case words of prose are left alone.
    assert.equal(complete(service(), 'file:///w/a.txt', 'the mass dip|', 'mass diplomacy').result.items.length, 0);
  });

  it('completes ids in use and related values of a glossary file', () => {
    const glossaryWithCursor = GLOSSARY.replace('use: people-to-people-diplomacy', 'use: peo|ple-to-people-diplomacy');
    const fromUse = complete(service(), GLOSSARY_URI, glossaryWithCursor, 'people-to-people-diplomacy');
    assert.ok(fromUse.result.items.some((i) => i.label === 'people-to-people-diplomacy'));
    assert.equal(fromUse.applied, GLOSSARY);
    const emptyItem = GLOSSARY.replace('related: [mofa, ]', 'related: [mofa, |]');
    const fromRelated = complete(service(), GLOSSARY_URI, emptyItem, 'nguyen-manh-cuong');
    assert.equal(fromRelated.applied, GLOSSARY.replace('related: [mofa, ]', 'related: [mofa, nguyen-manh-cuong]'));
    // Not on a name.
    const onName = GLOSSARY.replace('name: mass diplomacy', 'name: mass| diplomacy');
    assert.equal(complete(service(), GLOSSARY_URI, onName, 'mofa').result.items.length, 0);
  });
});
