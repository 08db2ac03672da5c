// What the integration suites share: the extension's id and API (its type imported from src, types only: the tests
// talk to the bundled extension, never share its modules), the seed articles, hovers as text, and waiting.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ArticleAnnotatorApi } from '../../../src/extension/extension';

export const EXTENSION_ID = 'article-annotator.article-annotator';

export type Api = ArticleAnnotatorApi;

/** The extension as VS Code loaded it (fails the test when it is not loaded). */
export function extension(): vscode.Extension<Api> {
  const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  return ext;
}

/**
 * Activates the extension and waits for the initial index; with `annotations`, also for the sidecars read at startup.
 */
export async function ready(options: { annotations?: boolean } = {}): Promise<Api> {
  const api = await extension().activate();
  await api.ready;
  if (options.annotations) await api.annotations.annotationsReady;
  return api;
}

/** The seed article whose name starts with `prefix` and "_" (e.g. "000"). */
export async function seedUri(prefix: string): Promise<vscode.Uri> {
  const [uri] = await vscode.workspace.findFiles(`${prefix}_*.txt`);
  assert.ok(uri, `seed ${prefix} not found`);
  return uri;
}

export async function seed(prefix: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(await seedUri(prefix));
}

/**
 * Polls `probe` until it gives a value (anything but undefined, null or false) and returns that value;
 * fails the test, naming `what`, after `timeout` ms.
 */
export async function waitFor<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  {
    timeout = 15000,
    interval = 100,
    what = 'the condition',
  }: { timeout?: number; interval?: number; what?: string } = {},
): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== null && v !== false) return v;
    if (Date.now() > end) assert.fail(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** The Markdown hovers at an offset of the document, as VS Code's hover command returns them. */
export async function hovers(doc: vscode.TextDocument, offset: number): Promise<vscode.MarkdownString[]> {
  const hs = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    doc.uri,
    doc.positionAt(offset),
  );
  return hs.flatMap((h) => h.contents.filter((c): c is vscode.MarkdownString => typeof c !== 'string' && 'value' in c));
}

/** Markdown as a reader sees it: the backslash escapes removed. */
export function plain(md: string): string {
  return md.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** The text a reader sees in the hovers on the `nth` occurrence of `needle` (one character in). */
export async function hoverText(doc: vscode.TextDocument, needle: string, nth = 0): Promise<string> {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = doc.getText().indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `"${needle}" not in ${doc.fileName}`);
  return plain((await hovers(doc, offset + 1)).map((m) => m.value).join('\n'));
}
