import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatStore, newChat } from '../../src/store/chats.js';
import { openDatabase } from '../../src/store/database.js';
import { FakeBotApi } from '../adapters/telegram/fake-bot-api.js';

const SUBSCRIBERS = 1000;
const CONCURRENCY = 16;
const child = path.resolve('test/broadcast/crash-child.mjs');
let dir = '';
let api: FakeBotApi | undefined;

afterEach(async () => {
  await api?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function worker(dbPath: string, root: string): ChildProcess {
  return spawn(process.execPath, [child, dbPath, root, String(CONCURRENCY)], { stdio: ['ignore', 'ignore', 'inherit'] });
}

describe('a broadcast killed with SIGKILL mid-run', () => {
  it('resumes after restart: every subscriber ends with exactly one sent delivery, duplicates within the in-flight bound', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'lotse-crash-'));
    const dbPath = path.join(dir, 'lotse.db');
    const setupDb = openDatabase(dbPath);
    const chats = new ChatStore(setupDb);
    setupDb.transaction(() => {
      for (let index = 0; index < SUBSCRIBERS; index++) chats.save({ ...newChat('telegram', String(10_000 + index)), region: 'testdorf', language: 'de', languageChosen: true, topics: ['news'] });
    })();
    setupDb.close();

    api = new FakeBotApi();
    const root = await api.listen();
    const first = worker(dbPath, root);
    await api.waitFor('sendMessage', SUBSCRIBERS / 3, 30_000);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const beforeRestart = api.sent().length;
    expect(beforeRestart).toBeLessThan(SUBSCRIBERS);

    const second = worker(dbPath, root);
    const code = await new Promise((resolve) => second.once('exit', resolve));
    expect(code).toBe(0);

    const db = openDatabase(dbPath);
    const states = db.prepare('SELECT state, COUNT(*) AS n FROM deliveries GROUP BY state').all();
    const perChat = db.prepare("SELECT COUNT(*) AS n FROM deliveries WHERE state = 'sent' GROUP BY chat_id HAVING n <> 1").all();
    db.close();
    expect(states).toEqual([{ state: 'sent', n: SUBSCRIBERS }]);
    expect(perChat).toEqual([]);

    const sends = api.sent().map((call) => String(call.body.chat_id));
    expect(new Set(sends).size).toBe(SUBSCRIBERS);
    const duplicates = sends.length - SUBSCRIBERS;
    expect(duplicates).toBeLessThanOrEqual(CONCURRENCY);
  }, 60_000);
});
