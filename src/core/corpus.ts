// The corpus index: every article of a folder analysed once, linked across the folder (entity
// aliases, inferred publication dates, events, quotes), and queried by hovers, views and the CLI.
import { CardBuilder, Disagreement, Related } from './cards';
import { sentenceAt } from './article';
import { analyzeArticle, ChunkCache, detectArticle, hasDetections, withPublished } from './analyze';
import { linkEntitiesSteps } from './aliases';
import { ClusterOptions, clusterEventsSteps, EventMention, leadOf, resolveEvents } from './events';
import {
  ArticleAnalysis,
  DateMention,
  EntityMention,
  EntityRecord,
  EventCluster,
  MentionRef,
  PublishedDate,
  QuoteCluster,
  Span,
} from './model';
import { StringPool } from './intern';
import { inferPublicationDatesSteps } from './pubdates';
import { clusterQuotesSteps, QuoteMention, resolveQuotes } from './quotes';
import { interrupted, Pacer, Steps } from './steps';
import {
  applyLocalLink,
  ArticleChange,
  FolderIndex,
  LinkedArticleState,
  LocalLinkResult,
  localLinkSteps,
  spellingIndex,
} from './locallink';

interface DocEntry {
  path: string;
  text: string;
  /** A date the user set (sidecar); it wins over everything else. */
  userPublished: string | null;
  /**
   * Analysis with the date the text or the user gave (never the inferred one): the input of linking. It carries
   * its events and quotes (`detected`), found with it where it was analysed.
   */
  base: ArticleAnalysis;
  /** The base analysis re-dated with a date inferred from the folder (and its detections), kept for that date. */
  dated?: { base: ArticleAnalysis; value: string; analysis: ArticleAnalysis };
  /** Chunk results of a large article, so an edit re-analyses only what it touched. */
  cache: ChunkCache;
  /**
   * The ids and names of the base's entity mentions as the article's analysis gave them. Linking overwrites them
   * with the folder's; each link starts again from these, so a link depends on the folder only, not on the links
   * before it (linking the same folder twice gives the same events).
   */
  found: { ids: string[]; canonicals: string[] };
}

export type { Disagreement, Related, RelatedMention } from './cards';

export type Card =
  | { kind: 'entity'; span: Span; mention: EntityMention; record: EntityRecord | undefined }
  | {
      kind: 'date';
      span: Span;
      mention: DateMention;
      published: PublishedDate | null;
      /** The article, and why its publication date is unknown (null when it is known or nothing is to say). */
      path: string;
      publishedNote: string | null;
    }
  | { kind: 'event'; span: Span; event: EventCluster; related: Related; disagreements: Disagreement[] }
  | { kind: 'quote'; span: Span; quote: QuoteCluster; related: Related };

/** Everything the editor needs to draw one article (or the part of it in view, for large articles). */
export interface DocumentView {
  path: string;
  /** Counts over the whole article, also when the lists below are limited to a range. */
  counts: { PERSON: number; ORGANIZATION: number; PLACE: number; NATIONALITY: number; dates: number };
  /** The range the lists were limited to, or null for the whole article. */
  range: Span | null;
  title: string | null;
  published: PublishedDate | null;
  /** Why the publication date is unknown, when the article says something about it (an ambiguous 03/04/2023). */
  publishedNote: string | null;
  boilerplate: Span[];
  entities: EntityMention[];
  dates: DateMention[];
  events: { span: Span; eventId: string }[];
  quotes: { span: Span; quoteId: string }[];
}

export interface CorpusJson {
  articles: {
    path: string;
    title: string | null;
    published: string | null;
    /** Why: the line and rule that gave the date, or why a printed date was not used (ambiguous, no year). */
    publishedReason: string | null;
    /** From the byline, the front matter or the closing credits; never the story's people. */
    authors: string[];
    dateline: string | null;
    source: string | null;
    entities: { start: number; end: number; text: string; type: string; id: string }[];
    dates: { start: number; end: number; text: string; type: string; value: string }[];
  }[];
  events: {
    id: string;
    label: string;
    date: string | null;
    mentions: { path: string; start: number; end: number }[];
  }[];
  quotes: { id: string; speaker: string | null; mentions: { path: string; start: number; end: number }[] }[];
}

/**
 * Persists per-article analyses between sessions (the extension keeps them under its storage), so
 * reopening a large folder does not analyse every article again. Implementations do the I/O.
 */
export interface AnalysisStore {
  load(path: string, text: string, userPublished: string | null): ArticleAnalysis | undefined;
  save(path: string, text: string, userPublished: string | null, analysis: ArticleAnalysis): void;
}

/** A link under way in slices (CorpusIndex.linkStep). */
interface LinkJob {
  /** The generation of the folder it links. */
  generation: number;
  /** Time spent in it so far. */
  ms: number;
  /** The phase running, and the longest step of each phase (ms). */
  phase: string;
  longest: Record<string, number>;
  pace: Pacer;
  steps?: Steps<void>;
}

/** A local link under way (CorpusIndex.linkStep, see locallink.ts): the changes it takes in, by generation. */
interface LocalJob {
  generations: Map<string, number>;
  steps: Steps<LocalLinkResult>;
  /** Time spent in it so far, over its steps. */
  ms: number;
}

