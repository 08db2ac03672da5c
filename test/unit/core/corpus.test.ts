import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CorpusIndex } from '../../../src/core/corpus';

const SEEDS = path.join(__dirname, '..', '..', '..', '..', 'seeds');

function seedIndex(): CorpusIndex {
  const index = new CorpusIndex();
  for (const f of fs.readdirSync(SEEDS).sort()) index.upsert(f, fs.readFileSync(path.join(SEEDS, f), 'utf8'));
  return index;
}

const file = (index: CorpusIndex, prefix: string) => index.paths().find((p) => p.startsWith(prefix))!;

describe('corpus index on the seeds', () => {
  const index = seedIndex();

  it('knows every publication date, stated or inferred, with a reason', () => {
    const expected: Record<string, string> = {
      '000': '2023-03-16',
      '001': '2023-03-16',
      '002': '2023-05-07',
      '003': '2023-05-07',
      '004': '2023-03-16',
    };
    for (const [prefix, value] of Object.entries(expected)) {
      const p = index.published(file(index, prefix));
      assert.strictEqual(p?.value, value, `${prefix}: ${JSON.stringify(p)}`);
      assert.ok(p!.reason.length > 5);
    }
    assert.strictEqual(index.published(file(index, '000'))!.origin, 'corpus');
  });

  it('resolves "Thursday" in an undated article through the date it learned from the folder', () => {
    const a = index.analysis(file(index, '000'))!;
    const thursday = a.dates.find((d) => d.text === 'Thursday');
    assert.strictEqual(thursday?.value, '2023-03-16');
  });

  it('gives Yoon Suk Yeol one identity under every spelling across the folder', () => {
    const ids = new Set<string>();
    for (const p of index.paths()) {
      for (const e of index.analysis(p)!.entities) {
        if (/^(Yoon Suk Yeol|Yoon Suk-yeol|Mr\. Yoon|President Yoon|Yoon)$/.test(e.text)) ids.add(e.id);
      }
    }
    assert.strictEqual(ids.size, 1, [...ids].join(', '));
    const record = index.entity([...ids][0])!;
    assert.strictEqual(record.canonical, 'Yoon Suk Yeol');
    assert.strictEqual(record.articles.length, 5);
    assert.ok(record.spellings.includes('Yoon Suk-yeol'));
  });

  it('never joins the Tokyo and Seoul summits in one event', () => {
    const tokyo = (p: string, needle: string) => {
      const a = index.analysis(p)!;
      return a.article.text.indexOf(needle);
    };
    const p3 = file(index, '003');
    const p4 = file(index, '004');
    const seoulOffset = tokyo(p3, 'on Sunday met with South Korean President Yoon Suk Yeol in Seoul');
    const tokyoOffset = tokyo(p4, 'at a landmark summit in Tokyo on March 16, 2023');
    const seoulEvents = index.cardsAt(p3, seoulOffset + 3).filter((c) => c.kind === 'event');
    const tokyoEvents = index.cardsAt(p4, tokyoOffset + 3).filter((c) => c.kind === 'event');
    assert.ok(seoulEvents.length && tokyoEvents.length, 'both summits are detected');
    const ids = (cs: typeof seoulEvents) => cs.map((c) => (c.kind === 'event' ? c.event.id : ''));
    for (const id of ids(seoulEvents)) assert.ok(!ids(tokyoEvents).includes(id), `summits joined in ${id}`);
  });

  it('answers references for an entity across articles', () => {
    const p = file(index, '004');
    const offset = index.analysis(p)!.article.text.indexOf('Fumio Kishida');
    const refs = index.references(p, offset + 1);
    assert.ok(new Set(refs.map((r) => r.path)).size >= 4, JSON.stringify(refs.slice(0, 3)));
  });

  it('produces the CLI JSON contract', () => {
    const json = index.toJSON();
    assert.strictEqual(json.articles.length, 5);
    for (const a of json.articles) {
      assert.ok(a.published === null || /^\d{4}-\d{2}-\d{2}$/.test(a.published));
      for (const e of a.entities) assert.ok(['PERSON', 'ORGANIZATION', 'PLACE', 'NATIONALITY'].includes(e.type));
      for (const d of a.dates) assert.ok(['DATE', 'TIME', 'DURATION', 'SET'].includes(d.type));
    }
    assert.ok(Array.isArray(json.events) && Array.isArray(json.quotes));
  });

  it('joins the entities the user merged, with every spelling, and undoes it when the merge is gone', () => {
    const idx = seedIndex();
    const orgs = idx
      .entities()
      .filter((r) => r.type === 'ORGANIZATION')
      .sort((a, b) => b.mentionCount - a.mentionCount);
    const [a, b] = orgs;
    idx.setMerges([[a.id, b.id]]);
    assert.strictEqual(idx.entity(b.id), undefined);
    const merged = idx.entity(a.id)!;
    assert.strictEqual(merged.mentionCount, a.mentionCount + b.mentionCount);
    for (const sp of b.spellings) assert.ok(merged.spellings.includes(sp));
    const ids = new Set(
      idx.paths().flatMap((p) =>
        idx
          .analysis(p)!
          .entities.filter((e) => b.spellings.includes(e.text))
          .map((e) => e.id),
      ),
    );
    assert.deepStrictEqual([...ids], [a.id]);
    idx.setMerges([]);
    assert.ok(idx.entity(b.id));
  });

  it("with deferred linking answers at once from the last links and the edited article's fresh analysis", () => {
    const idx = seedIndex();
    idx.link();
    idx.deferLinking = true;
    const p = file(idx, '004');
    const events = idx.events().length;
    const text = 'Breaking: Yoon returns\n\n' + idx.text(p)!;
    idx.upsert(p, text);
    assert.ok(idx.needsLink);
    const a = idx.analysis(p)!;
    assert.strictEqual(a.article.text, text);
    for (const e of a.entities) assert.strictEqual(text.slice(e.start, e.end), e.text);
    // The edited article's events wait for the next link; the others' are there.
    const summit = text.indexOf('at a landmark summit in Tokyo');
    assert.ok(!idx.cardsAt(p, summit + 3).some((c) => c.kind === 'event'));
    const p3 = file(idx, '003');
    const seoul = idx.text(p3)!.indexOf('on Sunday met with South Korean President Yoon Suk Yeol in Seoul');
    assert.ok(idx.cardsAt(p3, seoul + 4).some((c) => c.kind === 'event'));
    assert.strictEqual(idx.events().length, events);
    idx.link();
    assert.ok(!idx.needsLink);
    assert.ok(idx.cardsAt(p, summit + 3).some((c) => c.kind === 'event'));
  });

  it('updates incrementally: rename, remove, and re-analysis of one article', () => {
    const idx = seedIndex();
    const p = file(idx, '002');
    idx.rename(p, 'renamed.txt');
    assert.ok(idx.has('renamed.txt') && !idx.has(p));
    assert.ok(idx.analysis('renamed.txt'));
    idx.remove('renamed.txt');
    assert.strictEqual(idx.size, 4);
    idx.upsert('new.txt', 'Kishida met Yoon in Seoul on Sunday.\n', '2023-05-07');
    const d = idx.analysis('new.txt')!.dates.find((x) => x.text === 'Sunday');
    assert.strictEqual(d?.value, '2023-05-07');
  });
});

