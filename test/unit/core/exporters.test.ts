// Unit tests for exporters (W3C, brat, CoNLL, CSV, JSONL) and importers (W3C, brat), round trips included.
import * as assert from 'assert';
import { EntityMention } from '../../../src/core/model';
import {
  ExportArticle,
  csvCell,
  effectiveAnnotations,
  exportBrat,
  exportConll,
  exportCsv,
  exportJsonl,
  exportW3C,
  importBrat,
  importW3C,
  toUserAnnotations,
} from '../../../src/core/exporters';
import { createAnnotation } from '../../../src/core/sidecar';

const TEXT =
  'Yoon Suk Yeol met Fumio Kishida in Tokyo 🗼 on Thursday.\n' +
  'South Korean officials said =SUM(A1) was "fine", and the summit went well.';
const NOW = new Date('2026-11-23T10:00:00.000Z');
const span = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });

function article(): ExportArticle {
  return {
    path: 'news/a.txt',
    text: TEXT,
    annotations: [
      createAnnotation(
        TEXT,
        { ...span('Yoon Suk Yeol'), tag: 'person', note: 'President, "Yoon"\nsecond line' },
        NOW,
        'a-aaaaaaaaaa',
      ),
      createAnnotation(
        TEXT,
        { ...span('Tokyo 🗼 on Thursday'), tag: 'place', event: { id: 'evt-tokyo-summit', name: 'Tokyo summit' } },
        NOW,
        'a-bbbbbbbbbb',
      ),
      createAnnotation(TEXT, { ...span('Thursday.\nSouth Korean'), tag: 'claim' }, NOW, 'a-cccccccccc'),
      createAnnotation(TEXT, { ...span('=SUM(A1)'), tag: 'quote', note: '@risky' }, NOW, 'a-dddddddddd'),
      createAnnotation(TEXT, { ...span('South Korean'), tag: 'nationality' }, NOW, 'a-eeeeeeeeee'),
      createAnnotation(TEXT, { ...span('officials'), tag: 'myTag' }, NOW, 'a-ffffffffff'),
    ],
  };
}

const essentials = (a: {
  tag: string;
  start: number;
  end: number;
  text: string;
  note?: string;
  event?: { id: string; name?: string };
}) => ({
  tag: a.tag,
  start: a.start,
  end: a.end,
  text: a.text,
  note: a.note,
  event: a.event,
});

