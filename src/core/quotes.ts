// Finds direct speech with its speaker in an analysed article and matches the same words across articles,
// exact or lightly reworded (same speaker, high content-word overlap).
import { ArticleAnalysis, EntityMention, QuoteCluster, Span } from './model';
import { slug, SlugOptions } from './text/slug';
import { contentStems, tokenize } from './text/stem';
import { drain, Pacer, sortSteps, Steps } from './steps';

const QUOTE_SLUG: SlugOptions = { stripAccents: false };

export interface QuoteMention {
  path: string;
  span: Span;
  text: string;
  speakerId: string | null;
  speaker: string | null;
  sentence: Span;
  /** Publication date of the article that carried it, when known. */
  published?: string | null;
  /** Content-word stems of the quoted words. */
  words?: string[];
}

const SPEECH_VERBS =
  'said|says|say|told|tells|added|adds|asked|asks|stressed|noted|declared|insisted|explained|warned|wrote|' +
  'replied|continued|argued|urged|stated|remarked|announced|acknowledged|emphasized|emphasised|recalled|concluded';
const SPEECH = new RegExp(`\\b(?:${SPEECH_VERBS})\\b`, 'i');
const PRONOUN = /\b(he|she)\b/i;

/** Smallest number of words for a quotation worth matching; shorter ones are scare quotes ("new chapter"). */
const MIN_WORDS = 4;

interface RawQuote {
  start: number;
  end: number;
}

/**
 * Quoted spans: curly quotes, across paragraphs when the next
 * paragraph reopens with “; straight quotes within a paragraph.
 */
function quotedSpans(text: string, paragraphs: Span[]): RawQuote[] {
  const out: RawQuote[] = [];
  let open: number | null = null;
  paragraphs.forEach((p, k) => {
    let straightOpen: number | null = null;
    for (let at = p.start; at < p.end; at++) {
      const c = text[at];
      if (c === '“') {
        // A paragraph-initial “ continues a quotation left open by the previous paragraph.
        if (open !== null && at === p.start) continue;
        if (open !== null) out.push({ start: open, end: at });
        open = at + 1;
      } else if (c === '”') {
        if (open !== null) out.push({ start: open, end: at });
        open = null;
      } else if (c === '"') {
        if (straightOpen === null) straightOpen = at + 1;
        else {
          out.push({ start: straightOpen, end: at });
          straightOpen = null;
        }
      }
    }
    const next = paragraphs[k + 1];
    if (open !== null && (!next || text[next.start] !== '“')) {
      out.push({ start: open, end: p.end });
      open = null;
    }
  });
  return out.sort((a, b) => a.start - b.start);
}

function trimSpan(text: string, s: RawQuote): RawQuote {
  let { start, end } = s;
  while (start < end && /[\s,.;:]/.test(text[start])) start++;
  while (end > start && /[\s,;:]/.test(text[end - 1])) end--;
  return { start, end };
}

function lastPersonBefore(persons: EntityMention[], offset: number): EntityMention | null {
  let best: EntityMention | null = null;
  for (const e of persons) {
    if (e.end <= offset) best = e;
    else break;
  }
  return best;
}

