// git + the bundled CLI as a merge driver: two branches annotate the same article, `git merge` gives one valid sidecar.
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  SidecarStore,
  createAnnotation,
  emptySidecar,
  hasConflictMarkers,
  nodeFileSystem,
  parseSidecar,
  resolveConflictedSidecarFile,
} from '../../../src/core/sidecar';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const TEXT =
  'Yoon Suk Yeol met Fumio Kishida in Tokyo on Thursday.\n\nThe two leaders agreed to resume "shuttle diplomacy".\n';
const NOW = new Date('2026-11-23T10:00:00.000Z');

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A repository with an article and its sidecar (one annotation) on `main`, written by the core's store. */
async function repository(): Promise<{ dir: string; sidecar: string; store: SidecarStore }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-merge-driver-'));
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'test@example.org');
  git(dir, 'config', 'user.name', 'Test');
  git(dir, 'config', 'commit.gpgsign', 'false');
  fs.writeFileSync(path.join(dir, 'a.txt'), TEXT);
  const store = new SidecarStore({ fs: nodeFileSystem(), workspaceRoot: dir });
  const sidecar = store.sidecarPath('a.txt');
  await annotate(store, sidecar, 'a-aaaaaaaaaa', 0, 13, 'President of South Korea');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'article and sidecar');
  return { dir, sidecar, store };
}

async function annotate(
  store: SidecarStore,
  sidecar: string,
  id: string,
  start: number,
  end: number,
  note: string,
): Promise<void> {
  const r = await store.update(sidecar, (s) => {
    const next = s ?? emptySidecar('a.txt', TEXT);
    next.annotations.push(createAnnotation(TEXT, { start, end, tag: 'person', note }, NOW, id));
    return next;
  });
  assert.ok(r.ok && r.written);
}

/** `feature` adds Kishida and `main` adds Tokyo, both at the end of the list: git alone sees a conflict there. */
async function divergingBranches(dir: string, sidecar: string, store: SidecarStore): Promise<void> {
  git(dir, 'checkout', '-q', '-b', 'feature');
  await annotate(store, sidecar, 'a-bbbbbbbbbb', 18, 31, 'Prime minister of Japan');
  git(dir, 'commit', '-q', '-am', 'Kishida');
  git(dir, 'checkout', '-q', 'main');
  await annotate(store, sidecar, 'a-cccccccccc', 35, 40, 'Capital of Japan');
  git(dir, 'commit', '-q', '-am', 'Tokyo');
}

function useDriver(dir: string): void {
  fs.writeFileSync(path.join(dir, '.gitattributes'), '*.annotations.yaml merge=article-annotations\n');
  git(dir, 'config', 'merge.article-annotations.name', 'Article Annotator sidecar merge');
  git(dir, 'config', 'merge.article-annotations.driver', `"${process.execPath}" "${CLI}" merge-sidecar %O %A %B`);
  git(dir, 'add', '.gitattributes');
  git(dir, 'commit', '-q', '-m', 'merge driver for sidecars');
}

describe('merge-sidecar as git merge driver (real git, dist/cli.js)', function () {
  this.timeout(60_000);

  it('merges two branches that annotated the same article into one valid sidecar', async () => {
    const { dir, sidecar, store } = await repository();
    useDriver(dir);
    await divergingBranches(dir, sidecar, store);
    const r = spawnSync('git', ['merge', '--no-edit', 'feature'], { cwd: dir, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stdout + r.stderr);
    const text = fs.readFileSync(sidecar, 'utf8');
    assert.ok(!hasConflictMarkers(text), text);
    const parsed = parseSidecar(text);
    assert.ok(parsed.ok, text);
    assert.deepStrictEqual(
      parsed.sidecar.annotations.map((a) => [a.id, a.note]),
      [
        ['a-aaaaaaaaaa', 'President of South Korea'],
        ['a-bbbbbbbbbb', 'Prime minister of Japan'],
        ['a-cccccccccc', 'Capital of Japan'],
      ],
    );
    assert.strictEqual(git(dir, 'status', '--porcelain'), '');
  });

  it('without the driver git leaves markers, which the core resolves (keeping a .orig backup)', async () => {
    const { dir, sidecar, store } = await repository();
    await divergingBranches(dir, sidecar, store);
    git(dir, 'config', 'merge.conflictStyle', 'diff3');
    const r = spawnSync('git', ['merge', '--no-edit', 'feature'], { cwd: dir, encoding: 'utf8' });
    assert.notStrictEqual(r.status, 0);
    const conflicted = fs.readFileSync(sidecar, 'utf8');
    assert.ok(hasConflictMarkers(conflicted) && conflicted.includes('|||||||'), conflicted);
    const resolved = resolveConflictedSidecarFile(sidecar);
    assert.ok(resolved.ok, resolved.ok ? '' : resolved.message);
    assert.strictEqual(fs.readFileSync(sidecar + '.orig', 'utf8'), conflicted);
    const parsed = parseSidecar(fs.readFileSync(sidecar, 'utf8'));
    assert.ok(parsed.ok);
    assert.deepStrictEqual(
      parsed.sidecar.annotations.map((a) => a.id),
      ['a-aaaaaaaaaa', 'a-bbbbbbbbbb', 'a-cccccccccc'],
    );
  });

  it('exits 1 with a clear message and leaves OURS untouched when an input does not parse', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-merge-driver-'));
    const good = path.join(dir, 'good.yaml');
    fs.writeFileSync(good, 'schema: 1\narticle: a.txt\ntextHash: sha256:' + '0'.repeat(64) + '\n');
    const broken = path.join(dir, 'ours.yaml');
    fs.writeFileSync(broken, 'schema: [\n');
    const r = spawnSync(process.execPath, [CLI, 'merge-sidecar', good, broken, good], { encoding: 'utf8' });
    assert.strictEqual(r.status, 1);
    assert.match(r.stderr, /our version \(.*ours\.yaml\) does not parse \(line \d+/);
    assert.match(r.stderr, /left as it is/);
    assert.strictEqual(fs.readFileSync(broken, 'utf8'), 'schema: [\n');
    const theirsBroken = spawnSync(process.execPath, [CLI, 'merge-sidecar', good, good, broken], { encoding: 'utf8' });
    assert.strictEqual(theirsBroken.status, 1);
    assert.strictEqual(spawnSync(process.execPath, [CLI, 'merge-sidecar', good], { encoding: 'utf8' }).status, 2);
  });
});
