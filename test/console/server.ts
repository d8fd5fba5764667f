import type { AddressInfo } from 'node:net';
import { createBroadcasting } from '../../src/app/broadcast.js';
import { createConversation } from '../../src/app/conversation.js';
import type { ChannelSender } from '../../src/broadcast/channel.js';
import { StaffAccounts } from '../../src/console/accounts.js';
import { mountConsole } from '../../src/console/index.js';
import { parseSnapshot } from '../../src/content/snapshot.js';
import { RegionRegistry } from '../../src/content/registry.js';
import { BotTexts } from '../../src/core/i18n.js';
import { createLogger } from '../../src/log.js';
import { shippedGlossary } from '../../src/search/glossary.js';
import { createApp } from '../../src/server/app.js';
import { ChatStore, newChat } from '../../src/store/chats.js';
import { openDatabase } from '../../src/store/database.js';
import { demoRegion } from '../intents/helpers.js';

export const ADMIN = { name: 'anna', password: 'correct-horse-battery' };
export const EDITOR = { name: 'emil', password: 'another-long-password' };

/** A console on the demo region and a second region, with fake subscribers on an in-process channel. */
export async function consoleServer(options: { loginLimit?: number } = {}) {
  const db = openDatabase(':memory:');
  const logLines: string[] = [];
  const logger = createLogger('info', { write: (line: string) => void logLines.push(line) });
  const registry = new RegionRegistry(shippedGlossary());
  registry.put(demoRegion());
  registry.put(
    parseSnapshot(
      { region: { slug: 'nachbarort', name: 'Nachbarort' }, languages: [{ code: 'de', name: 'Deutsch', direction: 'ltr' }], pages: [{ id: 'n1', language: 'de', title: 'Geheime Seite', content_html: '<p>Nur für Nachbarort.</p>' }] },
      { kind: 'snapshot', location: 'test', fetchedAt: null },
    ).region,
  );
  const texts = new BotTexts();
  const accounts = new StaffAccounts(db);
  await accounts.create(ADMIN.name, ADMIN.password, 'admin');
  await accounts.create(EDITOR.name, EDITOR.password, 'editor', ['nachbarort']);
  const chats = new ChatStore(db);
  for (let index = 0; index < 40; index++) chats.save({ ...newChat('fake', `s${index}`), region: 'musterstadt', language: index % 2 === 0 ? 'de' : 'ar', languageChosen: true, topics: ['news'] });
  const sent: string[] = [];
  const sender: ChannelSender = { limits: { perSecond: 20, perChatPerSecond: 1 }, send: async (chatId) => void sent.push(chatId) };
  const { announcements, engine } = createBroadcasting({ db, registry, texts, senders: new Map([['fake', sender]]), logger });
  engine.start();
  const conversation = createConversation({ registry, db, logger, publicUrl: 'http://lotse.test', texts });
  const preview = createConversation({ registry, db: openDatabase(':memory:'), logger, publicUrl: 'http://lotse.test', texts });
  const app = createApp({ registry, version: 'test', startedAt: new Date() }, [
    (server) => mountConsole(server, { accounts, registry, db, announcements, onAnnouncement: () => engine.wake(), preview, logger }, options),
  ]);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    db,
    conversation,
    sent,
    logLines,
    close: async () => {
      await engine.stop();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Logs in over HTTP like a browser form; returns the session cookie and the CSRF token. */
export async function login(base: string, who = ADMIN): Promise<{ cookie: string; csrf: string }> {
  const form = await fetch(`${base}/login`);
  const formCookie = form.headers.get('set-cookie')!.split(';')[0]!;
  const token = /name="form_token" value="([^"]+)"/.exec(await form.text())![1]!;
  const response = await fetch(`${base}/login`, { method: 'POST', redirect: 'manual', headers: { cookie: formCookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ form_token: token, name: who.name, password: who.password }) });
  const session = response.headers.get('set-cookie')?.split(';')[0] ?? '';
  const me = (await (await fetch(`${base}/api/console/me`, { headers: { cookie: session } })).json()) as { csrfToken: string };
  return { cookie: session, csrf: me.csrfToken };
}
