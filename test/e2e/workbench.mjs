// What a user does and sees in the VS Code workbench, as Playwright calls: open a file, read squiggles and the
// Problems panel, hover, pick a quick fix with Ctrl+. and the arrow keys, edit a word, save.
// Selectors are the workbench's own (VS Code 1.139). Every wait polls a condition; none sleeps a fixed time.
import path from 'node:path';
import { stableBox, waitUntil, workbenchUrl } from './harness.mjs';

const ACTIVE_EDITOR = '.editor-group-container.active .editor-instance .monaco-editor';

/**
 * Loads the workbench on `ws` with `file` open in the editor and waits until its text is rendered and the workbench
 * has finished starting. The last part matters: VS Code creates the save participants (editor.codeActionsOnSave)
 * when idle after the window is restored, and the work of its last start-up phase ("Eventually", 2.5-5 s later) can
 * cancel a save that is running its participants, so an early Ctrl+S may save without the fixes. The smoke-test
 * driver (code-server started with enable-smoke-test-driver) tells when both are done.
 */
export async function openWorkbench(page, cs, ws, file) {
  await page.goto(workbenchUrl(cs, ws, [['openFile', cs.remote(file)]]));
  await waitForActiveTab(page, path.basename(file), 60_000);
  await page.locator(`${ACTIVE_EDITOR} .view-line`).first().waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !!window.driver, null, { timeout: 60_000 });
  await page.evaluate(async () => {
    await window.driver.whenWorkbenchRestored();
    // LifecyclePhase.Eventually = 4 (the driver's own lifecycle service; present in code-server 4.139).
    await window.driver.lifecycleService?.when(4);
  });
}

/** Opens a workspace file the way a user would: Ctrl+P, type its relative path, Enter. */
export async function quickOpen(page, relativePath) {
  const base = path.basename(relativePath);
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(relativePath);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: base }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
  await waitForActiveTab(page, base);
}

export async function waitForActiveTab(page, base, timeout = 20_000) {
  await page.locator('.editor-group-container.active .tab.active', { hasText: base }).first().waitFor({ timeout });
}

/** Clicks the editor tab of `base` in the active group. */
export async function activateTab(page, base) {
  await page.locator('.editor-group-container .tab', { hasText: base }).first().click();
  await waitForActiveTab(page, base);
}

/**
 * The squiggles of the active editor as sorted "line:severity" strings (1-based lines), found by matching each
 * squiggle's vertical position with the line-number gutter. Only lines in view are seen.
 */
export async function squiggles(page) {
  return page.evaluate((selector) => {
    const editor = document.querySelector(selector);
    if (!editor) return [];
    const gutter = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].map((e) => {
      const r = e.getBoundingClientRect();
      return { n: Number(e.textContent), top: r.top, bottom: r.bottom };
    });
    const found = new Set();
    for (const s of editor.querySelectorAll('.view-overlays [class*="squiggly-"]')) {
      const severity = ['error', 'warning', 'info', 'hint'].find((k) => s.classList.contains(`squiggly-${k}`));
      if (!severity) continue;
      const r = s.getBoundingClientRect();
      const mid = (r.top + r.bottom) / 2;
      const line = gutter.find((g) => mid >= g.top && mid < g.bottom)?.n;
      if (line !== undefined) found.add(`${line}:${severity}`);
    }
    return [...found].sort((a, b) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b));
  }, ACTIVE_EDITOR);
}

/**
 * Polls until the active editor's squiggles equal `expected` (sorted "line:severity" strings). `severities`
 * limits the comparison to those kinds (e.g. ['error'] ignores the hardening rules' warnings).
 */
export async function waitForSquiggles(page, expected, { severities, timeout = 60_000 } = {}) {
  const order = (a, b) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b);
  const want = JSON.stringify([...expected].sort(order));
  let seen;
  await waitUntil(async () => {
    seen = (await squiggles(page)).filter((s) => !severities || severities.includes(s.split(':')[1]));
    return JSON.stringify(seen) === want;
  }, { timeout, message: `squiggles ${want}` }).catch((e) => {
    e.message += `; saw ${JSON.stringify(seen)}`;
    throw e;
  });
}

