// The user's decisions (accept, reject, tag) as the editor records and undoes them in the folder sidecar, from which
// the folder's suggestions are recomputed. The article's own sidecar keeps the annotation; this keeps what it taught.
import * as vscode from 'vscode';
import { createDecision, DecisionRecord, NewDecision } from '../../core/sidecar/decisions';
import { BrokenSidecarError } from '../../core/sidecar/files';
import { textHash } from '../../core/sidecar/schema';
import { AnnotationManager } from './manager';

export type DecisionSpec = Omit<NewDecision, 'article' | 'textHash' | 'sentence'>;

export interface DecisionDeps {
  manager: AnnotationManager;
  log: (l: string) => void;
  /** The types of the other names in the sentence around [start, end) (a feature of the model). */
  sentenceTypes: (uri: vscode.Uri, start: number, end: number) => Promise<string[]>;
}

/**
 * Records a decision about [start, end) of the article. The article's annotation is already written; when the folder
 * sidecar does not parse, the decision is not recorded (the file is left as it is) and null is returned.
 */
export async function recordDecisions(
  deps: DecisionDeps,
  uri: vscode.Uri,
  specs: DecisionSpec[],
): Promise<DecisionRecord[] | null> {
  if (!specs.length) return [];
  const text = await deps.manager.textOf(uri);
  const made: DecisionRecord[] = [];
  for (const spec of specs) {
    const sentence = await deps.sentenceTypes(uri, spec.start, spec.end).catch(() => undefined);
    const article = deps.manager.articlePath(uri);
    made.push(createDecision(text, { ...spec, article, textHash: textHash(text), ...(sentence ? { sentence } : {}) }));
  }
  try {
    await deps.manager.mutateDecisions((current) => [
      ...current.filter((d) => !made.some((m) => sameMention(d, m))),
      ...made,
    ]);
    return made;
  } catch (err) {
    if (!(err instanceof BrokenSidecarError)) throw err;
    deps.log(`decision not recorded: ${err.message}`);
    void vscode.window.showWarningMessage(
      `Your annotation was saved, but the decision was not recorded for the folder: ${err.message}. ` +
        'The file is left as it is; suggestions use the rules alone until it is fixed.',
    );
    return null;
  }
}

/** Decisions about the same mention with the same scope: the later one (another type, accept after reject) wins. */
function sameMention(a: DecisionRecord, b: DecisionRecord): boolean {
  return (
    a.article === b.article &&
    a.position.start === b.position.start &&
    a.position.end === b.position.end &&
    a.scope === b.scope
  );
}

/**
 * Undoes one decision: its record goes, and so do the annotations it wrote (the tag or judgement at its span in its
 * article; for a folder-wide judgement, the same judgement of the same text in the other articles).
 */
export async function undoDecision(manager: AnnotationManager, id: string): Promise<DecisionRecord | null> {
  const d = manager.decisions().find((x) => x.id === id);
  if (!d) return null;
  await manager.mutateDecisions((current) => current.filter((x) => x.id !== id));
  const home = manager.articleUri(d.article);
  const status = d.action === 'accept' ? 'accepted' : d.action === 'reject' ? 'rejected' : undefined;
  for (const st of manager.all()) {
    if (st.broken) continue;
    const here = home?.toString() === st.uri;
    const made = st.live.filter(
      (a) =>
        a.exact === d.text &&
        (status ? a.status === status : !a.status && a.tag === d.tag) &&
        ((here && a.start === d.position.start && a.end === d.position.end) ||
          (d.scope === 'folder' && (status ? a.scope === 'folder' : true))),
    );
    if (!made.length) continue;
    const ids = new Set(made.map((a) => a.id));
    await manager.mutate(vscode.Uri.parse(st.uri), (data) => {
      data.annotations = data.annotations.filter((a) => !ids.has(a.id));
    });
  }
  return d;
}
