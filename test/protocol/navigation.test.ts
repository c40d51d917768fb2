import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  DefinitionRequest,
  DocumentHighlightRequest,
  DocumentLinkRequest,
  ReferencesRequest,
  type Location,
} from 'vscode-languageserver-protocol';
import { fileUri, LspTestClient, REPO_ROOT } from '../helpers/lspClient';
import { positionOf, rangeOf, textAt } from '../helpers/text';

const SAMPLES = path.join(REPO_ROOT, 'samples');
const sample = (name: string) => ({ uri: fileUri(SAMPLES, name), text: readFileSync(path.join(SAMPLES, name), 'utf8') });
const GLOSSARY = sample('policy.glossary.yaml');

/** The line of an entry's `id` in the sample glossary. */
const idLine = (id: string) => rangeOf(GLOSSARY.text, `id: ${id}\n`).start.line;

describe('definition, references and highlights over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start(SAMPLES);
  });
  after(async () => {
    await client.stop();
  });

  const definition = (uri: string, text: string, needle: string, delta = 1, occurrence = 0) =>
    client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: positionOf(text, needle, delta, occurrence) }) as Promise<Location[] | null>;
  const references = (uri: string, text: string, needle: string, includeDeclaration = false, delta = 1, occurrence = 0) =>
    client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri },
      position: positionOf(text, needle, delta, occurrence),
      context: { includeDeclaration },
    }) as Promise<Location[] | null>;
  const textOf = (location: Location) => textAt(readFileSync(new URL(location.uri), 'utf8'), location.range);

  it('goes from a mention to its entry in the glossary', async () => {
    const doc = sample('congress-foreign-policy.md');
    await client.open(doc.uri, doc.text, 'markdown');
    const locations = await definition(doc.uri, doc.text, 'Nguyen Manh Cuong');
    assert.equal(locations?.length, 1);
    assert.equal(locations![0].uri, GLOSSARY.uri);
    assert.equal(locations![0].range.start.line, idLine('nguyen-manh-cuong'));
    assert.equal(textAt(GLOSSARY.text, locations![0].range), 'nguyen-manh-cuong');
  });

  it('adds the entry source as a second target when it is a workspace file', async () => {
    const doc = sample('congress-foreign-policy.md');
    const locations = await definition(doc.uri, doc.text, '59-NQ/TW');
    assert.deepEqual(locations?.map((l) => l.uri), [GLOSSARY.uri, fileUri(SAMPLES, 'docs', 'resolution-59-notes.md')]);
  });

  it('goes to definition from a short name and from an annotation', async () => {
    const congress = sample('congress-foreign-policy.md');
    const fromShort = await definition(congress.uri, congress.text, 'Cuong said');
    assert.equal(fromShort![0].range.start.line, idLine('nguyen-manh-cuong'));
    const bamboo = sample('bamboo-diplomacy.policy.txt');
    await client.open(bamboo.uri, bamboo.text, 'policytext');
    const fromAnnotation = await definition(bamboo.uri, bamboo.text, '[[bamboo-diplomacy', 4);
    assert.equal(fromAnnotation![0].range.start.line, idLine('bamboo-diplomacy'));
  });

  it('finds every mention across the workspace, short names and annotations included', async () => {
    const congress = sample('congress-foreign-policy.md');
    const found = (await references(congress.uri, congress.text, 'Nguyen Manh Cuong'))!;
    assert.deepEqual(found.filter((l) => l.uri === congress.uri).map(textOf), ['Nguyen Manh Cuong', 'Cuong', 'Cuong']);
    // Every other location is a mention of the same official in another document.
    for (const l of found) assert.match(textOf(l), /Cuong|Cường/);
    // From a short name, the same list.
    assert.deepEqual(await references(congress.uri, congress.text, 'Cuong said'), found);

    const bamboo = sample('bamboo-diplomacy.policy.txt');
    const fromAnnotation = (await references(bamboo.uri, bamboo.text, '[[bamboo-diplomacy', false, 4))!;
    assert.deepEqual(fromAnnotation.filter((l) => l.uri === bamboo.uri).map(textOf), ['bamboo diplomacy', '[[bamboo-diplomacy|the bamboo school]]']);
  });

  it('finds mentions in documents that are not open, and the declaration on request', async () => {
    const briefing = sample('integration-briefing.txt');
    const notes = sample('docs/resolution-59-notes.md');
    const congress = sample('congress-foreign-policy.md');
    const found = (await references(congress.uri, congress.text, '59-NQ/TW', true))!;
    const uris = found.map((l) => l.uri);
    assert.equal(uris[0], GLOSSARY.uri, 'the declaration first');
    for (const doc of [briefing, notes, congress]) assert.ok(uris.includes(doc.uri), doc.uri);
  });

  it('highlights the mentions of the same entry in the document', async () => {
    const congress = sample('congress-foreign-policy.md');
    const highlights = (await client.connection.sendRequest(DocumentHighlightRequest.type, {
      textDocument: { uri: congress.uri },
      position: positionOf(congress.text, 'Cuong pointed', 2),
    }))!;
    assert.deepEqual(highlights.map((h) => textAt(congress.text, h.range)), ['Nguyen Manh Cuong', 'Cuong', 'Cuong']);
  });

  it('in a glossary file: goes from a related id to its entry and finds mentions of an entry id', async () => {
    await client.open(GLOSSARY.uri, GLOSSARY.text, 'yaml');
    const related = await definition(GLOSSARY.uri, GLOSSARY.text, 'related: [ministry-of-foreign-affairs]', 12);
    assert.equal(related![0].range.start.line, idLine('ministry-of-foreign-affairs'));
    const use = await definition(GLOSSARY.uri, GLOSSARY.text, 'use: people-to-people-diplomacy', 6);
    assert.equal(use![0].range.start.line, idLine('people-to-people-diplomacy'));
    const mentions = (await references(GLOSSARY.uri, GLOSSARY.text, 'id: nguyen-manh-cuong', false, 5))!;
    const congress = sample('congress-foreign-policy.md');
    assert.deepEqual(mentions, await references(congress.uri, congress.text, 'Nguyen Manh Cuong'));
    assert.deepEqual(mentions.filter((l) => l.uri === congress.uri).map(textOf), ['Nguyen Manh Cuong', 'Cuong', 'Cuong']);
  });

  it('links source values in glossary files: URLs and workspace files only', async () => {
    const links = (await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: GLOSSARY.uri } }))!;
    const targets = links.map((l) => [textAt(GLOSSARY.text, l.range), l.target]);
    assert.deepEqual(targets, [
      ['docs/resolution-59-notes.md', fileUri(SAMPLES, 'docs', 'resolution-59-notes.md')],
      ['https://example.org/partnerships', 'https://example.org/partnerships'],
    ]);
  });
});
