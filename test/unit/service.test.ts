import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { PolicyService } from '../../server/src/core/service';

const GLOSSARY = `entries:
  - id: nguyen-manh-cuong
    kind: official
    name: Nguyễn Mạnh Cường
    aliases: [Nguyen Manh Cuong]
    summary: Deputy minister <b>bold</b> [link](command:evil)
`;

describe('PolicyService', () => {
  it('hovers a mention with the canonical name and escaped summary', () => {
    const service = new PolicyService();
    service.setGlossaryFile('file:///w/policy.glossary.yaml', GLOSSARY);
    const file = { uri: 'file:///w/a.txt', version: 1, text: 'Minister\nNguyen Manh Cuong said.' };
    const hover = service.getHover(file, { line: 1, character: 4 });
    assert.ok(hover);
    assert.match(hover.markdown, /Nguyễn Mạnh Cường/);
    assert.doesNotMatch(hover.markdown, /<b>/);
    assert.doesNotMatch(hover.markdown, /\]\(command:/);
    assert.deepEqual(hover.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 17 } });
    assert.equal(service.getHover(file, { line: 0, character: 2 }), undefined);
  });
});
