// The analysis worker's client in plain Node (it imports no vscode): a worker that keeps crashing is left stopped
// with a reason after MAX_CRASHES, until restart(); the worker's heap limit follows the machine.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CorpusClient, workerHeapMB } from '../../../src/extension/corpusClient';
import { CrashGuard, MAX_CRASHES } from '../../../src/extension/pure/crashGuard';

describe('analysis worker client', () => {
  it('counts crashes within the window only, and forgets them on reset', () => {
    const g = new CrashGuard(3, 1000);
    assert.strictEqual(g.crashed(0), false);
    assert.strictEqual(g.crashed(500), false);
    assert.strictEqual(g.crashed(1200), false, 'the first crash fell out of the window');
    assert.strictEqual(g.crashed(1300), true);
    g.reset();
    assert.strictEqual(g.crashed(1400), false);
  });

  it("gives the worker three fifths of the machine's memory, never less than the host's limit", () => {
    assert.strictEqual(workerHeapMB(16_000, 4144), 9600);
    assert.strictEqual(workerHeapMB(4000, 4144), 4144);
  });

  it('leaves a worker that keeps crashing stopped, says why once, and starts it again on restart()', async function () {
    this.timeout(30_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-crash-'));
    const starts = path.join(dir, 'starts');
    const file = path.join(dir, 'worker.js');
    fs.writeFileSync(
      file,
      `require('fs').appendFileSync(${JSON.stringify(starts)}, 'x'); throw new Error('out of memory (simulated)');`,
    );
    const lines: string[] = [];
    const client = new CorpusClient(dir, (l) => lines.push(l), undefined, file);
    const stops: string[] = [];
    client.onDidStop((r) => stops.push(r));
    const started = () => (fs.existsSync(starts) ? fs.readFileSync(starts, 'utf8').length : 0);
    try {
      for (let i = 0; i < MAX_CRASHES; i++) {
        await assert.rejects(client.request('stats', { reset: false }), /analysis worker stopped \(exit 1\)/);
        // The exit is handled after the rejection's turn: let it land before the next request.
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.strictEqual(started(), MAX_CRASHES);
      assert.strictEqual(stops.length, 1);
      assert.match(stops[0], /stopped 3 times in a few minutes \(last: out of memory \(simulated\)\)/);
      await assert.rejects(client.request('stats', { reset: false }), /not restarted on its own/);
      assert.strictEqual(started(), MAX_CRASHES, 'no worker started while stopped');
      await client.restart();
      await assert.rejects(client.request('stats', { reset: false }), /analysis worker stopped/);
      assert.ok(started() > MAX_CRASHES, 'restart() starts a worker again');
      assert.ok(lines.some((l) => l.includes('not restarted on its own')));
    } finally {
      client.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
