// Quotations with their speakers, and the same words matched across articles (exact or lightly reworded).
import * as assert from 'assert';
import { clusterQuotes, findQuotes, QuoteMention } from '../../../src/core/quotes';
import { parseArticle } from '../../../src/core/article';
import { ArticleAnalysis, EntityMention } from '../../../src/core/model';

/** A hand-made analysis: people are placed at every occurrence of their name. */
function makeAnalysis(
  path: string,
  text: string,
  people: [string, 'PERSON', string][],
  _dates: never[],
  published: string | null,
): ArticleAnalysis {
  const article = {
    ...parseArticle(text, path),
    published: published ? { value: published, origin: 'text' as const, reason: 'test' } : null,
  };
  const entities: EntityMention[] = [];
  for (const [name, type, id] of people) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
      // A shorter spelling inside a longer one ("Kishida" in "Fumio Kishida") is not a second mention.
      if (entities.some((e) => i >= e.start && i < e.end)) continue;
      entities.push({ start: i, end: i + name.length, text: name, type, id, canonical: name });
    }
  }
  entities.sort((x, y) => x.start - y.start);
  return { article, entities, dates: [] };
}

const PEOPLE: [string, 'PERSON', string][] = [
  ['Fumio Kishida', 'PERSON', 'person:fumio-kishida'],
  ['Kishida', 'PERSON', 'person:fumio-kishida'],
  ['Yoon Suk Yeol', 'PERSON', 'person:yoon-suk-yeol'],
  ['Yoon', 'PERSON', 'person:yoon-suk-yeol'],
];

function quoteWith(qs: QuoteMention[], words: string): QuoteMention {
  const q = qs.find((x) => x.text.includes(words));
  assert.ok(q, `no quote with "${words}" in ${JSON.stringify(qs.map((x) => x.text))}`);
  return q!;
}

describe('quotes', () => {
  describe('findQuotes', () => {
    it('finds curly and straight quotes with a speaker after or before them', () => {
      const text = [
        '“Strengthening ties in the current strategic environment is urgent,” Kishida told reporters.',
        '',
        'Yoon said, "Korea and Japan must closely cooperate in solidarity."',
        '',
        'He added: “I hope this visit will nurture trust and friendship.”',
        '',
      ].join('\n');
      const qs = findQuotes(makeAnalysis('a.txt', text, PEOPLE, [], '2023-03-16'));
      assert.strictEqual(quoteWith(qs, 'Strengthening ties').speakerId, 'person:fumio-kishida');
      assert.strictEqual(
        quoteWith(qs, 'Strengthening ties').text,
        'Strengthening ties in the current strategic environment is urgent',
      );
      assert.strictEqual(quoteWith(qs, 'closely cooperate').speaker, 'Yoon');
      assert.strictEqual(
        quoteWith(qs, 'nurture trust').speakerId,
        'person:yoon-suk-yeol',
        'a pronoun means the last person named',
      );
    });

    it('keeps a quotation running over paragraphs whole and skips scare quotes', () => {
      const text = [
        'Kishida wanted a “new chapter” in relations.',
        '',
        '“This week Tokyo saw its cherry blossom trees blooming a little earlier than usual.',
        '',
        '“I am very happy to have this opportunity to start a new chapter,” Kishida said.',
        '',
      ].join('\n');
      const qs = findQuotes(makeAnalysis('a.txt', text, PEOPLE, [], null));
      assert.ok(!qs.some((q) => q.text === 'new chapter'), 'two words are a scare quote');
      const q = quoteWith(qs, 'cherry blossom');
      assert.ok(q.text.includes('very happy'), 'one quotation across two paragraphs');
      assert.strictEqual(q.speakerId, 'person:fumio-kishida');
    });
  });

  describe('clusterQuotes', () => {
    const a = makeAnalysis(
      'a.txt',
      '“It took 12 years to restore ‘the shuttle diplomacy’ but our exchange of visits took less than two months,” ' +
        'Yoon said.\n\nKishida wanted a fresh start. He said there was an “urgent need to strengthen Japan-Korea ' +
        'relations in this strategic environment.”\n',
      PEOPLE,
      [],
      '2023-05-07',
    );
    const b = makeAnalysis(
      'b.txt',
      '“It took 12 years to restore shuttle diplomacy, but it took less than two months for the two of us ' +
        'to conduct our mutual exchange,” Yoon said.\n\n“Strengthening Japan-South Korea ties in the current ' +
        'strategic environment is urgent,” Kishida told reporters.\n',
      PEOPLE,
      [],
      '2023-05-07',
    );
    const c = makeAnalysis(
      'c.txt',
      '“Our two countries will strengthen ties and restore trust in this environment,” Kishida said.\n',
      PEOPLE,
      [],
      '2023-05-07',
    );
    const quotes = [a, b, c].flatMap((x) => findQuotes(x));
    const clusters = clusterQuotes(quotes);

    it('matches lightly reworded quotations by the same speaker across articles', () => {
      const shuttle = clusters.find((cl) => /shuttle/.test(cl.text));
      assert.ok(shuttle, 'shuttle diplomacy quote grouped');
      assert.deepStrictEqual([...new Set(shuttle!.mentions.map((m) => m.path))].sort(), ['a.txt', 'b.txt']);
      assert.strictEqual(shuttle!.speakerId, 'person:yoon-suk-yeol');
    });

    it('matches a partial quotation with its paraphrase when the content words agree', () => {
      const urgent = clusters.find((cl) =>
        cl.mentions.some((m) =>
          quotes.find((q) => q.path === m.path && q.span.start === m.start)?.text.includes('urgent'),
        ),
      );
      assert.ok(urgent);
      assert.deepStrictEqual([...new Set(urgent!.mentions.map((m) => m.path))].sort(), ['a.txt', 'b.txt']);
    });

    it('does not group loosely related words, nor a quote with itself in one article', () => {
      assert.ok(!clusters.some((cl) => cl.mentions.some((m) => m.path === 'c.txt')));
      assert.ok(clusters.every((cl) => new Set(cl.mentions.map((m) => m.path)).size >= 2));
    });

    it('never groups two different named speakers', () => {
      const other = makeAnalysis(
        'd.txt',
        '“It took 12 years to restore shuttle diplomacy, but it took less than two months,” Kishida said.\n',
        PEOPLE,
        [],
        '2023-05-07',
      );
      const withOther = clusterQuotes([...quotes, ...findQuotes(other)]);
      for (const cl of withOther) {
        const speakers = new Set(
          cl.mentions
            .map(
              (m) =>
                [...quotes, ...findQuotes(other)].find((q) => q.path === m.path && q.span.start === m.start)!.speakerId,
            )
            .filter(Boolean),
        );
        assert.ok(speakers.size <= 1, `${cl.id} mixes ${[...speakers].join(', ')}`);
      }
    });
  });
});
