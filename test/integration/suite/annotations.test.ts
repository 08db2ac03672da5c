// User annotations in a real VS Code: every command called with its options object, asserted on the sidecar on disk.
import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import YAML from 'yaml';
import { hovers, ready, seed, waitFor } from './helpers';

interface Stored {
  id: string;
  start: number;
  end: number;
  exact: string;
  tag?: string;
  note?: string;
  status?: string;
  scope?: string;
  entityId?: string;
  event?: { id: string; label: string };
}

function sidecarOf(doc: vscode.TextDocument): string {
  return doc.uri.fsPath + '.annotations.yaml';
}

function readSidecar(doc: vscode.TextDocument): { published?: string; annotations: Stored[] } {
  const raw = YAML.parse(fs.readFileSync(sidecarOf(doc), 'utf8')) ?? {};
  // The core schema: position and quote selectors, entity, event {id, name}.
  const annotations = (raw.annotations ?? []).map((u: Record<string, any>) => ({
    id: u.id,
    start: u.position.start,
    end: u.position.end,
    exact: u.quote.exact,
    tag: u.tag,
    note: u.note,
    status: u.status,
    scope: u.scope,
    entityId: u.entity,
    event: u.event ? { id: u.event.id, label: u.event.name } : undefined,
  }));
  return { published: raw.published, annotations };
}

function span(doc: vscode.TextDocument, needle: string, nth = 0): { uri: string; start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = doc.getText().indexOf(needle, at + 1);
  assert.ok(at >= 0, `"${needle}" not in ${doc.fileName}`);
  return { uri: doc.uri.toString(), start: at, end: at + needle.length };
}

const run = <T>(command: string, options: object) =>
  vscode.commands.executeCommand<T>(`articleAnnotator.${command}`, options);

