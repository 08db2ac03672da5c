// A sidecar merged without the merge driver (git's conflict markers in it) in a real VS Code: the Problems entry,
// the quick fix Resolve Annotation Merge Conflict, both sides' annotations loaded, then settling the one to review.
import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import YAML from 'yaml';
import { ready, seed, waitFor } from './helpers';

type Raw = Record<string, unknown>;

/** An annotation of the first `nth` capitalised word of the text, in the sidecar's stored shape. */
function annotationOf(text: string, nth: number, id: string, note: string): Raw {
  const words = [...text.matchAll(/\b[A-Z][a-z]{3,}\b/g)];
  const m = words[nth];
  assert.ok(m && m.index !== undefined, `the article has no ${nth + 1}th capitalised word`);
  const [start, end] = [m.index, m.index + m[0].length];
  const quote = { exact: m[0], prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) };
  const time = '2026-11-30T10:00:00.000Z';
  return { id, tag: 'person', text: m[0], note, position: { start, end }, quote, created: time, modified: time };
}

/** The list items of `annotations`, indented as under the key. */
function items(list: Raw[]): string {
  return YAML.stringify(list, { lineWidth: 0 })
    .split('\n')
    .filter(Boolean)
    .map((l) => '  ' + l + '\n')
    .join('');
}

/** What git writes (diff3 style) when both branches changed the note of `ext-a` and each added one annotation. */
function conflicted(doc: vscode.TextDocument): string {
  const text = doc.getText();
  const header = YAML.stringify({
    schema: 1,
    article: path.basename(doc.uri.fsPath),
    textHash: 'sha256:' + createHash('sha256').update(text, 'utf8').digest('hex'),
  });
  const a = (note: string) => annotationOf(text, 0, 'ext-a', note);
  const ours = items([a('ours'), annotationOf(text, 1, 'ext-b', 'added on main')]);
  const base = items([a('base')]);
  const theirs = items([a('theirs'), annotationOf(text, 2, 'ext-c', 'added on feature')]);
  return `${header}annotations:\n<<<<<<< HEAD\n${ours}||||||| base\n${base}=======\n${theirs}>>>>>>> feature\n`;
}

async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range);
}

