import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadGlossaryFile, mergeGlossary } from '../../server/src/core/glossary/load';
import { hasWord } from '../../server/src/core/glossary/forms';
import type { GlossaryFile } from '../../server/src/core/glossary/model';
import type { Range } from '../../server/src/core/types';
import { glossaryArbitrary, mutate, mutationArbitrary, renderGlossary, type GenGlossary } from '../helpers/glossaryGen';

function lineLengths(text: string): number[] {
  return text.split(/\r\n|\n|\r/).map((line) => line.length);
}

function assertInside(range: Range, lengths: number[], what: string): void {
  for (const p of [range.start, range.end]) {
    assert.ok(p.line >= 0 && p.line < lengths.length, `${what}: line ${p.line} outside the file`);
    assert.ok(p.character >= 0 && p.character <= lengths[p.line], `${what}: character ${p.character} outside line ${p.line}`);
  }
  assert.ok(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character), `${what}: reversed range`);
}

function assertRangesInside(file: GlossaryFile, text: string): void {
  const lengths = lineLengths(text);
  for (const problem of file.problems) assertInside(problem.range, lengths, problem.code);
  for (const entry of file.entries) {
    assertInside(entry.location.range, lengths, 'entry');
    assertInside(entry.idLocation.range, lengths, 'id');
  }
}

test('property: the loader never throws and every range lies inside the file, on generated and mutated YAML', () => {
  fc.assert(
    fc.property(glossaryArbitrary, mutationArbitrary, fc.boolean(), (g, mutations, doMutate) => {
      const text = doMutate ? mutate(renderGlossary(g), mutations) : renderGlossary(g);
      const file = loadGlossaryFile('file:///w/g.glossary.yaml', text);
      assertRangesInside(file, text);
      const merged = mergeGlossary([file]);
      const lengths = lineLengths(text);
      for (const problem of merged.problems) {
        assertInside(problem.range, lengths, problem.code);
        for (const related of problem.related ?? []) assertInside(related.range, lengths, `${problem.code} related`);
      }
    }),
    { seed: 8, numRuns: 500 },
  );
});

test('property: the valid entries of a partly broken file still load', () => {
  fc.assert(
    fc.property(
      glossaryArbitrary.filter((g) => g.entries.length >= 2),
      fc.nat(),
      fc.constantFrom('kind', 'name', 'id'),
      (g: GenGlossary, which, breakKey) => {
        const target = which % g.entries.length;
        // Break one entry: an unknown kind, or a required key removed.
        const broken: GenGlossary = structuredClone(g);
        const fields = broken.entries[target].fields;
        const index = fields.findIndex(([key]) => key === breakKey);
        if (breakKey === 'kind') fields[index] = ['kind', { scalar: { value: 'not-a-kind', quote: 'plain' } }];
        else if (index > 0) fields.splice(index, 1);
        else fields[index] = [`x-was-${breakKey}`, fields[index][1]];
        const expected = g.entries
          .map((entry, i) => ({ entry, i }))
          .filter(({ entry, i }) => {
            const name = entry.fields.find(([key]) => key === 'name')![1];
            return i !== target && 'scalar' in name && hasWord(name.scalar.value);
          })
          .map(({ entry }) => {
            const id = entry.fields.find(([key]) => key === 'id')![1];
            return 'scalar' in id ? id.scalar.value : '';
          });
        const file = loadGlossaryFile('file:///w/g.glossary.yaml', renderGlossary(broken));
        assert.equal(file.parsed, true);
        assert.deepEqual(file.entries.map((e) => e.id), expected);
        assert.ok(file.problems.some((p) => p.code === (breakKey === 'kind' ? 'invalid-kind' : 'missing-key')));
      },
    ),
    { seed: 9, numRuns: 200 },
  );
});