describe('user annotations', function () {
  this.timeout(60000);

  it('tagSelection writes the tag to the sidecar beside the article', async () => {
    await ready({ annotations: true });
    const doc = await seed('000');
    const s = span(doc, 'Fumio Kishida');
    await run('tagSelection', { ...s, tag: 'person' });
    const stored = readSidecar(doc).annotations.find((a) => a.start === s.start && a.end === s.end);
    assert.ok(stored, 'no annotation on disk');
    assert.strictEqual(stored.tag, 'person');
    assert.strictEqual(stored.exact, 'Fumio Kishida');
  });

  it('addNote stores the note and the hover shows it escaped, with no command links', async () => {
    await ready({ annotations: true });
    const doc = await seed('000');
    const s = span(doc, 'Fumio Kishida');
    const note = 'Check [this](command:workbench.action.quit) <b>bold</b>';
    await run('addNote', { ...s, note });
    const stored = readSidecar(doc).annotations.filter((a) => a.start === s.start && a.end === s.end);
    assert.strictEqual(stored.length, 1, 'the note should join the existing annotation');
    assert.strictEqual(stored[0].note, note);
    const md = (await hovers(doc, s.start + 2)).filter((m) => m.value.includes('Your annotation'));
    assert.strictEqual(md.length, 1, 'no annotation hover');
    assert.ok(md[0].value.includes('\\[this\\]\\(command\\:workbench'), md[0].value);
    assert.ok(md[0].value.includes('\\<b\\>'), md[0].value);
    assert.ok(!md[0].isTrusted, 'annotation hover must not be trusted');
  });

  it('linkToEvent links a span to a new named event', async () => {
    await ready({ annotations: true });
    const doc = await seed('000');
    const s = span(doc, 'summit');
    await run('linkToEvent', { ...s, event: 'Tokyo summit 2023' });
    const stored = readSidecar(doc).annotations.find((a) => a.start === s.start);
    assert.deepStrictEqual(stored?.event, { id: 'user:tokyo-summit-2023', label: 'Tokyo summit 2023' });
  });

  it('linkToEvent links a span to an event the analysis detected', async () => {
    const a = await ready({ annotations: true });
    type Found = { doc: vscode.TextDocument; ev: { span: { start: number; end: number }; eventId: string } };
    // Views answer ahead of indexing (after a restart of the worker, say): wait until a seed has its events.
    const found = await waitFor(
      async (): Promise<Found | undefined> => {
        for (const p of ['000', '001', '002', '003', '004']) {
          const doc = await seed(p);
          const ev = (await a.view(doc.uri))?.events[0];
          if (ev) return { doc, ev };
        }
        return undefined;
      },
      { what: 'a detected event in the seeds' },
    );
    const { doc, ev } = found;
    await run('linkToEvent', { uri: doc.uri.toString(), start: ev.span.start, end: ev.span.end, event: ev.eventId });
    const stored = readSidecar(doc).annotations.find((x) => x.start === ev.span.start && x.end === ev.span.end);
    assert.strictEqual(stored?.event?.id, ev.eventId);
    assert.ok(stored?.event?.label && !stored.event.id.startsWith('user:'), JSON.stringify(stored?.event));
    // What finds the event again is stored too, its articles relative to the annotated one (shared through git).
    const raw = (YAML.parse(fs.readFileSync(sidecarOf(doc), 'utf8')).annotations as Record<string, any>[]).find(
      (u) => u.position.start === ev.span.start,
    )!.event;
    assert.ok(Array.isArray(raw.articles) && raw.articles.length >= 1, JSON.stringify(raw));
    for (const p of raw.articles) assert.match(p, /^[^/:]+\.txt$/, 'a seed beside the article, by its relative path');
    assert.ok('date' in raw && 'place' in raw, JSON.stringify(raw));
    // The hover shows the event as the folder has it now, with a jump to another article that reports it.
    const shown = async () =>
      (await hovers(doc, ev.span.start)).filter((m) => m.value.includes('Your annotation')).map((m) => m.value);
    const now = await waitFor(async () => (await shown()).find((v) => /\d+ articles/.test(v)), {
      what: 'the linked event in the annotation hover',
    });
    assert.ok(now.includes('command:articleAnnotator.openMention'), now);
  });

  it('a link whose event id changed is found again by what it stored, and the hover says so', async () => {
    await ready({ annotations: true });
    const doc = await seed('000');
    const file = sidecarOf(doc);
    const yaml = YAML.parseDocument(fs.readFileSync(file, 'utf8'));
    const linked = (yaml.toJS().annotations as Record<string, any>[]).findIndex((u) => u.event?.articles);
    assert.ok(linked >= 0, 'the previous test linked an event in this seed');
    const at = yaml.getIn(['annotations', linked, 'position', 'start']) as number;
    const id = yaml.getIn(['annotations', linked, 'event', 'id']) as string;
    // As if a namesake event had gone and the numbered suffix of this one shifted.
    yaml.setIn(['annotations', linked, 'event', 'id'], `${id}-7`);
    fs.writeFileSync(file, yaml.toString());
    const v = await waitFor(
      async () =>
        (await hovers(doc, at)).map((m) => m.value).find((x) => x.includes('found again as') && x.includes('7')),
      { what: 'the hover of a link found again' },
    );
    assert.ok(v.includes(id.replace(/[-.]/g, (c) => '\\' + c)), v);
  });

  it('tagAllOccurrences tags every whole-word occurrence in the article, then in the folder', async () => {
    await ready({ annotations: true });
    const doc = await seed('001');
    const s = span(doc, 'Kishida');
    const expected = doc.getText().split(/(?<![\p{L}])Kishida(?![\p{L}])/u).length - 1;
    const n = await run<number>('tagAllOccurrences', { ...s, tag: 'pm', scope: 'article' });
    assert.strictEqual(n, expected);
    assert.strictEqual(readSidecar(doc).annotations.filter((a) => a.tag === 'pm').length, expected);
    const total = await run<number>('tagAllOccurrences', { ...s, tag: 'pm', scope: 'folder' });
    assert.ok(total > expected, `folder scope tagged ${total}, the article alone ${expected}`);
    const others = (await vscode.workspace.findFiles('*.txt')).filter(
      (u) => u.toString() !== doc.uri.toString() && fs.existsSync(u.fsPath + '.annotations.yaml'),
    );
    assert.ok(others.length >= 1, 'no other article got a sidecar');
  });

  it('acceptSuggestion and rejectSuggestion record judgements; a rejected span is no longer highlighted', async () => {
    const a = await ready({ annotations: true });
    const doc = await seed('002');
    const view = await a.view(doc.uri);
    assert.ok(view && view.entities.length >= 2, 'seed 002 has too few detected entities');
    const [first, second] = view.entities;
    await run('acceptSuggestion', { uri: doc.uri.toString(), start: first.start, end: first.start, scope: 'article' });
    await run('rejectSuggestion', { uri: doc.uri.toString(), start: second.start, end: second.end, scope: 'article' });
    const stored = readSidecar(doc).annotations;
    const acc = stored.find((x) => x.start === first.start && x.end === first.end);
    const rej = stored.find((x) => x.start === second.start && x.end === second.end);
    assert.strictEqual(acc?.status, 'accepted');
    assert.strictEqual(acc?.entityId, first.id);
    assert.strictEqual(rej?.status, 'rejected');
    assert.strictEqual(rej?.scope, 'here');
    const filtered = (await a.annotations.filterView(await a.view(doc.uri)))!;
    assert.ok(
      !filtered.entities.some((e) => e.start === second.start && e.end === second.end),
      'the rejected span is still drawn',
    );
    assert.ok(
      filtered.entities.some((e) => e.start === first.start),
      'the accepted span disappeared',
    );
  });

  it('rejectSuggestion with scope folder marks the entity wrong in every article that has it', async () => {
    const a = await ready({ annotations: true });
    const doc = await seed('000');
    const view = (await a.view(doc.uri))!;
    const tokyo = view.entities.find((e) => e.text === 'Tokyo');
    assert.ok(tokyo, 'Tokyo not detected in seed 000');
    const n = await run<number>('rejectSuggestion', {
      uri: doc.uri.toString(),
      start: tokyo.start,
      end: tokyo.end,
      scope: 'folder',
    });
    assert.ok(n >= 2, `only ${n} mention(s) rejected`);
    let articles = 0;
    for (const uri of await vscode.workspace.findFiles('*.txt')) {
      if (!fs.existsSync(uri.fsPath + '.annotations.yaml')) continue;
      const d = await vscode.workspace.openTextDocument(uri);
      if (readSidecar(d).annotations.some((x) => x.status === 'rejected' && x.entityId === tokyo.id)) articles++;
    }
    assert.ok(articles >= 2, `rejected in ${articles} article(s)`);
    for (const uri of await vscode.workspace.findFiles('*.txt')) {
      const drawn = await a.annotations.filterView(await a.view(uri));
      assert.ok(!drawn?.entities.some((e) => e.id === tokyo.id), `${uri.fsPath} still highlights ${tokyo.id}`);
    }
  });

  it('mergeEntities keeps the group in the folder sidecar', async () => {
    await ready({ annotations: true });
    const group = await run<string[]>('mergeEntities', { entities: ['person:yoon-suk-yeol', 'person:yoon'] });
    assert.deepStrictEqual(group, ['person:yoon-suk-yeol', 'person:yoon']);
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const raw = YAML.parse(fs.readFileSync(path.join(root, 'folder.annotations.yaml'), 'utf8'));
    assert.deepStrictEqual(raw.mergeEntities, [['person:yoon', 'person:yoon-suk-yeol']]);
  });

  it('setPublicationDate stores the date and every date resolution uses it', async () => {
    const a = await ready({ annotations: true });
    const doc = await seed('004');
    await run('setPublicationDate', { uri: doc.uri.toString(), date: '2021-02-03' });
    assert.strictEqual(String(readSidecar(doc).published), '2021-02-03');
    await waitFor(async () => (await a.view(doc.uri))?.published?.value === '2021-02-03', {
      timeout: 8000,
      what: 'the user date in the analysis',
    });
    assert.strictEqual((await a.view(doc.uri))!.published!.origin, 'user');
  });

  it('the Annotations view lists annotated articles with their annotations', async () => {
    const a = await ready({ annotations: true });
    const lines = a.annotations.annotationTreeText();
    const doc = await seed('000');
    const header = lines.findIndex((l) => l.startsWith(path.basename(doc.uri.fsPath)));
    assert.ok(header >= 0, lines.join('\n'));
    assert.match(lines[header], /\d+ annotations?/);
    assert.ok(
      lines.slice(header + 1).some((l) => l.startsWith('  Fumio Kishida — person')),
      lines.join('\n'),
    );
    assert.ok(lines.filter((l) => !l.startsWith(' ')).length >= 3, 'fewer than three annotated articles listed');
  });

  it('nextAnnotation and previousAnnotation move the selection through the article', async () => {
    await ready({ annotations: true });
    const doc = await seed('001');
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const first = await run<{ start: number; end: number }>('nextAnnotation', { uri: doc.uri.toString() });
    const second = await run<{ start: number; end: number }>('nextAnnotation', { uri: doc.uri.toString() });
    assert.ok(first && second && second.start > first.start, JSON.stringify({ first, second }));
    assert.strictEqual(doc.offsetAt(vscode.window.activeTextEditor!.selection.start), second.start);
    const back = await run<{ start: number }>('previousAnnotation', { uri: doc.uri.toString() });
    assert.strictEqual(back.start, first.start);
  });

  it('removeAnnotation deletes it from the sidecar', async () => {
    await ready({ annotations: true });
    const doc = await seed('000');
    const target = readSidecar(doc).annotations.find((a) => a.exact === 'summit');
    assert.ok(target);
    const removed = await run<number>('removeAnnotation', { uri: doc.uri.toString(), id: target.id });
    assert.strictEqual(removed, 1);
    assert.ok(!readSidecar(doc).annotations.some((a) => a.id === target.id));
  });

  it('edits in the editor move annotations with the text and are saved', async () => {
    await ready({ annotations: true });
    const doc = await seed('000');
    const before = readSidecar(doc).annotations.find((a) => a.exact === 'Fumio Kishida')!;
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(doc.positionAt(0), 'INSERTED LINE\n'));
    await waitFor(() => readSidecar(doc).annotations.find((a) => a.id === before.id)?.start === before.start + 14, {
      timeout: 8000,
      what: 'the moved annotation on disk',
    });
    const after = readSidecar(doc).annotations.find((a) => a.id === before.id)!;
    assert.strictEqual(doc.getText().slice(after.start, after.end), 'Fumio Kishida');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it(
    'a sidecar changed on disk is reloaded; ' + 'an annotation whose text is gone is orphaned with quick fixes',
    async () => {
      const a = await ready({ annotations: true });
      const doc = await seed('003');
      await vscode.window.showTextDocument(doc);
      const s = span(doc, 'Korea');
      const data = {
        schema: 1,
        article: path.basename(doc.uri.fsPath),
        textHash: 'sha256:' + createHash('sha256').update(doc.getText(), 'utf8').digest('hex'),
        published: '2022-05-06',
        annotations: [
          {
            id: 'ext-1',
            tag: 'place',
            text: 'Korea',
            position: { start: s.start, end: s.end },
            quote: {
              exact: 'Korea',
              prefix: doc.getText().slice(Math.max(0, s.start - 32), s.start),
              suffix: doc.getText().slice(s.end, s.end + 32),
            },
          },
          {
            id: 'ext-2',
            tag: 'claim',
            text: 'text that is in no article at all',
            position: { start: 10, end: 40 },
            quote: { exact: 'text that is in no article at all', prefix: 'zzz', suffix: 'qqq' },
          },
        ],
      };
      fs.writeFileSync(sidecarOf(doc), YAML.stringify(data));
      await waitFor(async () => (await a.annotations.annotationsOf(doc.uri)).length === 2, {
        timeout: 8000,
        what: 'the reload',
      });
      const live = await a.annotations.annotationsOf(doc.uri);
      assert.strictEqual(live.find((x) => x.id === 'ext-1')?.orphan, false);
      assert.strictEqual(live.find((x) => x.id === 'ext-2')?.orphan, true);
      await waitFor(async () => (await a.view(doc.uri))?.published?.value === '2022-05-06', {
        timeout: 8000,
        what: 'the pulled publication date in the analysis',
      });
      await waitFor(() => vscode.languages.getDiagnostics(doc.uri).some((d) => String(d.code) === 'orphan:ext-2'), {
        timeout: 8000,
        what: 'the orphan in Problems',
      });
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        doc.uri,
        new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)),
      );
      const titles = actions.map((x) => x.title);
      assert.ok(
        titles.some((t) => t.startsWith('Re-anchor')),
        titles.join(' | '),
      );
      assert.ok(
        titles.some((t) => t.startsWith('Delete the orphaned')),
        titles.join(' | '),
      );
      const reanchor = actions.find((x) => x.title.startsWith('Re-anchor'))!;
      await vscode.commands.executeCommand(reanchor.command!.command, ...(reanchor.command!.arguments ?? []));
      const fixed = readSidecar(doc).annotations.find((x) => x.id === 'ext-2')!;
      assert.strictEqual(fixed.exact, 'Korea');
    },
  );

  it('a broken sidecar is reported with its line and never overwritten by any command', async () => {
    const a = await ready({ annotations: true });
    const doc = await seed('003');
    const broken = 'article: x\nannotations:\n  - id: a\n    tag: [unclosed\n';
    fs.writeFileSync(sidecarOf(doc), broken);
    await waitFor(
      () => vscode.languages.getDiagnostics(vscode.Uri.file(sidecarOf(doc))).some((d) => /line \d+/.test(d.message)),
      { timeout: 8000, what: 'the YAML error in Problems' },
    );
    const s = span(doc, 'Korea');
    const calls: [string, object][] = [
      ['tagSelection', { ...s, tag: 'place' }],
      ['tagAllOccurrences', { ...s, tag: 'place', scope: 'article' }],
      ['linkToEvent', { ...s, event: 'x' }],
      ['addNote', { ...s, note: 'n' }],
      ['acceptSuggestion', { ...s, scope: 'article' }],
      ['rejectSuggestion', { ...s, scope: 'article' }],
      ['setPublicationDate', { uri: s.uri, date: '2020-01-01' }],
      ['removeAnnotation', { uri: s.uri, id: 'a' }],
      ['importAnnotations', { uri: s.uri, source: sidecarOf(doc) }],
    ];
    for (const [cmd, o] of calls) {
      await run(cmd, o);
      assert.strictEqual(fs.readFileSync(sidecarOf(doc), 'utf8'), broken, `${cmd} changed the broken sidecar`);
    }
    assert.deepStrictEqual(await a.annotations.annotationsOf(doc.uri), []);
    assert.ok(
      a.annotations
        .annotationTreeText()
        .some((l) => l.startsWith(path.basename(doc.uri.fsPath)) && l.includes('broken')),
      a.annotations.annotationTreeText().join('\n'),
    );
    await run('openSidecar', { uri: doc.uri.toString() });
    assert.strictEqual(
      vscode.window.activeTextEditor?.document.uri.fsPath,
      sidecarOf(doc),
      'the broken sidecar was not opened',
    );
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    fs.unlinkSync(sidecarOf(doc));
  });

  it('works on the word at the cursor when no offsets are given', async () => {
    await ready({ annotations: true });
    const doc = await seed('001');
    const editor = await vscode.window.showTextDocument(doc);
    const s = span(doc, 'Kishida');
    editor.selection = new vscode.Selection(doc.positionAt(s.start + 3), doc.positionAt(s.start + 3));
    assert.strictEqual(
      vscode.window.activeTextEditor?.document.uri.toString(),
      doc.uri.toString(),
      'the seed is not the active editor',
    );
    const made = await run<{ start: number; end: number; exact: string }>('tagSelection', { tag: 'cursor-word' });
    assert.deepStrictEqual(made && [made.start, made.end, made.exact], [s.start, s.end, 'Kishida']);
    const stored = readSidecar(doc).annotations.filter((a) => a.tag === 'cursor-word');
    assert.deepStrictEqual(
      stored.map((a) => [a.start, a.end, a.exact]),
      [[s.start, s.end, 'Kishida']],
    );
    const line = doc.lineAt(doc.positionAt(s.start).line);
    editor.selection = new vscode.Selection(line.range.start, line.range.end);
    const whole = await run<{ start: number; end: number }>('addNote', { note: 'whole line' });
    assert.deepStrictEqual(whole && [whole.start, whole.end], [
      doc.offsetAt(line.range.start),
      doc.offsetAt(line.range.end),
    ]);
  });

  it('an annotation another window wrote to the sidecar meanwhile is kept when this window adds one', async () => {
    await ready({ annotations: true });
    const doc = await seed('004');
    const file = sidecarOf(doc);
    const raw = YAML.parse(fs.readFileSync(file, 'utf8'));
    const other = span(doc, doc.getText().match(/[A-Z][a-z]{4,}/)![0]);
    raw.annotations = [
      ...(raw.annotations ?? []),
      {
        id: 'a-otherwindo',
        tag: 'claim',
        text: doc.getText().slice(other.start, other.end),
        position: { start: other.start, end: other.end },
        quote: { exact: doc.getText().slice(other.start, other.end), prefix: '', suffix: '' },
      },
    ];
    fs.writeFileSync(file, YAML.stringify(raw));
    const mine = span(doc, doc.getText().match(/\b[a-z]{6,}\b/)![0]);
    await run('tagSelection', { ...mine, tag: 'mine' });
    const ids = readSidecar(doc).annotations.map((a) => a.id);
    assert.ok(ids.includes('a-otherwindo'), `the other window's annotation was lost: ${ids.join(', ')}`);
    assert.ok(readSidecar(doc).annotations.some((a) => a.tag === 'mine'));
    assert.strictEqual(String(readSidecar(doc).published), '2021-02-03', 'the publication date was lost');
  });

  it('articleAnnotator.sidecarFolder moves new sidecars into one folder', async () => {
    await ready({ annotations: true });
    const config = vscode.workspace.getConfiguration('articleAnnotator');
    await config.update('sidecarFolder', 'notes', vscode.ConfigurationTarget.Workspace);
    try {
      const doc = await seed('003');
      const s = span(doc, 'Korea');
      await run('tagSelection', { ...s, tag: 'in-folder' });
      const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
      const moved = path.join(root, 'notes', path.basename(doc.uri.fsPath) + '.annotations.yaml');
      assert.ok(fs.existsSync(moved), `${moved} was not written`);
      assert.ok(fs.readFileSync(moved, 'utf8').includes('in-folder'));
      assert.ok(!fs.existsSync(sidecarOf(doc)), 'a sidecar was written beside the article too');
    } finally {
      await config.update('sidecarFolder', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('exports every format to files that exist and parse', async () => {
    await ready({ annotations: true });
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const out = path.join(path.dirname(root), 'export-' + Date.now());
    for (const format of ['w3c', 'brat', 'conll', 'csv', 'jsonl']) {
      const files = await run<string[]>('exportAnnotations', { format, target: path.join(out, format) });
      assert.ok(files && files.length >= 1, `${format}: nothing written`);
      for (const f of files) assert.ok(fs.existsSync(f), `${f} missing`);
    }
    const w3c = JSON.parse(fs.readFileSync(path.join(out, 'w3c', 'annotations.w3c.json'), 'utf8'));
    assert.strictEqual(w3c.type, 'AnnotationCollection');
    assert.ok(w3c.first.items.length >= 5);
    assert.ok(
      w3c.first.items.every((i: { target: { selector: { type: string }[] } }) =>
        i.target.selector.some((x) => x.type === 'TextQuoteSelector'),
      ),
    );
    const jsonl = fs
      .readFileSync(path.join(out, 'jsonl', 'annotations.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.strictEqual(jsonl.length, w3c.first.items.length);
    const csv = fs
      .readFileSync(path.join(out, 'csv', 'annotations.csv'), 'utf8')
      .trim()
      .split('\r\n');
    assert.ok(csv[0].startsWith('article,id,tag,start,end,text'), csv[0]);
    const conll = fs
      .readFileSync(path.join(out, 'conll', 'annotations.conll'), 'utf8')
      .split('\n')
      .filter((l) => l.trim());
    const bad = conll.filter((l) => !/^\S+ \S+ \S+ (O|[BI]-\S+)$/.test(l));
    assert.deepStrictEqual(bad, [], 'CoNLL lines are not "token _ _ label"');
    assert.ok(
      conll.includes('Fumio _ _ B-PER') && conll.includes('Kishida _ _ I-PER'),
      'Fumio Kishida is not B-PER I-PER',
    );
    const anns = fs.readdirSync(path.join(out, 'brat')).filter((f) => f.endsWith('.ann'));
    assert.ok(anns.length >= 2);
    for (const f of anns) {
      const text = fs.readFileSync(path.join(out, 'brat', f.replace(/\.ann$/, '.txt')), 'utf8');
      for (const line of fs
        .readFileSync(path.join(out, 'brat', f), 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('T'))) {
        const m = /^T\d+\t\S+ (\d+) (\d+)\t(.*)$/.exec(line);
        // brat counts code points
        if (m) assert.strictEqual(Array.from(text).slice(+m[1], +m[2]).join(''), m[3], `${f}: ${line}`);
      }
    }
  });

  it('import round trip: W3C and brat files of an article give back its annotations', async () => {
    const a = await ready({ annotations: true });
    const doc = await seed('002');
    // Exports carry the user's record (rejected suggestions are left out), so compare what is not rejected.
    const before = (await a.annotations.annotationsOf(doc.uri))
      .filter((x) => x.status !== 'rejected')
      .map((x) => `${x.start}-${x.end}:${x.tag}`)
      .sort();
    assert.ok(before.length >= 1);
    const dir = path.join(path.dirname(vscode.workspace.workspaceFolders![0].uri.fsPath), 'roundtrip-' + Date.now());
    const [w3cFile] = await run<string[]>('exportAnnotations', {
      uri: doc.uri.toString(),
      format: 'w3c',
      target: path.join(dir, 'one.json'),
    });
    fs.unlinkSync(sidecarOf(doc));
    await waitFor(async () => (await a.annotations.annotationsOf(doc.uri)).length === 0, {
      timeout: 8000,
      what: 'the sidecar removal',
    });
    const n = await run<number>('importAnnotations', { uri: doc.uri.toString(), source: w3cFile });
    assert.strictEqual(n, before.length);
    const after = readSidecar(doc)
      .annotations.map((x) => `${x.start}-${x.end}:${x.tag}`)
      .sort();
    assert.deepStrictEqual(after, before);
    await run('tagSelection', { ...span(doc, doc.getText().match(/[A-Z][a-z]{3,}/)![0]), tag: 'claim' });
    const tagged = readSidecar(doc)
      .annotations.filter((x) => x.status !== 'rejected')
      .map((x) => `${x.start}-${x.end}:${x.tag}`)
      .sort();
    const files = await run<string[]>('exportAnnotations', {
      uri: doc.uri.toString(),
      format: 'brat',
      target: path.join(dir, 'brat'),
    });
    fs.unlinkSync(sidecarOf(doc));
    await waitFor(async () => (await a.annotations.annotationsOf(doc.uri)).length === 0, {
      timeout: 8000,
      what: 'the sidecar removal',
    });
    await run('importAnnotations', { uri: doc.uri.toString(), source: files.find((f) => f.endsWith('.ann')) });
    assert.deepStrictEqual(
      readSidecar(doc)
        .annotations.map((x) => `${x.start}-${x.end}:${x.tag}`)
        .sort(),
      tagged,
    );
  });
});
