// `analyze` on a folder with decisions in its folder.annotations.yaml gives the same suggestions as the core
// function the editor calls (suggestArticle over the same analysis), and a broken folder sidecar is reported and
// left as it is.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../src/cli/main';
import { CorpusIndex } from '../../../src/core/corpus';
import { learningArticleOf, suggestArticle } from '../../../src/core/learning';
import { createDecision, emptySidecar, serializeSidecar } from '../../../src/core/sidecar';

const ARTICLES: Record<string, string> = {
  'one.txt':
    'Apple unveils its watch\n\nApple said on Tuesday that the Apple Watch would go on sale in April. ' +
    'Kelling Ferries will sell it on board.\n',
  'sub/two.txt':
    'Ferries and watches\n\nKelling Ferries said the Apple Watch sold well. Apple said so too, in Paris.\n',
  'sub/three.txt': 'A cheaper band\n\nApple said on Wednesday that a cheaper Apple Watch band would reach shops.\n',
};

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('cli analyze applies the folder’s decisions', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-cli-decisions-'));
    for (const [name, text] of Object.entries(ARTICLES)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function decisions() {
    const one = ARTICLES['one.txt'];
    const two = ARTICLES['sub/two.txt'];
    const at = (text: string, needle: string, nth = 0) => {
      let i = -1;
      for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
      return { start: i, end: i + needle.length };
    };
    const base = { scope: 'here' as const };
    let t = Date.parse('2026-12-01T09:00:00Z');
    const when = () => new Date((t += 1000));
    return [
      createDecision(
        one,
        { ...base, action: 'tag', tag: 'organization', article: 'one.txt', ...at(one, 'Kelling Ferries') },
        when(),
        'd-aaaaaaaaa1',
      ),
      createDecision(
        one,
        { ...base, action: 'reject', tag: 'organization', article: 'one.txt', ...at(one, 'Apple Watch') },
        when(),
        'd-aaaaaaaaa2',
      ),
      createDecision(
        two,
        { ...base, action: 'reject', tag: 'organization', article: 'sub/two.txt', ...at(two, 'Apple Watch') },
        when(),
        'd-aaaaaaaaa3',
      ),
      createDecision(
        one,
        { ...base, action: 'accept', tag: 'organization', article: 'one.txt', ...at(one, 'Apple', 1) },
        when(),
        'd-aaaaaaaaa4',
      ),
      createDecision(
        two,
        { ...base, action: 'accept', tag: 'organization', article: 'sub/two.txt', ...at(two, 'Apple', 1) },
        when(),
        'd-aaaaaaaaa5',
      ),
      createDecision(
        two,
        { scope: 'folder', action: 'reject', tag: 'place', article: 'sub/two.txt', ...at(two, 'Paris') },
        when(),
        'd-aaaaaaaaa6',
      ),
    ];
  }

  it('prints for each article the suggestions of the core function, on the same analysis', async () => {
    const list = decisions();
    fs.writeFileSync(
      path.join(dir, 'folder.annotations.yaml'),
      serializeSidecar({ ...emptySidecar('', ''), decisions: list }),
    );
    const r = await run(['analyze', '--json', '--jobs', '1', dir]);
    assert.strictEqual(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { articles: Array<{ path: string; suggestions?: unknown }> };
    // The core function over the same analysis (the CLI's index, built the same way).
    const index = new CorpusIndex();
    for (const name of Object.keys(ARTICLES).sort()) {
      const file = path.join(dir, name);
      index.upsert(file, fs.readFileSync(file, 'utf8'));
    }
    index.link();
    assert.strictEqual(json.articles.length, 3);
    for (const a of json.articles) {
      const rel = path.relative(dir, a.path).split(path.sep).join('/');
      const expected = suggestArticle(learningArticleOf(rel, index.analysis(a.path)!), list);
      assert.deepStrictEqual(a.suggestions, JSON.parse(JSON.stringify(expected)), rel);
    }
    const byPath = (rel: string) =>
      json.articles.find((a) => a.path === path.join(dir, rel))!.suggestions as Array<{
        text: string;
        origin: string;
        state: string;
        tag: string;
      }>;
    // Propagated into another article, a folder-wide rejection hides, the tag propagates within the tagging article.
    assert.ok(byPath('sub/two.txt').some((s) => s.text === 'Kelling Ferries' && s.origin === 'your-tags'));
    assert.ok(byPath('sub/two.txt').some((s) => s.text === 'Paris' && s.state === 'hidden'));
    assert.ok(byPath('sub/three.txt').some((s) => s.text === 'Apple Watch' && s.state === 'demoted'));
    assert.ok(byPath('sub/three.txt').some((s) => s.text === 'Apple' && s.state === 'keep'));
    // The readable summary says what the decisions changed.
    const summary = await run(['analyze', '--jobs', '1', dir]);
    assert.match(summary.stdout, /after your decisions: .*1 from your tags \(Kelling Ferries\)/);
  });

  it('has no suggestions without decisions; a broken folder sidecar is reported and left as it is', async () => {
    const plain = JSON.parse((await run(['analyze', '--json', '--jobs', '1', dir])).stdout);
    assert.ok(plain.articles.every((a: object) => !('suggestions' in a)));
    const broken = 'schema: 1\ndecisions: [\n';
    fs.writeFileSync(path.join(dir, 'folder.annotations.yaml'), broken);
    const r = await run(['analyze', '--json', '--jobs', '1', dir]);
    assert.strictEqual(r.code, 0);
    assert.match(r.stderr, /folder\.annotations\.yaml does not parse .*suggestions come from the rules alone/);
    assert.ok(JSON.parse(r.stdout).articles.every((a: object) => !('suggestions' in a)));
    assert.strictEqual(fs.readFileSync(path.join(dir, 'folder.annotations.yaml'), 'utf8'), broken);
  });
});
