// Unit tests for happenings reported as the cause of another ("stay suspended after Monday's collision"): kept as
// mentions with their own date and place when the article reports nothing of their kind in its own right, so that a
// digest item and a press release on one collision are one event; unrelated happenings stay apart.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeArticle } from '../../../src/core/analyze';
import { clusterEvents, EventMention, findEventMentions } from '../../../src/core/events';

const LAYOUTS = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'layouts');
const RELEASE = fs.readFileSync(path.join(LAYOUTS, '42-lead-release-org-dash-date.txt'), 'utf8');
const DIGEST = fs.readFileSync(path.join(LAYOUTS, '43-lead-digest-masthead-dot.txt'), 'utf8');

function mentions(file: string, text: string): EventMention[] {
  return findEventMentions(analyzeArticle(text, file));
}

function mention(ms: EventMention[], trigger: string): EventMention {
  const m = ms.find((x) => x.triggerText === trigger);
  assert.ok(m, `no mention "${trigger}" in ${ms.map((x) => x.triggerText).join(', ')}`);
  return m!;
}

/** The events, each as its mentions' "file:trigger text". */
function linked(...articles: [string, string][]): string[][] {
  const texts = new Map(articles);
  const all = articles.flatMap(([file, text]) => mentions(file, text));
  return clusterEvents(all).map((e) => e.mentions.map((m) => `${m.path}:${texts.get(m.path)!.slice(m.start, m.end)}`));
}

describe('events: happenings reported as the cause of another', () => {
  it('keeps the cause of a digest item, dated by its possessive date, with its place', () => {
    const ms = mentions('digest.txt', DIGEST);
    const collision = mention(ms, 'collision');
    assert.strictEqual(collision.date, '2026-03-02');
    assert.strictEqual(collision.place, 'Gull Point');
    assert.ok(collision.anchor);
    // The suspension is reported in its own right and is not dated by the collision's Monday.
    assert.strictEqual(mention(ms, 'suspended').date, null);
  });

  it("links the press release's collision and the digest item's into one event on Monday 2 March 2026", () => {
    const events = linked(['release.txt', RELEASE], ['digest.txt', DIGEST]);
    const both = events.filter((e) => e.some((m) => m.startsWith('release')) && e.some((m) => m.startsWith('digest')));
    assert.strictEqual(both.length, 1, JSON.stringify(events));
    assert.ok(both[0].includes('digest.txt:collision'), JSON.stringify(both[0]));
    assert.ok(!both[0].some((m) => /vote|moved/.test(m)), 'the budget vote is another story');
    const all = [...mentions('release.txt', RELEASE), ...mentions('digest.txt', DIGEST)];
    const event = clusterEvents(all).find((e) => new Set(e.mentions.map((m) => m.path)).size === 2);
    assert.strictEqual(event?.date, '2026-03-02');
    assert.strictEqual(event?.place, 'Gull Point');
  });

  it('leaves the cause out where the article reports a happening of its kind in its own right', () => {
    const text =
      'The two leaders met in Tokyo on Thursday.\n\n' +
      'In a joint news conference after the two leaders met, Kishida spoke of a new chapter.\n';
    const ms = mentions('summit.txt', text);
    assert.strictEqual(ms.filter((m) => m.triggerText === 'met').length, 1);
    assert.ok(!ms.some((m) => m.anchor));
  });

  it('still leaves out what is to come ("hours before they met") and keeps the main date off the anchor', () => {
    const ms = mentions(
      'launch.txt',
      'North Korea launched a missile on Thursday, hours before Yoon and Kishida met.\n',
    );
    assert.ok(!ms.some((m) => m.triggerText === 'met'));
    const after = mentions(
      'ferry.txt',
      'The port suspended all crossings on Tuesday after the ferry Aurora collided with a pier at North Quay.\n',
    );
    assert.strictEqual(mention(after, 'collided').date, null, 'Tuesday is the suspension, not the collision');
    assert.strictEqual(mention(after, 'suspended').place, null, 'the pier is where the ferry collided');
  });

  it('does not link collisions on other days or at other places, nor unrelated happenings', () => {
    const other =
      'HARBOUR NEWS · Saturday 7 March 2026\n\n' +
      '1) FERRIES: The Aurora stays in dock after Friday’s collision with a pier at North Quay, the operator said.\n' +
      '2) COUNCIL: The library vote moved to April.\n';
    const events = linked(['release.txt', RELEASE], ['other.txt', other]);
    assert.deepStrictEqual(
      events.filter((e) => e.some((m) => m.startsWith('release')) && e.some((m) => m.startsWith('other'))),
      [],
    );
  });
});
