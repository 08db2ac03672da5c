// Unit tests of the folder's learning: tags propagated, folder-wide rejections, the adaptive model (the issue's
// "Apple Watch" example, order independence, caution) and the decision records' life in the folder sidecar.
import * as assert from 'assert';
import { analyzeArticle } from '../../../src/core/analyze';
import {
  LearningArticle,
  Suggestion,
  buildModel,
  shownSuggestions,
  suggestArticle,
  decisionSentence,
  namePosition,
} from '../../../src/core/learning';
import { DecisionRecord, NewDecision, createDecision } from '../../../src/core/sidecar';

function article(path: string, text: string): LearningArticle {
  const a = analyzeArticle(text, path);
  return { path, text, entities: a.entities, sentences: a.article.sentences, exclude: a.article.boilerplate };
}

let clock = Date.parse('2026-12-01T10:00:00.000Z');
let counter = 0;
/** A decision about the n-th occurrence of `needle` in the article. */
function decide(
  a: LearningArticle,
  needle: string,
  spec: Omit<NewDecision, 'article' | 'start' | 'end'>,
  nth = 0,
): DecisionRecord {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = a.text.indexOf(needle, start + 1);
  assert.ok(start >= 0, `${needle} not in ${a.path}`);
  const end = start + needle.length;
  const sentence = decisionSentence(a, start, end);
  clock += 1000;
  counter++;
  const id = `d-${String(counter).padStart(10, 'a')}`;
  return createDecision(a.text, { ...spec, article: a.path, start, end, sentence }, new Date(clock), id);
}

const at = (list: Suggestion[], text: string, needle: string, nth = 0): Suggestion | undefined => {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(needle, start + 1);
  return list.find((s) => s.start === start && s.end === start + needle.length);
};

const APPLE = [
  article(
    'watch.txt',
    'Apple unveils its watch\n\nCUPERTINO, California — Apple said on Tuesday that the Apple Watch would go on ' +
      'sale in April. Tim Cook showed the Apple Watch to reporters.\n',
  ),
  article(
    'tv.txt',
    'New apps for television\n\nApple said on Monday that the Apple TV box will get new apps. Apple announced ' +
      'the change in San Francisco.\n',
  ),
  article(
    'pay.txt',
    'Payments in Britain\n\nApple said Apple Pay will launch in Britain next month. Analysts in London expect the ' +
      'Apple Pay service to spread.\n',
  ),
  article(
    'fourth.txt',
    'A new watch band\n\nApple said on Wednesday that a cheaper Apple Watch band would reach shops in Paris.\n',
  ),
];

describe('learning: the adaptive model (issue 10)', () => {
  it(
    'after "Apple"-as-organisation is rejected before product names in three articles, the fourth article no ' +
      'longer suggests "Apple Watch" as an organisation while "Apple said" still is',
    () => {
      const [watch, tv, pay, fourth] = APPLE;
      // Before any decision the rules suggest both.
      const before = suggestArticle(fourth, []);
      assert.strictEqual(at(before, fourth.text, 'Apple Watch')?.state, 'keep');
      assert.strictEqual(at(before, fourth.text, 'Apple Watch')?.tag, 'organization');
      const decisions = [
        decide(watch, 'Apple', { action: 'accept', tag: 'organization', scope: 'here' }, 1),
        decide(watch, 'Apple Watch', { action: 'reject', tag: 'organization', scope: 'here' }),
        decide(watch, 'Apple Watch', { action: 'reject', tag: 'organization', scope: 'here' }, 1),
        decide(tv, 'Apple', { action: 'accept', tag: 'organization', scope: 'here' }),
        decide(tv, 'Apple TV', { action: 'reject', tag: 'organization', scope: 'here' }),
        decide(pay, 'Apple', { action: 'accept', tag: 'organization', scope: 'here' }),
        decide(pay, 'Apple Pay', { action: 'reject', tag: 'organization', scope: 'here' }),
        decide(pay, 'Apple Pay', { action: 'reject', tag: 'organization', scope: 'here' }, 1),
      ];
      const after = suggestArticle(fourth, decisions);
      const product = at(after, fourth.text, 'Apple Watch');
      assert.strictEqual(product?.state, 'demoted', JSON.stringify(product));
      assert.match(product?.reason ?? '', /you rejected \d+ like this/);
      const company = at(after, fourth.text, 'Apple');
      assert.strictEqual(company?.state, 'keep', JSON.stringify(company));
      assert.strictEqual(company?.tag, 'organization');
      // The other names of the article are untouched.
      assert.strictEqual(at(after, fourth.text, 'Paris')?.state, 'keep');
      // The same decisions in another order give the same suggestions.
      assert.deepStrictEqual(suggestArticle(fourth, [...decisions].reverse()), after);
      const model = buildModel(decisions);
      assert.deepStrictEqual(suggestArticle(fourth, decisions, { model }), after);
    },
  );

  it('learns incrementally: learn then unlearn leaves the model as it was', () => {
    const [watch, , , fourth] = APPLE;
    const d = decide(watch, 'Apple Watch', { action: 'reject', tag: 'organization', scope: 'here' });
    const model = buildModel([]);
    const before = JSON.stringify(suggestArticle(fourth, [], { model }));
    model.learn(d);
    assert.strictEqual(model.size, 1);
    model.unlearn(d);
    assert.strictEqual(JSON.stringify(suggestArticle(fourth, [], { model })), before);
  });

  it('never demotes on one rejection alone', () => {
    const [watch, , , fourth] = APPLE;
    const one = [decide(watch, 'Apple Watch', { action: 'reject', tag: 'organization', scope: 'here' })];
    assert.ok(shownSuggestions(suggestArticle(fourth, one)).some((s) => s.text === 'Apple Watch'));
  });
});

