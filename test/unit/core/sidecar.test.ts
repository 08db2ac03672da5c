// Unit tests for the sidecar: schema helpers, YAML that keeps comments and unknown keys, the store and re-anchoring.
import * as assert from 'assert';
import { fork } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  SidecarFileSystem,
  SidecarStore,
  createAnnotation,
  emptySidecar,
  entityAliases,
  newAnnotationId,
  nodeFileSystem,
  parseSidecar,
  reanchorSidecar,
  rebaseSidecar,
  serializeSidecar,
  sidecarPathBeside,
  textHash,
} from '../../../src/core/sidecar';
import { bigSidecar } from './sidecar.writer-child';

const TEXT =
  'Yoon Suk Yeol met Fumio Kishida in Tokyo on Thursday.\n\nThe two leaders agreed to resume "shuttle diplomacy".';
const NOW = new Date('2026-11-23T10:00:00.000Z');

function sample() {
  const s = emptySidecar('a.txt', TEXT, '2023-03-16');
  s.annotations.push(
    createAnnotation(TEXT, { start: 18, end: 31, tag: 'person', note: 'PM: Japan' }, NOW, 'a-bbbbbbbbbb'),
  );
  s.annotations.push(
    createAnnotation(
      TEXT,
      { start: 0, end: 13, tag: 'person', entity: 'person:yoon-suk-yeol', status: 'accepted', scope: 'folder' },
      NOW,
      'a-aaaaaaaaaa',
    ),
  );
  s.annotations.push(
    createAnnotation(
      TEXT,
      { start: 55, end: 108, tag: 'claim', event: { id: 'evt-tokyo-summit', name: 'Tokyo summit' } },
      NOW,
      'a-cccccccccc',
    ),
  );
  s.mergeEntities.push(['person:yoon', 'person:yoon-suk-yeol']);
  return s;
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-test-'));
}

