// A broadcast worker process for the crash test: resumes whatever the outbox holds and exits when
// the announcement is done. Uses the built code (npm test builds first).
import { BroadcastEngine } from '../../dist/src/broadcast/engine.js';
import { Announcements } from '../../dist/src/broadcast/announcements.js';
import { Outbox } from '../../dist/src/broadcast/outbox.js';
import { telegramSender } from '../../dist/adapters/telegram/sender.js';
import { parseSnapshot } from '../../dist/src/content/snapshot.js';
import { RegionRegistry } from '../../dist/src/content/registry.js';
import { BotTexts } from '../../dist/src/core/i18n.js';
import { ChatStore } from '../../dist/src/store/chats.js';
import { openDatabase } from '../../dist/src/store/database.js';

const [dbPath, apiRoot, concurrency] = process.argv.slice(2);
const db = openDatabase(dbPath);
const registry = new RegionRegistry(null);
registry.put(parseSnapshot({ region: { slug: 'testdorf', name: 'Testdorf' }, languages: [{ code: 'de', name: 'Deutsch', direction: 'ltr' }], pages: [] }, { kind: 'snapshot', location: 'crash', fetchedAt: null }).region);
const outbox = new Outbox(db);
const chats = new ChatStore(db);
const announcements = new Announcements({ outbox, chats, registry, texts: new BotTexts() });
if (outbox.list(1).length === 0) announcements.create({ region: 'testdorf', topic: 'news', texts: { de: 'Absturztest' }, link: null, author: 'test', fallback: 'none' });
const engine = new BroadcastEngine({
  outbox,
  senders: new Map([['telegram', telegramSender({ token: '123:CRASH', apiRoot, limits: { perSecond: Infinity, perChatPerSecond: Infinity } })]]),
  audience: (announcement) => announcements.recipients(announcement),
  compose: (announcement, delivery) => announcements.compose(announcement, delivery),
  onGone: (channel, chatId) => chats.deactivate(channel, chatId),
  concurrency: Number(concurrency),
  pollMs: 20,
});
engine.start();
const timer = setInterval(async () => {
  if (outbox.list(1)[0]?.state === 'done') {
    clearInterval(timer);
    await engine.stop();
    db.close();
    process.exit(0);
  }
}, 20);
