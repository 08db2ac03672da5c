// The knobs of event clustering: one frozen set of defaults, overridden per call.
import type { FolderStats } from './similarity';

export interface ClusterSettings {
  /** Minimum pair score for a link; higher is stricter. */
  threshold: number;
  /** Largest block compared all-pairs; bigger blocks are compared within a sliding window. */
  maxBlock: number;
  /** Most links kept per mention, its best-scoring ones (bounds the work where many articles share sentences). */
  maxPartners: number;
  /** Keep events mentioned by a single article (default false: only cross-article events matter). */
  keepSingletons: boolean;
  /**
   * Keep events whose every mention is a word outside the event classes ("restore", "war", "forced").
   * Off by default: such a group is a shared topic more often than a shared happening.
   */
  keepGeneralOnly: boolean;
  /** Weight of the two articles' overall similarity in a pair's score. */
  docWeight: number;
  /** Articles less similar than this are never linked on a shared word alone (no matching day). */
  minDocSimilarity: number;
  /** Two events merge only if their articles are this similar on average (guards against chains). */
  minGroupSimilarity: number;
  /** How much less a shared word outside the event lexicon counts than a lexicon word. */
  generalPenalty: number;
  /** Evidence needed besides the word and the articles' likeness: day, place, people, words around it. */
  minLocal: number;
  /** Extra local evidence needed when the shared word is outside the event classes. */
  generalLocal: number;
  /** Article similarity above which a shared event-class word needs no local evidence. */
  sameStory: number;
  /** Evidence an undated mention gets from an event dated within three days before its publication. */
  recentBonus: number;
  /** Evidence lost when both sentences name people and share none. */
  personClash: number;
  /** Link repeated words within one article (default true). */
  withinArticle: boolean;
  /**
   * Keep groups that are a topic rather than a happening (default false): background dated by a year before
   * every article's publication, or a group whose label could only be a bare noun (see topics.ts).
   */
  keepTopics: boolean;
  /** Weight of a shared organisation or place among the participants, a shared person counting 1. */
  nonPersonWeight: number;
  /** Score lost by a pair from two articles telling different stories (see storiesClash); Infinity vetoes. */
  storyClash: number;
  /** Articles that name people and share none tell different stories. */
  personStories: boolean;
  /** Merge events that hold the same sentences in two or more articles (default true). */
  mergeSharedSentences: boolean;
}

export const CLUSTER_DEFAULTS: Readonly<ClusterSettings> = Object.freeze({
  threshold: 1.6,
  maxBlock: 64,
  maxPartners: 16,
  keepSingletons: false,
  keepGeneralOnly: false,
  keepTopics: false,
  docWeight: 10,
  minDocSimilarity: 0.14,
  minGroupSimilarity: 0.16,
  generalPenalty: 0.6,
  minLocal: 0,
  generalLocal: 0.5,
  sameStory: 0.35,
  recentBonus: 0.4,
  personClash: 0.5,
  withinArticle: true,
  nonPersonWeight: 0.5,
  mergeSharedSentences: true,
  storyClash: Infinity,
  personStories: false,
});

export interface ClusterOptions extends Partial<ClusterSettings> {
  /** Receives counts for benchmarks: mentions, blocks, pairs scored, pairs above the threshold. */
  onStats?: (stats: { mentions: number; blocks: number; considered: number; linked: number }) => void;
  /** Units of work between two yields of clusterEventsSteps (work.ts SLICE_UNITS unless set; for tests). */
  sliceUnits?: number;
  /** Receives the most units of work done between two yields, for tests that bound a step without timing it. */
  onSlices?: (stats: { maxSliceUnits: number }) => void;
  /** The folder's word and context statistics, when the mentions given are only part of it (FolderStats). */
  folder?: FolderStats;
  /** Receives the corpus statistics of the mentions (all of the folder's, in a full link), to keep as FolderStats. */
  onCorpus?: (corpus: { docs: number; words: string[]; wordDf: Int32Array; ctxDf: Map<string, number> }) => void;
  /**
   * The caller reads the mentions' `context` and `words` no more: once their columns are built, the clustering
   * empties them (the articles' contexts and sentence words are a large part of a big folder's link memory).
   */
  releaseContexts?: boolean;
}

/** The defaults with a call's overrides; an option left undefined keeps its default. */
export function clusterSettings(options: ClusterOptions): Readonly<ClusterSettings> {
  const out: ClusterSettings = { ...CLUSTER_DEFAULTS };
  for (const key of Object.keys(CLUSTER_DEFAULTS) as (keyof ClusterSettings)[]) {
    const value = options[key];
    if (value !== undefined && value !== null) (out as unknown as Record<string, unknown>)[key] = value;
  }
  return Object.freeze(out);
}
