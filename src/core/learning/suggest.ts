// The folder's suggestions after the user's decisions: the rules' names, the user's tags propagated to every other
// occurrence of their text, folder-wide rejections applied, and the adaptive model's demotions. One pure function,
// called by the editor's worker and by `article-annotator analyze`, so both show the same suggestions.
import { ArticleAnalysis, EntityMention, EntityType, Span } from '../model';
import { DecisionRecord } from '../sidecar/decisions';
import {
  contextAt,
  describeFeature,
  isFunctionWord,
  isSpecificNeighbour,
  namePosition,
  sentenceTypesAt,
  spanFeatures,
  tagOfType,
  typeOfTag,
} from './features';
import { DecisionModel, buildModel } from './model';

/** An article as the learning sees it: its text and the rules' names (the analysis's entities). */
export interface LearningArticle {
  /** The path decisions name it by: relative to the folder of the folder sidecar, forward slashes. */
  path: string;
  text: string;
  entities: readonly EntityMention[];
  /** The article's sentences (for the sentence feature); without them the feature is left out. */
  sentences?: readonly Span[];
  /** Page furniture (article.boilerplate): tags are not propagated into it. */
  exclude?: readonly Span[];
}

/** The learning's view of an analysed article; `path` as decisions name it (relative to the folder sidecar). */
export function learningArticleOf(path: string, analysis: ArticleAnalysis): LearningArticle {
  return {
    path,
    text: analysis.article.text,
    entities: analysis.entities,
    sentences: analysis.article.sentences,
    exclude: analysis.article.boilerplate,
  };
}

/** Who proposes a suggestion: the rules, the user's tags elsewhere ("from your tags"), or the model. */
export type SuggestionOrigin = 'rules' | 'your-tags' | 'model';

/** keep: shown; demoted: the model believes it wrong (shown dimmed, one click restores it); hidden: you rejected it. */
export type SuggestionState = 'keep' | 'demoted' | 'hidden';

export interface Suggestion extends Span {
  text: string;
  /** person, organization, place, nationality, or one of your own tags. */
  tag: string;
  /** The entity type when the tag is one of the four the analysis finds. */
  type?: EntityType;
  origin: SuggestionOrigin;
  state: SuggestionState;
  /** Why it is shown or not: "from your tags", "you rejected 3 like this (…)", "you rejected “X” in the folder". */
  reason?: string;
  /** The model's log-odds that it is right. */
  score: number;
  /** The rules' entity id, for suggestions the rules made. */
  entityId?: string;
  /** The decision that settled it (a tag propagated, a rejection, an acceptance), when one did. */
  decision?: string;
  /** True when you accepted this very mention. */
  accepted?: boolean;
  /**
   * The rules read the name as modifying the noun after it ("Apple CEO", EntityMention.modifier): shown as a name,
   * scored apart from names standing alone (MEANTIME's PRE.NAM).
   */
  modifier?: boolean;
}

/** The latest decision first: by time, then id, so the result never depends on the order of the list. */
const later = (a: DecisionRecord, b: DecisionRecord): number =>
  a.created > b.created ? -1 : a.created < b.created ? 1 : a.id > b.id ? -1 : a.id < b.id ? 1 : 0;

/** What holds for a text in the whole folder: the latest tag or folder-wide rejection of it, per tag. */
interface FolderRules {
  /** Text → the latest tag decision of it (its type replaces the others'), unless rejected later. */
  tags: Map<string, DecisionRecord>;
  /** "text\0tag" → the folder-wide rejection, unless tagged so later. */
  rejected: Map<string, DecisionRecord>;
  /** Text → the tags you accepted it with somewhere. */
  accepted: Map<string, Set<string>>;
  /** "text\0tag" → how many of your tags gave the text that tag over a machine suggestion of another type. */
  retyped: Map<string, number>;
}

const rulesCache = new WeakMap<readonly DecisionRecord[], { key: string; rules: FolderRules }>();

/**
 * The folder rules of a decision list, computed once per list while it holds the same decisions (the editor passes
 * one list for every article; a list changed in place since is noticed by its ids).
 */
function folderRules(decisions: readonly DecisionRecord[]): FolderRules {
  const key = decisions.map((d) => d.id).join(',');
  const hit = rulesCache.get(decisions);
  if (hit && hit.key === key) return hit.rules;
  const rules = computeFolderRules(decisions);
  rulesCache.set(decisions, { key, rules });
  return rules;
}

