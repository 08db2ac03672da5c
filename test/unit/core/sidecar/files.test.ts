// Sidecar files on disk and the working annotation shape (src/core/sidecar/files.ts, annotationData.ts).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  BrokenSidecarError,
  fromStored,
  readSidecar,
  readSidecarFileSync,
  toStored,
  updateSidecar,
} from '../../../../src/core/sidecar';
import { createAnnotation } from '../../../../src/core/sidecar/schema';

const TEXT = 'Fumio Kishida met Yoon Suk Yeol in Tokyo.\n';

describe('core sidecar: files and the working shape', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-sidecar-files-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("converts to the working shape and back, keeping unknown keys and an unchanged annotation's modified time", () => {
    const stored = {
      ...createAnnotation(
        TEXT,
        { start: 0, end: 13, tag: 'person', event: { id: 'evt-1' } },
        new Date('2023-01-01T00:00:00Z'),
      ),
      extra: 'kept',
    };
    const working = fromStored(stored);
    assert.deepStrictEqual(
      [working.start, working.end, working.exact, working.tag, working.event],
      [0, 13, 'Fumio Kishida', 'person', { id: 'evt-1', label: 'evt-1' }],
    );
    const same = toStored(
      { ...working, event: undefined },
      { ...stored, event: undefined },
      '2024-01-01T00:00:00.000Z',
    );
    assert.strictEqual((same as unknown as { extra: string }).extra, 'kept');
    assert.strictEqual(same.modified, stored.modified);
    const changed = toStored({ ...working, note: 'prime minister' }, stored, '2024-01-01T00:00:00.000Z');
    assert.strictEqual(changed.note, 'prime minister');
    assert.strictEqual(changed.modified, '2024-01-01T00:00:00.000Z');
  });

  it('reads a missing, a broken (with its line) and a good sidecar', async () => {
    const file = path.join(dir, 'a.txt.annotations.yaml');
    assert.deepStrictEqual(readSidecarFileSync(file), { kind: 'missing' });
    fs.writeFileSync(file, 'schema: 1\nannotations: [\n');
    const broken = await readSidecar(file);
    assert.ok(broken.kind === 'broken' && broken.line !== null, JSON.stringify(broken));
    fs.rmSync(file);
    await updateSidecar(
      file,
      'a.txt',
      TEXT,
      (d) => d.annotations.push({ ...fromStored(createAnnotation(TEXT, { start: 18, end: 31, tag: 'person' })) }),
      dir,
    );
    const stored = readSidecarFileSync(file);
    assert.ok(stored.kind === 'ok');
    assert.strictEqual(stored.data.annotations[0].text, 'Yoon Suk Yeol');
    const working = await readSidecar(file);
    assert.ok(working.kind === 'ok');
    assert.deepStrictEqual([working.data.article, working.data.annotations[0].exact], ['a.txt', 'Yoon Suk Yeol']);
  });

  it('keeps both of two updates and never overwrites a broken sidecar', async () => {
    const file = path.join(dir, 'a.txt.annotations.yaml');
    const add = (start: number, end: number) =>
      updateSidecar(
        file,
        'a.txt',
        TEXT,
        (d) => d.annotations.push(fromStored(createAnnotation(TEXT, { start, end, tag: 'person' }))),
        dir,
      );
    await Promise.all([add(0, 13), add(18, 31)]);
    const read = readSidecarFileSync(file);
    assert.ok(read.kind === 'ok');
    assert.deepStrictEqual(read.data.annotations.map((a) => a.text).sort(), ['Fumio Kishida', 'Yoon Suk Yeol']);
    const broken = 'schema: 1\nannotations: [\n';
    fs.writeFileSync(file, broken);
    await assert.rejects(add(35, 40), BrokenSidecarError);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), broken);
  });
});
