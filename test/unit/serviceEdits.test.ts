import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { glossaryFileFor, nearestIds, slugify, uniqueId } from '../../server/src/core/codeActions';
import { renameEntryId } from '../../server/src/core/rename';
import { PolicyService } from '../../server/src/core/service';
import { applyTextEdits } from '../helpers/text';

const ROOT_GLOSSARY = 'file:///w/policy.glossary.yaml';
const TEAM_GLOSSARY = 'file:///w/team/terms.glossary.yaml';
const ROOT_TEXT = `entries:
  - id: resolution-59
    kind: resolution
    name: Resolution 59
    number: 59-NQ/TW
  - id: resolution-57
    kind: resolution
    name: Resolution 57
    related: [resolution-59]
`;
const TEAM_TEXT = `entries:
  - id: bamboo-diplomacy
    kind: term
    name: bamboo diplomacy
    related: [resolution-59]
`;

function service(): PolicyService {
  const s = new PolicyService({ roots: ['file:///w'] });
  s.setGlossaryFile(ROOT_GLOSSARY, ROOT_TEXT);
  s.setGlossaryFile(TEAM_GLOSSARY, TEAM_TEXT);
  return s;
}

describe('edits proposed by the service', () => {
  it('makes valid, unused ids from names', () => {
    assert.equal(slugify('Nguyễn Đức Phúc'), 'nguyen-duc-phuc');
    assert.equal(slugify('Decree 30/2020/NĐ-CP'), 'decree-30-2020-nd-cp');
    assert.equal(slugify('***'), 'entry');
    assert.equal(uniqueId(service(), 'resolution-59'), 'resolution-59-2');
    assert.equal(uniqueId(service(), 'resolution-60'), 'resolution-60');
  });

  it('suggests the nearest ids for a mistyped one', () => {
    assert.deepEqual(nearestIds(service(), 'resolution-95'), ['resolution-59', 'resolution-57']);
    assert.deepEqual(nearestIds(service(), 'bambo-diplomacy'), ['bamboo-diplomacy']);
    assert.deepEqual(nearestIds(service(), 'zzz'), []);
  });

  it('adds entries to the glossary in the nearest folder above the document', () => {
    const s = service();
    assert.equal(glossaryFileFor(s, 'file:///w/team/notes/a.txt'), TEAM_GLOSSARY);
    assert.equal(glossaryFileFor(s, 'file:///w/other/a.txt'), ROOT_GLOSSARY);
    assert.equal(glossaryFileFor(s), ROOT_GLOSSARY);
    const changes = s.addEntry({ id: 'mekong', kind: 'place', name: 'Mekong' }, 'file:///w/team/notes/a.txt');
    assert.ok(!('error' in changes));
    assert.deepEqual(changes.edits.map((g) => g.uri), [TEAM_GLOSSARY]);
    const text = applyTextEdits(TEAM_TEXT, changes.edits[0].edits);
    assert.ok(text.startsWith(TEAM_TEXT));
    assert.match(text.slice(TEAM_TEXT.length), /- id: mekong\n\s+kind: place\n\s+name: Mekong\n/);
  });

  it('prefills a document entry from the number and the type word before it', () => {
    const s = service();
    const text = 'The Assembly passed Law No. 250/2025/QH15 and Resolution 71-NQ/TW.';
    const doc = { uri: 'file:///w/notes/a.txt', version: 1, text };
    const added = (needle: string) => {
      const start = text.indexOf(needle);
      const fixes = s.getCodeFixes(doc, { start: { line: 0, character: start }, end: { line: 0, character: start + needle.length } });
      const fix = fixes.find((f) => f.diagnostic.code === 'unknown-document')!;
      return applyTextEdits(ROOT_TEXT, fix.changes.edits[0].edits).slice(ROOT_TEXT.length);
    };
    const law = added('250/2025/QH15');
    assert.match(law, /id: law-250-2025-qh15\n\s+kind: other\n\s+name: Law 250\/2025\/QH15\n\s+number: 250\/2025\/QH15\n\s+issuer: 15th National Assembly\n\s+date: "?2025"?/);
    const resolution = added('71-NQ/TW');
    assert.match(resolution, /id: resolution-71-nq-tw\n\s+kind: resolution\n\s+name: Resolution 71-NQ\/TW\n\s+number: 71-NQ\/TW\n\s+issuer: Party Central Committee/);
  });

  it('renames an id across glossary files and annotations of indexed documents', () => {
    const s = service();
    const doc = { uri: 'file:///w/a.txt', version: 1, text: 'See [[resolution-59]] and [[resolution-59|the resolution]], not [[resolution-57]].' };
    s.indexDocument(doc);
    const result = renameEntryId(s, 'resolution-59', 'resolution-59-nq');
    assert.ok('changes' in result);
    const byUri = new Map(result.changes.edits.map((g) => [g.uri, g.edits]));
    assert.equal(applyTextEdits(ROOT_TEXT, byUri.get(ROOT_GLOSSARY)!), ROOT_TEXT.replace(/resolution-59/g, 'resolution-59-nq'));
    assert.equal(applyTextEdits(TEAM_TEXT, byUri.get(TEAM_GLOSSARY)!), TEAM_TEXT.replace('resolution-59', 'resolution-59-nq'));
    assert.equal(
      applyTextEdits(doc.text, byUri.get(doc.uri)!),
      'See [[resolution-59-nq]] and [[resolution-59-nq|the resolution]], not [[resolution-57]].',
    );
    assert.deepEqual(renameEntryId(s, 'resolution-59', 'resolution-57'), { error: "An entry with the id 'resolution-57' already exists." });
    assert.ok('error' in renameEntryId(s, 'resolution-59', 'Resolution 59'));
    assert.deepEqual(renameEntryId(s, 'resolution-59', 'resolution-59'), { changes: { create: [], edits: [] } });
  });
});