describe('learning: proposals of spans the rules missed', () => {
  const ferries = [
    article(
      'a.txt',
      'Night crossing\n\nPassengers boarded the ferry Morning Star at dawn. The crossing took two hours.\n',
    ),
    article('b.txt', 'Harbour delays\n\nFog kept the ferry Sea Breeze in port on Monday, officials said.\n'),
    article('c.txt', 'New route\n\nThe company will use the ferry Blue Horizon for the new route.\n'),
    article('d.txt', 'Engine trouble\n\nMechanics inspected the ferry Northern Light after the engine failed.\n'),
  ];

  it('proposes a capitalised span beside a word seen with your tags three times, never on fewer', () => {
    const [a, b, c, d] = ferries;
    assert.strictEqual(suggestArticle(d, []).length, 0);
    const tags = [
      decide(a, 'Morning Star', { action: 'tag', tag: 'vessel', scope: 'here' }),
      decide(b, 'Sea Breeze', { action: 'tag', tag: 'vessel', scope: 'here', suggested: 'place' }),
    ];
    assert.strictEqual(suggestArticle(d, tags).length, 0);
    tags.push(decide(c, 'Blue Horizon', { action: 'tag', tag: 'vessel', scope: 'here' }));
    const list = suggestArticle(d, tags);
    const s = at(list, d.text, 'Northern Light');
    assert.strictEqual(s?.origin, 'model', JSON.stringify(list));
    assert.strictEqual(s?.tag, 'vessel');
    assert.strictEqual(s?.state, 'keep');
    assert.match(s?.reason ?? '', /like 3 of your vessel tags \(after “ferry”\)/);
    // Nothing else in the article is proposed (not "Mechanics" at the sentence start).
    assert.strictEqual(list.length, 1);
    // A rejection of the word's context stops the proposals.
    const reject = decide(c, 'Blue Horizon', { action: 'reject', tag: 'vessel', scope: 'here' });
    assert.strictEqual(suggestArticle(d, [...tags, reject]).length, 0);
  });
});

