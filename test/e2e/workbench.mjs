// Page driver for the end-to-end tests: drives the VS Code workbench served by code-server the way a
// user does (keyboard, command palette, Quick Open) and reads what a user sees.
// `test/e2e/run.mjs` starts code-server and passes its address in POLICY_GLOSS_E2E.
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const screenshotsDir = join(here, 'screenshots');
/** The README's screenshots; rewritten only when POLICY_GLOSS_E2E_DOCS_IMAGES=1. */
export const docsImagesDir = join(here, '..', '..', 'docs', 'images');

const SECOND = 1000;

/** The running code-server, as described by run.mjs. */
export function e2eEnvironment() {
  const raw = process.env.POLICY_GLOSS_E2E;
  if (!raw) throw new Error('POLICY_GLOSS_E2E is not set: run the end-to-end tests with `npm run test:e2e`');
  return JSON.parse(raw);
}

/** Polls `probe` until it returns a value other than undefined; fails with `describe()` after `timeoutMs`. */
export async function waitFor(probe, { timeoutMs = 30 * SECOND, intervalMs = 250, describe = () => 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs / SECOND} s waiting for ${describe()}${cause}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** 1-based line and column (UTF-16 units, as VS Code counts) of the middle of an occurrence of `text`. */
export function positionOf(content, text, occurrence = 1) {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = content.indexOf(text, index + 1);
    if (index < 0) throw new Error(`"${text}" occurs fewer than ${occurrence} time(s)`);
  }
  const middle = index + Math.floor(text.length / 2);
  const before = content.slice(0, middle);
  const line = before.split('\n').length;
  const column = middle - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}

/**
 * Parses the Problems status bar entry's parts, icon kind -> text after the icon. VS Code shows
 * errors and warnings always and infos only when there are some; large numbers as "10K+".
 */
export function parseProblemCounts(parts) {
  const number = (kind) => {
    const text = parts[kind];
    if (text === undefined) return kind === 'info' ? 0 : undefined;
    return /^\d+$/.test(text) ? Number(text) : undefined;
  };
  const counts = { errors: number('error'), warnings: number('warning'), infos: number('info') };
  if (Object.values(counts).some((n) => n === undefined)) return undefined;
  return { ...counts, total: counts.errors + counts.warnings + counts.infos };
}

export class Workbench {
  /** @param {import('playwright-core').Browser} browser @param {import('playwright-core').Page} page */
  constructor(browser, page, folder, browserHome) {
    this.browser = browser;
    this.browserHome = browserHome;
    this.page = page;
    this.folder = folder;
    /** Messages the page logged as errors; shown when a test fails. */
    this.consoleErrors = [];
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
  }

