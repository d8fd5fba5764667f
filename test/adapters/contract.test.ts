import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { botframeworkChannel } from '../../adapters/botframework/index.js';
import { createTelegramBot } from '../../adapters/telegram/bot.js';
import { telegramSender } from '../../adapters/telegram/sender.js';
import { webchatRouter, webchatSender } from '../../adapters/webchat/index.js';
import { whatsappChannel } from '../../adapters/whatsapp/index.js';
import { createBroadcasting } from '../../src/app/broadcast.js';
import type { ChannelSender } from '../../src/broadcast/channel.js';
import { BotTexts } from '../../src/core/i18n.js';
import { FakeBotApi, botInfo } from './telegram/fake-bot-api.js';
import { FakeGraphApi } from './whatsapp/fake-graph-api.js';
import { FakeConnector } from './botframework/fake-connector.js';
import { setup } from '../intents/helpers.js';

/**
 * One conversation, every adapter: start → choose language → question → more → 👍 → subscribe
 * → announcement received → /delete. Each driver speaks its messenger's wire format and reports
 * what the user would see: the texts and the button payloads.
 */

type Step = { kind: 'command'; name: string } | { kind: 'text'; text: string } | { kind: 'button'; payload: string };

interface Seen {
  texts: string[];
  payloads: string[];
}

interface Driver {
  channel: string;
  chatId: string;
  sender: ChannelSender;
  context: ReturnType<typeof setup>;
  /** Sends one user action; resolves with what arrived at the user. */
  act(step: Step): Promise<Seen>;
  /** What arrived at the user since the last call, without acting (announcements). */
  collect(): Promise<Seen>;
  close(): Promise<void>;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function listen(app: express.Express): Promise<string> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function telegramDriver(): Promise<Driver> {
  const context = setup();
  const api = new FakeBotApi();
  const root = await api.listen();
  closers.push(() => api.close());
  const bot = createTelegramBot({ token: '1:CONTRACT', apiRoot: root, conversation: context.conversation, texts: new BotTexts(), logger: context.logger, botInfo });
  let updateId = 1;
  let read = 0;
  const chat = { id: 777, type: 'private' as const, first_name: 'A' };
  const from = { id: 777, is_bot: false, first_name: 'A' };
  const collect = async (): Promise<Seen> => {
    const calls = api.sent().slice(read);
    read += calls.length;
    return {
      texts: calls.map((call) => String(call.body.text)),
      payloads: calls.flatMap((call) => ((call.body.reply_markup as { inline_keyboard?: { callback_data: string }[][] })?.inline_keyboard ?? []).flat().map((button) => button.callback_data)),
    };
  };
  return {
    channel: 'telegram',
    chatId: '777',
    sender: telegramSender({ token: '1:CONTRACT', apiRoot: root, limits: { perSecond: Infinity, perChatPerSecond: Infinity } }),
    context,
    async act(step) {
      const id = updateId++;
      const update =
        step.kind === 'button'
          ? { update_id: id, callback_query: { id: `q${id}`, from, chat_instance: 'c', data: step.payload, message: { message_id: 1, date: 0, chat } } }
          : { update_id: id, message: { message_id: id, date: 0, chat, from, text: step.kind === 'command' ? `/${step.name}` : step.text } };
      await bot.handleUpdate(update as never);
      return collect();
    },
    collect,
    close: async () => undefined,
  };
}

async function whatsappDriver(): Promise<Driver> {
  const context = setup();
  const graph = new FakeGraphApi();
  const root = await graph.listen();
  closers.push(() => graph.close());
  const channel = whatsappChannel(
    { WHATSAPP_TOKEN: 'token-contract-1', WHATSAPP_PHONE_NUMBER_ID: '999', WHATSAPP_APP_SECRET: 'contract-secret', WHATSAPP_VERIFY_TOKEN: 'verify-contract', WHATSAPP_API_ROOT: root },
    { conversation: context.conversation, db: context.db, logger: context.logger },
  )!;
  const app = express();
  app.use(channel.router);
  const base = await listen(app);
  let read = 0;
  let id = 0;
  const collect = async (): Promise<Seen> => {
    await channel.idle();
    const messages = graph.messages.slice(read);
    read += messages.length;
    return {
      texts: messages.map((message) => {
        const body = message.body as { text?: { body: string }; interactive?: { body: { text: string } } };
        return body.text?.body ?? body.interactive?.body.text ?? '';
      }),
      payloads: messages.flatMap((message) => {
        const action = (message.body as { interactive?: { action: { buttons?: { reply: { id: string } }[]; sections?: { rows: { id: string }[] }[] } } }).interactive?.action;
        return [...(action?.buttons?.map((button) => button.reply.id) ?? []), ...(action?.sections?.flatMap((section) => section.rows.map((row) => row.id)) ?? [])];
      }),
    };
  };
  return {
    channel: 'whatsapp',
    chatId: '4915100000777',
    sender: { ...channel.sender, limits: { perSecond: Infinity, perChatPerSecond: Infinity } },
    context,
    async act(step) {
      const from = '4915100000777';
      const message =
        step.kind === 'button'
          ? { id: `m${++id}`, from, type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: step.payload, title: 'x' } } }
          : { id: `m${++id}`, from, type: 'text', text: { body: step.kind === 'command' ? `/${step.name}` : step.text } };
      const raw = JSON.stringify({ entry: [{ changes: [{ value: { messages: [message] } }] }] });
      await fetch(`${base}/whatsapp/webhook`, { method: 'POST', headers: { 'x-hub-signature-256': `sha256=${createHmac('sha256', 'contract-secret').update(raw).digest('hex')}` }, body: raw });
      return collect();
    },
    collect,
    close: async () => undefined,
  };
}

