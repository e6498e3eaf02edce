import { parentPort, workerData } from 'node:worker_threads';
import { articleContext, loadReaders, runArticleSafely } from './article.js';
import { type BatchMessage, type ParseSetup, type WorkerMessage, withGitOf } from './parse-pool.js';

/*
 * A parse worker (see src/pipeline/parse-pool.ts): rebuild the read context from the setup, say
 * "ready" once the parsers are loaded, then answer each batch with its entries, in order.
 */
const setup = workerData as ParseSetup;
const port = parentPort;
if (port === null) throw new Error('parse-worker.js runs as a worker thread only');
const now = new Date(setup.nowMs);
const ctx = articleContext(setup.config, new Set(setup.template), new Map(), now);
// A worker serves only large builds: load every reader before saying it is ready.
await loadReaders(['markdown', 'text', 'html']);

port.on('message', (m: BatchMessage) => {
  const entries = m.jobs.map((job) => runArticleSafely(job.file, job.text, withGitOf(ctx, job)).entry);
  const reply: WorkerMessage = { batch: m.batch, entries };
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies WorkerMessage);
