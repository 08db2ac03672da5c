// The vocabulary of the project: plain data shapes shared by the core, the CLI and the extension.
// All offsets are UTF-16 code-unit offsets into the article text as VS Code's
// TextDocument.getText() gives it (BOM removed); `end` is exclusive.
import type { ArticleEvents } from './events/stored';
import type { ArticleQuotes } from './quotes';

export interface Span {
  start: number;
  end: number;
}

export type EntityType = 'PERSON' | 'ORGANIZATION' | 'PLACE' | 'NATIONALITY';
export const ENTITY_TYPES: readonly EntityType[] = ['PERSON', 'ORGANIZATION', 'PLACE', 'NATIONALITY'];

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';
export const TIMEX_TYPES: readonly TimexType[] = ['DATE', 'TIME', 'DURATION', 'SET'];

export interface Sentence extends Span {
  /** Index of the paragraph that holds the sentence. */
  paragraph: number;
}

/** Where a publication date came from, in order of authority. */
export type PublishedOrigin = 'user' | 'text' | 'corpus';

export interface PublishedDate {
  /** ISO date, YYYY-MM-DD. */
  value: string;
  origin: PublishedOrigin;
  /** A human explanation: "dateline 'date 2023-05-07'", "set by you", "shares the Tokyo summit with 004…". */
  reason: string;
  /** The text that gave the date away, when it came from this article. */
  evidence?: Span;
  /** The article the date was learned from, when inferred from the corpus. */
  fromArticle?: string;
  /** The time printed with the date, for display: "05:03 EST", "14:45 GMT". */
  time?: string;
}

/** What the article says about itself besides its title and date: byline, dateline, URL (see core/metadata). */
export interface ArticleMeta {
  /** Authors from the byline, the front matter or the closing credits: ["Jane Doe", "Luis García"]. */
  authors: string[];
  /** The wire dateline as written, without its dash: "BRUSSELS (AP)", "LONDON, March 16 (Reuters)". */
  dateline: string | null;
  /** The article's URL when the file gives it (a URL line or front matter). */
  url: string | null;
  /** The byline (or the front matter's author line); its names are metadata, not people of the story. */
  byline: Span | null;
  /** Why the publication date is unknown although the article prints one: "… is ambiguous: …". */
  publishedNote: string | null;
}

export interface Article {
  /** Workspace-relative or absolute path; an identifier only, the core never reads it. */
  path: string;
  text: string;
  title: string | null;
  titleSpan: Span | null;
  /** The outlet, when the text names it ("Asia-Pacific, News" pages, "By Reuters"…). */
  source: string | null;
  /** Publication date found in the text itself (origin 'text'), or null when the text does not say. */
  published: PublishedDate | null;
  /** Byline, dateline and URL; absent in analyses made before they were read. */
  meta?: ArticleMeta;
  /**
   * Lines that are page furniture, not reporting: "Advertisement", paywall and newsletter lines, and the
   * article's own metadata (front matter, byline, "Published …" stamps, URL line). None of it is analysed.
   */
  boilerplate: Span[];
  paragraphs: Span[];
  sentences: Sentence[];
}

export interface EntityMention extends Span {
  text: string;
  type: EntityType;
  /** Canonical id shared by every spelling of the same entity across the folder, e.g. "person:yoon-suk-yeol". */
  id: string;
  /** Canonical display name, e.g. "Yoon Suk Yeol". */
  canonical: string;
  /** The name modifies a noun after it ("Apple CEO Tim Cook", "the Airbus website"): still highlighted. */
  modifier?: boolean;
}

export interface DateMention extends Span {
  text: string;
  type: TimexType;
  /** TIMEX3-style normalised value: 2023-03-16, 2023-W10, 2023-05, 2019, P12Y, 2023-SP, PRESENT_REF, XXXX-XX-XX… */
  value: string;
  /** For ranges such as "1910-45": the first and last value. */
  range?: { begin: string; end: string };
  /** Why the value is what it is, for hovers: "past-tense sentence: latest Thursday on or before 2023-03-16". */
  explanation: string;
  /** True when the value depended on the publication date (relative expressions). */
  relative: boolean;
}

/** Everything the analysis finds in one article. */
export interface ArticleAnalysis {
  article: Article;
  entities: EntityMention[];
  dates: DateMention[];
  /** Events and quotes found with the analysis, before linking (core/analyze detectArticle); absent until then. */
  detected?: ArticleDetections;
}

/** An article's events and quotes before linking: participants and speakers by index into its entities. */
export interface ArticleDetections {
  events: ArticleEvents;
  quotes: ArticleQuotes;
}

/** An entity as the folder knows it: every spelling and where it occurs. */
export interface EntityRecord {
  id: string;
  type: EntityType;
  canonical: string;
  /** Distinct surface forms, most frequent first. */
  spellings: string[];
  /** Paths of the articles that mention it. */
  articles: string[];
  mentionCount: number;
}

export interface MentionRef extends Span {
  path: string;
  /** The sentence that holds the mention. */
  sentence?: Span;
}

export interface EventCluster {
  /** Stable id derived from the event's content (date, place, head), e.g. "evt-2023-03-16-tokyo-summit". */
  id: string;
  /** A short label: "Yoon–Kishida summit in Tokyo". */
  label: string;
  /** TIMEX3 value of when it happened, or null. */
  date: string | null;
  place: string | null;
  /** Canonical entity ids of the participants. */
  participants: string[];
  mentions: MentionRef[];
}

export interface QuoteCluster {
  id: string;
  /** Canonical name of the speaker, or null when unattributed. */
  speaker: string | null;
  speakerId: string | null;
  /** The quoted words as the first article has them. */
  text: string;
  mentions: MentionRef[];
}
