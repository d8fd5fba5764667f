import { afterEach, describe, expect, it } from 'vitest';
import { telegramSender } from '../../adapters/telegram/sender.js';
import { systemClock } from '../../src/broadcast/clock.js';
import { createBroadcasting } from '../../src/app/broadcast.js';
import { BotTexts } from '../../src/core/i18n.js';
import { createLogger } from '../../src/log.js';
import { FakeBotApi } from '../adapters/telegram/fake-bot-api.js';
import { broadcastSetup, subscribers } from './helpers.js';

let api: FakeBotApi | undefined;
afterEach(async () => {
  await api?.close();
});

describe('broadcast through Telegram (fake Bot API on localhost)', () => {
  it('handles 429 with retry_after, 500 and 403 and sends the rest, in order', async () => {
    api = new FakeBotApi();
    const root = await api.listen();
    const setup = broadcastSetup(subscribers(4).map((subscriber) => ({ ...subscriber, channel: 'telegram' })));
    api.failures.set('1000', [{ status: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 }]);
    api.failures.set('1001', [{ status: 500, description: 'Internal Server Error' }]);
    api.failures.set('1002', [{ status: 403, description: 'Forbidden: bot was blocked by the user' }]);
    const sender = telegramSender({ token: '123:TEST', apiRoot: root, limits: { perSecond: 1000, perChatPerSecond: 1000 } });
    // Real time here (the fake server is real I/O); retry_after is 1 s, backoff 50 ms.
    const { engine } = createBroadcasting({
      db: setup.db,
      registry: setup.registry,
      texts: new BotTexts(),
      senders: new Map([['telegram', sender]]),
      logger: createLogger('silent'),
      engine: { clock: systemClock, concurrency: 1, backoffMs: 50, pollMs: 20 },
    });
    const id = setup.announcements.create({ region: 'testdorf', topic: 'news', texts: { de: 'Wichtig <b>&</b>' }, link: null, author: 'staff', fallback: 'none' })!;
    engine.start();
    while (setup.outbox.get(id)!.state !== 'done') await new Promise((resolve) => setTimeout(resolve, 20));
    await engine.stop();

    const sends = api.sent().map((call) => String(call.body.chat_id));
    expect(sends).toEqual(['1000', '1001', '1002', '1003', '1000', '1001']);
    expect(String(api.sent()[3]!.body.text)).toContain('Wichtig &lt;b&gt;&amp;&lt;/b&gt;');
    expect(setup.announcements.progress(id)!.counts).toMatchObject({ sent: 3, failed: 1 });
    expect(setup.chats.subscribersOf('testdorf', 'news').map((chat) => chat.chatId)).toEqual(['1000', '1001', '1003']);
  }, 15_000);
});
