// `analyze` applies the decisions of a folder's folder.annotations.yaml the way the editor does (the core's
// suggestArticle), so the command line and the editor give the same suggestions.
import * as fs from 'fs';
import * as path from 'path';
import { CorpusIndex } from '../core/corpus';
import { Suggestion, buildModel, learningArticleOf, suggestArticle } from '../core/learning';
import { DecisionRecord } from '../core/sidecar/decisions';
import { readFolderDecisions } from '../core/sidecar/files';
import { FOLDER_SIDECAR } from '../core/sidecar/schema';

/** A folder whose folder sidecar holds decisions: they apply to the articles under it, named relative to it. */
export interface DecisionFolder {
  dir: string;
  decisions: DecisionRecord[];
}

/**
 * The folders given (and the folders of files given) whose folder.annotations.yaml holds decisions. A broken one is
 * reported (its articles get the rules' suggestions alone) and left as it is.
 */
export function decisionFolders(paths: string[], report: (message: string) => void): DecisionFolder[] {
  const out: DecisionFolder[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    let dir: string;
    try {
      dir = path.resolve(fs.statSync(p).isDirectory() ? p : path.dirname(p));
    } catch {
      continue; // listArticleFiles reports it
    }
    if (seen.has(dir)) continue;
    seen.add(dir);
    const read = readFolderDecisions(path.join(dir, FOLDER_SIDECAR));
    if (read.kind === 'broken') report(`${path.join(dir, FOLDER_SIDECAR)}: ${read.message}`);
    else if (read.decisions.length) out.push({ dir, decisions: read.decisions });
  }
  return out;
}

/** The article's path as decisions name it, in the innermost decision folder holding it. */
function placeIn(folders: DecisionFolder[], file: string): { folder: DecisionFolder; rel: string } | null {
  let best: { folder: DecisionFolder; rel: string } | null = null;
  for (const folder of folders) {
    const rel = path.relative(folder.dir, path.resolve(file));
    if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
    if (!best || folder.dir.length > best.folder.dir.length) best = { folder, rel: rel.split(path.sep).join('/') };
  }
  return best;
}

/** Each article's suggestions after its folder's decisions (articles outside any such folder are left out). */
export function suggestionsByPath(index: CorpusIndex, folders: DecisionFolder[]): Map<string, Suggestion[]> {
  const out = new Map<string, Suggestion[]>();
  if (!folders.length) return out;
  const models = new Map(folders.map((f) => [f, buildModel(f.decisions)]));
  for (const file of index.paths()) {
    const place = placeIn(folders, file);
    const analysis = place && index.analysis(file);
    if (!place || !analysis) continue;
    const article = learningArticleOf(place.rel, analysis);
    out.set(file, suggestArticle(article, place.folder.decisions, { model: models.get(place.folder) }));
  }
  return out;
}
