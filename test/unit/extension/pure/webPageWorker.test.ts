// The bundled web-page worker (dist/webPageWorker.js, loading dist/webPageImporter.js) answers in plain Node:
// an article with its metadata, a section front refused, each reply under its request's id.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { WebPageRequest, WebPageResponse } from '../../../../src/extension/pure/webPageWorker';

const ROOT = path.join(__dirname, '..', '..', '..', '..', '..');
const page = (f: string) => fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'webpages', f), 'utf8');

describe('web-page worker (bundled)', () => {
  it('extracts articles off the main thread and refuses a section front', async () => {
    const worker = new Worker(path.join(ROOT, 'dist', 'webPageWorker.js'));
    try {
      const replies = new Map<number, WebPageResponse>();
      const done = new Promise<void>((resolve, reject) => {
        worker.on('error', reject);
        worker.on('message', (m: WebPageResponse) => {
          replies.set(m.id, m);
          if (replies.size === 2) resolve();
        });
      });
      const requests: WebPageRequest[] = [
        { id: 7, html: page('library-strike-opengraph.html') },
        { id: 8, html: page('politics-section-front.html') },
      ];
      for (const r of requests) worker.postMessage(r);
      await done;
      const a = replies.get(7);
      assert.ok(a && 'result' in a && a.result.ok, JSON.stringify(a));
      if ('result' in a && a.result.ok)
        assert.strictEqual(a.result.metadata.title, 'Library strike ends after 11 days');
      const b = replies.get(8);
      assert.ok(b && 'result' in b && !b.result.ok);
    } finally {
      await worker.terminate();
    }
  });
});
