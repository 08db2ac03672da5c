// Worker thread that finds the article in saved web pages, so parsing a large page never blocks the extension host.
// Bundled as dist/webPageWorker.js; it loads the HTML libraries from dist/webPageImporter.js.
import { parentPort } from 'worker_threads';
import { extractWebPage, WebPageExtract } from '../../core/importers/webPage';

export interface WebPageRequest {
  id: number;
  html: string;
}
export type WebPageResponse = { id: number; result: WebPageExtract } | { id: number; error: string };

parentPort?.on('message', ({ id, html }: WebPageRequest) => {
  let reply: WebPageResponse;
  try {
    reply = { id, result: extractWebPage(html) };
  } catch (err) {
    reply = { id, error: (err as Error).message };
  }
  parentPort?.postMessage(reply);
});
