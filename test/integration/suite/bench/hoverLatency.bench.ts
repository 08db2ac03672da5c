// Hover latency while a large folder is indexed, as the user gets it: through vscode.executeHoverProvider,
// against a trivial provider asked the same way (VS Code's own round trip), plus the host thread's longest block.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

const SECONDS = Number(process.env.ARTICLE_ANNOTATOR_BENCH_SECONDS ?? 60);

function stats(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  const max = s[s.length - 1]?.toFixed(1);
  return `n=${s.length} median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${max} ms`;
}

async function timeHover(uri: vscode.Uri, pos: vscode.Position): Promise<{ ms: number; count: number }> {
  const t0 = performance.now();
  const hs = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos);
  return { ms: performance.now() - t0, count: hs.length };
}

/** Longest gap between 10 ms ticks of the extension host's event loop, minus the tick. */
function blockMonitor(): { stop: () => number } {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 10);
    last = now;
  }, 10);
  return { stop: () => (clearInterval(timer), worst) };
}

describe('bench: hover latency while indexing', function () {
  this.timeout((SECONDS + 120) * 1000);
  it('hovers at a word of an open article vs a trivial provider', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const seed = fs.readdirSync(folder).find((f) => f.endsWith('.txt'))!;
    const doc = await vscode.workspace.openTextDocument(path.join(folder, seed));
    await vscode.window.showTextDocument(doc);
    const word = doc.getText().indexOf('Tokyo');
    const pos = doc.positionAt(word >= 0 ? word + 1 : 0);
    const trivialDoc = await vscode.workspace.openTextDocument({ language: 'aa-bench-trivial', content: 'hover me' });
    const trivial = vscode.languages.registerHoverProvider(
      { language: 'aa-bench-trivial' },
      { provideHover: () => new vscode.Hover('trivial') },
    );
    const ours: number[] = [];
    const base: number[] = [];
    let answered = 0;
    const monitor = blockMonitor();
    const end = Date.now() + SECONDS * 1000;
    try {
      while (Date.now() < end) {
        const a = await timeHover(doc.uri, pos);
        ours.push(a.ms);
        if (a.count > 0) answered++;
        base.push((await timeHover(trivialDoc.uri, new vscode.Position(0, 1))).ms);
        await new Promise((r) => setTimeout(r, 40 + Math.random() * 40));
      }
    } finally {
      trivial.dispose();
    }
    const blocked = monitor.stop();
    const out = process.env.ARTICLE_ANNOTATOR_TEST_RESULTS;
    const lines = [
      `hover latency over ${SECONDS} s while indexing ${process.env.ARTICLE_ANNOTATOR_BENCH_N} articles:`,
      `  article hover:  ${stats(ours)} (${answered} with cards)`,
      `  trivial hover:  ${stats(base)}`,
      `  extension host longest block: ${blocked.toFixed(1)} ms`,
    ];
    if (out) fs.appendFileSync(path.join(out, 'output.log'), lines.join('\n') + '\n');
    console.log(lines.join('\n'));
  });
});
