import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

// The TextMate grammar is applied by the editor's Oniguruma engine; its patterns use only syntax that
// JavaScript reads the same way, so they are checked here with JavaScript regular expressions on text
// whose word boundaries are ASCII.
const ROOT = path.resolve(__dirname, '..', '..', '..');
interface Rule {
  match?: string;
  begin?: string;
  end?: string;
  name?: string;
  patterns?: Rule[];
}
const grammar = JSON.parse(readFileSync(path.join(ROOT, 'syntaxes', 'policytext.tmLanguage.json'), 'utf8')) as {
  scopeName: string;
  patterns: { include: string }[];
  repository: Record<string, Rule>;
};
const regex = (rule: string) => new RegExp(grammar.repository[rule].match!, 'gmu');
const matches = (rule: string, text: string) => [...text.matchAll(regex(rule))].map((m) => m[0]);

describe('policytext grammar', () => {
  it('is the grammar the extension contributes, and every rule it includes exists', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const contributed = manifest.contributes.grammars.find((g: { language: string }) => g.language === 'policytext');
    assert.equal(contributed.scopeName, grammar.scopeName);
    assert.equal(path.normalize(contributed.path), path.normalize('./syntaxes/policytext.tmLanguage.json'));
    for (const { include } of grammar.patterns) assert.ok(grammar.repository[include.slice(1)], include);
    for (const rule of Object.values(grammar.repository)) {
      for (const source of [rule.match, rule.begin, rule.end]) if (source) new RegExp(source, 'u');
    }
  });

  it('marks annotations with their id and shown text', () => {
    const m = regex('annotation').exec('See [[bamboo-diplomacy|the bamboo school]] and [[to-lam]].')!;
    assert.deepEqual([m[2], m[4]], ['bamboo-diplomacy', 'the bamboo school']);
    assert.deepEqual(matches('annotation', 'See [[to-lam]] but not [[Bad Id]].'), ['[[to-lam]]']);
  });

  it('marks document numbers of both systems, and not fractions or times', () => {
    const text = 'Resolution 59-NQ/TW, Law 250/2025/QH15, Decree 30/2020/NĐ-CP, Decision 123/QĐ-TTg, 45-HD/BTCTW.';
    assert.deepEqual(matches('party-number', text), ['59-NQ/TW', '45-HD/BTCTW']);
    assert.deepEqual(matches('state-number', text), ['250/2025/QH15', '30/2020/NĐ-CP', '123/QĐ-TTg']);
    assert.deepEqual(matches('state-number', 'open 24/7, 1/2 of 3/4, 2025-01-24'), []);
    assert.deepEqual(matches('number-prefix', 'Resolution No. 59 and Số 12, but No more.'), ['No.', 'Số']);
  });

  it('marks dates and the leading date line', () => {
    assert.deepEqual(matches('date', 'On 2025-01-24, not 2025-1-24.'), ['2025-01-24']);
    assert.deepEqual(matches('date-line', 'date 2026-01-22\nupdate 2026-01-22\n'), ['date 2026-01-22']);
  });

  it('marks CriticMarkup comments, highlights and edits', () => {
    const rules: [string, string][] = [
      ['critic-comment', '{>> check <<}'],
      ['critic-highlight', '{== key ==}'],
      ['critic-addition', '{++ new ++}'],
      ['critic-deletion', '{-- old --}'],
      ['critic-substitution', '{~~ old ~> new ~~}'],
    ];
    for (const [rule, text] of rules) {
      const { begin, end } = grammar.repository[rule];
      assert.match(text, new RegExp(`^${begin}.*${end}$`, 'u'), rule);
    }
  });
});
