// Finds event mentions (trigger, date, place, participants) in an analysed article and links them across
// articles into events; conflicting dates or places veto a link, because a wrong link misleads the reader.
import { ArticleAnalysis, DateMention, EntityMention, EventCluster, MentionRef, Span } from './model';
import { COUNTRIES } from './gazetteer/places';
import { isMinorPlace } from './gazetteer';
import { constraintsCompatible, DateConstraint, datesCompatible, isExactDay, moreSpecific, parseTimex } from './text/datecompat';
import { contentStems, IRREGULAR_VERB_FORMS, stem, STOP_WORDS, tokenize } from './text/stem';

export interface EventMention {
  path: string;
  sentence: Span;
  trigger: Span;
  triggerText: string;
  /** Stem of the trigger's head word ("meet" for "met", "summit" for "summits"). */
  lemma: string;
  /** TIMEX3 value of when it happened, from the trigger's clause or sentence; null when unknown. */
  date: string | null;
  /** True when the date came from a relative expression resolved against the publication date. */
  dateRelative?: boolean;
  /** The words that gave the date ("on Thursday", "in March"). */
  dateText?: string;
  /** Canonical name of the place where it happened ("in Tokyo"), or null. */
  place: string | null;
  /** Canonical entity ids of the people, organisations and places in the sentence. */
  participants: string[];
  /** Canonical names, parallel to `participants`. */
  participantNames?: string[];
  /** Entity types, parallel to `participants`. */
  participantTypes?: string[];
  /** Publication date of the article, when known: an undated mention is most likely about recent news. */
  published?: string | null;
  /** Said of what is to come ("will host", "to host", "expected to hold"): may be later than publication. */
  future?: boolean;
  /** Event classes the trigger belongs to: words that can name the same happening share one. */
  classes: string[];
  /** Noun triggers make better labels than verbs. */
  nominal: boolean;
  /** Content-word stems of the sentence, for argument overlap. */
  words: string[];
  /** What the whole article is about: entity ids and years, with counts (shared by its mentions). */
  context: Record<string, number>;
}

// Words that can name the same kind of happening. A word may sit in several classes.
const CLASS_WORDS: Record<string, string> = {
  meet: 'meet meeting summit talks visit trip travel arrive arrival hold host tour',
  conference: 'conference briefing',
  launch: 'launch fire test-fire test-fired',
  dismiss: 'fire firing sack dismiss oust dismissal ouster terminate termination relieve replace replacement',
  resign: 'resign resignation quit step-down',
  announce: 'announce announcement unveil declare declaration',
  plan: 'plan proposal propose scheme',
  lift: 'remove removal drop lift withdraw scrap ease rescind revoke',
  impose: 'impose sanction curb restrict restriction ban retaliatory retaliation embargo tariff',
  compensate: 'compensate compensation reparation',
  tribute: 'tribute wreath incense cemetery memorial lay',
  agree: 'agree agreement deal accord pact sign treaty',
  attack: 'attack strike bomb bombing raid assault shelling',
  kill: 'kill death die dead murder slay',
  fall: 'fall slip plunge tumble',
  shoot: 'shoot shooting shot gunfire gunman',
  arrest: 'arrest detain charge indict custody dui dwi suspicion apprehend',
  crash: 'crash collide collision accident',
  quake: 'earthquake quake tremor tsunami',
  elect: 'elect election vote win victory',
  appoint: 'appoint appointment name nominate nomination nominee pick hire choose select selection tap',
  protest: 'protest rally demonstration march',
  sue: 'sue lawsuit suit',
  release: 'release free',
  acquire: 'acquire acquisition buy purchase takeover merger',
  injure: 'injure injury wound hurt',
  rescue: 'rescue save',
  hijack: 'hijack seize seizure capture',
  sink: 'sink sank',
  exercise: 'exercise drill',
  invade: 'invade invasion occupy occupation',
  file: 'file',
  win: 'win award',
  return: 'return',
};

/** Extra event words without a class of their own: they match only their own stem. */
const SOLO_EVENT_WORDS = (
  'war battle fight clash explosion blast fire flood storm hurricane outbreak strike crisis collapse ' +
  'ceremony funeral wedding inauguration speech interview trial verdict sentence ruling hearing investigation ' +
  'probe raid escape rescue evacuation invasion coup ' +
  'negotiation dialogue normalization restoration reconciliation cooperation exchange ' +
  'ceasefire truce election referendum campaign debate ' +
  'welcome reception dinner banquet parade party job game match season playoff concert show premiere debut ' +
  'performance role post position stint operation chase attempt patrol piracy crime robbery theft fraud scandal ' +
  'incident disaster blaze riot kidnapping hijacking surgery illness hospitalization search recovery discovery ' +
  'dui dwi overdose suicide rampage massacre'
).split(/\s+/);
/** -ing words that are not happenings. */
const NOT_EVENT_ING = new Set(('during morning evening nothing something anything everything building according including ' +
  'following being thing king ring spring string ceiling feeling earnings savings setting housing clothing ' +
  'pending remaining leading ongoing upcoming outgoing incoming interesting amazing boring exciting willing ' +
  'surrounding belonging seeming concerning regarding notwithstanding duckling darling sibling').split(/\s+/));

/** Verbs of saying: they report other events rather than being ones worth linking. */
const REPORTING = new Set(['say', 'tell', 'report', 'add', 'note', 'state', 'claim', 'ask', 'quot', 'think', 'believ', 'hope', 'expect', 'accord'].map((w) => w));

const WORD_CLASSES = new Map<string, string[]>();
for (const [cls, words] of Object.entries(CLASS_WORDS)) {
  for (const w of words.split(/\s+/)) {
    const key = stem(w);
    const list = WORD_CLASSES.get(key) ?? [];
    if (!list.includes(cls)) list.push(cls);
    WORD_CLASSES.set(key, list);
  }
}
const SOLO = new Set(SOLO_EVENT_WORDS.map((w) => stem(w)));

