// File-level export and import (src/core/exporters/files.ts): the files each format makes, brat and W3C read back,
// and the sidecars beside articles placed in their current text.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  exportFiles,
  importBratFile,
  importW3cFile,
  placeForExport,
  sidecarsForExport,
} from '../../../../src/core/exporters/files';
import { createAnnotation, emptySidecar, serializeSidecar } from '../../../../src/core/sidecar';

const TEXT = 'Tokyo summit\n\nFumio Kishida met Yoon Suk Yeol in Tokyo on Thursday, officials said.\n';
const NOW = new Date('2023-03-16T10:00:00Z');

describe('core exporters: files', () => {
  it('brat and W3C exports import back to the same spans, tags, notes and events', () => {
    const at = TEXT.indexOf('Tokyo', 20);
    const article = {
      path: 'folder/a.txt',
      text: TEXT,
      annotations: [
        createAnnotation(TEXT, { start: at, end: at + 5, tag: 'place', note: 'the capital' }, NOW, 'a-aaaaaaaaaa'),
        createAnnotation(
          TEXT,
          { start: 0, end: 12, tag: 'event', event: { id: 'evt-1', name: 'Tokyo summit' } },
          NOW,
          'a-bbbbbbbbbb',
        ),
      ],
    };
    const key = (
      xs: { position: { start: number; end: number }; tag: string; note?: string; event?: { id: string } }[],
    ) => xs.map((x) => `${x.position.start}-${x.position.end}:${x.tag}:${x.note ?? ''}:${x.event?.id ?? ''}`).sort();
    const w3c = exportFiles('w3c', [article])[0].content;
    const back = importW3cFile(TEXT, w3c, 'a.txt');
    assert.strictEqual(back.skipped, 0);
    assert.deepStrictEqual(key(back.annotations), key(article.annotations));
    const ann = exportFiles('brat', [article]).find((f) => f.name.endsWith('.ann'))!.content;
    const fromBrat = importBratFile(TEXT, ann);
    const noEvent = (xs: Parameters<typeof key>[0]) => key(xs).map((k) => k.replace(/:[^:]*$/, ''));
    assert.deepStrictEqual(noEvent(fromBrat.annotations), noEvent(article.annotations));
  });

  it('names brat files after their articles, numbering articles of the same name', () => {
    const a = {
      path: 'one/a.txt',
      text: TEXT,
      annotations: [createAnnotation(TEXT, { start: 0, end: 5, tag: 'place' }, NOW)],
    };
    const names = exportFiles('brat', [a, { ...a, path: 'two/a.txt' }]).map((f) => f.name);
    assert.deepStrictEqual(names, ['a.txt', 'a.ann', 'a-2.txt', 'a-2.ann']);
  });

  it('places stored annotations in an edited text and counts those it cannot place', () => {
    const yoon = TEXT.indexOf('Yoon Suk Yeol');
    const kept = createAnnotation(TEXT, { start: yoon, end: yoon + 13, tag: 'person' }, NOW);
    const gone = createAnnotation(TEXT, { start: 0, end: 12, tag: 'event' }, NOW);
    const edited = 'UPDATED: ' + TEXT.slice(12);
    const { placed, orphans } = placeForExport(edited, [kept, gone]);
    assert.strictEqual(orphans, 1);
    assert.strictEqual(placed.length, 1);
    assert.deepStrictEqual(placed[0].position, { start: yoon - 12 + 9, end: yoon - 12 + 9 + 13 });
    assert.strictEqual(placed[0].text, 'Yoon Suk Yeol');
    assert.strictEqual(placed[0].modified, kept.modified, 'placing is not a change by the user');
  });

  it('reads the sidecars beside articles: none is skipped quietly, a broken one is skipped with its line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-files-'));
    try {
      const a = path.join(dir, 'a.txt');
      const s = emptySidecar('a.txt', TEXT);
      s.annotations.push(createAnnotation(TEXT, { start: 0, end: 5, tag: 'place' }, NOW));
      fs.writeFileSync(a + '.annotations.yaml', serializeSidecar(s));
      const b = path.join(dir, 'b.txt');
      fs.writeFileSync(b + '.annotations.yaml', 'schema: 1\nannotations: [\n');
      const r = sidecarsForExport([
        { path: a, text: TEXT },
        { path: b, text: 'B' },
        { path: path.join(dir, 'c.txt'), text: 'C' },
      ]);
      assert.deepStrictEqual(
        r.articles.map((x) => [x.path, x.annotations.length]),
        [[a, 1]],
      );
      assert.strictEqual(r.broken, true);
      assert.strictEqual(r.errors.length, 1);
      assert.match(r.errors[0], /b\.txt\.annotations\.yaml: not valid YAML \(line \d+\)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
