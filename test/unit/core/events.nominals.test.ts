// Unit tests for one happening named by a verb in one article and by its noun or a near-synonym in another
// ("derailed"/"derailment", "collided"/"collision", "overturned"/"crash"): one event word to the linker (WordNet's
// nouns of happenings, src/core/events/nominals.ts; the crash class), a cause told after its main clause kept as a
// mention, and unrelated happenings kept apart.
import * as assert from 'assert';
import { analyzeArticle } from '../../../src/core/analyze';
import { clusterEvents, EventMention, findEventMentions } from '../../../src/core/events';
import { findTriggers } from '../../../src/core/events/triggers';
import { eventLemma, isHappeningNoun } from '../../../src/core/events/words';
import { stem } from '../../../src/core/text/stem';

function triggers(sentence: string): Map<string, { lemma: string; classes: string[]; general: boolean }> {
  return new Map(findTriggers(sentence, { start: 0, end: sentence.length }, []).map((t) => [t.text, t]));
}

function mentions(file: string, text: string): EventMention[] {
  return findEventMentions(analyzeArticle(text, file));
}

/** The events, each as its mentions' "file:trigger text". */
function linked(...articles: [string, string][]): string[][] {
  const texts = new Map(articles);
  const all = articles.flatMap(([file, text]) => mentions(file, text));
  return clusterEvents(all).map((e) => e.mentions.map((m) => `${m.path}:${texts.get(m.path)!.slice(m.start, m.end)}`));
}

const across = (events: string[][], a: string, b: string) =>
  events.filter((e) => e.some((m) => m.startsWith(a)) && e.some((m) => m.startsWith(b)));

describe('events: a happening named by its verb and by its noun', () => {
  it('gives a noun of a happening the lemma of its verb, from WordNet', () => {
    for (const [noun, verb] of [
      ['collision', 'collided'],
      ['derailment', 'derailed'],
      ['explosion', 'exploded'],
      ['evacuation', 'evacuated'],
    ])
      assert.strictEqual(eventLemma(stem(noun)), eventLemma(stem(verb)), `${noun} ~ ${verb}`);
    assert.ok(isHappeningNoun('derailment') && isHappeningNoun('derailments'));
    // A group, a statement and a place are no happenings, whatever their suffix.
    for (const w of ['government', 'statement', 'station', 'department', 'nation']) assert.ok(!isHappeningNoun(w), w);
  });

  it('finds a noun of a happening as a trigger, with the lemma and kind of its verb', () => {
    const got = triggers('The derailment of a freight train blocked the line, and the government issued a statement.');
    assert.ok(got.has('derailment'));
    assert.ok(!got.has('government') && !got.has('statement'));
    const verb = triggers('A freight train derailed near the bridge.').get('derailed')!;
    assert.strictEqual(verb.lemma, got.get('derailment')!.lemma);
    // Outside the event classes both are general words: they link only with support (a day, a place, people).
    const exploded = triggers('A gas cylinder exploded.').get('exploded')!;
    const explosion = triggers('After the explosion, crews came.').get('explosion')!;
    assert.deepStrictEqual([exploded.lemma, exploded.general], [explosion.lemma, explosion.general]);
  });

  it('puts vehicle accidents in one class: overturned, capsized, derailed, crash, collision', () => {
    const got = triggers('A tanker overturned, a boat capsized, a train derailed, and after the crash and collision…');
    for (const w of ['overturned', 'capsized', 'derailed', 'crash', 'collision'])
      assert.ok(got.get(w)?.classes.includes('crash'), `${w}: ${JSON.stringify(got.get(w))}`);
  });

  it('links a derailment reported by its verb in a wire brief and by its noun in a Q&A', () => {
    const brief =
      'Freight train derails near Kessel Bridge\n\nORLAND, March 10, 2026 (Nordwire) - RAIL: A freight train ' +
      'derailed near Kessel Bridge on Tuesday, blocking the main line, operator NordRail said.\n';
    const qa =
      'What the Kessel Bridge derailment means for commuters\nCoast Commuter News — 11 March 2026\n\n' +
      "Tuesday's derailment of a freight train near Kessel Bridge blocked the coast line for most of the day.\n";
    const both = across(linked(['brief.txt', brief], ['qa.txt', qa]), 'brief', 'qa');
    assert.strictEqual(both.length, 1);
    assert.ok(both[0].includes('brief.txt:derailed') && both[0].includes('qa.txt:derailment'), `${both[0]}`);
    // "The derailment … blocked the coast line" tells what followed: the label names the derailment.
    const event = clusterEvents([...mentions('brief.txt', brief), ...mentions('qa.txt', qa)]).find((e) =>
      e.mentions.some((m) => m.path === 'qa.txt'),
    );
    assert.match(event!.label, /derailment/i);
  });

  it('links a tanker that overturned and the crash a bulletin reports the next day', () => {
    const blog =
      'Bypass closed\nSaturday 7 March 2026\n\n21:40 TRAFFIC: A fuel tanker overturned on the Aldmoor bypass near ' +
      'Crane Junction this evening, spilling diesel across both lanes.\n';
    const bulletin =
      'NEWS BULLETIN · Sunday 8 March 2026\n\nTRANSPORT\nThe Aldmoor bypass reopened this morning after ' +
      "Saturday's tanker crash near Crane Junction, which closed both lanes overnight.\n";
    const both = across(linked(['blog.txt', blog], ['bulletin.txt', bulletin]), 'blog', 'bulletin');
    assert.ok(
      both.some((e) => e.includes('blog.txt:overturned') && e.includes('bulletin.txt:crash')),
      `${both}`,
    );
  });

  it('keeps apart accidents of one kind on other days at other places, and unrelated happenings', () => {
    const a =
      'Train derails\nTuesday 10 March 2026\n\nA freight train derailed near Kessel Bridge on Tuesday, blocking ' +
      'the line.\n';
    const b =
      'Lorry overturns\nFriday 20 March 2026\n\nA lorry overturned on the ring road at Dunmore on Thursday. ' +
      'The harbour board approved new fees on Friday.\n';
    assert.deepStrictEqual(across(linked(['a.txt', a], ['b.txt', b]), 'a.txt', 'b.txt'), []);
  });
});

describe('events: a cause told after its main clause', () => {
  it('keeps "after the ferry collided" where the article reports the collision in its own right too', () => {
    const text =
      'The port suspended all night crossings on Tuesday after the ferry Marisol collided with a barge near ' +
      'Gull Point. The collision happened at about 23:40 on Monday, the authority said.\n';
    const ms = mentions('release.txt', text);
    assert.ok(ms.some((m) => m.triggerText === 'collided' && m.anchor));
    assert.ok(ms.some((m) => m.triggerText === 'collision'));
  });

  it('leaves out a cause in an adverbial set before the main clause, where its kind is reported too', () => {
    const text =
      'The two leaders met in Tokyo on Thursday.\n\nAfter their meeting in Tokyo, the leaders held a joint press ' +
      'conference.\n';
    const ms = mentions('summit.txt', text);
    assert.ok(!ms.some((m) => m.triggerText === 'meeting'), ms.map((m) => m.triggerText).join(', '));
  });
});
