// Keeps the rest of the extension in step with the sidecars: the publication dates users gave go to the analysis,
// the folder's entity merges to the corpus index, and a broken sidecar is announced once; at startup the sidecars
// already on disk are read.
import * as path from 'path';
import * as vscode from 'vscode';
import type { ArticleTracker } from '../articles';
import { sidecarFolder } from '../config';
import type { CorpusClient } from '../corpusClient';
import { toUri } from '../vscodeAdapter';
import { FOLDER_SIDECAR, SIDECAR_SUFFIX } from '../../core/sidecar/schema';
import { AnnotationManager } from './manager';

export interface SyncDeps {
  client: CorpusClient;
  tracker: ArticleTracker;
  log: (l: string) => void;
}

export class SidecarSync {
  // The publication date each article's sidecar gave, as last passed to the tracker (which re-analyses on change).
  private readonly applied = new Map<string, string | null>();
  // Said once per broken file (until it parses again); the Problems panel keeps showing it.
  private readonly announced = new Set<string>();
  // The merges last sent to the corpus index, as JSON.
  private sentMerges = '[]';

  constructor(
    private readonly manager: AnnotationManager,
    private readonly deps: SyncDeps,
  ) {}

  async applyPublished(key: string): Promise<void> {
    const st = this.manager.get(key);
    if (!st || st.broken) return;
    if ((this.applied.get(key) ?? null) === st.published) return;
    this.applied.set(key, st.published);
    await this.deps.tracker
      .setUserPublished(toUri(key), st.published)
      .catch((e) => this.deps.log(`could not apply the publication date of ${key}: ${(e as Error).message}`));
  }

  announceBroken(key: string): void {
    const st = this.manager.get(key);
    if (!st) return;
    if (!st.broken) {
      this.announced.delete(st.sidecar);
      return;
    }
    if (this.announced.has(st.sidecar)) return;
    this.announced.add(st.sidecar);
    const where = st.broken.line ? ` (line ${st.broken.line})` : '';
    void vscode.window
      .showErrorMessage(
        `${path.basename(st.sidecar)} does not parse${where}: ${st.broken.message}. ` +
          'It is left as it is, and this article cannot be annotated until it is fixed.',
        'Open Annotations File',
      )
      .then((choice) => {
        if (choice) void vscode.commands.executeCommand('articleAnnotator.openSidecar', { uri: key });
      });
  }

  /**
   * Says once (until it parses again) that the folder sidecar does not parse: it is left as it is, and the decisions in
   * it wait, so suggestions come from the rules alone. A file with conflict markers has its quick fix in Problems.
   */
  announceFolderBroken(): void {
    const problem = this.manager.folderSidecarProblem();
    if (!problem) {
      this.folderAnnounced = null;
      return;
    }
    if (this.folderAnnounced === problem.sidecar) return;
    this.folderAnnounced = problem.sidecar;
    const where = problem.broken.line ? ` (line ${problem.broken.line})` : '';
    const fix = problem.broken.conflict ? ' Its Problems entry offers “Resolve Annotation Merge Conflict”.' : '';
    void vscode.window
      .showErrorMessage(
        `${path.basename(problem.sidecar)} does not parse${where}: ${problem.broken.message}. It is left as it is; ` +
          'until it is fixed your decisions are not applied (suggestions come from the rules alone) and new ones ' +
          `are not recorded.${fix}`,
        'Open Annotations File',
      )
      .then((choice) => {
        if (choice) void vscode.window.showTextDocument(vscode.Uri.file(problem.sidecar));
      });
  }

  private folderAnnounced: string | null = null;

  /** The folder's entity merges go to the corpus index, which then gives each group one identity. */
  async syncMerges(): Promise<void> {
    const json = JSON.stringify(this.manager.merges());
    if (json === this.sentMerges) return;
    this.sentMerges = json;
    await this.deps.client
      .request('setMerges', { pairs: this.manager.merges() })
      .catch((e) => this.deps.log(`could not apply entity merges: ${(e as Error).message}`));
  }

  /** A restarted analysis worker has no merges yet. */
  resendMerges(): Promise<void> {
    this.sentMerges = '[]';
    return this.syncMerges();
  }

  /** Starts reading the sidecar of an opened article (once). */
  loadIfArticle(doc: vscode.TextDocument): void {
    if (
      !this.deps.tracker.isArticle(doc.uri) ||
      doc.uri.path.endsWith(SIDECAR_SUFFIX) ||
      this.manager.get(doc.uri.toString())
    )
      return;
    void this.manager
      .load(doc.uri)
      .catch((e) => this.deps.log(`could not read annotations of ${doc.uri.fsPath}: ${(e as Error).message}`));
  }

  /** The articles of the sidecars already on disk (not the folder's own sidecar; not those whose article is gone). */
  async articlesWithSidecars(): Promise<vscode.Uri[]> {
    const out: vscode.Uri[] = [];
    const sidecars = await vscode.workspace.findFiles('**/*' + SIDECAR_SUFFIX, '**/node_modules/**');
    for (const s of sidecars) {
      if (path.basename(s.fsPath) === FOLDER_SIDECAR) continue;
      const article = articleOfSidecar(s);
      if (!article) continue;
      try {
        await vscode.workspace.fs.stat(article);
      } catch {
        continue; // the article is gone; the sidecar stays for the user to deal with
      }
      out.push(article);
    }
    return out;
  }
}

/** The article a sidecar belongs to: beside it, or mirrored under the sidecar folder. */
function articleOfSidecar(sidecar: vscode.Uri): vscode.Uri | null {
  const folder = vscode.workspace.getWorkspaceFolder(sidecar);
  const setting = folder ? sidecarFolder(folder.uri) : '';
  const p = sidecar.fsPath;
  if (!p.endsWith(SIDECAR_SUFFIX)) return null;
  const bare = p.slice(0, -SIDECAR_SUFFIX.length);
  if (folder && setting) {
    const root = path.resolve(folder.uri.fsPath, setting);
    const rel = path.relative(root, bare);
    if (!rel.startsWith('..')) return sidecar.with({ path: vscode.Uri.file(path.join(folder.uri.fsPath, rel)).path });
  }
  return sidecar.with({ path: vscode.Uri.file(bare).path });
}
