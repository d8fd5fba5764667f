import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChatStore, newChat } from '../../src/store/chats.js';
import { databasePath, openDatabase } from '../../src/store/database.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'lotse-announce-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const lotse = (...args: string[]) =>
  spawnSync(process.execPath, [path.resolve('dist/src/cli/main.js'), ...args], { env: { ...process.env, DATA_DIR: dataDir, TELEGRAM_BOT_TOKEN: '' }, encoding: 'utf8' });

describe('lotse announce / announcements', () => {
  it('shows the audience per language, queues the announcement and lists it', { timeout: 60_000 }, () => {
    const db = openDatabase(databasePath(dataDir));
    const chats = new ChatStore(db);
    chats.save({ ...newChat('telegram', '1'), region: 'musterstadt', language: 'ar', languageChosen: true, topics: ['news'] });
    chats.save({ ...newChat('telegram', '2'), region: 'musterstadt', language: 'de', languageChosen: true, topics: ['news'] });
    db.close();

    const created = lotse('announce', '--region', 'musterstadt', '--topic', 'news', '--text', 'de=Das Bürgerbüro ist am Montag geschlossen.', '--at', '2030-01-01T08:00:00Z');
    expect(created.status).toBe(0);
    expect(created.stdout).toContain('audience: 2 subscribers');
    expect(created.stdout).toMatch(/ar: 1 \(main language\)/);
    expect(created.stdout).toContain('announcement #1 scheduled');

    const listed = lotse('announcements');
    expect(listed.stdout).toMatch(/#1 scheduled .*musterstadt\/news \[de\]/);
    expect(lotse('announcements', '--cancel', '1').stdout).toContain('#1 cancelled');
  });

  it('refuses bad input with a clear message', { timeout: 30_000 }, () => {
    const result = lotse('announce', '--region', 'musterstadt', '--topic', 'gossip', '--text', 'de=x');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown topic');
  });
});
