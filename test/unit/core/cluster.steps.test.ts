// Event clustering in slices: the work between two yields of clusterEventsSteps is bounded whatever the folder's
// size (counted in work units, not timed), the slicing never changes the events, and the id-based date and place
// vetoes of the pair loop answer exactly as datecompat and places do.
import * as assert from 'assert';
import { generateArticles, realArticles } from '../../../scripts/bench/generate';
import { analyzeArticle } from '../../../src/core/analyze';
import { clusterEvents, clusterEventsSteps, EventMention, findEventMentions } from '../../../src/core/events';
import { DateFits, PlaceFits } from '../../../src/core/events/datefit';
import { placesCompatible } from '../../../src/core/events/places';
import { countingOrder, SLICE_UNITS } from '../../../src/core/events/work';
import { Pacer } from '../../../src/core/steps';
import { EventCluster } from '../../../src/core/model';
import { datesCompatible } from '../../../src/core/text/datecompat';

/** Runs the steps to the end; the longest single step in ms and the number of steps. */
function runSteps(mentions: EventMention[], sliceUnits?: number) {
  let maxSliceUnits = -1;
  const steps = clusterEventsSteps(mentions, { sliceUnits, onSlices: (s) => (maxSliceUnits = s.maxSliceUnits) });
  let longest = 0;
  let count = 0;
  for (;;) {
    const t0 = performance.now();
    const r = steps.next();
    longest = Math.max(longest, performance.now() - t0);
    count++;
    if (r.done) return { events: r.value as EventCluster[], longest, count, maxSliceUnits };
  }
}

// @slow: 2,000 generated articles are analysed first (about 20 s on an idle machine).
describe('clusterEventsSteps on a 2,000-article generated folder @slow', function () {
  this.timeout(600_000);
  let mentions: EventMention[];

  before(() => {
    mentions = generateArticles(realArticles(), 2000).flatMap((d) => findEventMentions(analyzeArticle(d.text, d.name)));
  });

  it('yields after a bounded amount of work, and slicing finer gives the same events', () => {
    const run = runSteps(mentions);
    // One unit is a pair scored or a mention read; a slice ends at the first unit past SLICE_UNITS, and the
    // largest single unit (labelling one big group, one article's similar articles) is a few thousand.
    assert.ok(run.maxSliceUnits > 0 && run.maxSliceUnits <= 4 * SLICE_UNITS, `max slice ${run.maxSliceUnits} units`);
    assert.ok(run.count > mentions.length / 1000, `${run.count} steps for ${mentions.length} mentions`);
    assert.ok(run.events.length > 50, `${run.events.length} events`);
    console.log(
      `      ${mentions.length} mentions: ${run.count} steps, longest ${run.longest.toFixed(1)} ms, ` +
        `at most ${run.maxSliceUnits} units between yields`,
    );
    const fine = runSteps(mentions, 1000);
    assert.ok(fine.maxSliceUnits <= 4 * SLICE_UNITS);
    assert.deepStrictEqual(fine.events, run.events);
    assert.deepStrictEqual(clusterEvents(mentions), run.events);
  });
});

describe('id-based vetoes of the pair loop', () => {
  it('DateFits answers as datesCompatible for every pair of a varied set of TIMEX values', () => {
    const values = [
      '2023-03-16',
      '2023-03',
      '2023',
      '2023-W11',
      '2023-W11-4',
      'XXXX-WXX-4',
      'XXXX-WXX-1',
      'XXXX-03-16',
      'XXXX-03',
      '2023-Q1',
      '2023-SU',
      '2023-03-08/2023-05-07',
      '2022-12-31',
      '2023-02-30',
      '201X',
      '2023-03-16T10:00',
    ];
    const fits = new DateFits(values);
    for (let a = 0; a < values.length; a++) {
      for (let b = 0; b < values.length; b++) {
        assert.strictEqual(fits.fits(a, b), datesCompatible(values[a], values[b]), `${values[a]} ~ ${values[b]}`);
      }
    }
  });

  it('PlaceFits answers as placesCompatible', () => {
    const names = [
      'Tokyo',
      'Japan',
      'Seoul',
      'South Korea',
      'Osaka',
      'Burnsville',
      'Minneapolis',
      'Madison Square Garden',
    ];
    const fits = new PlaceFits(names);
    for (let p = 0; p < names.length; p++) {
      for (let q = 0; q < names.length; q++) {
        assert.strictEqual(fits.fits(p, q), placesCompatible(names[p], names[q]), `${names[p]} ~ ${names[q]}`);
      }
    }
  });
});

describe('countingOrder (a counting sort in slices)', () => {
  it('groups indices by key, stable, whatever the slice size', () => {
    const keys = Int32Array.from([2, 0, 2, 1, 0, 2, 4]);
    for (const perStep of [1, 3, 1000]) {
      const steps = countingOrder(keys, 5, new Pacer(perStep));
      let r = steps.next();
      while (!r.done) r = steps.next();
      assert.deepStrictEqual([...r.value.start], [0, 2, 3, 6, 6, 7]);
      assert.deepStrictEqual([...r.value.order], [1, 4, 3, 0, 2, 5, 6]);
    }
  });
});
