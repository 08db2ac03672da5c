// Event mentions and their clustering across articles: dates and places attach to the right trigger,
// conflicting dates or places keep similar events apart, and clustering stays fast on large folders.
import * as assert from 'assert';
import { analyzeArticle } from '../../../src/core/analyze';
import { parseArticle } from '../../../src/core/article';
import {
  CLUSTER_DEFAULTS,
  clusterEvents,
  EventMention,
  findEventMentions,
  placesCompatible,
} from '../../../src/core/events';
import { ArticleAnalysis, DateMention, EntityMention, EntityType } from '../../../src/core/model';
import { datesCompatible } from '../../../src/core/text/datecompat';

type EntitySpec = [text: string, type: EntityType, id: string];
type DateSpec = [text: string, value: string];

/** A small hand-made analysis: entity and date mentions are placed at every occurrence of their text. */
export function makeAnalysis(
  path: string,
  text: string,
  entities: EntitySpec[],
  dates: DateSpec[],
  published: string | null,
): ArticleAnalysis {
  const parsed = parseArticle(text, path);
  const article = {
    ...parsed,
    published: published ? { value: published, origin: 'text' as const, reason: 'test' } : null,
  };
  const all = (needle: string) => {
    const out: number[] = [];
    for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push(i);
    return out;
  };
  const ents: EntityMention[] = entities.flatMap(([t, type, id]) =>
    all(t).map((start) => ({ start, end: start + t.length, text: t, type, id, canonical: t })),
  );
  const ds: DateMention[] = dates.flatMap(([t, value]) =>
    all(t).map((start) => ({
      start,
      end: start + t.length,
      text: t,
      type: 'DATE' as const,
      value,
      explanation: 'test',
      relative: !/\d{4}/.test(t),
    })),
  );
  return { article, entities: ents, dates: ds };
}

const PEOPLE: EntitySpec[] = [
  ['Fumio Kishida', 'PERSON', 'person:fumio-kishida'],
  ['Kishida', 'PERSON', 'person:fumio-kishida'],
  ['Yoon Suk Yeol', 'PERSON', 'person:yoon-suk-yeol'],
  ['Yoon', 'PERSON', 'person:yoon-suk-yeol'],
  ['Tokyo', 'PLACE', 'place:tokyo'],
  ['Seoul', 'PLACE', 'place:seoul'],
  ['Japan', 'PLACE', 'place:japan'],
  ['South Korea', 'PLACE', 'place:south-korea'],
  ['North Korea', 'PLACE', 'place:north-korea'],
];

function mention(ms: EventMention[], trigger: string): EventMention {
  const m = ms.find((x) => x.triggerText === trigger);
  assert.ok(m, `no mention with trigger "${trigger}" in ${ms.map((x) => x.triggerText).join(', ')}`);
  return m!;
}

