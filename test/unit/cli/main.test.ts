// The bundled dist/cli.js run as a user runs it: analyze, its JSON contract, options and bad input.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli (the bundled dist/cli.js)', () => {
  it('analyses the seeds folder to the JSON contract', () => {
    const r = run(['analyze', '--json', path.join(ROOT, 'seeds')]);
    assert.strictEqual(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.strictEqual(json.articles.length, 5);
    const a = json.articles.find((x: { path: string }) => x.path.includes('003_'));
    assert.strictEqual(a.published, '2023-05-07');
    const text = fs.readFileSync(a.path, 'utf8');
    for (const e of [...a.entities, ...a.dates]) assert.strictEqual(text.slice(e.start, e.end), e.text);
    assert.ok(Array.isArray(json.events) && Array.isArray(json.quotes));
  });

  it('applies --published to every article and prints a readable summary without --json', () => {
    const r = run([
      'analyze',
      '--published',
      '2023-03-16',
      path.join(ROOT, 'seeds', fs.readdirSync(path.join(ROOT, 'seeds'))[0]),
    ]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /published: 2023-03-16/);
    assert.match(r.stdout, /Thursday → 2023-03-16/);
  });

  it('reports bad paths and binary files but still analyses the rest', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-cli-'));
    const bin = path.join(dir, 'image.txt');
    fs.writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    const good = path.join(dir, 'good.txt');
    fs.writeFileSync(good, '\uFEFFHeadline\n\nKishida met Yoon in Seoul on Sunday.\n');
    const r = run(['analyze', '--json', path.join(dir, 'missing.txt'), bin, good]);
    assert.strictEqual(r.code, 0);
    assert.match(r.stderr, /missing\.txt: no such file/);
    assert.match(r.stderr, /image\.txt: looks like a binary file/);
    const json = JSON.parse(r.stdout);
    assert.strictEqual(json.articles.length, 1);
    // The BOM is removed, so offsets are those VS Code gives.
    const e = json.articles[0].entities.find((x: { text: string }) => x.text === 'Seoul');
    assert.strictEqual('Headline\n\nKishida met Yoon in Seoul on Sunday.\n'.slice(e.start, e.end), 'Seoul');
  });

  it('exits non-zero only when nothing could be analysed, and on bad usage', () => {
    assert.strictEqual(run(['analyze', '/no/such/path']).code, 1);
    assert.strictEqual(run(['analyze', '--published', 'yesterday', 'x']).code, 2);
    assert.strictEqual(run(['frobnicate']).code, 2);
    assert.strictEqual(run(['--help']).code, 0);
  });
});
