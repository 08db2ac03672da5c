// Event and quote detection with the per-article analysis: what it stores refers to entities by index, so the
// mentions resolved after linking renamed entities are those a fresh detection would find.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeForIndex, CorpusIndex } from '../../../src/core/corpus';
import { findEventMentions, resolveEvents } from '../../../src/core/events';
import { ArticleAnalysis } from '../../../src/core/model';
import { findQuotes, resolveQuotes } from '../../../src/core/quotes';

const SEEDS = path.join(__dirname, '../../../../seeds');
const seeds = fs
  .readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ path: f, text: fs.readFileSync(path.join(SEEDS, f), 'utf8') }));

/** What linking does to an analysis: every entity gets another id and canonical name. */
function renamed(a: ArticleAnalysis): ArticleAnalysis {
  const copy = structuredClone(a);
  for (const e of copy.entities) {
    e.id = `${e.id}~linked`;
    e.canonical = e.canonical.toUpperCase();
  }
  return copy;
}

describe('detection with the analysis', () => {
  it('finds events and quotes with the analysis, with the date it was made with', () => {
    for (const s of seeds) {
      const a = analyzeForIndex(s.path, s.text, null);
      assert.ok(a.detected, s.path);
      assert.strictEqual(a.detected.events.published, a.article.published?.value ?? null);
      assert.ok(a.detected.events.lemma.length > 0, s.path);
    }
  });

  it('resolves to what a fresh detection finds after linking renamed the entities', () => {
    let quotes = 0;
    for (const s of seeds) {
      // As a worker thread posts it: a structured clone.
      const linked = renamed(analyzeForIndex(s.path, s.text, null));
      const fresh = findEventMentions(linked);
      const resolved = resolveEvents(linked.detected!.events, linked);
      assert.deepStrictEqual(resolved, fresh, s.path);
      assert.ok(
        resolved.some((m) => m.participants.some((id) => id.endsWith('~linked'))),
        s.path,
      );
      assert.deepStrictEqual(resolveQuotes(linked.detected!.quotes, linked), findQuotes(linked), s.path);
      quotes += linked.detected!.quotes.quotes.length;
    }
    assert.ok(quotes > 0);
  });

  it('links the same from analyses made elsewhere as from its own, and from analyses stored without detections', () => {
    const own = new CorpusIndex();
    const posted = new CorpusIndex();
    const old = new CorpusIndex();
    for (const s of seeds) {
      own.upsert(s.path, s.text);
      posted.upsertAnalysis(s.path, s.text, null, structuredClone(analyzeForIndex(s.path, s.text, null)));
      const bare = analyzeForIndex(s.path, s.text, null);
      delete bare.detected;
      old.upsertAnalysis(s.path, s.text, null, bare);
    }
    const json = own.toJSON();
    assert.ok(json.events.length > 0 && json.quotes.length > 0);
    assert.deepStrictEqual(posted.toJSON(), json);
    assert.deepStrictEqual(old.toJSON(), json);
  });

  it('detects again, with the date, an article dated from the folder', () => {
    const index = new CorpusIndex();
    for (const s of seeds) index.upsert(s.path, s.text);
    const undated = seeds.find((s) => index.published(s.path)?.origin === 'corpus');
    assert.ok(undated, 'a seed article is dated from the folder');
    const a = index.analysis(undated.path)!;
    assert.strictEqual(a.detected?.events.published, a.article.published!.value);
    assert.ok(index.events().some((e) => e.mentions.some((m) => m.path === undated.path)));
  });

  it('gives a renamed article its events under the new path', () => {
    const index = new CorpusIndex();
    for (const s of seeds) index.upsert(s.path, s.text);
    const before = index
      .toJSON()
      .events.flatMap((e) => e.mentions)
      .filter((m) => m.path === seeds[0].path);
    index.rename(seeds[0].path, 'renamed.txt');
    const after = index.toJSON().events.flatMap((e) => e.mentions);
    assert.ok(before.length > 0);
    assert.ok(!after.some((m) => m.path === seeds[0].path));
    assert.strictEqual(after.filter((m) => m.path === 'renamed.txt').length, before.length);
  });
});
