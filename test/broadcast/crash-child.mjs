// A broadcast worker process for the crash test: resumes whatever the outbox holds and exits when
// the announcement is done. Uses the built code (npm test builds first).
import { createBroadcasting } from '../../dist/src/app/broadcast.js';
import { telegramSender } from '../../dist/adapters/telegram/sender.js';
import { parseSnapshot } from '../../dist/src/content/snapshot.js';
import { RegionRegistry } from '../../dist/src/content/registry.js';
import { BotTexts } from '../../dist/src/core/i18n.js';
import { createLogger } from '../../dist/src/log.js';
import { openDatabase } from '../../dist/src/store/database.js';

const [dbPath, apiRoot, concurrency] = process.argv.slice(2);
const db = openDatabase(dbPath);
const registry = new RegionRegistry(null);
registry.put(parseSnapshot({ region: { slug: 'testdorf', name: 'Testdorf' }, languages: [{ code: 'de', name: 'Deutsch', direction: 'ltr' }], pages: [] }, { kind: 'snapshot', location: 'crash', fetchedAt: null }).region);
const { outbox, announcements, engine } = createBroadcasting({
  db,
  registry,
  texts: new BotTexts(),
  senders: new Map([['telegram', telegramSender({ token: '123:CRASH', apiRoot, limits: { perSecond: Infinity, perChatPerSecond: Infinity } })]]),
  logger: createLogger('warn'),
  engine: { concurrency: Number(concurrency), pollMs: 20 },
});
if (outbox.list(1).length === 0) announcements.create({ region: 'testdorf', topic: 'news', texts: { de: 'Absturztest' }, link: null, author: 'test', fallback: 'none' });
engine.start();
const timer = setInterval(async () => {
  if (outbox.list(1)[0]?.state === 'done') {
    clearInterval(timer);
    await engine.stop();
    db.close();
    process.exit(0);
  }
}, 20);
