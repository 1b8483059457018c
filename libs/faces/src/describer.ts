// Describes report photographs on a thread of its own (describer-worker.ts): the models load there once, in the
// background, and every photo is decoded and described there, so the caller's event loop never waits on the CPU.
import { Worker } from 'node:worker_threads';
import type { FaceDescription } from './description.js';

export type DescribeRequest = { id: number; bytes: Uint8Array; contentType: string };
export type DescribeReply =
  | { kind: 'ready'; loadMs: number }
  | { kind: 'failed'; message: string }
  | { kind: 'described'; id: number; ms: number; description: FaceDescription }
  | { kind: 'error'; id: number; message: string };

/** A photo described, and how long it took on the describer's thread (decode, detection, landmarks, descriptor). */
export interface Described {
  description: FaceDescription;
  ms: number;
}

export interface FaceDescriber {
  /** resolves when the models are loaded, with how long that took; rejects if they cannot be */
  ready(): Promise<{ loadMs: number }>;
  describe(bytes: Uint8Array, contentType: string): Promise<Described>;
  /** whether the thread has stopped or its models did not load: it describes nothing more */
  failed(): boolean;
  close(): Promise<void>;
}

// The worker's script is TypeScript: the thread loads it through the same register hook the project's processes use.
const WORKER_URL = new URL('./describer-worker.ts', import.meta.url);
const WORKER_EXEC_ARGV = ['--import', '@swc-node/register/esm-register'];

export function startFaceDescriber(): FaceDescriber {
  const worker = new Worker(WORKER_URL, { execArgv: WORKER_EXEC_ARGV });
  const pending = new Map<number, { resolve: (d: Described) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let failure: Error | undefined;
  let markReady!: (r: { loadMs: number }) => void;
  let markFailed!: (e: Error) => void;
  const ready = new Promise<{ loadMs: number }>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  // Awaited by callers that need it; unhandled here would crash a process that never asked.
  ready.catch(() => undefined);

  const failAll = (e: Error) => {
    failure ??= e;
    markFailed(e);
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on('message', (reply: DescribeReply) => {
    if (reply.kind === 'ready') return markReady({ loadMs: reply.loadMs });
    if (reply.kind === 'failed') return failAll(new Error(`face models did not load: ${reply.message}`));
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (reply.kind === 'described') p.resolve({ description: reply.description, ms: reply.ms });
    else p.reject(new Error(`describing a photo failed: ${reply.message}`));
  });
  worker.on('error', (e) => failAll(e));
  worker.on('exit', (code) => failAll(new Error(`the face describer's thread stopped (exit code ${code})`)));

  return {
    ready: () => ready,
    failed: () => failure !== undefined,
    describe(bytes, contentType) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      return new Promise<Described>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, bytes, contentType } satisfies DescribeRequest);
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}

/**
 * A describer whose thread (and its 400 MB of models and backend) starts with the first photo described, not before:
 * a worker that never sees a photo never pays for it. A thread that stopped is replaced at the next photo, so the
 * matching job's retry finds a working one.
 */
export function lazyFaceDescriber(): FaceDescriber {
  let started: FaceDescriber | undefined;
  const get = () => {
    if (started?.failed()) void started.close();
    if (!started || started.failed()) started = startFaceDescriber();
    return started;
  };
  return {
    ready: () => get().ready(),
    failed: () => false,
    describe: (bytes, contentType) => get().describe(bytes, contentType),
    close: async () => {
      const thread = started;
      started = undefined;
      await thread?.close();
    },
  };
}
