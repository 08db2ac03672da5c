// The side bar and the coverage matrix in a real VS Code: contributed
// views, their top-level items, refresh on change, the webview.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Api, ready, waitFor } from './helpers';

/** The first column of row 0 that holds a ✓ (tries each until one opens). */
async function firstTickedColumn(views: Api['views']): Promise<number> {
  const { columns } = await views.showCoverage();
  for (let col = 0; col < columns; col++) {
    const ref = await views.openCoverageCell(0, col);
    if (ref) return col;
  }
  return -1;
}

describe('views', function () {
  this.timeout(60000);

  it('contributes the Article Annotator container with Entities, Events and Quotes views', async () => {
    await ready();
    const commands = await vscode.commands.getCommands(true);
    for (const id of [
      'workbench.view.extension.articleAnnotator',
      'articleAnnotator.entities.focus',
      'articleAnnotator.events.focus',
      'articleAnnotator.quotes.focus',
    ]) {
      assert.ok(commands.includes(id), `${id} missing`);
    }
    await vscode.commands.executeCommand('workbench.view.extension.articleAnnotator');
    await vscode.commands.executeCommand('articleAnnotator.entities.focus');
    assert.ok(commands.includes('articleAnnotator.showCoverage') && commands.includes('articleAnnotator.refreshViews'));
  });

  it('groups entities by type with counts, and shows people across articles', async () => {
    const { views } = await ready();
    const roots = await views.entitiesRoots();
    const labels = roots.map((r) => r.label);
    assert.deepStrictEqual(
      labels.filter((l) => !['People', 'Organisations', 'Places', 'Nationalities'].includes(l)),
      [],
    );
    assert.ok(labels.includes('People') && labels.includes('Places'), labels.join(', '));
    for (const r of roots) assert.match(r.description, /^[1-9]\d*$/, r.label);
    const people = await views.entitiesChildren('People');
    assert.strictEqual(String(people.length), roots.find((r) => r.label === 'People')!.description);
    for (const p of people) assert.match(p.description, /^\d+ articles? · \d+ mentions?$/, p.label);
    const yoon = people.find((p) => p.label === 'Yoon Suk Yeol');
    assert.ok(yoon, people.map((p) => p.label).join(', '));
    assert.ok(Number(/^(\d+)/.exec(yoon.description)![1]) >= 4, yoon.description);
    // The most widely reported come first.
    const counts = people.map((p) => Number(/^(\d+)/.exec(p.description)![1]));
    assert.deepStrictEqual(
      counts,
      [...counts].sort((a, b) => b - a),
    );
  });

  it('lists events as a timeline, undated last, and quotes by speaker', async () => {
    const { views } = await ready();
    const events = await views.eventsRoots();
    assert.ok(events.length >= 1, 'no event');
    const undated = events.map((e) => e.description.startsWith('undated'));
    assert.deepStrictEqual(
      undated,
      [...undated].sort((a, b) => Number(a) - Number(b)),
      events.map((e) => e.description).join(' | '),
    );
    // Full calendar dates must be in order (weeks and months are placed among them approximately).
    const days = events.map((e) => e.description.split(' · ')[0]).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
    assert.deepStrictEqual(days, [...days].sort(), days.join(', '));
    const quotes = await views.quotesRoots();
    for (const q of quotes) assert.match(q.label, /^.+: “.+”$/, q.label);
  });

  it('opens the coverage matrix as a webview with one row per event', async () => {
    const { views } = await ready();
    const events = await views.eventsRoots();
    const shown = await views.showCoverage();
    assert.strictEqual(shown.open, true);
    assert.strictEqual(shown.rows, events.length);
    assert.ok(shown.columns >= 2, `only ${shown.columns} article column(s)`);
    assert.ok(shown.checked >= shown.rows, `${shown.checked} ticks for ${shown.rows} events`);
    // The tab model reaches the extension host a moment after the panel is created.
    const tab = await waitFor(
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === 'Event Coverage'),
      { what: 'the Event Coverage tab' },
    );
    assert.ok(
      tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('articleAnnotator.coverage'),
      JSON.stringify(tab.input),
    );
    // The page's nonce'd script ran under the Content-Security-Policy and found one button per ✓.
    const buttons = await waitFor(() => views.coverageRenderedButtons(), { what: 'the coverage page script' });
    assert.strictEqual(buttons, shown.checked);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a coverage cell opens the article at the event, an empty cell opens nothing', async () => {
    const { views } = await ready();
    await views.showCoverage();
    const opened = await views.openCoverageCell(0, await firstTickedColumn(views));
    assert.ok(opened, 'the first row has no ✓');
    const editor = await waitFor(
      () => {
        const e = vscode.window.activeTextEditor;
        return e && e.document.uri.toString() === opened.path ? e : undefined;
      },
      { what: 'the article editor' },
    );
    const selection = [
      editor.document.offsetAt(editor.selection.start),
      editor.document.offsetAt(editor.selection.end),
    ];
    assert.deepStrictEqual(selection, [opened.start, opened.end]);
    assert.strictEqual(await views.openCoverageCell(10_000, 0), null);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('pages long lists: Show more adds a page, the type keeps its count, Find reveals a hidden row', async () => {
    const { views } = await ready();
    const config = vscode.workspace.getConfiguration('articleAnnotator');
    const all = await views.entitiesChildren('People');
    assert.ok(all.length >= 6, `only ${all.length} people in the seeds`);
    await config.update('views.pageSize', 2, vscode.ConfigurationTarget.Workspace);
    try {
      const people = () => views.entitiesChildren('People');
      const first = await waitFor(async () => ((await people()).length === 3 ? await people() : undefined), {
        what: 'a page of two people and a Show more row',
      });
      assert.deepStrictEqual(
        first.slice(0, 2).map((p) => p.label),
        all.slice(0, 2).map((p) => p.label),
      );
      assert.deepStrictEqual(first[2], { label: 'Show 2 more', description: `${all.length - 2} not shown` });
      const roots = await views.entitiesRoots();
      assert.strictEqual(roots.find((r) => r.label === 'People')!.description, String(all.length));
      await views.entitiesShowMore('People');
      const second = await waitFor(async () => ((await people()).length === 5 ? await people() : undefined), {
        what: 'a second page',
      });
      assert.deepStrictEqual(
        second.slice(0, 4).map((p) => p.label),
        all.slice(0, 4).map((p) => p.label),
      );
      // The last person is beyond the two pages shown: Find shows it, growing the list to take it in.
      const last = all[all.length - 1].label;
      const unknown = await vscode.commands.executeCommand('articleAnnotator.findInViews', { name: 'Nobody Atall' });
      assert.strictEqual(unknown, undefined, 'an unknown name revealed something');
      const found = await vscode.commands.executeCommand<{ view: string; id: string }>('articleAnnotator.findInViews', {
        name: last,
      });
      assert.strictEqual(found?.view, 'entities');
      assert.match(found.id, /^person:/);
      const shown = (await people()).map((p) => p.label);
      assert.ok(shown.includes(last), `${last} not shown after Find: ${shown.join(', ')}`);
      await waitFor(() => views.selected().entities.includes(last), { what: `${last} selected in the Entities view` });
    } finally {
      await config.update('views.pageSize', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(async () => (await views.entitiesChildren('People')).length === all.length, {
      what: 'the whole list back at the default page size',
    });
  });

  it('refreshes when an article is added and when it is removed', async () => {
    const { views } = await ready();
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const probe = vscode.Uri.joinPath(folder, 'zz_views_probe.txt');
    const text =
      'Harbour opens in Valparaiso\n\n' +
      'VALPARAISO, Chile — Mayor Ximena Ortúzar Lindqvist opened the new harbour on Monday. ' +
      'Ximena Ortúzar Lindqvist said the harbour would bring jobs. Ortúzar Lindqvist thanked the workers.\n';
    const hasMayor = async () => (await views.entitiesChildren('People')).find((p) => p.label.includes('Lindqvist'));
    assert.strictEqual(await hasMayor(), undefined);
    await vscode.workspace.fs.writeFile(probe, Buffer.from(text, 'utf8'));
    try {
      const mayor = await waitFor(hasMayor, { what: 'the new person in the Entities view' });
      assert.match(mayor.description, /^1 article · [1-9]\d* mentions?$/);
    } finally {
      await vscode.workspace.fs.delete(probe);
    }
    await waitFor(async () => !(await hasMayor()), { what: 'the person to leave the Entities view' });
  });
});