/** At most this many changed articles are linked locally ahead of the folder-wide link. */
const LOCAL_CHANGES = 4;

/** One article of the CLI's JSON contract. */
export type ArticleJson = CorpusJson['articles'][number];

/**
 * The per-article half of `upsert`: what a worker thread runs before `upsertAnalysis` (no linking): the analysis
 * with its events and quotes detected.
 */
export function analyzeForIndex(
  path: string,
  text: string,
  userPublished: string | null,
  cache?: ChunkCache,
): ArticleAnalysis {
  const published: PublishedDate | null = userPublished
    ? { value: userPublished, origin: 'user', reason: 'set by you' }
    : null;
  const analysis = analyzeArticle(text, path, { published, cache });
  analysis.detected = detectArticle(analysis);
  return analysis;
}

export class CorpusIndex {
  constructor(private readonly store?: AnalysisStore) {}

  private readonly docs = new Map<string, DocEntry>();
  /** Small strings shared by the analyses that came from other threads. */
  private readonly strings = new StringPool();
  /** Pairs of entity ids the user said are one (mergeEntities), kept for the folder. */
  private merges: [string, string][] = [];
  private dirty = true;
  private linkedOnce = false;
  /** Counts changes of the folder, so a link knows which changes it took in. */
  private generation = 0;
  private mergesGeneration = 0;
  /** Articles added, changed, renamed or removed since the last link, with the generation of the change. */
  private readonly changedSinceLink = new Map<string, number>();
  /** The link under way in slices (linkStep), with the generation it started from. */
  private job?: LinkJob;
  /** How long the last link took, so an owner can decide to defer the next one. */
  lastLinkMs = 0;
  /** Milliseconds of each phase of the last link (entities, detection, dates, events, quotes); with linkStep,
   * the pauses between steps count in the phase they fell in. */
  lastLinkPhases: Record<string, number> = {};
  /** The longest single unit of work (one step of linkStep(0)) of each phase of the last link, in ms. */
  lastLinkLongestSteps: Record<string, number> = {};
  /** The most units of work (see steps.ts) any step of the last link's own phases did, so tests can bound it. */
  lastLinkStepWork = 0;
  /**
   * When set, queries answer from the last linked state, with each changed article's fresh analysis
   * (its events and quotes wait for the next link), instead of relinking first. The owner then calls
   * link() when it is idle. Meant for large folders, where linking takes seconds.
   */
  deferLinking = false;
  /**
   * With deferLinking, a few changed articles are first linked with the articles around them (locallink.ts), in
   * time that does not grow with the folder, and published at once; the folder-wide link follows and replaces it.
   */
  localLinks = true;
  /**
   * No local link begins while this is set (the extension's worker sets it while a folder's batches are stored: their
   * articles wait for the folder-wide link; a local link is for an edit).
   */
  localLinksHeld = false;
  /**
   * False where the folder is linked once (the CLI): each article's detections are let go as soon as the link has
   * resolved them, and (without local links) the resolved event mentions are left to the clustering, which lets
   * their article contexts and sentence words go once read (a large part of a big folder's link memory). A later
   * link would detect them again.
   */
  keepDetections = true;
  /** Local links published so far (the owner tells views to refresh when it grows). */
  localLinksDone = 0;
  /** What the last local link took: ms, articles and event mentions clustered again, mentions of the events it made. */
  lastLocalLink: { ms: number; region: number; clustered: number; mentions: number } | null = null;
  /** The folder's word and context counts local links keep up to date (for tests: they equal a fresh link's). */
  folderCounts():
    { docs: number; wordDf: ReadonlyMap<string, number>; ctxDf: ReadonlyMap<string, number> } | undefined {
    return this.folder?.stats;
  }

  /** Folder-wide links published so far. */
  linksDone = 0;

  /** The phase of the folder-wide link under way, or undefined when none is. */
  get linkPhase(): string | undefined {
    return this.job?.phase;
  }

  /** True while a folder-wide link is under way (between linkStep calls). */
  get linkJobRunning(): boolean {
    return this.job !== undefined;
  }

  /** True while a local link is under way (between linkStep calls). */
  get localLinkRunning(): boolean {
    return this.local !== undefined;
  }

  /** The folder's statistics and date index, from the last link, updated by local links. */
  private folder?: FolderIndex;
  /** Changed articles already linked locally, with the generation of the change a local link took in. */
  private readonly linkedLocally = new Map<string, number>();
  private local?: LocalJob;
  /** Mentions local links resolved since the last link, by article, with the analysis they were resolved from. */
  private resolvedForLocal = new Map<
    string,
    { analysis: ArticleAnalysis; mentions: { events: EventMention[]; quotes: QuoteMention[] } }
  >();
  private analyses = new Map<string, ArticleAnalysis>();
  private entityRecords = new Map<string, EntityRecord>();
  private eventClusters: EventCluster[] = [];
  private quoteClusters: QuoteCluster[] = [];
  private eventsByPath = new Map<string, { ref: MentionRef; cluster: EventCluster }[]>();
  private quotesByPath = new Map<string, { ref: MentionRef; cluster: QuoteCluster }[]>();
  /** Builds the event and quote cards of hovers (bounded, whatever the number of articles). */
  private readonly cards = new CardBuilder();

