// Unit tests for the three-way sidecar merge (the git merge driver's core) and the splitting of conflict markers.
import * as assert from 'assert';
import {
  AnnotationData,
  Sidecar,
  UserAnnotation,
  createAnnotation,
  emptySidecar,
  hasConflictMarkers,
  mergeSidecarTexts,
  parseSidecar,
  resolveConflictMarkers,
  serializeSidecar,
  settleReview,
  splitConflictMarkers,
} from '../../../../src/core/sidecar';

const TEXT =
  'Yoon Suk Yeol met Fumio Kishida in Tokyo on Thursday.\n\nThe two leaders agreed to resume "shuttle diplomacy".';
const NOW = new Date('2026-11-23T10:00:00.000Z');

function ann(id: string, start: number, end: number, note?: string): UserAnnotation {
  return createAnnotation(TEXT, { start, end, tag: 'person', ...(note ? { note } : {}) }, NOW, id);
}

const YOON = ann('a-aaaaaaaaaa', 0, 13);
const KISHIDA = ann('a-bbbbbbbbbb', 18, 31, 'PM of Japan');
const TOKYO = ann('a-cccccccccc', 35, 40);

function sidecar(annotations: UserAnnotation[], extra: Partial<Sidecar> = {}): Sidecar {
  return { ...emptySidecar('a.txt', TEXT), annotations, ...extra };
}

const BASE = serializeSidecar(sidecar([YOON, KISHIDA]));

/** Applies `change` to the parsed base and writes it back through the document, as the store's writer does. */
function edit(source: string, change: (s: Sidecar) => void): string {
  const parsed = parseSidecar(source);
  assert.ok(parsed.ok);
  change(parsed.sidecar);
  return serializeSidecar(parsed.sidecar, parsed.document);
}

function merged(base: string | null, ours: string, theirs: string) {
  const r = mergeSidecarTexts(base, ours, theirs);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return r;
}

const ids = (s: Sidecar) => s.annotations.map((a) => a.id);

