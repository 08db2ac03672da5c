// `article-annotator export`: sidecars beside articles to W3C, brat, CoNLL, CSV and JSONL files or stdout.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../src/cli/main';
import { createAnnotation, emptySidecar, serializeSidecar } from '../../../src/core/sidecar';

const TEXT = 'Tokyo summit\n\nFumio Kishida met Yoon Suk Yeol in Tokyo on Thursday, officials said.\n';

function captured(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const made: string[] = [];

function folderWithSidecar(): { dir: string; article: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-export-'));
  made.push(dir);
  const article = path.join(dir, 'a.txt');
  fs.writeFileSync(article, TEXT);
  const s = emptySidecar('a.txt', TEXT, '2023-03-16');
  const at = TEXT.indexOf('Fumio Kishida');
  s.annotations.push(
    createAnnotation(TEXT, { start: at, end: at + 13, tag: 'person', note: '=HYPERLINK("x"), prime minister' }),
  );
  const yoon = TEXT.indexOf('Yoon Suk Yeol');
  s.annotations.push(
    createAnnotation(TEXT, {
      start: yoon,
      end: yoon + 13,
      tag: 'person',
      event: { id: 'evt-1', name: 'Tokyo summit' },
    }),
  );
  fs.writeFileSync(article + '.annotations.yaml', serializeSidecar(s));
  return { dir, article };
}

describe('cli export', () => {
  after(() => {
    for (const d of made) fs.rmSync(d, { recursive: true, force: true });
  });

  it('writes CSV with quoted cells and formula-like text neutralised', () => {
    const { dir } = folderWithSidecar();
    const r = captured(['export', '--format', 'csv', dir]);
    assert.strictEqual(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split(/\r?\n/);
    assert.strictEqual(lines.length, 3);
    assert.ok(lines[1].includes('Fumio Kishida'));
    assert.ok(!/,=HYPERLINK/.test(r.stdout) && !/,"=HYPERLINK/.test(r.stdout), r.stdout);
  });

  it('writes JSONL and W3C that parse, with the offsets of the text', () => {
    const { dir } = folderWithSidecar();
    const jsonl = captured(['export', '--format=jsonl', dir]);
    const rows = jsonl.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepStrictEqual(
      rows.map((x) => TEXT.slice(x.start, x.end)),
      ['Fumio Kishida', 'Yoon Suk Yeol'],
    );
    const w3c = JSON.parse(captured(['export', '--format', 'w3c', dir]).stdout);
    assert.strictEqual(w3c.type, 'AnnotationCollection');
    assert.strictEqual(w3c.first.items.length, 2);
  });

  it('re-anchors annotations of an article edited since they were made', () => {
    const { dir, article } = folderWithSidecar();
    fs.writeFileSync(article, 'UPDATED: ' + TEXT);
    const rows = captured(['export', '--format', 'jsonl', dir])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepStrictEqual(
      rows.map((x) => [x.start, x.text]),
      [
        [TEXT.indexOf('Fumio') + 9, 'Fumio Kishida'],
        [TEXT.indexOf('Yoon') + 9, 'Yoon Suk Yeol'],
      ],
    );
  });

  it('writes brat .txt/.ann and CoNLL with BIO labels', () => {
    const { dir } = folderWithSidecar();
    const out = path.join(dir, 'out');
    const r = captured(['export', '--format', 'brat', '--out', out, path.join(dir, 'a.txt')]);
    assert.strictEqual(r.code, 0, r.stderr);
    const ann = fs.readFileSync(path.join(out, 'a.ann'), 'utf8');
    assert.match(ann, /^T1\tPerson \d+ \d+\tFumio Kishida$/m);
    assert.strictEqual(fs.readFileSync(path.join(out, 'a.txt'), 'utf8'), TEXT);
    const conll = captured(['export', '--format', 'conll', dir]).stdout.split('\n');
    assert.ok(conll.includes('Fumio _ _ B-PER') && conll.includes('Kishida _ _ I-PER'), conll.join('\n'));
  });

  it('skips an article whose sidecar is broken, says where, and exits 1; the file is untouched', () => {
    const { dir } = folderWithSidecar();
    const b = path.join(dir, 'b.txt');
    fs.writeFileSync(b, 'Another article about Seoul.\n');
    const broken = 'schema: 1\narticle: b.txt\nannotations: [\n';
    fs.writeFileSync(b + '.annotations.yaml', broken);
    const r = captured(['export', '--format', 'jsonl', dir]);
    assert.strictEqual(r.code, 1);
    assert.match(r.stderr, /b\.txt\.annotations\.yaml: not valid YAML \(line \d+\)/);
    assert.strictEqual(r.stdout.trim().split('\n').length, 2, 'the good article is still exported');
    assert.strictEqual(fs.readFileSync(b + '.annotations.yaml', 'utf8'), broken);
  });

  it('refuses unknown formats, missing paths and brat without --out', () => {
    assert.strictEqual(captured(['export', '--format', 'xml', '.']).code, 2);
    assert.strictEqual(captured(['export', '--format', 'csv']).code, 2);
    assert.match(captured(['export', '--format', 'brat', '.']).stderr, /--out/);
  });
});