async function botframeworkDriver(): Promise<Driver> {
  const context = setup();
  const connector = new FakeConnector();
  const serviceUrl = await connector.listen();
  closers.push(() => connector.close());
  const channel = botframeworkChannel({ BOTFRAMEWORK_DEV_MODE: true }, { conversation: context.conversation, db: context.db, logger: context.logger })!;
  const app = express();
  app.use(channel.router);
  const base = await listen(app);
  let read = 0;
  let id = 0;
  const collect = async (): Promise<Seen> => {
    const activities = connector.received.slice(read).map((entry) => entry.body);
    read += activities.length;
    const actionsOf = (activity: Record<string, unknown>) => [
      ...((activity.suggestedActions as { actions?: { value?: { payload?: string } }[] })?.actions ?? []),
      ...((activity.attachments as { content: { buttons?: { value?: { payload?: string } }[] } }[] | undefined)?.flatMap((attachment) => attachment.content.buttons ?? []) ?? []),
    ];
    return {
      texts: activities.map((activity) => String(activity.text ?? (activity.attachments as { content: { title?: string; text?: string } }[] | undefined)?.map((attachment) => `${attachment.content.title}\n${attachment.content.text}`).join('\n') ?? '')),
      payloads: activities.flatMap((activity) => actionsOf(activity).flatMap((action) => (typeof action.value?.payload === 'string' ? [action.value.payload] : []))),
    };
  };
  return {
    channel: 'botframework',
    chatId: 'conv-contract',
    sender: { ...channel.sender, limits: { perSecond: Infinity, perChatPerSecond: Infinity } },
    context,
    async act(step) {
      const activity = {
        type: 'message',
        id: `a${++id}`,
        channelId: 'emulator',
        serviceUrl,
        locale: 'de-DE',
        from: { id: 'user' },
        recipient: { id: 'bot' },
        conversation: { id: 'conv-contract' },
        ...(step.kind === 'button' ? { text: step.payload, value: { payload: step.payload } } : { text: step.kind === 'command' ? `/${step.name}` : step.text }),
      };
      await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      return collect();
    },
    collect,
    close: async () => undefined,
  };
}

