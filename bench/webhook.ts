/**
 * `npm run bench:webhook`: Telegram updates per second and latency through express + grammY
 * webhook + conversation + search + reply rendering, with the Bot API faked in process — beside
 * a bare grammY echo bot measured the same way in the same run.
 *
 * Goal (issue #3): ≥ 50 % of the echo bot's rate and ≥ 1000 updates/s on 2 cores.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { Bot } from 'grammy';
import { createTelegramBot } from '../adapters/telegram/bot.js';
import { webhookHandlers } from '../adapters/telegram/index.js';
import { createConversation } from '../src/app/conversation.js';
import { loadDemoRegion } from '../src/content/demo.js';
import { RegionRegistry } from '../src/content/registry.js';
import { BotTexts } from '../src/core/i18n.js';
import { percentile } from '../src/eval/metrics.js';
import { createLogger } from '../src/log.js';
import { shippedGlossary } from '../src/search/glossary.js';
import { openDatabase } from '../src/store/database.js';

const TOTAL = Number(process.env.UPDATES ?? 6000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 64);
const SECRET = 'bench-secret-bench-secret';
const botInfo = { id: 1, is_bot: true as const, first_name: 'Lotse', username: 'lotse_bench_bot', can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false, has_topics_enabled: false, allows_users_to_create_topics: false, can_manage_bots: false, supports_join_request_queries: false };

const QUESTIONS = [
  ['de', 'Wo melde ich meine Wohnung an?'],
  ['de', 'krankenkase wechseln'],
  ['en', 'How do I get a residence permit?'],
  ['ar', 'كيف احصل على Aufenthaltstitel'],
  ['uk', 'де знайти лікаря'],
  ['tr', 'Kindergeld başvurusu nasıl yapılır'],
  ['fa', 'کلاس زبان آلمانی کجاست'],
  ['de', 'Kita Platz finden'],
] as const;

/** Every Bot API call answers at once, as if Telegram were infinitely fast. */
function fakeApi(bot: Bot): void {
  bot.api.config.use(async (_previous, method) => {
    const result = method === 'sendMessage' ? { message_id: 1, date: 0, chat: { id: 1, type: 'private' }, text: '' } : true;
    return { ok: true, result } as never;
  });
}

async function serve(bot: Bot): Promise<{ port: number; close: () => Promise<void> }> {
  const app = express();
  app.post('/hook', ...webhookHandlers(bot, SECRET));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

interface LoadResult {
  rate: number;
  p50: number;
  p95: number;
  failed: number;
}

/** The load generator runs in a worker thread, on the second core, as a separate client would. */
function load(port: number, firstUpdateId: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { port, firstUpdateId } });
    worker.once('message', (result: LoadResult) => resolve(result));
    worker.once('error', reject);
  });
}

async function generateLoad(port: number, firstUpdateId: number): Promise<LoadResult> {
  let updateIds = firstUpdateId;
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  const post = (index: number) =>
    new Promise<void>((resolve) => {
      const [language, text] = QUESTIONS[index % QUESTIONS.length]!;
      // Many different chats, so per-chat ordering does not serialise the benchmark.
      const chat = { id: 10_000 + (index % 500), type: 'private' };
      // Fresh update ids every run: the bot drops ids it has seen (Telegram's re-deliveries).
      const body = JSON.stringify({ update_id: ++updateIds, message: { message_id: index, date: 1_700_000_000, chat, from: { id: chat.id, is_bot: false, first_name: 'U', language_code: language }, text } });
      const started = performance.now();
      const call = request({ agent, host: '127.0.0.1', port, path: '/hook', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-telegram-bot-api-secret-token': SECRET } }, (response) => {
        response.resume();
        response.on('end', () => {
          if (response.statusCode !== 200) failed++;
          latencies.push(performance.now() - started);
          resolve();
        });
      });
      call.on('error', () => {
        failed++;
        resolve();
      });
      call.end(body);
    });
  const worker = async () => {
    while (next < TOTAL) await post(next++);
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { rate: TOTAL / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), failed };
}

if (!isMainThread) {
  const { port, firstUpdateId } = workerData as { port: number; firstUpdateId: number };
  parentPort!.postMessage(await generateLoad(port, firstUpdateId));
} else {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lotse-bench-'));
  const registry = new RegionRegistry(shippedGlossary());
  registry.put(loadDemoRegion());
  const logger = createLogger('warn');
  const db = openDatabase(path.join(dataDir, 'lotse.db'));
  const outcomes = new Map<string, number>();
  const conversation = createConversation({ registry, db, logger, publicUrl: 'https://lotse.example', onHandled: ({ outcome }) => outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1) });
  const lotse = createTelegramBot({ token: '1:BENCH', conversation, texts: new BotTexts(), logger, botInfo });
  fakeApi(lotse);

  const echo = new Bot('1:ECHO', { botInfo });
  echo.on('message:text', (ctx) => ctx.reply(ctx.message.text));
  fakeApi(echo);

  const results: [string, Awaited<ReturnType<typeof load>>][] = [];
  for (const [name, bot] of [['grammY echo bot', echo], ['Lotse (search + reply)', lotse]] as const) {
    const server = await serve(bot);
    await load(server.port, 1); // warm-up
    results.push([name, await load(server.port, TOTAL + 1)]);
    await server.close();
  }
  db.close();
  rmSync(dataDir, { recursive: true, force: true });

  console.log(`Telegram webhook benchmark — ${TOTAL} updates, ${CONCURRENCY} concurrent, Bot API faked in process, load generator in a worker thread\n`);
  console.log(`${'bot'.padEnd(26)}${'updates/s'.padStart(12)}${'p50 ms'.padStart(10)}${'p95 ms'.padStart(10)}${'failed'.padStart(8)}`);
  for (const [name, result] of results) {
    console.log(`${name.padEnd(26)}${result.rate.toFixed(0).padStart(12)}${result.p50.toFixed(2).padStart(10)}${result.p95.toFixed(2).padStart(10)}${String(result.failed).padStart(8)}`);
  }
  const [, echoResult] = results[0]!;
  const [, lotseResult] = results[1]!;
  console.log(`\nLotse handled ${[...outcomes].map(([outcome, count]) => `${count} ${outcome}`).join(', ')} (warm-up included).`);
  console.log(`Lotse reaches ${((lotseResult.rate / echoResult.rate) * 100).toFixed(0)} % of the echo bot's rate (goal ≥ 50 %) and ${lotseResult.rate.toFixed(0)} updates/s (goal ≥ 1000).`);
}