  /** Launches Chromium and opens `folder` (default: the workspace code-server was started with). */
  static async open({ folder } = {}) {
    const env = e2eEnvironment();
    const workspace = folder ?? env.folder;
    // Chromium keeps crash reports and caches under XDG folders: give it its own, not the user's.
    const browserHome = mkdtempSync(join(tmpdir(), 'policy-gloss-chromium-'));
    let browser;
    try {
      browser = await chromium.launch({
        executablePath: env.chromium,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        env: { ...process.env, XDG_CONFIG_HOME: join(browserHome, 'config'), XDG_CACHE_HOME: join(browserHome, 'cache') },
        timeout: 60 * SECOND,
      });
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      page.setDefaultTimeout(30 * SECOND);
      const workbench = new Workbench(browser, page, workspace, browserHome);
      await page.goto(`${env.url}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded', timeout: 60 * SECOND });
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60 * SECOND });
      // The explorer lists the folder once the workbench is connected to the server.
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: 60 * SECOND });
      return workbench;
    } catch (error) {
      await browser?.close();
      rmSync(browserHome, { recursive: true, force: true });
      throw error;
    }
  }

  async close() {
    await this.browser.close();
    rmSync(this.browserHome, { recursive: true, force: true });
  }

  /** Opens a workspace file (path relative to the folder) with Quick Open and waits for its editor. */
  async openFile(relativePath) {
    const name = relativePath.split('/').pop();
    const { page } = this;
    await this.focusWorkbench();
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await input.fill(relativePath);
    // Quick Open searches the workspace as it is typed: wait for the row of exactly this file.
    const row = page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) });
    await row.first().waitFor({ state: 'visible' });
    await row.first().click();
    await this.activeEditor(relativePath).waitFor({ state: 'visible' });
    await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ state: 'visible' });
    this.openPath = relativePath;
  }

  /** The visible code editor showing `relativePath` (Monaco tags each editor with its document URI). */
  activeEditor(relativePath = this.openPath) {
    const suffix = relativePath.split('/').map(encodeURIComponent).join('/');
    return this.page.locator(`.editor-group-container.active .monaco-editor[data-uri$="/${suffix}"]`);
  }

  /** Moves the cursor to a 1-based line and column with Go to Line/Column. */
  async goTo(line, column) {
    const { page } = this;
    await this.activeEditor().click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}:${column}`);
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
    await waitFor(async () => ((await this.cursorPosition())?.line === line && (await this.cursorPosition())?.column === column ? true : undefined), {
      timeoutMs: 10 * SECOND,
      describe: () => `the cursor at ${line}:${column}`,
    });
  }

  /** The cursor position from the status bar ("Ln 7, Col 12"). */
  async cursorPosition() {
    const label = await this.page.locator('[id="status.editor.selection"]').innerText({ timeout: 5 * SECOND });
    const m = /Ln (\d+), Col (\d+)/.exec(label);
    return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
  }

  /**
   * Puts the cursor on `text` in the open file, runs "Show or Focus Hover" and returns the hover's
   * text. The language server may still be starting, so the hover is asked again until `until`
   * accepts its text (default: any text) or the time runs out.
   */
  async hoverAt(text, { occurrence = 1, until = (hover) => hover.trim().length > 0, timeoutMs = 60 * SECOND, whole = false } = {}) {
    const content = readFileSync(join(this.folder, this.openPath), 'utf8');
    const { line, column } = positionOf(content, text, occurrence);
    await this.goTo(line, column);
    // `whole`: the problem rows and every card of the hover, not only its last part.
    const hover = whole ? this.hoverWidget() : this.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').last();
    let lastSeen = '';
    return waitFor(
      async () => {
        await this.runCommand('Show or Focus Hover');
        try {
          await hover.waitFor({ state: 'visible', timeout: 3 * SECOND });
          // Wait for "Loading..." to be replaced by the provider's answer.
          lastSeen = await waitFor(async () => {
            const t = await hover.innerText({ timeout: 2 * SECOND });
            return /^\s*Loading\.\.\.\s*$/.test(t) ? undefined : t;
          }, { timeoutMs: 10 * SECOND, describe: () => 'the hover to load' });
        } catch {
          return undefined;
        }
        if (until(lastSeen)) return lastSeen;
        await this.page.keyboard.press('Escape');
        return undefined;
      },
      { timeoutMs, intervalMs: 500, describe: () => `a hover on "${text}" (last seen: ${JSON.stringify(lastSeen)})` },
    );
  }

  /** Runs a command by its title from the command palette (exact title, e.g. "Show or Focus Hover"). */
  async runCommand(title) {
    const { page } = this;
    await page.keyboard.press('Control+Shift+P');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    const row = page.locator('.quick-input-list .monaco-list-row', {
      has: page.locator('.label-name', { hasText: new RegExp(`^(.*: )?${escapeRegExp(title)}$`) }),
    });
    await row.first().waitFor({ state: 'visible' });
    await row.first().click();
    await input.waitFor({ state: 'hidden' });
  }

  /** The hover widget on screen (all its parts). */
  hoverWidget() {
    return this.page.locator('.monaco-hover:not(.hidden)', { has: this.page.locator('.monaco-hover-content') }).last();
  }

  /**
   * Opens the Quick Fix menu at the cursor (Ctrl+.) and returns its actions' titles. The server may
   * still be computing, so the menu is opened again until `until` accepts the titles.
   */
  async openQuickFixMenu({ until = (titles) => titles.length > 0, timeoutMs = 30 * SECOND } = {}) {
    const { page } = this;
    const actions = page.locator('.action-widget .monaco-list-row.action');
    let last = [];
    return waitFor(
      async () => {
        await page.keyboard.press('Control+.');
        try {
          await actions.first().waitFor({ state: 'visible', timeout: 5 * SECOND });
        } catch {
          last = [];
          await page.keyboard.press('Escape');
          return undefined;
        }
        last = (await actions.allInnerTexts()).map((t) => t.trim());
        if (until(last)) return last;
        await page.keyboard.press('Escape');
        return undefined;
      },
      { timeoutMs, intervalMs: 500, describe: () => `quick fixes (last seen: ${JSON.stringify(last)})` },
    );
  }

  /** Chooses an action of the open Quick Fix menu by its exact title. */
  async chooseQuickFix(title) {
    const row = this.page.locator('.action-widget .monaco-list-row.action', { hasText: new RegExp(`^\\s*${escapeRegExp(title)}\\s*$`) });
    await row.first().click();
    await row.first().waitFor({ state: 'hidden' });
  }

  /** The lines of the active editor that are rendered (small documents: all of them), top to bottom. */
  async visibleLines() {
    const lines = await this.activeEditor().locator('.view-lines .view-line').evaluateAll((elements) =>
      elements.map((e) => ({ top: parseFloat(e.style.top) || 0, text: e.textContent ?? '' })),
    );
    return lines.sort((a, b) => a.top - b.top).map((l) => l.text.replace(/\u00a0/g, ' '));
  }

  /** Saves the active editor (Ctrl+S) and waits until its tab is no longer marked dirty. */
  async save() {
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 10 * SECOND });
  }

  /** The file shown by the active editor tab and the breadcrumb path above the editor. */
  async activeTab() {
    const { page } = this;
    const tab = page.locator('.editor-group-container.active .tabs-container .tab.active');
    // The label shows the name in parts (stem, suffix); the tab carries the whole file name.
    const title = (await tab.getAttribute('data-resource-name')) ?? (await tab.getAttribute('aria-label')) ?? '';
    const uri = await page.locator('.editor-group-container.active .monaco-editor[data-uri]').first().getAttribute('data-uri');
    const breadcrumbs = await page
      .locator('.editor-group-container.active .breadcrumbs-control .monaco-breadcrumb-item')
      .allInnerTexts()
      .catch(() => []);
    return { title, uri, breadcrumbs: breadcrumbs.map((b) => b.trim()).filter(Boolean) };
  }

  /**
   * The rows of the tree shown in the side bar: { level, label (accessible), text, expanded }.
   * Only the rows on screen: trees render what fits (the side bar shows about 35 rows).
   */
  async sideBarRows() {
    return this.page.locator('.part.sidebar .monaco-list-row').evaluateAll((elements) =>
      elements.map((e) => ({
        level: Number(e.getAttribute('aria-level') ?? 0),
        label: e.getAttribute('aria-label') ?? '',
        text: (e.innerText ?? '').replace(/\s+/g, ' ').trim(),
        expanded: e.getAttribute('aria-expanded') === null ? undefined : e.getAttribute('aria-expanded') === 'true',
      })),
    );
  }

  /** Problem counts from the status bar: { errors, warnings, infos, total }. */
  async problemsCount() {
    const item = this.page.locator('[id="status.problems"]');
    await item.waitFor({ state: 'visible' });
    const parts = await item.evaluate((element) => {
      // The entry reads "<error icon> 1 <warning icon> 0 [<info icon> 2]".
      const found = {};
      for (const icon of element.querySelectorAll('.codicon')) {
        const kind = ['error', 'warning', 'info'].find((k) => icon.classList.contains(`codicon-${k}`));
        let text = '';
        for (let node = icon.nextSibling; node && !(node instanceof Element && node.classList.contains('codicon')); node = node.nextSibling) {
          text += node.textContent;
        }
        if (kind) found[kind] = text.trim();
      }
      return found;
    });
    const counts = parseProblemCounts(parts);
    if (!counts) throw new Error(`cannot read the problem counts from the status bar: ${JSON.stringify(parts)}`);
    return counts;
  }

  /** Waits until the status bar's problem counts satisfy `accept(counts)`; returns them. */
  async waitForProblems(accept, { timeoutMs = 30 * SECOND } = {}) {
    let last;
    return waitFor(
      async () => {
        last = await this.problemsCount();
        return accept(last) ? last : undefined;
      },
      { timeoutMs, describe: () => `problem counts to match (last: ${JSON.stringify(last)})` },
    );
  }

  /**
   * Opens the Problems panel; returns the total from its tab ("Total 3 Problems") and the
   * accessible labels of its rows (a row per file, "2 problems in file x.md ...", then one per
   * problem, "Error: <message> at line 4 and character 2. generated by policy-gloss") and, as `texts`,
   * what each row shows ("<message>\npolicy-gloss\n<code>\n[Ln 4, Col 2]").
   */
  async problemsPanel() {
    const { page } = this;
    await this.runCommand('Focus on Problems View');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ state: 'visible' });
    const tab = page.locator('.part.panel [aria-label^="Problems"]').first();
    await tab.waitFor({ state: 'attached' });
    const tabLabel = (await tab.getAttribute('aria-label')) ?? '';
    const total = /Total (\d+) Problems?/.exec(tabLabel);
    const rows = await panel.locator('.monaco-list-row').evaluateAll((elements) => elements.map((e) => e.getAttribute('aria-label') ?? ''));
    // What the rows show: the message, the source, the code and the position, one per line.
    const texts = await panel.locator('.monaco-list-row').allInnerTexts();
    return { total: total ? Number(total[1]) : 0, rows, texts };
  }

  /** Gives keyboard focus to the workbench (not to a quick input or hover). */
  async focusWorkbench() {
    await this.page.keyboard.press('Escape');
  }

  /**
   * Saves a PNG of the whole window (or of `clip`, a page region) under test/e2e/screenshots/; returns
   * its path. With `docsImage` and POLICY_GLOSS_E2E_DOCS_IMAGES=1 it also becomes
   * docs/images/<docsImage>.png, a screenshot the README shows.
   */
  async screenshot(name, { clip, docsImage } = {}) {
    mkdirSync(screenshotsDir, { recursive: true });
    const path = join(screenshotsDir, `${name}.png`);
    await this.page.screenshot({ path, ...(clip ? { clip } : {}) });
    if (docsImage && process.env.POLICY_GLOSS_E2E_DOCS_IMAGES === '1') {
      mkdirSync(docsImagesDir, { recursive: true });
      copyFileSync(path, join(docsImagesDir, `${docsImage}.png`));
    }
    return path;
  }

  /** Moves the mouse to an empty spot of the title bar, so that no tooltip or row highlight shows. */
  async parkMouse() {
    const viewport = this.page.viewportSize();
    await this.page.mouse.move(Math.round(viewport.width * 0.82), 12);
    await this.page.waitForTimeout(300); // tooltips fade out
  }

  /**
   * The smallest page region holding every given element, widened by `margin` pixels and kept inside
   * the window: a `clip` for screenshot().
   */
  async regionAround(locators, { margin = 12 } = {}) {
    const boxes = [];
    for (const locator of locators) {
      const box = await locator.boundingBox();
      if (box) boxes.push(box);
    }
    if (boxes.length === 0) throw new Error('none of the elements is on screen');
    const viewport = this.page.viewportSize();
    const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - margin);
    const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - margin);
    const right = Math.min(viewport.width, Math.max(...boxes.map((b) => b.x + b.width)) + margin);
    const bottom = Math.min(viewport.height, Math.max(...boxes.map((b) => b.y + b.height)) + margin);
    return { x, y, width: right - x, height: bottom - y };
  }
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The index of a workspace folder as the command-line tool computes it (`policy-gloss scan`, the same
 * core as the language server), with paths relative to the folder: what the editor is expected to
 * show. Needs the bundles in dist/ (run.mjs builds them when it packages the extension).
 */
