// A folder that outgrows Node's default heap: `analyze` restarts itself once with the limit the folder needs
// (src/cli/heap.ts), and the output is the same as without the restart.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import { heapNeededMB, heapPlan } from '../../../src/cli/heap';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

describe('cli heap limit for large folders', () => {
  it('needs about 100 KB an article: 1 GB at 10,000, 12 GB at 100,000', () => {
    assert.ok(heapNeededMB(1000) < 500);
    assert.ok(Math.abs(heapNeededMB(10_000) - 1541) < 2, String(heapNeededMB(10_000)));
    assert.ok(heapNeededMB(100_000) > 12_000 && heapNeededMB(100_000) < 12_600);
  });

  it('restarts only when the folder needs more than the limit, and never past four fifths of the memory', () => {
    const base = { limitMB: 4144, totalMB: 23_000, fixed: false };
    assert.deepStrictEqual(heapPlan({ ...base, files: 10_000 }), {});
    const big = heapPlan({ ...base, files: 100_000 });
    assert.strictEqual(big.relaunchMB, heapNeededMB(100_000));
    assert.match(
      big.message!,
      /^100000 files need more than Node's default heap \(4\.0 GB\): restarting with 12\.\d GB\.$/,
    );
    const huge = heapPlan({ ...base, files: 400_000 });
    assert.strictEqual(huge.relaunchMB, Math.floor(23_000 * 0.8));
    assert.match(huge.message!, /This machine has 22\.5 GB of memory: the run may fail or swap/);
  });

  it('keeps a limit the user set, and says when the machine is likely too small', () => {
    const fixed = { limitMB: 8000, totalMB: 16_000, fixed: true };
    assert.deepStrictEqual(heapPlan({ ...fixed, files: 50_000 }), {});
    const small = heapPlan({ ...fixed, files: 200_000 });
    assert.strictEqual(small.relaunchMB, undefined);
    assert.match(small.message!, /200000 files may need about 24\.\d GB of memory\. This machine has 15\.6 GB/);
    // A machine whose four fifths are below the default limit: nothing to gain from a restart.
    assert.strictEqual(heapPlan({ limitMB: 4144, totalMB: 4096, fixed: false, files: 100_000 }).relaunchMB, undefined);
  });

  it('the real CLI restarts itself with the larger limit and prints the same JSON @slow', function () {
    this.timeout(120_000);
    const seeds = path.join(ROOT, 'seeds');
    const plain = spawnSync(process.execPath, [CLI, 'analyze', '--json', seeds], { encoding: 'utf8' });
    assert.strictEqual(plain.status, 0, plain.stderr);
    // Pretend each of the seeds needs enough that the folder lands between the default limit and the machine's room.
    const limitMB = v8.getHeapStatistics().heap_size_limit / 1048576;
    const roomMB = (os.totalmem() / 1048576) * 0.8;
    const files = fs.readdirSync(seeds).filter((f) => f.endsWith('.txt')).length;
    const perFileKB = Math.round((((limitMB + roomMB) / 2 / 1.25 - 256) * 1024) / files);
    const env: NodeJS.ProcessEnv = { ...process.env, ARTICLE_ANNOTATOR_TEST_HEAP_PER_FILE_KB: String(perFileKB) };
    delete env.NODE_OPTIONS;
    const big = spawnSync(process.execPath, [CLI, 'analyze', '--json', seeds], { encoding: 'utf8', env });
    assert.strictEqual(big.status, 0, big.stderr);
    if (roomMB > limitMB) assert.match(big.stderr, /files need more than Node's default heap .*: restarting with/);
    else assert.doesNotMatch(big.stderr, /restarting/);
    assert.strictEqual(big.stderr.match(/restarting/g)?.length ?? 0, roomMB > limitMB ? 1 : 0, 'restarted once');
    assert.strictEqual(big.stdout, plain.stdout);
  });
});