/** Who said it: a name or pronoun next to a verb of saying right after the quote, else before it in the sentence. */
function attribute(text: string, q: RawQuote, sentence: Span, persons: EntityMention[]): EntityMention | null {
  const afterEnd = Math.min(text.length, q.end + 90, Math.max(sentence.end, q.end + 1));
  const after = text.slice(q.end, afterEnd).replace(/^[”"]/, '');
  const afterStop = after.search(/[.!?](?:\s|$)|[“"]/);
  const tail = afterStop >= 0 ? after.slice(0, afterStop) : after;
  const tailStart = q.end + (text.slice(q.end, q.end + 1) === '”' || text.slice(q.end, q.end + 1) === '"' ? 1 : 0);
  if (SPEECH.test(tail)) {
    const inTail = persons.find((e) => e.start >= tailStart && e.end <= tailStart + tail.length);
    if (inTail) return inTail;
    if (PRONOUN.test(tail)) return lastPersonBefore(persons, q.start);
  }
  const before = text.slice(sentence.start, Math.max(sentence.start, q.start - 1));
  if (SPEECH.test(before) || /:\s*$/.test(before)) {
    const inBefore = persons.filter((e) => e.start >= sentence.start && e.end <= q.start);
    if (inBefore.length) return inBefore[inBefore.length - 1];
    if (PRONOUN.test(before)) return lastPersonBefore(persons, sentence.start);
  }
  return null;
}

/**
 * A quotation as detection finds it, before linking: its speaker by index into the analysis's entities (-1 for
 * none), so linking can rename the speaker without finding the quote again.
 */
export interface LocalQuote {
  span: Span;
  speaker: number;
  sentence: Span;
  /** Content-word stems of the quoted words. */
  words: string[];
}

/** An article's quotations as detection leaves them, with the publication date they were found with. */
export interface ArticleQuotes {
  published: string | null;
  quotes: LocalQuote[];
}

/** Quotations of one analysed article with their speakers, in text order. */
export function findQuotes(analysis: ArticleAnalysis): QuoteMention[] {
  return resolveQuotes(detectQuotes(analysis), analysis);
}

/** The quotations with their speakers' current ids and names. */
export function resolveQuotes(
  found: ArticleQuotes,
  analysis: ArticleAnalysis,
  path = analysis.article.path,
): QuoteMention[] {
  const { text } = analysis.article;
  return found.quotes.map((q) => {
    const speaker = q.speaker >= 0 ? analysis.entities[q.speaker] : null;
    return {
      path,
      span: q.span,
      text: text.slice(q.span.start, q.span.end),
      speakerId: speaker?.id ?? null,
      speaker: speaker?.canonical ?? null,
      sentence: q.sentence,
      published: found.published,
      words: q.words,
    };
  });
}

/** Quotations of one analysed article (indices refer to its entities), before linking. */
export function detectQuotes(analysis: ArticleAnalysis): ArticleQuotes {
  const { article } = analysis;
  const text = article.text;
  const persons = analysis.entities.filter((e) => e.type === 'PERSON').sort((a, b) => a.start - b.start);
  const out: LocalQuote[] = [];
  for (const raw of quotedSpans(text, article.paragraphs)) {
    const q = trimSpan(text, raw);
    const quoted = text.slice(q.start, q.end);
    if (tokenize(quoted).length < MIN_WORDS) continue;
    if (article.boilerplate.some((b) => q.start >= b.start && q.start < b.end)) continue;
    const sentence = article.sentences.find((s) => q.start >= s.start && q.start < s.end) ??
      article.sentences.find((s) => s.start >= q.start) ?? { start: q.start, end: q.end };
    // The sentence that names the speaker is the one holding the quote's end.
    const endSentence = article.sentences.find((s) => q.end > s.start && q.end <= s.end + 1) ?? sentence;
    const speaker = attribute(
      text,
      q,
      { start: Math.min(sentence.start, endSentence.start), end: endSentence.end },
      persons,
    );
    out.push({
      span: { start: q.start, end: q.end },
      speaker: speaker ? analysis.entities.indexOf(speaker) : -1,
      sentence: { start: sentence.start, end: sentence.end },
      words: contentStems(quoted),
    });
  }
  return { published: article.published?.value ?? null, quotes: out };
}

function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(a) - Date.parse(b)) / 86400000;
}

/** Groups the same words reported by several articles. Blocking on each quote's rarest words keeps it near-linear. */
export function clusterQuotes(quotes: QuoteMention[]): QuoteCluster[] {
  return drain(clusterQuotesSteps(quotes));
}

/** clusterQuotes in steps of about `pace.perStep` words or pairs each (per quote, per block of pairs). */
export function* clusterQuotesSteps(quotes: QuoteMention[], pace = new Pacer()): Steps<QuoteCluster[]> {
  const words: string[][] = [];
  for (const q of quotes) {
    words.push([...new Set(q.words ?? contentStems(q.text))]);
    // Stems computed here (quotes without their words) cost more than a look-up each.
    if (pace.add(q.words ? words[words.length - 1].length : 10 * words[words.length - 1].length)) yield;
  }
  const { index, rare } = yield* rareWordIndex(words, pace);
  const pairs = yield* quotePairs(quotes, words, index, rare, pace);
  const groups = yield* joinQuotes(quotes, pairs, pace);
  return yield* describeGroups(quotes, groups, pace);
}

/** Each quote under its six rarest words: quotes sharing none of them are never compared. */
function* rareWordIndex(words: string[][], pace: Pacer): Steps<{ index: Map<string, number[]>; rare: string[][] }> {
  const df = new Map<string, number>();
  for (const ws of words) {
    for (const w of ws) df.set(w, (df.get(w) ?? 0) + 1);
    if (pace.add(ws.length)) yield;
  }
  const index = new Map<string, number[]>();
  const rare: string[][] = [];
  for (let i = 0; i < words.length; i++) {
    const ws = words[i];
    rare.push([...ws].sort((a, b) => df.get(a)! - df.get(b)! || a.localeCompare(b)).slice(0, 6));
    for (const w of rare[i]) {
      const l = index.get(w) ?? [];
      l.push(i);
      index.set(w, l);
    }
    if (pace.add(4 * ws.length)) yield;
  }
  return { index, rare };
}

/**
 * How surely two quotes from different articles are the same words, or null when they are not. The cheap vetoes
 * (one article, two named speakers) come before the overlap; `setA`: quote a's words as a set, shared by its partners.
 */
function pairScore(a: QuoteMention, b: QuoteMention, setA: ReadonlySet<string>, wordsB: string[]): number | null {
  if (a.path === b.path) return null;
  const sameSpeaker = !!a.speakerId && a.speakerId === b.speakerId;
  if (a.speakerId && b.speakerId && !sameSpeaker) return null;
  // At least 4 shared words are needed: fewer words on either side can never link.
  if (setA.size < 4 || wordsB.length < 4) return null;
  let shared = 0;
  for (const w of wordsB) if (setA.has(w)) shared++;
  const overlap = shared / Math.max(1, Math.min(setA.size, wordsB.length));
  const farApart = !!a.published && !!b.published && daysApart(a.published, b.published) > 7;
  const needed = farApart ? 0.9 : sameSpeaker ? 0.6 : 0.8;
  return shared >= 4 && overlap >= needed ? overlap + (sameSpeaker ? 0.1 : 0) : null;
}

/** Quotes sharing a rare word are compared only when at most this many quotes hold the word. */
const RARE_QUOTE_WORD = 200;

/** Linkable pairs, best first. */
function* quotePairs(
  quotes: QuoteMention[],
  words: string[][],
  index: Map<string, number[]>,
  rare: string[][],
  pace: Pacer,
): Steps<{ i: number; j: number; s: number }[]> {
  // Blocking: a quote is compared only with the quotes under one of its six rarest words, and a word under
  // more than RARE_QUOTE_WORD quotes is skipped, so each quote meets at most 6 × RARE_QUOTE_WORD others:
  // linear in the folder. A pair is scored under the first word (in the index's order) the two share, so no
  // set of tried pairs is kept (one of millions of pairs is slow to grow and large to hold).
  const ordinal = new Map<string, number>();
  for (const [w, list] of index) {
    if (list.length <= RARE_QUOTE_WORD) ordinal.set(w, ordinal.size);
    if (pace.add()) yield;
  }
  const blocks: number[][] = [];
  for (const ws of rare) {
    const ks: number[] = [];
    for (const w of ws) {
      const k = ordinal.get(w);
      if (k !== undefined) ks.push(k);
    }
    blocks.push(ks.sort((a, b) => a - b));
    if (pace.add(ws.length)) yield;
  }
  const pairs: { i: number; j: number; s: number }[] = [];
  for (const [w, list] of index) {
    if (list.length > RARE_QUOTE_WORD) continue; // a word that common tells nothing
    const k = ordinal.get(w)!;
    for (let x = 0; x < list.length; x++) {
      // Quote i's words as a set, made once for all its partners here, and only if one is scored.
      let setI: Set<string> | undefined;
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x];
        const j = list[y];
        if (pace.add()) yield;
        if (firstShared(blocks[i], blocks[j]) !== k) continue;
        const s = pairScore(quotes[i], quotes[j], (setI ??= new Set(words[i])), words[j]);
        if (s !== null) pairs.push({ i, j, s });
        if (pace.add(words[i].length + words[j].length)) yield;
      }
    }
  }
  return yield* sortSteps(pairs, (p, q) => q.s - p.s, pace);
}

