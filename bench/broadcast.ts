/**
 * `npm run bench:broadcast`: 100,000 subscribers against a fake Telegram Bot API on localhost
 * (served from a worker thread, so it has the second core):
 *   (a) limit 30/s for 60 s — achieved rate ≥ 95 % of the limit, never above it in any 1-second window;
 *   (b) limit off — engine throughput (goal ≥ 3,000 deliveries/s) and peak RSS (goal < 200 MB).
 * Shorter runs: SUBSCRIBERS=20000 LIMITED_SECONDS=10 npm run bench:broadcast
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { telegramSender } from '../adapters/telegram/sender.js';
import { createBroadcasting } from '../src/app/broadcast.js';
import { parseSnapshot } from '../src/content/snapshot.js';
import { RegionRegistry } from '../src/content/registry.js';
import { BotTexts } from '../src/core/i18n.js';
import { createLogger } from '../src/log.js';
import { ChatStore, newChat } from '../src/store/chats.js';
import { openDatabase } from '../src/store/database.js';

const SUBSCRIBERS = Number(process.env.SUBSCRIBERS ?? 100_000);
const LIMITED_SECONDS = Number(process.env.LIMITED_SECONDS ?? 60);
const LIMIT = 30;

/** The fake Bot API: answers sendMessage at once, counts requests per wall-clock millisecond. */
function fakeApiWorker(): void {
  const times: number[] = [];
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      times.push(Date.now());
      response.setHeader('content-type', 'application/json');
      response.end('{"ok":true,"result":{"message_id":1,"date":0,"chat":{"id":1,"type":"private"},"text":""}}');
    });
  });
  server.listen(0, '127.0.0.1', () => parentPort!.postMessage({ port: (server.address() as AddressInfo).port }));
  parentPort!.on('message', (message: string) => {
    if (message === 'report') {
      parentPort!.postMessage({ times: times.splice(0) });
    }
  });
}

async function startFakeApi(): Promise<{ root: string; report: () => Promise<number[]>; stop: () => Promise<number> }> {
  const worker = new Worker(fileURLToPath(import.meta.url), { workerData: 'fake-api' });
  const port = await new Promise<number>((resolve) => worker.once('message', (message: { port: number }) => resolve(message.port)));
  return {
    root: `http://127.0.0.1:${port}`,
    report: () =>
      new Promise((resolve) => {
        worker.once('message', (message: { times: number[] }) => resolve(message.times));
        worker.postMessage('report');
      }),
    stop: () => worker.terminate(),
  };
}

async function scenario(name: string, perSecond: number, maxSeconds: number, api: Awaited<ReturnType<typeof startFakeApi>>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'lotse-broadcast-bench-'));
  const db = openDatabase(path.join(dir, 'lotse.db'));
  const chats = new ChatStore(db);
  db.transaction(() => {
    for (let index = 0; index < SUBSCRIBERS; index++) chats.save({ ...newChat('telegram', String(1_000_000 + index)), region: 'bench', language: 'de', languageChosen: true, topics: ['news'] });
  })();
  const registry = new RegionRegistry(null);
  registry.put(parseSnapshot({ region: { slug: 'bench', name: 'Benchstadt' }, languages: [{ code: 'de', name: 'Deutsch', direction: 'ltr' }], pages: [] }, { kind: 'snapshot', location: 'bench', fetchedAt: null }).region);
  const sender = telegramSender({ token: '1:BENCH', apiRoot: api.root, limits: { perSecond, perChatPerSecond: 1 } });
  const { announcements, engine } = createBroadcasting({ db, registry, texts: new BotTexts(), senders: new Map([['telegram', sender]]), logger: createLogger('warn'), engine: { concurrency: 128 } });
  await api.report(); // reset the counter

  globalThis.gc?.();
  const startRss = process.memoryUsage().rss;
  let peakRss = startRss;
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const startedAt = Date.now();
  const createdAt = performance.now();
  const id = announcements.create({ region: 'bench', topic: 'news', texts: { de: 'Das Bürgerbüro ist am Montag geschlossen.' }, link: null, author: 'bench', fallback: 'none' })!;
  engine.start();
  while (announcements.progress(id)!.announcement.state !== 'done' && Date.now() - startedAt < maxSeconds * 1000) await new Promise((resolve) => setTimeout(resolve, 200));
  await engine.stop();
  const seconds = (performance.now() - createdAt) / 1000;
  clearInterval(rssTimer);
  const sent = announcements.progress(id)!.counts.sent;
  const times = await api.report();
  db.close();
  rmSync(dir, { recursive: true, force: true });

  // The most requests the fake API saw in any one-second window.
  times.sort((a, b) => a - b);
  let maxWindow = 0;
  for (let start = 0, end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= 1000) start++;
    maxWindow = Math.max(maxWindow, end - start + 1);
  }
  const activeSeconds = times.length > 1 ? (times.at(-1)! - times[0]!) / 1000 : seconds;
  return { name, sent, seconds, rate: sent / seconds, steadyRate: times.length / Math.max(activeSeconds, 0.001), maxWindow, peakRssMb: peakRss / 1e6, startRssMb: startRss / 1e6 };
}

if (!isMainThread) {
  fakeApiWorker();
} else {
  const api = await startFakeApi();
  console.log(`Broadcast benchmark — ${SUBSCRIBERS.toLocaleString('en')} subscribers, fake Telegram Bot API on localhost in a worker thread\n`);
  const limited = await scenario(`(a) limit ${LIMIT}/s, ${LIMITED_SECONDS} s`, LIMIT, LIMITED_SECONDS, api);
  console.log(`${limited.name}: ${limited.sent.toLocaleString('en')} sent, steady rate ${limited.steadyRate.toFixed(2)}/s = ${((limited.steadyRate / LIMIT) * 100).toFixed(1)} % of the limit (goal ≥ 95 %), at most ${limited.maxWindow} in any 1-second window (goal ≤ ${LIMIT})`);
  const free = await scenario('(b) no limit', Infinity, 600, api);
  console.log(`${free.name}: ${free.sent.toLocaleString('en')} sent in ${free.seconds.toFixed(1)} s = ${free.rate.toFixed(0)} deliveries/s (goal ≥ 3,000), peak RSS ${free.peakRssMb.toFixed(0)} MB (goal < 200 MB; ${free.startRssMb.toFixed(0)} MB before the announcement started)`);
  await api.stop();
}