describe('events', () => {
  describe('findEventMentions', () => {
    it('attaches each date and place to its own trigger in a sentence reporting two events', () => {
      const text =
        'Japanese Prime Minister Fumio Kishida on Sunday met with President Yoon Suk Yeol in Seoul, ' +
        'reciprocating Yoon’s visit to Tokyo in March.\n';
      const a = makeAnalysis(
        'a.txt',
        text,
        PEOPLE,
        [
          ['Sunday', '2023-05-07'],
          ['March', '2023-03'],
        ],
        '2023-05-07',
      );
      const ms = findEventMentions(a);
      const met = mention(ms, 'met');
      const visit = mention(ms, 'visit');
      assert.strictEqual(met.date, '2023-05-07');
      assert.strictEqual(met.place, 'Seoul');
      assert.strictEqual(visit.date, '2023-03');
      assert.strictEqual(visit.place, 'Tokyo');
      assert.ok(met.participants.includes('person:fumio-kishida') && met.participants.includes('person:yoon-suk-yeol'));
      assert.ok(met.classes.includes('meet') && visit.classes.includes('meet'));
    });

    it('treats an event that only anchors the time of another as background', () => {
      const text = 'North Korea launched a missile on Thursday, hours before Yoon and Kishida met.\n';
      const a = makeAnalysis('a.txt', text, PEOPLE, [['Thursday', '2023-03-16']], '2023-03-16');
      const ms = findEventMentions(a);
      assert.strictEqual(mention(ms, 'launched').date, '2023-03-16');
      assert.ok(!ms.some((m) => m.triggerText === 'met'), 'the meeting is only a time anchor here');
    });

    it('lets a light verb yield to the event noun it carries', () => {
      const text = 'After the talks, the two leaders held a joint press conference in Tokyo.\n';
      const ms = findEventMentions(makeAnalysis('a.txt', text, PEOPLE, [], null));
      assert.ok(!ms.some((m) => m.triggerText === 'held'));
      assert.strictEqual(mention(ms, 'conference').place, 'Tokyo');
    });

    it('does not take months, names or verbs of saying for events', () => {
      const text = 'Kishida said in March that the Tokyo summit was important.\n';
      const ms = findEventMentions(makeAnalysis('a.txt', text, PEOPLE, [['March', '2023-03']], null));
      assert.deepStrictEqual(
        ms.map((m) => m.triggerText),
        ['summit'],
      );
    });

    it('reads phrasal verbs as one event word, also around a reflexive', () => {
      const text = 'The singer checked herself into a clinic. Her father passed away in May.\n';
      const ms = findEventMentions(makeAnalysis('a.txt', text, [], [], null));
      assert.deepStrictEqual(
        ms.map((m) => [m.triggerText, m.classes.join()]),
        [
          ['checked herself into', 'admit'],
          ['passed away', 'kill'],
        ],
      );
    });

    it('tells a fire that burns from a missile fired', () => {
      const burn = findEventMentions(makeAnalysis('a.txt', 'A huge fire destroyed the depot.\n', [], [], null));
      assert.deepStrictEqual(mention(burn, 'fire').classes, ['burn']);
      const shot = findEventMentions(makeAnalysis('b.txt', 'The army fired a missile.\n', [], [], null));
      assert.ok(!mention(shot, 'fired').classes.includes('burn'));
      assert.ok(mention(shot, 'fired').classes.includes('launch'));
    });
  });

  describe('compatibility', () => {
    it('vetoes different days and months, accepts a month holding the day and a matching weekday', () => {
      assert.strictEqual(datesCompatible('2023-03-16', '2023-05-07'), false);
      assert.strictEqual(datesCompatible('2023-03', '2023-05-07'), false);
      assert.strictEqual(datesCompatible('2023-03', '2023-03-16'), true);
      assert.strictEqual(datesCompatible('XXXX-WXX-4', '2023-03-16'), true); // a Thursday
      assert.strictEqual(datesCompatible('XXXX-WXX-7', '2023-03-16'), false);
      assert.strictEqual(datesCompatible('2023-W10', '2023-03-06'), true);
      assert.strictEqual(datesCompatible('2023-03-08/2023-05-07', '2023-03-16'), true);
      assert.strictEqual(datesCompatible(null, '2023-03-16'), true);
    });

    it('vetoes two cities, and a capital in another country', () => {
      assert.strictEqual(placesCompatible('Tokyo', 'Seoul'), false);
      assert.strictEqual(placesCompatible('Tokyo', 'Japan'), true);
      assert.strictEqual(placesCompatible('Seoul', 'Japan'), false);
      assert.strictEqual(placesCompatible(null, 'Seoul'), true);
    });

    it('places any city in its country and region, and keeps cities and regions of two countries apart', () => {
      assert.strictEqual(placesCompatible('Hamburg', 'Germany'), true);
      assert.strictEqual(placesCompatible('Hamburg', 'Japan'), false);
      assert.strictEqual(placesCompatible('Los Angeles', 'California'), true);
      assert.strictEqual(placesCompatible('California', 'Florida'), false);
      assert.strictEqual(placesCompatible('Toulouse', 'Texas'), false);
    });

    it('lets a place the gazetteer does not know lie anywhere, and folds British spellings', () => {
      assert.strictEqual(placesCompatible('Harbourside Recovery Center', 'California'), true);
      assert.strictEqual(placesCompatible('Harbourside Recovery Center', 'Harbourside Recovery Centre'), true);
      assert.strictEqual(placesCompatible('Harbourside', 'Harbourside Recovery Center'), true);
      assert.strictEqual(placesCompatible('Harbourside Recovery Center', 'Northgate Arena'), false);
    });
  });

  describe('clusterEvents', () => {
    const tokyoA = makeAnalysis(
      'a.txt',
      'Yoon Suk Yeol met Fumio Kishida at a summit in Tokyo on March 16, 2023.\n' +
        'The summit in Tokyo was the first in 12 years.\n',
      PEOPLE,
      [['March 16, 2023', '2023-03-16']],
      '2023-03-16',
    );
    const tokyoB = makeAnalysis(
      'b.txt',
      'Yoon met Kishida in Tokyo on Thursday for a summit on trade.\nNorth Korea fired a missile before the talks.\n',
      PEOPLE,
      [['Thursday', '2023-03-16']],
      '2023-03-16',
    );
    const seoulC = makeAnalysis(
      'c.txt',
      'Kishida met Yoon in Seoul on Sunday for a summit, reciprocating Yoon’s visit to Tokyo in March.\n',
      PEOPLE,
      [
        ['Sunday', '2023-05-07'],
        ['March', '2023-03'],
      ],
      '2023-05-07',
    );
    const seoulD = makeAnalysis(
      'd.txt',
      'Kishida and Yoon held their second summit in Seoul on Sunday.\n',
      PEOPLE,
      [['Sunday', '2023-05-07']],
      '2023-05-07',
    );
    const mentions = [tokyoA, tokyoB, seoulC, seoulD].flatMap((a) => findEventMentions(a));
    const clusters = clusterEvents(mentions);
    const clusterOf = (path: string, start: number) =>
      clusters.find((c) => c.mentions.some((m) => m.path === path && m.start === start));

    it('links the same summit across articles and keeps the two summits apart', () => {
      const a = mention(
        mentions.filter((m) => m.path === 'a.txt'),
        'met',
      );
      const b = mention(
        mentions.filter((m) => m.path === 'b.txt'),
        'met',
      );
      const c = mention(
        mentions.filter((m) => m.path === 'c.txt'),
        'met',
      );
      const d = mention(
        mentions.filter((m) => m.path === 'd.txt'),
        'summit',
      );
      const tokyo = clusterOf('a.txt', a.trigger.start);
      const seoul = clusterOf('c.txt', c.trigger.start);
      assert.ok(tokyo && seoul);
      assert.strictEqual(clusterOf('b.txt', b.trigger.start), tokyo);
      assert.strictEqual(clusterOf('d.txt', d.trigger.start), seoul);
      assert.notStrictEqual(tokyo, seoul);
      for (const cl of clusters) {
        const dates = new Set(
          cl.mentions
            .map((m) => mentions.find((x) => x.path === m.path && x.trigger.start === m.start)!.date)
            .filter(Boolean),
        );
        assert.ok(!(dates.has('2023-03-16') && dates.has('2023-05-07')), `${cl.id} joins two days`);
      }
    });

    it('puts the March visit written in May with the Tokyo summit', () => {
      const visit = mention(
        mentions.filter((m) => m.path === 'c.txt'),
        'visit',
      );
      const cl = clusterOf('c.txt', visit.trigger.start);
      assert.ok(cl, 'the visit is linked');
      assert.strictEqual(cl!.date, '2023-03-16');
      assert.strictEqual(cl!.place, 'Tokyo');
    });

    it('gives content-derived ids and readable labels', () => {
      const tokyo = clusters.find((c) => c.place === 'Tokyo' && c.date === '2023-03-16')!;
      assert.strictEqual(tokyo.id, 'evt-2023-03-16-tokyo-summit');
      assert.match(tokyo.label, /summit in Tokyo$/);
      assert.ok(tokyo.participants.includes('person:yoon-suk-yeol'));
      assert.strictEqual(new Set(clusters.map((c) => c.id)).size, clusters.length);
      // Same input, same ids.
      assert.deepStrictEqual(
        clusterEvents(mentions).map((c) => c.id),
        clusters.map((c) => c.id),
      );
    });

    it('drops events that only one article mentions unless asked', () => {
      assert.ok(clusters.every((c) => new Set(c.mentions.map((m) => m.path)).size >= 2));
      const all = clusterEvents(mentions, { keepSingletons: true });
      assert.ok(all.length > clusters.length);
    });

    it('scales: 10,000 articles cluster in seconds, without comparing all pairs @slow', () => {
      const synthetic: EventMention[] = [];
      const words = ['summit', 'meeting', 'visit', 'launch', 'election', 'attack', 'protest', 'trial'];
      for (let i = 0; i < 10000; i++) {
        const context: Record<string, number> = { [`story:${i % 500}`]: 3, [`w:${words[i % 8]}`]: 2 };
        for (let k = 0; k < 3; k++) {
          const w = words[(i + k) % words.length];
          synthetic.push({
            path: `doc${i}.txt`,
            sentence: { start: k * 100, end: k * 100 + 90 },
            trigger: { start: k * 100 + 5, end: k * 100 + 5 + w.length },
            triggerText: w,
            lemma: w,
            date: `2023-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
            place: `City${i % 50}`,
            participants: [`person:p${i % 300}`],
            classes: [w],
            general: true,
            nominal: true,
            words: [w, `topic${i % 500}`, 'report'],
            context,
          });
        }
      }
      const started = Date.now();
      const result = clusterEvents(synthetic);
      const ms = Date.now() - started;
      assert.ok(ms < 20000, `took ${ms} ms`);
      for (const c of result.slice(0, 200)) {
        const days = new Set(
          c.mentions.map((m) => synthetic.find((x) => x.path === m.path && x.trigger.start === m.start)!.date),
        );
        assert.strictEqual(days.size, 1, 'every event keeps one day');
      }
    });
  });

  describe('second-stage merge of events sharing sentences', () => {
    const plans = [
      makeAnalysis(
        'a.txt',
        'South Korea announced on Monday a plan to compensate former laborers through a local foundation.\n',
        PEOPLE,
        [['on Monday', '2023-03-06']],
        '2023-03-09',
      ),
      makeAnalysis(
        'b.txt',
        'Seoul announced on Monday a plan to compensate former laborers without Japanese firms.\n',
        PEOPLE,
        [['on Monday', '2023-03-06']],
        '2023-03-09',
      ),
    ];
    const planMentions = plans.flatMap((a) => findEventMentions(a));

    it('makes one event of the words that report one happening in the same sentences of two articles', () => {
      // Without the merge, "announced", "plan" and "compensate" each link across the articles on their own.
      const apart = clusterEvents(planMentions, { mergeSharedSentences: false });
      assert.ok(
        apart.length >= 2,
        `expected several events before merging, got ${apart.map((c) => c.label).join(', ')}`,
      );
      const merged = clusterEvents(planMentions);
      assert.strictEqual(merged.length, 1, merged.map((c) => c.label).join(', '));
      const words = new Set(
        merged[0].mentions.map((m) => plans.find((a) => a.article.path === m.path)!.article.text.slice(m.start, m.end)),
      );
      for (const w of ['announced', 'plan', 'compensate']) assert.ok(words.has(w), `${w} is in the merged event`);
      assert.strictEqual(merged[0].date, '2023-03-06');
      assert.match(merged[0].label, /plan/);
    });

    it('keeps apart events that share a sentence in one article only', () => {
      const a = makeAnalysis(
        'a.txt',
        'On Thursday North Korea launched a missile and the leaders met at a summit in Tokyo.\n',
        PEOPLE,
        [['On Thursday', '2023-03-16']],
        '2023-03-16',
      );
      const b = makeAnalysis(
        'b.txt',
        'North Korea launched a missile on Thursday.\nThe leaders met at a summit in Tokyo on Thursday.\n',
        PEOPLE,
        [['on Thursday', '2023-03-16']],
        '2023-03-16',
      );
      const ms = [...findEventMentions(a), ...findEventMentions(b)];
      const clusters = clusterEvents(ms);
      const launch = clusters.find((c) =>
        c.mentions.some((m) => m.path === 'b.txt' && m.start === b.article.text.indexOf('launched')),
      );
      const summit = clusters.find((c) =>
        c.mentions.some((m) => m.path === 'b.txt' && m.start === b.article.text.indexOf('summit')),
      );
      assert.ok(launch && summit, clusters.map((c) => c.label).join(', '));
      assert.notStrictEqual(launch, summit);
    });

    it('never merges two different days even when sentences are shared', () => {
      const text = (d: string) => `Officials announced ${d} a plan to compensate former laborers.\n`;
      const x = [
        makeAnalysis('a.txt', text('on Monday'), PEOPLE, [['on Monday', '2023-03-06']], '2023-03-09'),
        makeAnalysis('b.txt', text('on Monday'), PEOPLE, [['on Monday', '2023-03-06']], '2023-03-09'),
        makeAnalysis('c.txt', text('on Friday'), PEOPLE, [['on Friday', '2023-03-10']], '2023-03-11'),
      ];
      const ms = x.flatMap((a) => findEventMentions(a));
      const dayOf = (path: string, start: number) => ms.find((m) => m.path === path && m.trigger.start === start)!.date;
      for (const c of clusterEvents(ms, { keepSingletons: true })) {
        const days = new Set(c.mentions.map((m) => dayOf(m.path, m.start)).filter(Boolean));
        assert.ok(days.size <= 1, `${c.label} joins ${[...days].join(' and ')}`);
      }
    });
  });

  it('does not show two articles sharing only a word outside the event classes as one event', () => {
    const published = { value: '2023-05-07', origin: 'user' as const, reason: 'test' };
    const a = analyzeArticle(
      'Ties\n\nSeoul and Tokyo vowed to restore the shuttle diplomacy between the two neighbours.\n',
      'a.txt',
      { published },
    );
    const b = analyzeArticle(
      'Talks\n\nSeoul and Tokyo pledged to restore the shuttle diplomacy between the two neighbours.\n',
      'b.txt',
      { published },
    );
    const mentions = [...findEventMentions(a), ...findEventMentions(b)];
    assert.ok(mentions.some((m) => m.triggerText === 'restore' && m.general));
    assert.deepStrictEqual(clusterEvents(mentions), []);
    // The group exists; it is only not reported unless asked for.
    assert.strictEqual(clusterEvents(mentions, { keepGeneralOnly: true }).length, 1);
  });

  it('keeps apart the same kind of happening told by articles of different years', () => {
    const story = 'Warehouse fire\n\nA fire destroyed a furniture warehouse in Leeds, the fire brigade said.\n';
    const at = (day: string, path: string) =>
      analyzeArticle(story, path, { published: { value: day, origin: 'user' as const, reason: 'test' } });
    const mentionsOf = (a: string, b: string) => [
      ...findEventMentions(at(a, 'a.txt')),
      ...findEventMentions(at(b, 'b.txt')),
    ];
    assert.deepStrictEqual(clusterEvents(mentionsOf('2008-12-10', '2013-05-03')), []);
    assert.ok(clusterEvents(mentionsOf('2008-12-10', '2013-05-03'), { storyClash: 0 }).length > 0);
    const same = clusterEvents(mentionsOf('2013-05-03', '2013-05-03'));
    assert.ok(
      same.some((c) => c.label.startsWith('Fire')),
      same.map((c) => c.label).join(),
    );
  });

  it('keeps one frozen set of cluster defaults; a call overrides them for itself only', () => {
    assert.ok(Object.isFrozen(CLUSTER_DEFAULTS));
    const published = { value: '2023-05-07', origin: 'user' as const, reason: 'test' };
    const a = analyzeArticle(
      'Ties\n\nSeoul and Tokyo vowed to restore the shuttle diplomacy between the two neighbours.\n',
      'a.txt',
      { published },
    );
    const b = analyzeArticle(
      'Talks\n\nSeoul and Tokyo pledged to restore the shuttle diplomacy between the two neighbours.\n',
      'b.txt',
      { published },
    );
    const mentions = [...findEventMentions(a), ...findEventMentions(b)];
    // An option left undefined keeps its default, as `??` did.
    assert.deepStrictEqual(
      clusterEvents(mentions, { keepGeneralOnly: undefined, threshold: undefined }),
      clusterEvents(mentions),
    );
    assert.strictEqual(clusterEvents(mentions, { keepGeneralOnly: true, threshold: 1e9 }).length, 0);
    assert.strictEqual(CLUSTER_DEFAULTS.keepGeneralOnly, false);
  });
});

describe('blocking of large event blocks', () => {
  // The seeds linked as a folder: every block compared all pairs (maxBlock huge) against every block taken
  // as large (maxBlock 2: same article, same day and similar articles only). A cross-article link needs a
  // shared day or alike articles, so the two must find the same events.
  const seedMentions = (): EventMention[] => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { CorpusIndex } = require('../../../src/core/corpus') as typeof import('../../../src/core/corpus');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fs = require('fs') as typeof import('fs');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const path = require('path') as typeof import('path');
    const dir = path.join(__dirname, '..', '..', '..', '..', 'seeds');
    const index = new CorpusIndex();
    for (const f of fs.readdirSync(dir).sort()) index.upsert(f, fs.readFileSync(path.join(dir, f), 'utf8'));
    return index.paths().flatMap((p) => findEventMentions(index.analysis(p)!));
  };

  it('finds the same events as comparing all pairs', () => {
    const ms = seedMentions();
    const ids = (o: { maxBlock: number }) => clusterEvents(ms, o).map((e) => [e.id, e.mentions.length].join(' '));
    const blocked = clusterEvents(ms, { maxBlock: 2 });
    assert.deepStrictEqual(
      blocked.map((e) => [e.id, e.mentions.length].join(' ')),
      ids({ maxBlock: 1e9 }),
    );
    assert.ok(blocked.length >= 8);
  });
});
