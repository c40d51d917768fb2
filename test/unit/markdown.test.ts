import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { escapeMarkdown, sanitizeMarkdown } from '../../server/src/core/markdown';

describe('sanitizeMarkdown', () => {
  it('keeps emphasis and http(s) links', () => {
    assert.equal(sanitizeMarkdown('Sets **integration** as a [driver](https://example.org/a).'), 'Sets **integration** as a [driver](https://example.org/a).');
  });

  it('drops command, javascript, file and relative link targets but keeps their text', () => {
    const out = sanitizeMarkdown('[run](command:workbench.action.quit) [js](javascript:alert(1)) [f](file:///etc/passwd) [r](../x.md)');
    assert.equal(out, 'run js f r');
    assert.doesNotMatch(out, /command:|javascript:|file:/);
  });

  it('reduces images to their alt text and shows HTML as text', () => {
    assert.equal(sanitizeMarkdown('![pixel](https://tracker.example/p.png) <img src=x onerror=alert(1)> <b>b</b>'), 'pixel &lt;img src=x onerror=alert(1)&gt; &lt;b&gt;b&lt;/b&gt;');
  });

  it('neutralises reference-style link definitions and autolinks', () => {
    const out = sanitizeMarkdown('[go][1]\n\n[1]: command:evil\n<command:evil>');
    assert.doesNotMatch(out, /^\[1\]:/m);
    assert.doesNotMatch(out, /<command:/);
  });
});

describe('escapeMarkdown', () => {
  it('shows every Markdown character literally', () => {
    assert.equal(escapeMarkdown('*a* [b](c) <i>'), '\\*a\\* \\[b\\]\\(c\\) &lt;i&gt;');
  });
});

describe('sanitizeMarkdown on odd link syntax', () => {
  it('leaves no link to a non-web target even when the syntax is unusual', () => {
    const out = sanitizeMarkdown('[x](<command:a b>) [y](command:z "t")');
    assert.doesNotMatch(out, /\]\(command:/);
    assert.doesNotMatch(out, /\]\(<command:/);
  });
});
