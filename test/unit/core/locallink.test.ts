// Local links (locallink.ts): a few changed articles linked with the articles around them, ahead of the folder-wide
// link. Checked against a fresh link of the same folder: the statistics must be equal, the events nearly so (what
// differs is measured: a fresh link itself moves events far from the change, through the folder's IDF).
import * as assert from 'assert';
import { realArticles } from '../../../scripts/bench/generate';
import { CorpusIndex } from '../../../src/core/corpus';
import { clusterEvents, EventMention, resolveEvents } from '../../../src/core/events';
import { analyzeForIndex } from '../../../src/core/corpus';
import { EventCluster } from '../../../src/core/model';

type Docs = Map<string, string>;

function indexOf(docs: Docs, deferred: boolean): CorpusIndex {
  const index = new CorpusIndex();
  index.deferLinking = deferred;
  for (const [name, text] of docs) index.upsert(name, text);
  index.link();
  return index;
}

const memberKey = (e: EventCluster) =>
  e.mentions
    .map((m) => `${m.path}:${m.start}`)
    .sort()
    .join(',');

function pairsOf(events: EventCluster[]): Set<string> {
  const out = new Set<string>();
  for (const e of events) {
    const ms = e.mentions.map((m) => `${m.path}:${m.start}`).sort();
    for (let i = 0; i < ms.length; i++) for (let j = i + 1; j < ms.length; j++) out.add(`${ms[i]}|${ms[j]}`);
  }
  return out;
}

function differing(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const [k, v] of a) if (b.get(k) !== v) n++;
  for (const k of b.keys()) if (!a.has(k)) n++;
  return n;
}

