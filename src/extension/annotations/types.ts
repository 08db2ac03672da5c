// The host-side shapes of user annotations: what the commands, views and exporters of the extension work with.

export const BUILT_IN_TAGS = ['person', 'organization', 'place', 'nationality', 'date', 'event', 'quote', 'claim'] as const;

/** A suggestion the user judged: accepted into the record, or marked wrong (no longer highlighted). */
export type SuggestionStatus = 'accepted' | 'rejected';

/** One annotation as stored: a span of the article text with what the user said about it. */
export interface AnnotationData {
  id: string;
  start: number;
  end: number;
  /** The annotated text and its context, so the annotation can be found again after the article changes. */
  exact: string;
  prefix: string;
  suffix: string;
  tag?: string;
  note?: string;
  event?: { id: string; label: string };
  /** Set when the annotation records a judgement on a detected entity or date. */
  status?: SuggestionStatus;
  /** The detected entity id the annotation confirms or rejects, e.g. "person:yoon-suk-yeol". */
  entityId?: string;
  /** Whether a judgement was made for this mention only or for the whole folder. */
  scope?: 'here' | 'folder';
  /** Set when the annotation's text could not be found in the article the last time it was placed. */
  orphaned?: boolean;
  created?: string;
}

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
}