/** Words ending in -ed that are seldom events (adjectives, particles). */
const NOT_EVENT_ED = new Set(['need', 'feed', 'speed', 'seed', 'red', 'bed', 'shed', 'hundred', 'united', 'based',
  'related', 'used', 'called', 'named', 'so-called', 'limited', 'concerned', 'interested', 'supposed', 'alleged',
  'aged', 'advanced', 'continued', 'estimated', 'expected', 'scheduled', 'reported', 'added', 'noted', 'stated',
  'asked', 'claimed', 'described', 'considered', 'believed', 'hoped', 'wanted', 'tried', 'seemed', 'appeared',
  'looked', 'needed', 'started', 'ended', 'included', 'involved', 'compared', 'posted', 'updated', 'published',
  'indeed', 'wicked', 'naked', 'sacred', 'beloved', 'crooked', 'ragged', 'rugged', 'learned', 'skilled']);

function classesOf(lemma: string): string[] | null {
  const known = WORD_CLASSES.get(lemma);
  if (known) return known;
  if (SOLO.has(lemma)) return [`=${lemma}`];
  return null;
}

interface Trigger {
  span: Span;
  text: string;
  lemma: string;
  classes: string[];
  nominal: boolean;
}

/** "held a press conference", "hold talks": the noun names the happening, the verb only carries it. */
function isLightVerb(text: string, t: Trigger, next: Trigger | undefined): boolean {
  if (!next || !/^(?:hold|held|holds|holding|host|hosted|hosts|hosting)$/i.test(t.text)) return false;
  return next.nominal && next.span.start - t.span.end < 30 && !/[,;.]/.test(text.slice(t.span.end, next.span.start));
}

/**
 * A trigger that only anchors the time of another event ("hours before Mr. Yoon and Mr. Kishida met", "ahead of
 * his summit with Yoon") is background: the sentence reports something else.
 */
function isTimeAnchor(text: string, t: Trigger, previous: Trigger | undefined, clauseStart: number): boolean {
  const from = Math.max(clauseStart, previous ? previous.span.end : clauseStart);
  const before = text.slice(from, t.span.start);
  return /\b(?:before|after|ahead of|since|following|until|prior to)\b(?:\s+[^\s,;]+){0,6}\s*$/i.test(before);
}

