// A real git merge of two branches that both annotated the same article, with the sidecar merge driver configured as
// the README says (the extension's own dist/cli.js): no conflict, a valid sidecar, both sides' annotations loaded.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import YAML from 'yaml';
import { extension, ready } from './helpers';

const ARTICLE = [
  'Harbour board approves night ferry trial',
  '',
  'EASTPORT — The harbour board on Tuesday approved a six-month trial of a night ferry to Westhaven.',
  'Marta Kelling, who chairs the board, said the crossings would start in May.',
  'Dorian Vasquez-Holt of the Ferry Workers Union said crews had not been consulted.',
  '',
].join('\n');

/** An annotation of `needle` in the sidecar's stored shape. */
function annotation(id: string, needle: string, tag: string): Record<string, unknown> {
  const start = ARTICLE.indexOf(needle);
  assert.ok(start >= 0, needle);
  const end = start + needle.length;
  const quote = {
    exact: needle,
    prefix: ARTICLE.slice(Math.max(0, start - 32), start),
    suffix: ARTICLE.slice(end, end + 32),
  };
  const time = '2026-12-01T10:00:00.000Z';
  return { id, tag, text: needle, position: { start, end }, quote, created: time, modified: time };
}

function sidecar(annotations: Record<string, unknown>[]): string {
  const hash = 'sha256:' + createHash('sha256').update(ARTICLE, 'utf8').digest('hex');
  return YAML.stringify({ schema: 1, article: 'ferry.txt', textHash: hash, annotations }, { lineWidth: 0 });
}

describe('git merge with the sidecar merge driver', () => {
  it('two branches that annotated the same article merge into a valid sidecar holding both sides', async () => {
    const api = await ready({ annotations: true });
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-git-merge-'));
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const cli = path.join(extension().extensionPath, 'dist', 'cli.js');
      assert.ok(fs.existsSync(cli), `${cli} is missing: run npm run build`);
      git('init', '-q', '-b', 'main');
      git('config', 'user.email', 'test@example.invalid');
      git('config', 'user.name', 'Test');
      // The README's three lines (with this Node, which need not be on PATH in the extension host).
      fs.writeFileSync(path.join(repo, '.gitattributes'), '*.annotations.yaml merge=article-annotations\n');
      git('config', 'merge.article-annotations.name', 'Article Annotator sidecar merge');
      git('config', 'merge.article-annotations.driver', `"${process.execPath}" "${cli}" merge-sidecar %O %A %B`);
      const side = path.join(repo, 'ferry.txt.annotations.yaml');
      fs.writeFileSync(path.join(repo, 'ferry.txt'), ARTICLE);
      const base = annotation('base-1', 'Marta Kelling', 'person');
      fs.writeFileSync(side, sidecar([base]));
      git('add', '-A');
      git('commit', '-q', '-m', 'base');
      git('checkout', '-q', '-b', 'colleague');
      fs.writeFileSync(side, sidecar([base, annotation('theirs-1', 'Ferry Workers Union', 'organization')]));
      git('commit', '-q', '-am', 'colleague tags the union');
      git('checkout', '-q', 'main');
      fs.writeFileSync(side, sidecar([base, annotation('ours-1', 'Dorian Vasquez-Holt', 'person')]));
      git('commit', '-q', '-am', 'we tag the union man');
      git('merge', '-q', '--no-edit', 'colleague');

      const merged = fs.readFileSync(side, 'utf8');
      assert.ok(!/^(<{7}|={7}|>{7})/m.test(merged), `conflict markers left:\n${merged}`);
      assert.strictEqual(git('status', '--porcelain').trim(), '', 'the merge left changes or conflicts');
      const ids = (YAML.parse(merged).annotations as { id: string }[]).map((a) => a.id).sort();
      assert.deepStrictEqual(ids, ['base-1', 'ours-1', 'theirs-1']);
      // The extension reads the merged sidecar: all three placed in the article, none orphaned.
      const live = await api.annotations.annotationsOf(vscode.Uri.file(path.join(repo, 'ferry.txt')));
      assert.deepStrictEqual(live.map((a) => a.id).sort(), ['base-1', 'ours-1', 'theirs-1']);
      assert.ok(
        live.every((a) => !a.orphan),
        JSON.stringify(live),
      );
      const union = live.find((a) => a.id === 'theirs-1')!;
      assert.strictEqual(ARTICLE.slice(union.start, union.end), 'Ferry Workers Union');
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });
});
