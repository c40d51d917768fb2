import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, parseSettings } from '../../server/src/core/settings';

describe('settings', () => {
  it('uses the defaults when the client returns nothing', () => {
    for (const raw of [null, undefined, {}, 'nonsense', 42]) {
      const { settings, problems } = parseSettings(raw);
      assert.deepEqual(settings, DEFAULT_SETTINGS);
      assert.deepEqual(problems, []);
    }
  });

  it('reads every setting', () => {
    const { settings, problems } = parseSettings({
      glossaryFiles: ['terms/*.yaml'],
      documents: ['**/*.txt'],
      inlayHints: { shortNames: false },
      diagnostics: { severity: { 'title-outdated': 'off', 'unknown-document': 'error' } },
      quickFixLanguage: 'vietnamese',
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(settings, {
      glossaryFiles: ['terms/*.yaml'],
      documents: ['**/*.txt'],
      inlayHints: { shortNames: false },
      diagnostics: { severity: { 'title-outdated': 'off', 'unknown-document': 'error' } },
      quickFixLanguage: 'vietnamese',
    });
  });

  it('reports malformed values and keeps the defaults for them', () => {
    const { settings, problems } = parseSettings({
      glossaryFiles: 'x.yaml',
      documents: [1, 2],
      inlayHints: { shortNames: 'yes' },
      diagnostics: { severity: { 'no-such-code': 'error', 'name-variant': 'loud' } },
    });
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    assert.equal(problems.length, 5);
  });
});