/** A deterministic pseudo-random sequence (the same changes on every run). */
function randomFrom(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

describe('local links', function () {
  this.timeout(120_000);
  // The seeds and a slice of the real texts: several stories, some sharing people and days.
  const all = realArticles();
  const docs: Docs = new Map(
    all
      .filter((d) => /^\d{3}_/.test(d.name) || d.name.startsWith('ecb-1') || d.name.startsWith('meantime-1'))
      .map((d) => [d.name, d.text]),
  );

  it('clusters a whole folder the same with the folder statistics given as without them', () => {
    const mentions: EventMention[] = [];
    for (const [name, text] of [...docs].slice(0, 60)) {
      const a = analyzeForIndex(name, text, null);
      mentions.push(...resolveEvents(a.detected!.events, a, name));
    }
    let counts: { docs: number; words: string[]; wordDf: Int32Array; ctxDf: Map<string, number> } | undefined;
    const plain = clusterEvents(mentions, { onCorpus: (c) => (counts = c) });
    const wordDf = new Map(counts!.words.map((w, i) => [w, counts!.wordDf[i]]));
    const given = clusterEvents(mentions, { folder: { docs: counts!.docs, wordDf, ctxDf: counts!.ctxDf } });
    assert.ok(plain.length > 5, `${plain.length} events`);
    assert.deepStrictEqual(given, plain);
  });

  it('after random additions, removals and edits, keeps the statistics and nearly the events of a fresh link', () => {
    const rand = randomFrom(11);
    const present: Docs = new Map(docs);
    const removed: Docs = new Map();
    const index = indexOf(present, true);
    const changed = new Set<string>();
    for (let k = 0; k < 12; k++) {
      const names = [...present.keys()];
      const name = names[Math.floor(rand() * names.length)];
      const r = rand();
      if (r < 0.35) {
        removed.set(name, present.get(name)!);
        present.delete(name);
        index.remove(name);
      } else if (r < 0.7 && removed.size) {
        const back = [...removed.keys()][Math.floor(rand() * removed.size)];
        present.set(back, removed.get(back)!);
        removed.delete(back);
        index.upsert(back, present.get(back)!);
        changed.add(back);
      } else {
        const paragraphs = present.get(name)!.split('\n');
        paragraphs.splice(1 + Math.floor(rand() * (paragraphs.length - 1)), 1);
        present.set(name, paragraphs.join('\n'));
        index.upsert(name, present.get(name)!);
        changed.add(name);
      }
      assert.ok(index.linkLocally(), `change ${k} was linked locally`);
      assert.ok(index.needsLink, 'the folder-wide link is still due');
    }
    const fresh = indexOf(present, false);
    // Statistics: exactly the fresh link's, however the changes came.
    const mine = index.folderCounts()!;
    const theirs = fresh.folderCounts()!;
    assert.strictEqual(mine.docs, theirs.docs);
    // (Contexts hold years and entity ids: a date or alias the folder infers for an article far from the change can
    // move a few of them.)
    assert.ok(differing(mine.wordDf, theirs.wordDf) <= theirs.wordDf.size / 200, 'word counts as a fresh link');
    assert.ok(differing(mine.ctxDf, theirs.ctxDf) <= theirs.ctxDf.size / 50, 'context counts as a fresh link');
    // Events: every link of the local state is checked against the fresh one (measured 0.99 both ways).
    const local = index.events();
    const a = pairsOf(local);
    const b = pairsOf(fresh.events());
    const shared = [...a].filter((p) => b.has(p)).length;
    assert.ok(shared / a.size >= 0.95, `local links right: ${shared}/${a.size}`);
    assert.ok(shared / b.size >= 0.95, `fresh links found: ${shared}/${b.size}`);
    // The published state is whole: unique ids, each event's mentions shown in its articles, changed ones too.
    assert.strictEqual(new Set(local.map((e) => e.id)).size, local.length, 'event ids are unique');
    for (const e of local) {
      for (const m of e.mentions) {
        const view = index.view(m.path)!;
        assert.ok(view, `${m.path} is in the folder`);
        assert.ok(
          view.events.some((v) => v.eventId === e.id && v.span.start === m.start),
          `${e.id} shown in ${m.path}`,
        );
      }
    }
    for (const name of changed) if (present.has(name)) assert.ok(index.view(name), `${name} has a view`);
    // The folder-wide link then gives exactly the fresh link's events.
    index.link();
    assert.deepStrictEqual(index.events().map(memberKey).sort(), fresh.events().map(memberKey).sort());
  });

  it('links a folder the same however often it is linked and whatever came and went (no drift between links)', () => {
    const index = indexOf(docs, false);
    const first = index.events().map(memberKey).sort();
    const [name, text] = [...docs].find(([n]) => n.startsWith('ecb-1'))!;
    index.upsert('empty.txt', 'Nothing here.');
    index.link();
    index.remove(name);
    index.link();
    index.remove('empty.txt');
    index.upsert(name, text);
    index.link();
    assert.deepStrictEqual(index.events().map(memberKey).sort(), first);
  });

  it('keeps the events and ids of articles far from the change', () => {
    const index = indexOf(docs, true);
    const before = new Map(index.events().map((e) => [e.id, memberKey(e)]));
    const seed = [...docs.keys()].find((n) => /^00\d_/.test(n))!;
    index.upsert(seed, docs.get(seed)!.replace(/\n[^\n]+\n*$/, '\n'));
    assert.ok(index.linkLocally());
    const near = new Set([
      seed,
      ...index.events().flatMap((e) => (e.mentions.some((m) => m.path === seed) ? e.mentions.map((m) => m.path) : [])),
    ]);
    let kept = 0;
    let far = 0;
    for (const e of index.events()) {
      if (e.mentions.some((m) => near.has(m.path))) continue;
      far++;
      if (before.get(e.id) === memberKey(e)) kept++;
    }
    assert.ok(far > 10, `${far} events far from the change`);
    assert.strictEqual(kept, far, 'every event far from the change keeps its id and mentions');
  });

  it('shows a removed article nowhere and a new one with its events', () => {
    const index = indexOf(docs, true);
    const withEvents = index.events().find((e) => new Set(e.mentions.map((m) => m.path)).size >= 3)!;
    const gone = withEvents.mentions[0].path;
    const text = docs.get(gone)!;
    index.remove(gone);
    assert.ok(index.linkLocally());
    assert.ok(
      !index.events().some((e) => e.mentions.some((m) => m.path === gone)),
      'no event keeps the removed article',
    );
    assert.ok(!index.entities().some((r) => r.articles.includes(gone)), 'no entity record keeps it');
    index.upsert(`copy of ${gone}`, text);
    assert.ok(index.linkLocally());
    const view = index.view(`copy of ${gone}`)!;
    assert.ok(view.events.length > 0, 'the new article shows events');
    const ids = new Set(view.events.map((e) => e.eventId));
    const shared = index.events().filter((e) => ids.has(e.id) && e.mentions.some((m) => m.path !== `copy of ${gone}`));
    assert.ok(shared.length > 0, 'linked with other articles');
  });

  it('keeps an edited article in a quote reprinted in many articles as a fresh link does, clustering few again', () => {
    const quote = '"We will rebuild the harbour wall before the winter storms come back to this town," she said.';
    const reprint = (n: number, extra = '') =>
      `Report ${n}\n\nMarch ${1 + (n % 20)}, 2023\n\nMayor Ana Ruiz spoke in Valemouth on Monday. ${quote} ` +
      `Story number ${n} of the series.${extra}\n`;
    const many: Docs = new Map(Array.from({ length: 40 }, (_, n) => [`reprint-${n}.txt`, reprint(n)]));
    const index = indexOf(many, true);
    const before = index.quotes();
    assert.strictEqual(before.length, 1);
    assert.strictEqual(
      before[0].mentions.length,
      40,
      'one quote in 40 articles: more than a local link clusters again',
    );
    const edited = reprint(7, ' The council met on Tuesday.');
    index.upsert('reprint-7.txt', edited);
    assert.ok(index.linkLocally());
    const local = index.quotes();
    const fresh = indexOf(new Map([...many, ['reprint-7.txt', edited]]), false).quotes();
    assert.deepStrictEqual(
      local.map((q) => q.mentions.map((m) => m.path).sort()),
      fresh.map((q) => q.mentions.map((m) => m.path).sort()),
    );
    assert.ok(local[0].mentions.some((m) => m.path === 'reprint-7.txt'));
  });

  it('links an edit made while a folder-wide link takes in many new articles, ahead of that link', () => {
    const names = [...docs.keys()];
    const index = indexOf(new Map(names.slice(0, 40).map((n) => [n, docs.get(n)!])), true);
    for (const n of names.slice(40, 52)) index.upsert(n, docs.get(n)!);
    // The folder-wide link of those twelve begins; then the user edits a linked article.
    assert.strictEqual(index.linkStep(0), false);
    const shared = index.events().find((e) => new Set(e.mentions.map((m) => m.path)).size >= 3)!;
    const edited = shared.mentions[0].path;
    const shorter = docs.get(edited)!.replace(/\n[^\n]+\n*$/, '\n');
    index.upsert(edited, shorter);
    assert.ok(index.linkLocally(), 'the edit is linked locally though twelve new articles wait for the link');
    const beyond = index.events().flatMap((e) => e.mentions.filter((m) => m.path === edited && m.end > shorter.length));
    assert.deepStrictEqual(beyond, [], 'no event keeps a mention of the removed paragraph');
    assert.ok(!index.events().some((e) => e.mentions.some((m) => m.path === names[45])), 'new articles wait');
    while (!index.linkStep(Infinity));
    assert.ok(index.events().some((e) => e.mentions.some((m) => names.slice(40, 52).includes(m.path))));
    const fresh = indexOf(new Map(names.slice(0, 52).map((n) => [n, n === edited ? shorter : docs.get(n)!])), true);
    assert.deepStrictEqual(index.events().map(memberKey).sort(), fresh.events().map(memberKey).sort());
  });

  it('links an edit while new articles wait for the pause of indexing, and begins no folder-wide link', () => {
    const names = [...docs.keys()];
    const index = indexOf(new Map(names.slice(0, 40).map((n) => [n, docs.get(n)!])), true);
    for (const n of names.slice(40, 52)) index.upsert(n, docs.get(n)!);
    const shared = index.events().find((e) => new Set(e.mentions.map((m) => m.path)).size >= 3)!;
    const edited = shared.mentions[0].path;
    index.upsert(edited, docs.get(edited)!.replace(/\n[^\n]+\n*$/, '\n'));
    const before = index.localLinksDone;
    assert.strictEqual(index.linkStep(Infinity, true), false, 'the new articles still wait');
    assert.strictEqual(index.localLinksDone, before + 1, 'the edit, linked locally');
    assert.strictEqual(index.linkJobRunning, false, 'no folder-wide link begun');
    assert.ok(!index.events().some((e) => e.mentions.some((m) => m.path === names[45])));
  });
});
