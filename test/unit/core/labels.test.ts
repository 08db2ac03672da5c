// Event labels read like short headlines and keep their ids; topics are not shown; an untitled article is named by
// its lede. Checked on the five seed articles and the yaml of what a careful reader links across them.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { CorpusIndex } from '../../../src/core/corpus';
import { displayName, shortenAtWord } from '../../../src/core/displayName';
import { EventCluster } from '../../../src/core/model';
import { stem } from '../../../src/core/text/stem';

const ROOT = [path.join(__dirname, '../../..'), path.join(__dirname, '../../../..')].find((r) =>
  fs.existsSync(path.join(r, 'seeds')),
)!;

interface GoldEvent {
  id: string;
  mentions: Record<string, string>;
}

function seedIndex(): { index: CorpusIndex; texts: Map<string, string> } {
  const dir = path.join(ROOT, 'seeds');
  const texts = new Map(
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]),
  );
  const index = new CorpusIndex();
  for (const [p, t] of texts) index.upsert(p, t);
  return { index, texts };
}

/** The event holding most of a gold event's snippets (a mention's trigger inside the snippet). */
function eventOf(gold: GoldEvent, events: EventCluster[], texts: Map<string, string>): EventCluster | undefined {
  const spans = Object.entries(gold.mentions).map(([p, snippet]) => {
    const at = texts.get(p)!.indexOf(snippet);
    return { p, start: at, end: at + snippet.length };
  });
  const hits = (e: EventCluster) =>
    spans.filter((s) => e.mentions.some((m) => m.path === s.p && m.start >= s.start && m.end <= s.end)).length;
  return [...events].sort((a, b) => hits(b) - hits(a))[0];
}

describe('event labels on the seeds', function () {
  this.timeout(60000);
  let events: EventCluster[] = [];
  let index: CorpusIndex;
  let texts: Map<string, string>;
  before(() => {
    ({ index, texts } = seedIndex());
    events = index.events();
  });

  it('never shows a label of one word', () => {
    assert.ok(events.length >= 8, `${events.length} events`);
    for (const e of events) assert.ok(e.label.trim().split(/\s+/).length >= 2, `${e.id}: "${e.label}"`);
  });

  it('names the action and at least one participant or place of every gold event', () => {
    const gold: GoldEvent[] = parseYaml(
      fs.readFileSync(path.join(ROOT, 'test/fixtures/seeds-events.yaml'), 'utf8'),
    ).events;
    for (const g of gold) {
      const e = eventOf(g, events, texts)!;
      assert.ok(e, g.id);
      const triggers = new Set(
        e.mentions.map((m) => stem(texts.get(m.path)!.slice(m.start, m.end).split(/\s+/).pop()!)),
      );
      const words = e.label.split(/[\s–]+/);
      assert.ok(
        words.some((w) => /^[a-z]/.test(w) && triggers.has(stem(w))),
        `${g.id}: "${e.label}" names none of ${[...triggers].join(', ')}`,
      );
      const names = [...new Set(e.participants.map((id) => index.entity(id)?.canonical ?? ''))].filter(Boolean);
      const named =
        (e.place && e.label.includes(e.place)) || names.some((n) => n.split(' ').some((w) => words.includes(w)));
      assert.ok(named, `${g.id}: "${e.label}" names no participant (${names.join(', ')}) or place (${e.place})`);
    }
  });

  it('keeps the ids users store in sidecars', () => {
    const ids = events.map((e) => e.id);
    for (const id of [
      'evt-2023-03-16-tokyo-summit',
      'evt-2023-03-16-launch',
      'evt-2023-W10-compensation-plan',
      'evt-2023-03-08--2023-05-07-south-korea-removal',
      'evt-2023-03-16-tokyo-conference',
      'evt-undated-seoul-cemetery',
      'evt-2023-05-07-seoul-summit',
      'evt-2023-05-hiroshima-summit',
    ])
      assert.ok(ids.includes(id), `${id} missing from ${ids.join(', ')}`);
  });

  it('does not show background dated years before the articles (the 2019 dispute, 1910)', () => {
    const background = events.filter((e) => e.date && /^\d{4}$/.test(e.date) && e.date < '2023');
    assert.deepStrictEqual(
      background.map((e) => `${e.id}: ${e.label}`),
      [],
    );
  });

  it('names an article without a headline by its lede, shortened at a word', () => {
    const a = index.analysis('003_7793fcfce77cd834.txt')!.article;
    assert.strictEqual(a.title, null);
    const name = displayName(a);
    assert.ok(name.startsWith('For the first time in 12 years, the leaders'), name);
    assert.ok(name.endsWith('…') && name.length <= 71, name);
    assert.strictEqual(
      displayName(index.analysis('001_9aa4e507c3327256.txt')!.article),
      index.analysis('001_9aa4e507c3327256.txt')!.article.title,
    );
  });
});

describe('shortenAtWord', () => {
  it('keeps short text and cuts long text at a word with an ellipsis', () => {
    assert.strictEqual(shortenAtWord('A short lede.'), 'A short lede.');
    assert.strictEqual(shortenAtWord('one two three four five', 12), 'one two…');
  });
});
