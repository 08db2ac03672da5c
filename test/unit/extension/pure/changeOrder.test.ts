import * as assert from 'assert';
import { ChangeOrder } from '../../../../src/extension/pure/changeOrder';

describe("order of changes (small changes go ahead of a scan's batches)", () => {
  it('lets a batch store an article only when no later change of it was applied', () => {
    const order = new ChangeOrder();
    const scan = order.next();
    const edit = order.next();
    const rename = order.next();
    order.note(edit, 'a.txt');
    order.note(rename, 'b.txt', 'c.txt');
    assert.strictEqual(order.superseded('a.txt', scan), true, 'the edit went ahead of the scan');
    assert.strictEqual(order.superseded('b.txt', scan), true, 'renamed away: the scan must not bring it back');
    assert.strictEqual(order.superseded('c.txt', scan), true);
    assert.strictEqual(order.superseded('d.txt', scan), false, 'untouched');
    assert.strictEqual(order.superseded('a.txt', edit), false, 'a change never supersedes itself');
    const later = order.next();
    assert.strictEqual(order.superseded('a.txt', later), false, 'a scan after the edit is newer');
    order.note(scan, 'a.txt');
    assert.strictEqual(order.superseded('a.txt', scan), true, 'an older note does not lower the newest');
  });
});
