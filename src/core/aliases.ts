// Cross-article identity: gives every mention in a folder its canonical entity and returns one record per entity.
//
// Rules, in order:
// 1. Ids are derived from a normalised key (entities.ts: lower case, titles stripped, hyphens and spaces folded),
//    so "Yoon Suk-yeol" and "Yoon Suk Yeol" already share `person:yoon-suk-yeol`.
// 2. A person known only by one word in an article ("Yoon", "Yuko", "Kishida") joins the folder's full name that has
//    that word first or last; when several do ("Kishida": Fumio and Yuko), the most mentioned across the folder wins.
//    A name word that is not the surname (a given name such as "Yuko") only matches as a first word.
// 3. A bare surname in an article that names several bearers goes to the one the folder mentions most ("Kishida"
//    beside "Yuko Kishida" is Fumio), unless a gendered honorific says otherwise ("Mrs. Kishida" is not the bearer the
//    folder calls "Mr. Kishida").
// 4. An acronym an article defines ("World Trade Organization (WTO)") names the long form in every article.
// 5. A full name without its middle initials ("George Bush", "Edith Denholm") is the folder's one bearer of that name
//    with initials ("George W. Bush"); with two such bearers ("George W. Bush", "George H. W. Bush") it stays apart.
// Capitals that stand for their country as actors ("Pyongyang fired") are decided per mention in entities.ts;
// nothing here merges a city with a country.

import { EntityMention, EntityRecord, EntityType } from './model';
import { TITLES } from './gazetteer';
import { drain, Pacer, sortSteps, Steps } from './steps';

export interface ArticleEntities {
  path: string;
  entities: EntityMention[];
}

interface Identity {
  id: string;
  type: EntityType;
  canonical: string;
  count: number;
}

