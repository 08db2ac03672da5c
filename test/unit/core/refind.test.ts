import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CorpusIndex } from '../../../src/core/corpus';
import { eventLinkOf, refindEvent } from '../../../src/core/events/refind';
import { EventCluster } from '../../../src/core/model';
import { createAnnotation, parseSidecar, serializeSidecar } from '../../../src/core/sidecar';
import { fromStored, toStored } from '../../../src/core/sidecar/annotationData';

const HASH = `sha256:${'0'.repeat(64)}`;
const SEEDS = path.join(__dirname, '..', '..', '..', '..', 'seeds');

function seeds(except?: string): CorpusIndex {
  const index = new CorpusIndex();
  for (const f of fs.readdirSync(SEEDS).sort()) {
    if (!f.startsWith(except ?? '\u0000')) index.upsert(f, fs.readFileSync(path.join(SEEDS, f), 'utf8'));
  }
  return index;
}

function cluster(id: string, label: string, paths: string[], date: string | null, place: string | null): EventCluster {
  return {
    id,
    label,
    date,
    place,
    participants: [],
    mentions: paths.map((p, i) => ({ path: p, start: i, end: i + 1 })),
  };
}

describe('a link to a detected event, found again after the folder changed', () => {
  it('keeps the id when the event is still there', () => {
    const events = seeds().events();
    const summit = events.find((e) => e.id === 'evt-2023-03-16-tokyo-summit')!;
    const found = refindEvent(eventLinkOf(summit), events);
    assert.deepStrictEqual([found?.how, found?.cluster.id], ['id', summit.id]);
  });

  it('finds the Tokyo summit again when the article that dated it leaves and its id changes', () => {
    const link = eventLinkOf(
      seeds()
        .events()
        .find((e) => e.id === 'evt-2023-03-16-tokyo-summit')!,
    );
    assert.deepStrictEqual(link.articles?.length, 5);
    const after = seeds('004').events();
    assert.ok(!after.some((e) => e.id === link.id), 'the id changed (this test needs it to)');
    const found = refindEvent(link, after);
    assert.strictEqual(found?.how, 'content');
    assert.match(found!.cluster.id, /-tokyo-summit$/);
    assert.match(found!.cluster.label, /summit in Tokyo/);
  });

  it('follows a numbered suffix that shifted when a namesake event left', () => {
    const link = { id: 'evt-2023-05-07-seoul-summit-2', name: 'Seoul summit', articles: ['b.txt', 'c.txt'] };
    const now = [cluster('evt-2023-05-07-seoul-summit', 'Seoul summit', ['c.txt', 'd.txt'], '2023-05-07', 'Seoul')];
    assert.strictEqual(refindEvent(link, now)?.cluster.id, 'evt-2023-05-07-seoul-summit');
  });

  it('never moves a link to another story told in the same articles', () => {
    const link = {
      id: 'evt-undated-seoul-cemetery',
      name: 'Kishida lays flowers at national cemetery in Seoul',
      date: null,
      place: 'Seoul',
      articles: ['a.txt', 'b.txt'],
    };
    const other = cluster(
      'evt-2023-03-16-tokyo-summit',
      'Yoon–Kishida summit in Tokyo',
      ['a.txt', 'b.txt'],
      '2023-03-16',
      'Tokyo',
    );
    assert.strictEqual(refindEvent(link, [other]), undefined);
  });

  it('does not take an event of another year, however alike its name', () => {
    const link = {
      id: 'evt-2023-05-seoul-summit',
      name: 'Kishida–Yoon summit in Seoul',
      date: '2023-05',
      articles: ['a.txt'],
    };
    const older = cluster('evt-2018-seoul-summit-talks', 'Kishida–Yoon summit in Seoul', ['a.txt'], '2018', 'Seoul');
    assert.strictEqual(refindEvent(link, [older]), undefined);
  });

  it('prefers the candidate that shares more of the story, and breaks ties by id', () => {
    const link = {
      id: 'evt-2023-03-16-launch',
      name: 'North Korea launches missile',
      date: '2023-03-16',
      articles: ['a.txt', 'b.txt'],
    };
    const weak = cluster('evt-2023-03-17-launch', 'North Korea launches missile', ['a.txt'], '2023-03-17', null);
    const strong = cluster(
      'evt-2023-03-16-missile-launch',
      'North Korea launches missile',
      ['a.txt', 'b.txt'],
      '2023-03-16',
      null,
    );
    assert.strictEqual(refindEvent(link, [weak, strong])?.cluster.id, strong.id);
    const twin = { ...strong, id: 'evt-2023-03-16-a-launch' };
    assert.strictEqual(refindEvent(link, [strong, twin])?.cluster.id, twin.id);
  });
});

describe('the sidecar keeps what finds a linked event again', () => {
  const TEXT = 'Kishida met Yoon in Tokyo on Thursday.';
  const event = {
    id: 'evt-2023-03-16-tokyo-summit',
    name: 'Summit in Tokyo',
    date: '2023-03-16',
    place: 'Tokyo',
    articles: ['a.txt', '../b/c.txt'],
  };

  it('round-trips date, place and articles, and an old link without them still reads', () => {
    const sidecar = {
      schema: 1,
      article: 'x.txt',
      textHash: HASH,
      annotations: [
        createAnnotation(TEXT, { start: 0, end: 7, tag: 'event', event }, new Date(0), 'a-aaaaaaaaaa'),
        createAnnotation(
          TEXT,
          { start: 8, end: 11, tag: 'event', event: { id: 'evt-old' } },
          new Date(0),
          'a-bbbbbbbbbb',
        ),
      ],
      mergeEntities: [],
    };
    const parsed = parseSidecar(serializeSidecar(sidecar as never));
    assert.ok(parsed.ok);
    assert.deepStrictEqual(parsed.sidecar.annotations[0].event, event);
    assert.deepStrictEqual(parsed.sidecar.annotations[1].event, { id: 'evt-old' });
  });

  it('refuses articles that are not a list of paths, with the key named', () => {
    const yaml = serializeSidecar({
      schema: 1,
      article: 'x.txt',
      textHash: HASH,
      annotations: [createAnnotation(TEXT, { start: 0, end: 7, tag: 'event', event }, new Date(0), 'a-aaaaaaaaaa')],
      mergeEntities: [],
    } as never).replace(/articles:\n(\s+- .*\n)+/, 'articles: 3\n');
    const parsed = parseSidecar(yaml);
    assert.ok(!parsed.ok);
    assert.match(JSON.stringify(parsed), /event\.articles/);
  });

  it('an unchanged link does not touch `modified` when the working form is written back', () => {
    const stored = createAnnotation(TEXT, { start: 0, end: 7, tag: 'event', event }, new Date(0), 'a-aaaaaaaaaa');
    const parsed = parseSidecar(
      serializeSidecar({
        schema: 1,
        article: 'x.txt',
        textHash: HASH,
        annotations: [stored],
        mergeEntities: [],
      } as never),
    );
    assert.ok(parsed.ok);
    const back = toStored(
      fromStored(parsed.sidecar.annotations[0]),
      parsed.sidecar.annotations[0],
      '2030-01-01T00:00:00Z',
    );
    assert.strictEqual(back.modified, parsed.sidecar.annotations[0].modified);
    assert.deepStrictEqual(back.event, event);
  });
});
