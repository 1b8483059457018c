// The describer's thread: loads the models once, then describes one photo per message, in order. Describing takes
// seconds of CPU, so it runs here and not on the thread that serves the API or the job queue.
import { parentPort } from 'node:worker_threads';
import { readPhoto, UnreadablePhoto } from './decode.js';
import { FACE_MODEL } from './description.js';
import { loadModels } from './model.js';
import type { DescribeReply, DescribeRequest } from './describer.js';

const port = parentPort!;
const models = loadModels();
models.then(
  (m) => port.postMessage({ kind: 'ready', loadMs: m.loadMs } satisfies DescribeReply),
  (e: Error) => port.postMessage({ kind: 'failed', message: e.message } satisfies DescribeReply),
);

// One photo at a time: the backend runs on this one thread anyway, and a queue keeps memory to one photo's tensors.
let queue = Promise.resolve();
port.on('message', (req: DescribeRequest) => {
  queue = queue.then(async () => {
    try {
      const m = await models;
      const started = performance.now();
      let image;
      try {
        image = await readPhoto(req.bytes, req.contentType);
      } catch (e) {
        if (!(e instanceof UnreadablePhoto)) throw e;
        port.postMessage({ kind: 'described', id: req.id, ms: 0, description: { status: 'UNREADABLE', reason: e.message, model: FACE_MODEL } } satisfies DescribeReply);
        return;
      }
      const description = await m.describe(image);
      port.postMessage({ kind: 'described', id: req.id, ms: performance.now() - started, description } satisfies DescribeReply);
    } catch (e) {
      port.postMessage({ kind: 'error', id: req.id, message: (e as Error).message } satisfies DescribeReply);
    }
  });
});
