// `analyze --jobs N` and `--jsonl` through the bundled dist/cli.js: worker threads give byte-identical
// output to one thread, and the JSON lines carry exactly the --json contract.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateArticles, realArticles, writeFolder } from '../../../scripts/bench/generate';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// @slow: the folder of 200 articles is analysed three times (about 10 s on an idle machine).
describe('cli analyze --jobs and --jsonl (the bundled dist/cli.js) @slow', function () {
  this.timeout(300_000);
  let dir: string;
  let inputs: string[];
  let single: ReturnType<typeof run>;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-cli-jobs-'));
    writeFolder(path.join(dir, 'generated'), generateArticles(realArticles(), 200));
    // A binary file in a folder is skipped silently; one named explicitly, and a missing path, are reported.
    fs.writeFileSync(path.join(dir, 'generated', 'zz-image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2]));
    fs.writeFileSync(path.join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2]));
    inputs = [
      path.join(ROOT, 'seeds'),
      path.join(dir, 'generated'),
      path.join(dir, 'image.txt'),
      path.join(dir, 'missing.txt'),
    ];
    single = run(['analyze', '--json', '--jobs', '1', ...inputs]);
    assert.strictEqual(single.code, 0, single.stderr);
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives byte-identical --json and the same messages with --jobs 2 as with --jobs 1', () => {
    const pooled = run(['analyze', '--json', '--jobs', '2', ...inputs]);
    assert.strictEqual(pooled.code, 0, pooled.stderr);
    assert.strictEqual(pooled.stdout, single.stdout);
    assert.strictEqual(pooled.stderr, single.stderr);
    assert.match(single.stderr, /image\.txt: looks like a binary file/);
    assert.match(single.stderr, /missing\.txt: no such file/);
    assert.doesNotMatch(single.stderr, /zz-image/);
    const json = JSON.parse(single.stdout);
    assert.strictEqual(json.articles.length, 205);
    // Written element by element, it is still exactly the pretty-printed object.
    assert.strictEqual(single.stdout, JSON.stringify(json, null, 2) + '\n');
  });

  it('analyses a folder under 500 files in one thread unless --jobs asks for more', () => {
    const byDefault = run(['analyze', '--json', '--timings', path.join(dir, 'generated')]);
    assert.strictEqual(byDefault.code, 0, byDefault.stderr);
    assert.match(byDefault.stderr, /analysis of 200 articles in 1 thread\(s\)/);
    const asked = run(['analyze', '--json', '--timings', '--jobs', '2', path.join(dir, 'generated')]);
    assert.match(asked.stderr, /analysis of 200 articles in 2 thread\(s\)/);
    assert.strictEqual(asked.stdout, byDefault.stdout);
  });

  it('writes --jsonl as one line per article, then per event, then per quote, with the --json fields', () => {
    const r = run(['analyze', '--jsonl', '--jobs', '2', ...inputs]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.ok(r.stdout.endsWith('\n'));
    const lines = r.stdout.slice(0, -1).split('\n');
    const records = lines.map((l) => JSON.parse(l) as { type: string; [k: string]: unknown });
    const types = records.map((x) => x.type);
    const order = ['article', 'event', 'quote'];
    for (let i = 1; i < types.length; i++)
      assert.ok(
        order.indexOf(types[i - 1]) <= order.indexOf(types[i]),
        `line ${i + 1}: ${types[i]} after ${types[i - 1]}`,
      );
    const strip = (type: string) => records.filter((x) => x.type === type).map(({ type: _t, ...rest }) => rest);
    const json = JSON.parse(single.stdout);
    assert.ok(json.events.length > 0 && json.quotes.length > 0, 'the folder has events and quotes to compare');
    assert.deepStrictEqual({ articles: strip('article'), events: strip('event'), quotes: strip('quote') }, json);
  });
});

describe('cli analyze --jobs usage', () => {
  it('rejects a bad --jobs and --json with --jsonl', () => {
    assert.strictEqual(run(['analyze', '--jobs', '0', 'seeds']).code, 2);
    assert.strictEqual(run(['analyze', '--jobs', 'many', 'seeds']).code, 2);
    assert.strictEqual(run(['analyze', '--json', '--jsonl', 'seeds']).code, 2);
  });
});
