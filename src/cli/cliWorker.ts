// Worker thread of `analyze --jobs N` (bundled as dist/cliWorker.js): analyses each file it is sent.
import { parentPort } from 'worker_threads';
import { analyzeFile, FileTask } from './task';

parentPort?.on('message', (m: { i: number; task: FileTask }) => {
  parentPort!.postMessage({ i: m.i, result: analyzeFile(m.task) });
});