describe('sidecar merge (three-way, by annotation id)', () => {
  it('keeps annotations added on either side', () => {
    const ours = edit(BASE, (s) => s.annotations.push(TOKYO));
    const theirs = edit(BASE, (s) => s.annotations.push(ann('a-dddddddddd', 55, 70)));
    const r = merged(BASE, ours, theirs);
    assert.deepStrictEqual(ids(r.sidecar), ['a-aaaaaaaaaa', 'a-bbbbbbbbbb', 'a-cccccccccc', 'a-dddddddddd']);
    assert.deepStrictEqual(r.conflicts, []);
  });

  it('removes an annotation removed on one side and unchanged on the other', () => {
    const ours = edit(BASE, (s) => (s.annotations = s.annotations.filter((a) => a.id !== YOON.id)));
    assert.deepStrictEqual(ids(merged(BASE, ours, BASE).sidecar), ['a-bbbbbbbbbb']);
    assert.deepStrictEqual(ids(merged(BASE, BASE, ours).sidecar), ['a-bbbbbbbbbb']);
  });

  it('takes a change made on one side, whichever side', () => {
    const theirs = edit(BASE, (s) => (s.annotations[1].note = 'Prime minister'));
    assert.strictEqual(merged(BASE, BASE, theirs).sidecar.annotations[1].note, 'Prime minister');
    assert.strictEqual(merged(BASE, theirs, BASE).sidecar.annotations[1].note, 'Prime minister');
  });

  it('keeps a change over a deletion on the other side, and says so', () => {
    const ours = edit(BASE, (s) => (s.annotations[1].note = 'kept'));
    const theirs = edit(BASE, (s) => s.annotations.splice(1, 1));
    const r = merged(BASE, ours, theirs);
    assert.strictEqual(r.sidecar.annotations.find((a) => a.id === KISHIDA.id)?.note, 'kept');
    assert.match(r.notes.join('\n'), /deleted on one side and changed on the other/);
  });

  it('keeps both versions of an annotation changed differently, theirs marked for review', () => {
    const ours = edit(BASE, (s) => (s.annotations[1].note = 'ours'));
    const theirs = edit(BASE, (s) => (s.annotations[1].note = 'theirs'));
    const r = merged(BASE, ours, theirs);
    assert.strictEqual(r.conflicts.length, 1);
    const { id, copyId } = r.conflicts[0];
    assert.strictEqual(id, KISHIDA.id);
    assert.match(copyId, /^a-bbbbbbbbbb-[0-9a-f]{6}$/);
    const mine = r.sidecar.annotations.find((a) => a.id === id)!;
    const copy = r.sidecar.annotations.find((a) => a.id === copyId)!;
    assert.strictEqual(mine.note, 'ours');
    assert.strictEqual(mine.review, undefined);
    assert.deepStrictEqual([copy.note, copy.review, copy.conflictWith], ['theirs', 'conflict', id]);
    assert.match(r.text, new RegExp(`id: ${copyId}\\n(.*\\n)*?\\s+review: conflict\\n\\s+conflictWith: ${id}\\n`));
  });

  it('does not call the same change on both sides a conflict', () => {
    const both = edit(BASE, (s) => (s.annotations[0].note = 'same'));
    const r = merged(BASE, both, both);
    assert.deepStrictEqual(r.conflicts, []);
    assert.strictEqual(r.text, both);
  });

  it('keeps comments and unknown keys of each annotation and of the file', () => {
    const commented = BASE.replace('schema: 1', '# Reviewed by Ana\nschema: 1\nreviewTeam: desk') //
      .replace(/( {2}- id: a-bbbbbbbbbb\n)/, '  # Kishida: checked against the wire copy\n$1')
      .replace(/( {4}created: )/, '    reviewer: ana\n$1');
    assert.ok(parseSidecar(commented).ok);
    const ours = edit(commented, (s) => s.annotations.push(TOKYO));
    const theirs = edit(commented, (s) => (s.annotations[1].note = 'Prime minister'));
    const r = merged(commented, ours, theirs);
    assert.match(r.text, /^# Reviewed by Ana\n/);
    assert.match(r.text, /reviewTeam: desk/);
    assert.match(r.text, /# Kishida: checked against the wire copy\n {2}- id: a-bbbbbbbbbb/);
    assert.match(r.text, /reviewer: ana/);
    assert.match(r.text, /note: Prime minister/);
  });

  it('merges unknown top-level keys three-way', () => {
    const base = BASE + 'desk: world\n';
    const theirs = base.replace('desk: world', 'desk: asia') + 'checked: true\n';
    const r = merged(base, base, theirs);
    assert.match(r.text, /desk: asia/);
    assert.match(r.text, /checked: true/);
  });

  it('merges the publication date and entity merges (the folder sidecar) the same way', () => {
    const folderBase = serializeSidecar({ ...emptySidecar('', ''), mergeEntities: [['person:a', 'person:b']] });
    const ours = edit(folderBase, (s) => s.mergeEntities.push(['person:yoon', 'person:yoon-suk-yeol']));
    const theirs = edit(folderBase, (s) => {
      s.mergeEntities = [['org:un', 'org:united-nations']];
      s.published = '2023-03-16';
    });
    const r = merged(folderBase, ours, theirs);
    assert.deepStrictEqual(r.sidecar.mergeEntities, [
      ['org:un', 'org:united-nations'],
      ['person:yoon', 'person:yoon-suk-yeol'],
    ]);
    assert.strictEqual(r.sidecar.published, '2023-03-16');
  });

  it('keeps ours when both sides set different publication dates, with a note', () => {
    const ours = edit(BASE, (s) => (s.published = '2023-03-16'));
    const theirs = edit(BASE, (s) => (s.published = '2023-03-17'));
    const r = merged(BASE, ours, theirs);
    assert.strictEqual(r.sidecar.published, '2023-03-16');
    assert.match(r.notes.join('\n'), /published differs/);
  });

  it('is deterministic and idempotent: same inputs, same bytes; merging the result with itself changes nothing', () => {
    const ours = edit(BASE, (s) => {
      s.annotations.push(TOKYO);
      s.annotations[1].note = 'ours';
    });
    const theirs = edit(BASE, (s) => {
      s.annotations.push(ann('a-dddddddddd', 55, 70));
      s.annotations[1].note = 'theirs';
    });
    const a = merged(BASE, ours, theirs).text;
    assert.strictEqual(merged(BASE, ours, theirs).text, a);
    assert.strictEqual(merged(a, a, a).text, a);
    assert.strictEqual(merged(BASE, a, a).text, a);
    assert.strictEqual(merged(ours, ours, a).text, a);
    // The result merged again with one side (the copy for review already in it) is not copied twice.
    assert.strictEqual(merged(BASE, a, theirs).text, a);
  });

  it('merges without a base (both branches added the sidecar): everything kept, differing versions marked', () => {
    const ours = serializeSidecar(sidecar([YOON, KISHIDA]));
    const theirs = serializeSidecar(sidecar([{ ...KISHIDA, note: 'other' }, TOKYO]));
    const r = merged(null, ours, theirs);
    assert.strictEqual(r.sidecar.annotations.length, 4);
    assert.deepStrictEqual(
      r.conflicts.map((c) => c.id),
      [KISHIDA.id],
    );
  });

  it('refuses an input that does not parse, naming the side', () => {
    const r = mergeSidecarTexts(BASE, 'schema: [', BASE);
    assert.ok(!r.ok);
    assert.strictEqual(r.side, 'ours');
    assert.ok(r.error.line > 0);
  });
});

describe('sidecar conflict markers', () => {
  const ours = edit(BASE, (s) => s.annotations.push(TOKYO));
  const theirs = edit(BASE, (s) => s.annotations.push(ann('a-dddddddddd', 55, 70)));

  /** What git writes for two sides that changed the same region: common lines, then the differing block. */
  function conflicted(diff3: boolean): string {
    const common = BASE;
    const tail = (s: string) => s.slice(common.length);
    assert.ok(ours.startsWith(common) && theirs.startsWith(common));
    return (
      common +
      '<<<<<<< HEAD\n' +
      tail(ours) +
      (diff3 ? '||||||| base\n' : '') +
      '=======\n' +
      tail(theirs) +
      '>>>>>>> feature\n'
    );
  }

  it('detects the markers', () => {
    assert.ok(hasConflictMarkers(conflicted(false)));
    assert.ok(!hasConflictMarkers(BASE));
    assert.ok(!hasConflictMarkers('note: "<<<<<<< in a note"\n'));
  });

  it('splits a file into ours and theirs, and into base too when written diff3-style', () => {
    const two = splitConflictMarkers(conflicted(false))!;
    assert.deepStrictEqual([two.ours, two.theirs, two.base], [ours, theirs, null]);
    const three = splitConflictMarkers(conflicted(true))!;
    assert.deepStrictEqual([three.ours, three.theirs, three.base], [ours, theirs, BASE]);
    assert.strictEqual(splitConflictMarkers('a\n<<<<<<< HEAD\nb\n'), null);
  });

  it('resolves a conflicted sidecar into one holding both sides', () => {
    for (const diff3 of [false, true]) {
      const r = resolveConflictMarkers(conflicted(diff3));
      assert.ok(r.ok);
      assert.deepStrictEqual(ids(r.sidecar), ['a-aaaaaaaaaa', 'a-bbbbbbbbbb', 'a-cccccccccc', 'a-dddddddddd']);
      assert.ok(!hasConflictMarkers(r.text));
    }
  });

  it('uses the base of a diff3 file to see deletions', () => {
    const deleted = edit(BASE, (s) => s.annotations.splice(0, 1));
    const text = '<<<<<<< HEAD\n' + deleted + '||||||| base\n' + BASE + '=======\n' + theirs + '>>>>>>> feature\n';
    const r = resolveConflictMarkers(text);
    assert.ok(r.ok);
    assert.deepStrictEqual(ids(r.sidecar), ['a-bbbbbbbbbb', 'a-dddddddddd']);
  });
});

describe('settling an annotation marked for review', () => {
  const mine: AnnotationData = { id: 'a-x', start: 0, end: 4, exact: 'Yoon', prefix: '', suffix: ' Suk', note: 'ours' };
  const copy: AnnotationData = { ...mine, id: 'a-x-1a2b3c', note: 'theirs', review: 'conflict', conflictWith: 'a-x' };
  const other: AnnotationData = { ...mine, id: 'a-y', note: 'unrelated' };
  const list = [mine, copy, other];

  it('keep this version: it replaces the other under the original id, unmarked', () => {
    const out = settleReview(list, copy.id, 'this');
    assert.deepStrictEqual(out.map((a) => [a.id, a.note, a.review, a.conflictWith]).sort(), [
      ['a-x', 'theirs', undefined, undefined],
      ['a-y', 'unrelated', undefined, undefined],
    ]);
  });

  it('keep the other version: the copy goes; keep both: only the mark goes', () => {
    assert.deepStrictEqual(settleReview(list, copy.id, 'other'), [mine, other]);
    const both = settleReview(list, copy.id, 'both');
    assert.deepStrictEqual(
      both.map((a) => [a.id, a.review]),
      [
        ['a-x', undefined],
        ['a-x-1a2b3c', undefined],
        ['a-y', undefined],
      ],
    );
  });

  it('leaves annotations that are not marked for review alone', () => {
    assert.strictEqual(settleReview(list, 'a-y', 'other'), list);
  });
});
