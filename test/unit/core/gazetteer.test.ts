// Unit tests for the gazetteers built from data: longest match, countries and cities the hand lists missed,
// place names that need context, first names, and small towns that do not speak or veto event links.

import * as assert from 'assert';
import { findEntities } from '../../../src/core/entities';
import { placesCompatible } from '../../../src/core/events';
import { CONTEXT_PLACES, COUNTRIES, isFirstName, isMinorPlace, MIN_CITY_POPULATION, NAMES } from '../../../src/core/gazetteer';
import { EntityMention } from '../../../src/core/model';

function places(text: string): EntityMention[] {
  return findEntities(text).filter((m) => m.type === 'PLACE');
}
function placeTexts(text: string): string[] {
  return places(text).map((m) => m.text);
}

describe('gazetteer', () => {
  describe('longest match', () => {
    it('finds South Sudan and Sudan in one sentence, never Sudan inside South Sudan', () => {
      const text = 'Sudan bombed South Sudan on Monday, and South Sudan said Sudan would pay.';
      const ms = places(text);
      assert.deepStrictEqual(
        ms.map((m) => [m.text, m.id]),
        [
          ['Sudan', 'place:sudan'],
          ['South Sudan', 'place:south-sudan'],
          ['South Sudan', 'place:south-sudan'],
          ['Sudan', 'place:sudan'],
        ],
      );
      assert.strictEqual(text.slice(ms[1].start, ms[1].end), 'South Sudan');
    });

    for (const name of ['East Timor', 'Sierra Leone', 'Papua New Guinea', 'Burkina Faso', 'Dar es Salaam', 'Ivory Coast']) {
      it(`finds ${name} whole`, () => {
        assert.deepStrictEqual(placeTexts(`Officials in ${name} said the talks would resume.`), [name]);
        assert.deepStrictEqual(placeTexts(`${name} said the talks would resume.`), [name]);
      });
    }

    it("finds Côte d'Ivoire with straight and curly apostrophes, as the same place as Ivory Coast", () => {
      const ms = places("Côte d’Ivoire and Côte d'Ivoire, also Cote d'Ivoire or Ivory Coast, voted.");
      assert.deepStrictEqual(
        ms.map((m) => m.text),
        ['Côte d’Ivoire', "Côte d'Ivoire", "Cote d'Ivoire", 'Ivory Coast'],
      );
      assert.strictEqual(new Set(ms.map((m) => m.id)).size, 1);
    });

    it('keeps East Timor one country under its official name', () => {
      const [a, b] = places('East Timor, officially Timor-Leste, held elections.');
      assert.strictEqual(a.id, b.id);
    });
  });

  describe('place names that are also common words', () => {
    it('derives them from data: common English words and first names need context', () => {
      for (const k of ['reading', 'nice', 'mobile', 'of', 'bath', 'split', 'police']) {
        assert.ok(CONTEXT_PLACES.has(k), k);
        assert.ok(!NAMES.has(k), k);
      }
      // Large cities and countries are never in doubt.
      for (const k of ['paris', 'sydney', 'turkey', 'china', 'juba']) assert.ok(NAMES.get(k)?.type === 'PLACE', k);
    });

    it('are no places without context', () => {
      assert.deepStrictEqual(placeTexts('Reading the report, he smiled.'), []);
      assert.deepStrictEqual(placeTexts('Nice work, she said.'), []);
      assert.deepStrictEqual(placeTexts('Mobile phones were banned.'), []);
      assert.deepStrictEqual(placeTexts('Police said the road was closed.'), []);
      assert.deepStrictEqual(placeTexts('Split the bill, they said.'), []);
      assert.deepStrictEqual(placeTexts('Bath time is over.'), []);
      assert.deepStrictEqual(placeTexts('BEST OF THE WEEK'), []);
    });

    it('are places after in/at/from/near, or before ", country"', () => {
      assert.deepStrictEqual(placeTexts('He grew up in Reading and studied at Bath.'), ['Reading', 'Bath']);
      assert.deepStrictEqual(placeTexts('The ferry from Split reached the port near Nice.'), ['Split', 'Nice']);
      assert.deepStrictEqual(placeTexts('Reading, England, voted.'), ['Reading', 'England']);
      assert.deepStrictEqual(placeTexts('The port of Mobile, Alabama, reopened.'), ['Mobile', 'Alabama']);
    });
  });

  describe('towns and people', () => {
    it('reads a town name as the person an article named in full', () => {
      const ms = findEntities('Bill Clinton arrived. Clinton said he was pleased.');
      assert.deepStrictEqual(
        ms.map((m) => [m.text, m.type, m.id]),
        [
          ['Bill Clinton', 'PERSON', 'person:bill-clinton'],
          ['Clinton', 'PERSON', 'person:bill-clinton'],
        ],
      );
    });

    it('does not let a town speak: "Obama said" names a person', () => {
      const [m] = findEntities('Obama said the deal was done.');
      assert.strictEqual(m.type, 'PERSON');
    });

    it('keeps capitals as actors for their country', () => {
      const [m] = findEntities('Juba warned on Tuesday.');
      assert.strictEqual(m.id, 'place:south-sudan');
    });

    it('does not veto an event link on a small town, but still on two large cities', () => {
      assert.ok(isMinorPlace('Burnsville'));
      assert.ok(!isMinorPlace('Minneapolis') || placesCompatible('Burnsville', 'Minneapolis'));
      assert.ok(placesCompatible('Burnsville', 'Minneapolis'));
      assert.ok(!placesCompatible('Tokyo', 'Seoul'));
      assert.ok(!placesCompatible('Toulouse', 'Hamburg'));
    });
  });

  describe('data', () => {
    it('holds every ISO country with its capital and demonym', () => {
      assert.ok(COUNTRIES.length >= 249, String(COUNTRIES.length));
      const ss = COUNTRIES.find((c) => c.name === 'South Sudan');
      assert.strictEqual(ss?.capital, 'Juba');
      assert.strictEqual(NAMES.get('burkinabe')?.countryOf, 'Burkina Faso');
      assert.strictEqual(NAMES.get('sierra leonean')?.type, 'NATIONALITY');
      assert.ok(MIN_CITY_POPULATION > 0);
    });

    it('answers isFirstName in any case, from the data and the hand list', () => {
      for (const n of ['Maria', 'maria', 'JOHN', 'Kwame', 'Yuko']) assert.ok(isFirstName(n), n);
      for (const n of ['Table', 'Sudan', 'Washington']) assert.ok(!isFirstName(n), n);
    });
  });
});