async function runAction(action: vscode.CodeAction | undefined): Promise<unknown> {
  assert.ok(action?.command, 'no such quick fix');
  return vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

describe('sidecar merge conflicts', () => {
  it('a sidecar with conflict markers gets a Problems entry whose quick fix merges both sides', async () => {
    const api = await ready({ annotations: true });
    const doc = await seed('002');
    await vscode.window.showTextDocument(doc);
    const file = doc.uri.fsPath + '.annotations.yaml';
    const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    try {
      fs.writeFileSync(file, conflicted(doc));
      const sidecarUri = vscode.Uri.file(file);
      const entry = await waitFor(
        () => vscode.languages.getDiagnostics(sidecarUri).find((d) => d.code === 'sidecar-merge-conflict'),
        {
          timeout: 8000,
          what: 'the merge conflict in Problems',
        },
      );
      assert.match(entry.message, /conflict markers/);
      assert.deepStrictEqual(await api.annotations.annotationsOf(doc.uri), []);
      // As when the user opens the Problems entry: code actions are asked of an open document.
      await vscode.workspace.openTextDocument(sidecarUri);
      const fixes = await codeActions(sidecarUri, entry.range);
      await runAction(fixes.find((x) => x.title === 'Resolve Annotation Merge Conflict'));
      const merged = YAML.parse(fs.readFileSync(file, 'utf8'));
      const ids = merged.annotations.map((x: Raw) => x.id);
      assert.strictEqual(ids.length, 4, ids.join(' '));
      assert.ok(
        ['ext-a', 'ext-b', 'ext-c'].every((id) => ids.includes(id)),
        ids.join(' '),
      );
      const copy = merged.annotations.find((x: Raw) => x.review === 'conflict');
      assert.deepStrictEqual([copy.note, copy.conflictWith], ['theirs', 'ext-a']);
      assert.ok(fs.readFileSync(file + '.orig', 'utf8').includes('<<<<<<< HEAD'), 'no .orig backup');
      const live = await waitFor(
        async () => {
          const l = await api.annotations.annotationsOf(doc.uri);
          return l.length === 4 && l;
        },
        { timeout: 8000, what: 'both sides loaded' },
      );
      assert.ok(live.every((x) => !x.orphan));
      await keepTheirs(doc, copy.id as string, file);
    } finally {
      if (before === null) fs.rmSync(file, { force: true });
      else fs.writeFileSync(file, before);
      fs.rmSync(file + '.orig', { force: true });
    }
  });
});

/** Runs the test body with `file` as it was put back afterwards (and the quick fix's backup removed). */
async function restoring(file: string, body: () => Promise<void>): Promise<void> {
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  try {
    await body();
  } finally {
    if (before === null) fs.rmSync(file, { force: true });
    else fs.writeFileSync(file, before);
    fs.rmSync(file + '.orig', { force: true });
  }
}

describe('folder sidecar merge conflicts', () => {
  it("the folder sidecar's conflict is merged by the same quick fix, both sides' entity merges kept", async () => {
    await ready({ annotations: true });
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const file = path.join(folder, 'folder.annotations.yaml');
    await restoring(file, async () => {
      const header = `schema: 1\narticle: ""\ntextHash: sha256:${'0'.repeat(64)}\nmergeEntities:\n`;
      const pair = (a: string, b: string) => `  - [ ${a}, ${b} ]\n`;
      const ours = pair('person:a', 'person:b');
      const theirs = pair('org:un', 'org:united-nations');
      fs.writeFileSync(file, `${header}<<<<<<< HEAD\n${ours}=======\n${theirs}>>>>>>> feature\n`);
      const uri = vscode.Uri.file(file);
      const entry = await waitFor(
        () => vscode.languages.getDiagnostics(uri).find((d) => d.code === 'sidecar-merge-conflict'),
        {
          timeout: 8000,
          what: 'the folder sidecar conflict in Problems',
        },
      );
      await vscode.workspace.openTextDocument(uri);
      await runAction(
        (await codeActions(uri, entry.range)).find((x) => x.title === 'Resolve Annotation Merge Conflict'),
      );
      assert.deepStrictEqual(YAML.parse(fs.readFileSync(file, 'utf8')).mergeEntities, [
        ['org:un', 'org:united-nations'],
        ['person:a', 'person:b'],
      ]);
      await waitFor(() => !vscode.languages.getDiagnostics(uri).length, { timeout: 8000, what: 'the entry to go' });
    });
  });
});

/** The version marked for review is listed on the article; "Keep this version" leaves one annotation, its note. */
async function keepTheirs(doc: vscode.TextDocument, copyId: string, file: string): Promise<void> {
  const review = await waitFor(
    () => vscode.languages.getDiagnostics(doc.uri).find((d) => d.code === `review:${copyId}`),
    {
      timeout: 8000,
      what: 'the annotation to review in Problems',
    },
  );
  assert.match(review.message, /changed differently in two branches/);
  const fixes = await codeActions(doc.uri, review.range);
  await runAction(fixes.find((x) => x.title.startsWith('Keep this version')));
  const after = YAML.parse(fs.readFileSync(file, 'utf8')).annotations as Raw[];
  assert.deepStrictEqual(after.map((x) => x.id).sort(), ['ext-a', 'ext-b', 'ext-c']);
  const a = after.find((x) => x.id === 'ext-a')!;
  assert.deepStrictEqual([a.note, a.review, a.conflictWith], ['theirs', undefined, undefined]);
  await waitFor(() => !vscode.languages.getDiagnostics(doc.uri).some((d) => String(d.code).startsWith('review:')), {
    timeout: 8000,
    what: 'the review entry to go',
  });
}