describe('learning: propagation of your tags', () => {
  const a = article('a.txt', 'Harbour news\n\nThe Eastport Gazette reported that Kelling Ferries won the contract.\n');
  const b = article(
    'b.txt',
    'More ferries\n\nKelling Ferries will start the night service. Officials at Kelling Ferries said so.\n',
  );

  it('a tag in one article becomes a suggestion "from your tags" at every occurrence in the others', () => {
    const tag = decide(a, 'Kelling Ferries', { action: 'tag', tag: 'organization', scope: 'here' });
    const list = suggestArticle(b, [tag]);
    for (const nth of [0, 1]) {
      const s = at(list, b.text, 'Kelling Ferries', nth);
      assert.strictEqual(s?.origin, 'your-tags');
      assert.strictEqual(s?.tag, 'organization');
      assert.strictEqual(s?.type, 'ORGANIZATION');
      assert.strictEqual(s?.reason, 'from your tags');
      assert.strictEqual(s?.decision, tag.id);
    }
    // The tagged mention itself is the user's annotation, not a suggestion.
    assert.strictEqual(at(suggestArticle(a, [tag]), a.text, 'Kelling Ferries')?.origin, undefined);
  });

  it('tagging with another type replaces it; a custom tag propagates too', () => {
    const first = decide(a, 'Kelling Ferries', { action: 'tag', tag: 'organization', scope: 'here' });
    const second = decide(a, 'Kelling Ferries', { action: 'tag', tag: 'ferry-operator', scope: 'here' });
    const list = suggestArticle(b, [second, first]);
    const s = at(list, b.text, 'Kelling Ferries');
    assert.strictEqual(s?.tag, 'ferry-operator');
    assert.strictEqual(s?.type, undefined);
    assert.strictEqual(list.filter((x) => x.text === 'Kelling Ferries').length, 2);
  });

  it('a folder-wide rejection removes that text-and-type everywhere, and a later tag brings it back', () => {
    const tag = decide(a, 'Kelling Ferries', { action: 'tag', tag: 'organization', scope: 'here' });
    const reject = decide(b, 'Kelling Ferries', { action: 'reject', tag: 'organization', scope: 'folder' });
    const shown = shownSuggestions(suggestArticle(b, [tag, reject]));
    assert.deepStrictEqual(
      shown.filter((s) => s.text === 'Kelling Ferries' && s.tag === 'organization'),
      [],
    );
    // The rules' own suggestion is removed the same way (here they took the second mention for a person).
    const person = decide(b, 'Kelling Ferries', { action: 'reject', tag: 'person', scope: 'folder' }, 1);
    const rules = suggestArticle(b, [person]).filter((s) => s.text === 'Kelling Ferries' && s.origin === 'rules');
    assert.ok(rules.length > 0 && rules.every((s) => s.state === 'hidden'), JSON.stringify(rules));
    assert.match(rules[0].reason ?? '', /you rejected “Kelling Ferries” as person in the folder/);
    const again = decide(a, 'Kelling Ferries', { action: 'tag', tag: 'organization', scope: 'here' });
    const back = suggestArticle(b, [tag, reject, again]).filter((s) => s.text === 'Kelling Ferries');
    assert.ok(
      back.every((s) => s.state === 'keep' && s.origin === 'your-tags'),
      JSON.stringify(back),
    );
  });

  it('does not propagate into a longer capitalised run (a product or a longer name)', () => {
    const src = article('s.txt', 'Fruit\n\nShoppers said Pomona sold well.\n');
    const tag = decide(src, 'Pomona', { action: 'tag', tag: 'organization', scope: 'here' });
    const other = article(
      'o.txt',
      'Gadgets\n\nThe Pomona TV and the Pomona iPad were shown. Buyers liked Pomona. ' +
        'Shops in Old Pomona stayed shut.\n',
    );
    const propagated = suggestArticle(other, [tag]).filter((s) => s.origin === 'your-tags');
    assert.deepStrictEqual(
      propagated.map((s) => s.start),
      [other.text.indexOf('Pomona.')],
    );
  });

  it('propagates after a dateline: "EASTPORT — The night ferry" starts a sentence, "The" is no name', () => {
    const src = article('s.txt', 'Boats\n\nThe board approved a night ferry trial.\n');
    const tag = decide(src, 'night ferry', { action: 'tag', tag: 'project', scope: 'here' });
    const other = article('o.txt', 'Trial\n\nEASTPORT — The night ferry will sail. Update: The night ferry sails.\n');
    const propagated = suggestArticle(other, [tag]).filter((s) => s.origin === 'your-tags');
    assert.deepStrictEqual(
      propagated.map((s) => s.start),
      [other.text.indexOf('night ferry'), other.text.lastIndexOf('night ferry')],
    );
  });

  it('notices a decision list changed in place between calls', () => {
    const list: DecisionRecord[] = [];
    assert.strictEqual(at(suggestArticle(b, list), b.text, 'Kelling Ferries')?.origin, undefined);
    list.push(decide(a, 'Kelling Ferries', { action: 'tag', tag: 'organization', scope: 'here' }));
    assert.strictEqual(at(suggestArticle(b, list), b.text, 'Kelling Ferries')?.origin, 'your-tags');
  });

  it('a rejection here hides that mention only', () => {
    const tag = decide(a, 'Kelling Ferries', { action: 'tag', tag: 'organization', scope: 'here' });
    const reject = decide(b, 'Kelling Ferries', { action: 'reject', tag: 'organization', scope: 'here' }, 1);
    const list = suggestArticle(b, [tag, reject]);
    assert.strictEqual(at(list, b.text, 'Kelling Ferries', 0)?.state, 'keep');
    assert.strictEqual(at(list, b.text, 'Kelling Ferries', 1)?.state, 'hidden');
  });
});

