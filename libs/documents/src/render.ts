import { Worker } from 'node:worker_threads';
import type { OrderLanguage } from '@raksha/contracts';

/** An order's document, as words: what render-thread.mjs lays out on an A4 page. */
export interface OrderSheet {
  language: OrderLanguage;
  /** "Form 18 — Juvenile Justice … Model Rules, 2016", or that no form is prescribed */
  formLine: string;
  actLine: string;
  citationLine: string;
  title: string;
  before: string;
  particulars: { label: string; value: string }[];
  paragraphs: string[];
  signedLabel: string;
  signers: string[];
  footer: string;
  /** the PDF's own metadata dates: the order's */
  madeAt: Date;
}

type Answer = { id: number; pdf?: Uint8Array; error?: string };

/** One thread per process, started with the first order and not keeping the process alive. */
let thread: Worker | undefined;
let next = 0;
const waiting = new Map<number, { resolve(pdf: Buffer): void; reject(err: Error): void }>();

function renderer(): Worker {
  if (thread) return thread;
  const t = new Worker(new URL('./render-thread.mjs', import.meta.url));
  t.unref();
  t.on('message', ({ id, pdf, error }: Answer) => {
    const w = waiting.get(id);
    waiting.delete(id);
    if (pdf) w?.resolve(Buffer.from(pdf));
    else w?.reject(new Error(`rendering the order failed: ${error}`));
  });
  t.on('error', (err) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
    thread = undefined;
  });
  t.on('exit', () => {
    if (thread === t) thread = undefined;
  });
  return (thread = t);
}

/** The order as a PDF: one A4 page (more if the reasons are long), in the sheet's language, laid out off the main thread. */
export function renderOrderPdf(sheet: OrderSheet): Promise<Buffer> {
  const id = next++;
  return new Promise<Buffer>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    renderer().postMessage({ id, sheet });
  });
}

/** Ends the rendering thread (a process that stops, a test file done); the next order starts another. */
export async function stopRenderer(): Promise<void> {
  const t = thread;
  thread = undefined;
  if (t) await t.terminate();
}