  get size(): number {
    return this.docs.size;
  }

  has(path: string): boolean {
    return this.docs.has(path);
  }

  paths(): string[] {
    return [...this.docs.keys()].sort();
  }

  /** Adds or replaces an article; analyses it at once. Linking waits for the next query or `link()`. */
  upsert(path: string, text: string, userPublished: string | null = null): void {
    const prev = this.docs.get(path);
    if (prev && prev.text === text && prev.userPublished === userPublished) return;
    const cache = prev?.cache ?? new ChunkCache();
    cache.resetCounters();
    // A stored analysis is only used for a first load; edits of a loaded article go through the chunk cache.
    let base = prev ? undefined : this.store?.load(path, text, userPublished);
    if (!base) {
      base = analyzeForIndex(path, text, userPublished, cache);
      this.store?.save(path, text, userPublished, base);
    }
    this.docs.set(path, { path, text, userPublished, base, cache, found: foundIds(base) });
    this.touch(path);
  }

  /** Stores an analysis computed elsewhere (a worker thread, with analyzeForIndex); it must be for this text. */
  upsertAnalysis(path: string, text: string, userPublished: string | null, base: ArticleAnalysis): void {
    // One copy of the text (a thread may post it twice: with the analysis and beside it) and of small strings.
    if (base.article.text === text) base.article.text = text;
    this.strings.analysis(base);
    this.docs.set(path, { path, text, userPublished, base, cache: new ChunkCache(), found: foundIds(base) });
    this.touch(path);
  }