/** A modal or infinitive marker right before a trigger ("will host", "to host", "could face"). */
const MODAL_BEFORE = /\b(?:will|would|shall|could|may|might|to|['’]ll)\s+(?:\w+\s+)?$/i;

/** Words that put a sentence's happening ahead of the time of writing. */
const FUTURE = /\b(?:will|would|shall|going to|expected|scheduled|set to|plans? to|planned|upcoming|next|later|future|due to|to be held)\b|['’]ll\b/i;

const CALENDAR = /^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

/** Trigger words that are nouns, for labels ("summit" reads better than "met"). */
const NOUN_TRIGGERS = new Set(('summit summits meeting meetings talks visit trip tour conference briefing launch launches ' +
  'test tests plan proposal scheme curbs ban sanctions tribute wreath cemetery memorial deal accord pact treaty ' +
  'attack strike raid assault shooting death murder arrest crash collision accident earthquake quake election ' +
  'victory protest rally lawsuit acquisition takeover merger injury rescue exercise drill invasion').split(/\s+/));

/** Words that make the next one a noun ("a plan", "their plans"). */
const DETERMINER = /^(?:a|an|the|this|that|these|those|its|his|her|their|our|my|your|new|landmark|government['’]s)$/i;

/** Event triggers in a sentence: known event words, plus past-tense verbs as a general fallback. */
function findTriggers(text: string, sentence: Span, entitySpans: Span[], quoted: Span[] = []): Trigger[] {
  const tokens = tokenize(text.slice(sentence.start, sentence.end), sentence.start);
  const out: Trigger[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (entitySpans.some((e) => tok.start < e.end && tok.end > e.start)) continue;
    const lower = tok.text.toLowerCase();
    if (lower.length < 3 || STOP_WORDS.has(lower)) continue;
    // Capitalised words inside a sentence are names, not events (but headlines capitalise everything).
    const lemma = stem(lower);
    if (REPORTING.has(lemma) || CALENDAR.test(lower)) continue;
    let span: Span = { start: tok.start, end: tok.end };
    let triggerText = tok.text;
    // Phrasal "touched down", "test fired".
    const next = tokens[i + 1];
    if (next && lemma === 'touch' && next.text.toLowerCase() === 'down') {
      span = { start: tok.start, end: next.end };
      triggerText = text.slice(span.start, span.end);
      out.push({ span, text: triggerText, lemma: 'arriv', classes: ['meet'], nominal: false });
      i++;
      continue;
    }
    // "he and Yoon plan to exchange views", "planned to attend": an intention, not a plan as a happening
    // ("a plan to compensate" keeps its determiner and stays).
    if (lemma === 'plan' && next?.text.toLowerCase() === 'to' && !(i > 0 && DETERMINER.test(tokens[i - 1].text))) continue;
    let classes = classesOf(lemma);
    if (!classes && /-/.test(lower)) {
      const last = lower.split('-').pop()!;
      if (!CALENDAR.test(last)) classes = classesOf(stem(last));
    }
    if (!classes) {
      // General fallback: past-tense verbs and -ing forms report happenings (hosted, resigned, climbing…).
      const pastOrIng = (/^[a-z]+ed$/.test(tok.text) && lower.length > 4 && !NOT_EVENT_ED.has(lower))
        || (/^[a-z]+ing$/.test(tok.text) && lower.length > 5 && !NOT_EVENT_ING.has(lower))
        || (IRREGULAR_VERB_FORMS.has(lower) && tok.text === lower);
      // Inside quotations such verbs are the speaker's words, which quote linking already covers.
      if (pastOrIng && !inside(quoted, tok.start)) classes = [`=${lemma}`];
      else continue;
    }
    const nominal = NOUN_TRIGGERS.has(lower) || (/(?:tion|sion|ment|ance|ence)s?$/.test(lower));
    out.push({ span, text: triggerText, lemma, classes, nominal });
  }
  return out.filter((t, k) => !isLightVerb(text, t, out[k + 1]));
}

// "from" is left out: "a leader from Seoul made the flight" says where someone came from, not where it happened.
const PLACE_PREPOSITION = /\b(?:in|at|to|into|near|inside|outside|across|throughout|off|visiting|visited|visit)\s+(?:the\s+)?$/i;

/** Clause index of each offset: commas, semicolons, dashes and colons end a clause. */
function clauseBreaks(text: string, sentence: Span): number[] {
  const breaks: number[] = [];
  const re = /[,;:—–]|\s-\s/g;
  const slice = text.slice(sentence.start, sentence.end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) breaks.push(sentence.start + m.index);
  return breaks;
}

function clauseOf(breaks: number[], offset: number): number {
  let i = 0;
  while (i < breaks.length && breaks[i] < offset) i++;
  return i;
}

/**
 * The trigger a modifier (a date or a place) belongs to: the nearest trigger to its left in its clause
 * ("visit to Tokyo in March"), else the nearest to its right in its clause ("on Sunday met"), else the
 * nearest to its right in the sentence ("Thursday morning brought …, as the country launched"). A modifier
 * never reaches back across a clause: "the summit is focused on … Japan's 1910-45 colonial rule".
 */
function attach(mod: Span, triggers: Trigger[], breaks: number[]): number {
  if (!triggers.length) return -1;
  const clause = clauseOf(breaks, mod.start);
  let best = -1;
  let bestDistance = Infinity;
  for (let i = 0; i < triggers.length; i++) {
    const t = triggers[i];
    if (clauseOf(breaks, t.span.start) !== clause || t.span.end > mod.start) continue;
    const d = mod.start - t.span.end;
    if (d < bestDistance) { best = i; bestDistance = d; }
  }
  if (best >= 0) return best;
  for (let i = 0; i < triggers.length; i++) {
    const t = triggers[i];
    if (t.span.start < mod.end) continue;
    const d = t.span.start - mod.end + (clauseOf(breaks, t.span.start) === clause ? 0 : 1000);
    if (d < bestDistance) { best = i; bestDistance = d; }
  }
  return best;
}

/** The TIMEX3 value of a date mention as an event date, or null when it does not say when something happened. */
function eventDateValue(d: DateMention, published: string | null): string | null {
  // Ranges ("1910-45") are periods, not the day something happened.
  if ((d.type === 'DATE' || d.type === 'TIME') && !d.range) {
    const v = d.value.split('T')[0];
    return parseTimex(v) ? v : null;
  }
  // "In recent weeks", "over the past few days": a stretch of time ending at publication.
  if (d.type === 'DURATION' && published && /\b(?:recent|past|last)\b/i.test(d.text)) {
    const unit = /P(?:X|\d+)([DWM])/.exec(d.value)?.[1];
    const days = unit === 'D' ? 10 : unit === 'W' ? 60 : unit === 'M' ? 200 : 0;
    if (days) {
      const end = Date.parse(`${published}T00:00:00Z`);
      if (!Number.isNaN(end)) return `${new Date(end - days * 86400000).toISOString().slice(0, 10)}/${published}`;
    }
  }
  return null;
}

/** Most frequent content words kept per article for its context: enough to tell stories apart, small to store. */
const CONTEXT_WORDS = 80;

function articleContext(analysis: ArticleAnalysis): Record<string, number> {
  const ctx: Record<string, number> = {};
  const { article } = analysis;
  for (const e of analysis.entities) {
    if (e.type === 'NATIONALITY') continue;
    ctx[e.id] = (ctx[e.id] ?? 0) + 1;
  }
  for (const d of analysis.dates) {
    const y = /^(\d{4})/.exec(d.value);
    if (y && d.type === 'DATE') ctx[`year:${y[1]}`] = (ctx[`year:${y[1]}`] ?? 0) + 1;
  }
  const counts = new Map<string, number>();
  for (const s of article.sentences) {
    if (inside(article.boilerplate, s.start)) continue;
    for (const w of contentStems(article.text.slice(s.start, s.end))) {
      if (/^\d+$/.test(w)) continue;
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, CONTEXT_WORDS);
  for (const [w, n] of top) ctx[`w:${w}`] = n;
  return ctx;
}

function inside(spans: Span[], offset: number): boolean {
  return spans.some((s) => offset >= s.start && offset < s.end);
}

/** Event mentions of one analysed article, in text order. */
export function findEventMentions(analysis: ArticleAnalysis): EventMention[] {
  const { article } = analysis;
  const text = article.text;
  const context = articleContext(analysis);
  const out: EventMention[] = [];
  const entities = [...analysis.entities].sort((a, b) => a.start - b.start);
  const published = article.published?.value ?? null;
  const dateValue = new Map<DateMention, string>();
  for (const d of analysis.dates) {
    const v = eventDateValue(d, published);
    if (v) dateValue.set(d, v);
  }
  const dates = [...dateValue.keys()].sort((a, b) => a.start - b.start);
  const quoted: Span[] = [];
  for (const m of text.matchAll(/“[^”]{8,}?”|"[^"\n]{8,}?"/g)) quoted.push({ start: m.index!, end: m.index! + m[0].length });
  for (const sentence of article.sentences) {
    if (inside(article.boilerplate, sentence.start)) continue;
    // A web address is not reporting ("http://…/2013/ellen-to-host-oscars").
    if (/^\s*(?:https?:|www\.)/i.test(text.slice(sentence.start, sentence.start + 12))) continue;
    const sentEntities = entities.filter((e) => e.start >= sentence.start && e.end <= sentence.end);
    const sentDates = dates.filter((d) => d.start >= sentence.start && d.end <= sentence.end);
    const blocked: Span[] = [...sentEntities, ...sentDates];
    const triggers = findTriggers(text, sentence, blocked, quoted);
    if (!triggers.length) continue;
    const breaks = clauseBreaks(text, sentence);
    const dateOf: (DateMention | null)[] = triggers.map(() => null);
    for (const d of sentDates) {
      const i = attach(d, triggers, breaks);
      if (i >= 0 && !dateOf[i]) dateOf[i] = d;
    }
    // A trigger without a date of its own shares the date of a dated trigger in its clause ("met … at a
    // summit in Tokyo on March 16") or before it in its sentence ("launched … hours before Mr. Yoon and
    // Mr. Kishida met"): dates scope rightwards, not back across a clause.
    const own = [...dateOf];
    for (let i = 0; i < triggers.length; i++) {
      // "announced Friday that she will host": what is to come does not share the day it was announced.
      if (own[i] || MODAL_BEFORE.test(text.slice(Math.max(sentence.start, triggers[i].span.start - 20), triggers[i].span.start))) continue;
      const clause = clauseOf(breaks, triggers[i].span.start);
      let pick: DateMention | null = null;
      const next = i + 1 < triggers.length ? i + 1 : -1;
      if (next >= 0 && clauseOf(breaks, triggers[next].span.start) === clause) pick = own[next];
      for (let j = i - 1; j >= 0 && !pick; j--) pick = own[j];
      dateOf[i] = pick;
    }
    const placeOf: (EntityMention | null)[] = triggers.map(() => null);
    const placeEntities = new Set<EntityMention>();
    for (const e of sentEntities) {
      if (e.type !== 'PLACE') continue;
      const before = text.slice(Math.max(sentence.start, e.start - 24), e.start);
      if (!PLACE_PREPOSITION.test(before)) continue;
      const i = attach(e, triggers, breaks);
      if (i >= 0 && !placeOf[i]) { placeOf[i] = e; placeEntities.add(e); }
    }
    // "visited the national cemetery in Seoul": a verb shares the place of the noun right after it in its clause.
    for (let i = 0; i + 1 < triggers.length; i++) {
      if (!placeOf[i] && placeOf[i + 1] && clauseOf(breaks, triggers[i].span.start) === clauseOf(breaks, triggers[i + 1].span.start)) {
        placeOf[i] = placeOf[i + 1];
      }
    }
    const participantIds: string[] = [];
    const participantNames: string[] = [];
    const participantTypes: string[] = [];
    for (const e of sentEntities) {
      if (e.type === 'NATIONALITY' || participantIds.includes(e.id)) continue;
      participantIds.push(e.id);
      participantNames.push(e.canonical);
      participantTypes.push(e.type);
    }
    const words = contentStems(text.slice(sentence.start, sentence.end));
    triggers.forEach((t, i) => {
      const clauseStart = breaks.filter((b) => b < t.span.start).pop() ?? sentence.start;
      if (isTimeAnchor(text, t, triggers[i - 1], clauseStart)) return;
      const d = dateOf[i];
      const p = placeOf[i];
      out.push({
        path: article.path,
        sentence: { start: sentence.start, end: sentence.end },
        trigger: t.span,
        triggerText: t.text,
        lemma: t.lemma,
        date: d ? dateValue.get(d)! : null,
        dateRelative: d ? d.relative : undefined,
        dateText: d ? d.text : undefined,
        place: p ? p.canonical : null,
        participants: participantIds,
        participantNames,
        participantTypes,
        published,
        future: FUTURE.test(text.slice(sentence.start, sentence.end)) || /\bto\s+$/i.test(text.slice(Math.max(sentence.start, t.span.start - 4), t.span.start)),
        classes: t.classes,
        nominal: t.nominal,
        words,
        context,
      });
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Clustering

const COUNTRY_BY_NAME = new Map<string, string>();
const COUNTRY_OF_CAPITAL = new Map<string, string>();
for (const c of COUNTRIES) {
  COUNTRY_BY_NAME.set(c.name.toLowerCase(), c.name);
  for (const a of c.aliases) COUNTRY_BY_NAME.set(a.toLowerCase(), c.name);
  if (c.capital) COUNTRY_OF_CAPITAL.set(c.capital.toLowerCase(), c.name);
}

/** False when two places cannot be where one event happened: two different cities, or a city in another country. */
export function placesCompatible(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  const cx = COUNTRY_BY_NAME.get(x);
  const cy = COUNTRY_BY_NAME.get(y);
  if (cx && cy) return cx === cy;
  if (cx || cy) {
    // A country and a city: compatible unless the city is known to lie elsewhere.
    const country = (cx ?? cy)!;
    const city = cx ? y : x;
    const home = COUNTRY_OF_CAPITAL.get(city);
    return !home || home === country;
  }
  // A small town is too fine-grained to set against another place ("Burnsville" and "Minneapolis").
  return isMinorPlace(x) || isMinorPlace(y);
}

interface Features {
  m: EventMention;
  index: number;
  doc: number;
  wordSet: Set<string>;
  /** Sum of the IDF weights of wordSet. */
  wordTotal: number;
  when: DateConstraint | null;
  exactDay: boolean;
  notAfter: number;
  latestStart: number;
  /** Ids of the people named in the sentence. */
  persons: string[];
}

interface ClusterState {
  members: number[];
  dates: string[];
  places: string[];
  /** Latest start of a dated member (epoch day). */
  latestStart: number;
  /** Earliest publication day of an undated member: an article does not report, undated, what has not happened yet. */
  notAfter: number;
}

const DAY = 86400000;
function epochDayOf(iso: string | null | undefined): number {
  const t = iso ? Date.parse(`${iso}T00:00:00Z`) : NaN;
  return Number.isNaN(t) ? NaN : Math.floor(t / DAY);
}

/** Day range of an undated mention's article: nothing after its publication. */
function notAfterOf(m: EventMention): number {
  if (m.date || m.future) return Infinity;
  const p = epochDayOf(m.published);
  return Number.isNaN(p) ? Infinity : p;
}

/** Start of a mention's known day; only a precise day counts, a year or month is too coarse to rule on. */
function latestStartOf(m: EventMention): number {
  const c = parseTimex(m.date);
  return c?.from !== undefined && c.from === c.to ? c.from : -Infinity;
}

/** Union–find with event-level vetoes: two groups join only if all their dates and places agree. */
class Groups {
  parent: number[];
  state: Map<number, ClusterState>;
  constructor(mentions: EventMention[], private readonly cohesive: (a: number[], b: number[]) => boolean = () => true) {
    this.parent = mentions.map((_, i) => i);
    this.state = new Map(mentions.map((m, i) => [i, {
      members: [i],
      dates: m.date && parseTimex(m.date) ? [m.date] : [],
      places: m.place ? [m.place] : [],
      latestStart: latestStartOf(m),
      notAfter: notAfterOf(m),
    }]));
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }
  compatible(a: number, b: number): boolean {
    const sa = this.state.get(a)!;
    const sb = this.state.get(b)!;
    for (const x of sa.dates) for (const y of sb.dates) if (!datesCompatible(x, y)) return false;
    for (const x of sa.places) for (const y of sb.places) if (!placesCompatible(x, y)) return false;
    if (Math.min(sa.notAfter, sb.notAfter) < Math.max(sa.latestStart, sb.latestStart)) return false;
    return this.cohesive(sa.members, sb.members);
  }
  union(i: number, j: number): boolean {
    const a = this.find(i);
    const b = this.find(j);
    if (a === b) return true;
    if (!this.compatible(a, b)) return false;
    const sa = this.state.get(a)!;
    const sb = this.state.get(b)!;
    const [big, small, bigId, smallId] = sa.members.length >= sb.members.length ? [sa, sb, a, b] : [sb, sa, b, a];
    this.parent[smallId] = bigId;
    big.members.push(...small.members);
    for (const d of small.dates) if (!big.dates.includes(d)) big.dates.push(d);
    for (const p of small.places) if (!big.places.includes(p)) big.places.push(p);
    big.latestStart = Math.max(big.latestStart, small.latestStart);
    big.notAfter = Math.min(big.notAfter, small.notAfter);
    this.state.delete(smallId);
    return true;
  }
}

export interface ClusterOptions {
  /** Minimum pair score for a link; higher is stricter. */
  threshold?: number;
  /** Largest block compared all-pairs; bigger blocks are compared within a sliding window. */
  maxBlock?: number;
  /** Keep events mentioned by a single article (default false: only cross-article events matter). */
  keepSingletons?: boolean;
  /**
   * Keep events whose every mention is a word outside the event classes ("restore", "war", "forced").
   * Off by default: such a group is a shared topic more often than a shared happening.
   */
  keepGeneralOnly?: boolean;
  /** Weight of the two articles' overall similarity in a pair's score. */
  docWeight?: number;
  /** Articles less similar than this are never linked on a shared word alone (no matching day). */
  minDocSimilarity?: number;
  /** Two events merge only if their articles are this similar on average (guards against chains). */
  minGroupSimilarity?: number;
  /** How much less a shared word outside the event lexicon counts than a lexicon word. */
  generalPenalty?: number;
  /** Evidence needed besides the word and the articles' likeness: day, place, people, words around it. */
  minLocal?: number;
  /** Extra local evidence needed when the shared word is outside the event classes. */
  generalLocal?: number;
  /** Article similarity above which a shared event-class word needs no local evidence. */
  sameStory?: number;
  /** Evidence an undated mention gets from an event dated within three days before its publication. */
  recentBonus?: number;
  /** Evidence lost when both sentences name people and share none. */
  personClash?: number;
  /** Link repeated words within one article (default true). */
  withinArticle?: boolean;
  /** Weight of a shared organisation or place among the participants, a shared person counting 1. */
  nonPersonWeight?: number;
  /** Merge events that hold the same sentences in two or more articles (default true). */
  mergeSharedSentences?: boolean;
  /** Receives counts for benchmarks: mentions, blocks, pairs scored, pairs above the threshold. */
  onStats?: (stats: { mentions: number; blocks: number; considered: number; linked: number }) => void;
}

/** A sparse vector as parallel arrays sorted by term id, with its norm: cosine is a merge join. */
interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
  norm: number;
}

function sparseVector(entries: [number, number][]): SparseVector {
  entries.sort((x, y) => x[0] - y[0]);
  const ids = new Int32Array(entries.length);
  const weights = new Float64Array(entries.length);
  let sq = 0;
  entries.forEach(([id, w], i) => {
    ids[i] = id;
    weights[i] = w;
    sq += w * w;
  });
  return { ids, weights, norm: Math.sqrt(sq) };
}

function cosine(a: SparseVector, b: SparseVector): number {
  if (!a.norm || !b.norm) return 0;
  let dot = 0;
  let i = 0;
  let j = 0;
  const ai = a.ids;
  const bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i];
    const y = bi[j];
    if (x === y) dot += a.weights[i++] * b.weights[j++];
    else if (x < y) i++;
    else j++;
  }
  return dot / (a.norm * b.norm);
}

/**
 * Second stage: two groups that hold the same sentences in two or more articles, for at least half of the
 * smaller group's sentences, are one happening named by different words ("announced", "compensation",
 * "plan" all in the sentences reporting one plan). The linking vetoes still hold: the union refuses
 * different days or months, different cities and unrelated stories.
 */
function mergeSharedSentences(mentions: EventMention[], groups: Groups): void {
  const sentenceKey = (m: EventMention) => `${m.path}\u0000${m.sentence.start}`;
  for (let round = 0; round < 4; round++) {
    const sentencesOf = new Map<number, Set<string>>();
    const rootsOf = new Map<string, Set<number>>();
    mentions.forEach((m, i) => {
      const r = groups.find(i);
      const key = sentenceKey(m);
      let set = sentencesOf.get(r);
      if (!set) { set = new Set(); sentencesOf.set(r, set); }
      set.add(key);
      let roots = rootsOf.get(key);
      if (!roots) { roots = new Set(); rootsOf.set(key, roots); }
      roots.add(r);
    });
    const hasLexiconWord = (root: number) => groups.state.get(root)!.members.some((i) => !mentions[i].classes[0].startsWith('='));
    const sharedBy = new Map<string, string[]>();
    for (const [key, roots] of rootsOf) {
      if (roots.size < 2) continue;
      const list = [...roots].sort((a, b) => a - b);
      for (let x = 0; x < list.length; x++) {
        for (let y = x + 1; y < list.length; y++) {
          const pair = `${list[x]},${list[y]}`;
          const keys = sharedBy.get(pair) ?? [];
          keys.push(key);
          sharedBy.set(pair, keys);
        }
      }
    }
    const candidates: { a: number; b: number; shared: number }[] = [];
    for (const [pair, keys] of sharedBy) {
      const articles = new Set(keys.map((k) => k.slice(0, k.indexOf('\u0000'))));
      if (articles.size < 2) continue;
      const [a, b] = pair.split(',').map(Number);
      // One must say when (the other's date, if any, must agree: the union checks), and one must use an event
      // word: two groups of general words ("war", "forced") sharing sentences are a shared topic.
      if (!groups.state.get(a)!.dates.length && !groups.state.get(b)!.dates.length) continue;
      if (!hasLexiconWord(a) && !hasLexiconWord(b)) continue;
      const smaller = Math.min(sentencesOf.get(a)!.size, sentencesOf.get(b)!.size);
      if (keys.length * 2 < smaller) continue;
      candidates.push({ a, b, shared: keys.length });
    }
    if (!candidates.length) return;
    candidates.sort((p, q) => q.shared - p.shared || p.a - q.a || p.b - q.b);
    let merged = false;
    for (const c of candidates) {
      const a = groups.find(c.a);
      const b = groups.find(c.b);
      // Groups already changed this round are re-measured next round.
      if (a !== c.a || b !== c.b) continue;
      if (groups.union(a, b)) merged = true;
    }
    if (!merged) return;
  }
}

/** Links event mentions across articles into events. Blocking keeps it near-linear in the corpus size. */
export function clusterEvents(mentions: EventMention[], options: ClusterOptions = {}): EventCluster[] {
  const threshold = options.threshold ?? 1.6;
  const maxBlock = options.maxBlock ?? 400;
  const docWeight = options.docWeight ?? 10;
  const minDocSim = options.minDocSimilarity ?? 0.14;
  const minGroupSim = options.minGroupSimilarity ?? 0.16;
  const generalPenalty = options.generalPenalty ?? 0.6;
  const minLocal = options.minLocal ?? 0;
  const generalLocal = options.generalLocal ?? 0.5;
  const sameStory = options.sameStory ?? 0.35;
  const recentBonus = options.recentBonus ?? 0.4;
  const personClash = options.personClash ?? 0.5;
  const withinArticle = options.withinArticle ?? true;
  const orgWeight = options.nonPersonWeight ?? 0.5;
  const paths = [...new Set(mentions.map((m) => m.path))];
  const docIndex = new Map(paths.map((p, i) => [p, i]));
  const nDocs = paths.length;

  // Document frequencies, for weighting words and context keys by how telling they are.
  const wordDf = new Map<string, number>();
  const ctxDf = new Map<string, number>();
  const docWords = new Map<string, Set<string>>();
  const docCtx = new Map<string, Record<string, number>>();
  for (const m of mentions) {
    let set = docWords.get(m.path);
    if (!set) { set = new Set(); docWords.set(m.path, set); docCtx.set(m.path, m.context); }
    for (const w of m.words) set.add(w);
  }
  for (const set of docWords.values()) for (const w of set) wordDf.set(w, (wordDf.get(w) ?? 0) + 1);
  for (const ctx of docCtx.values()) for (const k of Object.keys(ctx)) ctxDf.set(k, (ctxDf.get(k) ?? 0) + 1);
  // Smooth IDF: in a small folder about one story, shared words still count for something.
  const idf = (df: number | undefined) => Math.log(1 + nDocs / Math.max(1, df ?? 0));
  // Context keys are interned so that document similarity is a merge join of sorted arrays.
  const termIds = new Map<string, number>();
  const docVectors = new Map<string, SparseVector>();
  for (const [path, ctx] of docCtx) {
    const entries: [number, number][] = [];
    for (const [k, c] of Object.entries(ctx)) {
      let id = termIds.get(k);
      if (id === undefined) {
        id = termIds.size;
        termIds.set(k, id);
      }
      entries.push([id, (1 + Math.log(c)) * idf(ctxDf.get(k))]);
    }
    docVectors.set(path, sparseVector(entries));
  }
  const docSim = new Map<number, number>();
  const emptyVector = sparseVector([]);
  const vectorByDoc = paths.map((p) => docVectors.get(p) ?? emptyVector);
  const similarityOf = (a: number, b: number): number => {
    const key = a < b ? a * nDocs + b : b * nDocs + a;
    let s = docSim.get(key);
    if (s === undefined) { s = cosine(vectorByDoc[a], vectorByDoc[b]); docSim.set(key, s); }
    return s;
  };

  const wordWeight = new Map<string, number>();
  for (const [w, df] of wordDf) wordWeight.set(w, idf(df));
  const feats: Features[] = mentions.map((m, index) => {
    const wordSet = new Set(m.words);
    let wordTotal = 0;
    for (const w of wordSet) wordTotal += wordWeight.get(w) ?? 0;
    return {
      m, index, doc: docIndex.get(m.path)!, wordSet, wordTotal,
      when: parseTimex(m.date), exactDay: isExactDay(m.date), notAfter: notAfterOf(m), latestStart: latestStartOf(m),
      persons: m.participants.filter((_, k) => m.participantTypes?.[k] === 'PERSON'),
    };
  });

  /** IDF-weighted Jaccard overlap of the two sentences' words. */
  const wordOverlap = (a: Features, b: Features): number => {
    const [small, large] = a.wordSet.size <= b.wordSet.size ? [a, b] : [b, a];
    let shared = 0;
    for (const w of small.wordSet) if (large.wordSet.has(w)) shared += wordWeight.get(w) ?? 0;
    const total = a.wordTotal + b.wordTotal - shared;
    return total ? shared / total : 0;
  };

  const maxIdf = idf(1);
  const recentFor = (undated: EventMention, dated: EventMention): boolean => {
    if (undated.date || !dated.date || !isExactDay(dated.date)) return false;
    const lag = epochDayOf(undated.published) - epochDayOf(dated.date);
    return lag >= 0 && lag <= 3;
  };
  const score = (a: Features, b: Features): number => {
    const x = a.m;
    const y = b.m;
    if (a.when && b.when && !constraintsCompatible(a.when, b.when)) return -Infinity;
    if (!placesCompatible(x.place, y.place)) return -Infinity;
    if (a.notAfter < b.latestStart || b.notAfter < a.latestStart) return -Infinity;
    const sameDay = a.exactDay && b.exactDay && x.date === y.date;
    const sim = a.doc === b.doc ? 1 : similarityOf(a.doc, b.doc);
    if (sim < minDocSim && !sameDay) return -Infinity;
    // Words outside the event classes (any past-tense verb, "war", "cooperation") need more support than
    // "summit" or "fired": they are as often background as the happening itself.
    const general = x.classes[0].startsWith('=');
    const lexical = x.lemma === y.lemma ? (general ? 1 - generalPenalty : 1) : 0.6;
    // Local evidence: the same day, the same place, the same people, the same words around the trigger.
    let local = 0;
    if (x.date && y.date) local += sameDay ? 1.2 : 0.4;
    // An undated mention most likely means the news of its day: a dated event just before publication.
    else if (recentBonus && (recentFor(x, y) || recentFor(y, x))) local += recentBonus;
    if (x.place && y.place) local += x.place === y.place ? 0.8 : 0.3;
    let shared = 0;
    // Shared people say most; a shared team, body or country is often the whole story's backdrop.
    x.participants.forEach((p, k) => {
      if (!y.participants.includes(p)) return;
      const weight = x.participantTypes?.[k] === 'PERSON' ? 1 : orgWeight;
      shared += weight * idf(ctxDf.get(p)) / maxIdf;
    });
    local += Math.min(1.2, shared * 0.5);
    // Both name people and none in common: probably two people doing the same kind of thing.
    if (a.persons.length && b.persons.length && !a.persons.some((p) => b.persons.includes(p))) {
      if (a.doc === b.doc) return -Infinity;
      local -= personClash;
    }
    local += 2 * wordOverlap(a, b);
    if (a.doc === b.doc) return local < minLocal + (general ? generalLocal : 0) ? -Infinity : lexical + local;
    // Two articles plainly about one story may share an event word with nothing else around it ("FIRED IN PHILLY!!").
    const waived = !general && sim >= sameStory;
    if (!waived && local < minLocal + (general ? generalLocal : 0)) return -Infinity;
    return lexical + local + docWeight * sim;
  };

  // Blocks: one per event class, split further by month when the class is common.
  const blocks = new Map<string, number[]>();
  const addTo = (key: string, i: number) => {
    let list = blocks.get(key);
    if (!list) { list = []; blocks.set(key, list); }
    list.push(i);
  };
  for (const f of feats) for (const cls of f.m.classes) addTo(cls, f.index);

  const datesByDocLemma = new Map<string, string[]>();
  for (const f of feats) {
    if (!f.m.date) continue;
    const k = `${f.doc}\u0000${f.m.lemma}`;
    datesByDocLemma.set(k, [...(datesByDocLemma.get(k) ?? []), f.m.date]);
  }
  const ambiguous = new Set<string>();
  for (const [k, ds] of datesByDocLemma) {
    if (ds.some((x) => ds.some((y) => !datesCompatible(x, y)))) ambiguous.add(k);
  }
  const pairs: { i: number; j: number; s: number }[] = [];
  // A pair met in two blocks is simply scored twice: cheaper than remembering every pair on large folders.
  let considered = 0;
  const consider = (i: number, j: number) => {
    const a = feats[i];
    const b = feats[j];
    considered++;
    if (a.doc === b.doc) {
      // Within one article, a repeated word for a happening usually names it again ("the summit"), unless
      // the article dates that word twice differently (the March summit, Sunday's summit): then an undated
      // one could be either.
      if (a.m.lemma !== b.m.lemma || !withinArticle) return;
      if ((!a.m.date || !b.m.date) && ambiguous.has(`${a.doc}\u0000${a.m.lemma}`)) return;
      const s = score(a, b) + 1;
      if (s >= threshold) pairs.push({ i, j, s });
      return;
    }
    const s = score(a, b);
    if (s >= threshold) pairs.push({ i, j, s });
  };
  for (const list of blocks.values()) {
    if (list.length <= maxBlock) {
      for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) consider(list[x], list[y]);
      continue;
    }
    // Large blocks: sort so that likely partners sit together (date, then place, then article), compare a window.
    const sorted = [...list].sort((p, q) => {
      const a = feats[p].m;
      const b = feats[q].m;
      return (a.date ?? '~').localeCompare(b.date ?? '~') || (a.place ?? '~').localeCompare(b.place ?? '~') || feats[p].doc - feats[q].doc;
    });
    const window = Math.max(20, Math.floor(maxBlock / 16));
    for (let x = 0; x < sorted.length; x++) {
      for (let y = x + 1; y < Math.min(sorted.length, x + window); y++) consider(sorted[x], sorted[y]);
    }
    // Same article, same lemma, also when far apart in the sorted order.
    const byDoc = new Map<number, number[]>();
    for (const i of list) {
      const l = byDoc.get(feats[i].doc) ?? [];
      l.push(i);
      byDoc.set(feats[i].doc, l);
    }
    for (const l of byDoc.values()) for (let x = 0; x < l.length; x++) for (let y = x + 1; y < l.length; y++) consider(l[x], l[y]);
  }
  options.onStats?.({ mentions: feats.length, blocks: blocks.size, considered, linked: pairs.length });
  pairs.sort((p, q) => q.s - p.s || p.i - q.i || p.j - q.j);
  const groups = new Groups(mentions, (a, b) => {
    // Average similarity of the two groups' articles (a sample of each): one stray link must not chain two stories.
    const sample = (members: number[]): number[] => {
      const docs = new Set<number>();
      for (const i of members) {
        docs.add(feats[i].doc);
        if (docs.size >= 12) break;
      }
      return [...docs];
    };
    const da = sample(a);
    const db = sample(b);
    let total = 0;
    let n = 0;
    for (const x of da) for (const y of db) if (x !== y) { total += similarityOf(x, y); n++; }
    return !n || total / n >= minGroupSim;
  });
  for (const p of pairs) groups.union(p.i, p.j);
  if (options.mergeSharedSentences ?? true) mergeSharedSentences(mentions, groups);

  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < mentions.length; i++) {
    const r = groups.find(i);
    const l = byRoot.get(r) ?? [];
    l.push(i);
    byRoot.set(r, l);
  }
  const clusters: EventCluster[] = [];
  const usedIds = new Map<string, number>();
  const groupsInOrder = [...byRoot.values()].sort((a, b) => {
    const ma = mentions[a[0]];
    const mb = mentions[b[0]];
    return ma.path.localeCompare(mb.path) || ma.trigger.start - mb.trigger.start;
  });
  for (const members of groupsInOrder) {
    const ms = members.map((i) => mentions[i]);
    const articles = new Set(ms.map((m) => m.path));
    if (articles.size < 2 && !options.keepSingletons) continue;
    const cluster = describeCluster(ms);
    // A few words outside the event classes shared by two articles ("restore", "war") are a shared topic
    // more often than a shared happening: such a group needs a date and several mentions to be shown.
    if (!options.keepGeneralOnly && ms.every((m) => m.classes[0].startsWith('=')) && (!cluster.date || ms.length < 4)) continue;
    const n = usedIds.get(cluster.id) ?? 0;
    usedIds.set(cluster.id, n + 1);
    if (n) cluster.id = `${cluster.id}-${n + 1}`;
    clusters.push(cluster);
  }
  return clusters;
}

function slug(s: string): string {
  return s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function mostFrequent<T>(items: T[], key: (t: T) => string = String): T | null {
  const counts = new Map<string, { item: T; n: number }>();
  for (const it of items) {
    const k = key(it);
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { item: it, n: 1 });
  }
  let best: { item: T; n: number } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best ? best.item : null;
}

/** Nouns for verb heads, so labels read "summit", "launch", "visit". */
const HEAD_NOUN: Record<string, string> = {
  meet: 'meeting', arriv: 'visit', travel: 'visit', fire: 'launch', announc: 'announcement', remov: 'removal',
  drop: 'removal', lift: 'lifting', withdraw: 'withdrawal', compens: 'compensation', kill: 'killing', die: 'death',
  arrest: 'arrest', elect: 'election', appoint: 'appointment', hold: 'meeting', host: 'hosting', lai: 'tribute',
  lay: 'tribute', propos: 'proposal', agre: 'agreement', attack: 'attack', shoot: 'shooting',
};

function singular(word: string): string {
  if (/(?:talks|news|series)$/.test(word)) return word;
  if (/(?:ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  if (/ies$/.test(word)) return word.slice(0, -3) + 'y';
  return word.replace(/([^s])s$/, '$1');
}

/** Nouns that name a whole occasion; a label prefers them to the parts ("summit" over "visit"). */
const OCCASION_NOUNS = new Set(['summit', 'conference', 'election', 'attack', 'earthquake', 'ceremony', 'trial', 'war', 'crash', 'shooting']);

function headWord(ms: EventMention[]): string {
  const nominal = ms.filter((m) => m.nominal);
  const occasion = nominal.filter((m) => OCCASION_NOUNS.has(m.lemma));
  const pick = mostFrequent(occasion.length ? occasion : nominal.length ? nominal : ms, (m) => m.lemma)!;
  const head = pick.nominal ? singular(pick.triggerText.toLowerCase()) : HEAD_NOUN[pick.lemma] ?? pick.triggerText.toLowerCase();
  // A plan reported with what it does reads "compensation plan", not just "compensation" or "plan".
  const isPlan = (m: EventMention) => m.classes.includes('plan');
  if (pick.nominal && !isPlan(pick) && !occasion.length && nominal.some(isPlan)) return `${head} plan`;
  return head;
}

/** A person's name as a label uses it: family name of a two-word Western name, else the whole name. */
function shortName(name: string): string {
  const words = name.split(/\s+/);
  if (words.length !== 2) return name;
  // A hyphenated lower-case second part is a Korean given name ("Yoon Suk-yeol"): the family name comes first.
  return /^[A-Z][a-z]+-[a-z]+$/.test(words[1]) ? words[0] : words[1];
}

function describeCluster(ms: EventMention[]): EventCluster {
  let date: string | null = null;
  for (const m of ms) if (m.date) date = moreSpecific(date, m.date);
  // The most specific place: a city over the country it lies in.
  const places = ms.filter((m) => m.place).map((m) => m.place!);
  const specific = places.filter((p) => !COUNTRY_BY_NAME.has(p.toLowerCase()));
  const place = mostFrequent(specific.length ? specific : places);
  const counts = new Map<string, { n: number; name: string; type: string }>();
  for (const m of ms) {
    m.participants.forEach((id, k) => {
      const c = counts.get(id) ?? { n: 0, name: m.participantNames?.[k] ?? id, type: m.participantTypes?.[k] ?? '' };
      c.n++;
      counts.set(id, c);
    });
  }
  const ranked = [...counts.entries()].filter(([, c]) => c.n >= Math.min(2, ms.length)).sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]));
  const participants = ranked.map(([id]) => id);
  const head = headWord(ms);
  const fullNames = ranked.filter(([, c]) => c.type === 'PERSON').map(([, c]) => c.name);
  const shortNames = fullNames.map(shortName);
  // Two people who share a family name keep their full names.
  const people = new Set(shortNames.slice(0, 2)).size < Math.min(2, shortNames.length) ? fullNames : shortNames;
  const actors = ranked.filter(([, c]) => c.type !== 'PERSON' && c.name !== place).map(([, c]) => c.name);
  let label: string;
  if (people.length >= 2) label = `${people[0]}–${people[1]} ${head}`;
  else if (people.length === 1) label = `${people[0]} ${head}`;
  else if (actors.length) label = `${actors[0]} ${head}`;
  else label = head.charAt(0).toUpperCase() + head.slice(1);
  if (place && !label.includes(place)) label += ` in ${place}`;
  const id = ['evt', date ? date.replace('/', '--') : 'undated', place ? slug(place) : null, slug(head)].filter(Boolean).join('-');
  const mentions: MentionRef[] = ms
    .map((m) => ({ path: m.path, start: m.trigger.start, end: m.trigger.end, sentence: m.sentence }))
    .sort((a, b) => a.path.localeCompare(b.path) || a.start - b.start);
  return { id, label, date, place, participants, mentions };
}