describe('exporters', () => {
  it('merges suggestions with the user’s record: decided spans and folder-wide rejections win', () => {
    const entity = (s: string, type: EntityMention['type'], id: string): EntityMention => ({
      ...span(s),
      text: s,
      type,
      id,
      canonical: s,
    });
    const a = article();
    a.annotations.push(
      createAnnotation(
        TEXT,
        { ...span('the summit'), tag: 'event', status: 'rejected', scope: 'folder' },
        NOW,
        'a-gggggggggg',
      ),
    );
    a.entities = [
      entity('Fumio Kishida', 'PERSON', 'person:fumio-kishida'),
      entity('Yoon Suk Yeol', 'PERSON', 'person:yoon'),
    ];
    a.dates = [
      { ...span('Thursday'), text: 'Thursday', type: 'DATE', value: '2023-03-16', explanation: '', relative: true },
    ];
    const all = effectiveAnnotations(a);
    assert.ok(all.some((x) => x.source === 'suggestion' && x.text === 'Fumio Kishida' && x.tag === 'person'));
    assert.strictEqual(
      all.filter((x) => x.text === 'Yoon Suk Yeol').length,
      1,
      'the user annotation replaces the suggestion',
    );
    assert.ok(all.some((x) => x.tag === 'date' && x.text === 'Thursday'));
    assert.ok(!all.some((x) => x.id === 'a-gggggggggg'), 'rejected annotations are not exported');
    assert.ok(!effectiveAnnotations(a, { suggestions: false }).some((x) => x.source === 'suggestion'));
  });

  describe('W3C Web Annotation', () => {
    it(
      'writes an AnnotationCollection with quote and position selectors ' +
        'and tagging, commenting and linking bodies',
      () => {
        const json = exportW3C([article()]) as any;
        assert.strictEqual(json['@context'], 'http://www.w3.org/ns/anno.jsonld');
        assert.strictEqual(json.type, 'AnnotationCollection');
        assert.strictEqual(json.total, 6);
        const yoon = json.first.items[0];
        assert.strictEqual(yoon.type, 'Annotation');
        assert.deepStrictEqual(yoon.target.selector[1], { type: 'TextPositionSelector', start: 0, end: 13 });
        assert.strictEqual(yoon.target.selector[0].type, 'TextQuoteSelector');
        assert.strictEqual(yoon.target.selector[0].exact, 'Yoon Suk Yeol');
        assert.deepStrictEqual(
          yoon.body.map((b: any) => b.purpose),
          ['tagging', 'commenting'],
        );
        const tokyo = json.first.items.find((i: any) => i.target.selector[0].exact.startsWith('Tokyo'));
        assert.ok(tokyo.body.some((b: any) => b.purpose === 'linking' && b.value === 'Tokyo summit'));
      },
    );

    it('round-trips tag, span, text, note and event', () => {
      const a = article();
      const json = JSON.parse(JSON.stringify(exportW3C([a])));
      const back = importW3C(json).get('news/a.txt')!;
      assert.deepStrictEqual(back.map(essentials), effectiveAnnotations(a).map(essentials));
      const { annotations, rejected } = toUserAnnotations(back, TEXT, NOW);
      assert.strictEqual(rejected.length, 0);
      assert.deepStrictEqual(annotations.map((x) => x.id).sort(), a.annotations.map((x) => x.id).sort());
    });
  });

  describe('brat', () => {
    it('writes T lines with code-point offsets, fragments across line breaks, notes and event references', () => {
      const files = exportBrat(article());
      assert.strictEqual(files.annPath, 'a.ann');
      assert.strictEqual(files.txtPath, 'a.txt');
      assert.strictEqual(files.txt, TEXT);
      const lines = files.ann.trim().split('\n');
      assert.strictEqual(lines[0], 'T1\tPerson 0 13\tYoon Suk Yeol');
      assert.strictEqual(lines[1], '#1\tAnnotatorNotes T1\tPresident, "Yoon" second line');
      // The tower emoji is one code point but two UTF-16 units: brat's offsets count it once.
      const tokyo = lines.find((l) => l.includes('Tokyo'))!;
      const start = TEXT.indexOf('Tokyo');
      assert.strictEqual(
        tokyo,
        `T2\tPlace ${start} ${start + 'Tokyo 🗼 on Thursday'.length - 1}\tTokyo 🗼 on Thursday`,
      );
      assert.ok(lines.includes('N1\tReference T2 event:evt-tokyo-summit\tTokyo summit'));
      const claim = lines.find((l) => l.startsWith('T3'))!;
      assert.match(claim, /^T3\tClaim \d+ \d+;\d+ \d+\tThursday\. South Korean$/);
      assert.ok(lines.some((l) => /^T\d+\tmyTag /.test(l)));
    });

    it('round-trips tag, span, text, note (on one line) and event', () => {
      const a = article();
      const files = exportBrat(a);
      const back = importBrat(files.ann, files.txt);
      const expected = effectiveAnnotations(a).map((x) => ({ ...essentials(x), note: x.note?.replace(/\n/g, ' ') }));
      assert.deepStrictEqual(back.map(essentials), expected);
    });
  });

  describe('CoNLL-2003', () => {
    it('writes BIO tags per token, -DOCSTART-, and a blank line between sentences', () => {
      const out = exportConll([article()]);
      const lines = out.split('\n');
      assert.strictEqual(lines[0], '-DOCSTART- -X- -X- O');
      assert.strictEqual(lines[1], '');
      assert.deepStrictEqual(lines.slice(2, 6), ['Yoon _ _ B-PER', 'Suk _ _ I-PER', 'Yeol _ _ I-PER', 'met _ _ O']);
      assert.ok(lines.includes('Tokyo _ _ B-LOC'));
      assert.ok(lines.includes('🗼 _ _ I-LOC'));
      assert.ok(lines.includes('South _ _ B-MISC') && lines.includes('Korean _ _ I-MISC'));
      assert.ok(lines.includes('officials _ _ O'), 'user tags are not CoNLL entities');
      // Sentence boundary after "Thursday ." (line break).
      const dot =
        lines.indexOf('. _ _ I-LOC') === -1 ? lines.findIndex((l) => l.startsWith('. ')) : lines.indexOf('. _ _ I-LOC');
      assert.strictEqual(lines[dot + 1], '');
      for (const l of lines) if (l) assert.match(l, /^\S+ _ _ (O|[BI]-(PER|ORG|LOC|MISC))$|^-DOCSTART-/);
    });
  });

  describe('CSV', () => {
    it('quotes per RFC 4180 and defuses formulas', () => {
      assert.strictEqual(csvCell('plain'), 'plain');
      assert.strictEqual(csvCell('a,b'), '"a,b"');
      assert.strictEqual(csvCell('say "hi"'), '"say ""hi"""');
      assert.strictEqual(csvCell('two\nlines'), '"two\nlines"');
      assert.strictEqual(csvCell('=SUM(A1)'), "'=SUM(A1)");
      assert.strictEqual(csvCell('+1'), "'+1");
      assert.strictEqual(csvCell('-1'), "'-1");
      assert.strictEqual(csvCell('@x'), "'@x");
      assert.strictEqual(csvCell(12), '12');
      const csv = exportCsv([article()]);
      const rows = csv.split('\r\n');
      assert.ok(rows[0].startsWith('article,id,tag,start,end,text,note'));
      assert.ok(
        csv.includes(
          `news/a.txt,a-dddddddddd,quote,${TEXT.indexOf('=SUM')},${TEXT.indexOf('=SUM') + 8},'=SUM(A1),'@risky`,
        ),
      );
      assert.ok(csv.includes('"President, ""Yoon""\nsecond line"'));
      assert.ok(csv.endsWith('\r\n'));
    });
  });

  describe('JSONL', () => {
    it('writes one annotation a line with its article', () => {
      const lines = exportJsonl([article(), { ...article(), path: 'news/b.txt' }])
        .trim()
        .split('\n');
      assert.strictEqual(lines.length, 12);
      const first = JSON.parse(lines[0]);
      assert.strictEqual(first.article, 'news/a.txt');
      assert.strictEqual(first.tag, 'person');
      assert.strictEqual(first.text, 'Yoon Suk Yeol');
      assert.strictEqual(JSON.parse(lines[11]).article, 'news/b.txt');
    });
  });
});