export function scanWorkspace(folder) {
  const cli = join(here, '..', '..', 'dist', 'cli.js');
  const output = execFileSync(process.execPath, [cli, 'scan', '.'], { cwd: folder, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(output);
}

/** The mentions of one entry in a scan: [{ path, text, range }], in document order. */
export function mentionsOf(scan, id) {
  return scan.documents.flatMap((d) => d.mentions.filter((m) => m.id === id).map((m) => ({ path: d.path, text: m.text, range: m.range })));
}

const slug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * A copy of the workspace code-server was started with (the samples) plus `files` (relative path ->
 * content), for tests that change files or need documents the samples do not have.
 */
export function scratchWorkspace(files = {}) {
  // Named like the samples, so that the window (and its screenshots) shows the same folder name.
  const folder = join(mkdtempSync(join(tmpdir(), 'policy-gloss-workspace-')), basename(e2eEnvironment().folder));
  cpSync(e2eEnvironment().folder, folder, { recursive: true });
  for (const [relativePath, content] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, relativePath)), { recursive: true });
    writeFileSync(join(folder, relativePath), content);
  }
  return folder;
}

/** Removes a folder made by scratchWorkspace(). */
export function removeScratchWorkspace(folder) {
  rmSync(dirname(folder), { recursive: true, force: true });
}

/**
 * A node:test test with a fresh browser window on the workbench, on the samples or, with `files`,
 * on a scratch copy of them with those files added. `fn(workbench, context)` gets node:test's test
 * context too (for subtests in the same window). On failure it saves `<test name>-failure.png`
 * and prints the page's console errors before the browser closes.
 */
export function e2eTest(name, fn, { files, timeout = 5 * 60 * SECOND } = {}) {
  return test(name, { timeout }, async (context) => {
    const folder = files ? scratchWorkspace(files) : undefined;
    try {
      const workbench = await Workbench.open({ folder });
      try {
        await fn(workbench, context);
      } catch (error) {
        const shot = await workbench.screenshot(`${slug(name)}-failure`).catch(() => undefined);
        if (shot) console.error(`screenshot of the failure: ${shot}`);
        if (workbench.consoleErrors.length) console.error(`page console errors:\n${workbench.consoleErrors.slice(-20).join('\n')}`);
        throw error;
      } finally {
        await workbench.close();
      }
    } finally {
      if (folder) removeScratchWorkspace(folder);
    }
  });
}
