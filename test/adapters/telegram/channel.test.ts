import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { telegramChannel } from '../../../adapters/telegram/index.js';
import { BotTexts } from '../../../src/core/i18n.js';
import { setup } from '../../intents/helpers.js';
import { FakeBotApi, updates } from './fake-bot-api.js';

const TOKEN = '123456:TEST-token';
const SECRET = 'a-very-secret-token-123';
let api: FakeBotApi;
let cleanup: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

function deps() {
  const { conversation, logger, logLines } = setup();
  return { conversation, logger, logLines, texts: new BotTexts() };
}

describe('Telegram channel against a fake Bot API server (TELEGRAM_API_ROOT)', () => {
  it('is off, with one log line, without a token', () => {
    const { conversation, logger, logLines, texts } = deps();
    expect(telegramChannel({}, { conversation, logger, texts })).toBeNull();
    expect(logLines.filter((line) => line.includes('Telegram adapter off'))).toHaveLength(1);
  });

  it('long-polls updates and answers through the real grammY HTTP client', async () => {
    api = new FakeBotApi();
    const root = await api.listen();
    cleanup.push(() => api.close());
    const { conversation, logger, texts } = deps();
    const channel = telegramChannel({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: root }, { conversation, logger, texts })!;
    expect(channel.mode).toBe('polling');
    api.queue(updates.text('/start'), updates.button('lang:de'), updates.text('Wo melde ich meine Wohnung an?'));
    await channel.start();
    cleanup.push(() => channel.stop());
    await api.waitFor('sendMessage', 3);
    const texts_ = api.sent().map((call) => String(call.body.text));
    expect(texts_[2]).toContain('anmelden');
    expect(api.calls.map((call) => call.method)).toEqual(expect.arrayContaining(['getMe', 'deleteWebhook', 'setMyCommands', 'getUpdates', 'answerCallbackQuery', 'sendChatAction']));
    // Commands are registered in every language the bot speaks.
    const languages = api.sent('setMyCommands').map((call) => call.body.language_code ?? 'default');
    expect(languages).toEqual(expect.arrayContaining(['default', 'de', 'ar', 'uk']));
    // The three updates of one chat were answered in order.
    expect(texts_[0]).toContain('Musterstadt');
  });

  it('takes webhooks on the express server, checks the secret, and stops cleanly', async () => {
    api = new FakeBotApi();
    const root = await api.listen();
    cleanup.push(() => api.close());
    const { conversation, logger, texts } = deps();
    const channel = telegramChannel({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: root, TELEGRAM_WEBHOOK_URL: 'https://lotse.example/telegram/hook', TELEGRAM_WEBHOOK_SECRET: SECRET }, { conversation, logger, texts })!;
    expect(channel.mode).toBe('webhook');
    const app = express();
    channel.mount(app);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    cleanup.push(() => new Promise((resolve) => server.close(() => resolve())));
    await channel.start();
    expect(api.sent('setWebhook')[0]!.body).toMatchObject({ url: 'https://lotse.example/telegram/hook', secret_token: SECRET });

    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram/hook`;
    const post = (body: object, secret?: string) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) }, body: JSON.stringify(body) });

    expect((await post(updates.text('/help'))).status).toBe(401);
    expect((await post(updates.text('/help'), 'wrong-secret-wrong-secret')).status).toBe(401);
    expect(api.sent()).toHaveLength(0);

    const update = updates.text('/help');
    expect((await post(update, SECRET)).status).toBe(200);
    expect(api.sent()).toHaveLength(1);
    // Telegram re-sends a late update: it is answered once.
    expect((await post(update, SECRET)).status).toBe(200);
    expect(api.sent()).toHaveLength(1);
  });
});
