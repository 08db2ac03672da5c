// Captures the README's pictures from the real VS Code (code-server + Debian Chromium): `npm run screenshots`.
// It drives the workbench page as a user does (command palette, keys), so each picture shows what a user sees.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { launchChromium, startCodeServer, workbenchUrl } from '../test/integration/codeServer';

const repoRoot = path.resolve(__dirname, '..', '..');
const outDir = path.join(repoRoot, 'media', 'screenshots');

interface Theme {
  slug: string;
  name: string;
  /** High-contrast themes get only the highlights picture. */
  highContrast: boolean;
}

const THEMES: Theme[] = [
  { slug: 'dark', name: 'Default Dark Modern', highContrast: false },
  { slug: 'light', name: 'Default Light Modern', highContrast: false },
  { slug: 'hc-dark', name: 'Default High Contrast', highContrast: true },
  { slug: 'hc-light', name: 'Default High Contrast Light', highContrast: true },
];

/** Where each picture points: an article of seeds/ and a phrase in it, the cursor going `into` characters in. */
const SPOTS = {
  date: { file: '000_', phrase: 'touched down in Japan on Thursday', into: 26 },
  event: { file: '003_', phrase: 'on Sunday met with South Korean President Yoon Suk Yeol in Seoul', into: 4 },
  tag: { file: '000_', phrase: 'Prime Minister Fumio Kishida', into: 22 },
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function settings(theme: Theme): Record<string, unknown> {
  return {
    'security.workspace.trust.enabled': false,
    'workbench.colorTheme': theme.name,
    'editor.minimap.enabled': false,
    'editor.wordWrap': 'on',
    'editor.fontSize': 14,
    'breadcrumbs.enabled': false,
    'workbench.editor.enablePreview': false,
    'window.commandCenter': false,
    'chat.commandCenter.enabled': false,
    'workbench.layoutControl.enabled': false,
  };
}

/** 1-based line and column of `phrase` + `into` in the seed file whose name starts with `prefix`. */
function position(workspace: string, spot: { file: string; phrase: string; into: number }): string {
  const name = fs.readdirSync(workspace).find((f) => f.startsWith(spot.file) && f.endsWith('.txt'));
  if (!name) throw new Error(`no seed ${spot.file}*.txt`);
  const text = fs.readFileSync(path.join(workspace, name), 'utf8');
  const at = text.indexOf(spot.phrase);
  if (at < 0) throw new Error(`"${spot.phrase}" is not in ${name}`);
  const before = text.slice(0, at + spot.into).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

/** Runs a command by its title from the command palette (F1), as a user does. */
async function palette(page: Page, text: string, prefix = '>'): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 20_000 });
  await input.fill(prefix + text);
  // Wait for the matching entry (files and commands load late); the ':' (go to line) mode has none.
  if (prefix !== ':') {
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });
  }
  await sleep(500);
  await page.keyboard.press('Enter');
  await sleep(800);
}

async function openAt(page: Page, workspace: string, spot: { file: string; phrase: string; into: number }) {
  await palette(page, spot.file, '');
  await page.locator('.tab.active').filter({ hasText: spot.file }).waitFor({ timeout: 20_000 });
  await palette(page, position(workspace, spot), ':');
}

/** Shows the hover at the cursor until it has `expect` in it (analysis may still be running at first). */
async function hoverWith(page: Page, expect: RegExp): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    await palette(page, 'Show or Focus Hover');
    const hover = page.locator('.monaco-hover:not(.hidden)').first();
    const text = await hover.innerText({ timeout: 3000 }).catch(() => '');
    if (expect.test(text)) return;
    await page.keyboard.press('Escape');
    await sleep(2000);
  }
  throw new Error(`no hover with ${expect}`);
}

async function snap(page: Page, selector: string, file: string, extend?: { top?: boolean }): Promise<void> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on the page`);
  const clip = extend?.top ? { ...box, y: 0, height: box.y + box.height } : box;
  await page.screenshot({ path: path.join(outDir, file), clip });
  console.log(`${file}: ${fs.statSync(path.join(outDir, file)).size} bytes`);
}

async function articlePictures(page: Page, workspace: string, theme: Theme): Promise<void> {
  await openAt(page, workspace, SPOTS.date);
  await hoverWith(page, /Thursday means/);
  if (theme.highContrast) {
    await page.keyboard.press('Escape');
    await sleep(500);
    await snap(page, '.part.editor', `highlights-${theme.slug}.png`);
    return;
  }
  await snap(page, '.part.editor', `article-date-hover-${theme.slug}.png`);
  await openAt(page, workspace, SPOTS.event);
  await hoverWith(page, /Also reported in/);
  await snap(page, '.part.editor', `event-hover-${theme.slug}.png`);
}

async function otherPictures(page: Page, workspace: string, theme: Theme): Promise<void> {
  await palette(page, 'View: Show Article Annotator');
  await page.locator('.part.sidebar .pane-header', { hasText: 'Entities' }).waitFor({ timeout: 20_000 });
  await sleep(3000);
  await snap(page, '.part.sidebar', `side-bar-${theme.slug}.png`);
  await palette(page, 'View: Close Primary Side Bar');

  await palette(page, 'Article Annotator: Show Event Coverage');
  await page.locator('.tab.active', { hasText: 'coverage' }).waitFor({ timeout: 20_000 });
  await sleep(4000);
  await snap(page, '.part.editor', `coverage-${theme.slug}.png`);

  await openAt(page, workspace, SPOTS.tag);
  await page.keyboard.press('Control+D');
  await page.keyboard.press('Control+Alt+T');
  await page.locator('.quick-input-widget').waitFor({ state: 'visible', timeout: 20_000 });
  await sleep(1000);
  await snap(page, '.part.editor', `tag-quick-pick-${theme.slug}.png`, { top: true });
  await page.keyboard.press('Escape');
}

async function main(): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-screenshots-'));
  // Named "seeds" so the default article globs (**/seeds/**/*.txt) match, as in the integration tests.
  const workspace = path.join(temp, 'seeds');
  fs.cpSync(path.join(repoRoot, 'seeds'), workspace, { recursive: true });
  const browser = await launchChromium();
  try {
    for (const theme of THEMES) {
      console.log(`== ${theme.name} ==`);
      const server = await startCodeServer({ repoRoot, folder: workspace, settings: settings(theme) });
      const context = await browser.newContext({ viewport: { width: 1200, height: 720 } });
      try {
        const page = await context.newPage();
        await page.goto(workbenchUrl(server, workspace, repoRoot), { waitUntil: 'domcontentloaded' });
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        await sleep(5000);
        try {
          await articlePictures(page, workspace, theme);
          if (!theme.highContrast) await otherPictures(page, workspace, theme);
        } catch (err) {
          // What the page showed when a step failed, to see why.
          await page.screenshot({ path: path.join(temp, '..', 'aa-screenshots-failed.png') }).catch(() => undefined);
          throw err;
        }
      } finally {
        await context.close();
        await server.stop();
      }
    }
  } finally {
    await browser.close();
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