  /** The user's entity merges; every mention of a merged id then carries the group's id. */
  setMerges(pairs: [string, string][]): void {
    const next = pairs.filter(
      (p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'string',
    );
    if (JSON.stringify(next) === JSON.stringify(this.merges)) return;
    this.merges = next;
    this.mergesGeneration = ++this.generation;
    this.dirty = true;
  }

  setUserPublished(path: string, date: string | null): void {
    const doc = this.docs.get(path);
    if (doc) this.upsert(path, doc.text, date);
  }

  remove(path: string): boolean {
    const had = this.docs.delete(path);
    if (had) this.touch(path);
    return had;
  }

  rename(from: string, to: string): void {
    const doc = this.docs.get(from);
    if (!doc) return;
    this.docs.delete(from);
    const base = { ...doc.base, article: { ...doc.base.article, path: to } };
    this.docs.set(to, { ...doc, path: to, base, dated: undefined });
    this.touch(from);
    this.touch(to);
  }

  /** How many chunks of a large article the last update analysed, and how many it reused. */
  chunkStats(path: string): { computed: number; reused: number } | undefined {
    const c = this.docs.get(path)?.cache;
    return c && { computed: c.computed, reused: c.reused };
  }

  text(path: string): string | undefined {
    return this.docs.get(path)?.text;
  }

  /** Recomputes folder-level links. Cheap when nothing changed. */
  link(): void {
    if (!this.dirty) return;
    // A job begun before the latest changes would only be followed by another: start from the current folder.
    if (this.job && this.job.generation !== this.generation) this.job = undefined;
    while (!this.linkStep(Infinity));
  }

  /**
   * Does up to about `budgetMs` of the pending link and returns true when the folder is linked (nothing
   * pending). The owner calls it again when it is idle; between steps, queries answer from the last
   * completed link exactly as with `deferLinking` (the new links appear all at once when the last step ends).
   * Changes made between steps are picked up by a further link (`needsLink` stays true). A step ends at
   * the first unit of work past the budget: units are one article's detections, one block of candidate pairs.
   * `localOnly`: only the local link due, if any (an edit while a folder is being indexed); no folder-wide link begins.
   */
  linkStep(budgetMs = 20, localOnly = false): boolean {
    if (!this.dirty) return true;
    const t0 = performance.now();
    if (!this.localStep(t0, budgetMs) || localOnly) return false;
    if (!this.job) {
      const docs = new Map(this.docs);
      const job: LinkJob = { generation: this.generation, ms: 0, phase: 'entities', longest: {}, pace: new Pacer() };
      job.steps = this.linkJob(docs, job);
      this.job = job;
    }
    const job = this.job;
    let last = t0;
    for (;;) {
      const done = job.steps!.next().done;
      const now = performance.now();
      job.longest[job.phase] = Math.max(job.longest[job.phase] ?? 0, now - last);
      last = now;
      const spent = now - t0;
      if (done) {
        this.job = undefined;
        this.lastLinkMs = Math.round(job.ms + spent);
        this.lastLinkLongestSteps = roundValues(job.longest);
        this.lastLinkStepWork = job.pace.longest;
        this.linkedOnce = true;
        this.linksDone++;
        for (const [path, gen] of this.changedSinceLink) if (gen <= job.generation) this.changedSinceLink.delete(path);
        // The folder-wide links replace the local ones; a change made since is linked locally again.
        this.linkedLocally.clear();
        this.resolvedForLocal = new Map();
        this.dirty = this.changedSinceLink.size > 0 || this.mergesGeneration > job.generation;
        return !this.dirty;
      }
      if (spent >= budgetMs || interrupted()) {
        job.ms += spent;
        return false;
      }
    }
  }

  /**
   * Links the articles changed since the last links with the articles around them (locallink.ts), now, and
   * publishes that; the folder-wide link stays due. True when a local link ran.
   */
  linkLocally(): boolean {
    const before = this.localLinksDone;
    const deferred = this.deferLinking;
    this.deferLinking = true;
    try {
      while (!this.localStep(performance.now(), Infinity));
    } finally {
      this.deferLinking = deferred;
    }
    return this.localLinksDone > before;
  }

  /** True when links are due: something changed since the last link. */
  get needsLink(): boolean {
    return this.dirty;
  }

  /** Links unless the owner defers linking and a linked state exists to answer from. */
  private ensureLinked(): void {
    if (!this.deferLinking || !this.linkedOnce) this.link();
  }

  /** True when the article changed since the last link, so its events and quotes are not known yet. */
  private stale(path: string): boolean {
    if (!this.dirty) return false;
    const gen = this.changedSinceLink.get(path);
    return gen !== undefined && (this.linkedLocally.get(path) ?? -1) < gen;
  }

  /**
   * Runs the pending local link (starting one when a few articles changed since the last links) within the budget;
   * true when none is left to run.
   */
  private localStep(t0: number, budgetMs: number): boolean {
    if (!this.local) this.local = this.startLocal();
    if (!this.local) return true;
    const job = this.local;
    for (;;) {
      const r = job.steps.next();
      const spent = performance.now() - t0;
      if (r.done) {
        this.publishLocal(job, r.value, job.ms + spent);
        this.local = undefined;
        return true;
      }
      if (spent >= budgetMs || interrupted()) {
        job.ms += spent;
        return false;
      }
    }
  }

  /** A local link of the articles changed since the last links and not linked locally yet, when it is worth one. */
  private startLocal(): LocalJob | undefined {
    if (!this.deferLinking || !this.localLinks || this.localLinksHeld || !this.folder || !this.linkedOnce)
      return undefined;
    if (this.job && this.mergesGeneration > this.job.generation) return undefined;
    const pending = this.locallyLinkable();
    if (!pending.length || pending.length > LOCAL_CHANGES) return undefined;
    const changes: ArticleChange[] = pending.map(([path]) => ({ path, after: this.currentAnalysis(path) }));
    const merges = this.mergeTargets();
    const hooks = {
      resolve: (path: string, analysis: ArticleAnalysis) => this.resolveMentions(path, analysis),
      redate: (path: string, published: PublishedDate) => this.redated(this.docs.get(path)!, published),
    };
    const steps = localLinkSteps(this.linkedState(), this.folder, changes, hooks, merges, new Pacer());
    return { generations: new Map(pending), steps, ms: 0 };
  }

  /**
   * The changes a local link would take in: those not linked locally yet. When there are many (a folder being
   * indexed), only those made after the folder-wide link under way began, or with none under way the edits of
   * articles already linked: the new articles are shown by the folder-wide link, an edit at once.
   */
  private locallyLinkable(): [string, number][] {
    const pending = [...this.changedSinceLink].filter(([p, gen]) => (this.linkedLocally.get(p) ?? -1) < gen);
    if (pending.length <= LOCAL_CHANGES) return pending;
    if (this.job) return pending.filter(([, gen]) => gen > this.job!.generation);
    return pending.filter(([p]) => this.analyses.has(p));
  }

  private publishLocal(job: LocalJob, result: LocalLinkResult, ms: number): void {
    applyLocalLink(this.linkedState(), this.folder!, result);
    for (const [path, gen] of job.generations) this.linkedLocally.set(path, gen);
    const mentions = result.events.reduce((n, e) => n + e.mentions.length, 0);
    this.lastLocalLink = { ms: Math.round(ms), region: result.region.length, clustered: result.clustered, mentions };
    this.localLinksDone++;
  }

  /** The published links as one object (what a local link reads and replaces). */
  private linkedState(): LinkedArticleState {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- accessors over this index's own fields
    const self = this;
    return {
      get analyses() {
        return self.analyses;
      },
      get entityRecords() {
        return self.entityRecords;
      },
      get eventClusters() {
        return self.eventClusters;
      },
      set eventClusters(v) {
        self.eventClusters = v;
      },
      get quoteClusters() {
        return self.quoteClusters;
      },
      set quoteClusters(v) {
        self.quoteClusters = v;
      },
      get eventsByPath() {
        return self.eventsByPath;
      },
      get quotesByPath() {
        return self.quotesByPath;
      },
    };
  }

  /** The article's analysis as queries see it between links: fresh, with the date the folder had given it. */
  private currentAnalysis(path: string): ArticleAnalysis | null {
    const doc = this.docs.get(path);
    if (!doc) return null;
    const before = this.analyses.get(path)?.article.published;
    return !doc.base.article.published && before?.origin === 'corpus' ? this.redated(doc, before) : doc.base;
  }

  /** Each id the user merged into another, mapped to the id its group kept (the one with a record). */
  private mergeTargets(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [a, b] of this.merges) {
      if (this.entityRecords.has(a) && !this.entityRecords.has(b)) out.set(b, a);
      else if (this.entityRecords.has(b) && !this.entityRecords.has(a)) out.set(a, b);
    }
    return out;
  }