describe('corpus index linked in slices (linkStep)', () => {
  // events() and quotes() answer from the last complete link under deferLinking (the *Json methods link first).
  const eventsOf = (idx: CorpusIndex) => JSON.stringify([idx.events(), idx.quotes()]);

  it('links in small steps to the same events, quotes and dates as one link', () => {
    const whole = seedIndex();
    whole.link();
    const sliced = seedIndex();
    sliced.deferLinking = true;
    let steps = 0;
    while (!sliced.linkStep(0)) steps++;
    assert.ok(steps > 5, `only ${steps} steps`);
    assert.ok(!sliced.needsLink);
    assert.strictEqual(eventsOf(sliced), eventsOf(whole));
    for (const p of whole.paths()) assert.deepStrictEqual(sliced.published(p), whole.published(p));
  });

  it('answers from the last complete link between steps, and takes in changes made during a link', () => {
    const idx = seedIndex();
    idx.link();
    idx.deferLinking = true;
    const before = eventsOf(idx);
    const p = file(idx, '004');
    const text = idx.text(p)!;
    idx.remove(p);
    assert.strictEqual(idx.linkStep(0), false);
    assert.strictEqual(eventsOf(idx), before, 'the previous links until the step that ends the link');
    idx.upsert(p, text);
    while (!idx.linkStep(5));
    assert.ok(!idx.needsLink);
    const fresh = seedIndex();
    fresh.link();
    assert.strictEqual(eventsOf(idx), eventsOf(fresh));
  });
});

describe('event ids when unrelated articles come and go', () => {
  it("keeps the ids of the seeds' events when twenty unrelated articles are added and removed", () => {
    const FIX = path.join(
      __dirname,
      '..',
      '..',
      '..',
      '..',
      'test',
      'fixtures',
      'meantime',
      'meantime-airbus-apple.json',
    );
    const others = (JSON.parse(fs.readFileSync(FIX, 'utf8')) as { text: string }[]).slice(0, 20);
    const idx = seedIndex();
    const ids = () => idx.events().map((e) => `${e.id} ${e.mentions.filter((m) => !m.path.startsWith('x-')).length}`);
    const before = ids();
    others.forEach((o, i) => idx.upsert(`x-${i}.txt`, o.text));
    const seedIds = ids().filter((l) => !l.endsWith(' 0'));
    assert.deepStrictEqual(seedIds, before);
    for (let i = 0; i < others.length; i++) idx.remove(`x-${i}.txt`);
    assert.deepStrictEqual(ids(), before);
  });
});