function nameWords(canonical: string): string[] {
  return canonical.toLowerCase().replace(/[.'’]/g, '').split(/\s+/).filter(Boolean);
}

const HONORIFIC_RE = /^(?:Mr|Mrs|Ms|Miss|Mme|Madam|Mister)\.?\s+/;

function honorificGender(text: string): 'm' | 'f' | null {
  const m = HONORIFIC_RE.exec(text);
  if (!m) return null;
  return /^(?:Mr|Mister)\b/.test(m[0]) ? 'm' : 'f';
}

/** The words of a person's name as written, titles and honorifics dropped ("Prime Minister Kishida" → kishida). */
function bareNameWords(text: string): string[] {
  let words = nameWords(text);
  while (words.length > 1) {
    if (words.length > 2 && TITLES.has(words[0] + ' ' + words[1])) words = words.slice(2);
    else if (TITLES.has(words[0])) words = words.slice(1);
    else break;
  }
  return words;
}

function other(g: 'm' | 'f'): 'm' | 'f' {
  return g === 'm' ? 'f' : 'm';
}

/**
 * Gives every mention across the folder its canonical id and name
 * (mutates mention.id/.canonical) and returns one record per entity.
 */
export function linkEntities(articles: ArticleEntities[]): EntityRecord[] {
  return drain(linkEntitiesSteps(articles));
}

/** linkEntities in steps of about `pace.perStep` mentions or records each (per article, per block of records). */
export function* linkEntitiesSteps(articles: ArticleEntities[], pace = new Pacer()): Steps<EntityRecord[]> {
  const identities = yield* folderIdentities(articles, pace);
  const people = yield* fullNames(identities, pace);
  const redirect = yield* redirects(identities, people, yield* acronymTargets(articles, identities, pace), pace);
  const gender = yield* honorificGenders(articles, redirect, pace);
  for (const a of articles) {
    resolveBareSurnames(a, people, gender);
    if (pace.add(a.entities.length)) yield;
  }
  return yield* entityRecords(articles, redirect, pace);
}

/** What the folder knows: every id with its canonical name and how often it is mentioned. */
function* folderIdentities(articles: ArticleEntities[], pace: Pacer): Steps<Map<string, Identity>> {
  const identities = new Map<string, Identity>();
  for (const a of articles) {
    for (const m of a.entities) {
      const known = identities.get(m.id);
      if (known) known.count++;
      else identities.set(m.id, { id: m.id, type: m.type, canonical: m.canonical, count: 1 });
    }
    if (pace.add(a.entities.length)) yield;
  }
  return identities;
}

/** Full names of people by their first and last words. */
interface FullNames {
  byFirst: Map<string, Identity[]>;
  byLast: Map<string, Identity[]>;
}

function* fullNames(identities: Map<string, Identity>, pace: Pacer): Steps<FullNames> {
  const byFirst = new Map<string, Identity[]>();
  const byLast = new Map<string, Identity[]>();
  for (const p of identities.values()) {
    if (pace.add()) yield;
    if (p.type !== 'PERSON') continue;
    const words = nameWords(p.canonical);
    if (words.length < 2) continue;
    const push = (map: Map<string, Identity[]>, w: string) => {
      const list = map.get(w);
      if (list) list.push(p);
      else map.set(w, [p]);
    };
    push(byFirst, words[0]);
    push(byLast, words[words.length - 1]);
  }
  return { byFirst, byLast };
}

/**
 * The people a single name word can be: a surname first (Western
 * order: "Kishida"), then a family name first (Korean order: "Yoon").
 */
function bearersOf(people: FullNames, word: string): Identity[] {
  return [...(people.byLast.get(word) ?? []), ...(people.byFirst.get(word) ?? [])];
}

function mostMentioned(list: Identity[] | undefined): Identity | undefined {
  return list?.reduce<Identity | undefined>((best, p) => (!best || p.count > best.count ? p : best), undefined);
}

/** Acronyms an article resolved to a long form: the long form's identity by acronym text. */
function* acronymTargets(
  articles: ArticleEntities[],
  identities: Map<string, Identity>,
  pace: Pacer,
): Steps<Map<string, Identity>> {
  const acronyms = new Map<string, Identity>();
  for (const a of articles) {
    for (const m of a.entities) {
      if (/^[A-Z&.]{2,}$/.test(m.text) && m.canonical !== m.text && m.type !== 'PERSON') {
        const target = identities.get(m.id);
        if (target) acronyms.set(m.text.replace(/\./g, ''), target);
      }
    }
    if (pace.add(a.entities.length)) yield;
  }
  return acronyms;
}

/** The words of a name without its initials ("george w bush" → george bush), or null when it has none. */
function withoutInitials(words: string[]): string[] | null {
  const kept = words.filter((w) => w.length > 1);
  return kept.length < words.length && kept.length >= 2 ? kept : null;
}

/** People named with middle initials, by their name without them; null where two different people share it. */
function* initialledPeople(identities: Map<string, Identity>, pace: Pacer): Steps<Map<string, Identity | null>> {
  const out = new Map<string, Identity | null>();
  for (const ident of identities.values()) {
    if (pace.add()) yield;
    if (ident.type !== 'PERSON') continue;
    const bare = withoutInitials(nameWords(ident.canonical));
    if (!bare) continue;
    const key = bare.join(' ');
    out.set(key, out.has(key) ? null : ident);
  }
  return out;
}

/** Identities that are another one folder-wide: a name without its initials, a one-word person name, an acronym. */
function* redirects(
  identities: Map<string, Identity>,
  people: FullNames,
  acronyms: Map<string, Identity>,
  pace: Pacer,
): Steps<Map<string, Identity>> {
  const redirect = new Map<string, Identity>();
  const initialled = yield* initialledPeople(identities, pace);
  for (const ident of identities.values()) {
    if (pace.add()) yield;
    const words = ident.type === 'PERSON' ? nameWords(ident.canonical) : [];
    const target = words.length >= 2 && !words.some((w) => w.length === 1) ? initialled.get(words.join(' ')) : null;
    if (target && target.id !== ident.id) redirect.set(ident.id, target);
  }
  for (const ident of identities.values()) {
    if (pace.add()) yield;
    if (ident.type === 'PERSON') {
      const words = nameWords(ident.canonical);
      if (words.length !== 1) continue;
      const target = mostMentioned(bearersOf(people, words[0]));
      // A bare surname whose bearer is itself a name without initials goes on to the initialled name.
      if (target) redirect.set(ident.id, redirect.get(target.id) ?? target);
    } else if (ident.type === 'ORGANIZATION' || ident.type === 'PLACE') {
      const acr = acronyms.get(ident.canonical.replace(/\./g, ''));
      if (acr && acr.id !== ident.id && acr.type === ident.type) redirect.set(ident.id, acr);
    }
  }
  return redirect;
}

/** Context that overrides prominence: the genders of the honorifics each person is named with ("Mrs. Kishida"). */
function* honorificGenders(
  articles: ArticleEntities[],
  redirect: Map<string, Identity>,
  pace: Pacer,
): Steps<Map<string, Set<string>>> {
  const gender = new Map<string, Set<string>>();
  for (const a of articles) {
    for (const m of a.entities) {
      const g = honorificGender(m.text);
      if (m.type !== 'PERSON' || !g) continue;
      const id = redirect.get(m.id)?.id ?? m.id;
      if (!gender.has(id)) gender.set(id, new Set());
      gender.get(id)!.add(g);
    }
    if (pace.add(a.entities.length)) yield;
  }
  return gender;
}

/**
 * A bare surname in an article that names several bearers ("Kishida" beside Fumio and Yuko Kishida) goes to
 * the one the folder mentions most; an article naming none falls back on the whole folder (redirects). A
 * gendered honorific goes to a bearer not known by the other one.
 */
function resolveBareSurnames(a: ArticleEntities, people: FullNames, gender: Map<string, Set<string>>): void {
  const named = new Set<string>();
  for (const m of a.entities) if (m.type === 'PERSON' && nameWords(m.canonical).length >= 2) named.add(m.id);
  for (const m of a.entities) {
    if (m.type !== 'PERSON') continue;
    const words = bareNameWords(m.text);
    if (words.length !== 1) continue;
    const g = honorificGender(m.text);
    const bearers = bearersOf(people, words[0]);
    let candidates = bearers.filter((p) => named.has(p.id));
    if (candidates.length === 0) candidates = bearers;
    if (g) {
      const compatible = candidates.filter((p) => !gender.get(p.id)?.has(other(g)));
      if (compatible.length) candidates = compatible;
    }
    const target = mostMentioned(candidates);
    if (target) {
      m.id = target.id;
      m.canonical = target.canonical;
    }
  }
}

type Gathered = EntityRecord & {
  spellingCounts: Map<string, number>;
  canonicalCounts: Map<string, number>;
  /** The same as `articles`, for a quick test: a place named in every article has thousands. */
  articleSet: Set<string>;
};

/** Applies the redirects and gathers one record per id, named by the spelling most mentions carry. */
function* entityRecords(
  articles: ArticleEntities[],
  redirect: Map<string, Identity>,
  pace: Pacer,
): Steps<EntityRecord[]> {
  const records = yield* gatherRecords(articles, redirect, pace);
  // One display name per id ("Yoon Suk Yeol" and "Yoon Suk-yeol" share an id): the one most mentions carry.
  const out: EntityRecord[] = [];
  for (const r of records.values()) {
    r.canonical = [...r.canonicalCounts.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0][0];
    const spellings = [...r.spellingCounts.entries()]
      .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
      .map(([s]) => s);
    out.push({
      id: r.id,
      type: r.type,
      canonical: r.canonical,
      spellings,
      articles: r.articles,
      mentionCount: r.mentionCount,
    });
    if (pace.add(r.canonicalCounts.size + r.spellingCounts.size)) yield;
  }
  for (const a of articles) {
    for (const m of a.entities) m.canonical = records.get(m.id)!.canonical;
    if (pace.add(a.entities.length)) yield;
  }
  return yield* sortSteps(out, (a, b) => b.mentionCount - a.mentionCount || a.id.localeCompare(b.id), pace);
}

/** Applies the redirects and counts each id's mentions, spellings, names and articles. */
function* gatherRecords(
  articles: ArticleEntities[],
  redirect: Map<string, Identity>,
  pace: Pacer,
): Steps<Map<string, Gathered>> {
  const records = new Map<string, Gathered>();
  for (const a of articles) {
    for (const m of a.entities) {
      const target = redirect.get(m.id);
      if (target) {
        m.id = target.id;
        m.canonical = target.canonical;
      }
      let r = records.get(m.id);
      if (!r) {
        r = {
          id: m.id,
          type: m.type,
          canonical: m.canonical,
          spellings: [],
          articles: [],
          mentionCount: 0,
          spellingCounts: new Map(),
          canonicalCounts: new Map(),
          articleSet: new Set(),
        };
        records.set(m.id, r);
      }
      r.mentionCount++;
      r.canonicalCounts.set(m.canonical, (r.canonicalCounts.get(m.canonical) ?? 0) + 1);
      r.spellingCounts.set(m.text, (r.spellingCounts.get(m.text) ?? 0) + 1);
      if (!r.articleSet.has(a.path)) {
        r.articleSet.add(a.path);
        r.articles.push(a.path);
      }
    }
    if (pace.add(a.entities.length)) yield;
  }
  return records;
}