  /** An article's event and quote mentions with the ids its analysis carries now. */
  private resolveMentions(path: string, analysis: ArticleAnalysis): { events: EventMention[]; quotes: QuoteMention[] } {
    // Local links resolve the same articles around a story again and again: kept per analysis until the next link.
    const known = this.resolvedForLocal.get(path);
    if (known?.analysis === analysis) return known.mentions;
    const mentions = this.resolveAgain(path, analysis);
    this.resolvedForLocal.set(path, { analysis, mentions });
    return mentions;
  }

  private resolveAgain(path: string, analysis: ArticleAnalysis): { events: EventMention[]; quotes: QuoteMention[] } {
    const doc = this.docs.get(path);
    const found = doc ? this.detections(doc, analysis) : (analysis.detected ?? detectArticle(analysis));
    return {
      events: resolveEvents(found.events, analysis, path),
      quotes: resolveQuotes(found.quotes, leadOf(analysis), path),
    };
  }

  /** Notes a change of the folder: the next link (or the one after a link under way) takes it in. */
  private touch(path: string): void {
    this.generation++;
    this.changedSinceLink.set(path, this.generation);
    this.dirty = true;
  }

  /**
   * The link as a sequence of small units of work (each `yield` is a point where linkStep may stop). It reads
   * the folder as it was when it began (`docs`) and publishes its results only at the end. Every phase yields
   * per article or per bounded block (steps.ts), so no unit grows with the folder.
   */
  private *linkJob(docs: Map<string, DocEntry>, job: LinkJob): Steps<void> {
    const phases: Record<string, number> = {};
    const pace = job.pace;
    let mark = performance.now();
    const lap = (phase: string) => {
      const now = performance.now();
      phases[phase] = Math.round((phases[phase] ?? 0) + now - mark);
      mark = now;
    };
    const bases = [...docs.values()].map((d) => d.base);
    // Entity identities first: events, quotes and date inference all speak in canonical ids.
    const records = yield* this.linkEntityPhase([...docs.values()], pace);
    lap('entities');
    pace.end();
    yield;
    job.phase = 'detection';
    mark = performance.now();
    // Detections refer to entities by index: resolving gives them the ids and names linking gave them just now.
    // Each article's are resolved once per publication date it is linked with (a date inferred from the folder
    // re-detects it).
    const resolved = new Map<string, { key: string | null; events: EventMention[]; quotes: QuoteMention[] }>();
    const mentionsFor = (analysis: ArticleAnalysis): EventMention[] => {
      const path = analysis.article.path;
      const key = analysis.article.published?.value ?? null;
      let r = resolved.get(path);
      if (!r || r.key !== key) {
        const doc = docs.get(path)!;
        const found = this.detections(doc, analysis);
        const lead = leadOf(analysis);
        r = {
          key,
          events: resolveEvents(found.events, analysis, path),
          quotes: resolveQuotes(found.quotes, lead, path),
        };
        resolved.set(path, r);
      }
      return r.events;
    };
    for (const doc of docs.values()) {
      mentionsFor(doc.base);
      // Resolved: the link reads the base's detections no more (a date inferred from the folder detects afresh).
      if (!this.keepDetections) doc.base.detected = undefined;
      lap('detection');
      pace.end();
      yield;
      mark = performance.now();
    }
    job.phase = 'dates';
    const inferred = yield* inferPublicationDatesSteps(
      bases,
      (path, value) => {
        const doc = docs.get(path)!;
        return this.redated(doc, { value, origin: 'corpus', reason: 'inferred from the folder' });
      },
      mentionsFor,
      pace,
    );
    lap('dates');
    pace.end();
    yield;
    job.phase = 'detection';
    mark = performance.now();
    const analyses = new Map<string, ArticleAnalysis>();
    for (const doc of docs.values()) {
      const pd = inferred.get(doc.path);
      const analysis = pd && !doc.base.article.published ? this.redated(doc, pd) : doc.base;
      analyses.set(doc.path, analysis);
      mentionsFor(analysis);
      lap('detection');
      pace.end();
      yield;
      mark = performance.now();
    }
    job.phase = 'events';
    const entries = [...docs.values()];
    if (!this.keepDetections) yield* dropDetections(entries, analyses, pace);
    const { eventClusters, folder } = yield* this.eventPhase(entries, resolved, records, pace);
    lap('events');
    yield;
    job.phase = 'quotes';
    mark = performance.now();
    const quotes = yield* gather(entries, (d) => resolved.get(d.path)?.quotes ?? [], pace);
    const quoteClusters = yield* clusterQuotesSteps(quotes, pace);
    lap('quotes');
    pace.end();
    yield;
    job.phase = 'publish';
    const published = yield* publishSteps(records, eventClusters, quoteClusters, pace);
    lap('publish');
    this.lastLinkPhases = phases;
    this.folder = folder;
    this.analyses = analyses;
    this.entityRecords = published.entityRecords;
    this.eventClusters = eventClusters;
    this.quoteClusters = quoteClusters;
    this.eventsByPath = published.eventsByPath;
    this.quotesByPath = published.quotesByPath;
  }

