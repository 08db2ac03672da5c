// The host-side shapes of user annotations: placed in an open article, and the options of the annotation commands.
// The annotation itself (AnnotationData) and the built-in tags are the core's (src/core/sidecar).
import type { AnnotationData } from '../../core/sidecar/annotationData';

/** An annotation placed in the current text of its article (or orphaned: its text could not be found). */
export interface LiveAnnotation extends AnnotationData {
  uri: string;
  orphan: boolean;
}

/** Options every annotation command accepts, so keybindings, tests and other extensions can call it without prompts. */
export interface AnnotationCommandOptions {
  uri?: string;
  start?: number;
  end?: number;
  tag?: string;
  note?: string;
  event?: string;
  format?: string;
  target?: string;
  scope?: 'article' | 'folder';
  source?: string;
  id?: string;
  date?: string | null;
  entities?: string[];
  /** For an annotation a merge marked for review: keep this version, the other one, or both. */
  keep?: 'this' | 'other' | 'both';
  /** A sidecar file (path), for the commands that work on the file itself. */
  sidecar?: string;
  /** The text a command on all suggestions of one text and type acts on (with `tag`). */
  text?: string;
  /** For commands that ask before they change much (Clear All Decisions): already confirmed. */
  confirmed?: boolean;
}