/** The smallest number in both ascending lists (-1 when none). */
function firstShared(a: number[], b: number[]): number {
  let x = 0;
  let y = 0;
  while (x < a.length && y < b.length) {
    if (a[x] === b[y]) return a[x];
    if (a[x] < b[y]) x++;
    else y++;
  }
  return -1;
}

/** Joins the pairs, best first, into groups; two different named speakers never share a quotation. */
function* joinQuotes(
  quotes: QuoteMention[],
  pairs: { i: number; j: number }[],
  pace: Pacer,
): Steps<Map<number, number[]>> {
  const parent = quotes.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const speakerOf = new Map<number, Set<string>>();
  quotes.forEach((q, i) => speakerOf.set(i, new Set(q.speakerId ? [q.speakerId] : [])));
  for (const { i, j } of pairs) {
    if (pace.add(4)) yield;
    const a = find(i);
    const b = find(j);
    if (a === b) continue;
    const sa = speakerOf.get(a)!;
    const sb = speakerOf.get(b)!;
    if (sa.size && sb.size && ![...sa].some((s) => sb.has(s))) continue;
    parent[b] = a;
    for (const s of sb) sa.add(s);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < quotes.length; i++) {
    const r = find(i);
    const members = groups.get(r);
    if (members) members.push(i);
    else groups.set(r, [i]);
    if (pace.add()) yield;
  }
  return groups;
}

