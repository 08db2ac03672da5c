// Keeping a sidecar's annotations attached to their text: after
// external edits (re-anchoring) and editor edits (rebase).
import { TextEdit, anchor, rebase } from '../anchoring';
import { describeQuote } from '../anchoring/textQuote';
import { Sidecar, UserAnnotation, textHash } from './schema';

export interface ReanchorReport {
  sidecar: Sidecar;
  /** True when any annotation moved, changed or was orphaned. */
  changed: boolean;
  /** Ids of annotations that could not be placed; they keep their old selectors and `orphaned: true`. */
  orphaned: string[];
}

function placed(a: UserAnnotation, text: string, start: number, end: number): UserAnnotation {
  const next: UserAnnotation = {
    ...a,
    text: text.slice(start, end),
    position: { start, end },
    quote: describeQuote(text, start, end),
  };
  delete next.orphaned;
  return next;
}

/**
 * Re-anchors every annotation to `text` (the article as it is now). Nothing moves when the text hash still
 * matches; otherwise each annotation is placed by its selectors or marked orphaned. Orphans are tried again
 * every time, so an edit that is undone brings them back.
 */
export function reanchorSidecar(sidecar: Sidecar, text: string): ReanchorReport {
  const hash = textHash(text);
  if (hash === sidecar.textHash && !sidecar.annotations.some((a) => a.orphaned))
    return { sidecar, changed: false, orphaned: [] };
  const orphaned: string[] = [];
  let changed = hash !== sidecar.textHash;
  const annotations = sidecar.annotations.map((a) => {
    const found =
      hash === sidecar.textHash && !a.orphaned
        ? { start: a.position.start, end: a.position.end }
        : anchor(text, { quote: a.quote, position: a.position });
    if (!found) {
      orphaned.push(a.id);
      if (!a.orphaned) changed = true;
      return a.orphaned ? a : { ...a, orphaned: true };
    }
    const next = placed(a, text, found.start, found.end);
    if (JSON.stringify(next) !== JSON.stringify(a)) changed = true;
    return next;
  });
  return { sidecar: { ...sidecar, textHash: hash, annotations }, changed, orphaned };
}

/**
 * Moves annotations through edits made in the editor (VS Code content changes, applied in order), then
 * refreshes their selectors from `newText`. An edit that removes all of an annotation's text orphans it.
 */
export function rebaseSidecar(sidecar: Sidecar, edits: ReadonlyArray<TextEdit>, newText: string): ReanchorReport {
  const live = sidecar.annotations.map((a) => (a.orphaned ? null : a.position));
  const moved = rebase(live, edits);
  const orphaned: string[] = [];
  let changed = false;
  const annotations = sidecar.annotations.map((a, i) => {
    const span = moved[i];
    if (a.orphaned) {
      orphaned.push(a.id);
      return a;
    }
    if (!span || span.start >= span.end) {
      orphaned.push(a.id);
      changed = true;
      return { ...a, orphaned: true };
    }
    const next = placed(a, newText, span.start, span.end);
    if (JSON.stringify(next) !== JSON.stringify(a)) changed = true;
    return next;
  });
  return { sidecar: { ...sidecar, textHash: textHash(newText), annotations }, changed, orphaned };
}
