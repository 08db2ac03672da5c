// `article-annotator import` as a user runs it (the bundled dist/cli.js, which loads dist/webPageImporter.js):
// what it writes and prints, its exit codes, and `analyze` on what it wrote.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'webpages');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli import (saved web pages)', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-cli-import-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes <slug>.md beside each page, prints what it wrote, and leaves the page untouched', () => {
    const page = path.join(dir, 'page.html');
    fs.copyFileSync(path.join(FIXTURES, 'millbrook-bypass-no-metadata.html'), page);
    const r = run(['import', page]);
    assert.strictEqual(r.code, 0, r.stderr);
    const md = path.join(dir, 'council-to-vote-on-millbrook-bypass-route.md');
    assert.match(
      r.stdout,
      new RegExp(
        `^${md.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}  ` +
          '\\(Council to vote on Millbrook bypass route; \\d+ words, from ',
      ),
    );
    assert.match(
      fs.readFileSync(md, 'utf8'),
      /^---\ntitle: Council to vote on Millbrook bypass route\nauthors:\n {2}- Jonas Whitcombe\n {2}- Priya Raman\n/,
    );
    assert.strictEqual(
      fs.readFileSync(page, 'utf8'),
      fs.readFileSync(path.join(FIXTURES, 'millbrook-bypass-no-metadata.html'), 'utf8'),
    );
  });

  it('with --out writes there, adds -2 rather than overwrite, reports a non-article and imports the rest', () => {
    const out = path.join(dir, 'articles');
    const pages = ['library-strike-opengraph.html', 'politics-section-front.html'].map((f) => path.join(FIXTURES, f));
    assert.strictEqual(run(['import', '--out', out, pages[0]]).code, 0);
    const r = run(['import', `--out=${out}`, ...pages]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.deepStrictEqual(fs.readdirSync(out).sort(), [
      'library-strike-ends-after-11-days-2.md',
      'library-strike-ends-after-11-days.md',
    ]);
    assert.match(r.stderr, /politics-section-front\.html: not an article: .*; nothing written/);
    assert.match(r.stderr, /1 of 2 page\(s\) imported/);
  });

  it('exits 1 when nothing was imported and 2 on wrong arguments', () => {
    const r = run([
      'import',
      '--out',
      dir,
      path.join(FIXTURES, 'politics-section-front.html'),
      path.join(dir, 'missing.html'),
    ]);
    assert.strictEqual(r.code, 1);
    assert.match(r.stderr, /missing\.html: no such file/);
    assert.deepStrictEqual(fs.readdirSync(dir), []);
    assert.strictEqual(run(['import']).code, 2);
    assert.strictEqual(run(['import', '--format', 'x', 'a.html']).code, 2);
    assert.strictEqual(run(['import', '--out']).code, 2);
  });

  it('analyze resolves the imported article’s relative dates against its publication date', () => {
    assert.strictEqual(run(['import', '--out', dir, path.join(FIXTURES, 'harbour-ferry-jsonld-graph.html')]).code, 0);
    const md = path.join(dir, 'harbour-board-approves-night-ferry-trial.md');
    // Until `analyze` reads the front matter, the date is given as --published (the front matter's published).
    const r = run(['analyze', '--published', '2025-03-14', md]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /Thursday → 2025-03-13/);
    assert.match(r.stdout, /Aileen Brosnan/);
  });
});