function computeFolderRules(decisions: readonly DecisionRecord[]): FolderRules {
  const tags = new Map<string, DecisionRecord>();
  const rejected = new Map<string, DecisionRecord>();
  const seen = new Set<string>();
  const accepted = new Map<string, Set<string>>();
  const retyped = new Map<string, number>();
  for (const d of [...decisions].sort(later)) {
    if (d.action === 'accept') accepted.set(d.text, (accepted.get(d.text) ?? new Set()).add(d.tag));
    if (isRetype(d)) retyped.set(`${d.text}\u0000${d.tag}`, (retyped.get(`${d.text}\u0000${d.tag}`) ?? 0) + 1);
    if (d.action === 'tag' && !tags.has(d.text) && !rejected.has(`${d.text}\u0000${d.tag}`)) tags.set(d.text, d);
    if (d.action === 'reject' && d.scope === 'folder') {
      const key = `${d.text}\u0000${d.tag}`;
      if (!seen.has(key) && tags.get(d.text)?.tag !== d.tag) rejected.set(key, d);
    }
    seen.add(`${d.text}\u0000${d.tag}`);
  }
  return { tags, rejected, accepted, retyped };
}

/** A tag over a machine suggestion of another type at its span ("Qatar" an organisation, not the place). */
const isRetype = (d: DecisionRecord): boolean => d.action === 'tag' && !!d.suggested && d.suggested !== d.tag;

/** An occurrence of a tagged text, and whether it modifies the noun after it. */
interface Occurrence extends Span {
  modifier: boolean;
}

/**
 * Whole-word occurrences of `needle` in `text` outside the excluded spans, and not inside a longer name: a tag of
 * "Apple" says "Apple" alone is a name, not that "Apple" in "Apple TV" or "Apple iPod" is.
 */
function occurrences(text: string, needle: string, exclude: readonly Span[]): Occurrence[] {
  const out: Occurrence[] = [];
  if (!needle.trim()) return out;
  const word = /[\p{L}\p{N}]/u;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if (word.test(text[at - 1] ?? '') || word.test(text[end] ?? '')) continue;
    const position = namePosition(text.slice(Math.max(0, at - 40), at), text.slice(end, end + 40));
    if (position === 'inside') continue;
    if (exclude.some((x) => at < x.end && x.start < end)) continue;
    out.push({ start: at, end, modifier: position === 'modifier' });
  }
  return out;
}

/** Where a decision of this article stands now: its position if the text is still there, else null. */
function placed(d: DecisionRecord, a: LearningArticle): Span | null {
  const { start, end } = d.position;
  return a.text.slice(start, end) === d.quote.exact ? { start, end } : null;
}

function fromRules(e: EntityMention): Suggestion {
  return {
    start: e.start,
    end: e.end,
    text: e.text,
    tag: tagOfType(e.type),
    type: e.type,
    origin: 'rules',
    state: 'keep',
    score: 0,
    entityId: e.id,
    ...(e.modifier ? { modifier: true } : {}),
  };
}

/**
 * Each occurrence of a tagged text becomes a suggestion of its type; a rules' name on the same or a shorter span
 * inside it is replaced; a longer rules' name around it stays. A tag made inside a longer name ("US" in "US Air
 * Force") says nothing of the text elsewhere and is not propagated; one on a name alone goes to names alone, one on
 * a modifier ("European manufacturers") to modifiers (a name's type can differ by its role; your own tags go
 * to both); a tag does not replace the rules' name of a type
 * you also accepted for that text ("Europe" a place here, an organisation there: the context decides, not the tag).
 */