async function webchatDriver(): Promise<Driver> {
  const context = setup();
  const app = express();
  app.use(webchatRouter({ conversation: context.conversation, registry: context.registry, db: context.db, perMinute: 1000 }));
  const base = await listen(app);
  const clientId = 'contract-client-0123456789';
  const toSeen = (replies: { blocks: { text?: string }[]; buttons?: { payload: string }[][] }[]): Seen => ({
    texts: replies.map((reply) => reply.blocks.map((block) => block.text ?? '').join('\n')),
    payloads: replies.flatMap((reply) => (reply.buttons ?? []).flat().map((button) => button.payload)),
  });
  return {
    channel: 'webchat',
    chatId: clientId,
    sender: webchatSender(context.db),
    context,
    async act(step) {
      const body = step.kind === 'button' ? { clientId, payload: step.payload } : { clientId, text: step.kind === 'command' ? `/${step.name}` : step.text };
      const response = await fetch(`${base}/webchat/api/message`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return toSeen(((await response.json()) as { replies: Parameters<typeof toSeen>[0] }).replies);
    },
    async collect() {
      return toSeen(((await (await fetch(`${base}/webchat/api/inbox?clientId=${clientId}`)).json()) as { replies: Parameters<typeof toSeen>[0] }).replies);
    },
    close: async () => undefined,
  };
}

const DRIVERS: [string, () => Promise<Driver>][] = [
  ['Telegram', telegramDriver],
  ['WhatsApp', whatsappDriver],
  ['Bot Framework', botframeworkDriver],
  ['web chat', webchatDriver],
];

describe.each(DRIVERS)('adapter contract: %s', (_name, make) => {
  it('start → language → question → more → 👍 → subscribe → announcement → /delete', async () => {
    const driver = await make();
    const { context } = driver;

    const started = await driver.act({ kind: 'command', name: 'start' });
    expect(started.payloads).toContain('lang:de');

    const chosen = await driver.act({ kind: 'button', payload: 'lang:de' });
    expect(chosen.texts.join('\n')).toContain('Deutsch');

    const answer = await driver.act({ kind: 'text', text: 'Wo melde ich meine Wohnung an?' });
    expect(answer.texts.join('\n')).toContain('anmelden');
    expect(answer.payloads).toContain('more');
    const up = answer.payloads.find((payload) => payload.startsWith('fb:up:'));
    expect(up).toBeDefined();

    const more = await driver.act({ kind: 'button', payload: 'more' });
    expect(more.payloads.some((payload) => payload.startsWith('hit:'))).toBe(true);

    const thanks = await driver.act({ kind: 'button', payload: up! });
    expect(thanks.texts.join('\n')).toContain('Dank');

    const topics = await driver.act({ kind: 'command', name: 'subscribe' });
    expect(topics.payloads).toContain('sub:news');
    await driver.act({ kind: 'button', payload: 'sub:news' });

    const { announcements, engine } = createBroadcasting({ db: context.db, registry: context.registry, texts: new BotTexts(), senders: new Map([[driver.channel, driver.sender]]), logger: context.logger });
    const id = announcements.create({ region: 'musterstadt', topic: 'news', texts: { de: 'Das Bürgerbüro ist am Montag geschlossen.' }, link: null, author: 'contract', fallback: 'main' })!;
    engine.start();
    while (announcements.progress(id)!.announcement.state !== 'done') await new Promise((resolve) => setTimeout(resolve, 20));
    await engine.stop();
    expect(announcements.progress(id)!.counts).toMatchObject({ sent: 1 });
    expect((await driver.collect()).texts.join('\n')).toContain('Bürgerbüro ist am Montag geschlossen');

    await driver.act({ kind: 'command', name: 'delete' });
    const deleted = await driver.act({ kind: 'button', payload: 'del:yes' });
    expect(deleted.texts.join('\n')).toContain('gelöscht');
    expect(context.db.prepare('SELECT COUNT(*) AS n FROM chats WHERE channel = ?').get(driver.channel)).toEqual({ n: 0 });
    expect(context.db.prepare('SELECT COUNT(*) AS n FROM deliveries WHERE chat_id = ?').get(driver.chatId)).toEqual({ n: 0 });
    await driver.close();
  }, 30_000);
});