describe('sidecar', () => {
  describe('schema', () => {
    it('makes random ids of a- and 10 base32 characters, and sha256 text hashes', () => {
      const ids = new Set(Array.from({ length: 200 }, () => newAnnotationId()));
      assert.strictEqual(ids.size, 200);
      for (const id of ids) assert.match(id, /^a-[a-z2-7]{10}$/);
      assert.strictEqual(textHash('abc'), 'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    });
    it('puts sidecars beside their articles by default', () => {
      assert.strictEqual(sidecarPathBeside('/w/news/a.txt'), '/w/news/a.txt.annotations.yaml');
    });
    it('resolves chains of merged entities to one representative', () => {
      const aliases = entityAliases([
        ['person:b', 'person:c'],
        ['person:a', 'person:b'],
      ]);
      assert.strictEqual(aliases.get('person:c'), 'person:a');
      assert.strictEqual(aliases.get('person:b'), 'person:a');
    });
  });

  describe('YAML', () => {
    it('round-trips a sidecar', () => {
      const s = sample();
      const parsed = parseSidecar(serializeSidecar(s));
      assert.ok(parsed.ok);
      const expected = {
        ...s,
        annotations: [...s.annotations].sort((a, b) => a.position.start - b.position.start),
        mergeEntities: [['person:yoon', 'person:yoon-suk-yeol']],
      };
      assert.deepStrictEqual(parsed.sidecar, expected);
    });

    it('writes a stable order: annotations by position then id, keys in a fixed order, no counters', () => {
      const s = sample();
      const text = serializeSidecar(s);
      const reversed = serializeSidecar({ ...s, annotations: [...s.annotations].reverse() });
      assert.strictEqual(text, reversed);
      const ids = [...text.matchAll(/- id: (a-\w+)/g)].map((m) => m[1]);
      assert.deepStrictEqual(ids, ['a-aaaaaaaaaa', 'a-bbbbbbbbbb', 'a-cccccccccc']);
      assert.deepStrictEqual(
        [...text.matchAll(/^(\w+):/gm)].map((m) => m[1]),
        ['schema', 'article', 'textHash', 'published', 'annotations', 'mergeEntities'],
      );
      const first = text.slice(text.indexOf('- id: a-aaaaaaaaaa'), text.indexOf('- id: a-bbbbbbbbbb'));
      const keys = [...first.matchAll(/^ {4}(\w+):/gm)].map((m) => m[1]);
      assert.deepStrictEqual(keys, [
        'tag',
        'text',
        'entity',
        'status',
        'scope',
        'position',
        'quote',
        'created',
        'modified',
      ]);
      // Text with line breaks stays on one line.
      assert.ok(text.includes('Thursday.\\n\\nThe two'));
    });

    it('keeps comments and unknown keys, at the top and inside annotations, through rewrites', () => {
      const original = serializeSidecar(sample());
      const handEdited =
        '# Reviewed by Ana, 2026-11-20\n' +
        original
          .replace('schema: 1\n', 'schema: 1\nproject: tokyo-summit # our label\n')
          .replace(
            '  - id: a-bbbbbbbbbb\n',
            '  # Kishida: check the title\n  - id: a-bbbbbbbbbb\n    reviewer: ana # second reader\n',
          )
          .replace('    note: "PM: Japan"\n', '    note: "PM: Japan" # from the caption\n');
      const parsed = parseSidecar(handEdited);
      assert.ok(parsed.ok, !parsed.ok ? parsed.error.message : '');
      const s = parsed.sidecar;
      s.annotations.find((a) => a.id === 'a-bbbbbbbbbb')!.note = 'Prime minister of Japan';
      s.annotations.push(createAnnotation(TEXT, { start: 35, end: 40, tag: 'place' }, NOW, 'a-dddddddddd'));
      s.annotations = s.annotations.filter((a) => a.id !== 'a-cccccccccc');
      const rewritten = serializeSidecar(s, parsed.document);
      assert.ok(rewritten.startsWith('# Reviewed by Ana, 2026-11-20\n'));
      assert.ok(rewritten.includes('project: tokyo-summit # our label'));
      assert.ok(rewritten.includes('  # Kishida: check the title\n  - id: a-bbbbbbbbbb\n'));
      assert.ok(rewritten.includes('    reviewer: ana # second reader'));
      assert.ok(rewritten.includes('note: Prime minister of Japan'));
      assert.ok(rewritten.includes('- id: a-dddddddddd'));
      assert.ok(!rewritten.includes('a-cccccccccc'));
      // And once more, unchanged: nothing moves.
      const again = parseSidecar(rewritten);
      assert.ok(again.ok);
      assert.strictEqual(serializeSidecar(again.sidecar, again.document), rewritten);
    });

    it('reports syntax errors with their line and column', () => {
      const r = parseSidecar('schema: 1\narticle: a.txt\nannotations: [\n  - id: x\n');
      assert.ok(!r.ok);
      assert.ok(r.error.line >= 3, JSON.stringify(r.error));
    });

    it('reports schema problems at the offending line', () => {
      const s = serializeSidecar(sample());
      const broken = s.replace('position: { start: 18, end: 31 }', 'position: { start: 18 }');
      const r = parseSidecar(broken);
      assert.ok(!r.ok);
      assert.match(r.error.message, /position/);
      assert.strictEqual(r.error.line, broken.split('\n').findIndex((l) => l.includes('position: { start: 18 }')) + 1);
      const newer = parseSidecar(s.replace('schema: 1', 'schema: 99'));
      assert.ok(!newer.ok && /newer/.test(newer.error.message));
    });

    it('refuses custom tags and alias bombs', () => {
      const tagged = parseSidecar('schema: 1\narticle: !!js/function "function(){}"\n');
      assert.ok(!tagged.ok && /tag/.test(tagged.error.message));
      assert.strictEqual(tagged.ok ? 0 : tagged.error.line, 2);
      const custom = parseSidecar('schema: !mine 1\n');
      assert.ok(!custom.ok && /tag/.test(custom.error.message));
      const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
      for (let i = 0; i < 8; i++)
        bomb.push(
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
            .fill('*' + String.fromCharCode(97 + i))
            .join(',')}]`,
        );
      const r = parseSidecar(bomb.join('\n') + '\n');
      assert.ok(!r.ok && /alias|resource|refused/i.test(r.error.message), !r.ok ? r.error.message : 'parsed');
    });
  });

  describe('store', () => {
    let dir: string;
    let store: SidecarStore;
    let target: string;
    beforeEach(() => {
      dir = tempDir();
      store = new SidecarStore({ fs: nodeFileSystem(), workspaceRoot: dir });
      target = store.sidecarPath('a.txt');
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('loads a missing sidecar as null, saves, and loads it back', async () => {
      assert.deepStrictEqual(await store.load(target), { ok: true, path: target, sidecar: null });
      const saved = await store.save(target, sample());
      assert.ok(saved.ok && saved.written);
      const loaded = await store.load(target);
      assert.ok(loaded.ok && loaded.sidecar);
      assert.strictEqual(loaded.sidecar.annotations.length, 3);
      assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['a.txt.annotations.yaml']);
    });

    it('takes the sidecar location from the function it is given', async () => {
      const folderStore = new SidecarStore({
        fs: nodeFileSystem(),
        workspaceRoot: dir,
        sidecarPathFor: (p) => path.join(dir, '.annotations', path.basename(p) + '.annotations.yaml'),
      });
      const where = folderStore.sidecarPath('news/a.txt');
      assert.strictEqual(where, path.join(dir, '.annotations', 'a.txt.annotations.yaml'));
      assert.ok((await folderStore.save(where, sample())).ok);
      assert.ok(fs.existsSync(where));
    });

    it('keeps both windows’ annotations when two add to one article', async () => {
      await store.save(target, sample());
      const other = new SidecarStore({ fs: nodeFileSystem(), workspaceRoot: dir });
      const add = (id: string, start: number, end: number) => (s: ReturnType<typeof sample> | null) => {
        s!.annotations.push(createAnnotation(TEXT, { start, end, tag: 'place' }, NOW, id));
        return s;
      };
      await Promise.all([
        store.update(target, add('a-eeeeeeeeee', 35, 40)),
        other.update(target, add('a-ffffffffff', 44, 52)),
      ]);
      const loaded = await store.load(target);
      assert.ok(loaded.ok && loaded.sidecar);
      const ids = loaded.sidecar.annotations.map((a) => a.id);
      assert.ok(ids.includes('a-eeeeeeeeee') && ids.includes('a-ffffffffff'), ids.join(' '));
    });

    it('merges a save with changes made on disk since loading', async () => {
      await store.save(target, sample());
      const mine = await store.load(target);
      assert.ok(mine.ok && mine.sidecar);
      // Someone else adds an annotation and a comment meanwhile.
      const other = new SidecarStore({ fs: nodeFileSystem(), workspaceRoot: dir });
      await other.update(target, (s) => {
        s!.annotations.push(createAnnotation(TEXT, { start: 44, end: 52, tag: 'date' }, NOW, 'a-gggggggggg'));
        return s;
      });
      fs.writeFileSync(target, '# their comment\n' + fs.readFileSync(target, 'utf8'));
      mine.sidecar.annotations[0].note = 'mine';
      const saved = await store.save(target, mine.sidecar);
      assert.ok(saved.ok);
      const onDisk = fs.readFileSync(target, 'utf8');
      assert.ok(onDisk.startsWith('# their comment\n'));
      assert.ok(onDisk.includes('a-gggggggggg'));
      assert.ok(onDisk.includes('note: mine'));
    });

    it('never overwrites a sidecar that does not parse, and reports its line', async () => {
      const broken = 'schema: 1\narticle: a.txt\nannotations:\n  - id: a-aaaaaaaaaa\n    tag: [unclosed\n';
      fs.writeFileSync(target, broken);
      const before = fs.readFileSync(target);
      const loaded = await store.load(target);
      assert.ok(!loaded.ok && loaded.error.line > 0);
      const saved = await store.save(target, sample());
      assert.ok(!saved.ok && saved.error.line > 0 && /does not parse/.test(saved.error.message));
      const updated = await store.update(target, () => sample());
      assert.ok(!updated.ok && updated.error.line > 0);
      assert.ok(fs.readFileSync(target).equals(before));
      assert.deepStrictEqual(fs.readdirSync(dir), ['a.txt.annotations.yaml']);
    });

    it('refuses sidecars over the size limit', async () => {
      const small = new SidecarStore({ fs: nodeFileSystem(), workspaceRoot: dir, maxBytes: 1000 });
      const saved = await small.save(target, sample());
      assert.ok(!saved.ok && /limit/.test(saved.error.message));
      assert.ok(!fs.existsSync(target));
      fs.writeFileSync(target, '# ' + 'x'.repeat(2000) + '\nschema: 1\n');
      const loaded = await small.load(target);
      assert.ok(!loaded.ok && /MB.*limit/.test(loaded.error.message));
    });

    it('refuses paths outside the workspace, also through a symbolic link', async () => {
      const outside = await store.save(path.join(dir, '..', 'elsewhere.annotations.yaml'), sample());
      assert.ok(!outside.ok && /outside/.test(outside.error.message));
      const elsewhere = tempDir();
      try {
        fs.symlinkSync(elsewhere, path.join(dir, 'link'));
        const linked = await store.save(path.join(dir, 'link', 'a.txt.annotations.yaml'), sample());
        assert.ok(!linked.ok && /outside/.test(linked.error.message));
        assert.deepStrictEqual(fs.readdirSync(elsewhere), []);
      } finally {
        fs.rmSync(elsewhere, { recursive: true, force: true });
      }
    });

    it('removes its temporary file and keeps the old sidecar when the final rename fails', async () => {
      await store.save(target, sample());
      const before = fs.readFileSync(target);
      const failing: SidecarFileSystem = {
        ...nodeFileSystem(),
        rename: async () => {
          throw new Error('disk full');
        },
      };
      const flaky = new SidecarStore({ fs: failing, workspaceRoot: dir });
      const s = sample();
      s.annotations[0].note = 'changed';
      const r = await flaky.save(target, s);
      assert.ok(!r.ok && /disk full/.test(r.error.message));
      assert.ok(fs.readFileSync(target).equals(before));
      assert.deepStrictEqual(fs.readdirSync(dir), ['a.txt.annotations.yaml']);
    });

    it('leaves the old or the new sidecar, whole, when the writer is killed at any moment @slow', async function () {
      this.timeout(120000);
      const count = 1000;
      const child = path.join(__dirname, 'sidecar.writer-child.js');
      const old = serializeSidecar(bigSidecar('old', count));
      const fresh = serializeSidecar(bigSidecar('new', count));
      assert.ok(old.length > 300_000, 'the sidecar should be large');
      let seed = 12345;
      const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
      const seen = new Set<string>();
      const written = path.join(dir, 'big.txt.annotations.yaml');
      for (let round = 0; round < 8; round++) {
        const proc = fork(child, [dir, String(count)], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
        await new Promise<void>((resolve, reject) => {
          proc.once('message', () => resolve());
          proc.once('exit', (code) => reject(new Error(`the writer exited (${code}) before its first save`)));
        });
        await new Promise((r) => setTimeout(r, Math.floor(rnd() * 2500)));
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGKILL');
        await exited;
        const onDisk = fs.readFileSync(written, 'utf8');
        assert.ok(
          onDisk === old || onDisk === fresh,
          `round ${round}: the sidecar on disk is neither version (${onDisk.length} bytes)`,
        );
        assert.ok(parseSidecar(onDisk).ok);
        seen.add(onDisk === old ? 'old' : 'new');
      }
      assert.ok(seen.size > 0);
    });
  });

  describe('re-anchoring', () => {
    it('moves annotations after an external edit and orphans the ones whose text is gone', () => {
      const s = sample();
      const edited =
        'Advertisement\n\n' + TEXT.replace(' in Tokyo on Thursday.', '.').replace('Fumio Kishida', 'Fumio Kishida');
      const tokyo = createAnnotation(TEXT, { start: 35, end: 40, tag: 'place' }, NOW, 'a-dddddddddd');
      s.annotations.push(tokyo);
      const r = reanchorSidecar(s, edited);
      assert.ok(r.changed);
      assert.ok(r.orphaned.includes('a-dddddddddd'));
      assert.ok(!r.orphaned.includes('a-bbbbbbbbbb'));
      const kishida = r.sidecar.annotations.find((a) => a.id === 'a-bbbbbbbbbb')!;
      assert.strictEqual(edited.slice(kishida.position.start, kishida.position.end), 'Fumio Kishida');
      assert.strictEqual(kishida.quote.prefix, edited.slice(kishida.position.start - 32, kishida.position.start));
      assert.strictEqual(r.sidecar.annotations.find((a) => a.id === 'a-dddddddddd')!.orphaned, true);
      assert.strictEqual(r.sidecar.textHash, textHash(edited));
    });

    it('does nothing when the text is the one the annotations were anchored to', () => {
      const s = sample();
      const r = reanchorSidecar(s, TEXT);
      assert.strictEqual(r.changed, false);
      assert.strictEqual(r.sidecar, s);
    });

    it('rebases through editor edits and orphans an annotation whose text was deleted', () => {
      const s = sample();
      const edits = [
        { start: 18, end: 31, newText: '' }, // delete "Fumio Kishida"
        { start: 0, end: 0, newText: 'President ' },
      ];
      let edited = TEXT;
      for (const e of edits) edited = edited.slice(0, e.start) + e.newText + edited.slice(e.end);
      const r = rebaseSidecar(s, edits, edited);
      assert.deepStrictEqual(r.orphaned, ['a-bbbbbbbbbb']);
      const yoon = r.sidecar.annotations.find((a) => a.id === 'a-aaaaaaaaaa')!;
      assert.strictEqual(edited.slice(yoon.position.start, yoon.position.end), 'Yoon Suk Yeol');
      assert.strictEqual(yoon.text, 'Yoon Suk Yeol');
    });
  });
});