/** The squiggle element of the active editor on 1-based `line` with `severity`. */
export async function squiggleOn(page, line, severity = 'error') {
  const index = await page.evaluate(({ selector, line, severity }) => {
    const editor = document.querySelector(selector);
    const g = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')]
      .find((e) => Number(e.textContent) === line)?.getBoundingClientRect();
    if (!g) return -1;
    return [...editor.querySelectorAll(`.view-overlays .squiggly-${severity}`)].findIndex((s) => {
      const r = s.getBoundingClientRect();
      const mid = (r.top + r.bottom) / 2;
      return mid >= g.top && mid < g.bottom;
    });
  }, { selector: ACTIVE_EDITOR, line, severity });
  if (index < 0) throw new Error(`no ${severity} squiggle on line ${line}`);
  return page.locator(`${ACTIVE_EDITOR} .view-overlays .squiggly-${severity}`).nth(index);
}

/**
 * Opens the Problems panel (Ctrl+Shift+M) and returns its entries as { file, severity, message, source, code,
 * line, col }. The panel is a virtual list: when it holds more rows than it shows, it is maximized first.
 */
export async function problems(page) {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible().catch(() => false))) {
    await page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ timeout: 10_000 });
  }
  const read = () => page.evaluate(() => {
    const entries = [];
    let file = '', expected = 0;
    for (const row of document.querySelectorAll('.markers-panel .monaco-list-row')) {
      const text = (sel) => row.querySelector(sel)?.textContent.trim() ?? '';
      if (!row.querySelector('.marker-message')) { // a file row: name + count badge
        file = text('.label-name');
        expected += Number(text('.monaco-count-badge')) || 0;
        continue;
      }
      const icon = row.querySelector('.marker-icon')?.classList ?? [];
      const pos = /\[Ln (\d+), Col (\d+)\]/.exec(text('.marker-line')) ?? [];
      entries.push({
        file, severity: ['error', 'warning', 'info'].find((k) => icon.contains(k)) ?? 'hint',
        message: text('.marker-message'), source: text('.marker-source'), code: text('.marker-code'),
        line: Number(pos[1]), col: Number(pos[2]),
      });
    }
    return { entries, complete: entries.length >= expected };
  });
  let { entries, complete } = await read();
  if (!complete) {
    await runCommand(page, 'View: Toggle Maximized Panel');
    ({ entries, complete } = await read());
  }
  return entries;
}

/** Runs a workbench command by its title through the command palette (F1). */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: title }).waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** `code@line:col severity` strings of Problems entries, sorted, e.g. `privileged@25:25 error`. */
export const describeProblems = (entries) => entries.map((p) => `${p.code}@${p.line}:${p.col} ${p.severity}`).sort();

/** Polls the Problems panel until `accept(entries)` holds; returns the entries. */
export async function waitForProblems(page, accept, { timeout = 30_000, message = 'the Problems panel' } = {}) {
  let seen = [];
  return waitUntil(async () => { seen = await problems(page); return accept(seen) ? seen : undefined; },
    { timeout, message }).catch((e) => {
    e.message += `; saw ${JSON.stringify(seen.map((p) => `${p.file} ${p.severity} ${p.code} ${p.line}:${p.col}`))}`;
    throw e;
  });
}

/**
 * Moves the mouse over a box (from `boxOf()`: a squiggle's stableBox or a wordBox) and waits for a visible hover
 * containing `hasText`; retries the move (the layout may still be settling). Returns the hover's text, the point
 * used and the number of attempts.
 */
export async function hoverOver(page, boxOf, hasText, attempts = 4) {
  const hover = page.locator('.monaco-hover:visible', { hasText });
  for (let attempt = 1; ; attempt++) {
    const b = await boxOf();
    const point = [b.x + Math.min(b.width / 2, 20), b.y + b.height / 2];
    await page.mouse.move(...point, { steps: 5 });
    try {
      await hover.first().waitFor({ timeout: 5_000 });
      return { text: await hover.first().innerText(), point, attempts: attempt };
    } catch (e) {
      if (attempt === attempts) throw e;
    }
    await page.mouse.move(5, 5);
  }
}

/**
 * Puts the caret at `point`, opens the quick-fix menu with Ctrl+. and moves the selection with the arrow keys
 * to the first item whose text matches `title` (string or RegExp). Resolves, once that item is focused, with the
 * menu's item texts and the number of arrow presses it took; the caller takes its screenshot and presses Enter.
 */