/** Groups reported by two or more articles as clusters, with ids stored by users (they must not change). */
function* describeGroups(quotes: QuoteMention[], groups: Map<number, number[]>, pace: Pacer): Steps<QuoteCluster[]> {
  const clusters: QuoteCluster[] = [];
  const used = new Map<string, number>();
  for (const members of groups.values()) {
    if (pace.add(4 * members.length)) yield;
    const ms = members
      .map((i) => quotes[i])
      .sort(
        (a, b) =>
          (a.published ?? '').localeCompare(b.published ?? '') ||
          a.path.localeCompare(b.path) ||
          a.span.start - b.span.start,
      );
    if (new Set(ms.map((m) => m.path)).size < 2) continue;
    const first = ms[0];
    const named = ms.find((m) => m.speakerId);
    const opening = tokenize(first.text)
      .slice(0, 5)
      .map((t) => t.text)
      .join(' ');
    // Accents keep breaking words in quote ids as they always did.
    const base = `quote-${slug(named?.speaker ?? 'unattributed', QUOTE_SLUG)}-${slug(opening, QUOTE_SLUG)}`;
    const n = used.get(base) ?? 0;
    used.set(base, n + 1);
    clusters.push({
      id: n ? `${base}-${n + 1}` : base,
      speaker: named?.speaker ?? null,
      speakerId: named?.speakerId ?? null,
      text: first.text,
      mentions: ms.map((m) => ({ path: m.path, start: m.span.start, end: m.span.end, sentence: m.sentence })),
    });
  }
  return yield* sortSteps(clusters, (a, b) => a.id.localeCompare(b.id), pace);
}
