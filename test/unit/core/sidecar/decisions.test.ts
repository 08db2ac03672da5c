// Decision records in the folder sidecar: YAML round trip with comments, validation with the line, merge by id
// (three-way and git's driver), atomic updates, and a broken folder sidecar that is never overwritten.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  BrokenSidecarError,
  DecisionRecord,
  createDecision,
  emptySidecar,
  mergeDecisions,
  mergeSidecarTexts,
  parseSidecar,
  readFolderDecisions,
  serializeSidecar,
  updateFolderDecisions,
  updateSidecar,
} from '../../../../src/core/sidecar';

const TEXT = 'Apple said on Tuesday that the Apple Watch would go on sale in April.\n';
const NOW = new Date('2026-12-01T10:00:00.000Z');

function decision(id: string, action: DecisionRecord['action'], start: number, end: number, minutes = 0) {
  return createDecision(
    TEXT,
    { action, tag: 'organization', scope: 'here', article: 'news/watch.txt', start, end, suggested: 'organization' },
    new Date(NOW.getTime() + minutes * 60_000),
    id,
  );
}

const ACCEPT = decision('d-aaaaaaaaaa', 'accept', 0, 5);
const REJECT = decision('d-bbbbbbbbbb', 'reject', 31, 42, 1);
const TAG = decision('d-cccccccccc', 'tag', 31, 36, 2);

function folder(decisions: DecisionRecord[]): string {
  return serializeSidecar({ ...emptySidecar('', ''), decisions });
}

describe('core sidecar: decision records (folder.annotations.yaml)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-decisions-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('round-trips decisions through YAML in a stable order, keeping comments and unknown keys', () => {
    const text = folder([TAG, REJECT, ACCEPT]);
    assert.match(
      text,
      /decisions:\n {2}- id: d-aaaaaaaaaa\n {4}action: accept\n {4}tag: organization\n {4}text: Apple/,
    );
    const parsed = parseSidecar(text);
    assert.ok(parsed.ok);
    assert.deepStrictEqual(parsed.sidecar.decisions, [ACCEPT, REJECT, TAG]);
    const edited = text.replace(
      '  - id: d-bbbbbbbbbb\n',
      '  # product, not the company\n  - id: d-bbbbbbbbbb\n    reviewer: ana\n',
    );
    const again = parseSidecar(edited);
    assert.ok(again.ok);
    const rewritten = serializeSidecar({ ...again.sidecar, decisions: [ACCEPT, REJECT] }, again.document);
    assert.match(rewritten, /# product, not the company\n {2}- id: d-bbbbbbbbbb/);
    assert.match(rewritten, /reviewer: ana/);
    assert.doesNotMatch(rewritten, /d-cccccccccc/);
  });

  it('refuses a malformed decision with its line', () => {
    const bad = folder([ACCEPT, REJECT]).replace('action: reject', 'action: maybe');
    const r = parseSidecar(bad);
    assert.ok(!r.ok);
    assert.match(r.error.message, /decision 2: `action` must be accept, reject or tag/);
    assert.strictEqual(bad.split('\n')[r.error.line - 1].trim(), 'action: maybe');
  });

  it('merges two colleagues’ decisions by id: both additions kept, an undo on one side removes it', () => {
    const base = folder([ACCEPT]);
    const ours = folder([ACCEPT, REJECT]);
    const theirs = folder([TAG]); // they undid ACCEPT and tagged
    const merged = mergeSidecarTexts(base, ours, theirs);
    assert.ok(merged.ok);
    assert.deepStrictEqual(
      merged.sidecar.decisions?.map((d) => d.id),
      [REJECT.id, TAG.id],
    );
    // Without a base (both added the file) everything is kept.
    assert.deepStrictEqual(
      mergeDecisions(null, [ACCEPT], [TAG]).map((d) => d.id),
      [ACCEPT.id, TAG.id],
    );
    // Changed differently on both sides: ours, with a note.
    const notes: string[] = [];
    const out = mergeDecisions([ACCEPT], [{ ...ACCEPT, scope: 'folder' }], [{ ...ACCEPT, tag: 'place' }], notes);
    assert.strictEqual(out[0].scope, 'folder');
    assert.strictEqual(notes.length, 1);
  });

  it('updates the decisions atomically, keeping the annotations and merges of the folder sidecar', async () => {
    const file = path.join(dir, 'folder.annotations.yaml');
    fs.writeFileSync(
      file,
      '# the team’s folder sidecar\nschema: 1\narticle: ""\ntextHash: sha256:' +
        '0'.repeat(64) +
        '\nannotations: []\nmergeEntities:\n  - [ person:a, person:b ]\n',
    );
    await updateFolderDecisions(file, (list) => [...list, ACCEPT]);
    await updateFolderDecisions(file, (list) => [...list, REJECT]);
    const read = readFolderDecisions(file);
    assert.ok(read.kind === 'ok');
    assert.deepStrictEqual(read.decisions, [ACCEPT, REJECT]);
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, /^# the team’s folder sidecar/);
    assert.match(text, /person:a, person:b/);
    await updateFolderDecisions(file, (list) => list.filter((d) => d.id !== ACCEPT.id));
    assert.deepStrictEqual((readFolderDecisions(file) as { decisions: DecisionRecord[] }).decisions, [REJECT]);
    assert.deepStrictEqual(
      fs.readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock')),
      [],
    );
  });

  it('keeps the decisions when the editor updates the folder sidecar’s merges (updateSidecar)', async () => {
    const file = path.join(dir, 'folder.annotations.yaml');
    await updateFolderDecisions(file, () => [ACCEPT, TAG]);
    await updateSidecar(file, '', null, (d) => d.merges.push(['person:a', 'person:b']), dir);
    assert.deepStrictEqual((readFolderDecisions(file) as { decisions: DecisionRecord[] }).decisions, [ACCEPT, TAG]);
    assert.match(fs.readFileSync(file, 'utf8'), /person:a, person:b/);
  });

  it('a missing folder sidecar has no decisions; a broken one is never overwritten and says why', async () => {
    const file = path.join(dir, 'folder.annotations.yaml');
    assert.deepStrictEqual(readFolderDecisions(file), { kind: 'ok', decisions: [], missing: true });
    const broken = 'schema: 1\narticle: ""\ndecisions: [\n';
    fs.writeFileSync(file, broken);
    const read = readFolderDecisions(file);
    assert.strictEqual(read.kind, 'broken');
    assert.match((read as { message: string }).message, /folder\.annotations\.yaml does not parse \(line \d+\)/);
    assert.match((read as { message: string }).message, /suggestions come from the rules alone/);
    await assert.rejects(() => updateFolderDecisions(file, (list) => [...list, ACCEPT]), BrokenSidecarError);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), broken);
  });
});