describe('learning: where a name stands (propagation and demotion follow the context of the decision)', () => {
  it('reads a name inside a longer one, before the noun it modifies, or alone', () => {
    assert.strictEqual(namePosition('said the ', ' Watch would'), 'inside');
    assert.strictEqual(namePosition('about ', '$ 16 million'), 'inside');
    assert.strictEqual(namePosition('expose ', '-Air Force contract'), 'inside');
    assert.strictEqual(namePosition('for ', ' shares fell'), 'modifier');
    assert.strictEqual(namePosition('an ', '-led consortium'), 'modifier');
    assert.strictEqual(namePosition('and ', ' parent EADS won'), 'alone');
    assert.strictEqual(namePosition('. ', ' already operates'), 'alone');
    assert.strictEqual(namePosition('in April. ', ' said'), 'alone');
    assert.strictEqual(namePosition('the ', "'s sales"), 'alone');
  });

  it('a tag inside a longer name or glued to a symbol is not propagated; one alone goes to names alone only', () => {
    const src = article('s.txt', 'Tankers\n\nThe Korv Air Force wants tankers. Analysts said Korv would pay.\n');
    const inside = decide(src, 'Korv', { action: 'tag', tag: 'place', scope: 'here' });
    const other = article(
      'o.txt',
      'Prices\n\nIt cost Korv$ 5 million. Korv said so. He visited the Korv website today.\n',
    );
    assert.deepStrictEqual(
      suggestArticle(other, [inside]).filter((s) => s.origin === 'your-tags'),
      [],
    );
    const alone = decide(src, 'Korv', { action: 'tag', tag: 'place', scope: 'here' }, 1);
    const propagated = suggestArticle(other, [alone]).filter((s) => s.origin === 'your-tags');
    assert.deepStrictEqual(
      propagated.map((s) => s.start),
      [other.text.indexOf('Korv said')],
    );
  });

  it('a tag on a modifier goes to modifiers only, flagged as the rules flag them', () => {
    const src = article('s.txt', 'Deals\n\nBuyers praised the Zentra engines at the show.\n');
    const tag = decide(src, 'Zentra', { action: 'tag', tag: 'organization', scope: 'here' });
    const other = article('o.txt', 'Engines\n\nZentra said it would hire. He read the Zentra website today.\n');
    const propagated = suggestArticle(other, [tag]).filter((s) => s.origin === 'your-tags');
    assert.deepStrictEqual(
      propagated.map((s) => [s.start, s.modifier]),
      [[other.text.indexOf('Zentra website'), true]],
    );
  });

  it('a tag over the rules’ other type replaces it elsewhere only when it repeats and was never accepted so', () => {
    const texts = [
      'Orders\n\nQatar has a new order for jets, officials said.\n',
      'More orders\n\nQatar has another order for jets, officials said.\n',
    ].map((t, i) => article(`q${i}.txt`, t));
    const other = article('o.txt', 'Travel\n\nTourists flew to Qatar last week.\n');
    const rulesType = at(suggestArticle(other, []), other.text, 'Qatar')?.tag;
    assert.strictEqual(rulesType, 'place');
    const retype = (a: LearningArticle) =>
      decide(a, 'Qatar', { action: 'tag', tag: 'organization', scope: 'here', suggested: 'place', source: 'rules' });
    const once = [retype(texts[0])];
    assert.strictEqual(at(suggestArticle(other, once), other.text, 'Qatar')?.tag, 'place');
    const twice = [...once, retype(texts[1])];
    assert.strictEqual(at(suggestArticle(other, twice), other.text, 'Qatar')?.tag, 'organization');
    const accepted = decide(other, 'Qatar', { action: 'accept', tag: 'place', scope: 'here' });
    const third = article('t.txt', 'Heat\n\nVisitors to Qatar stayed inside.\n');
    assert.strictEqual(at(suggestArticle(third, [...twice, accepted]), third.text, 'Qatar')?.tag, 'place');
  });

  it('rejections of a name before the nouns it modifies do not demote it standing alone', () => {
    const texts = [
      'Jobs\n\nThe Norvik plant hired. Norvik staff cheered.\n',
      'Pay\n\nThe Norvik plant closed. Norvik workers left.\n',
      'Sales\n\nNorvik shares rose. The Norvik plant reopened.\n',
    ].map((t, i) => article(`n${i}.txt`, t));
    const decisions = texts.flatMap((a) =>
      a.entities
        .filter((e) => e.text === 'Norvik')
        .map((e) =>
          decide(
            a,
            'Norvik',
            { action: 'reject', tag: e.type.toLowerCase(), scope: 'here' },
            a.text.slice(0, e.start).split('Norvik').length - 1,
          ),
        ),
    );
    assert.ok(decisions.length >= 3, JSON.stringify(texts.map((a) => a.entities)));
    const tag = decisions[0].tag;
    const fourth = article('n3.txt', 'News\n\nAnalysts expect Norvik to grow. The Norvik plant is busy.\n');
    const list = suggestArticle(fourth, decisions);
    const alone = list.find((s) => s.text === 'Norvik' && s.start === fourth.text.indexOf('Norvik to'));
    const modifier = list.find((s) => s.text === 'Norvik' && s.start === fourth.text.indexOf('Norvik plant'));
    assert.strictEqual(alone?.tag, tag);
    assert.strictEqual(alone?.state, 'keep', JSON.stringify(alone));
    assert.strictEqual(modifier?.state, 'demoted', JSON.stringify(modifier));
  });
});