  /** The folder's events, and what local links will need of the folder (when they are on). */
  private *eventPhase(
    entries: DocEntry[],
    resolved: Map<string, { events: EventMention[] }>,
    records: EntityRecord[],
    pace: Pacer,
  ): Steps<{ eventClusters: EventCluster[]; folder: FolderIndex | undefined }> {
    const eventMentions = yield* gather(entries, (d) => resolved.get(d.path)?.events ?? [], pace);
    pace.end();
    // Linked once (the CLI): nothing but the clustering reads the mentions from here on.
    const once = !this.keepDetections && !this.localLinks;
    if (once) for (const r of resolved.values()) r.events = [];
    let corpusCounts: CorpusCounts | undefined;
    const eventClusters = yield* clusterEventsSteps(eventMentions, {
      onCorpus: (c) => (corpusCounts = c),
      releaseContexts: once,
    });
    const folder = this.localLinks
      ? yield* folderIndexSteps(corpusCounts, entries, (d) => resolved.get(d.path)?.events ?? [], pace)
      : undefined;
    // Built here, in the background link's steps, not on the first local link after it (which an edit waits for).
    if (folder) folder.spellings = yield* spellingIndex(records, pace);
    return { eventClusters, folder };
  }

  /**
   * The folder's entities, with the user's merges, from the ids each article's analysis gave (those of the last link
   * are undone first). withPublished shares the entity arrays, so these records stay valid for the re-dated analyses.
   */
  private *linkEntityPhase(docs: DocEntry[], pace: Pacer): Steps<EntityRecord[]> {
    for (const d of docs) {
      const { ids, canonicals } = d.found;
      d.base.entities.forEach((m, i) => {
        m.id = ids[i];
        m.canonical = canonicals[i];
      });
      if (pace.add(d.base.entities.length)) yield;
    }
    const bases = docs.map((d) => d.base);
    const linked = yield* linkEntitiesSteps(
      bases.map((a) => ({ path: a.article.path, entities: a.entities })),
      pace,
    );
    return yield* applyMerges(
      linked,
      bases.map((a) => a.entities),
      this.merges,
      pace,
    );
  }

  analysis(path: string): ArticleAnalysis | undefined {
    this.ensureLinked();
    if (!this.stale(path)) return this.analyses.get(path);
    // Fresh text, previous links: keep the date the folder had given the article.
    return this.currentAnalysis(path) ?? undefined;
  }

  /**
   * The article's events and quotes before linking, as found with the analysis; found here only when the analysis
   * came without them (a date inferred from the folder, a cache of an older build), and kept with it.
   */
  private detections(doc: DocEntry, analysis: ArticleAnalysis): NonNullable<ArticleAnalysis['detected']> {
    if (hasDetections(analysis)) return analysis.detected!;
    const found = detectArticle(analysis);
    analysis.detected = found;
    // The re-dated analysis is shared through copies with another PublishedDate object: keep them with it.
    if (doc.dated && doc.dated.value === analysis.article.published?.value) doc.dated.analysis.detected = found;
    return found;
  }

  /** The article's analysis with a date from the folder; its dates are resolved once per date value. */
  private redated(doc: DocEntry, published: PublishedDate): ArticleAnalysis {
    if (doc.dated?.base !== doc.base || doc.dated.value !== published.value) {
      doc.dated = { base: doc.base, value: published.value, analysis: withPublished(doc.base, published) };
    }
    const a = doc.dated.analysis;
    return a.article.published === published ? a : { ...a, article: { ...a.article, published } };
  }

  published(path: string): PublishedDate | null {
    return this.analysis(path)?.article.published ?? null;
  }

  entities(): EntityRecord[] {
    this.ensureLinked();
    return [...this.entityRecords.values()];
  }

  entity(id: string): EntityRecord | undefined {
    this.ensureLinked();
    return this.entityRecords.get(id);
  }

  events(): EventCluster[] {
    this.ensureLinked();
    return this.eventClusters;
  }

  quotes(): QuoteCluster[] {
    this.ensureLinked();
    return this.quoteClusters;
  }

  /** The article's highlights; with a range, only those overlapping it (a large article's visible part). */
  view(path: string, range?: Span): DocumentView | undefined {
    const a = this.analysis(path);
    if (!a) return undefined;
    const inRange = <T extends Span>(items: T[]): T[] =>
      range ? items.filter((s) => s.end >= range.start && s.start <= range.end) : items;
    const counts = { PERSON: 0, ORGANIZATION: 0, PLACE: 0, NATIONALITY: 0, dates: a.dates.length };
    for (const e of a.entities) counts[e.type]++;
    return {
      path,
      counts,
      range: range ?? null,
      title: a.article.title,
      published: a.article.published,
      publishedNote: a.article.published ? null : (a.article.meta?.publishedNote ?? null),
      boilerplate: inRange(a.article.boilerplate),
      entities: inRange(a.entities),
      dates: inRange(a.dates),
      events: inRange(
        (this.stale(path) ? [] : (this.eventsByPath.get(path) ?? [])).map((e) => ({
          ...spanOf(e.ref),
          eventId: e.cluster.id,
        })),
      ).map((e) => ({ span: spanOf(e), eventId: e.eventId })),
      quotes: inRange(
        (this.stale(path) ? [] : (this.quotesByPath.get(path) ?? [])).map((q) => ({
          ...spanOf(q.ref),
          quoteId: q.cluster.id,
        })),
      ).map((q) => ({ span: spanOf(q), quoteId: q.quoteId })),
    };
  }

