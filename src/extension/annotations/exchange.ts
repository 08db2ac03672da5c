// Export of the workspace's annotations (one article or every annotated article) and import of brat or W3C files.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXPORT_FORMATS, ExportFormat, exportFiles, importBratFile, importW3cFile } from '../../core/exporters/files';
import type { ExportArticle } from '../../core/exporters/record';
import { fromStored, toStored } from '../../core/sidecar/annotationData';
import { FOLDER_SIDECAR, SIDECAR_SUFFIX } from '../../core/sidecar/schema';
import type { ArticleTracker } from '../articles';
import type { CorpusClient } from '../corpusClient';
import { AnnotationManager, UntrustedError } from './manager';
import type { AnnotationCommandOptions } from './types';

async function annotatedArticles(manager: AnnotationManager, only?: vscode.Uri): Promise<vscode.Uri[]> {
  if (only) return [only];
  const sidecars = await vscode.workspace.findFiles('**/*' + SIDECAR_SUFFIX, '**/node_modules/**');
  const uris = new Map<string, vscode.Uri>();
  for (const s of manager.all()) uris.set(s.uri, vscode.Uri.parse(s.uri));
  for (const s of sidecars) {
    if (path.basename(s.fsPath) === FOLDER_SIDECAR) continue;
    const bare = s.fsPath.slice(0, -SIDECAR_SUFFIX.length);
    if (fs.existsSync(bare)) {
      const u = s.with({ path: vscode.Uri.file(bare).path });
      uris.set(u.toString(), u);
    }
  }
  return [...uris.values()];
}

export async function exportFromWorkspace(
  manager: AnnotationManager,
  _client: CorpusClient,
  _tracker: ArticleTracker,
  o: AnnotationCommandOptions,
): Promise<string[] | undefined> {
  if (!manager.trusted) throw new UntrustedError();
  const format = (o.format ??
    (await vscode.window.showQuickPick([...EXPORT_FORMATS], { placeHolder: 'Export annotations as…' }))) as
    ExportFormat | undefined;
  if (!format) return undefined;
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new Error(`Unknown export format “${format}”; use ${EXPORT_FORMATS.join(', ')}`);
  const uris = await annotatedArticles(manager, o.uri ? vscode.Uri.parse(o.uri) : undefined);
  const articles: ExportArticle[] = [];
  const now = new Date().toISOString();
  let orphans = 0;
  for (const uri of uris) {
    const st = await manager.load(uri, false);
    if (st.broken) {
      void vscode.window.showWarningMessage(`${path.basename(st.sidecar)} is broken and was left out of the export.`);
      continue;
    }
    const text = await manager.textOf(uri);
    orphans += st.live.filter((a) => a.orphan).length;
    const placed = st.live
      .filter((a) => !a.orphan)
      .map(({ uri: _u, orphan: _o, ...a }) =>
        toStored({ ...a, exact: text.slice(a.start, a.end) }, undefined, a.created ?? now),
      );
    if (placed.length || st.published)
      articles.push({ path: vscode.workspace.asRelativePath(uri, false), text, annotations: placed });
  }
  const files = exportFiles(format, articles);
  let target = o.target;
  if (!target) {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    const picked = await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      defaultUri: root,
      openLabel: 'Export here',
    });
    if (!picked?.length) return undefined;
    target = picked[0].fsPath;
  }
  // A target naming a file takes the single-file formats as that file; otherwise it is a folder.
  const single = files.length === 1 && path.extname(target) !== '';
  const written: string[] = [];
  if (single) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, files[0].content);
    written.push(target);
  } else {
    fs.mkdirSync(target, { recursive: true });
    for (const f of files) {
      const p = path.join(target, f.name);
      fs.writeFileSync(p, f.content);
      written.push(p);
    }
  }
  const n = articles.reduce((k, a) => k + a.annotations.length, 0);
  void vscode.window.showInformationMessage(
    `Exported ${n} annotation(s) of ${articles.length} article(s) as ${format}` +
      `${orphans ? ` (${orphans} orphaned left out)` : ''}.`,
  );
  return written;
}

export async function importIntoWorkspace(
  manager: AnnotationManager,
  o: AnnotationCommandOptions,
): Promise<number | undefined> {
  const uri = o.uri ? vscode.Uri.parse(o.uri) : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage('Open the article to import annotations into.');
    return undefined;
  }
  await manager.ensure(uri);
  manager.assertWritable(uri);
  let source = o.source;
  if (!source) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      filters: { 'brat or W3C': ['ann', 'json', 'jsonld'] },
      openLabel: 'Import',
    });
    if (!picked?.length) return undefined;
    source = picked[0].fsPath;
  }
  const content = fs.readFileSync(source, 'utf8');
  const text = await manager.textOf(uri);
  const result = source.endsWith('.ann')
    ? importBratFile(text, content)
    : importW3cFile(text, content, vscode.workspace.asRelativePath(uri, false));
  await manager.mutate(uri, (d) => {
    const known = new Set(d.annotations.map((a) => `${a.start}:${a.end}:${a.tag ?? ''}:${a.status ?? ''}`));
    for (const a of result.annotations.map(fromStored)) {
      if (known.has(`${a.start}:${a.end}:${a.tag ?? ''}:${a.status ?? ''}`)) continue;
      if (d.annotations.some((x) => x.id === a.id)) a.id = `${a.id}-${Date.now().toString(36)}`;
      d.annotations.push(a);
    }
  });
  void vscode.window.showInformationMessage(
    `Imported ${result.annotations.length} annotation(s)` +
      `${result.skipped ? `, skipped ${result.skipped} that did not fit the text` : ''}.`,
  );
  return result.annotations.length;
}
