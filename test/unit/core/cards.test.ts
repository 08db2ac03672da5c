import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CARD_ARTICLES, CARD_VALUES } from '../../../src/core/cards';
import { Card, CorpusIndex } from '../../../src/core/corpus';

const SEEDS = path.join(__dirname, '..', '..', '..', '..', 'seeds');

/** The seeds, and `n` reports made of their sentences (as the real-VS-Code bench makes them), dated over March. */
function folder(n: number): { index: CorpusIndex; seed: string; text: string } {
  const index = new CorpusIndex();
  const sentences: string[] = [];
  const files = fs.readdirSync(SEEDS).sort();
  for (const f of files) {
    const text = fs.readFileSync(path.join(SEEDS, f), 'utf8');
    index.upsert(f, text);
    for (const s of text.split(/(?<=[.!?])\s+/)) if (s.length > 40 && s.length < 400) sentences.push(s.trim());
  }
  for (let i = 0; i < n; i++) {
    const body = Array.from({ length: 10 }, (_, k) => sentences[(i * 7 + k * 13) % sentences.length]);
    index.upsert(`r${i}.txt`, `Report ${i}\n\nMarch ${1 + (i % 28)}, 2023\n\n${body.join(' ')}\n`);
  }
  const seed = files.find((f) => f.startsWith('004'))!;
  return { index, seed, text: fs.readFileSync(path.join(SEEDS, seed), 'utf8') };
}

type EventCard = Extract<Card, { kind: 'event' }>;

function eventCards(index: CorpusIndex, p: string): EventCard[] {
  const cards: EventCard[] = [];
  const seen = new Set<string>();
  for (const e of index.view(p)!.events) {
    if (seen.has(e.eventId)) continue;
    seen.add(e.eventId);
    const c = index.cardsAt(p, e.span.start).find((x): x is EventCard => x.kind === 'event');
    if (c) cards.push(c);
  }
  return cards;
}

const day = (iso: string | undefined) => (iso ? Date.parse(iso) / 86_400_000 : Infinity);

describe('hover cards of events in a large folder', () => {
  const { index, seed } = folder(150);
  const cards = eventCards(index, seed);
  const big = cards.filter((c) => new Set(c.event.mentions.map((m) => m.path)).size > CARD_ARTICLES + 1);

  it('name at most CARD_ARTICLES other articles and count every other mention and article', () => {
    assert.ok(big.length > 0, 'an event of the seed is reported by many reports');
    for (const c of cards) {
      const paths = new Set(c.event.mentions.map((m) => m.path));
      paths.delete(seed);
      const own = c.event.mentions.filter((m) => m.path === seed).length;
      const shown = c.related.others.map((o) => o.path);
      assert.ok(shown.length <= CARD_ARTICLES);
      assert.strictEqual(new Set(shown).size, shown.length);
      assert.ok(!shown.includes(seed));
      assert.strictEqual(c.related.more.articles, paths.size - shown.length, c.event.label);
      const shownMentions = c.event.mentions.filter((m) => shown.includes(m.path)).length;
      assert.strictEqual(c.related.more.mentions, c.event.mentions.length - own - shownMentions);
    }
  });

  it('name the nearest in date first, and articles worded differently before copies', () => {
    const mine = day(index.published(seed)?.value);
    for (const c of big) {
      const dist = c.related.others.map((o) => Math.abs(day(index.published(o.path)?.value) - mine));
      const wordings = c.related.others.map((o) => o.sentenceText.replace(/\s+/g, ' ').trim().toLowerCase());
      // The nearest article of all is named first; wordings repeat only after every distinct one scanned is named.
      const all = c.event.mentions
        .filter((m) => m.path !== seed)
        .map((m) => Math.abs(day(index.published(m.path)?.value) - mine));
      assert.strictEqual(dist[0], Math.min(...all), c.event.label);
      const firstRepeat = wordings.findIndex((w, i) => wordings.indexOf(w) < i);
      if (firstRepeat >= 0) assert.ok(wordings.slice(firstRepeat).every((w) => wordings.indexOf(w) < firstRepeat));
    }
  });

  it('name at most CARD_VALUES values of a disagreement and count the others', () => {
    for (const c of cards) {
      for (const d of c.disagreements) {
        assert.ok(d.values.length <= CARD_VALUES && d.values.length >= 2, JSON.stringify(d));
        for (let i = 1; i < d.values.length; i++) assert.ok(d.values[i - 1].articles >= d.values[i].articles);
        assert.ok(d.more >= 0);
      }
    }
  });

  it('give the same card again from what the first hover computed, and a fresh one after a link', () => {
    const again = eventCards(index, seed);
    assert.deepStrictEqual(
      again.map((c) => c.related),
      cards.map((c) => c.related),
    );
    index.remove('r0.txt');
    const after = eventCards(index, seed);
    assert.ok(after.every((c) => !c.related.others.some((o) => o.path === 'r0.txt')));
  });
});

describe('hover cards: where the articles disagree', () => {
  const LAYOUTS = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'layouts');
  const release = fs.readFileSync(path.join(LAYOUTS, '42-lead-release-org-dash-date.txt'), 'utf8');
  const digest = fs.readFileSync(path.join(LAYOUTS, '43-lead-digest-masthead-dot.txt'), 'utf8');
  const collisionCard = (index: CorpusIndex, p: string, text: string) => {
    const at = text.indexOf('collision');
    const card = index.cardsAt(p, at + 1).find((x): x is EventCard => x.kind === 'event');
    assert.ok(card, `no event card on "collision" in ${p}`);
    return card;
  };

  it('compare the day each article gives the event, not every day of its sentence', () => {
    const index = new CorpusIndex();
    index.upsert('release.txt', release);
    index.upsert('digest.txt', digest);
    // The digest's sentence also says when the director spoke ("yesterday"): that is no other day of the collision.
    const card = collisionCard(index, 'digest.txt', digest);
    assert.ok(
      card.related.others.some((o) => o.path === 'release.txt'),
      'the two articles share the event',
    );
    assert.deepStrictEqual(
      card.disagreements.filter((d) => d.detail === 'date'),
      [],
    );
  });

  it("take no other event's day from a sentence that recalls the event (the seeds' Tokyo summit)", () => {
    const index = new CorpusIndex();
    for (const f of fs.readdirSync(SEEDS).sort()) index.upsert(f, fs.readFileSync(path.join(SEEDS, f), 'utf8'));
    const tokyo = index.events().find((e) => /summit in Tokyo/.test(e.label));
    assert.ok(tokyo, 'the Tokyo summit is an event');
    // Articles of 7 May (the Seoul summit) recall the March summit in a sentence that also says "Sunday".
    const published = new Set(tokyo.mentions.map((m) => index.analysis(m.path)?.article.published?.value));
    assert.ok(published.has('2023-05-07'), [...published].join(' '));
    const m = tokyo.mentions[0];
    const card = index.cardsAt(m.path, m.start + 1).find((x): x is EventCard => x.kind === 'event');
    assert.ok(card);
    assert.deepStrictEqual(
      card.disagreements.filter((d) => d.detail === 'date'),
      [],
    );
  });
});