export async function focusQuickFix(page, point, title) {
  await page.mouse.click(...point);
  await page.mouse.move(5, 5); // keep the pointer off the menu, which would steal the focus
  await page.keyboard.press('Escape');
  // The light bulb means the code actions at the caret are computed; Ctrl+. before that can be a no-op.
  await page.locator('.lightBulbWidget').first().waitFor({ timeout: 15_000 });
  const rows = page.locator('.action-widget .monaco-list-row');
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+.');
    try { await rows.first().waitFor({ timeout: 3_000 }); break; } catch (e) { if (attempt === 3) throw e; }
  }
  const items = (await rows.allInnerTexts()).map((s) => s.trim());
  const matches = (s) => (typeof title === 'string' ? s.includes(title) : title.test(s));
  if (!items.some(matches)) throw new Error(`no quick fix ${title} in ${JSON.stringify(items)}`);
  const focused = page.locator('.action-widget .monaco-list-row.focused');
  for (let moves = 0; moves <= items.length; moves++) {
    const text = (await focused.innerText().catch(() => '')).trim();
    if (matches(text)) return { items, moves };
    await page.keyboard.press('ArrowDown');
    await waitUntil(async () => (await focused.innerText().catch(() => '')).trim() !== text,
      { timeout: 3_000, message: 'the menu selection to move' });
  }
  throw new Error(`could not focus quick fix ${title} in ${JSON.stringify(items)}`);
}

/** The screen box of the first `word` in the rendered line of the active editor that contains `lineText`. */
export async function wordBox(page, lineText, word) {
  await page.locator(`${ACTIVE_EDITOR} .view-line`, { hasText: lineText }).first().waitFor({ timeout: 10_000 });
  const box = await page.evaluate(({ selector, lineText, word }) => {
    const el = [...document.querySelectorAll(`${selector} .view-line`)]
      .find((l) => l.textContent.replace(/\u00a0/g, ' ').includes(lineText));
    if (!el) return null;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent.indexOf(word);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + word.length);
      const r = range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }
    return null;
  }, { selector: ACTIVE_EDITOR, lineText, word });
  if (!box) throw new Error(`"${word}" not found in the line "${lineText}"`);
  return box;
}

/** Double-clicks the word `word` in the line containing `lineText` (selects it, as a user would). */
export async function selectWord(page, lineText, word) {
  const box = await wordBox(page, lineText, word);
  await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
}

/** The rendered text of the active editor's visible lines, top to bottom. */
export async function visibleText(page) {
  return page.evaluate((selector) => {
    const lines = [...document.querySelectorAll(`${selector} .view-line`)];
    return lines.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      .map((l) => l.textContent.replace(/\u00a0/g, ' ')).join('\n');
  }, ACTIVE_EDITOR);
}

/**
 * Focuses the editor, presses Ctrl+S, then polls the file on disk until `accept(text)` holds; returns the text.
 * The focus matters: with it elsewhere (e.g. in the Problems panel), VS Code moves it back to the editor during the
 * save, and that cancels the save's editor.codeActionsOnSave request about 1 time in 5 (the file is then saved
 * without the fixes).
 */
export async function saveAndWait(page, fs, file, accept, message = 'the saved file') {
  let previous;
  const saved = () => {
    // Two equal reads in a row: the editor truncates the file before writing it, so one read can be partial.
    const text = fs.readFileSync(file, 'utf8');
    const stable = text === previous;
    previous = text;
    return stable && accept(text) ? text : undefined;
  };
  await focusActiveEditor(page);
  await page.keyboard.press('Control+S');
  try {
    return await waitUntil(saved, { timeout: 10_000, message });
  } catch {
    // Once in nine full runs on a loaded 2-vCPU machine a save did nothing visible: the file stayed as it was, the
    // editor clean, no save in progress (most likely the key press was lost; pressing again in isolation always
    // worked). A user presses again; so does the test, and says so in its output.
    console.log(`[e2e] ${message}: nothing after 10 s, pressing Ctrl+S again`);
    await focusActiveEditor(page);
    await page.keyboard.press('Control+S');
    return waitUntil(saved, { timeout: 20_000, message });
  }
}

/** Puts the focus in the active editor, as a user saving from it would: a click at the start of its first line. */
async function focusActiveEditor(page) {
  if (await page.locator(`${ACTIVE_EDITOR}.focused`).count()) return;
  const box = await page.locator(`${ACTIVE_EDITOR} .view-lines`).first().boundingBox();
  await page.mouse.click(box.x + 2, box.y + 5);
  await page.locator(`${ACTIVE_EDITOR}.focused`).first().waitFor({ timeout: 5_000 });
}