  /** The hover cards at an offset: the entity or date under it, and the event and quote it belongs to. */
  cardsAt(path: string, offset: number): Card[] {
    const a = this.analysis(path);
    if (!a) return [];
    const cards: Card[] = [];
    const hit = (s: Span) => offset >= s.start && offset <= s.end;
    const date = a.dates.find(hit);
    if (date) {
      const published = a.article.published;
      const publishedNote = published ? null : (a.article.meta?.publishedNote ?? null);
      cards.push({ kind: 'date', span: spanOf(date), mention: date, published, path, publishedNote });
    }
    const ent = a.entities.find(hit);
    if (ent) cards.push({ kind: 'entity', span: spanOf(ent), mention: ent, record: this.entityRecords.get(ent.id) });
    const fresh = !this.stale(path);
    const quote = fresh ? (this.quotesByPath.get(path) ?? []).find((q) => hit(q.ref)) : undefined;
    if (quote)
      cards.push({
        kind: 'quote',
        span: spanOf(quote.ref),
        quote: quote.cluster,
        related: this.cards.related(quote.cluster, path, this.analyses),
      });
    const sentence = sentenceAt(a.article.sentences, offset);
    const ev = (fresh ? (this.eventsByPath.get(path) ?? []) : []).find(
      (e) => hit(e.ref) || (sentence && e.ref.sentence && e.ref.sentence.start === sentence.start),
    );
    if (ev) {
      cards.push({
        kind: 'event',
        span: spanOf(ev.ref),
        event: ev.cluster,
        related: this.cards.related(ev.cluster, path, this.analyses),
        disagreements: this.cards.disagreements(ev.cluster, this.analyses),
      });
    }
    return cards;
  }

  /** Every mention of the entity, event or quote at an offset, across the folder. */
  references(path: string, offset: number): MentionRef[] {
    const cards = this.cardsAt(path, offset);
    for (const c of cards) {
      if (c.kind === 'entity') return this.entityMentions(c.mention.id);
    }
    for (const c of cards) {
      if (c.kind === 'event') return c.event.mentions;
      if (c.kind === 'quote') return c.quote.mentions;
    }
    return [];
  }

  entityMentions(id: string): MentionRef[] {
    this.ensureLinked();
    const refs: MentionRef[] = [];
    for (const path of this.docs.keys()) {
      const a = this.analysis(path);
      if (a) for (const e of a.entities) if (e.id === id) refs.push({ path, start: e.start, end: e.end });
    }
    return refs;
  }

  /** The CLI's JSON contract. */
  toJSON(): CorpusJson {
    const articles = this.paths().map((p) => this.articleJson(p)!);
    return { articles, events: this.eventsJson(), quotes: this.quotesJson() };
  }

  /** One article of the JSON contract, after linking (the CLI streams these one at a time). */
  articleJson(path: string): ArticleJson | undefined {
    this.link();
    const a = this.analyses.get(path);
    if (!a) return undefined;
    return {
      path,
      title: a.article.title,
      published: a.article.published?.value ?? null,
      publishedReason: a.article.published
        ? `${a.article.published.origin}: ${a.article.published.reason}`
        : (a.article.meta?.publishedNote ?? null),
      authors: a.article.meta?.authors ?? [],
      dateline: a.article.meta?.dateline ?? null,
      source: a.article.source,
      entities: a.entities.map((e) => ({ start: e.start, end: e.end, text: e.text, type: e.type, id: e.id })),
      dates: a.dates.map((d) => ({ start: d.start, end: d.end, text: d.text, type: d.type, value: d.value })),
    };
  }

  eventsJson(): CorpusJson['events'] {
    this.link();
    return this.eventClusters.map((e) => ({ id: e.id, label: e.label, date: e.date, mentions: refsJson(e.mentions) }));
  }

  quotesJson(): CorpusJson['quotes'] {
    this.link();
    return this.quoteClusters.map((q) => ({ id: q.id, speaker: q.speaker, mentions: refsJson(q.mentions) }));
  }
}

export { EVENT_SCOPE } from './events';

function refsJson(ms: MentionRef[]): { path: string; start: number; end: number }[] {
  return ms.map((m) => ({ path: m.path, start: m.start, end: m.end }));
}

/**
 * Joins the entities the user merged: each group takes the id and name of its most mentioned member,
 * and its record gathers every spelling and article.
 */
