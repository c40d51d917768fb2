// Glossary errors in a real VS Code: a scratch copy of the samples gets a second glossary file with
// mistakes and a third that is not valid YAML. The status bar item counts the glossary errors, a click
// on it opens the Problems panel, which lists each problem with its message, code and position, and a
// click on a problem opens the glossary file there.
import assert from 'node:assert/strict';
import { e2eTest, waitFor } from './workbench.mjs';

const EXTRA = [
  '# Entries under review.',
  'entries:',
  '  - id: hanoi',
  '    kind: place',
  '    name: Hanoi',
  '  - id: hanoi',
  '    kind: place',
  '    name: Ha Noi',
  '  - id: asean-summit',
  '    kind: gathering',
  '    name: ASEAN Summit',
  '  - id: da-nang',
  '    kind: place',
  '    name: Da Nang',
  '    alias: [Danang]',
  '    related: [central-region]',
  '',
].join('\n');

const BROKEN = ['entries:', '  - id: hue', '    kind: place', '    name: [Hue', ''].join('\n');

/** 1-based line and column of the `occurrence`-th `text` in `content`, as the Problems panel shows them. */
function at(content, text, occurrence = 1) {
  let index = -1;
  for (let i = 0; i < occurrence; i++) index = content.indexOf(text, index + 1);
  assert.ok(index >= 0, `"${text}" occurs ${occurrence} time(s)`);
  const before = content.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

/**
 * The Problems panel's rows as problems: { file, severity, message, code, line, column }. A problem
 * row shows "<message>\n<source>\n<code>\n[Ln L, Col C]"; file rows and related-information rows
 * (which name another spot) are not problems.
 */
function problemsOf(panel) {
  const problems = [];
  let file;
  panel.rows.forEach((label, i) => {
    const text = panel.texts[i] ?? '';
    const fileRow = /^\d+ problems? in file (.*?) of folder (.*)$/.exec(label);
    if (fileRow) {
      file = fileRow[2] === '.' ? fileRow[1] : `${fileRow[2]}/${fileRow[1]}`;
      return;
    }
    const parts = text.split('\n');
    const position = /^\[Ln (\d+), Col (\d+)\]$/.exec(parts.at(-1) ?? '');
    const severity = /^(Error|Warning|Info): /.exec(label)?.[1];
    if (!severity || !position || parts.length < 4) return;
    problems.push({ file, severity, message: parts[0], source: parts[1], code: parts[2], line: Number(position[1]), column: Number(position[2]) });
  });
  return problems;
}

e2eTest(
  'glossary errors show in the status bar and in the Problems panel with their codes',
  async (workbench) => {
    const { page } = workbench;
    // The status bar item: "<n> entries", then the error icon and the number of glossary errors.
    const item = page.locator('[id$="policyGloss.status"]');
    await item.waitFor({ state: 'visible', timeout: 60_000 });
    const errorsInStatusBar = await waitFor(
      async () => {
        const label = (await item.getAttribute('aria-label')) ?? '';
        const m = /(\d+) glossary errors?/.exec(label);
        return m ? Number(m[1]) : undefined;
      },
      { timeoutMs: 60_000, describe: () => 'the status bar item to count glossary errors' },
    );

    await item.click();
    await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 10_000 });
    let problems = [];
    const panel = await waitFor(
      async () => {
        const p = await workbench.problemsPanel();
        problems = problemsOf(p);
        return problems.filter((x) => x.file === 'extra.glossary.yaml').length >= 5 && problems.some((x) => x.file === 'broken.glossary.yaml') ? p : undefined;
      },
      { timeoutMs: 30_000, describe: () => `the glossary problems in the panel (seen: ${JSON.stringify(problems)})` },
    );
    const extra = problems.filter((p) => p.file === 'extra.glossary.yaml');
    const expect = (code, severity, spot, message) => {
      const found = extra.find((p) => p.code === code && p.line === spot.line && p.column === spot.column);
      assert.ok(found, `${code} at ${spot.line}:${spot.column} in extra.glossary.yaml; the panel has ${JSON.stringify(extra)}`);
      assert.equal(found.severity, severity, `${code} is an ${severity}`);
      assert.equal(found.source, 'policy-gloss');
      assert.match(found.message, message);
    };
    expect('duplicate-id', 'Error', at(EXTRA, 'hanoi', 1), /`hanoi` is defined 2 times/);
    expect('duplicate-id', 'Error', at(EXTRA, 'hanoi', 2), /`hanoi` is defined 2 times/);
    expect('invalid-kind', 'Error', at(EXTRA, 'gathering'), /Unknown kind `gathering`/);
    expect('unknown-key', 'Warning', at(EXTRA, 'alias:'), /aliases/); // "did you mean" the right key
    expect('unknown-reference', 'Error', at(EXTRA, 'central-region'), /`central-region`/);
    const broken = problems.filter((p) => p.file === 'broken.glossary.yaml');
    assert.ok(broken.some((p) => p.code === 'yaml-syntax' && p.severity === 'Error'), `a YAML syntax error in broken.glossary.yaml: ${JSON.stringify(broken)}`);
    // The sample glossary itself is fine.
    assert.deepEqual(problems.filter((p) => p.file === 'policy.glossary.yaml'), []);

    const glossaryErrors = problems.filter((p) => p.severity === 'Error' && p.file?.endsWith('.glossary.yaml'));
    assert.equal(errorsInStatusBar, glossaryErrors.length, `the status bar counts the glossary errors of the panel: ${JSON.stringify(panel.rows)}`);

    // A click on a problem opens the glossary file at it.
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'invalid-kind' }).click();
    await waitFor(async () => ((await workbench.activeTab()).title === 'extra.glossary.yaml' ? true : undefined), {
      timeoutMs: 10_000,
      describe: () => 'extra.glossary.yaml to open',
    });
    const kindAt = at(EXTRA, 'gathering');
    await waitFor(async () => ((await workbench.cursorPosition())?.line === kindAt.line ? true : undefined), {
      timeoutMs: 10_000,
      describe: () => `the cursor on line ${kindAt.line}`,
    });

    // For the picture: the entries' code lenses ("N mentions in M documents") resolve a moment later.
    await page
      .locator('.editor-group-container.active .codelens-decoration', { hasText: /mentions? in/ })
      .first()
      .waitFor({ state: 'visible', timeout: 5_000 })
      .catch(() => undefined);
    await workbench.parkMouse();
    const editor = page.locator('.editor-group-container.active');
    const problemsPart = page.locator('.part.panel');
    const statusBar = page.locator('.part.statusbar');
    await workbench.screenshot('glossary-problems', { clip: await workbench.regionAround([editor, problemsPart, statusBar], { margin: 0 }), docsImage: 'glossary-problems' });
  },
  { files: { 'extra.glossary.yaml': EXTRA, 'broken.glossary.yaml': BROKEN } },
);
