// How an article's detected event mentions are kept until linking: columns (parallel arrays, one entry per mention)
// instead of an object per mention, so 10,000 articles' detections stay small in memory, in messages and on disk.
import { Span } from '../model';

/**
 * An event mention as detection finds it, before linking: entities by index into the analysis's entities (of its
 * lead), -1 for none. The rest means what it means in EventMention. One row of ArticleEvents.
 */
export interface LocalEventMention {
  /** Index of the sentence among ArticleEvents' sentences. */
  sentence: number;
  trigger: Span;
  lemma: string;
  classes: string[];
  date: string | null;
  dateRelative: boolean;
  dateText: string | null;
  place: number;
  future: boolean;
  general: boolean;
  nominal: boolean;
  modal: boolean;
  /** Anchors the time of its sentence's happening ("after the ferry collided"): see EventMention.anchor. */
  anchor: boolean;
  subject: number;
  /** The complement's words, and the entity that completes it (-1 for none): see phrases' Complement. */
  complement: string | null;
  complementEntity: number;
}

/** An article's event mentions before linking; valid while the analysis's entities keep their order. */
export interface ArticleEvents {
  /** The publication date they were found with: dates of mentions were resolved against it. */
  published: string | null;
  /** The sentences that hold mentions: offsets, content-word stems, named entities (indices, in text order). */
  sentenceStart: number[];
  sentenceEnd: number[];
  sentenceWords: string[][];
  sentenceEntities: number[][];
  /** One entry per mention, in text order (see LocalEventMention). */
  sentence: number[];
  triggerStart: number[];
  triggerEnd: number[];
  lemma: string[];
  /** The mention's event classes, joined by spaces. */
  classes: string[];
  date: (string | null)[];
  dateText: (string | null)[];
  /** FLAG bits. */
  flags: number[];
  place: number[];
  subject: number[];
  complement: (string | null)[];
  complementEntity: number[];
  /** The article's years and words with their weights (see articleTopics); entity ids are added when resolved. */
  topicKeys: string[];
  topicCounts: number[];
}

const FLAG = { future: 1, general: 2, nominal: 4, modal: 8, dateRelative: 16, anchor: 32 } as const;

export function emptyEvents(published: string | null): ArticleEvents {
  return {
    published,
    sentenceStart: [],
    sentenceEnd: [],
    sentenceWords: [],
    sentenceEntities: [],
    sentence: [],
    triggerStart: [],
    triggerEnd: [],
    lemma: [],
    classes: [],
    date: [],
    dateText: [],
    flags: [],
    place: [],
    subject: [],
    complement: [],
    complementEntity: [],
    topicKeys: [],
    topicCounts: [],
  };
}

/** Adds a sentence that holds mentions; returns its index. */
export function addSentence(out: ArticleEvents, span: Span, words: string[], entities: number[]): number {
  out.sentenceStart.push(span.start);
  out.sentenceEnd.push(span.end);
  out.sentenceWords.push(words);
  out.sentenceEntities.push(entities);
  return out.sentenceStart.length - 1;
}

export function addMention(out: ArticleEvents, m: LocalEventMention): void {
  out.sentence.push(m.sentence);
  out.triggerStart.push(m.trigger.start);
  out.triggerEnd.push(m.trigger.end);
  out.lemma.push(m.lemma);
  out.classes.push(m.classes.join(' '));
  out.date.push(m.date);
  out.dateText.push(m.dateText);
  let flags = 0;
  for (const k of ['future', 'general', 'nominal', 'modal', 'dateRelative', 'anchor'] as const)
    if (m[k]) flags |= FLAG[k];
  out.flags.push(flags);
  out.place.push(m.place);
  out.subject.push(m.subject);
  out.complement.push(m.complement);
  out.complementEntity.push(m.complementEntity);
}

export function setTopics(out: ArticleEvents, topics: Record<string, number>): void {
  for (const k in topics) {
    out.topicKeys.push(k);
    out.topicCounts.push(topics[k]);
  }
}

// One array per distinct list of classes, shared by every mention resolved with it (readers never change it).
const CLASS_LISTS = new Map<string, string[]>();

/** Mention k of the article, as a row. */
export function mentionAt(e: ArticleEvents, k: number): LocalEventMention {
  const joined = e.classes[k];
  let classes = CLASS_LISTS.get(joined);
  if (!classes) {
    classes = joined ? joined.split(' ') : [];
    CLASS_LISTS.set(joined, classes);
  }
  const flags = e.flags[k];
  return {
    sentence: e.sentence[k],
    trigger: { start: e.triggerStart[k], end: e.triggerEnd[k] },
    lemma: e.lemma[k],
    classes,
    date: e.date[k],
    dateRelative: (flags & FLAG.dateRelative) !== 0,
    dateText: e.dateText[k],
    place: e.place[k],
    future: (flags & FLAG.future) !== 0,
    general: (flags & FLAG.general) !== 0,
    nominal: (flags & FLAG.nominal) !== 0,
    modal: (flags & FLAG.modal) !== 0,
    anchor: (flags & FLAG.anchor) !== 0,
    subject: e.subject[k],
    complement: e.complement[k],
    complementEntity: e.complementEntity[k],
  };
}