function propagate(a: LearningArticle, rules: FolderRules, list: Suggestion[]): Suggestion[] {
  let out = list;
  for (const [text, d] of [...rules.tags].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    const position = namePosition(d.quote.prefix, d.quote.suffix);
    if (position === 'inside') continue;
    for (const occ of occurrences(a.text, text, a.exclude ?? [])) {
      if (d.article === a.path && d.position.start === occ.start && d.position.end === occ.end) continue;
      const overlapping = out.filter((s) => s.start < occ.end && occ.start < s.end);
      if (overlapping.some((s) => s.start < occ.start || s.end > occ.end)) continue;
      const same = overlapping.find((s) => s.start === occ.start && s.end === occ.end);
      if (same && same.tag !== d.tag && !overrules(rules, d, same.tag)) continue;
      // A modifier as the rules read it where they found this very name; else by the position ("Qantas shares").
      const modifier = same ? !!same.modifier : occ.modifier;
      if (typeOfTag(d.tag) && modifier !== (position === 'modifier')) continue;
      out = out.filter((s) => !overlapping.includes(s));
      out.push(propagated(occ, text, d, same ?? overlapping[0], modifier));
    }
  }
  return out;
}

/**
 * Whether your tag `d` replaces the rules' name of another type at an occurrence: not when you accepted the text with
 * that type somewhere, and a tag that itself replaced a machine suggestion of another type only once it repeats (one
 * "German" made a place over the nationality is a context of its own, two are a habit).
 */
function overrules(rules: FolderRules, d: DecisionRecord, other: string): boolean {
  if (rules.accepted.get(d.text)?.has(other)) return false;
  return !isRetype(d) || (rules.retyped.get(`${d.text}\u0000${d.tag}`) ?? 0) >= 2;
}

/** The suggestion from your tag `d` at an occurrence, over the rules' name `under` it if any. */
function propagated(
  occ: Span,
  text: string,
  d: DecisionRecord,
  under: Suggestion | undefined,
  modifier: boolean,
): Suggestion {
  const type = typeOfTag(d.tag);
  return {
    start: occ.start,
    end: occ.end,
    text,
    tag: d.tag,
    ...(type ? { type } : {}),
    origin: 'your-tags',
    state: 'keep',
    reason: 'from your tags',
    score: 0,
    decision: d.id,
    ...(under?.entityId ? { entityId: under.entityId } : {}),
    ...(modifier ? { modifier: true } : {}),
  };
}

/** Decisions about mentions of this article, and folder-wide rejections, settle their suggestions. */
function applyJudgements(
  a: LearningArticle,
  decisions: readonly DecisionRecord[],
  rules: FolderRules,
  list: Suggestion[],
) {
  // A folder-wide rejection acts through `rules` (where a later tag may have overruled it), not as a local one.
  const here = decisions
    .filter((d) => d.article === a.path && d.action !== 'tag' && !(d.action === 'reject' && d.scope === 'folder'))
    .sort(later);
  for (const s of list) {
    const folderWide = rules.rejected.get(`${s.text}\u0000${s.tag}`);
    if (folderWide) {
      Object.assign(s, {
        state: 'hidden',
        reason: `you rejected “${s.text}” as ${s.tag} in the folder`,
        decision: folderWide.id,
      });
      continue;
    }
    const d = here.find((x) => x.tag === s.tag && samePlace(placed(x, a), s));
    if (!d) continue;
    if (d.action === 'reject') Object.assign(s, { state: 'hidden', reason: 'you rejected it here', decision: d.id });
    else Object.assign(s, { accepted: true, decision: d.id });
  }
}

const samePlace = (p: Span | null, s: Span): boolean => p !== null && p.start === s.start && p.end === s.end;

/** The model's word on every suggestion still shown and not accepted by you. */
function rescore(a: LearningArticle, model: DecisionModel, list: Suggestion[]): void {
  for (const s of list) {
    if (s.state !== 'keep' || s.accepted) continue;
    const j = model.judge(s.tag, spanFeatures(contextAt(a.text, s.start, s.end, a.entities, a.sentences)));
    s.score = j.score;
    if (j.demote) Object.assign(s, { state: 'demoted', reason: j.reason });
  }
}

const CAPITALISED = /\p{Lu}[\p{L}\p{N}&’'.-]*(?:[ ]\p{Lu}[\p{L}\p{N}&’'.-]*)*/gu;

