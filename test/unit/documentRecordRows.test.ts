import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { createDocumentRecord, DocumentRecordBuilder, indexedDocumentOf } from '../../server/src/core/index';
import { PolicyService } from '../../server/src/core/service';
import type { TextFile } from '../../server/src/core/types';

// A document that is not kept is recorded from rows the scan writes (no Mention objects); one that is kept,
// from its analysis. Both must give the index the same record.

const SAMPLES = path.resolve(__dirname, '../../../samples');
const GLOSSARY_PATH = path.join(SAMPLES, 'policy.glossary.yaml');

function sampleFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sampleFiles(full);
    return /\.(md|txt)$/.test(name) ? [full] : [];
  });
}

function sampleService(): PolicyService {
  const service = new PolicyService({ roots: [pathToFileURL(SAMPLES).toString()] });
  service.setGlossaryFile(pathToFileURL(GLOSSARY_PATH).toString(), readFileSync(GLOSSARY_PATH, 'utf8'));
  return service;
}

/** The record of the kept analysis: what the index took of a document before rows existed. */
function recordOfKeptAnalysis(service: PolicyService, file: TextFile) {
  const kept = service.analyzed(file);
  return createDocumentRecord(indexedDocumentOf(file.uri, kept.analysis, kept.references));
}

describe('index records made from rows', () => {
  it('equal the records of the kept analyses of the sample documents', () => {
    const service = sampleService();
    const files = sampleFiles(SAMPLES);
    assert.ok(files.length >= 5);
    for (const file of files) {
      const doc = { uri: pathToFileURL(file).toString(), version: 1, text: readFileSync(file, 'utf8') };
      const record = service.documentRecord(doc);
      assert.ok(!('skipped' in record));
      assert.ok(record.rows.length > 0, file);
      assert.deepEqual(record, recordOfKeptAnalysis(service, doc), file);
    }
  });

  it('equal the records of kept analyses of any mix of names, numbers, annotations, titles and line ends', () => {
    const service = sampleService();
    const pieces = [
      'Tô Lâm', 'TO LAM', 'to lam', 'General Secretary To Lam', 'Lam', 'ông Lâm', 'Nguyen Manh Cuong', 'Deputy Foreign Minister Nguyễn Mạnh Cường',
      'Cuong', 'Cường', 'Lương Cường', 'President Luong Cuong', 'former Prime Minister Pham Minh Chinh', 'Ho Chi Minh', 'Ho Chi Minh City',
      '59-NQ/TW', 'Resolution 59', 'Nghị quyết số 59-NQ/TW', '250/2025/QH15', 'strategic autonomy', 'Strategic Autonomy', 'people-to-people diplomacy',
      'bamboo diplomacy', '[[to-lam|the leader]]', '[[to-lam]]', '[[unknown-id|someone]]', 'https://example.org/Tô-Lâm', 'le-hoai-trung.jpg', 'WHO', 'who',
      '“Tô Lâm”', 'Tô Lâm’s', 'Tô\u0302', 'của và các là được', 'the and of to',
    ];
    const breaks = [' ', ' ', ', ', '. ', '\n', '\r\n', '\n\n', '\r', '\r\n\r\n', ' — '];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...breaks)), { minLength: 1, maxLength: 40 }), (parts) => {
        const text = parts.map(([piece, sep]) => piece + sep).join('');
        const doc = { uri: 'file:///w/mix.txt', version: 1, text };
        const record = service.documentRecord(doc);
        assert.ok(!('skipped' in record));
        assert.deepEqual(record, recordOfKeptAnalysis(service, doc), JSON.stringify(text));
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('are the same whatever order the mentions come in', () => {
    const rows: Parameters<DocumentRecordBuilder['add']>[] = [
      [0, 5, 0, 0, 0, 5, 'a', 'term', 'name', 'alpha'],
      [3, 9, 0, 3, 0, 9, 'b', 'official', 'short', 'beta'],
      [3, 7, 0, 3, 0, 7, 'a', 'term', 'alias', 'alp'],
      [12, 20, 1, 0, 1, 8, 'c', 'resolution', 'number', '59-NQ/TW'],
      [12, 20, 1, 0, 1, 8, 'a', 'term', 'annotation', 'alpha'],
      [25, 30, 2, 1, 2, 6, 'b', 'official', 'name', 'beta'],
    ];
    const inOrder = new DocumentRecordBuilder();
    for (const row of [...rows].sort((x, y) => x[0] - y[0] || x[1] - y[1])) inOrder.add(...row);
    const expected = inOrder.record('file:///w/x.txt', [], '2026-01-02');
    fc.assert(
      fc.property(fc.shuffledSubarray(rows, { minLength: rows.length }), (shuffled) => {
        const builder = new DocumentRecordBuilder();
        for (const row of shuffled) builder.add(...row);
        assert.deepEqual(builder.record('file:///w/x.txt', [], '2026-01-02'), expected);
      }),
      { numRuns: 100, seed: 5 },
    );
    // Grouped by entry in order of first mention; each group by position; texts numbered in that order.
    assert.deepEqual(expected.entryIds, ['a', 'b', 'c']);
    assert.deepEqual(Array.from(expected.groupStarts), [0, 3, 5, 6]);
    assert.deepEqual(expected.texts, ['alpha', 'alp', 'beta', '59-NQ/TW']);
    assert.deepEqual(Array.from(expected.rows.filter((_, k) => k % 8 === 0)), [0, 3, 12, 3, 25, 12]);
  });

  it('reports whether a mention of an entry covers a span', () => {
    const builder = new DocumentRecordBuilder();
    builder.add(10, 20, 0, 10, 0, 20, 'a', 'term', 'name', 'x');
    assert.equal(builder.covers('a', 15, 25), true);
    assert.equal(builder.covers('a', 20, 25), false);
    assert.equal(builder.covers('b', 10, 20), false);
  });
});
