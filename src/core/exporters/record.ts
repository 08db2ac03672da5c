// What an export contains: the user's record of an article, optionally
// with the machine's suggestions the user did not overrule.
import { DateMention, EntityMention, EntityType } from '../model';
import { EventLink, UserAnnotation, createAnnotation } from '../sidecar/schema';

/** One article as exporters take it: plain data, so the CLI and the extension share them. */
export interface ExportArticle {
  /** Workspace-relative path (an identifier; exporters never read it). */
  path: string;
  text: string;
  annotations: UserAnnotation[];
  /** Machine suggestions; exported where the user did not decide otherwise. */
  entities?: EntityMention[];
  dates?: DateMention[];
}

export interface ExportOptions {
  /** Include machine suggestions (entities, dates) not overruled by the user. Default true. */
  suggestions?: boolean;
}

export interface ExportAnnotation {
  id: string;
  tag: string;
  start: number;
  end: number;
  text: string;
  note?: string;
  event?: EventLink;
  entity?: string;
  status?: 'accepted' | 'rejected';
  scope?: 'here' | 'folder';
  created?: string;
  modified?: string;
  /** 'user' for the user's annotations, 'suggestion' for the machine's. */
  source: 'user' | 'suggestion';
}

/** What an importer gives back for one annotation: the exported fields a round trip keeps. */
export type ImportedAnnotation = Pick<ExportAnnotation, 'tag' | 'start' | 'end' | 'text' | 'note' | 'event'> & {
  id?: string;
};

export const ENTITY_TAG: Record<EntityType, string> = {
  PERSON: 'person',
  ORGANIZATION: 'organization',
  PLACE: 'place',
  NATIONALITY: 'nationality',
};

/**
 * The annotations an export shows: the user's (not orphaned, not rejected) and, unless turned off, the
 * machine's suggestions that no user annotation covers the same span of and that the user did not reject
 * for the whole folder. Sorted by position.
 */
export function effectiveAnnotations(article: ExportArticle, options: ExportOptions = {}): ExportAnnotation[] {
  const out: ExportAnnotation[] = [];
  const decidedSpans = new Set<string>();
  const rejectedInFolder = new Set<string>();
  for (const a of article.annotations) {
    if (a.orphaned) continue;
    decidedSpans.add(`${a.position.start}:${a.position.end}`);
    if (a.status === 'rejected') {
      if (a.scope === 'folder') rejectedInFolder.add(a.entity ?? `text:${a.text}`);
      continue;
    }
    out.push({
      id: a.id,
      tag: a.tag,
      start: a.position.start,
      end: a.position.end,
      text: article.text.slice(a.position.start, a.position.end),
      ...(a.note !== undefined ? { note: a.note } : {}),
      ...(a.event ? { event: a.event } : {}),
      ...(a.entity !== undefined ? { entity: a.entity } : {}),
      ...(a.status ? { status: a.status } : {}),
      ...(a.scope ? { scope: a.scope } : {}),
      created: a.created,
      modified: a.modified,
      source: 'user',
    });
  }
  if (options.suggestions !== false) {
    const suggest = (start: number, end: number, tag: string, id: string, entity?: string): void => {
      if (decidedSpans.has(`${start}:${end}`)) return;
      if (rejectedInFolder.has(entity ?? '') || rejectedInFolder.has(`text:${article.text.slice(start, end)}`)) return;
      out.push({
        id,
        tag,
        start,
        end,
        text: article.text.slice(start, end),
        ...(entity ? { entity } : {}),
        source: 'suggestion',
      });
    };
    for (const e of article.entities ?? []) suggest(e.start, e.end, ENTITY_TAG[e.type], `s-${e.start}-${e.end}`, e.id);
    for (const d of article.dates ?? []) suggest(d.start, d.end, 'date', `s-${d.start}-${d.end}`);
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1));
}

/**
 * Imported annotations as sidecar annotations of `text`. Ones whose span is not in the text, or whose text
 * there differs from what the import says, are returned apart rather than placed wrongly.
 */
export function toUserAnnotations(
  imported: ImportedAnnotation[],
  text: string,
  now: Date = new Date(),
): { annotations: UserAnnotation[]; rejected: ImportedAnnotation[] } {
  const annotations: UserAnnotation[] = [];
  const rejected: ImportedAnnotation[] = [];
  for (const a of imported) {
    const fits =
      a.start >= 0 &&
      a.end <= text.length &&
      a.start < a.end &&
      (a.text === '' ||
        text.slice(a.start, a.end) === a.text ||
        text.slice(a.start, a.end).replace(/\s+/g, ' ') === a.text.replace(/\s+/g, ' '));
    if (!fits) {
      rejected.push(a);
      continue;
    }
    annotations.push(
      createAnnotation(
        text,
        {
          start: a.start,
          end: a.end,
          tag: a.tag,
          ...(a.note !== undefined ? { note: a.note } : {}),
          ...(a.event ? { event: a.event } : {}),
        },
        now,
        a.id && /^a-[a-z2-7]{10}$/.test(a.id) ? a.id : undefined,
      ),
    );
  }
  return { annotations, rejected };
}