/** Capitalised runs nobody suggested, not at the start of a sentence or line (there a capital says nothing). */
function unclaimed(a: LearningArticle, list: Suggestion[]): Span[] {
  const out: Span[] = [];
  const starts = new Set((a.sentences ?? []).map((s) => s.start));
  for (const m of a.text.matchAll(CAPITALISED)) {
    const start = m.index;
    const end = start + m[0].replace(/[.’'-]+$/, '').length;
    if (end - start < 2 || starts.has(start) || /(^|\n)[ \t"“‘(]*$/.test(a.text.slice(Math.max(0, start - 8), start)))
      continue;
    if (/[\p{L}\p{N}`]/u.test(a.text[start - 1] ?? '') || isFunctionWord(m[0].split(' ')[0])) continue;
    if (list.some((s) => s.start < end && start < s.end)) continue;
    if ((a.exclude ?? []).some((x) => x.start < end && start < x.end)) continue;
    out.push({ start, end });
  }
  return out;
}

/**
 * Spans the rules missed that look like your tags: a capitalised run beside a content word seen with a tag in at
 * least `minProposal` of your tags and accepts and never in a rejection ("analyst X" after three analysts you tagged
 * as people), and not judged wrong by the model.
 */
function propose(a: LearningArticle, model: DecisionModel, list: Suggestion[]): Suggestion[] {
  const out: Suggestion[] = [];
  const tags = model.tags();
  if (!tags.length || model.options.minProposal <= 0) return out;
  for (const span of unclaimed(a, list)) {
    const features = spanFeatures(contextAt(a.text, span.start, span.end, a.entities, a.sentences));
    const neighbours = features.filter(isSpecificNeighbour);
    let best: { tag: string; feature: string; right: number } | null = null;
    for (const tag of tags) {
      const p = model.proposal(tag, neighbours);
      if (p && (!best || p.right > best.right)) best = { tag, ...p };
    }
    if (!best) continue;
    const j = model.judge(best.tag, features);
    if (j.demote) continue;
    const type = typeOfTag(best.tag);
    out.push({
      ...span,
      text: a.text.slice(span.start, span.end),
      tag: best.tag,
      ...(type ? { type } : {}),
      origin: 'model',
      state: 'keep',
      reason: `like ${best.right} of your ${best.tag} tags (${describeFeature(best.feature)})`,
      score: j.score,
    });
  }
  return out;
}

export interface SuggestOptions {
  /** A model already built from `decisions` (the editor keeps one and teaches it each new decision). */
  model?: DecisionModel;
  /** false: propagation and decisions only, no model (the figure "without learning" is the rules alone). */
  learn?: boolean;
}

/**
 * The suggestions of one article after the folder's decisions, sorted by position. `decisions` are all the folder
 * sidecar's; pass `options.model` to reuse a model (it must have learned exactly these decisions).
 *
 * Editor use: keep `model = buildModel(decisions)`; on each new decision `model.learn(d)` (undo: `unlearn`); for
 * an article's view call `suggestArticle(article, decisions, { model })` and draw `keep` as usual (origin
 * 'your-tags' in its own style), `demoted` dimmed with `reason`, and leave `hidden` out.
 */
export function suggestArticle(
  article: LearningArticle,
  decisions: readonly DecisionRecord[],
  options: SuggestOptions = {},
): Suggestion[] {
  const rules = folderRules(decisions);
  let list = article.entities.map(fromRules);
  list = propagate(article, rules, list);
  applyJudgements(article, decisions, rules, list);
  if (options.learn !== false) {
    const model = options.model ?? buildModel(decisions);
    rescore(article, model, list);
    list.push(...propose(article, model, list));
  }
  return list.sort((x, y) => x.start - y.start || x.end - y.end || (x.tag < y.tag ? -1 : x.tag > y.tag ? 1 : 0));
}

/** The suggestions of every article of a folder (one model for all). */
export function suggestFolder(
  articles: readonly LearningArticle[],
  decisions: readonly DecisionRecord[],
  options: SuggestOptions = {},
): Map<string, Suggestion[]> {
  const model = options.learn === false ? undefined : (options.model ?? buildModel(decisions));
  return new Map(articles.map((a) => [a.path, suggestArticle(a, decisions, { ...options, model })]));
}

/** The suggestions shown as names: kept ones (demoted and hidden ones left out). */
export function shownSuggestions(list: readonly Suggestion[]): Suggestion[] {
  return list.filter((s) => s.state === 'keep');
}

/** The `sentence` of a new decision about [start, end) of an article (the types of the sentence's other names). */
export function decisionSentence(article: LearningArticle, start: number, end: number): string[] {
  return sentenceTypesAt(article.entities, article.sentences, start, end);
}