function* applyMerges(
  records: EntityRecord[],
  mentionLists: EntityMention[][],
  pairs: [string, string][],
  pace: Pacer,
): Steps<EntityRecord[]> {
  if (!pairs.length) return records;
  const byId = new Map(records.map((r) => [r.id, r]));
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const weight = (id: string) => byId.get(id)?.mentionCount ?? 0;
  for (const [a, b] of pairs) {
    if (!byId.has(a) || !byId.has(b)) continue;
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    const [keep, drop] = weight(ra) >= weight(rb) ? [ra, rb] : [rb, ra];
    parent.set(drop, keep);
    parent.set(keep, keep);
  }
  const merged = new Map<string, EntityRecord>();
  for (const r of records) {
    if (pace.add(1 + r.spellings.length)) yield;
    const root = find(r.id);
    const head = byId.get(root)!;
    const into = merged.get(root) ?? {
      ...head,
      spellings: [...head.spellings],
      articles: [...head.articles],
      mentionCount: 0,
    };
    if (r.id !== root) {
      for (const sp of r.spellings) if (!into.spellings.includes(sp)) into.spellings.push(sp);
      for (const a of r.articles) if (!into.articles.includes(a)) into.articles.push(a);
    }
    into.mentionCount += r.mentionCount;
    merged.set(root, into);
  }
  for (const list of mentionLists) {
    for (const m of list) {
      const root = find(m.id);
      if (root !== m.id) {
        m.id = root;
        m.canonical = merged.get(root)!.canonical;
      }
    }
    if (pace.add(list.length)) yield;
  }
  return [...merged.values()];
}

function foundIds(base: ArticleAnalysis): DocEntry['found'] {
  return { ids: base.entities.map((m) => m.id), canonicals: base.entities.map((m) => m.canonical) };
}

function spanOf(s: Span): Span {
  return { start: s.start, end: s.end };
}

type CorpusCounts = Parameters<NonNullable<ClusterOptions['onCorpus']>>[0];

/** Lets go of the articles' detections (all resolved by now): the link that reads them once needs them no more. */
function* dropDetections(entries: DocEntry[], analyses: Map<string, ArticleAnalysis>, pace: Pacer): Steps<void> {
  for (const d of entries) {
    d.base.detected = undefined;
    if (d.dated) d.dated.analysis.detected = undefined;
    const a = analyses.get(d.path);
    if (a) a.detected = undefined;
    if (pace.add(4)) yield;
  }
}

/** What local links need of the folder (locallink.ts FolderIndex): its word and context counts, its event dates. */
function* folderIndexSteps<E>(
  counts: CorpusCounts | undefined,
  entries: E[],
  eventsOf: (e: E) => EventMention[],
  pace: Pacer,
): Steps<FolderIndex> {
  const wordDf = new Map<string, number>();
  const words = counts?.words ?? [];
  for (let w = 0; w < words.length; w++) {
    wordDf.set(words[w], counts!.wordDf[w]);
    if (pace.add()) yield;
  }
  const dates = new Map<string, Set<string>>();
  for (const e of entries) {
    const events = eventsOf(e);
    for (const m of events) {
      if (!m.date) continue;
      const set = dates.get(m.date) ?? new Set<string>();
      set.add(m.path);
      dates.set(m.date, set);
    }
    if (pace.add(1 + events.length)) yield;
  }
  // The link's own context counts become the folder's (nothing else holds them after the link).
  const stats = { docs: counts?.docs ?? 0, wordDf, ctxDf: counts?.ctxDf ?? new Map<string, number>() };
  return { stats, dates };
}

/** Concatenates what each entry holds, a step per block of entries. */
function* gather<E, T>(entries: E[], of: (e: E) => T[], pace: Pacer): Steps<T[]> {
  const out: T[] = [];
  for (const e of entries) {
    const items = of(e);
    for (const x of items) out.push(x);
    if (pace.add(1 + items.length)) yield;
  }
  return out;
}

/** The look-ups queries use, built in steps from a finished link's results before they replace the old ones. */
function* publishSteps(
  records: EntityRecord[],
  eventClusters: EventCluster[],
  quoteClusters: QuoteCluster[],
  pace: Pacer,
): Steps<{
  entityRecords: Map<string, EntityRecord>;
  eventsByPath: Map<string, { ref: MentionRef; cluster: EventCluster }[]>;
  quotesByPath: Map<string, { ref: MentionRef; cluster: QuoteCluster }[]>;
}> {
  const entityRecords = new Map<string, EntityRecord>();
  for (const r of records) {
    entityRecords.set(r.id, r);
    if (pace.add()) yield;
  }
  const eventsByPath = yield* groupByPath(eventClusters, pace);
  const quotesByPath = yield* groupByPath(quoteClusters, pace);
  return { entityRecords, eventsByPath, quotesByPath };
}

function roundValues(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(v * 10) / 10]));
}

function* groupByPath<T extends { mentions: MentionRef[] }>(
  clusters: T[],
  pace: Pacer,
): Steps<Map<string, { ref: MentionRef; cluster: T }[]>> {
  const out = new Map<string, { ref: MentionRef; cluster: T }[]>();
  for (const cluster of clusters) {
    for (const ref of cluster.mentions) {
      const list = out.get(ref.path) ?? [];
      list.push({ ref, cluster });
      out.set(ref.path, list);
    }
    if (pace.add(cluster.mentions.length)) yield;
  }
  for (const list of out.values()) {
    list.sort((a, b) => a.ref.start - b.ref.start);
    if (pace.add(list.length * 2)) yield;
  }
  return out;
}
