import * as assert from 'assert';
import { Throttle } from '../../../../src/extension/pure/throttle';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('throttle (view refreshes)', () => {
  it('runs at once when idle, then once at the end of the gap however often it is asked', async () => {
    let runs = 0;
    const t = new Throttle(() => runs++);
    t.request(60);
    assert.strictEqual(runs, 1);
    for (let i = 0; i < 5; i++) t.request(60);
    assert.strictEqual(runs, 1);
    await sleep(120);
    assert.strictEqual(runs, 2);
    t.cancel();
  });

  it('a shorter gap asked later brings the pending run forward', async () => {
    let runs = 0;
    const t = new Throttle(() => runs++);
    t.request(1000);
    t.request(1000);
    t.request(20);
    await sleep(80);
    assert.strictEqual(runs, 2);
    t.cancel();
  });

  it('cancel drops the pending run', async () => {
    let runs = 0;
    const t = new Throttle(() => runs++);
    t.request(30);
    t.request(30);
    t.cancel();
    await sleep(60);
    assert.strictEqual(runs, 1);
  });
});
